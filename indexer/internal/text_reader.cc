#include "indexer/internal/text_reader.h"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

#include "indexer/internal/reader_util.h"

namespace dossier::indexer::internal {

Status ReadWhole(InputStream& in, const ReaderOptions& options,
                 std::string* out, std::size_t* full_size_bytes) {
  out->clear();
  std::size_t full = 0;
  std::string chunk(std::size_t{64} << 10, '\0');
  while (true) {
    Result<std::size_t> got = in.Read(chunk.data(), chunk.size());
    if (!got.has_value()) {
      return got.error();
    }
    if (*got == 0) {
      break;
    }
    full += *got;
    if (out->size() < options.max_record_bytes) {
      out->append(chunk, 0,
                  std::min(*got, options.max_record_bytes - out->size()));
    }
  }
  if (out->starts_with("\xEF\xBB\xBF")) {
    out->erase(0, 3);
  }
  *full_size_bytes = full;
  return Status::Ok();
}

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// Lines a page saved as text keeps from its chrome: "Skip to content" at
// the top, "More in ..."/"See all" link-list headings at the bottom.
bool IsLeadingChrome(std::string_view line) {
  const std::string lower = Lower(TrimBlanks(line));
  return lower.empty() || lower == "skip to content" ||
         lower == "skip to main content";
}

bool IsTrailingChrome(std::string_view line) {
  const std::string lower = Lower(TrimBlanks(line));
  return lower.empty() || lower == "see all" || lower == "from our partners" ||
         lower == "related" || lower == "advertisement" ||
         lower == "read more" || lower.starts_with("more in ") ||
         lower.starts_with("more from ");
}

}  // namespace

Article TextToArticle(std::string_view content) {
  std::vector<std::string_view> lines;
  std::string text;
  text.reserve(content.size());
  for (std::size_t i = 0; i < content.size(); ++i) {
    if (content[i] == '\r' && i + 1 < content.size() &&
        content[i + 1] == '\n') {
      continue;
    }
    text += content[i];
  }
  for (std::size_t pos = 0; pos <= text.size();) {
    const std::size_t eol = std::min(text.find('\n', pos), text.size());
    lines.push_back(std::string_view(text).substr(pos, eol - pos));
    pos = eol + 1;
  }
  std::size_t first = 0;
  while (first < lines.size() && IsLeadingChrome(lines[first])) {
    ++first;
  }
  std::size_t last = lines.size();
  while (last > first + 1 && IsTrailingChrome(lines[last - 1])) {
    --last;
  }
  Article article;
  if (first == last) {
    return article;
  }
  article.title = std::string(TrimBlanks(lines[first]));
  std::size_t body = first + 1;
  // Saved pages often repeat the headline at the top of the body.
  while (body < last && (TrimBlanks(lines[body]).empty() ||
                         TrimBlanks(lines[body]) == article.title)) {
    ++body;
  }
  for (std::size_t i = body; i < last; ++i) {
    article.text += lines[i];
    article.text += '\n';
  }
  article.text = std::string(TrimBlanks(article.text));
  return article;
}

Status ReadText(InputStream& in, const ReaderOptions& options,
                const ReadCallback& emit) {
  std::string content;
  std::size_t full_size = 0;
  DOSSIER_RETURN_IF_ERROR(ReadWhole(in, options, &content, &full_size));
  if (full_size > options.max_record_bytes) {
    emit(MakeReject(
        in.name(),
        "file is " + std::to_string(full_size) + " bytes, over the " +
            std::to_string(options.max_record_bytes) + "-byte record limit",
        content, in.raw_bytes_read()));
    return Status::Ok();
  }
  Article article = TextToArticle(content);
  article.origin = in.name();
  emit(FinishArticle(std::move(article), content,
                     "no text after the title line", options,
                     in.raw_bytes_read()));
  return Status::Ok();
}

}  // namespace dossier::indexer::internal
