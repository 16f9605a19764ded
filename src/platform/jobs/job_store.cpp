#include "platform/jobs/job_store.hpp"

namespace sotong::platform::job_store {
namespace {

constexpr const char* kColumns =
    "id, kind, payload, run_at, attempts, max_attempts, status, locked_by, locked_until, last_error, "
    "created_at, finished_at";

Job to_job(const store::Row& r) {
  Job j;
  j.id = r.int64(0);
  j.kind = r.text(1);
  j.payload = r.text(2);
  j.run_at = r.int64(3);
  j.attempts = r.int64(4);
  j.max_attempts = r.int64(5);
  j.status = r.text(6);
  j.locked_by = r.optional_text(7).value_or("");
  j.locked_until = r.optional_int64(8).value_or(0);
  j.last_error = r.text(9);
  j.created_at = r.int64(10);
  j.finished_at = r.optional_int64(11);
  return j;
}

}  // namespace

std::int64_t insert_job(store::Connection& c, std::string_view kind, std::string_view payload,
                        Timestamp run_at, std::int64_t max_attempts, Timestamp created_at) {
  auto rows = c.query(
      "INSERT INTO jobs (kind, payload, run_at, attempts, max_attempts, status, last_error, created_at) "
      "VALUES (?, ?, ?, 0, ?, 'queued', '', ?) RETURNING id",
      {std::string(kind), std::string(payload), run_at, max_attempts, created_at});
  return rows.at(0).int64(0);
}

std::optional<Job> claim_due_job(store::Connection& c, const std::vector<std::string>& kinds,
                                 std::string_view node, Timestamp now, Timestamp locked_until) {
  std::string in;
  store::Params params{std::string(node), locked_until, now};
  for (const auto& k : kinds) {
    in += in.empty() ? "?" : ", ?";
    params.push_back(k);
  }
  // On PostgreSQL SKIP LOCKED lets several nodes claim different jobs at once; on SQLite the writing
  // transaction (BEGIN IMMEDIATE) already serialises claims.
  const std::string lock = c.engine() == store::Engine::postgres ? " FOR UPDATE SKIP LOCKED" : "";
  const std::string sql =
      "UPDATE jobs SET status = 'running', locked_by = ?, locked_until = ?, attempts = attempts + 1 "
      "WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND run_at <= ? AND kind IN (" +
      in + ") ORDER BY run_at, id LIMIT 1" + lock + ")";
  if (c.execute(sql, params) == 0) return std::nullopt;
  auto rows = c.query(std::string("SELECT ") + kColumns +
                          " FROM jobs WHERE status = 'running' AND locked_by = ? ORDER BY id DESC LIMIT 1",
                      {std::string(node)});
  if (rows.empty()) return std::nullopt;
  return to_job(rows[0]);
}

std::int64_t fail_expired_jobs(store::Connection& c, Timestamp now, std::string_view error) {
  return c.execute(
      "UPDATE jobs SET status = 'failed', finished_at = ?, last_error = ?, locked_by = NULL, locked_until = "
      "NULL "
      "WHERE status = 'running' AND locked_until < ? AND attempts >= max_attempts",
      {now, error, now});
}

std::int64_t requeue_expired_jobs(store::Connection& c, Timestamp now, std::string_view error) {
  return c.execute(
      "UPDATE jobs SET status = 'queued', run_at = ?, last_error = ?, locked_by = NULL, locked_until = NULL "
      "WHERE status = 'running' AND locked_until < ?",
      {now, error, now});
}

void end_failed_attempt(store::Connection& c, std::int64_t id, std::string_view node, std::string_view status,
                        Timestamp run_at, std::string_view error, std::optional<Timestamp> finished_at) {
  c.execute(
      "UPDATE jobs SET status = ?, run_at = ?, last_error = ?, locked_by = NULL, locked_until = NULL, "
      "finished_at = ? WHERE id = ? AND status = 'running' AND locked_by = ?",
      {status, run_at, error, finished_at, id, node});
}

bool mark_job_done(store::Connection& c, std::int64_t id, std::string_view node, Timestamp finished_at) {
  return c.execute(
             "UPDATE jobs SET status = 'done', finished_at = ?, locked_by = NULL, locked_until = NULL "
             "WHERE id = ? AND status = 'running' AND locked_by = ?",
             {finished_at, id, node}) > 0;
}

std::vector<Job> list_open_jobs(store::Connection& c, std::size_t limit) {
  std::vector<Job> out;
  for (const auto& r :
       c.query(std::string("SELECT ") + kColumns +
                   " FROM jobs WHERE status IN ('failed', 'queued', 'running') ORDER BY id DESC LIMIT ?",
               {static_cast<std::int64_t>(limit)}))
    out.push_back(to_job(r));
  return out;
}

std::optional<Job> find_job(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string("SELECT ") + kColumns + " FROM jobs WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return to_job(rows[0]);
}

bool requeue_failed_job(store::Connection& c, std::int64_t id, Timestamp run_at) {
  return c.execute(
             "UPDATE jobs SET status = 'queued', attempts = 0, run_at = ?, finished_at = NULL "
             "WHERE id = ? AND status = 'failed'",
             {run_at, id}) > 0;
}

std::int64_t count_failed_jobs(store::Connection& c) {
  return c.scalar("SELECT COUNT(*) FROM jobs WHERE status = 'failed'");
}

std::int64_t count_pending_jobs(store::Connection& c, std::string_view kind) {
  return c.scalar("SELECT COUNT(*) FROM jobs WHERE kind = ? AND status IN ('queued', 'running')",
                  {std::string(kind)});
}

}  // namespace sotong::platform::job_store
