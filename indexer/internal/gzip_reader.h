// InputStream reads a file or descriptor as bytes, inflating gzip
// transparently (detected by the magic bytes 1f 8b, so "a.jsonl" may be
// compressed and "a.gz" may not), and counts the raw bytes consumed for
// progress. LineReader splits a stream into lines holding at most one
// (bounded) line in memory. Neither is thread-safe; use one per input.
#ifndef DOSSIER_INDEXER_INTERNAL_GZIP_READER_H_
#define DOSSIER_INDEXER_INTERNAL_GZIP_READER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/status.h"

namespace dossier::indexer::internal {

class InputStream {
 public:
  // Fails with kNotFound when `path` does not exist, kIOError when it cannot
  // be opened for reading (permissions, a directory).
  static Result<std::unique_ptr<InputStream>> Open(const std::string& path);
  // Reads `fd`, which the caller owns and must keep open while reading.
  static std::unique_ptr<InputStream> FromFd(int fd, std::string name);
  // Prefer Open / FromFd; closes `fd` at destruction when `owns_fd`.
  InputStream(int fd, bool owns_fd, std::string name);
  ~InputStream();
  InputStream(const InputStream&) = delete;
  InputStream& operator=(const InputStream&) = delete;

  // Reads up to `size` decoded bytes into `out`; returns 0 at end of input.
  // Fails with kIOError on a read error, kCorruption on a damaged or
  // truncated gzip stream.
  Result<std::size_t> Read(char* out, std::size_t size);
  // Returns up to the first `size` decoded bytes without consuming them.
  // REQUIRES: nothing has been Read yet.
  Result<std::string_view> Peek(std::size_t size);

  const std::string& name() const { return name_; }
  // Raw (possibly compressed) bytes consumed so far.
  std::uint64_t raw_bytes_read() const { return raw_bytes_read_; }

 private:
  struct Inflater;
  Status FillRaw();
  Status Detect();
  Result<std::size_t> ReadDecoded(char* out, std::size_t size);
  Result<std::size_t> Inflate(char* out, std::size_t size);

  int fd_;
  bool owns_fd_;
  std::string name_;
  std::vector<char> raw_;      // raw bytes read, not yet consumed
  std::size_t raw_begin_ = 0;  // first unconsumed byte in raw_
  std::size_t raw_end_ = 0;    // end of valid bytes in raw_
  bool raw_eof_ = false;
  bool detected_ = false;
  std::unique_ptr<Inflater> inflater_;  // set when the input is gzip
  std::string peeked_;                  // decoded bytes returned by Peek
  std::size_t peeked_pos_ = 0;
  std::uint64_t raw_bytes_read_ = 0;
};

class LineReader {
 public:
  // `in` must outlive the reader.
  explicit LineReader(InputStream* in) : in_(in) {}

  // Reads the next line, without "\n" or "\r\n", into *line and returns
  // true; returns false at end of input. A line longer than `max_bytes`
  // keeps only its first `max_bytes` bytes; *full_size_bytes always gets the
  // real length. Fails as InputStream::Read.
  Result<bool> Next(std::string* line, std::size_t max_bytes,
                    std::size_t* full_size_bytes);
  // 1-based number of the line last returned.
  std::size_t line_number() const { return line_number_; }

 private:
  InputStream* in_;
  std::string buf_;
  std::size_t pos_ = 0;
  bool eof_ = false;
  std::size_t line_number_ = 0;
};

}  // namespace dossier::indexer::internal

#endif  // DOSSIER_INDEXER_INTERNAL_GZIP_READER_H_
