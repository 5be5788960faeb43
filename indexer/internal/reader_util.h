// Helpers shared by the format readers: building rejects, and finishing an
// article the same way whatever its format (UTF-8 repair, trimming, date
// normalization, size limit, stable id). Pure; thread-safe.
#ifndef DOSSIER_INDEXER_INTERNAL_READER_UTIL_H_
#define DOSSIER_INDEXER_INTERNAL_READER_UTIL_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "common/article.h"
#include "indexer/archive_reader.h"

namespace dossier::indexer::internal {

// Longest Reject::raw_excerpt, in bytes.
inline constexpr std::size_t kExcerptBytes = 200;

// The first kExcerptBytes of `raw`, cut on a code point boundary, with
// invalid UTF-8 replaced by U+FFFD (so it can go into JSON).
std::string Excerpt(std::string_view raw);

// A reject at `origin` whose status is kInvalidInput(`reason`) located at
// `origin`: ToString() gives "<origin>: <reason>".
ReadItem MakeReject(const std::string& origin, std::string reason,
                    std::string_view raw, std::uint64_t offset_bytes);

// Turns a record's fields into the item to emit. `article.date` holds the
// raw date and `article.origin` must be set. In order:
//   1. invalid UTF-8 in any field -> U+FFFD, one warning with the count;
//   2. blanks trimmed from both ends of every field;
//   3. empty text -> reject with `empty_text_reason`;
//   4. text over options.max_article_bytes -> reject
//      "article is N bytes, over the M-byte limit";
//   5. date normalized; unparseable -> empty date and a warning;
//   6. id = StableArticleId().
ReadItem FinishArticle(Article article, std::string_view raw,
                       std::string_view empty_text_reason,
                       const ReaderOptions& options,
                       std::uint64_t offset_bytes);

// `text` without leading and trailing ASCII blanks (space, \t, \r, \n, \f,
// \v).
std::string_view TrimBlanks(std::string_view text);

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_READER_UTIL_H_
