// Notification e-mail: RFC 5322 message building (RFC 2047 Korean subject, base64 UTF-8 body) and the
// SMTP submission over libcurl.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace sotong::platform::notifications {

struct MailMessage {
  std::string from;
  std::string to;
  std::string subject;     // UTF-8
  std::string body;        // UTF-8 plain text
  std::string message_id;  // without angle brackets
  Timestamp date = 0;
};

/// Standard base64 (RFC 4648) of `bytes`.
std::string base64(std::string_view bytes);
/// An RFC 2047 header value: plain ASCII stays as it is, otherwise "=?UTF-8?B?…?=" words of at most 75
/// characters, split between whole UTF-8 characters and folded with CRLF SP.
std::string encode_header_word(std::string_view utf8);
/// "Wed, 25 Nov 2026 10:25:57 +0000".
std::string rfc5322_date(Timestamp t);
/// The stable Message-ID of mail job `job_id` at `domain` ("sotong-job-42@example.go.kr").
std::string message_id_for_job(std::int64_t job_id, std::string_view from);
/// The whole message (headers CRLF, body base64 in 76-character lines), ready for SMTP DATA.
std::string build_message(const MailMessage& m);
/// Sends through `smtp_url` ("smtp://host:port"); an error carries curl's reason. `timeout_seconds` bounds
/// the whole exchange.
Result<void> send_mail(std::string_view smtp_url, const MailMessage& m, long timeout_seconds);

}  // namespace sotong::platform::notifications
