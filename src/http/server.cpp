#include "http/server.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include <sys/resource.h>

#include "http/form.hpp"

namespace sotong::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

namespace {
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

struct Connection {
  explicit Connection(tcp::socket socket);
  beast::tcp_stream stream;
  std::string address;  // the peer, as counted against the per-address cap
  bool idle = true;     // waiting for the next request; touched only on the connection's strand
};

/// The peer's address as text ("" when the socket already failed); an IPv4 peer on a dual-stack socket is
/// written in its IPv4 form, so caps and logs see one address, not two spellings of it.
std::string peer_address(const tcp::socket& socket) {
  boost::system::error_code ec;
  auto ep = socket.remote_endpoint(ec);
  if (ec) return {};
  auto address = ep.address();
  if (address.is_v6() && address.to_v6().is_v4_mapped())
    return asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6()).to_string();
  return address.to_string();
}

Connection::Connection(tcp::socket socket)
    : stream(std::move(socket)), address(peer_address(stream.socket())) {}

/// The request's start line and headers, without its body (read or not).
Request header_request(const bhttp::request<bhttp::string_body>& msg, const std::string& remote) {
  Request req;
  req.method = std::string(msg.method_string());
  req.target = std::string(msg.target());
  const auto q = req.target.find('?');
  const std::string_view raw_path = std::string_view(req.target).substr(0, q);
  if (!percent_decode(raw_path, req.path, false)) req.path = std::string(raw_path);
  if (q != std::string::npos) req.query_string = req.target.substr(q + 1);
  req.headers.reserve(16);
  for (const auto& field : msg) {
    std::string name(field.name_string());
    for (auto& c : name)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');  // header names are ASCII
    req.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  req.remote_address = remote;
  return req;
}

// Moves the body out of `msg`; its start line and headers stay readable.
Request to_request(bhttp::request<bhttp::string_body>& msg, const std::string& remote) {
  Request req = header_request(msg, remote);
  req.body = std::move(msg.body());
  return req;
}

/// Too many connections: a fixed 503 written straight into the fresh socket's send buffer (it always fits),
/// then closed, so that refusing costs neither a coroutine nor a wait on a client that does not read.
void refuse_connection(tcp::socket& socket) {
  static constexpr std::string_view kBody = "접속이 너무 많습니다. 잠시 후 다시 시도해 주십시오.\n";
  static const std::string kResponse =
      "HTTP/1.1 503 Service Unavailable\r\nServer: Sotong\r\n"
      "Content-Type: text/plain; charset=utf-8\r\nRetry-After: 5\r\n"
      "Connection: close\r\nContent-Length: " +
      std::to_string(kBody.size()) + "\r\n\r\n" + std::string(kBody);
  boost::system::error_code ignored;
  socket.non_blocking(true, ignored);
  socket.write_some(asio::buffer(kResponse), ignored);
  socket.shutdown(tcp::socket::shutdown_both, ignored);
  socket.close(ignored);
}

/// Accept errors that mean "no resources right now" (descriptors, buffers, memory): retrying at once would
/// spin a core at 100 % until one frees, so the loop waits a little instead.
bool out_of_resources(const boost::system::error_code& ec) {
  return ec == asio::error::no_descriptors || ec == asio::error::no_buffer_space ||
         ec == asio::error::no_memory || ec == boost::system::errc::too_many_files_open_in_system;
}

/// The methods the server serves; any other is answered 501 before routing, so invented methods never reach
/// the metrics' labels or a handler.
bool served_method(bhttp::verb method) {
  switch (method) {
    case bhttp::verb::get:
    case bhttp::verb::head:
    case bhttp::verb::post:
    case bhttp::verb::put:
    case bhttp::verb::patch:
    case bhttp::verb::delete_:
    case bhttp::verb::options:
      return true;
    default:
      return false;
  }
}

/// A request body's framing is unambiguous only when the last transfer coding is chunked (RFC 9112 §6.3):
/// anything else could be read differently by a proxy in front (request smuggling).
bool transfer_encoding_acceptable(std::string_view value) {
  if (value.empty()) return true;
  auto last = value.substr(value.rfind(',') == std::string_view::npos ? 0 : value.rfind(',') + 1);
  while (!last.empty() && (last.front() == ' ' || last.front() == '\t')) last.remove_prefix(1);
  while (!last.empty() && (last.back() == ' ' || last.back() == '\t')) last.remove_suffix(1);
  return beast::iequals(last, "chunked");
}

bhttp::response<bhttp::string_body> to_beast(Response&& res, unsigned version, bool keep_alive, bool head) {
  // A header carrying CR, LF or NUL would split the response on the wire (a forged Set-Cookie): whoever set
  // it, the response is refused and a bare 500 goes out instead.
  if (!headers_safe(res)) res = Response::text("일시적인 오류가 발생했습니다.", 500);
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), version};
  out.set(bhttp::field::server, "Sotong");
  if (!res.body.empty() || res.status != 204) out.set(bhttp::field::content_type, res.content_type);
  for (auto& [name, value] : res.headers) out.insert(name, value);
  const auto length = res.body.size();
  if (!head) out.body() = std::move(res.body);
  out.content_length(length);
  out.keep_alive(keep_alive);
  return out;
}
}  // namespace

