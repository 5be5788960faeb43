#include "indexer/internal/text_reader.h"

#include <utility>

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

Article TextToArticle(std::string_view content) {
  std::string text;
  text.reserve(content.size());
  for (std::size_t i = 0; i < content.size(); ++i) {
    if (content[i] == '\r' && i + 1 < content.size() &&
        content[i + 1] == '\n') {
      continue;
    }
    text += content[i];
  }
  const std::string_view trimmed = TrimBlanks(text);
  const std::size_t eol = trimmed.find('\n');
  Article article;
  article.title = std::string(trimmed.substr(0, eol));
  if (eol != std::string_view::npos) {
    article.text = std::string(TrimBlanks(trimmed.substr(eol + 1)));
  }
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
