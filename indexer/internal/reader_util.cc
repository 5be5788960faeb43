#include "indexer/internal/reader_util.h"

#include <utility>

#include "common/utf8.h"
#include "indexer/article_id.h"
#include "indexer/date_normalize.h"

namespace dossier::indexer::internal {

std::string_view TrimBlanks(std::string_view text) {
  constexpr std::string_view kBlanks = " \t\r\n\f\v";
  const std::size_t begin = text.find_first_not_of(kBlanks);
  if (begin == std::string_view::npos) {
    return {};
  }
  const std::size_t end = text.find_last_not_of(kBlanks);
  return text.substr(begin, end - begin + 1);
}

std::string Excerpt(std::string_view raw) {
  std::size_t cut = std::min(raw.size(), kExcerptBytes);
  // Back up over continuation bytes (10xxxxxx) so no code point is split.
  while (cut < raw.size() && cut > 0 &&
         (static_cast<unsigned char>(raw[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return RepairUtf8(raw.substr(0, cut));
}

ReadItem MakeReject(const std::string& origin, std::string reason,
                    std::string_view raw, std::uint64_t offset_bytes) {
  ReadItem item;
  item.reject = Reject{
      origin, Status::InvalidInput(std::move(reason)).WithLocation(origin),
      Excerpt(raw)};
  item.offset_bytes = offset_bytes;
  return item;
}

ReadItem FinishArticle(Article article, std::string_view raw,
                       std::string_view empty_text_reason,
                       const ReaderOptions& options,
                       std::uint64_t offset_bytes) {
  std::vector<std::string> warnings;
  std::size_t replaced_total = 0;
  for (std::string* field :
       {&article.id, &article.url, &article.title, &article.text, &article.date,
        &article.source, &article.author}) {
    if (FindInvalidUtf8(*field) != std::string::npos) {
      std::size_t replaced = 0;
      *field = RepairUtf8(*field, &replaced);
      replaced_total += replaced;
    }
    const std::string_view trimmed = TrimBlanks(*field);
    if (trimmed.size() != field->size()) {
      *field = std::string(trimmed);
    }
  }
  if (replaced_total > 0) {
    warnings.push_back(article.origin +
                       ": invalid UTF-8 replaced with U+FFFD (" +
                       std::to_string(replaced_total) + " bytes)");
  }
  if (article.text.empty()) {
    return MakeReject(article.origin, std::string(empty_text_reason), raw,
                      offset_bytes);
  }
  if (article.text.size() > options.max_article_bytes) {
    return MakeReject(article.origin,
                      "article is " + std::to_string(article.text.size()) +
                          " bytes, over the " +
                          std::to_string(options.max_article_bytes) +
                          "-byte limit",
                      raw, offset_bytes);
  }
  Result<std::string> date = NormalizeDate(article.date);
  if (date.has_value()) {
    article.date = *std::move(date);
  } else {
    warnings.push_back(article.origin + ": " + date.error().message() +
                       "; date left empty");
    article.date.clear();
  }
  article.id = StableArticleId(article);
  ReadItem item;
  item.article = std::move(article);
  item.warnings = std::move(warnings);
  item.offset_bytes = offset_bytes;
  return item;
}

}  // namespace dossier::indexer::internal
