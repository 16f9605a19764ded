#include "platform/operations/metrics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>

#include <unistd.h>
#include <fstream>

namespace sotong::platform {
namespace {
std::string escape_label(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

long resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  long pages_total = 0, pages_resident = 0;
  statm >> pages_total >> pages_resident;
  return pages_resident * sysconf(_SC_PAGESIZE);
}
}  // namespace

void Histogram::observe(double seconds) {
  std::size_t i = 0;
  while (i < kBounds.size() && seconds > kBounds[i]) ++i;
  buckets_[i].fetch_add(1, std::memory_order_relaxed);
  count_.fetch_add(1, std::memory_order_relaxed);
  sum_micros_.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

void Histogram::write(std::string& out, const std::string& name) const {
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < kBounds.size(); ++i) {
    cumulative += buckets_[i].load(std::memory_order_relaxed);
    out += fmt::format("{}_bucket{{le=\"{}\"}} {}\n", name, kBounds[i], cumulative);
  }
  cumulative += buckets_[kBounds.size()].load(std::memory_order_relaxed);
  out += fmt::format("{}_bucket{{le=\"+Inf\"}} {}\n", name, cumulative);
  out += fmt::format("{}_sum {:.6f}\n", name, sum_micros_.load(std::memory_order_relaxed) / 1e6);
  out += fmt::format("{}_count {}\n", name, count_.load(std::memory_order_relaxed));
}

void Metrics::record_request(const std::string& method, const std::string& route, int status,
                             double seconds) {
  latency_.observe(seconds);
  if (status >= 500) server_errors_.fetch_add(1, std::memory_order_relaxed);
  std::lock_guard lock(mutex_);
  // Fixed label sets: the method one of those the server serves, the route a registered pattern.
  static constexpr std::array<std::string_view, 7> kMethods = {"GET",   "HEAD",   "POST",   "PUT",
                                                               "PATCH", "DELETE", "OPTIONS"};
  const bool known = std::find(kMethods.begin(), kMethods.end(), method) != kMethods.end();
  ++requests_[{known ? method : "OTHER", route.empty() ? "(unmatched)" : route, status}];
}

std::string Metrics::exposition() const {
  std::string out;
  out += "# HELP sotong_http_requests_total HTTP requests answered, by method, route pattern and status.\n";
  out += "# TYPE sotong_http_requests_total counter\n";
  {
    std::lock_guard lock(mutex_);
    for (const auto& [key, count] : requests_) {
      const auto& [method, route, status] = key;
      out += fmt::format("sotong_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n",
                         escape_label(method), escape_label(route), status, count);
    }
  }
  out += "# HELP sotong_http_request_duration_seconds Time from a request's header to its response.\n";
  out += "# TYPE sotong_http_request_duration_seconds histogram\n";
  latency_.write(out, "sotong_http_request_duration_seconds");
  out += "# HELP sotong_http_server_errors_total Responses with a 5xx status.\n";
  out += "# TYPE sotong_http_server_errors_total counter\n";
  out += fmt::format("sotong_http_server_errors_total {}\n", server_errors_.load());
  out += "# HELP sotong_db_query_duration_seconds Time spent in one database call.\n";
  out += "# TYPE sotong_db_query_duration_seconds histogram\n";
  queries_.write(out, "sotong_db_query_duration_seconds");
  out +=
      "# HELP sotong_request_log_dropped_total Request log lines dropped because the writer fell behind.\n";
  out += "# TYPE sotong_request_log_dropped_total counter\n";
  out += fmt::format("sotong_request_log_dropped_total {}\n", log_dropped_ ? log_dropped_() : 0);
  out += "# HELP sotong_process_resident_memory_bytes Resident memory of the server process.\n";
  out += "# TYPE sotong_process_resident_memory_bytes gauge\n";
  out += fmt::format("sotong_process_resident_memory_bytes {}\n", resident_bytes());
  return out;
}

}  // namespace sotong::platform
