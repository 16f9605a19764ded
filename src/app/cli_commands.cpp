#include "app/cli_commands.hpp"

#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/runtime.hpp"
#include "core/korean_text.hpp"
#include "platform/accounts/account_service.hpp"
#include "platform/accounts/account_store.hpp"
#include "platform/accounts/api_token_service.hpp"
#include "platform/accounts/api_token_store.hpp"
#include "platform/accounts/demo_accounts.hpp"
#include "platform/backup/backup.hpp"
#include "platform/history/history.hpp"
#include "platform/history/history_rules.hpp"
#include "platform/history/history_service.hpp"
#include "platform/organizations/organization_import.hpp"
#include "platform/organizations/organization_store.hpp"

namespace sotong::app {
namespace {

std::unique_ptr<store::Database> open_migrated(const Config& config) {
  auto db = store::Database::open(config.database, 2);
  const auto modules = all_modules();
  store::apply_migrations(*db, all_migrations(modules));
  seed_reference_data(*db, modules);
  return db;
}

int fail(const Error& e) {
  std::cerr << "오류: " << e.message << "\n";
  for (const auto& f : e.fields) std::cerr << "  " << f.field << ": " << f.message << "\n";
  return 2;
}
}  // namespace

void ensure_sqlite_folder(const std::string& url) {
  const std::filesystem::path file(url.substr(url.rfind("sqlite://", 0) == 0 ? 9 : 7));
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
}

int run_migrate(const Config& config) {
  auto db = store::Database::open(config.database, 2);
  const auto modules = all_modules();
  auto applied = store::apply_migrations(*db, all_migrations(modules));
  seed_reference_data(*db, modules);
  if (applied.empty()) std::cout << "데이터베이스가 이미 최신입니다.\n";
  for (const auto& name : applied) std::cout << "적용: " << name << "\n";
  return 0;
}

int run_demo_data(const Config& config, bool force) {
  auto db = open_migrated(config);
  const auto real =
      db->read([](store::Connection& c) { return platform::accounts::accounts_refusing_demo_data(c); });
  if (!real.empty() && !force) {
    std::string named;
    for (std::size_t i = 0; i < real.size() && i < 3; ++i) named += (i ? ", " : "") + real[i];
    if (real.size() > 3) named += " 등";
    return fail(Error::conflict(
        "이 데이터베이스에는 시연 계정이 아닌 계정이 " + std::to_string(real.size()) + "개 있습니다 (" +
        named +
        "). 시연 자료는 누구나 아는 비밀번호로 관리자 계정까지 만들므로 운영 데이터베이스에는 넣지 않습니다. "
        "정말 넣으려면 --force를 붙이십시오."));
  }
  const auto modules = all_modules();
  platform::Policy policy;
  for (const auto& m : modules)
    for (const auto& p : m.permissions) policy.add(p);
  for (const auto& m : modules) {
    if (m.demo_data) m.demo_data(*db, policy);
  }
  std::cout << "시연 자료를 넣었습니다. 시연 계정 (비밀번호는 모두 " << platform::accounts::kDemoPassword
            << "):\n";
  for (const auto& a : db->read([](store::Connection& c) { return platform::account_store::list(c, {}); })) {
    std::string roles;
    for (Role r : a.roles) roles += (roles.empty() ? "" : ", ") + std::string(role_label(r));
    std::cout << "  " << a.login_id << "\t" << a.display_name << " (" << a.organization_name << ", " << roles
              << ")\n";
  }
  return 0;
}

void add_user_commands(CLI::App& user, CliArgs& args) {
  user.require_subcommand(1);
  auto* create = user.add_subcommand("create", "계정을 만들고 초기 비밀번호를 한 번 보여 줍니다");
  create->add_option("--login", args.login, "아이디")->required();
  create->add_option("--name", args.name, "이름")->required();
  create->add_option("--organization", args.organization, "소속 기관코드 (예: 52000)")->required();
  create->add_option("--role", args.roles, "역할 코드 (여러 번 가능)")->required();
  create->add_option("--email", args.email, "전자우편");
  auto* list = user.add_subcommand("list", "계정 목록");
  auto* reset = user.add_subcommand("reset-password", "초기 비밀번호를 다시 발급합니다");
  reset->add_option("--login", args.login)->required();
  auto* unlock = user.add_subcommand("unlock", "잠긴 계정을 풉니다");
  unlock->add_option("--login", args.login)->required();
  // --database and --config belong to `user` but may also follow the action (`user create --database …`).
  for (auto* action : {create, list, reset, unlock}) action->fallthrough();
}

int run_user_command(const Config& config, CLI::App& user, const CliArgs& args) {
  auto db = open_migrated(config);
  if (user.got_subcommand("create")) {
    auto org = db->read([&](store::Connection& c) {
      return platform::organization_store::find_by_code(c, args.organization);
    });
    if (!org) return fail(Error::not_found("기관코드를 찾을 수 없습니다: " + args.organization));
    auto issued = platform::accounts::create_account_as_operator(
        *db, {args.login, args.name, args.email, "", std::to_string(org->id), args.roles, true});
    if (!issued) return fail(issued.error());
    std::cout << with_particle("계정 " + args.login, "을/를")
              << " 등록했습니다. 초기 비밀번호: " << issued->initial_password
              << "\n(처음 로그인할 때 바꾸어야 합니다.)\n";
    return 0;
  }
  if (user.got_subcommand("list")) {
    for (const auto& a :
         db->read([](store::Connection& c) { return platform::account_store::list(c, {}); })) {
      std::cout << a.login_id << "\t" << a.display_name << "\t" << a.organization_name << "\t"
                << (a.active ? "사용" : "사용 중지") << "\n";
    }
    return 0;
  }
  if (user.got_subcommand("reset-password")) {
    auto issued = platform::accounts::reset_account_password_as_operator(*db, args.login);
    if (!issued) return fail(issued.error());
    std::cout << "새 초기 비밀번호: " << issued->initial_password << "\n";
    return 0;
  }
  if (user.got_subcommand("unlock")) {
    auto unlocked = platform::accounts::unlock_account_as_operator(*db, args.login);
    if (!unlocked) return fail(unlocked.error());
    std::cout << "잠금을 풀었습니다.\n";
  }
  return 0;
}

void add_token_commands(CLI::App& token, CliArgs& args) {
  token.require_subcommand(1);
  auto* create = token.add_subcommand("create", "API 토큰을 만들고 한 번 보여 줍니다");
  create->add_option("--login", args.login, "토큰을 쓸 계정의 아이디")->required();
  create->add_option("--name", args.token_name, "토큰 이름 (용도)")->required();
  create->add_option("--days", args.days, "유효 기간(일), 0이면 무기한")->check(CLI::Range(0, 3650));
  auto* list = token.add_subcommand("list", "API 토큰 목록");
  auto* revoke = token.add_subcommand("revoke", "API 토큰을 폐기합니다");
  revoke->add_option("--id", args.token_id)->required();
  for (auto* action : {create, list, revoke}) action->fallthrough();
}

int run_token_command(const Config& config, CLI::App& token, const CliArgs& args) {
  auto db = open_migrated(config);
  const Timestamp t = now();
  if (token.got_subcommand("create")) {
    std::optional<Timestamp> expires;
    if (args.days > 0) expires = t + args.days * 86400LL;
    auto issued = platform::accounts::issue_api_token(*db, platform::history::console_actor(), args.login,
                                                      args.token_name, expires);
    if (!issued) return fail(issued.error());
    std::cout << issued->token << "\n";
    std::cerr << "이 토큰은 다시 볼 수 없습니다. Authorization: Bearer 헤더로 보내십시오.\n";
    return 0;
  }
  if (token.got_subcommand("list")) {
    for (const auto& i : db->read([](store::Connection& c) { return platform::api_tokens::list(c); })) {
      std::cout << i.id << "\t" << i.login_id << "\t" << i.name << "\t" << format_seoul_minute(i.created_at)
                << "\t"
                << (i.revoked_at                           ? "폐기"
                    : (i.expires_at && *i.expires_at <= t) ? "만료"
                                                           : "사용")
                << "\n";
    }
    return 0;
  }
  if (token.got_subcommand("revoke")) {
    auto revoked =
        platform::accounts::revoke_api_token(*db, platform::history::console_actor(), args.token_id);
    if (!revoked) return fail(revoked.error());
    std::cout << "토큰을 폐기했습니다.\n";
  }
  return 0;
}

void add_import_commands(CLI::App& import, CliArgs& args) {
  import.require_subcommand(1);
  auto* orgs = import.add_subcommand("organizations",
                                     "기관 목록 CSV를 가져옵니다 (code,name,kind,parent_code,sort_order,…)");
  orgs->add_option("file", args.file, "CSV 파일")->required()->check(CLI::ExistingFile);
  orgs->fallthrough();
}

int run_import_command(const Config& config, CLI::App& import, const CliArgs& args) {
  auto db = open_migrated(config);
  if (import.got_subcommand("organizations")) {
    std::ifstream in(args.file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    auto added = platform::organizations::import_csv(*db, text.str());
    if (!added) return fail(added.error());
    std::cout << *added << "개 기관을 추가했습니다.\n";
  }
  return 0;
}

void add_history_commands(CLI::App& history, HistoryArgs& args) {
  history.require_subcommand(1);
  auto* verify =
      history.add_subcommand("verify", "해시 사슬을 처음부터 검사해 처음 끊어진 기록을 알려 줍니다");
  auto* prune = history.add_subcommand("prune", "보존 기간이 지난 기록을 지웁니다 (검증은 계속 됩니다)");
  prune->add_option("--days", args.days, "보존 기간(일), 없으면 설정의 [history] retention_days");
  for (auto* action : {verify, prune}) action->fallthrough();
}

int run_history_command(const Config& config, CLI::App& history, const HistoryArgs& args) {
  auto db = open_migrated(config);
  if (history.got_subcommand("verify")) {
    const auto v = platform::history::verify(*db);
    if (!v.ok()) {
      std::cout << "변경·접속 기록 검증 실패: 기록 " << v.broken->id << " ("
                << format_seoul_second(v.broken->occurred_at) << ", 한국 시간)에서 사슬이 "
                << "끊어졌습니다.\n  " << v.problem << "\n  그 앞의 " << v.count << "건은 정상입니다.\n";
      return 3;
    }
    std::cout << "변경·접속 기록 검증 결과: 정상 (" << v.count << "건)\n마지막 해시: " << v.last_hash << "\n";
    return 0;
  }
  if (history.got_subcommand("prune")) {
    const int days = args.days > 0 ? args.days : config.settings.history_retention_days;
    auto pruned = platform::history::prune(*db, platform::history::console_actor(), days, now());
    if (!pruned) return fail(pruned.error());
    std::cout << days << "일이 지난 기록 " << pruned->count << "건을 지웠습니다 (기준 "
              << format_seoul_minute(pruned->cutoff) << ", 한국 시간).\n";
  }
  return 0;
}

namespace {
std::string grouped(std::int64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

void print_tables(const platform::backup::Outcome& o) {
  std::int64_t total = 0;
  bool counted = true;
  for (const auto& t : o.tables) {
    counted = counted && t.rows >= 0;
    total += t.rows > 0 ? t.rows : 0;
  }
  std::cout << "표 " << o.tables.size() << "개";
  if (counted) std::cout << ", 행 " << grouped(total) << "개";
  std::cout << "\n";
  for (const auto& t : o.tables) {
    std::cout << "  " << t.table;
    if (t.rows >= 0) std::cout << "\t" << grouped(t.rows);
    std::cout << "\n";
  }
}

std::string size_text(std::uintmax_t bytes) {
  const double b = static_cast<double>(bytes);
  return b < 1024 * 1024 ? fmt::format("{:.1f} KB", b / 1024) : fmt::format("{:.1f} MB", b / (1024 * 1024));
}
}  // namespace

int run_module_command(const Config& config, const platform::CliCommand& command,
                       const std::vector<std::string>& args) {
  auto db = open_migrated(config);
  return command.run(*db, args);
}

int run_generate(const Config& config, const GenerateArgs& args) {
  const auto modules = all_modules();
  const platform::Generator* generator = nullptr;
  std::string known;
  for (const auto& m : modules) {
    for (const auto& g : m.generators) {
      if (g.name == args.name) generator = &g;
      known += (known.empty() ? "" : ", ") + g.name + "(" + g.description + ")";
    }
  }
  if (!generator) {
    const std::string asked = args.name.empty() ? "만들 자료의 이름을 적어 주십시오."
                                                : "만들 수 없는 자료입니다: " + args.name + ".";
    return fail(Error::not_found(asked + " 만들 수 있는 자료: " + (known.empty() ? "없음" : known)));
  }
  // Checked here rather than by CLI11, whose refusal would be in English.
  const std::string_view typed = trim(args.count);
  long long count = 0;
  const auto [end, ec] = std::from_chars(typed.data(), typed.data() + typed.size(), count);
  if (typed.empty() || ec != std::errc() || end != typed.data() + typed.size() || count < 1 ||
      count > kMaxGenerated)
    return fail(Error::invalid("--count에는 만들 개수를 1부터 " + grouped(kMaxGenerated) +
                               "까지의 정수로 적어 주십시오" +
                               (typed.empty() ? "." : ": " + std::string(typed))));
  auto db = open_migrated(config);
  const auto started = std::chrono::steady_clock::now();
  auto made = generator->run(*db, count);
  if (!made) return fail(made.error());
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  std::cout << generator->description << " " << grouped(*made) << "건을 만들었습니다 ("
            << fmt::format("{:.1f}", took.count()) << "초).\n";
  return 0;
}

int run_backup(const Config& config, const std::string& file) {
  auto made = platform::backup::backup(config.database, file);
  if (!made) return fail(made.error());
  std::cout << "백업을 만들었습니다: " << made->file << " (" << size_text(made->bytes) << ", "
            << fmt::format("{:.2f}", made->seconds) << "초)\n";
  print_tables(*made);
  return 0;
}

int run_restore(const Config& config, const std::string& file) {
  auto restored = platform::backup::restore(file, config.database);
  if (!restored) return fail(restored.error());
  std::cout << "복원했습니다: " << restored->file << " → 데이터베이스 ("
            << fmt::format("{:.2f}", restored->seconds) << "초)\n";
  print_tables(*restored);
  return 0;
}

}  // namespace sotong::app
