#include "app/config.hpp"

#include <toml++/toml.h>
#include <charconv>
#include <stdexcept>

#include "core/korean_text.hpp"
#include "http/address_list.hpp"
#include "platform/notifications/mail.hpp"
#include "platform/web/client_address.hpp"

namespace sotong::app {

void apply_listen(const std::string& listen, http::ServerOptions& options) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0)
    throw std::runtime_error("--listen은 주소:포트 형식이어야 합니다: " + listen);
  int port = -1;
  const char* begin = listen.data() + colon + 1;
  auto [p, ec] = std::from_chars(begin, listen.data() + listen.size(), port);
  if (ec != std::errc{} || p != listen.data() + listen.size() || port < 0 || port > 65535) {
    throw std::runtime_error("포트 번호가 올바르지 않습니다: " + listen);
  }
  std::string address = listen.substr(0, colon);
  if (address.size() > 2 && address.front() == '[' && address.back() == ']')
    address = address.substr(1, address.size() - 2);
  options.address = address;
  options.port = static_cast<unsigned short>(port);
}

namespace {

// Sections the platform reads itself; every other table belongs to the module of that name.
bool platform_section(std::string_view name) {
  for (std::string_view s : {"database", "server", "site", "security", "history", "smtp", "jobs", "metrics"})
    if (name == s) return true;
  return false;
}

void read_module_sections(const toml::table& t,
                          std::map<std::string, std::map<std::string, std::string>>& out,
                          const std::string& path) {
  for (const auto& [name, node] : t) {
    if (platform_section(name.str())) continue;
    const auto* table = node.as_table();
    if (!table)
      throw std::runtime_error("설정 파일의 " + with_particle(name.str(), "은/는") +
                               " [구역]이어야 합니다 (" + path + ")");
    auto& section = out[std::string(name.str())];
    for (const auto& [key, value] : *table) {
      if (auto i = value.value<std::int64_t>(); i && value.is_integer()) {
        section[std::string(key.str())] = std::to_string(*i);
      } else if (auto b = value.value<bool>()) {
        section[std::string(key.str())] = *b ? "true" : "false";
      } else if (auto text = value.value<std::string>()) {
        section[std::string(key.str())] = *text;
      } else {
        throw std::runtime_error("설정 파일의 [" + std::string(name.str()) + "] " + std::string(key.str()) +
                                 " 값은 정수, 참·거짓 또는 문자열이어야 합니다 (" + path + ")");
      }
    }
  }
}

/// [security] trusted_proxies: the reverse proxies' own addresses, each checked, so that a typo does not
/// silently leave the access log recording the proxy (or a forged header) instead of the client.
std::vector<std::string> read_trusted_proxies(const toml::table& t, const std::string& path) {
  if (t["security"]["trust_proxy"])
    throw std::runtime_error(
        "[security] trust_proxy는 더 이상 쓰지 않습니다. 프록시의 주소를 trusted_proxies = "
        "[\"127.0.0.1\"]처럼 적어 주십시오 (" +
        path + ")");
  std::vector<std::string> out;
  const auto* list = t["security"]["trusted_proxies"].as_array();
  if (!list) {
    if (t["security"]["trusted_proxies"])
      throw std::runtime_error("[security] trusted_proxies는 주소의 목록이어야 합니다 (" + path + ")");
    return out;
  }
  for (const auto& item : *list) {
    const auto address = item.value<std::string>();
    if (!address || !platform::plausible_address(*address))
      throw std::runtime_error("[security] trusted_proxies에 IP 주소가 아닌 값이 있습니다 (" + path + ")");
    out.push_back(platform::normalize_address(*address));
  }
  return out;
}

/// [metrics]: who may read /metrics. A wrong address or a short token stops the server rather than leaving
/// the figures open or shut by surprise.
void read_metrics(const toml::table& t, platform::Settings& s, const std::string& path) {
  if (const auto* node = t["metrics"]["allowed_addresses"].node()) {
    const auto* list = node->as_array();
    if (!list)
      throw std::runtime_error("설정 파일의 [metrics] allowed_addresses 는 주소 목록이어야 합니다 (" + path +
                               ")");
    s.metrics_allowed_addresses.clear();
    for (const auto& item : *list) {
      auto text = item.value<std::string>();
      if (!text || !item.is_string())
        throw std::runtime_error("설정 파일의 [metrics] allowed_addresses 에는 문자열만 쓸 수 있습니다 (" +
                                 path + ")");
      s.metrics_allowed_addresses.push_back(*text);
    }
  }
  std::string bad;
  if (!http::AddressList::parse(s.metrics_allowed_addresses, &bad))
    throw std::runtime_error("설정 파일의 [metrics] allowed_addresses 에 IP 주소가 아닌 값이 있습니다: \"" +
                             bad + "\" (예: \"127.0.0.1\", \"10.20.0.0/16\") (" + path + ")");
  s.metrics_token = t["metrics"]["token"].value_or(s.metrics_token);
  if (!s.metrics_token.empty() && s.metrics_token.size() < 16)
    throw std::runtime_error("설정 파일의 [metrics] token 은 16자 이상이어야 합니다 (" + path + ")");
}

}  // namespace

