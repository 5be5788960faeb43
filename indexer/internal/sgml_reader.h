// Reads Reuters-21578 SGML: many <REUTERS ...> records per file, Latin-1,
// not strictly valid SGML. Streams record by record. Not thread-safe.
#ifndef DOSSIER_INDEXER_INTERNAL_SGML_READER_H_
#define DOSSIER_INDEXER_INTERNAL_SGML_READER_H_

#include "common/status.h"
#include "indexer/archive_reader.h"
#include "indexer/internal/gzip_reader.h"

namespace dossier::indexer::internal {

// Emits one item per <REUTERS> record, origin "<in.name()>:<line>" of the
// record's first line.
Status ReadSgml(InputStream& in, const ReaderOptions& options,
                const ReadCallback& emit);

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_SGML_READER_H_
