#include "platform/accounts/accounts_module.hpp"

#include "platform/accounts/account_service.hpp"
#include "platform/accounts/account_store.hpp"
#include "platform/accounts/api_token_service.hpp"
#include "platform/accounts/api_token_store.hpp"
#include "platform/accounts/demo_accounts.hpp"
#include "platform/accounts/session_purge.hpp"
#include "platform/accounts/session_store.hpp"
#include "platform/web/web.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> accounts();
}

namespace sotong::platform::accounts {
namespace {

/// The session behind a cookie; its last activity is written at most once a minute so reads stay reads.
std::optional<SignedInSession> find_session(store::Database& db, const Settings& settings,
                                            std::string_view token) {
  const Timestamp t = now();
  auto found = db.read([&](store::Connection& c) { return sessions::find(c, token, t, settings); });
  if (!found) return std::nullopt;
  if (t - found->last_seen_at >= 60)
    db.write([&](store::Connection& c) {
      sessions::touch(c, *found, t);
      return 0;
    });
  return SignedInSession{std::move(found->actor), std::move(found->csrf), std::move(found->hash),
                         found->must_change_password};
}

std::optional<Actor> find_token_actor(store::Database& db, std::string_view token) {
  const Timestamp t = now();
  return db.write([&](store::Connection& c) -> std::optional<Actor> {
    auto account = api_tokens::account_for(c, token, t);
    if (!account) return std::nullopt;
    return sessions::load_actor(c, *account);
  });
}

std::string my_account_card(Web& web, const Actor& actor) {
  auto dates =
      web.db().read([&](store::Connection& c) { return account_store::sign_in_dates(c, actor.account_id); });
  std::string roles;
  for (Role r : actor.roles) roles += (roles.empty() ? "" : ", ") + std::string(role_label(r));
  render::View v = render::View::object({{"organization", actor.organization_name}, {"roles", roles}});
  if (dates && dates->previous_login_at)
    v.set("previous_login_at", format_seoul_minute(*dates->previous_login_at));
  if (dates) v.set("password_changed_at", format_seoul_date(dates->password_changed_at));
  return web.render_fragment("accounts/_card_me", v);
}

std::vector<CardCount> account_counts(store::Connection& c, const Actor&, const Policy&) {
  const auto n = account_store::count_by_state(c, now());
  return {{"사용 중인 계정", n.active, "/admin/accounts?status=active", "개"},
          {"잠긴 계정", n.locked, "/admin/accounts?status=active&state=locked", "개"},
          {"초기 비밀번호 변경 전", n.initial, "/admin/accounts?status=active&state=initial", "개"}};
}

/// The administrator's waiting work: accounts locked now, which people cannot unlock themselves.
std::vector<WaitingTask> locked_accounts_task(store::Connection& c, const Actor&, const Policy&) {
  const auto n = account_store::count_by_state(c, now());
  return {{"잠금 해제를 기다리는 계정", n.locked, "개", "/admin/accounts?status=active&state=locked"}};
}

/// Accounts active at the end of the year, by organisation (those created later are not counted).
std::vector<IndicatorValue> active_accounts(store::Connection& c, int year) {
  const Timestamp end = seoul_day_start({year + 1, 1, 1});
  std::vector<IndicatorValue> out;
  for (const auto& [organization, count] : account_store::count_active_per_organization(c, end))
    out.push_back({organization, static_cast<double>(count)});
  return out;
}

/// Accounts by id for the history: the person's page opens an active account to everyone who may find
/// people, an inactive one only to account managers.
std::map<std::int64_t, HistoryRecord> history_accounts(store::Connection& c,
                                                       const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, HistoryRecord> out;
  for (std::int64_t id : ids) {
    if (auto a = account_store::find(c, id))
      out[id] = {a->display_name + " (" + a->login_id + ")", "/people/" + std::to_string(id),
                 a->active ? kViewPeople : kManage};
  }
  return out;
}

/// API tokens by id: named by their name and account; they have no page.
std::map<std::int64_t, HistoryRecord> history_tokens(store::Connection& c,
                                                     const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, HistoryRecord> out;
  for (std::int64_t id : ids) {
    if (auto t = api_tokens::find(c, id)) out[id] = {t->name + " (" + t->login_id + ")", "", ""};
  }
  return out;
}

std::vector<HistoryVocabulary> history_vocabulary() {
  std::vector<Label> roles;
  for (Role r : kAllRoles) roles.push_back({std::string(role_code(r)), std::string(role_label(r))});
  return {{.record_type = "account",
           .label = "계정",
           .fields = {{"login_id", "아이디"},
                      {"display_name", "이름"},
                      {"email", "전자우편"},
                      {"position", "직위"},
                      {.code = "organization_id", .label = "소속 기관", .refers_to = "organization"},
                      {.code = "roles", .label = "역할", .values = roles},
                      {.code = "active", .label = "상태", .values = {{"true", "사용"}, {"false", "비활성"}}},
                      {"must_change_password", "비밀번호 변경 필요"},
                      {"failed_logins", "로그인 실패 횟수"},
                      {"locked", "잠김"},
                      {"sessions_closed", "종료한 세션"}},
           .actions = {{"reset_password", "비밀번호 초기화"},
                       {"unlock", "잠금 해제"},
                       {"change_password", "비밀번호 변경"}},
           .name_field = "display_name",
           .records = history_accounts},
          {.record_type = kTokenRecord,
           .label = "API 토큰",
           .fields = {{"login_id", "계정 아이디"},
                      {"name", "토큰 이름"},
                      {.code = "expires_at", .label = "만료 시각", .utc_time = true},
                      {"revoked", "폐기"}},
           .actions = {{"revoke", "폐기"}},
           .name_field = "name",
           .records = history_tokens}};
}

}  // namespace

ModuleManifest manifest() {
  ModuleManifest m;
  m.name = "accounts";
  m.title = "계정";
  add_embedded(m, embedded::accounts());
  m.permissions = permissions();
  m.menu = {{"직원 찾기", "/people", kViewPeople, 800, "함께 일하는 직원의 소속·직위·연락처를 찾습니다."},
            {"계정 관리", "/admin/accounts", kManage, 910,
             "계정을 등록하고, 비밀번호를 초기화하고, 잠금을 풉니다."},
            {"관리", "/admin/", kAdminArea, 990, "시스템 관리 화면을 한곳에서 엽니다."}};
  m.tasks = {{kManage, 50, locked_accounts_task}};
  for (auto part : {session_routes, admin_routes, people_routes, api_routes}) {
    auto routes = part();
    m.routes.insert(m.routes.end(), routes.begin(), routes.end());
  }
  m.search_sources = {{kPeopleSource, "직원", reindex_search}};
  m.identity = IdentityProvider{find_session, find_token_actor, account_store::display_names};
  m.cards = {{"내 정보", std::string(kSignedIn), 10, nullptr, my_account_card, ""},
             {"계정 현황", kManage, 95, account_counts, nullptr, "계정을 등록하고 잠금을 풀 수 있습니다."}};
  m.history = history_vocabulary();
  m.organization_usage = {
      {"소속 계정", "명",
       "이 기관에 소속된 사용 중인 계정이 있어 비활성화할 수 없습니다. 계정을 먼저 옮기거나 "
       "비활성화해 주십시오.",
       account_store::count_active_in}};
  m.indicators = {{"accounts.active_accounts", "사용 중인 계정 수", "명",
                   "그해 12월 31일까지 만들어져 지금 사용 중인 계정을 소속 기관별로 셉니다.", kManage,
                   IndicatorPeriod::calendar_year, active_accounts}};
  m.demo_data = [](store::Database& db, const Policy&) { load_demo_accounts(db); };
  m.job_kinds = {session_purge_kind()};
  m.seed = [](store::Database& db) {
    db.write([](store::Connection& c) {
      ensure_session_purge_scheduled(c, now());
      return true;
    });
  };
  return m;
}

}  // namespace sotong::platform::accounts