class Server::Impl {
 public:
  Impl(ServerOptions options, const Router& router, ServerHooks hooks)
      : options_(std::move(options)),
        router_(router),
        hooks_(std::move(hooks)),
        ioc_(options_.io_threads),
        workers_(static_cast<std::size_t>(options_.worker_threads)),
        acceptor_(ioc_),
        signals_(ioc_, SIGINT, SIGTERM),
        deadline_(ioc_) {}

  void run() {
    raise_descriptor_limit();
    const auto address = asio::ip::make_address(options_.address);
    tcp::endpoint endpoint{address, options_.port};
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(asio::socket_base::max_listen_connections);
    if (hooks_.on_listening) hooks_.on_listening(acceptor_.local_endpoint().port());

    signals_.async_wait([this](const boost::system::error_code& ec, int) {
      if (!ec) begin_shutdown();
    });
    asio::co_spawn(ioc_, accept_loop(), asio::detached);

    std::vector<std::thread> threads;
    for (int i = 1; i < options_.io_threads; ++i) threads.emplace_back([this] { ioc_.run(); });
    ioc_.run();
    for (auto& t : threads) t.join();
    workers_.join();
  }

  void stop() {
    asio::post(ioc_, [this] { begin_shutdown(); });
  }

 private:
  void begin_shutdown() {
    if (stopping_.exchange(true)) return;
    boost::system::error_code ignored;
    signals_.cancel(ignored);
    acceptor_.close(ignored);
    std::lock_guard lock(connections_mutex_);
    for (const auto& c : connections_) {
      // Idle keep-alive connections are closed now; busy ones finish their request and then close.
      asio::post(c->stream.get_executor(), [c] {
        if (c->idle) c->stream.cancel();
      });
    }
    deadline_.expires_after(options_.shutdown_grace);
    deadline_.async_wait([this](const boost::system::error_code& ec) {
      if (!ec) ioc_.stop();  // requests still running after the grace period are abandoned
    });
    if (connections_.empty()) deadline_.cancel();
  }

