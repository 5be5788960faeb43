// Streaming in three steps:
//   1. Read chunks into a buffer; each "<REUTERS" ... "</REUTERS>" span is a
//      record. Newlines before it give its line number.
//   2. Convert the record from Latin-1 to UTF-8 and pick its elements with
//      plain string search (the files are not valid SGML: a real parser
//      would trip on "&#3;" and unclosed tags).
//   3. Build the text: decode entities, drop control characters, reflow the
//      hard-wrapped body into paragraphs.
#include "indexer/internal/sgml_reader.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

#include "common/utf8.h"
#include "indexer/internal/reader_util.h"

namespace dossier::indexer::internal {
namespace {

constexpr std::string_view kOpenTag = "<REUTERS";
constexpr std::string_view kCloseTag = "</REUTERS>";
constexpr std::size_t kChunkBytes = std::size_t{64} << 10;

// The content of the first <tag>...</tag> (or <tag attr=...>...</tag>) in
// `record`; nullopt when absent. An unclosed element runs to the record end.
std::optional<std::string_view> Element(std::string_view record,
                                        std::string_view tag) {
  const std::string open = "<" + std::string(tag);
  std::size_t start = record.find(open);
  while (start != std::string_view::npos) {
    const char next = start + open.size() < record.size()
                          ? record[start + open.size()]
                          : '\0';
    if (next == '>' || next == ' ') {
      break;
    }
    start = record.find(open, start + 1);
  }
  if (start == std::string_view::npos) {
    return std::nullopt;
  }
  const std::size_t content = record.find('>', start);
  if (content == std::string_view::npos) {
    return std::nullopt;
  }
  const std::string close = "</" + std::string(tag) + ">";
  const std::size_t end = record.find(close, content + 1);
  return record.substr(content + 1, end == std::string_view::npos
                                        ? std::string_view::npos
                                        : end - content - 1);
}

// Value of attribute `name` in the record's opening tag.
std::string Attribute(std::string_view record, std::string_view name) {
  const std::string_view tag = record.substr(0, record.find('>'));
  const std::string key = " " + std::string(name) + "=\"";
  const std::size_t at = tag.find(key);
  if (at == std::string_view::npos) {
    return {};
  }
  const std::size_t begin = at + key.size();
  const std::size_t end = tag.find('"', begin);
  return std::string(tag.substr(begin, end == std::string_view::npos
                                           ? std::string_view::npos
                                           : end - begin));
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      space = !out.empty();
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += c;
  }
  return out;
}

// Joins hard-wrapped lines; a line starting with blanks (the wire's
// paragraph indent) or following an empty line begins a new paragraph.
std::string Reflow(std::string_view body) {
  std::string out;
  bool new_paragraph = false;
  std::size_t pos = 0;
  while (pos <= body.size()) {
    const std::size_t eol = std::min(body.find('\n', pos), body.size());
    const std::string_view line = body.substr(pos, eol - pos);
    pos = eol + 1;
    const std::string_view trimmed = TrimBlanks(line);
    if (trimmed.empty()) {
      new_paragraph = true;
      continue;
    }
    if (!out.empty()) {
      const bool indented = line[0] == ' ' || line[0] == '\t';
      out += (new_paragraph || indented) ? "\n\n" : " ";
    }
    out += trimmed;
    new_paragraph = false;
  }
  return out;
}

// Drops the closing sign-off line, "Reuter" (sometimes "REUTER").
std::string DropSignOff(std::string text) {
  const std::size_t last = text.find_last_of('\n');
  const std::string_view tail = TrimBlanks(
      std::string_view(text).substr(last == std::string::npos ? 0 : last + 1));
  if (tail == "Reuter" || tail == "REUTER") {
    text.erase(last == std::string::npos ? 0 : last);
    text = std::string(TrimBlanks(text));
  }
  return text;
}

// "by Janie Gabbett, Reuters" -> "Janie Gabbett".
std::string CleanAuthor(std::string_view raw) {
  std::string author = CollapseSpaces(raw);
  if (author.starts_with("By ") || author.starts_with("by ") ||
      author.starts_with("BY ")) {
    author.erase(0, 3);
  }
  const std::size_t comma = author.rfind(", Reuters");
  if (comma != std::string::npos && comma + 9 == author.size()) {
    author.erase(comma);
  }
  return author;
}

// The date up to the first entity, control character or comment
// ("&#5;&#5;&#5;RM", "# date added by ..."), which some records append.
std::string CleanDate(std::string_view raw) {
  std::size_t end = 0;
  while (end < raw.size() && raw[end] != '&' && raw[end] != '#' &&
         (static_cast<unsigned char>(raw[end]) >= 0x20 || raw[end] == '\t')) {
    ++end;
  }
  return std::string(TrimBlanks(raw.substr(0, end)));
}

// Text of a <TEXT> element without its TITLE, DATELINE, AUTHOR elements.
std::string UnprocessedText(std::string_view text) {
  std::string out(text);
  for (std::string_view tag : {"TITLE", "DATELINE", "AUTHOR"}) {
    const std::string open = "<" + std::string(tag) + ">";
    const std::string close = "</" + std::string(tag) + ">";
    const std::size_t begin = out.find(open);
    const std::size_t end = out.find(close);
    if (begin != std::string::npos && end != std::string::npos && end > begin) {
      out.erase(begin, end + close.size() - begin);
    }
  }
  return std::string(TrimBlanks(DecodeSgmlText(out)));
}

}  // namespace

