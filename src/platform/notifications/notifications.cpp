#include "platform/notifications/notifications.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "platform/jobs/jobs.hpp"
#include "platform/notifications/mail.hpp"

namespace sotong::platform::notifications {
namespace {

constexpr std::int64_t kDigestLock = 0x736f746f6e6701;  // "sotong" + 1: one digest schedule at a time

Notification to_notification(const store::Row& r) {
  return {r.int64(0), r.int64(1), r.text(2), r.text(3), r.text(4), r.int64(5), r.optional_int64(6)};
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
  if (auto sent = send_mail(s.smtp_url, m, timeout); !sent) return sent.error();
  // The server accepted the message: mark the job done at once, so that only a crash in this very short
  // window can send it again (with the same Message-ID).
  run.finish();
  return success();
}

Result<void> run_digest(jobs::Run& run) {
  const Timestamp at = now();
  run.finish([&](store::Connection& c) {
    queue_digests(c, at);
    jobs::enqueue(c, kDigestKind, "{}", next_digest_time(at));
  });
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
  const Timestamp at = now();
  const auto id =
      c.query(
           "INSERT INTO notifications (account_id, title, body, url, created_at) VALUES (?, ?, ?, ?, ?) "
           "RETURNING id",
           {account_id, std::string(title), std::string(body), std::string(url), at})
          .at(0)
          .int64(0);
  if (preference(c, account_id) != Delivery::immediate) return id;
  auto rows = c.query("SELECT email FROM accounts WHERE id = ?", {account_id});
  if (rows.empty() || rows[0].text(0).empty()) return id;
  std::string text(body);
  if (!url.empty()) text += std::string(text.empty() ? "" : "\n\n") + "바로 가기: " + std::string(url);
  jobs::enqueue(c, kMailKind, mail_payload(rows[0].text(0), title, text), at);
  return id;
}

std::int64_t unread_count(store::Connection& c, std::int64_t account_id) {
  return c.scalar("SELECT COUNT(*) FROM notifications WHERE account_id = ? AND read_at IS NULL",
                  {account_id});
}

std::vector<Notification> inbox(store::Connection& c, std::int64_t account_id, std::size_t limit) {
  std::vector<Notification> out;
  for (const auto& r :
       c.query("SELECT id, account_id, title, body, url, created_at, read_at FROM notifications "
               "WHERE account_id = ? ORDER BY id DESC LIMIT ?",
               {account_id, static_cast<std::int64_t>(limit)}))
    out.push_back(to_notification(r));
  return out;
}

Result<void> mark_read(store::Database& db, std::int64_t account_id, std::int64_t id) {
  return db.write([&](store::Connection& c) -> Result<void> {
    if (c.scalar("SELECT COUNT(*) FROM notifications WHERE id = ? AND account_id = ?", {id, account_id}) == 0)
      return Error::not_found("알림을 찾을 수 없습니다.");
    c.execute("UPDATE notifications SET read_at = ? WHERE id = ? AND read_at IS NULL", {now(), id});
    return success();
  });
}

std::int64_t mark_all_read(store::Database& db, std::int64_t account_id) {
  return db.write([&](store::Connection& c) {
    return c.execute("UPDATE notifications SET read_at = ? WHERE account_id = ? AND read_at IS NULL",
                     {now(), account_id});
  });
}

Delivery preference(store::Connection& c, std::int64_t account_id) {
  auto rows = c.query("SELECT delivery FROM notification_preferences WHERE account_id = ?", {account_id});
  if (rows.empty()) return Delivery::immediate;
  return parse_delivery(rows[0].text(0)).value_or(Delivery::immediate);
}

void set_preference(store::Database& db, std::int64_t account_id, Delivery d) {
  db.write([&](store::Connection& c) {
    if (c.execute("UPDATE notification_preferences SET delivery = ? WHERE account_id = ?",
                  {std::string(delivery_code(d)), account_id}) == 0) {
      // The digest starts from now: older notifications were already offered immediately.
      c.execute(
          "INSERT INTO notification_preferences (account_id, delivery, last_digest_at) VALUES (?, ?, ?)",
          {account_id, std::string(delivery_code(d)), now() - 1});
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

Timestamp next_digest_time(Timestamp at) {
  constexpr Timestamp kSeoul = 9 * 3600, kHour = 8 * 3600;
  const Timestamp day = (at + kSeoul) / 86400;
  Timestamp t = day * 86400 + kHour - kSeoul;
  if (t <= at) t += 86400;
  return t;
}

int queue_digests(store::Connection& c, Timestamp at) {
  int queued = 0;
  auto people = c.query(
      "SELECT p.account_id, p.delivery, p.last_digest_at, a.email FROM notification_preferences p "
      "JOIN accounts a ON a.id = p.account_id WHERE p.delivery IN ('daily', 'weekly') AND a.active = 1",
      {});
  for (const auto& r : people) {
    const auto id = r.int64(0);
    const auto d = parse_delivery(r.text(1)).value_or(Delivery::none);
    const Timestamp last = r.int64(2);
    if (!digest_due(d, last, at)) continue;
    auto unread = c.query(
        "SELECT title, url, created_at FROM notifications WHERE account_id = ? AND read_at IS NULL "
        "AND created_at > ? AND created_at <= ? ORDER BY id",
        {id, last, at});
    if (!unread.empty() && !r.text(3).empty()) {
      std::string body = "읽지 않은 알림 " + std::to_string(unread.size()) + "건입니다.\n";
      for (const auto& n : unread) {
        body += "\n- " + n.text(0) + " (" + format_seoul_minute(n.int64(2)) + ")";
        if (!n.text(1).empty()) body += "\n  " + n.text(1);
      }
      jobs::enqueue(c, kMailKind,
                    mail_payload(r.text(3), "소통 알림 모음 (" + std::to_string(unread.size()) + "건)", body),
                    at);
      ++queued;
    }
    c.execute("UPDATE notification_preferences SET last_digest_at = ? WHERE account_id = ?", {at, id});
  }
  return queued;
}

void ensure_digest_scheduled(store::Connection& c, Timestamp at) {
  c.lock_named(kDigestLock);
  if (c.scalar("SELECT COUNT(*) FROM jobs WHERE kind = ? AND status IN ('queued', 'running')",
               {std::string(kDigestKind)}) == 0)
    jobs::enqueue(c, kDigestKind, "{}", next_digest_time(at));
}

std::vector<jobs::Kind> job_kinds() {
  return {{kMailKind, send_mail_job,
           [](const Settings& s) { return !s.smtp_url.empty() && !s.smtp_from.empty(); }},
          {kDigestKind, run_digest, [](const Settings&) { return true; }}};
}

}  // namespace sotong::platform::notifications
