// Reads one HTML page as one article: the title, the main text without
// navigation and page chrome, and the metadata of its <meta> tags. Parsed
// with gumbo. Not thread-safe.
#ifndef DOSSIER_INDEXER_INTERNAL_HTML_READER_H_
#define DOSSIER_INDEXER_INTERNAL_HTML_READER_H_

#include <string_view>

#include "common/article.h"
#include "common/status.h"
#include "indexer/archive_reader.h"
#include "indexer/internal/gzip_reader.h"

namespace dossier::indexer::internal {

// Emits one item for `in`, origin in.name(). Rejects:
//   no article text found in the page
//   file is N bytes, over the M-byte record limit
//   article is N bytes, over the M-byte limit
Status ReadHtml(InputStream& in, const ReaderOptions& options,
                const ReadCallback& emit);

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_HTML_READER_H_
