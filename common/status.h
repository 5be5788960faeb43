// Status: the outcome of an operation that can fail because of input or I/O.
// A Status is a code, a message and an optional location ("file:line").
// It is a plain value type; safe to copy between threads.
#ifndef DOSSIER_COMMON_STATUS_H_
#define DOSSIER_COMMON_STATUS_H_

#include <string>
#include <string_view>
#include <utility>

namespace dossier {

enum class StatusCode {
  kOk,
  kInvalidInput,
  kNotFound,
  kCorruption,
  kIOError,
  kNotSupported,
  kInternal,
};

// Returns a short lower-case name such as "invalid input".
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;

  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string msg) {
    return Status(StatusCode::kInvalidInput, std::move(msg));
  }
  static Status NotFound(std::string msg) {
    return Status(StatusCode::kNotFound, std::move(msg));
  }
  static Status Corruption(std::string msg) {
    return Status(StatusCode::kCorruption, std::move(msg));
  }
  static Status IOError(std::string msg) {
    return Status(StatusCode::kIOError, std::move(msg));
  }
  static Status NotSupported(std::string msg) {
    return Status(StatusCode::kNotSupported, std::move(msg));
  }
  static Status Internal(std::string msg) {
    return Status(StatusCode::kInternal, std::move(msg));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // Where the problem is, e.g. "a.jsonl:12"; empty when not tied to input.
  const std::string& location() const { return location_; }

  // Returns a copy located at `location` ("file:line").
  Status WithLocation(std::string location) const;
  // Returns a copy whose message is prefixed: "reading a.jsonl: <message>".
  Status WithContext(std::string_view context) const;

  // "a.jsonl:12: invalid input: expected ..." (location only when set).
  std::string ToString() const;

  // Drops the status on purpose; write the reason beside the call.
  void IgnoreError() const {}

 private:
  Status(StatusCode code, std::string msg)
      : code_(code), message_(std::move(msg)) {}

  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::string location_;
};

}  // namespace dossier

#endif  // DOSSIER_COMMON_STATUS_H_
