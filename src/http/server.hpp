// The HTTP server: Boost.Beast with C++20 coroutines, keep-alive, read timeouts, body limits, handlers on a
// worker pool (so blocking database work never stalls the I/O threads) and graceful shutdown on signals.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "http/router.hpp"

namespace sotong::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 8080;  // 0 picks a free port
  int io_threads = 2;
  int worker_threads = 4;
  std::size_t body_limit = 1024 * 1024;
  std::size_t header_limit = 16 * 1024;
  std::chrono::seconds read_timeout{30};
  std::chrono::seconds shutdown_grace{30};
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
