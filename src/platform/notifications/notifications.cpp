#include "platform/notifications/notifications.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "http/response.hpp"
#include "platform/accounts/account_store.hpp"
#include "platform/jobs/daily_jobs.hpp"
#include "platform/jobs/jobs.hpp"
#include "platform/notifications/mail.hpp"
#include "platform/notifications/notification_store.hpp"

namespace sotong::platform::notifications {
namespace {

/// The account's e-mail address; "" when it has none (or there is no such account).
std::string email_of(store::Connection& c, std::int64_t account_id) {
  auto account = account_store::find(c, account_id);
  return account ? account->email : std::string();
}

std::string mail_payload(std::string_view to, std::string_view subject, std::string_view body) {
  return boost::json::serialize(boost::json::object{{"to", to}, {"subject", subject}, {"body", body}});
}

Result<void> send_mail_job(jobs::Run& run) {
  const auto& s = run.settings();
  boost::json::object p;
  try {
    p = boost::json::parse(run.job().payload).as_object();
  } catch (const std::exception&) {
    return Error::invalid("메일 작업의 내용이 올바르지 않습니다.");
  }
  auto text = [&](const char* key) {
    const auto* v = p.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
  };
  MailMessage m{s.smtp_from,
                text("to"),
                text("subject"),
                text("body"),
                message_id_for_job(run.job().id, s.smtp_from),
                run.job().created_at};
  if (m.to.empty()) return Error::invalid("받는 사람의 전자우편 주소가 없습니다.");
  // Well inside the lease (so no other node takes the job while this send may still succeed), and short
  // enough that a stopping server is not held up for long by a silent mail server.
  const long timeout = std::clamp(static_cast<long>(s.job_lease_seconds) * 2 / 3, 1L, 30L);
  if (auto sent = send_mail(s.smtp_url, m, timeout, s.smtp_allow_plaintext); !sent) return sent.error();
  // The server accepted the message: mark the job done at once, so that only a crash in this very short
  // window can send it again (with the same Message-ID).
  run.finish();
  return success();
}

}  // namespace

std::string_view delivery_code(Delivery d) {
  switch (d) {
    case Delivery::immediate:
      return "immediate";
    case Delivery::daily:
      return "daily";
    case Delivery::weekly:
      return "weekly";
    case Delivery::none:
      return "none";
  }
  return "none";
}

std::string_view delivery_label(Delivery d) {
  switch (d) {
    case Delivery::immediate:
      return "바로 받기";
    case Delivery::daily:
      return "하루 한 번 모아 받기";
    case Delivery::weekly:
      return "일주일에 한 번 모아 받기";
    case Delivery::none:
      return "전자우편으로 받지 않기";
  }
  return "";
}

std::optional<Delivery> parse_delivery(std::string_view code) {
  for (auto d : kAllDeliveries) {
    if (delivery_code(d) == code) return d;
  }
  return std::nullopt;
}

std::int64_t notify(store::Connection& c, std::int64_t account_id, std::string_view title,
                    std::string_view body, std::string_view url) {
  if (!http::is_local_path(url)) url = {};  // a link leads only to a page of this site
  const Timestamp at = now();
  const auto id = notification_store::insert_notification(c, account_id, title, body, url, at);
  if (preference(c, account_id) != Delivery::immediate) return id;
  const std::string email = email_of(c, account_id);
  if (email.empty()) return id;
  std::string text(body);
  if (!url.empty()) text += std::string(text.empty() ? "" : "\n\n") + "바로 가기: " + std::string(url);
  jobs::enqueue(c, kMailKind, mail_payload(email, title, text), at);
  return id;
}

std::int64_t unread_count(store::Connection& c, std::int64_t account_id) {
  return notification_store::count_unread(c, account_id);
}

std::vector<Notification> inbox(store::Connection& c, std::int64_t account_id, std::size_t limit) {
  return notification_store::list_inbox(c, account_id, limit);
}

Result<void> mark_read(store::Database& db, std::int64_t account_id, std::int64_t id) {
  return db.write([&](store::Connection& c) -> Result<void> {
    if (!notification_store::has_notification(c, account_id, id))
      return Error::not_found("알림을 찾을 수 없습니다.");
    notification_store::mark_read(c, id, now());
    return success();
  });
}

Result<std::string> open_notification(store::Database& db, std::int64_t account_id, std::int64_t id) {
  return db.write([&](store::Connection& c) -> Result<std::string> {
    const auto found = notification_store::find_notification(c, account_id, id);
    if (!found) return Error::not_found("알림을 찾을 수 없습니다.");
    if (!found->read_at) notification_store::mark_read(c, id, now());
    return found->url;
  });
}

std::int64_t mark_all_read(store::Database& db, std::int64_t account_id) {
  return db.write(
      [&](store::Connection& c) { return notification_store::mark_all_read(c, account_id, now()); });
}

Delivery preference(store::Connection& c, std::int64_t account_id) {
  const auto code = notification_store::find_delivery(c, account_id);
  if (!code) return Delivery::immediate;
  return parse_delivery(*code).value_or(Delivery::immediate);
}

void set_preference(store::Database& db, std::int64_t account_id, Delivery d) {
  db.write([&](store::Connection& c) {
    if (!notification_store::update_delivery(c, account_id, delivery_code(d))) {
      // The digest starts from now: older notifications were already offered immediately.
      notification_store::insert_preference(c, account_id, delivery_code(d), now() - 1);
    }
    return true;
  });
}

bool digest_due(Delivery d, Timestamp last, Timestamp at) {
  // A little slack so that a run at 08:00 every day (or week) never skips one because of a few seconds.
  if (d == Delivery::daily) return at - last >= 20 * 3600;
  if (d == Delivery::weekly) return at - last >= 6 * 86400 + 20 * 3600;
  return false;
}

int queue_digests(store::Connection& c, Timestamp at) {
  int queued = 0;
  for (const auto& person : notification_store::list_digest_subscribers(c)) {
    const auto d = parse_delivery(person.delivery).value_or(Delivery::none);
    if (!digest_due(d, person.last_digest_at, at)) continue;
    const auto account = account_store::find(c, person.account_id);
    if (!account || !account->active) continue;
    const auto unread =
        notification_store::list_unread_between(c, person.account_id, person.last_digest_at, at);
    if (!unread.empty() && !account->email.empty()) {
      std::string body = "읽지 않은 알림 " + std::to_string(unread.size()) + "건입니다.\n";
      for (const auto& n : unread) {
        body += "\n- " + n.title + " (" + format_seoul_minute(n.created_at) + ")";
        if (!n.url.empty()) body += "\n  " + n.url;
      }
      jobs::enqueue(
          c, kMailKind,
          mail_payload(account->email, "소통 알림 모음 (" + std::to_string(unread.size()) + "건)", body), at);
      ++queued;
    }
    notification_store::set_last_digest(c, person.account_id, at);
  }
  return queued;
}

void ensure_digest_scheduled(store::Connection& c, Timestamp at) {
  jobs::ensure_daily_scheduled(c, kDigestKind, kDigestHour, at);
}

std::vector<jobs::Kind> job_kinds() {
  return {{kMailKind, "알림 메일 발송", send_mail_job,
           [](const Settings& s) { return !s.smtp_url.empty() && !s.smtp_from.empty(); }},
          jobs::daily_kind({kDigestKind, "알림 모아 보내기", kDigestHour,
                            [](store::Connection& c, CivilDate) { queue_digests(c, now()); }})};
}

}  // namespace sotong::platform::notifications
