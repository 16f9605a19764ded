#include "platform/accounts/account_service.hpp"

#include <sodium.h>

#include "core/korean_text.hpp"
#include "platform/crypto.hpp"
#include "platform/history/history.hpp"
#include "platform/notifications/notifications.hpp"
#include "platform/organizations/organization_store.hpp"
#include "platform/password_policy.hpp"
#include "platform/search/search_index.hpp"

namespace sotong::platform::accounts {
namespace {
// One answer for an unknown login id, a wrong password and a locked account, so that neither the status nor
// the words tell a guesser which accounts exist or are locked. The person whose account locks is told by a
// notification (and e-mail) instead.
constexpr const char* kWrongCredentials =
    "아이디 또는 비밀번호가 올바르지 않습니다. 비밀번호를 여러 번 잘못 입력하면 계정이 잠시 잠깁니다.";

Error wrong_credentials() {
  return Error::unauthenticated(kWrongCredentials);
}

Error organization_problem() {
  return Error::invalid("입력 내용을 확인해 주십시오.",
                        {{"organization_id", "사용 중인 소속 기관을 선택해 주십시오."}});
}

bool organization_usable(store::Connection& c, std::int64_t id) {
  const auto org = organization_store::find(c, id);
  return org && org->active;
}

/// The fields the history keeps of an account (never a password or its hash).
std::string history_fields(const Account& a) {
  std::vector<std::string> roles;
  for (Role r : a.roles) roles.emplace_back(role_code(r));
  return history::to_json({{"login_id", a.login_id},
                           {"display_name", a.display_name},
                           {"email", a.email},
                           {"position", a.position},
                           {"organization_id", a.organization_id},
                           {"roles", roles},
                           {"active", a.active},
                           {"must_change_password", a.must_change_password}});
}

std::string password_flag(bool must_change) {
  return history::to_json({{"must_change_password", must_change}});
}

Result<Issued> create_by(store::Database& db, const Actor& actor, const AccountInput& input) {
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
      history::record_change(c, actor,
                             {"account", issued.account_id, "create", "",
                              history_fields(*account_store::find(c, issued.account_id))});
      index_for_search(c, issued.account_id);
      return issued;
    });
  } catch (const store::ConstraintViolation&) {
    return taken();
  }
}

Result<Issued> reset_password_by(store::Database& db, const Actor& actor, std::int64_t id) {
  Issued issued{id, generate_initial_password()};
  const std::string hash = hash_password(issued.initial_password);
  return db.write([&](store::Connection& c) -> Result<Issued> {
    auto before = account_store::find(c, id);
    if (!before) return Error::not_found(kNotFound);
    account_store::set_password(c, id, hash, true, now());
    sessions::close_all_for(c, id);
    history::record_change(
        c, actor,
        {"account", id, "reset_password", password_flag(before->must_change_password), password_flag(true)});
    notifications::notify(
        c, id, "비밀번호가 초기화되었습니다",
        "관리자가 비밀번호를 초기화했습니다. 새로 받은 비밀번호로 로그인한 뒤 바로 변경하십시오. "
        "직접 요청하지 않았다면 관리자에게 알려 주십시오.",
        "/password");
    return issued;
  });
}

