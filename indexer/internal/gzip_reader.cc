#include "indexer/internal/gzip_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace dossier::indexer::internal {
namespace {

constexpr std::size_t kRawChunkBytes = std::size_t{64} << 10;
constexpr std::size_t kLineChunkBytes = std::size_t{64} << 10;

std::string ErrnoText() {
  return std::strerror(errno);
}

}  // namespace

struct InputStream::Inflater {
  z_stream strm{};
  bool initialized = false;
  bool stream_end = false;  // the current gzip member ended
  ~Inflater() {
    if (initialized) {
      inflateEnd(&strm);
    }
  }
};

InputStream::InputStream(int fd, bool owns_fd, std::string name)
    : fd_(fd),
      owns_fd_(owns_fd),
      name_(std::move(name)),
      raw_(kRawChunkBytes) {}

InputStream::~InputStream() {
  if (owns_fd_ && fd_ >= 0) {
    ::close(fd_);
  }
}

Result<std::unique_ptr<InputStream>> InputStream::Open(
    const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) {
      return Status::NotFound("no such file: " + path);
    }
    return Status::IOError("cannot open " + path + ": " + ErrnoText());
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Status::IOError("cannot read " + path + ": is a directory");
  }
  return std::make_unique<InputStream>(fd, true, path);
}

std::unique_ptr<InputStream> InputStream::FromFd(int fd, std::string name) {
  return std::make_unique<InputStream>(fd, false, std::move(name));
}

// Refills raw_ after moving the unconsumed tail to the front.
Status InputStream::FillRaw() {
  if (raw_eof_) {
    return Status::Ok();
  }
  if (raw_begin_ > 0) {
    std::memmove(raw_.data(), raw_.data() + raw_begin_, raw_end_ - raw_begin_);
    raw_end_ -= raw_begin_;
    raw_begin_ = 0;
  }
  while (true) {
    const ssize_t got =
        ::read(fd_, raw_.data() + raw_end_, raw_.size() - raw_end_);
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got < 0) {
      return Status::IOError("reading " + name_ + ": " + ErrnoText());
    }
    if (got == 0) {
      raw_eof_ = true;
    }
    raw_end_ += static_cast<std::size_t>(got);
    raw_bytes_read_ += static_cast<std::uint64_t>(got);
    return Status::Ok();
  }
}

// Looks at the first two bytes: 1f 8b starts a gzip stream.
Status InputStream::Detect() {
  detected_ = true;
  while (raw_end_ - raw_begin_ < 2 && !raw_eof_) {
    DOSSIER_RETURN_IF_ERROR(FillRaw());
  }
  const bool gzip = raw_end_ - raw_begin_ >= 2 &&
                    static_cast<unsigned char>(raw_[raw_begin_]) == 0x1f &&
                    static_cast<unsigned char>(raw_[raw_begin_ + 1]) == 0x8b;
  if (!gzip) {
    return Status::Ok();
  }
  inflater_ = std::make_unique<Inflater>();
  // 16 + MAX_WBITS: expect a gzip header and trailer, not a zlib one.
  if (inflateInit2(&inflater_->strm, 16 + MAX_WBITS) != Z_OK) {
    return Status::Internal("inflateInit2 failed for " + name_);
  }
  inflater_->initialized = true;
  return Status::Ok();
}

