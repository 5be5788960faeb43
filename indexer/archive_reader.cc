// Dispatch from an input to its format reader. The readers themselves live
// in internal/ (one per format), share internal/reader_util for turning
// records into items, and read through internal/gzip_reader, which inflates
// gzip and counts raw bytes for progress.
#include "indexer/archive_reader.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <system_error>
#include <utility>

#include "indexer/internal/gzip_reader.h"
#include "indexer/internal/html_reader.h"
#include "indexer/internal/jsonl_reader.h"
#include "indexer/internal/sgml_reader.h"
#include "indexer/internal/text_reader.h"

namespace dossier::indexer {
namespace {

namespace fs = std::filesystem;

// Enough to see past a DOCTYPE and a few head elements.
constexpr std::size_t kSniffBytes = 4096;

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(std::tolower(c));
  });
  return out;
}

// The format named by `path`'s extension, looking through ".gz"; nullopt
// when the extension is unknown.
std::optional<InputFormat> FormatFromExtension(const fs::path& path) {
  fs::path name = path.filename();
  if (Lower(name.extension().string()) == ".gz") {
    name = name.stem();
  }
  const std::string ext = Lower(name.extension().string());
  if (ext == ".jsonl" || ext == ".ndjson") {
    return InputFormat::kJsonl;
  }
  if (ext == ".txt" || ext == ".text") {
    return InputFormat::kText;
  }
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") {
    return InputFormat::kHtml;
  }
  if (ext == ".sgm" || ext == ".sgml") {
    return InputFormat::kSgml;
  }
  return std::nullopt;
}

// Appends the readable files under `dir` in sorted order.
Status ExpandDirectory(const fs::path& dir, std::vector<InputFile>* files,
                       std::vector<std::string>* notes) {
  std::vector<InputFile> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    const std::string name = entry.path().filename().string();
    if (name.starts_with(".")) {
      if (notes != nullptr) {
        notes->push_back("skipping hidden " + entry.path().string());
      }
      if (entry.is_directory(ec)) {
        it.disable_recursion_pending();
      }
      continue;
    }
    if (!entry.is_regular_file(ec)) {
      continue;
    }
    const std::optional<InputFormat> format = FormatFromExtension(entry.path());
    if (!format) {
      if (notes != nullptr) {
        notes->push_back("skipping " + entry.path().string() +
                         ": unknown extension");
      }
      continue;
    }
    std::error_code size_ec;
    const std::uintmax_t size = entry.file_size(size_ec);
    found.push_back({entry.path().string(), size_ec ? 0 : size, *format});
  }
  if (ec) {
    return Status::IOError("cannot walk directory " + dir.string() + ": " +
                           ec.message());
  }
  std::sort(
      found.begin(), found.end(),
      [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
  files->insert(files->end(), std::make_move_iterator(found.begin()),
                std::make_move_iterator(found.end()));
  return Status::Ok();
}

Status ReadStream(internal::InputStream& in, InputFormat format,
                  const ReaderOptions& options, const ReadCallback& emit) {
  if (format == InputFormat::kAuto) {
    Result<std::string_view> head = in.Peek(kSniffBytes);
    if (!head.has_value()) {
      return head.error();
    }
    format = DetectFormat(*head);
  }
  switch (format) {
    case InputFormat::kJsonl:
      return internal::ReadJsonl(in, options, emit);
    case InputFormat::kText:
      return internal::ReadText(in, options, emit);
    case InputFormat::kHtml:
      return internal::ReadHtml(in, options, emit);
    case InputFormat::kSgml:
      return internal::ReadSgml(in, options, emit);
    case InputFormat::kAuto:
      break;
  }
  return Status::Internal("no reader for format auto");
}

}  // namespace

std::string_view InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kAuto:
      return "auto";
    case InputFormat::kJsonl:
      return "jsonl";
    case InputFormat::kText:
      return "text";
    case InputFormat::kHtml:
      return "html";
    case InputFormat::kSgml:
      return "sgml";
  }
  return "unknown";
}

InputFormat DetectFormat(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) {
    head.remove_prefix(3);
  }
  const std::size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return InputFormat::kText;
  }
  if (head[first] == '{') {
    return InputFormat::kJsonl;
  }
  if (head.find("<REUTERS") != std::string_view::npos) {
    return InputFormat::kSgml;
  }
  if (head[first] == '<') {
    const std::string lower = Lower(head.substr(first));
    for (std::string_view tag :
         {"<!doctype html", "<html", "<head", "<body", "<meta", "<article"}) {
      if (lower.find(tag) != std::string::npos) {
        return InputFormat::kHtml;
      }
    }
  }
  return InputFormat::kText;
}

Result<std::vector<InputFile>> ExpandInputs(
    const std::vector<std::string>& paths, std::vector<std::string>* notes) {
  std::vector<InputFile> files;
  std::vector<std::string> missing;
  for (const std::string& path : paths) {
    if (path == "-") {
      files.push_back({"-", 0, InputFormat::kAuto});
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (!fs::exists(status)) {
      missing.push_back(path);
      continue;
    }
    if (fs::is_directory(status)) {
      DOSSIER_RETURN_IF_ERROR(ExpandDirectory(path, &files, notes));
      continue;
    }
    const std::uintmax_t size = fs::file_size(path, ec);
    files.push_back({path, ec ? 0 : size,
                     FormatFromExtension(path).value_or(InputFormat::kAuto)});
  }
  if (!missing.empty()) {
    std::string message = "no such file or directory: ";
    for (std::size_t i = 0; i < missing.size(); ++i) {
      message += (i > 0 ? ", " : "") + missing[i];
    }
    return Status::NotFound(std::move(message));
  }
  return files;
}

Status ReadInput(const InputFile& input, const ReaderOptions& options,
                 const ReadCallback& emit) {
  if (input.path == "-") {
    return ReadFd(0, "<stdin>", input.format, options, emit);
  }
  Result<std::unique_ptr<internal::InputStream>> in =
      internal::InputStream::Open(input.path);
  if (!in.has_value()) {
    return in.error();
  }
  return ReadStream(**in, input.format, options, emit);
}

Status ReadFd(int fd, std::string_view name, InputFormat format,
              const ReaderOptions& options, const ReadCallback& emit) {
  std::unique_ptr<internal::InputStream> in =
      internal::InputStream::FromFd(fd, std::string(name));
  return ReadStream(*in, format, options, emit);
}

}  // namespace dossier::indexer
