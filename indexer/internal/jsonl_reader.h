// Reads JSONL: one article per line, as described by
// schemas/article.schema.json. Bad lines become rejects with their line
// number and reading goes on; blank lines are skipped. Not thread-safe.
#ifndef DOSSIER_INDEXER_INTERNAL_JSONL_READER_H_
#define DOSSIER_INDEXER_INTERNAL_JSONL_READER_H_

#include "common/status.h"
#include "indexer/archive_reader.h"
#include "indexer/internal/gzip_reader.h"

namespace dossier::indexer::internal {

// Emits one item per non-blank line of `in`; origins are
// "<in.name()>:<line>". Reject reasons (exact texts, pinned by tests):
//   invalid JSON at column C: <parser message>
//   expected a JSON object, got <type>
//   missing required field "text"
//   "text" is empty
//   field "<name>" must be a string or null, got <type>
//   line is N bytes, over the M-byte record limit
//   article is N bytes, over the M-byte limit
// Invalid UTF-8 is repaired (U+FFFD) with a warning, never rejected.
// Fails only when `in` fails (kIOError, kCorruption).
Status ReadJsonl(InputStream& in, const ReaderOptions& options,
                 const ReadCallback& emit);

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_JSONL_READER_H_