Result<void> unlock_by(store::Database& db, const Actor& actor, std::int64_t id) {
  return db.write([&](store::Connection& c) -> Result<void> {
    auto before = account_store::find(c, id);
    if (!before) return Error::not_found(kNotFound);
    account_store::set_lockout(c, id, 0, 0);
    history::record_change(c, actor,
                           {"account", id, "unlock",
                            history::to_json({{"failed_logins", before->failed_logins},
                                              {"locked", is_locked(before->locked_until, now())}}),
                            history::to_json({{"failed_logins", 0}, {"locked", false}})});
    return success();
  });
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
  const Timestamp t = now();
  // The throttle comes before any account is looked up or any password hashed: a flood of guesses costs a
  // count over a small index, not a password check each.
  const auto failures = db.read([&](store::Connection& c) {
    return history::count_sign_in_failures(c, remote_address, t - settings.sign_in_window_minutes * 60LL);
  });
  if (sign_in_throttled(failures.from_address, failures.total, settings.sign_in_failures_per_address,
                        settings.sign_in_failures_total)) {
    return Error{ErrorCode::too_many_requests,
                 "로그인 실패가 너무 많아 잠시 로그인을 받지 않습니다. " +
                     std::to_string(settings.sign_in_window_minutes) + "분쯤 뒤에 다시 시도해 주십시오.",
                 {}};
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
    db.write([&](store::Connection& c) {
      history::record_sign_in(c, login_id, 0, remote_address, history::SignInOutcome::failure);
      return 0;
    });
    return wrong_credentials();
  }
  // The password is checked even for a locked account: the same time spent, the same answer given.
  const bool ok = verify_password(password, account->second);
  const std::int64_t id = account->first.id;
  // Counting and the lock are decided here, on the account row as it is now and held until commit: guesses
  // sent in parallel are counted one after another, and none checked after the lock opens the account. A
  // refusal still commits (the count, the lock, the access entry): hence an optional, not an error Result,
  // which would roll them back.
  auto opened = db.write([&](store::Connection& c) -> std::optional<SignedIn> {
    const auto state = account_store::lock_for_sign_in(c, id);
    if (is_locked(state.locked_until, t)) {
      history::record_sign_in(c, login_id, id, remote_address, history::SignInOutcome::locked);
      return std::nullopt;
    }
    if (!ok) {
      const auto next =
          after_failed_login(state.failed_logins, settings.lockout_threshold, settings.lockout_minutes, t);
      account_store::set_lockout(c, id, next.failed_logins, next.locked_until);
      history::record_sign_in(
          c, login_id, id, remote_address,
          next.locked_until ? history::SignInOutcome::locked : history::SignInOutcome::failure);
      if (next.locked_until) {
        notifications::notify(
            c, id, "계정이 잠겼습니다",
            "비밀번호가 " + std::to_string(settings.lockout_threshold) + "번 잘못 입력되어 계정이 " +
                format_seoul_minute(next.locked_until).substr(11) +
                "까지 잠겼습니다. 직접 입력한 것이 아니라면 시스템 관리자에게 알려 주십시오. "
                "잠금은 그 시각이 지나거나 관리자가 풀면 해제됩니다.",
            "/password");
      }
      return std::nullopt;
    }
    account_store::record_login(c, id, t);
    SignedIn signed_in{sessions::open(c, id, remote_address, user_agent, t),
                       account->first.must_change_password};
    history::record_sign_in(c, login_id, id, remote_address, history::SignInOutcome::success);
    return signed_in;
  });
  if (!opened) return wrong_credentials();
  return std::move(*opened);
}

Result<void> change_password(const ServiceContext& svc, std::string_view session_hash,
                             std::string_view current, std::string_view next, std::string_view confirm) {
  const Actor& actor = svc.actor;
  if (actor.account_id == 0) return Error::unauthenticated();
  const std::string hash =
      svc.db.read([&](store::Connection& c) { return account_store::password_hash(c, actor.account_id); });
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
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    const auto before = account_store::find(c, actor.account_id);
    account_store::set_password(c, actor.account_id, new_hash, false, now());
    sessions::close_others_for(c, actor.account_id, session_hash);
    history::record_change(c, actor,
                           {"account", actor.account_id, "change_password",
                            password_flag(before && before->must_change_password), password_flag(false)});
    return success();
  });
}

Result<std::vector<Account>> list_accounts(const ServiceContext& svc, const account_store::Filter& filter) {
  if (auto ok = svc.policy.check(svc.actor, kManage); !ok) return ok.error();
  return svc.db.read([&](store::Connection& c) { return account_store::list(c, filter); });
}

Result<Account> get_account(const ServiceContext& svc, std::int64_t id) {
  if (auto ok = svc.policy.check(svc.actor, kManage); !ok) return ok.error();
  auto a = svc.db.read([&](store::Connection& c) { return account_store::find(c, id); });
  if (!a) return Error::not_found(kNotFound);
  return *a;
}

Result<Issued> create_account(const ServiceContext& svc, const AccountInput& input) {
  if (auto ok = svc.policy.check(svc.actor, kManage); !ok) return ok.error();
  return create_by(svc.db, svc.actor, input);
}

