#include "platform/notifications/mail.hpp"

#include <curl/curl.h>
#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <mutex>

#include "core/korean_text.hpp"

namespace sotong::platform::notifications {

std::string base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return out;
}

namespace {
/// The text with every byte that does not start a well-formed UTF-8 character replaced by U+FFFD, so that an
/// encoded word always holds whole characters a reader can decode.
std::string well_formed(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = utf8_sequence_length(text, i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
  }
  return out;
}
}  // namespace

std::string encode_header_word(std::string_view raw) {
  bool ascii = true;
  for (unsigned char ch : raw) {
    if (ch >= 0x80 || ch == '\r' || ch == '\n') ascii = false;
  }
  if (ascii && raw.find("=?") == std::string_view::npos) return std::string(raw);
  const std::string s = well_formed(raw);
  // 45 bytes → 60 base64 characters; with "=?UTF-8?B?" and "?=" a word stays within 75 characters.
  constexpr std::size_t kChunk = 45;
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t end = std::min(s.size(), i + kChunk);
    // Back to the start of a character (at most 3 bytes on well-formed text); a chunk never ends empty, so
    // the loop always moves on.
    while (end < s.size() && end > i && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    if (end == i) end = std::min(s.size(), i + kChunk);
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + base64(s.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

std::string rfc5322_date(Timestamp t) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday], tm.tm_mday,
                kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string message_id_for_job(std::int64_t job_id, std::string_view from) {
  const auto at = from.rfind('@');
  std::string domain = at == std::string_view::npos ? "sotong.localhost" : std::string(from.substr(at + 1));
  while (!domain.empty() && (domain.back() == '>' || domain.back() == ' ')) domain.pop_back();
  if (domain.empty()) domain = "sotong.localhost";
  return "sotong-job-" + std::to_string(job_id) + "@" + domain;
}

namespace {
std::string strip_crlf(std::string_view s) {
  std::string out;
  for (char ch : s) {
    if (ch != '\r' && ch != '\n') out += ch;
  }
  return out;
}
}  // namespace

std::string build_message(const MailMessage& m) {
  std::string out;
  out += "Date: " + rfc5322_date(m.date) + "\r\n";
  out += "From: " + strip_crlf(m.from) + "\r\n";
  out += "To: " + strip_crlf(m.to) + "\r\n";
  out += "Subject: " + encode_header_word(strip_crlf(m.subject)) + "\r\n";
  out += "Message-ID: <" + strip_crlf(m.message_id) + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n";
  out += "\r\n";
  const std::string body = base64(m.body);
  for (std::size_t i = 0; i < body.size(); i += 76) out += body.substr(i, 76) + "\r\n";
  return out;
}

namespace {
struct Upload {
  const std::string* text;
  std::size_t at = 0;
};

size_t read_chunk(char* buffer, size_t size, size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, up->text->size() - up->at);
  std::memcpy(buffer, up->text->data() + up->at, n);
  up->at += n;
  return n;
}

std::string bare_address(std::string_view a) {
  const auto lt = a.find('<'), gt = a.rfind('>');
  if (lt != std::string_view::npos && gt != std::string_view::npos && gt > lt)
    return "<" + std::string(a.substr(lt + 1, gt - lt - 1)) + ">";
  return "<" + std::string(a) + ">";
}
}  // namespace

bool curl_speaks_tls() {
  const curl_version_info_data* info = curl_version_info(CURLVERSION_NOW);
  return info && (info->features & CURL_VERSION_SSL) != 0;
}

std::optional<std::string> smtp_settings_problem(std::string_view url, bool allow_plaintext,
                                                 bool tls_available) {
  if (url.empty()) return std::nullopt;
  const bool smtps = url.rfind("smtps://", 0) == 0, smtp = url.rfind("smtp://", 0) == 0;
  if (!smtps && !smtp)
    return "[smtp] url은 smtps://(처음부터 TLS) 또는 smtp://(STARTTLS)로 시작해야 합니다: " +
           std::string(url);
  if (smtps && !tls_available)
    return std::string("이 프로그램의 libcurl은 TLS를 지원하지 않아 smtps:// 로 메일을 보낼 수 없습니다.");
  if (smtp && !allow_plaintext && !tls_available)
    return std::string(
        "이 프로그램의 libcurl은 TLS를 지원하지 않아 smtp:// 에서 STARTTLS를 쓸 수 없습니다. 같은 서버의 "
        "중계 서버처럼 암호화 없이 보내도 되는 곳이면 [smtp] allow_plaintext = true 로 정하십시오.");
  return std::nullopt;
}

Result<void> send_mail(std::string_view smtp_url, const MailMessage& m, long timeout_seconds,
                       bool allow_plaintext) {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CURL* curl = curl_easy_init();
  if (!curl) return Error::conflict("메일 전송을 준비하지 못했습니다.");
  const std::string message = build_message(m), url(smtp_url), from = bare_address(m.from),
                    to = bare_address(m.to);
  Upload up{&message};
  curl_slist* rcpt = curl_slist_append(nullptr, to.c_str());
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  // smtp:// must upgrade with STARTTLS: curl refuses to go on when the server does not offer it, so a
  // plaintext server, or someone in between who strips the offer, never sees the message. smtps:// is TLS
  // from the start (the peer's certificate is verified either way, curl's default).
  if (url.rfind("smtp://", 0) == 0)
    curl_easy_setopt(curl, CURLOPT_USE_SSL,
                     static_cast<long>(allow_plaintext ? CURLUSESSL_NONE : CURLUSESSL_ALL));
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_chunk);
  curl_easy_setopt(curl, CURLOPT_READDATA, &up);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, std::min(timeout_seconds, 10L));
  char detail[CURL_ERROR_SIZE] = {};  // curl's own words ("STARTTLS not supported."), for the jobs page
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, detail);
  const CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(rcpt);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) {
    std::string why = curl_easy_strerror(rc);
    if (detail[0] != '\0') why += std::string(" (") + detail + ")";
    return Error::conflict("메일을 보내지 못했습니다: " + why);
  }
  return success();
}

}  // namespace sotong::platform::notifications
