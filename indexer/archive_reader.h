// Archive readers: turn the inputs of `dossier index` (files, directories,
// "-" for stdin) into a stream of Articles and Rejects. Formats: JSONL (one
// record a line, see schemas/article.schema.json), plain text, HTML pages and
// Reuters-21578 SGML; any of them may be gzip-compressed (detected by the
// magic bytes, not the name). Readers stream: memory stays bounded by the
// limits in ReaderOptions, not by the size of the input.
// Thread-safety: all functions are reentrant; run one ReadInput per thread.
#ifndef DOSSIER_INDEXER_ARCHIVE_READER_H_
#define DOSSIER_INDEXER_ARCHIVE_READER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"
#include "common/result.h"
#include "common/status.h"

namespace dossier::indexer {

enum class InputFormat {
  kAuto,   // decided from the content when the input is read
  kJsonl,  // .jsonl, .ndjson
  kText,   // .txt, .text: first line the title, the rest the body
  kHtml,   // .html, .htm, .xhtml: one article per page
  kSgml,   // .sgm, .sgml: Reuters-21578, many <REUTERS> records per file
};

// "auto", "jsonl", "text", "html" or "sgml".
std::string_view InputFormatName(InputFormat format);

struct InputFile {
  std::string path;  // as given or found; "-" is stdin
  // Size on disk as stored (compressed size for gzip); 0 for stdin. Compare
  // ReadItem::offset_bytes with it for progress.
  std::uint64_t size_bytes = 0;
  InputFormat format = InputFormat::kAuto;
};

struct ReaderOptions {
  // Largest article text accepted, in bytes (UTF-8); a longer article is
  // rejected ("article is N bytes, over the M-byte limit").
  // Default: 4 MiB.
  std::size_t max_article_bytes = std::size_t{4} << 20;
  // Largest raw record held in memory: a JSONL line, an SGML record, or a
  // whole text/HTML file. Beyond it the record is skipped (without reading it
  // into memory) and rejected. Default: 64 MiB.
  std::size_t max_record_bytes = std::size_t{64} << 20;
};

// An input record that could not become an Article. Nothing is dropped
// silently: the caller writes each Reject to rejects.jsonl.
struct Reject {
  std::string origin;       // "path:line" (JSONL), "path:line" of the record
                            // start (SGML) or "path" (text, HTML)
  Status status;            // located at `origin`; ToString() gives
                            // "bad.jsonl:3: invalid JSON at column 7: ..."
  std::string raw_excerpt;  // the first bytes of the record, valid UTF-8
};

// One result of reading: exactly one of `article` and `reject` is set.
struct ReadItem {
  std::optional<Article> article;
  std::optional<Reject> reject;
  // Non-fatal notes about the article, each prefixed with its origin:
  // "a.jsonl:4: invalid UTF-8 replaced with U+FFFD (2 bytes)",
  // "a.jsonl:5: unparseable date \"soon\"; date left empty".
  std::vector<std::string> warnings;
  // Bytes of the input consumed so far, as stored (compressed bytes for
  // gzip); grows monotonically within one input.
  std::uint64_t offset_bytes = 0;
};

using ReadCallback = std::function<void(ReadItem)>;

// Expands `paths` into the files to read, in order. A file is taken as
// given: its format comes from its extension (".gz" is looked through), or
// is kAuto. A directory is walked recursively in sorted path order, skipping
// hidden entries (".git", ".DS_Store") and files of unknown extension; each
// skipped file adds a line to *notes when `notes` is given. "-" is stdin.
// Fails with kNotFound naming every path that does not exist, or kIOError
// when a directory cannot be walked.
Result<std::vector<InputFile>> ExpandInputs(
    const std::vector<std::string>& paths,
    std::vector<std::string>* notes = nullptr);

// Reads one input and calls `emit` for each article or reject, in input
// order. Per-record problems become Rejects and reading goes on. Returns
// non-ok only for a problem with the whole input: kNotFound (missing),
// kIOError (unreadable), kCorruption (broken gzip stream; the items before
// the damage have been emitted). The caller records that as a reject too.
Status ReadInput(const InputFile& input, const ReaderOptions& options,
                 const ReadCallback& emit);

// As ReadInput, on an open descriptor (stdin, a pipe). `name` is the origin
// used in messages ("<stdin>"). The caller keeps ownership of `fd`.
Status ReadFd(int fd, std::string_view name, InputFormat format,
              const ReaderOptions& options, const ReadCallback& emit);

// The format of content starting with `head` (the first KiB or so, already
// decompressed): "{" -> JSONL, "<REUTERS" -> SGML, an HTML tag -> HTML,
// anything else -> text.
InputFormat DetectFormat(std::string_view head);

}  // namespace dossier::indexer

#endif  // DOSSIER_INDEXER_ARCHIVE_READER_H_
