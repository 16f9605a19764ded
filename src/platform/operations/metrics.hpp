// Prometheus metrics: requests by route and status, latency, server errors, database time, lost log lines.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace sotong::platform {

/// A cumulative histogram with fixed bucket bounds in seconds.
class Histogram {
 public:
  static constexpr std::array<double, 12> kBounds = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                     0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
  void observe(double seconds);
  /// Appends the exposition lines for this histogram under `name`.
  void write(std::string& out, const std::string& name) const;

 private:
  std::array<std::atomic<std::uint64_t>, kBounds.size() + 1> buckets_{};
  std::atomic<std::uint64_t> count_{0};
  std::atomic<std::uint64_t> sum_micros_{0};
};

class Metrics {
 public:
  void record_request(const std::string& method, const std::string& route, int status, double seconds);
  void record_query(double seconds) { queries_.observe(seconds); }
  /// Where /metrics reads the request log's dropped-line count; set once, before the server starts.
  void set_request_log_dropped(std::function<std::uint64_t()> source) { log_dropped_ = std::move(source); }
  /// The Prometheus text exposition format (version 0.0.4).
  std::string exposition() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  Histogram latency_;
  Histogram queries_;
  std::atomic<std::uint64_t> server_errors_{0};
  std::function<std::uint64_t()> log_dropped_;
};

}  // namespace sotong::platform
