// Runtime settings of the platform, read from the --config TOML file (defaults suit a province's intranet).
#pragma once

#include <string>
#include <vector>

namespace sotong::platform {

struct Settings {
  std::string site_name = "소통";
  std::string operator_name = "전북특별자치도";  // the footer's operator identifier
  int session_idle_minutes = 30;
  int session_absolute_hours = 12;
  int lockout_threshold = 5;  // failed logins before the account locks
  int lockout_minutes = 15;
  // The sign-in throttle: failed sign-ins counted over a window, from one address and from everywhere. An
  // office behind one NAT address shares its allowance, so the per-address figure is generous.
  int sign_in_window_minutes = 15;
  int sign_in_failures_per_address = 100;
  int sign_in_failures_total = 1000;
  bool secure_cookies =
      false;  // set behind TLS; also implied by X-Forwarded-Proto: https from a trusted proxy
  // The reverse proxies (nginx) whose X-Forwarded-For and X-Forwarded-Proto are believed; empty: none is.
  std::vector<std::string> trusted_proxies;
  std::string web_root = "web";      // folder holding static/ and node_modules/
  int history_retention_days = 730;  // how long change history and access log entries are kept
  std::string smtp_url;              // "smtp://host:port"; empty: no e-mail is sent
  std::string smtp_from;             // the From address of notification mail
  /// smtp:// in clear (a relay on this host); otherwise mail goes by STARTTLS or smtps://, or not at all.
  bool smtp_allow_plaintext = false;
  int job_lease_seconds = 300;       // how long a node holds a claimed job before others may take it again
  int job_poll_milliseconds = 1000;  // how often an idle job runner looks for due jobs
  /// Peers (addresses or networks, "10.20.0.0/16") that may read /metrics; the connection's own peer, never a
  /// forwarded header, since a proxy in front would otherwise open it to everyone behind it.
  std::vector<std::string> metrics_allowed_addresses = {"127.0.0.1", "::1"};
  /// When set, any peer may read /metrics with Authorization: Bearer <token>.
  std::string metrics_token;
};

}  // namespace sotong::platform