Config load_config(const std::string& path) {
  Config c;
  if (path.empty()) return c;
  toml::table t;
  try {
    t = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    throw std::runtime_error("설정 파일을 읽을 수 없습니다 (" + path + "): " + std::string(e.description()));
  }
  c.database = t["database"]["url"].value_or(c.database);
  c.listen = t["server"]["listen"].value_or(c.listen);
  c.server.io_threads = t["server"]["io_threads"].value_or(c.server.io_threads);
  c.server.worker_threads = t["server"]["worker_threads"].value_or(c.server.worker_threads);
  c.server.body_limit = t["server"]["body_limit_bytes"].value_or(c.server.body_limit);
  if (t["server"]["read_timeout_seconds"])
    throw std::runtime_error(
        "[server] read_timeout_seconds는 header_timeout_seconds(요청 헤더), "
        "body_idle_timeout_seconds·body_timeout_seconds(본문)로 나뉘었습니다 (" +
        path + ")");
  const auto seconds = [&](const char* key, std::chrono::seconds fallback) {
    const auto value = t["server"][key].value_or(fallback.count());
    if (value < 1)
      throw std::runtime_error(std::string("[server] ") + key + " 값은 1 이상이어야 합니다 (" + path + ")");
    return std::chrono::seconds(value);
  };
  c.server.header_timeout = seconds("header_timeout_seconds", c.server.header_timeout);
  c.server.body_idle_timeout = seconds("body_idle_timeout_seconds", c.server.body_idle_timeout);
  c.server.body_timeout = seconds("body_timeout_seconds", c.server.body_timeout);
  const auto count = [&](const char* key, std::size_t fallback) {
    const auto value = t["server"][key].value_or(static_cast<std::int64_t>(fallback));
    if (value < 1)
      throw std::runtime_error(std::string("[server] ") + key + " 값은 1 이상이어야 합니다 (" + path + ")");
    return static_cast<std::size_t>(value);
  };
  c.server.max_connections = count("max_connections", c.server.max_connections);
  c.server.max_connections_per_address =
      count("max_connections_per_address", c.server.max_connections_per_address);
  c.log_requests = t["server"]["log_requests"].value_or(c.log_requests);
  auto& s = c.settings;
  s.site_name = t["site"]["name"].value_or(s.site_name);
  s.operator_name = t["site"]["operator"].value_or(s.operator_name);
  s.web_root = t["site"]["web_root"].value_or(s.web_root);
  s.session_idle_minutes = t["security"]["session_idle_minutes"].value_or(s.session_idle_minutes);
  s.session_absolute_hours = t["security"]["session_absolute_hours"].value_or(s.session_absolute_hours);
  s.lockout_threshold = t["security"]["lockout_threshold"].value_or(s.lockout_threshold);
  s.lockout_minutes = t["security"]["lockout_minutes"].value_or(s.lockout_minutes);
  s.sign_in_window_minutes = t["security"]["sign_in_window_minutes"].value_or(s.sign_in_window_minutes);
  s.sign_in_failures_per_address =
      t["security"]["sign_in_failures_per_address"].value_or(s.sign_in_failures_per_address);
  s.sign_in_failures_total = t["security"]["sign_in_failures_total"].value_or(s.sign_in_failures_total);
  s.secure_cookies = t["security"]["secure_cookies"].value_or(s.secure_cookies);
  s.trusted_proxies = read_trusted_proxies(t, path);
  c.server.unlimited_addresses = s.trusted_proxies;  // every request through nginx comes from its address
  s.history_retention_days = t["history"]["retention_days"].value_or(s.history_retention_days);
  s.smtp_url = t["smtp"]["url"].value_or(s.smtp_url);
  s.smtp_from = t["smtp"]["from"].value_or(s.smtp_from);
  s.smtp_allow_plaintext = t["smtp"]["allow_plaintext"].value_or(s.smtp_allow_plaintext);
  if (auto problem = platform::notifications::smtp_settings_problem(s.smtp_url, s.smtp_allow_plaintext))
    throw std::runtime_error(*problem + " (" + path + ")");
  s.job_lease_seconds = t["jobs"]["lease_seconds"].value_or(s.job_lease_seconds);
  s.job_poll_milliseconds = t["jobs"]["poll_milliseconds"].value_or(s.job_poll_milliseconds);
  read_metrics(t, s, path);
  read_module_sections(t, c.module_sections, path);
  if (s.session_idle_minutes < 1 || s.lockout_threshold < 1 || s.lockout_minutes < 1 ||
      s.sign_in_window_minutes < 1 || s.sign_in_failures_per_address < 1 || s.sign_in_failures_total < 1 ||
      c.server.worker_threads < 1 || c.server.io_threads < 1) {
    throw std::runtime_error("설정 값은 1 이상이어야 합니다 (" + path + ")");
  }
  return c;
}

}  // namespace sotong::app
