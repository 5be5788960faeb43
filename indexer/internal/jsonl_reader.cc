#include "indexer/internal/jsonl_reader.h"

#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "common/utf8.h"
#include "indexer/internal/reader_util.h"

namespace dossier::indexer::internal {
namespace {

using Json = nlohmann::json;

// nlohmann's what() reads "[json.exception.parse_error.101] parse error at
// line 1, column 7: syntax error ..."; keep the part after the position and
// report the column (the line is always 1: we parse one line at a time).
std::string ParseErrorReason(const Json::parse_error& e) {
  std::string what = e.what();
  const std::size_t column = what.find(", column ");
  if (column != std::string::npos) {
    const std::size_t colon = what.find(": ", column);
    if (colon != std::string::npos) {
      what = what.substr(colon + 2);
    }
  }
  return "invalid JSON at column " + std::to_string(e.byte) + ": " + what;
}

// Copies optional string field `name` of `record` into *out. An integer is
// accepted for "id" only. Returns the reject reason, or "" on success.
std::string TakeString(const Json& record, const char* name, std::string* out) {
  const auto it = record.find(name);
  if (it == record.end() || it->is_null()) {
    return {};
  }
  if (it->is_string()) {
    *out = it->get<std::string>();
    return {};
  }
  if (std::string_view(name) == "id" && it->is_number_integer()) {
    *out = it->dump();
    return {};
  }
  return std::string("field \"") + name + "\" must be a string or null, got " +
         it->type_name();
}

// One non-blank line to one item.
ReadItem ReadRecord(const std::string& line, const std::string& origin,
                    const ReaderOptions& options, std::uint64_t offset_bytes) {
  // nlohmann rejects ill-formed UTF-8 inside strings; we repair instead
  // (documented in schemas/article.schema.json), and FinishArticle warns.
  std::size_t replaced = 0;
  const std::string repaired = FindInvalidUtf8(line) == std::string::npos
                                   ? std::string()
                                   : RepairUtf8(line, &replaced);
  const std::string& text = replaced > 0 ? repaired : line;
  Json record;
  try {
    record = Json::parse(text);
  } catch (const Json::parse_error& e) {
    return MakeReject(origin, ParseErrorReason(e), line, offset_bytes);
  }
  if (!record.is_object()) {
    return MakeReject(
        origin,
        std::string("expected a JSON object, got ") + record.type_name(), line,
        offset_bytes);
  }
  if (!record.contains("text") || record["text"].is_null()) {
    return MakeReject(origin, "missing required field \"text\"", line,
                      offset_bytes);
  }
  Article article;
  article.origin = origin;
  const std::pair<const char*, std::string*> fields[] = {
      {"id", &article.id},        {"url", &article.url},
      {"title", &article.title},  {"text", &article.text},
      {"date", &article.date},    {"source", &article.source},
      {"author", &article.author}};
  for (const auto& [name, field] : fields) {
    std::string reason = TakeString(record, name, field);
    if (!reason.empty()) {
      return MakeReject(origin, std::move(reason), line, offset_bytes);
    }
  }
  ReadItem item = FinishArticle(std::move(article), line, "\"text\" is empty",
                                options, offset_bytes);
  if (replaced > 0 && item.article.has_value()) {
    item.warnings.insert(item.warnings.begin(),
                         origin + ": invalid UTF-8 replaced with U+FFFD (" +
                             std::to_string(replaced) + " bytes)");
  }
  return item;
}

}  // namespace

Status ReadJsonl(InputStream& in, const ReaderOptions& options,
                 const ReadCallback& emit) {
  LineReader lines(&in);
  std::string line;
  while (true) {
    std::size_t full_size = 0;
    Result<bool> more = lines.Next(&line, options.max_record_bytes, &full_size);
    if (!more.has_value()) {
      return more.error();
    }
    if (!*more) {
      return Status::Ok();
    }
    const std::string origin =
        in.name() + ":" + std::to_string(lines.line_number());
    if (full_size > options.max_record_bytes) {
      emit(MakeReject(
          origin,
          "line is " + std::to_string(full_size) + " bytes, over the " +
              std::to_string(options.max_record_bytes) + "-byte record limit",
          line, in.raw_bytes_read()));
      continue;
    }
    if (TrimBlanks(line).empty()) {
      continue;
    }
    emit(ReadRecord(line, origin, options, in.raw_bytes_read()));
  }
}

}  // namespace dossier::indexer::internal
