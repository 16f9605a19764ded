// The composition root: the `sotong` command with its subcommands (serve, migrate, demo-data, generate, user,
// token, import, history, backup, restore). The list of modules lives in runtime.cpp (all_modules).
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

#include "app/cli_commands.hpp"
#include "app/config.hpp"
#include "app/runtime.hpp"
#include "core/korean_text.hpp"
#include "http/request_log.hpp"
#include "http/server.hpp"
#include "platform/crypto.hpp"
#include "platform/jobs/jobs.hpp"

namespace {
using namespace sotong;

/// `text` escaped for the inside of a JSON string, so a log line stays one valid JSON object.
std::string json_text(std::string_view text) {
  std::string out;
  http::append_json_string(out, text);
  return out;
}

int serve(app::Config config) {
  app::apply_listen(config.listen, config.server);
  auto rt = app::build_runtime(config);
  store::QueryTiming::set_observer([m = &rt->metrics](double s) { m->record_query(s); });
  for (const auto& missing : rt->static_files->missing()) {
    spdlog::warn(R"({{"event":"static_folder_missing","hint":"make web","path":"{}"}})", json_text(missing));
  }
  http::ServerHooks hooks;
  hooks.error_page = [w = rt->web.get()](int status, const http::Request& r) {
    return w->status_page(status, r);
  };
  hooks.fallback = [s = rt->static_files.get()](const http::Request& r) { return s->serve(r); };
  // The request log: the I/O thread only copies a few fields; a writer thread formats and writes them.
  std::unique_ptr<http::RequestLog> request_log;
  if (config.log_requests) {
    request_log = std::make_unique<http::RequestLog>(http::RequestLog::standard_output());
    rt->metrics.set_request_log_dropped([l = request_log.get()] { return l->dropped(); });
  }
  hooks.on_complete = [m = &rt->metrics, log = request_log.get()](const http::Completed& c) {
    m->record_request(c.request.method, c.request.route_pattern, c.response.status, c.seconds);
    if (log) {
      log->push({c.request.method, std::string(utf8_prefix(c.request.loggable_path(), 200)),
                 c.request.route_pattern, c.request.remote_address, c.response.status, c.seconds,
                 c.response.body.size(), std::chrono::system_clock::now()});
    }
  };
  hooks.on_exception = [](const http::Request& r, const char* what) {
    spdlog::error(R"({{"event":"handler_exception","method":"{}","path":"{}","error":"{}"}})",
                  json_text(r.method), json_text(utf8_prefix(r.loggable_path(), 200)),
                  json_text(utf8_prefix(what, 500)));
  };
  hooks.on_listening = [&](unsigned short port) {
    spdlog::info(R"({{"event":"listening","url":"http://{}:{}/"}})", config.server.address, port);
  };
  http::Server server(config.server, rt->web->router(), hooks);
  platform::jobs::Runner jobs(*rt->db, rt->config.settings);
  jobs.start();
  server.run();
  jobs.stop();
  if (request_log) request_log->stop();    // writes what is still queued
  spdlog::info(R"({"event":"stopped"})");  // no arguments: spdlog prints it as it is
  return 0;
}
}  // namespace

int main(int argc, char** argv) {
  spdlog::set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%e%z","level":"%l","msg":%v})");
  platform::init_crypto();
  CLI::App cli{"소통 (Sotong): 도-시·군 소통협력 시스템"};
  cli.require_subcommand(1);
  std::string config_path, database, listen;

  auto* serve_cmd = cli.add_subcommand("serve", "웹 서버를 실행합니다");
  serve_cmd->add_option("--listen", listen, "주소:포트 (기본 127.0.0.1:8080)");
  serve_cmd->add_option("--database", database, "sqlite:경로 또는 postgresql://…");
  serve_cmd->add_option("--config", config_path, "TOML 설정 파일");

  auto* migrate_cmd = cli.add_subcommand("migrate", "데이터베이스를 최신 구조로 바꿉니다");
  migrate_cmd->add_option("--database", database);
  migrate_cmd->add_option("--config", config_path);

  auto* demo_cmd = cli.add_subcommand("demo-data", "전북특별자치도 시연 자료와 시연 계정을 넣습니다");
  demo_cmd->add_option("--database", database);
  demo_cmd->add_option("--config", config_path);
  bool demo_force = false;
  demo_cmd->add_flag("--force", demo_force, "시연 계정이 아닌 계정이 있는 데이터베이스에도 넣습니다");

