// Result<T>: either a value or a non-ok Status. Keeps to the std::expected
// API (has_value, value, error, *, ->) so it can become
// std::expected<T, Status> once we move to C++23.
#ifndef DOSSIER_COMMON_RESULT_H_
#define DOSSIER_COMMON_RESULT_H_

#include <cassert>
#include <utility>
#include <variant>

#include "common/status.h"

namespace dossier {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  // REQUIRES: !status.ok()
  Result(Status status) : data_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(data_).ok());
  }

  bool has_value() const { return std::holds_alternative<T>(data_); }
  explicit operator bool() const { return has_value(); }

  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  const Status& error() const { return std::get<Status>(data_); }
  // The status: Ok when a value is held.
  Status status() const { return has_value() ? Status::Ok() : error(); }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace dossier

#define DOSSIER_RETURN_IF_ERROR(expr)   \
  do {                                  \
    ::dossier::Status _st = (expr);     \
    if (!_st.ok()) {                    \
      return _st;                       \
    }                                   \
  } while (0)

#endif  // DOSSIER_COMMON_RESULT_H_
