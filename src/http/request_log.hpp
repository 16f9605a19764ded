// The request log: one JSON line per answered request, formatted and written in batches by a background
// thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <ctime>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace sotong::http {

/// The raw fields of one answered request, copied on the I/O thread; formatting happens later.
struct RequestLogEntry {
  std::string method;
  std::string path;   // percent-decoded, without the query (which may carry personal data)
  std::string route;  // the matched pattern, "" when none matched
  std::string remote_address;
  int status = 0;
  double seconds = 0;     // from the request's header to its response
  std::size_t bytes = 0;  // response body
  std::chrono::system_clock::time_point time;
};

struct RequestLogOptions {
  /// Entries waiting for the writer; a request finding the queue full is not logged but counted.
  std::size_t capacity = 16384;
  /// The longest an entry waits before its batch is written (the writer also wakes at a quarter full).
  std::chrono::milliseconds flush_interval{100};
};

class RequestLog {
 public:
  /// Receives whole lines (each ending in '\n'), a batch at a time, on the writer thread.
  using Sink = std::function<void(std::string_view lines)>;

  /// Starts the writer thread.
  explicit RequestLog(Sink sink, RequestLogOptions options = {});
  /// Stops the writer after writing what is queued.
  ~RequestLog();
  RequestLog(const RequestLog&) = delete;
  RequestLog& operator=(const RequestLog&) = delete;

  /// Queues an entry and returns at once, never waiting for the writer. Returns false, and counts the
  /// entry as dropped, when the queue is full or the log has stopped.
  bool push(RequestLogEntry entry);
  /// Writes everything queued, then ends the writer thread; later entries are dropped. Safe to call twice.
  void stop();
  /// Entries dropped because the queue was full (or the log stopped), since the start.
  std::uint64_t dropped() const;
  /// Lines handed to the sink since the start.
  std::uint64_t written() const;

  /// A sink writing to standard output through stdio (the stream spdlog writes to, so lines never
  /// interleave mid-line), flushed after each batch.
  static Sink standard_output();

 private:
  void run();

  Sink sink_;
  RequestLogOptions options_;
  std::size_t wake_at_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<RequestLogEntry> queue_;
  bool stopping_ = false;
  std::uint64_t dropped_ = 0;
  std::uint64_t written_ = 0;
  std::thread writer_;
};

/// Appends `text` as the inside of a JSON string: quotes, backslashes and control bytes escaped, and
/// each byte that is not part of well-formed UTF-8 replaced by U+FFFD, so any input gives a valid line.
void append_json_string(std::string& out, std::string_view text);

/// Appends one entry as a JSON line ending in '\n', shaped like the server's other log lines:
/// {"ts":…,"level":"info","msg":{"method","path","route","status","ms","bytes","ip"}}.
void append_log_line(std::string& out, const RequestLogEntry& entry);

}  // namespace sotong::http