  app::GenerateArgs generate_args;
  auto* generate_cmd = cli.add_subcommand(
      "generate", "성능 측정용 자료를 많이 만듭니다 (시연 기관과 시연 계정이 있는 데이터베이스에)");
  generate_cmd->add_option("name", generate_args.name, "만들 자료 (예: suggestions)");
  generate_cmd->add_option("--count", generate_args.count, "만들 개수");
  generate_cmd->add_option("--database", database);
  generate_cmd->add_option("--config", config_path);

  app::CliArgs args;
  auto* user_cmd = cli.add_subcommand("user", "계정을 관리합니다");
  user_cmd->add_option("--database", database);
  user_cmd->add_option("--config", config_path);
  app::add_user_commands(*user_cmd, args);
  auto* token_cmd = cli.add_subcommand("token", "API 토큰을 관리합니다");
  token_cmd->add_option("--database", database);
  token_cmd->add_option("--config", config_path);
  app::add_token_commands(*token_cmd, args);
  auto* import_cmd = cli.add_subcommand("import", "자료를 가져옵니다");
  import_cmd->add_option("--database", database);
  import_cmd->add_option("--config", config_path);
  app::add_import_commands(*import_cmd, args);
  app::HistoryArgs history_args;
  auto* history_cmd =
      cli.add_subcommand("history", "변경이력·접속기록을 검증하거나 보존 기간이 지난 기록을 지웁니다");
  history_cmd->add_option("--database", database);
  history_cmd->add_option("--config", config_path);
  app::add_history_commands(*history_cmd, history_args);

  std::string backup_file;
  auto* backup_cmd =
      cli.add_subcommand("backup", "서버를 멈추지 않고 데이터베이스 전체를 백업 파일로 복사합니다");
  backup_cmd->add_option("file", backup_file, "만들 백업 파일")->required();
  backup_cmd->add_option("--database", database);
  backup_cmd->add_option("--config", config_path);
  auto* restore_cmd =
      cli.add_subcommand("restore", "백업 파일로 데이터베이스를 되돌립니다 (서버를 먼저 멈추십시오)");
  restore_cmd->add_option("file", backup_file, "백업 파일")->required();
  restore_cmd->add_option("--database", database);
  restore_cmd->add_option("--config", config_path);

  // The modules' own console commands (`sotong surveys import …`): each reads the words after its name
  // itself.
  const auto modules = app::all_modules();
  std::vector<std::pair<CLI::App*, const platform::CliCommand*>> module_cmds;
  for (const auto& m : modules) {
    for (const auto& command : m.commands) {
      auto* cmd = cli.add_subcommand(command.name,
                                     command.description + " (" + command.name + " " + command.usage + ")");
      cmd->add_option("--database", database);
      cmd->add_option("--config", config_path);
      cmd->allow_extras();
      module_cmds.emplace_back(cmd, &command);
    }
  }

  CLI11_PARSE(cli, argc, argv);
  try {
    app::Config config = app::load_config(config_path);
    if (!database.empty()) config.database = database;
    if (!listen.empty()) config.listen = listen;
    if (config.database.rfind("sqlite:", 0) == 0) app::ensure_sqlite_folder(config.database);
    if (serve_cmd->parsed()) return serve(config);
    if (migrate_cmd->parsed()) return app::run_migrate(config);
    if (demo_cmd->parsed()) return app::run_demo_data(config, demo_force);
    if (generate_cmd->parsed()) return app::run_generate(config, generate_args);
    if (user_cmd->parsed()) return app::run_user_command(config, *user_cmd, args);
    if (token_cmd->parsed()) return app::run_token_command(config, *token_cmd, args);
    if (import_cmd->parsed()) return app::run_import_command(config, *import_cmd, args);
    if (history_cmd->parsed()) return app::run_history_command(config, *history_cmd, history_args);
    if (backup_cmd->parsed()) return app::run_backup(config, backup_file);
    if (restore_cmd->parsed()) return app::run_restore(config, backup_file);
    for (const auto& [cmd, command] : module_cmds)
      if (cmd->parsed()) return app::run_module_command(config, *command, cmd->remaining());
  } catch (const std::exception& e) {
    std::cerr << "오류: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