std::string DecodeSgmlText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '&') {
      const std::size_t semi = text.find(';', i);
      const std::string_view name =
          semi == std::string_view::npos || semi - i > 10
              ? std::string_view()
              : text.substr(i + 1, semi - i - 1);
      std::optional<char32_t> cp;
      if (name == "lt") {
        cp = '<';
      } else if (name == "gt") {
        cp = '>';
      } else if (name == "amp") {
        cp = '&';
      } else if (name == "quot") {
        cp = '"';
      } else if (name == "apos") {
        cp = '\'';
      } else if (name.size() >= 2 && name[0] == '#' &&
                 name.find_first_not_of("0123456789", 1) ==
                     std::string_view::npos) {
        cp = static_cast<char32_t>(std::stoul(std::string(name.substr(1))));
      }
      if (cp) {
        if ((*cp >= 0x20 && *cp != 0x7f && *cp <= 0x10FFFF) || *cp == '\n' ||
            *cp == '\t') {
          AppendUtf8(*cp, &out);
        }
        i = semi;
        continue;
      }
    }
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

Article SgmlRecordToArticle(std::string_view record) {
  Article article;
  article.source = "Reuters";
  const std::string new_id = Attribute(record, "NEWID");
  if (!new_id.empty()) {
    article.id = "reuters-" + new_id;
  }
  if (std::optional<std::string_view> date = Element(record, "DATE")) {
    article.date = CleanDate(*date);
  }
  const std::string_view text = Element(record, "TEXT").value_or("");
  if (std::optional<std::string_view> title = Element(text, "TITLE")) {
    article.title = CollapseSpaces(DecodeSgmlText(*title));
  }
  if (std::optional<std::string_view> author = Element(text, "AUTHOR")) {
    article.author = CleanAuthor(DecodeSgmlText(*author));
  }
  std::string dateline;
  if (std::optional<std::string_view> line = Element(text, "DATELINE")) {
    dateline = CollapseSpaces(DecodeSgmlText(*line));
    while (!dateline.empty() &&
           (dateline.back() == '-' || dateline.back() == ' ')) {
      dateline.pop_back();
    }
  }
  if (std::optional<std::string_view> body = Element(text, "BODY")) {
    article.text = DropSignOff(Reflow(DecodeSgmlText(*body)));
    if (!dateline.empty() && !article.text.empty()) {
      article.text = dateline + " - " + article.text;
    }
    return article;
  }
  std::string unprocessed = UnprocessedText(text);
  unprocessed.erase(0, unprocessed.find_first_not_of('*'));  // "******"
  if (TrimBlanks(unprocessed) == "Blah blah blah.") {
    unprocessed.clear();  // BRIEF records: the headline is the story
  }
  article.text = unprocessed.empty() ? article.title : DropSignOff(unprocessed);
  return article;
}

