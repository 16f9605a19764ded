#include "platform/history/history.hpp"

#include <boost/json.hpp>

#include "platform/history/history_rules.hpp"
#include "platform/history/history_store.hpp"

namespace sotong::platform::history {
namespace {
constexpr std::size_t kShort = 200;   // login ids, names, addresses, codes
constexpr std::size_t kLong = 20000;  // before/after JSON

boost::json::value json_value(const FieldValue& v) {
  return std::visit(
      [](const auto& x) -> boost::json::value {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>) {
          return nullptr;
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          boost::json::array a;
          for (const auto& s : x) a.emplace_back(storable_text(s, kShort));
          return a;
        } else if constexpr (std::is_same_v<T, std::string>) {
          return boost::json::string(storable_text(x, kLong));
        } else {
          return x;
        }
      },
      v.storage());
}

Entry base(const Actor& actor, std::string_view kind) {
  Entry e;
  e.kind = std::string(kind);
  e.occurred_at = now();
  e.account_id = actor.account_id;
  e.login_id = storable_text(actor.login_id, kShort);
  e.actor_name = storable_text(actor.display_name, kShort);
  e.remote_address = storable_text(actor.remote_address, 64);
  return e;
}
}  // namespace

std::string to_json(const Fields& fields) {
  boost::json::object o;
  for (const auto& [name, value] : fields) o[name] = json_value(value);
  return boost::json::serialize(o);
}

void record_change(store::Connection& c, const Actor& actor, const ChangeEntry& entry) {
  Entry e = base(actor, kChange);
  e.action = storable_text(entry.action, kShort);
  e.record_type = storable_text(entry.record_type, kShort);
  e.record_id = entry.record_id;
  e.before = storable_text(entry.before, kLong);
  e.after = storable_text(entry.after, kLong);
  history_store::append(c, std::move(e));
}

void record_access(store::Connection& c, const Actor& actor, const AccessEntry& entry) {
  Entry e = base(actor, kAccess);
  e.action = std::string(access_action_code(entry.action));
  e.record_type = storable_text(entry.record_type, kShort);
  e.record_id = entry.record_id;
  e.subject = storable_text(entry.subject, kShort);
  e.after = storable_text(entry.detail, kLong);
  history_store::append(c, std::move(e));
}

void log_access(store::Database& db, const Actor& actor, const AccessEntry& entry) {
  db.write([&](store::Connection& c) {
    record_access(c, actor, entry);
    return 0;
  });
}

void record_sign_in(store::Connection& c, std::string_view login_id, std::int64_t account_id,
                    std::string_view remote_address, SignInOutcome outcome) {
  Actor actor;
  actor.account_id = account_id;
  actor.login_id = std::string(login_id);
  actor.remote_address = std::string(remote_address);
  Entry e = base(actor, kAccess);
  e.action = std::string(sign_in_action_code(outcome));
  e.record_type = "account";
  e.record_id = account_id;
  e.subject = e.login_id;
  history_store::append(c, std::move(e));
}

SignInFailures count_sign_in_failures(store::Connection& c, std::string_view remote_address,
                                      Timestamp since) {
  const auto [from_address, total] = history_store::count_sign_in_failures(c, remote_address, since);
  return {from_address, total};
}

Actor console_actor() {
  Actor a;
  a.display_name = "운영 콘솔";
  a.remote_address = "console";
  return a;
}

}  // namespace sotong::platform::history
