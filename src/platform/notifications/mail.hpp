// Notification e-mail: RFC 5322 message building (RFC 2047 Korean subject, base64 UTF-8 body) and the
// SMTP submission over libcurl.
#pragma once

#include <cstdint>
#include <optional>
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
/// characters, split between whole UTF-8 characters and folded with CRLF SP. Bytes that are not UTF-8 become
/// U+FFFD first, so any input ends, in words that decode to valid text.
std::string encode_header_word(std::string_view utf8);
/// "Wed, 25 Nov 2026 10:25:57 +0000".
std::string rfc5322_date(Timestamp t);
/// The stable Message-ID of mail job `job_id` at `domain` ("sotong-job-42@example.go.kr").
std::string message_id_for_job(std::int64_t job_id, std::string_view from);
/// The whole message (headers CRLF, body base64 in 76-character lines), ready for SMTP DATA.
std::string build_message(const MailMessage& m);
/// The Korean reason the [smtp] settings cannot send mail as configured, or nullopt: the URL must be
/// smtps:// (TLS from the first byte) or smtp:// (STARTTLS required, unless `allow_plaintext`), and this
/// program's libcurl must speak TLS unless plaintext is allowed. Empty `url`: no mail, no problem.
/// Whether the libcurl this program runs with was built with TLS.
bool curl_speaks_tls();
std::optional<std::string> smtp_settings_problem(std::string_view url, bool allow_plaintext,
                                                 bool tls_available = curl_speaks_tls());

/// Sends through `smtp_url`: smtps:// over TLS; smtp:// after STARTTLS, refused when the server does not
/// offer it (a server without TLS, or someone in between who strips the offer), unless `allow_plaintext`,
/// which sends smtp:// in clear. An error carries curl's reason. `timeout_seconds` bounds the whole exchange.
Result<void> send_mail(std::string_view smtp_url, const MailMessage& m, long timeout_seconds,
                       bool allow_plaintext = false);

}  // namespace sotong::platform::notifications
