#include "http/request_log.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdio>

namespace sotong::http {
namespace {
constexpr char kHex[] = "0123456789abcdef";

/// Length of the well-formed UTF-8 sequence starting at text[i], or 0 when the byte starts none.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // UTF-16 surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return length;
}

/// Appends `value` in decimal, padded with zeros to at least `width` digits.
void append_number(std::string& out, std::uint64_t value, int width = 1) {
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  for (auto n = end - digits; n < width; ++n) out.push_back('0');
  out.append(digits, end);
}

/// The "2026-11-25T14:55:01" part of a timestamp and the "+09:00" offset, recomputed once a second.
class SecondCache {
 public:
  void append(std::string& out, std::chrono::system_clock::time_point time) {
    const auto since_epoch = time.time_since_epoch();
    const auto seconds = std::chrono::floor<std::chrono::seconds>(since_epoch);
    const std::time_t t = static_cast<std::time_t>(seconds.count());
    if (t != second_ || date_.empty()) {
      std::tm local{};
      localtime_r(&t, &local);
      const long offset_minutes = local.tm_gmtoff / 60;
      const long magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
      date_ = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", local.tm_year + 1900, local.tm_mon + 1,
                          local.tm_mday, local.tm_hour, local.tm_min, local.tm_sec);
      offset_ = fmt::format("{}{:02}:{:02}", offset_minutes < 0 ? '-' : '+', magnitude / 60, magnitude % 60);
      second_ = t;
    }
    const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch - seconds).count();
    out += date_;
    out.push_back('.');
    append_number(out, static_cast<std::uint64_t>(millis), 3);
    out += offset_;
  }

 private:
  std::time_t second_ = 0;
  std::string date_;
  std::string offset_;
};

void append_line(std::string& out, const RequestLogEntry& e, SecondCache& clock) {
  out += R"({"ts":")";
  clock.append(out, e.time);
  out += R"(","level":"info","msg":{"method":")";
  append_json_string(out, e.method);
  out += R"(","path":")";
  append_json_string(out, e.path);
  out += R"(","route":")";
  append_json_string(out, e.route);
  out += R"(","status":)";
  append_number(out, static_cast<std::uint64_t>(e.status < 0 ? 0 : e.status));
  // Milliseconds with three decimals, from whole microseconds (what "{:.3f}" gave, without its cost).
  const auto micros = static_cast<std::uint64_t>(e.seconds > 0 ? e.seconds * 1e6 + 0.5 : 0);
  out += R"(,"ms":)";
  append_number(out, micros / 1000);
  out.push_back('.');
  append_number(out, micros % 1000, 3);
  out += R"(,"bytes":)";
  append_number(out, e.bytes);
  out += R"(,"ip":")";
  append_json_string(out, e.remote_address);
  out += "\"}}\n";
}
}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    // Printable ASCII other than '"' and '\\' is copied as a run.
    std::size_t run = i;
    while (run < text.size()) {
      const auto c = static_cast<unsigned char>(text[run]);
      if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') break;
      ++run;
    }
    out.append(text.data() + i, run - i);
    i = run;
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      if (const std::size_t n = utf8_sequence_length(text, i)) {
        out.append(text.data() + i, n);
        i += n;
      } else {
        out += "\\ufffd";
        ++i;
      }
    } else if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
      ++i;
    } else {  // control bytes and DEL
      out += "\\u00";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
      ++i;
    }
  }
}

void append_log_line(std::string& out, const RequestLogEntry& entry) {
  SecondCache clock;
  append_line(out, entry, clock);
}

RequestLog::RequestLog(Sink sink, RequestLogOptions options)
    : sink_(std::move(sink)),
      options_(options),
      wake_at_(options.capacity / 4 > 0 ? options.capacity / 4 : 1) {
  queue_.reserve(options_.capacity);
  writer_ = std::thread([this] { run(); });
}

RequestLog::~RequestLog() {
  stop();
}

bool RequestLog::push(RequestLogEntry entry) {
  bool wake = false;
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= options_.capacity) {
      ++dropped_;
      return false;
    }
    queue_.push_back(std::move(entry));
    wake = queue_.size() == wake_at_;
  }
  if (wake) wake_.notify_one();
  return true;
}

void RequestLog::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (writer_.joinable()) writer_.join();
}

std::uint64_t RequestLog::dropped() const {
  std::lock_guard lock(mutex_);
  return dropped_;
}

std::uint64_t RequestLog::written() const {
  std::lock_guard lock(mutex_);
  return written_;
}

void RequestLog::run() {
  std::vector<RequestLogEntry> batch;
  batch.reserve(options_.capacity);
  std::string text;
  SecondCache clock;
  for (;;) {
    bool last = false;
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, options_.flush_interval, [&] { return stopping_ || queue_.size() >= wake_at_; });
      batch.swap(queue_);  // the I/O threads keep pushing into the (empty, reserved) other vector
      last = stopping_;
    }
    if (!batch.empty()) {
      text.clear();
      for (const auto& entry : batch) append_line(text, entry, clock);
      try {
        sink_(text);
      } catch (...) {
        // A failing sink loses this batch; the server keeps answering.
      }
      const auto lines = batch.size();
      batch.clear();
      std::lock_guard lock(mutex_);
      written_ += lines;
    }
    if (last) return;
  }
}

RequestLog::Sink RequestLog::standard_output() {
  return [](std::string_view lines) {
    std::fwrite(lines.data(), 1, lines.size(), stdout);
    std::fflush(stdout);
  };
}

}  // namespace sotong::http
