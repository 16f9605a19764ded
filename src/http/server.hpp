// The HTTP server: Boost.Beast with C++20 coroutines, keep-alive, read timeouts, body limits, handlers on a
// worker pool (so blocking database work never stalls the I/O threads) and graceful shutdown on signals.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "http/router.hpp"

namespace sotong::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0 picks a free port
  int io_threads = 2;
  int worker_threads = 4;
  std::size_t body_limit = 1024 * 1024;
  std::size_t header_limit = 16 * 1024;
  /// The whole request header must arrive within this (also how long an idle keep-alive connection waits).
  std::chrono::seconds header_timeout{20};
  /// A body may pause this long between pieces, and take this long in all (20 MiB over a slow office line).
  std::chrono::seconds body_idle_timeout{30};
  std::chrono::seconds body_timeout{600};
  std::chrono::seconds write_timeout{60};
  std::chrono::seconds shutdown_grace{30};
  /// Open connections at most, in all and from one address; more are answered 503 and closed. The reverse
  /// proxies (every request comes from their address) are exempt from the per-address cap.
  std::size_t max_connections = 1000;
  std::size_t max_connections_per_address = 256;
  std::vector<std::string> unlimited_addresses;
  /// Bodies larger than this (or of unknown length) go through the route's admission check first.
  std::size_t early_check_bytes = 64 * 1024;
};

struct Completed {
  const Request& request;
  const Response& response;
  double seconds;
};

struct ServerHooks {
  /// Builds the page for a status the server produces itself (400, 404, 405, 413, 431, 500).
  std::function<Response(int status, const Request&)> error_page;
  /// Called after every response is written (metrics, request log).
  std::function<void(const Completed&)> on_complete;
  /// Answers GET requests no route matched (static files), on the I/O thread; nullopt falls through to 404.
  std::function<std::optional<Response>(const Request&)> fallback;
  /// Called when a handler throws (a broken invariant or an I/O fault); the client gets a 500 page.
  std::function<void(const Request&, const char* what)> on_exception;
  /// Called once the socket listens, with the bound port.
  std::function<void(unsigned short port)> on_listening;
};

class Server {
 public:
  Server(ServerOptions options, const Router& router, ServerHooks hooks);
  ~Server();
  /// Serves until SIGINT/SIGTERM or stop(); in-flight requests finish before it returns.
  void run();
  /// Asks the server to shut down gracefully (thread-safe).
  void stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sotong::http
