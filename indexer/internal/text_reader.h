// Reads one plain-text article per file: the first non-blank line is the
// title, the rest the body (the layout of the BBC corpus). Not thread-safe.
#ifndef DOSSIER_INDEXER_INTERNAL_TEXT_READER_H_
#define DOSSIER_INDEXER_INTERNAL_TEXT_READER_H_

#include <string>

#include "common/status.h"
#include "indexer/archive_reader.h"
#include "indexer/internal/gzip_reader.h"

namespace dossier::indexer::internal {

// Reads all of `in` (up to options.max_record_bytes) into *out, dropping a
// leading UTF-8 byte order mark. Sets *full_size_bytes to the whole size;
// when it exceeds the limit, *out holds only the first bytes and the rest
// is skipped unread into memory. Fails as InputStream::Read.
Status ReadWhole(InputStream& in, const ReaderOptions& options,
                 std::string* out, std::size_t* full_size_bytes);

// Emits one item for `in`, origin in.name(). Rejects:
//   no text after the title line
//   file is N bytes, over the M-byte record limit
//   article is N bytes, over the M-byte limit
// The article has no id of its own: it gets the "fnv-" content hash.
Status ReadText(InputStream& in, const ReaderOptions& options,
                const ReadCallback& emit);

// Splits `content` into title and body as ReadText does (exposed for
// stdin and tests); CRLF line ends become LF.
Article TextToArticle(std::string_view content);

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_TEXT_READER_H_
