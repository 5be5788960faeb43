#include "common/status.h"

namespace dossier {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "ok";
    case StatusCode::kInvalidInput:
      return "invalid input";
    case StatusCode::kNotFound:
      return "not found";
    case StatusCode::kCorruption:
      return "corruption";
    case StatusCode::kIOError:
      return "I/O error";
    case StatusCode::kNotSupported:
      return "not supported";
    case StatusCode::kInternal:
      return "internal error";
  }
  return "unknown";
}

Status Status::WithLocation(std::string location) const {
  Status copy = *this;
  copy.location_ = std::move(location);
  return copy;
}

Status Status::WithContext(std::string_view context) const {
  if (ok()) {
    return *this;
  }
  Status copy = *this;
  copy.message_ = std::string(context) + ": " + message_;
  return copy;
}

std::string Status::ToString() const {
  if (ok()) {
    return "ok";
  }
  std::string out;
  if (!location_.empty()) {
    out += location_;
    out += ": ";
  }
  out += message_;
  return out;
}

}  // namespace dossier