  /// Each connection holds a descriptor: lift the soft limit towards the hard one so the connection cap, not
  /// a default of 1024 descriptors, is what bounds them.
  void raise_descriptor_limit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
    const rlim_t wanted = static_cast<rlim_t>(options_.max_connections) + 512;  // + database, files, logs
    if (limit.rlim_cur >= wanted) return;
    limit.rlim_cur = std::min(wanted, limit.rlim_max);
    setrlimit(RLIMIT_NOFILE, &limit);
  }

  bool unlimited(const std::string& address) const {
    const auto& list = options_.unlimited_addresses;
    return std::find(list.begin(), list.end(), address) != list.end();
  }

  /// Counts the connection in, or answers false when a cap is reached.
  bool admit_connection(const std::shared_ptr<Connection>& c) {
    std::lock_guard lock(connections_mutex_);
    if (stopping_ || connections_.size() >= options_.max_connections) return false;
    auto& from_address = per_address_[c->address];
    if (from_address >= options_.max_connections_per_address && !unlimited(c->address)) {
      if (from_address == 0) per_address_.erase(c->address);
      return false;
    }
    ++from_address;
    connections_.insert(c);
    return true;
  }

  void forget(const std::shared_ptr<Connection>& c) {
    std::lock_guard lock(connections_mutex_);
    connections_.erase(c);
    if (auto it = per_address_.find(c->address); it != per_address_.end() && --it->second == 0)
      per_address_.erase(it);
    if (stopping_ && connections_.empty()) asio::post(ioc_, [this] { deadline_.cancel(); });
  }

  asio::awaitable<void> accept_loop() {
    asio::steady_timer pause(acceptor_.get_executor());
    for (;;) {
      auto [ec, socket] = co_await acceptor_.async_accept(asio::make_strand(ioc_), kTuple);
      if (ec) {
        if (stopping_ || ec == asio::error::operation_aborted) co_return;
        if (out_of_resources(ec)) {
          // Keep serving the connections we have; the pending ones wait in the backlog meanwhile.
          pause.expires_after(100ms);
          co_await pause.async_wait(kTuple);
        }
        continue;
      }
      if (stopping_) co_return;
      auto c = std::make_shared<Connection>(std::move(socket));
      if (!admit_connection(c)) {
        refuse_connection(c->stream.socket());
        continue;
      }
      asio::co_spawn(c->stream.get_executor(), serve(c), [this, c](std::exception_ptr) { forget(c); });
    }
  }

  Response error(int status, const Request& req) {
    if (hooks_.error_page) {
      try {
        return hooks_.error_page(status, req);
      } catch (...) {
      }
    }
    return Response::text("요청을 처리할 수 없습니다.", status);
  }

  Response invoke(const Route& route, Request& req) {
    try {
      return route.handler(req);
    } catch (const std::exception& e) {
      if (hooks_.on_exception) hooks_.on_exception(req, e.what());
      return error(500, req);
    }
  }

  // Writes a response; false when the connection failed. `c` outlives the call (serve holds it).
  asio::awaitable<bool> write(Connection& c, Response res, unsigned version, bool keep_alive, bool head) {
    auto out = to_beast(std::move(res), version, keep_alive, head);
    c.stream.expires_after(options_.write_timeout);
    auto [ec, n] = co_await bhttp::async_write(c.stream, out, kTuple);
    co_return !ec;
  }

  // Answers a request the server refuses by itself, then the connection closes. The page is built into a
  // named local first: GCC 12 destroys a temporary Request/Response inside a co_await expression twice
  // (free(): invalid pointer on the first malformed request).
  asio::awaitable<void> refuse(Connection& c, int status, unsigned version) {
    const Request none;
    Response page = error(status, none);
    co_await write(c, std::move(page), version, false, false);
  }

  /// Runs the route's admission check on the worker pool with the request's header only (`head_only`); a
  /// response refuses the request before its body is read.
  asio::awaitable<std::optional<Response>> admit_request(const Route& route, const Request& head_only) {
    co_return co_await asio::co_spawn(
        workers_,
        [&]() -> asio::awaitable<std::optional<Response>> {
          try {
            co_return route.admit(head_only);
          } catch (const std::exception& e) {
            if (hooks_.on_exception) hooks_.on_exception(head_only, e.what());
            co_return error(500, head_only);
          }
        },
        asio::use_awaitable);
  }

  /// Reads the rest of the body: each piece within body_idle_timeout, the whole within body_timeout, so a
  /// slow line may upload 20 MiB while a client that stops sending is dropped.
  asio::awaitable<boost::system::error_code> read_body(Connection& c, beast::flat_buffer& buffer,
                                                       bhttp::request_parser<bhttp::string_body>& parser) {
    const auto deadline = std::chrono::steady_clock::now() + options_.body_timeout;
    while (!parser.is_done()) {
      const auto left = deadline - std::chrono::steady_clock::now();
      if (left <= std::chrono::steady_clock::duration::zero()) co_return beast::error::timeout;
      c.stream.expires_after(std::min<std::chrono::steady_clock::duration>(options_.body_idle_timeout, left));
      auto [ec, n] = co_await bhttp::async_read_some(c.stream, buffer, parser, kTuple);
      if (ec) co_return ec;
    }
    co_return boost::system::error_code{};
  }

  asio::awaitable<void> serve(std::shared_ptr<Connection> c) {
    beast::flat_buffer buffer;
    const std::string& remote = c->address;
    for (;;) {
      c->idle = true;
      if (stopping_) break;
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options_.header_limit));
      // The body limit depends on the route, known only once the header is in. Beast would check a
      // Content-Length against a limit set now while still reading the header and fail it as a parse
      // error (400), so the limit is set, and a declared length checked, after the header (413).
      parser.body_limit(boost::none);
      c->stream.expires_after(options_.header_timeout);
      auto [ec, n] = co_await bhttp::async_read_header(c->stream, buffer, parser, kTuple);
      c->idle = false;
      if (ec) {
        if (ec == bhttp::error::header_limit) {
          co_await refuse(*c, 431, 11);
        } else if (ec != bhttp::error::end_of_stream && ec != beast::error::timeout &&
                   ec != asio::error::operation_aborted && ec != asio::error::eof &&
                   ec != asio::error::connection_reset) {
          co_await refuse(*c, 400, 11);
        }
        break;
      }
      const auto start = std::chrono::steady_clock::now();
      auto& header = parser.get();
      if (!served_method(header.method())) {
        co_await refuse(*c, 501, header.version());
        break;
      }
      if (!transfer_encoding_acceptable(header[bhttp::field::transfer_encoding])) {
        co_await refuse(*c, 400, header.version());
        break;
      }
      if (!parser.is_done()) {
        // A body follows (most GETs have none, and skip this route lookup).
        const std::string_view target = header.target();
        const Route* sized = router_.peek(header.method_string(), target.substr(0, target.find('?')));
        const std::size_t body_limit = sized && sized->max_body ? sized->max_body : options_.body_limit;
        parser.body_limit(body_limit);
        const auto length = parser.content_length();
        if (length && *length > body_limit) {
          co_await refuse(*c, 413, header.version());
          break;
        }
        if (sized && sized->admit && (!length || *length > options_.early_check_bytes)) {
          // Whoever may not send this body is answered now, before a byte of it is read; the unread body
          // leaves the connection unusable, so it closes.
          Request head_only = header_request(header, remote);
          head_only.route_pattern = sized->pattern;
          auto early = co_await admit_request(*sized, head_only);
          if (early) {
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            if (hooks_.on_complete) hooks_.on_complete(Completed{head_only, *early, seconds});
            Response page = std::move(*early);
            co_await write(*c, std::move(page), header.version(), false, false);
            break;
          }
        }
        if (beast::iequals(header[bhttp::field::expect], "100-continue")) {
          bhttp::response<bhttp::empty_body> cont{bhttp::status::continue_, header.version()};
          co_await bhttp::async_write(c->stream, cont, kTuple);
        }
        const auto body_ec = co_await read_body(*c, buffer, parser);
        if (body_ec) {
          if (body_ec == bhttp::error::body_limit) {
            co_await refuse(*c, 413, header.version());
          } else if (body_ec != beast::error::timeout && body_ec != asio::error::eof) {
            co_await refuse(*c, 400, header.version());
          }
          break;
        }
      }
      auto msg = parser.release();
      Request req = to_request(msg, remote);
      Response res;
      auto match = router_.match(req);
      if (!match.route) {
        std::optional<Response> fallback;
        if (hooks_.fallback && (req.method == "GET" || req.method == "HEAD")) fallback = hooks_.fallback(req);
        if (fallback) {
          res = std::move(*fallback);
        } else {
          // The 404/405 page looks up the session (a database read): on the worker pool, never here.
          const int status = match.path_known ? 405 : 404;
          res = co_await asio::co_spawn(
              workers_, [&]() -> asio::awaitable<Response> { co_return error(status, req); },
              asio::use_awaitable);
        }
      } else if (match.route->on_io_thread) {
        res = invoke(*match.route, req);
      } else {
        const Route* route = match.route;
        res = co_await asio::co_spawn(
            workers_, [&]() -> asio::awaitable<Response> { co_return invoke(*route, req); },
            asio::use_awaitable);
      }
      const bool keep_alive = msg.keep_alive() && !stopping_;
      const bool head = msg.method() == bhttp::verb::head;
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (hooks_.on_complete) hooks_.on_complete(Completed{req, res, seconds});
      // Written here rather than through write(): one coroutine frame fewer on every request.
      auto out = to_beast(std::move(res), msg.version(), keep_alive, head);
      c->stream.expires_after(options_.write_timeout);
      auto [write_ec, written] = co_await bhttp::async_write(c->stream, out, kTuple);
      if (write_ec || !keep_alive) break;
    }
    boost::system::error_code ignored;
    c->stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    if (!stopping_) co_await linger(*c);
  }

  // A lingering close: a client refused while still sending (an upload over the limit gets its 413 before the
  // body is read) would otherwise have unread bytes in our receive buffer when the socket closes, and the
  // kernel then answers with a reset that can discard the 413 before the client reads it. So what it still
  // sends is read and dropped until it closes too: for at most kLingerTime and kLingerBytes, so a client that
  // keeps sending cannot hold the connection.
  asio::awaitable<void> linger(Connection& c) {
    constexpr auto kLingerTime = std::chrono::seconds(2);
    constexpr std::size_t kLingerBytes = std::size_t{64} << 20U;
    std::array<char, 16384> sink{};
    std::size_t drained = 0;
    c.stream.expires_after(kLingerTime);
    while (drained < kLingerBytes) {
      auto [ec, n] = co_await c.stream.async_read_some(asio::buffer(sink), kTuple);
      if (ec) break;
      drained += n;
    }
  }

  ServerOptions options_;
  const Router& router_;
  ServerHooks hooks_;
  asio::io_context ioc_;
  asio::thread_pool workers_;
  tcp::acceptor acceptor_;
  asio::signal_set signals_;
  asio::steady_timer deadline_;
  std::atomic<bool> stopping_{false};
  std::mutex connections_mutex_;
  std::set<std::shared_ptr<Connection>> connections_;
  std::map<std::string, std::size_t> per_address_;  // open connections per peer address
};

Server::Server(ServerOptions options, const Router& router, ServerHooks hooks)
    : impl_(std::make_unique<Impl>(std::move(options), router, std::move(hooks))) {}
Server::~Server() = default;
void Server::run() {
  impl_->run();
}
void Server::stop() {
  impl_->stop();
}

}  // namespace sotong::http