Result<Issued> create_account_as_operator(store::Database& db, const AccountInput& input) {
  return create_by(db, history::console_actor(), input);
}

Result<void> update_account(const ServiceContext& svc, std::int64_t id, const AccountInput& input) {
  if (auto ok = svc.policy.check(svc.actor, kManage); !ok) return ok.error();
  auto valid = validate_account(input);
  if (!valid) return valid.error();
  if (auto ok = check_self_edit(svc.actor, id, *valid); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto before = account_store::find(c, id);
    if (!before) return Error::not_found(kNotFound);
    if (valid->organization_id != before->organization_id &&
        !organization_usable(c, valid->organization_id)) {
      return organization_problem();
    }
    account_store::update(c, id, *valid, now());
    if (!valid->active) sessions::close_all_for(c, id);
    history::record_change(
        c, svc.actor,
        {"account", id, "update", history_fields(*before), history_fields(*account_store::find(c, id))});
    index_for_search(c, id);
    return success();
  });
}

Result<Issued> reset_account_password(const ServiceContext& svc, std::int64_t id) {
  if (auto ok = svc.policy.check(svc.actor, kManage); !ok) return ok.error();
  return reset_password_by(svc.db, svc.actor, id);
}

Result<Issued> reset_account_password_as_operator(store::Database& db, std::string_view login_id) {
  auto account = db.read([&](store::Connection& c) { return account_store::find_by_login(c, login_id); });
  if (!account) return Error::not_found("계정을 찾을 수 없습니다: " + std::string(login_id));
  return reset_password_by(db, history::console_actor(), account->id);
}

Result<void> unlock_account(const ServiceContext& svc, std::int64_t id) {
  if (auto ok = svc.policy.check(svc.actor, kManage); !ok) return ok.error();
  return unlock_by(svc.db, svc.actor, id);
}

Result<void> unlock_account_as_operator(store::Database& db, std::string_view login_id) {
  auto account = db.read([&](store::Connection& c) { return account_store::find_by_login(c, login_id); });
  if (!account) return Error::not_found("계정을 찾을 수 없습니다: " + std::string(login_id));
  return unlock_by(db, history::console_actor(), account->id);
}

Result<std::vector<Account>> list_people(const ServiceContext& svc, std::string_view text) {
  if (svc.actor.account_id == 0) return Error::unauthenticated();
  const auto scope = people_scope(svc.policy, svc.actor);
  if (!scope) return Error::forbidden();
  // The SQL narrows to the actor's subtree; the predicate decides each row, so the two can never disagree.
  const account_store::PeopleFilter filter{*scope, svc.policy.allows(svc.actor, kManage), std::string(text)};
  auto people = svc.db.read([&](store::Connection& c) { return account_store::list_people(c, filter); });
  std::erase_if(people, [&](const Account& a) { return !can_view_account(svc.policy, svc.actor, a); });
  return people;
}

Result<Account> get_person(const ServiceContext& svc, std::int64_t id) {
  if (svc.actor.account_id == 0) return Error::unauthenticated();
  auto a = svc.db.read([&](store::Connection& c) { return account_store::find(c, id); });
  // An account outside the actor's scope does not exist for them: not_found, as for a missing one.
  if (!a || !can_view_account(svc.policy, svc.actor, *a)) return Error::not_found(kPersonNotFound);
  return *a;
}

Result<Account> open_person(const ServiceContext& svc, std::int64_t id) {
  auto a = get_person(svc, id);
  if (a)
    history::log_access(
        svc.db, svc.actor,
        {"account", a->id, a->display_name + " (" + a->login_id + ")", history::AccessAction::view});
  return a;
}

void index_for_search(store::Connection& c, std::int64_t id) {
  const auto a = account_store::find(c, id);
  if (!a || !a->active) {
    search::remove(c, kPeopleSource, id);
    return;
  }
  std::string body = a->position.empty() ? a->organization_name : a->position + " · " + a->organization_name;
  search::index(c, {kPeopleSource, id, a->display_name, body, "/people/" + std::to_string(id), kViewPeople,
                    a->organization_path, a->updated_at});
}

void reindex_search(store::Connection& c) {
  for (const auto id : account_store::all_ids(c)) index_for_search(c, id);
}

}  // namespace sotong::platform::accounts