namespace {

std::size_t CountLines(const std::string& buf, std::size_t from,
                       std::size_t to) {
  return static_cast<std::size_t>(
      std::count(buf.begin() + static_cast<std::ptrdiff_t>(from),
                 buf.begin() + static_cast<std::ptrdiff_t>(to), '\n'));
}

// Step 1: the buffer of unconsumed input and the line number at its start.
class RecordScanner {
 public:
  RecordScanner(InputStream& in, const ReaderOptions& options,
                const ReadCallback& emit)
      : in_(in), options_(options), emit_(emit) {}

  Status Run() {
    std::string chunk(kChunkBytes, '\0');
    bool eof = false;
    while (true) {
      const std::size_t open = skipping_ ? 0 : buf_.find(kOpenTag);
      const std::size_t close = open == std::string::npos
                                    ? std::string::npos
                                    : buf_.find(kCloseTag, open);
      if (close != std::string::npos) {
        Record(open, close + kCloseTag.size());
        continue;
      }
      if (eof) {
        if (!skipping_ && open != std::string::npos) {
          Consume(open);
          Reject("record has no closing </REUTERS> tag", buf_);
        }
        return Status::Ok();
      }
      if (!skipping_ && open != std::string::npos &&
          buf_.size() - open > options_.max_record_bytes) {
        Consume(open);
        RejectOverLimit();
        skipping_ = true;
      }
      // Keep only a tail that may hold a tag split across chunks.
      const std::size_t keep =
          skipping_ ? kCloseTag.size()
                    : (open == std::string::npos ? kOpenTag.size()
                                                 : buf_.size() - open);
      if (buf_.size() > keep) {
        Consume(buf_.size() - keep);
      }
      Result<std::size_t> got = in_.Read(chunk.data(), chunk.size());
      if (!got.has_value()) {
        return got.error();
      }
      eof = *got == 0;
      buf_.append(chunk, 0, *got);
    }
  }

 private:
  // Drops buf_[0, bytes), counting its lines.
  void Consume(std::size_t bytes) {
    line_ += CountLines(buf_, 0, bytes);
    buf_.erase(0, bytes);
  }

  void Reject(std::string reason, std::string_view raw) {
    emit_(MakeReject(in_.name() + ":" + std::to_string(line_),
                     std::move(reason), Latin1ToUtf8(raw.substr(0, 4096)),
                     in_.raw_bytes_read()));
  }

  void RejectOverLimit() {
    Reject("record is over the " + std::to_string(options_.max_record_bytes) +
               "-byte record limit",
           buf_);
  }

  // Handles the record buf_[open, end) and consumes through it.
  void Record(std::size_t open, std::size_t end) {
    Consume(open);
    end -= open;
    if (skipping_) {
      skipping_ = false;
    } else if (end > options_.max_record_bytes) {
      RejectOverLimit();  // whole within one chunk, but over the limit
    } else {
      // Step 2.
      const std::string record =
          Latin1ToUtf8(std::string_view(buf_).substr(0, end));
      Article article = SgmlRecordToArticle(record);
      if (article.id.empty()) {
        article.id = "reuters-l" + std::to_string(line_);
      }
      article.origin = in_.name() + ":" + std::to_string(line_);
      emit_(FinishArticle(std::move(article), record,
                          "record has no body, title or text", options_,
                          in_.raw_bytes_read()));
    }
    Consume(end);
  }

  InputStream& in_;
  const ReaderOptions& options_;
  const ReadCallback& emit_;
  std::string buf_;
  std::size_t line_ = 1;   // line number of buf_[0]
  bool skipping_ = false;  // inside an over-long record, seeking its end
};

}  // namespace

Status ReadSgml(InputStream& in, const ReaderOptions& options,
                const ReadCallback& emit) {
  return RecordScanner(in, options, emit).Run();
}

}  // namespace dossier::indexer::internal