Result<std::size_t> InputStream::Inflate(char* out, std::size_t size) {
  z_stream& strm = inflater_->strm;
  while (true) {
    if (inflater_->stream_end) {
      // Another member may follow (concatenated .gz files are valid).
      while (raw_end_ - raw_begin_ < 2 && !raw_eof_) {
        DOSSIER_RETURN_IF_ERROR(FillRaw());
      }
      if (raw_end_ == raw_begin_) {
        return std::size_t{0};
      }
      if (raw_end_ - raw_begin_ < 2 ||
          static_cast<unsigned char>(raw_[raw_begin_]) != 0x1f ||
          static_cast<unsigned char>(raw_[raw_begin_ + 1]) != 0x8b) {
        return Status::Corruption(name_ + ": trailing garbage after gzip data");
      }
      inflateReset(&strm);
      inflater_->stream_end = false;
    }
    if (raw_end_ == raw_begin_) {
      DOSSIER_RETURN_IF_ERROR(FillRaw());
    }
    const std::size_t avail = raw_end_ - raw_begin_;
    strm.next_in = reinterpret_cast<Bytef*>(raw_.data() + raw_begin_);
    strm.avail_in = static_cast<uInt>(avail);
    strm.next_out = reinterpret_cast<Bytef*>(out);
    strm.avail_out = static_cast<uInt>(size);
    const int ret = inflate(&strm, Z_NO_FLUSH);
    raw_begin_ += avail - strm.avail_in;
    const std::size_t produced = size - strm.avail_out;
    if (ret == Z_STREAM_END) {
      inflater_->stream_end = true;
    } else if (ret == Z_BUF_ERROR && avail == 0 && raw_eof_) {
      return Status::Corruption(name_ + ": truncated gzip data");
    } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
      return Status::Corruption(name_ + ": corrupt gzip data: " +
                                (strm.msg != nullptr ? strm.msg : "error"));
    }
    if (produced > 0) {
      return produced;
    }
  }
}

Result<std::size_t> InputStream::ReadDecoded(char* out, std::size_t size) {
  if (!detected_) {
    DOSSIER_RETURN_IF_ERROR(Detect());
  }
  if (inflater_ != nullptr) {
    return Inflate(out, size);
  }
  if (raw_end_ == raw_begin_) {
    raw_begin_ = raw_end_ = 0;
    DOSSIER_RETURN_IF_ERROR(FillRaw());
  }
  const std::size_t n = std::min(size, raw_end_ - raw_begin_);
  std::memcpy(out, raw_.data() + raw_begin_, n);
  raw_begin_ += n;
  return n;
}

Result<std::size_t> InputStream::Read(char* out, std::size_t size) {
  if (peeked_pos_ < peeked_.size()) {
    const std::size_t n = std::min(size, peeked_.size() - peeked_pos_);
    std::memcpy(out, peeked_.data() + peeked_pos_, n);
    peeked_pos_ += n;
    return n;
  }
  return ReadDecoded(out, size);
}

Result<std::string_view> InputStream::Peek(std::size_t size) {
  while (peeked_.size() < size) {
    const std::size_t old_size = peeked_.size();
    peeked_.resize(size);
    Result<std::size_t> got =
        ReadDecoded(peeked_.data() + old_size, size - old_size);
    if (!got.has_value()) {
      peeked_.resize(old_size);
      return got.error();
    }
    peeked_.resize(old_size + *got);
    if (*got == 0) {
      break;
    }
  }
  return std::string_view(peeked_).substr(0, size);
}

Result<bool> LineReader::Next(std::string* line, std::size_t max_bytes,
                              std::size_t* full_size_bytes) {
  line->clear();
  std::size_t full = 0;
  bool got_any = false;
  while (true) {
    if (pos_ == buf_.size()) {
      if (eof_) {
        break;
      }
      buf_.resize(kLineChunkBytes);
      pos_ = 0;
      Result<std::size_t> got = in_->Read(buf_.data(), buf_.size());
      if (!got.has_value()) {
        return got.error();
      }
      buf_.resize(*got);
      if (*got == 0) {
        eof_ = true;
        break;
      }
    }
    got_any = true;
    const std::size_t nl = buf_.find('\n', pos_);
    const std::size_t end = nl == std::string::npos ? buf_.size() : nl;
    const std::size_t piece = end - pos_;
    if (line->size() < max_bytes) {
      line->append(buf_, pos_, std::min(piece, max_bytes - line->size()));
    }
    full += piece;
    pos_ = nl == std::string::npos ? buf_.size() : nl + 1;
    if (nl != std::string::npos) {
      break;
    }
  }
  if (!got_any) {
    return false;
  }
  if (!line->empty() && line->back() == '\r' && full <= max_bytes) {
    line->pop_back();
    --full;
  }
  ++line_number_;
  *full_size_bytes = full;
  return true;
}

}  // namespace dossier::indexer::internal
