// Expected outcomes as values: a Result holds either a value or an Error with a Korean message.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace sotong {

/// The protocol-free kinds of expected failure; http/ maps them to status codes in one place.
enum class ErrorCode {
  invalid_input,    // a field or the request is malformed
  unauthenticated,  // nobody is logged in, or the credentials are wrong
  forbidden,        // the actor may not do this
  not_found,
  conflict,           // a uniqueness rule or a state rule refuses the change
  too_many_requests,  // a throttle refuses the attempt for now (sign-in)
  too_large,
  internal,
};

struct FieldError {
  std::string field;
  std::string message;
};

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message;
  std::vector<FieldError> fields;

  static Error invalid(std::string message, std::vector<FieldError> fields = {}) {
    return {ErrorCode::invalid_input, std::move(message), std::move(fields)};
  }
  static Error forbidden(std::string message = "이 작업을 할 권한이 없습니다.") {
    return {ErrorCode::forbidden, std::move(message), {}};
  }
  static Error not_found(std::string message = "요청하신 항목을 찾을 수 없습니다.") {
    return {ErrorCode::not_found, std::move(message), {}};
  }
  static Error conflict(std::string message, std::vector<FieldError> fields = {}) {
    return {ErrorCode::conflict, std::move(message), std::move(fields)};
  }
  static Error unauthenticated(std::string message = "로그인이 필요합니다.") {
    return {ErrorCode::unauthenticated, std::move(message), {}};
  }
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design, like std::expected
  Result(Error error) : state_(std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const Error& error() const { return std::get<1>(state_); }

  /// f(value) when there is a value (f returns a Result), else this error: steps that each may fail read
  /// as a chain, `path_id(ctx).and_then([&](auto id) { return get_organization(svc, id); })`.
  template <typename F>
  auto and_then(F&& f) & -> decltype(f(std::declval<T&>())) {
    if (!ok()) return error();
    return f(value());
  }
  template <typename F>
  auto and_then(F&& f) && -> decltype(f(std::declval<T&&>())) {
    if (!ok()) return error();
    return f(std::move(*this).value());
  }

 private:
  std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

inline Result<void> success() {
  return {};
}

}  // namespace sotong
