// The change history and access log (변경이력 / 접속기록) every service writes in one line, inside the
// transaction of the change it records: append-only, hash-chained entries in one table.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/clock.hpp"
#include "core/role.hpp"
#include "store/database.hpp"

namespace sotong::platform::history {

/// What was done to personal data, as the Korean personal-information rules name it.
enum class AccessAction { view, input, change, remove, print, download };

/// The outcome of a sign-in attempt, or a sign-out.
enum class SignInOutcome { success, failure, locked, logout };

/// One value of a record's field as it goes into the before/after JSON of a change.
class FieldValue {
 public:
  using Storage = std::variant<std::nullptr_t, std::int64_t, bool, std::string, std::vector<std::string>>;

  FieldValue(std::nullptr_t = nullptr) {}  // NOLINT: implicit, so fields read like JSON
  FieldValue(int v) : v_(std::int64_t{v}) {}
  FieldValue(long v) : v_(std::int64_t{v}) {}
  FieldValue(long long v) : v_(std::int64_t{v}) {}
  FieldValue(bool v) : v_(v) {}
  FieldValue(const char* v) : v_(std::string(v)) {}
  FieldValue(std::string v) : v_(std::move(v)) {}
  FieldValue(std::string_view v) : v_(std::string(v)) {}
  FieldValue(std::vector<std::string> v) : v_(std::move(v)) {}
  template <typename T>
  FieldValue(const std::optional<T>& v) {
    if (v) *this = FieldValue(*v);
  }

  const Storage& storage() const { return v_; }

 private:
  Storage v_;
};

using Fields = std::vector<std::pair<std::string, FieldValue>>;

/// The compact JSON object of a record's fields, keys in the order given ({"name":"전주시","active":true}).
/// Never pass a password or its hash.
std::string to_json(const Fields& fields);

struct ChangeEntry {
  std::string record_type;  // "organization"
  std::int64_t record_id = 0;
  std::string action;  // create, update, deactivate, activate, delete, …
  std::string before;  // to_json of the fields before ("" when the record is new)
  std::string after;   // to_json of the fields after ("" when the record is gone)
};

struct AccessEntry {
  std::string record_type;     // "account"
  std::int64_t record_id = 0;  // 0 for a list
  std::string subject;         // whose personal data: "최전주 (jeonju)", or "계정 목록"
  AccessAction action = AccessAction::view;
  std::string detail = "";  // optional to_json of what else matters (a list's filter and count)
};

/// Records a change made by `actor` (account, login id, address). Call it inside the write transaction of
/// the change, after the change; it serialises with other appends until that transaction ends.
void record_change(store::Connection& c, const Actor& actor, const ChangeEntry& entry);

/// Records that `actor` viewed, entered, changed, removed, printed or downloaded someone's personal data.
void record_access(store::Connection& c, const Actor& actor, const AccessEntry& entry);

/// The same in a transaction of its own, for a page that only reads.
void log_access(store::Database& db, const Actor& actor, const AccessEntry& entry);

/// Records a sign-in (success, failure, lock) or a sign-out. `account_id` is 0 for an unknown login id.
void record_sign_in(store::Connection& c, std::string_view login_id, std::int64_t account_id,
                    std::string_view remote_address, SignInOutcome outcome);

/// Failed sign-ins (wrong password, unknown login id, locked account) recorded since a moment: from one
/// address, and from everywhere. The sign-in throttle reads them, so that it holds across every node.
struct SignInFailures {
  std::int64_t from_address = 0;
  std::int64_t total = 0;
};
SignInFailures count_sign_in_failures(store::Connection& c, std::string_view remote_address, Timestamp since);

/// The actor for work done at the operator's console (`sotong user …`), which has no account.
Actor console_actor();

}  // namespace sotong::platform::history
