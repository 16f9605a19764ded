// Reading the --config TOML file into the server options and platform settings.
#pragma once

#include <map>
#include <string>

#include "http/server.hpp"
#include "platform/settings.hpp"

namespace sotong::app {

struct Config {
  std::string database = "sqlite:data/sotong.db";
  std::string listen = "127.0.0.1:8080";
  http::ServerOptions server;
  platform::Settings settings;
  bool log_requests = true;
  /// The sections that belong to modules ([suggestions] …), each key's value as written ("10", "true").
  std::map<std::string, std::map<std::string, std::string>> module_sections;
};

/// Reads a TOML file over the defaults; throws std::runtime_error with a Korean message naming the problem.
Config load_config(const std::string& path);

/// Splits "ADDR:PORT" into the server options; throws std::runtime_error when it is not an address and port.
void apply_listen(const std::string& listen, http::ServerOptions& options);

}  // namespace sotong::app
