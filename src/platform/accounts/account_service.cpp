#include "platform/accounts/account_service.hpp"

#include <sodium.h>

#include "core/korean_text.hpp"
#include "platform/crypto.hpp"
#include "platform/password_policy.hpp"

namespace sotong::platform::accounts {
namespace {
constexpr const char* kWrongCredentials = "아이디 또는 비밀번호가 올바르지 않습니다.";

Error locked_error(Timestamp until) {
  return {ErrorCode::locked,
          "비밀번호를 여러 번 잘못 입력하여 계정이 잠겼습니다. " + format_seoul_minute(until).substr(11) +
              " 이후에 다시 시도하거나 시스템 관리자에게 잠금 해제를 요청해 주십시오.",
          {}};
}

Error organization_problem() {
  return Error::invalid("입력 내용을 확인해 주십시오.",
                        {{"organization_id", "사용 중인 소속 기관을 선택해 주십시오."}});
}

bool organization_usable(store::Connection& c, std::int64_t id) {
  return c.scalar("SELECT COUNT(*) FROM organizations WHERE id = ? AND active = 1", {id}) > 0;
}
}  // namespace

std::string generate_initial_password() {
  // Unambiguous characters only (no 0/O, 1/l/I), as people read it from the screen.
  static constexpr char kLetters[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
  static constexpr char kDigits[] = "23456789";
  std::string out;
  for (int i = 0; i < 8; ++i) out.push_back(kLetters[randombytes_uniform(sizeof kLetters - 1)]);
  out.push_back('-');
  for (int i = 0; i < 4; ++i) out.push_back(kDigits[randombytes_uniform(sizeof kDigits - 1)]);
  return out;
}

Result<SignedIn> sign_in(store::Database& db, const Settings& settings, std::string_view login_id,
                         std::string_view password, std::string_view remote_address,
                         std::string_view user_agent) {
  if (login_id.empty() || password.empty()) {
    return Error::invalid("아이디와 비밀번호를 입력해 주십시오.",
                          {{login_id.empty() ? "login_id" : "password",
                            login_id.empty() ? "아이디를 입력해 주십시오." : "비밀번호를 입력해 주십시오."}});
  }
  // A login id that is not UTF-8 names no account, and must not reach PostgreSQL (which refuses the query).
  const bool searchable = is_valid_utf8(login_id) && login_id.size() <= 100;
  auto account = db.read([&](store::Connection& c) -> std::optional<std::pair<Account, std::string>> {
    if (!searchable) return std::nullopt;
    auto a = account_store::find_by_login(c, login_id);
    if (!a || !a->active) return std::nullopt;
    return std::pair{*a, account_store::password_hash(c, a->id)};
  });
  static const std::string kDummyHash = hash_password("sotong-timing-equaliser");
  if (!account) {
    verify_password(password, kDummyHash);  // spend the same time as a real check
    return Error::unauthenticated(kWrongCredentials);
  }
  const Timestamp t = now();
  if (is_locked(account->first.locked_until, t)) return locked_error(account->first.locked_until);
  const bool ok = verify_password(password, account->second);
  const std::int64_t id = account->first.id;
  if (!ok) {
    auto lockout = db.write([&](store::Connection& c) {
      const auto before = account_store::failures_before_increment(c, id);
      auto next = after_failed_login(before, settings.lockout_threshold, settings.lockout_minutes, t);
      account_store::set_lockout(c, id, next.failed_logins, next.locked_until);
      return next;
    });
    if (lockout.locked_until) return locked_error(lockout.locked_until);
    return Error::unauthenticated(kWrongCredentials);
  }
  return db.write([&](store::Connection& c) -> Result<SignedIn> {
    account_store::record_login(c, id, t);
    return SignedIn{sessions::open(c, id, remote_address, user_agent, t),
                    account->first.must_change_password};
  });
}

Result<void> change_password(store::Database& db, const Actor& actor, std::string_view session_hash,
                             std::string_view current, std::string_view next, std::string_view confirm) {
  const std::string hash =
      db.read([&](store::Connection& c) { return account_store::password_hash(c, actor.account_id); });
  if (!verify_password(current, hash)) {
    return Error::invalid("입력 내용을 확인해 주십시오.", {{"current", "현재 비밀번호가 맞지 않습니다."}});
  }
  if (auto problem = password_problem(next, actor.login_id)) {
    return Error::invalid("입력 내용을 확인해 주십시오.", {{"next", *problem}});
  }
  if (next == current) {
    return Error::invalid("입력 내용을 확인해 주십시오.",
                          {{"next", "현재 비밀번호와 다른 비밀번호를 정해 주십시오."}});
  }
  if (next != confirm) {
    return Error::invalid("입력 내용을 확인해 주십시오.",
                          {{"confirm", "새 비밀번호 확인이 일치하지 않습니다."}});
  }
  const std::string new_hash = hash_password(next);
  return db.write([&](store::Connection& c) -> Result<void> {
    account_store::set_password(c, actor.account_id, new_hash, false, now());
    c.execute("DELETE FROM sessions WHERE account_id = ? AND id_hash <> ?", {actor.account_id, session_hash});
    return success();
  });
}

Result<std::vector<Account>> list(store::Database& db, const Policy& policy, const Actor& actor,
                                  const account_store::Filter& filter) {
  if (auto ok = policy.check(actor, kManage); !ok) return ok.error();
  return db.read([&](store::Connection& c) { return account_store::list(c, filter); });
}

Result<Account> get(store::Database& db, const Policy& policy, const Actor& actor, std::int64_t id) {
  if (auto ok = policy.check(actor, kManage); !ok) return ok.error();
  auto a = db.read([&](store::Connection& c) { return account_store::find(c, id); });
  if (!a) return Error::not_found("계정을 찾을 수 없습니다.");
  return *a;
}

Result<Issued> create(store::Database& db, const Policy& policy, const Actor& actor,
                      const AccountInput& input) {
  if (auto ok = policy.check(actor, kManage); !ok) return ok.error();
  return create_as_operator(db, input);
}

Result<Issued> create_as_operator(store::Database& db, const AccountInput& input) {
  auto valid = validate_account(input);
  if (!valid) return valid.error();
  Issued issued{0, generate_initial_password()};
  const std::string hash = hash_password(issued.initial_password);
  const auto taken = [] {
    return Error::conflict("이미 사용 중인 아이디입니다.", {{"login_id", "이미 사용 중인 아이디입니다."}});
  };
  try {
    return db.write([&](store::Connection& c) -> Result<Issued> {
      if (!organization_usable(c, valid->organization_id)) return organization_problem();
      if (account_store::find_by_login(c, valid->login_id)) return taken();
      issued.account_id = account_store::insert(c, *valid, hash, true, now());
      return issued;
    });
  } catch (const store::ConstraintViolation&) {
    return taken();
  }
}

Result<void> update(store::Database& db, const Policy& policy, const Actor& actor, std::int64_t id,
                    const AccountInput& input) {
  if (auto ok = policy.check(actor, kManage); !ok) return ok.error();
  auto valid = validate_account(input);
  if (!valid) return valid.error();
  if (auto ok = check_self_edit(actor, id, *valid); !ok) return ok.error();
  return db.write([&](store::Connection& c) -> Result<void> {
    auto before = account_store::find(c, id);
    if (!before) return Error::not_found("계정을 찾을 수 없습니다.");
    if (valid->organization_id != before->organization_id &&
        !organization_usable(c, valid->organization_id)) {
      return organization_problem();
    }
    account_store::update(c, id, *valid, now());
    if (!valid->active) sessions::close_all_for(c, id);
    return success();
  });
}

Result<Issued> reset_password(store::Database& db, const Policy& policy, const Actor& actor,
                              std::int64_t id) {
  if (auto ok = policy.check(actor, kManage); !ok) return ok.error();
  Issued issued{id, generate_initial_password()};
  const std::string hash = hash_password(issued.initial_password);
  return db.write([&](store::Connection& c) -> Result<Issued> {
    if (!account_store::find(c, id)) return Error::not_found("계정을 찾을 수 없습니다.");
    account_store::set_password(c, id, hash, true, now());
    sessions::close_all_for(c, id);
    return issued;
  });
}

Result<Issued> reset_password_as_operator(store::Database& db, std::string_view login_id) {
  auto account = db.read([&](store::Connection& c) { return account_store::find_by_login(c, login_id); });
  if (!account) return Error::not_found("계정을 찾을 수 없습니다: " + std::string(login_id));
  Issued issued{account->id, generate_initial_password()};
  const std::string hash = hash_password(issued.initial_password);
  db.write([&](store::Connection& c) {
    account_store::set_password(c, account->id, hash, true, now());
    sessions::close_all_for(c, account->id);
    return 0;
  });
  return issued;
}

Result<void> unlock(store::Database& db, const Policy& policy, const Actor& actor, std::int64_t id) {
  if (auto ok = policy.check(actor, kManage); !ok) return ok.error();
  return db.write([&](store::Connection& c) -> Result<void> {
    if (!account_store::find(c, id)) return Error::not_found("계정을 찾을 수 없습니다.");
    account_store::set_lockout(c, id, 0, 0);
    return success();
  });
}

}  // namespace sotong::platform::accounts
