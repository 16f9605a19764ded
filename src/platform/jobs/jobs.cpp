#include "platform/jobs/jobs.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <random>

namespace sotong::platform::jobs {
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

std::mutex& registry_mutex() {
  static std::mutex m;
  return m;
}
std::map<std::string, Kind>& registry() {
  static std::map<std::string, Kind> kinds;
  return kinds;
}

std::string new_node_id() {
  char host[128] = {};
  gethostname(host, sizeof host - 1);
  std::random_device rd;
  return std::string(host) + ":" + std::to_string(getpid()) + ":" + std::to_string(rd() % 1000000);
}

}  // namespace

void register_kind(Kind kind) {
  std::lock_guard lock(registry_mutex());
  registry()[kind.name] = std::move(kind);
}

std::map<std::string, Kind> registered_kinds() {
  std::lock_guard lock(registry_mutex());
  return registry();
}

std::int64_t enqueue(store::Connection& c, std::string_view kind, std::string_view payload, Timestamp run_at,
                     int max_attempts) {
  auto rows = c.query(
      "INSERT INTO jobs (kind, payload, run_at, attempts, max_attempts, status, last_error, created_at) "
      "VALUES (?, ?, ?, 0, ?, 'queued', '', ?) RETURNING id",
      {std::string(kind), std::string(payload), run_at, std::int64_t{max_attempts}, now()});
  return rows.at(0).int64(0);
}

std::int64_t backoff_seconds(std::int64_t attempts) {
  constexpr std::int64_t kBase = 30, kCap = 3600;
  if (attempts <= 1) return kBase;
  const std::int64_t shift = std::min<std::int64_t>(attempts - 1, 20);
  return std::min(kCap, kBase << shift);
}

std::optional<Job> claim(store::Connection& c, const std::vector<std::string>& kinds, std::string_view node,
                         Timestamp now, std::int64_t lease_seconds) {
  if (kinds.empty()) return std::nullopt;
  std::string in;
  store::Params params{std::string(node), now + lease_seconds, now};
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

std::optional<Job> claim_next(store::Database& db, const std::vector<std::string>& kinds,
                              std::string_view node, Timestamp now, std::int64_t lease_seconds) {
  return db.write([&](store::Connection& c) {
    requeue_expired(c, now);
    return claim(c, kinds, node, now, lease_seconds);
  });
}

std::int64_t requeue_expired(store::Connection& c, Timestamp now) {
  const std::string error = "처리하던 노드가 멈추었습니다.";
  const auto failed = c.execute(
      "UPDATE jobs SET status = 'failed', finished_at = ?, last_error = ?, locked_by = NULL, locked_until = "
      "NULL "
      "WHERE status = 'running' AND locked_until < ? AND attempts >= max_attempts",
      {now, error, now});
  const auto queued = c.execute(
      "UPDATE jobs SET status = 'queued', run_at = ?, last_error = ?, locked_by = NULL, locked_until = NULL "
      "WHERE status = 'running' AND locked_until < ?",
      {now, error + " 다시 대기열에 넣었습니다.", now});
  return failed + queued;
}

void record_failure(store::Database& db, const Job& job, std::string_view node, std::string_view error,
                    Timestamp now) {
  const bool out = job.attempts >= job.max_attempts;
  db.write([&](store::Connection& c) {
    c.execute(
        "UPDATE jobs SET status = ?, run_at = ?, last_error = ?, locked_by = NULL, locked_until = NULL, "
        "finished_at = ? WHERE id = ? AND status = 'running' AND locked_by = ?",
        {std::string(out ? "failed" : "queued"), now + backoff_seconds(job.attempts),
         std::string(error.substr(0, 1000)), out ? store::Value(now) : store::Value(), job.id,
         std::string(node)});
    return true;
  });
}

bool Run::finish(const std::function<void(store::Connection&)>& work) {
  finished_ = db_.write([&](store::Connection& c) {
    const auto changed = c.execute(
        "UPDATE jobs SET status = 'done', finished_at = ?, locked_by = NULL, locked_until = NULL "
        "WHERE id = ? AND status = 'running' AND locked_by = ?",
        {now(), job_.id, node_});
    if (changed == 0) return false;
    if (work) work(c);
    return true;
  });
  return finished_;
}

std::vector<Job> list_open(store::Connection& c, std::size_t limit) {
  std::vector<Job> out;
  for (const auto& r :
       c.query(std::string("SELECT ") + kColumns +
                   " FROM jobs WHERE status IN ('failed', 'queued', 'running') ORDER BY id DESC LIMIT ?",
               {static_cast<std::int64_t>(limit)}))
    out.push_back(to_job(r));
  return out;
}

std::optional<Job> find(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string("SELECT ") + kColumns + " FROM jobs WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return to_job(rows[0]);
}

Result<void> retry(store::Database& db, std::int64_t id, Timestamp at) {
  return db.write([&](store::Connection& c) -> Result<void> {
    if (c.execute("UPDATE jobs SET status = 'queued', attempts = 0, run_at = ?, finished_at = NULL "
                  "WHERE id = ? AND status = 'failed'",
                  {at, id}) == 0)
      return Error::not_found("다시 실행할 실패한 작업을 찾을 수 없습니다.");
    return success();
  });
}

Runner::Runner(store::Database& db, const Settings& settings)
    : db_(db), settings_(settings), node_(new_node_id()) {}

Runner::~Runner() {
  stop();
}

void Runner::start() {
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { loop(); });
}

void Runner::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

int Runner::run_due() {
  std::vector<std::string> names;
  auto kinds = registered_kinds();
  for (const auto& [name, kind] : kinds) {
    if (kind.available(settings_)) names.push_back(name);
  }
  int ran = 0;
  while (!stopping_) {
    auto job = claim_next(db_, names, node_, now(), settings_.job_lease_seconds);
    if (!job) break;
    ++ran;
    Run run(db_, settings_, *job, node_);
    Result<void> outcome = success();
    try {
      outcome = kinds.at(job->kind).handler(run);
    } catch (const std::exception& e) {
      outcome = Error::conflict(std::string("처리 중 오류: ") + e.what());
    }
    if (outcome.ok()) {
      if (!run.finished() && !run.finish())
        spdlog::warn(R"({{"event":"job_lost","id":{},"kind":"{}"}})", job->id, job->kind);
    } else {
      record_failure(db_, *job, node_, outcome.error().message, now());
      spdlog::warn(R"({{"event":"job_failed","id":{},"kind":"{}","attempt":{}}})", job->id, job->kind,
                   job->attempts);
    }
  }
  return ran;
}

void Runner::loop() {
  spdlog::info(R"({{"event":"job_runner_started","node":"{}"}})", node_);
  while (!stopping_) {
    try {
      run_due();
    } catch (const std::exception& e) {
      spdlog::error(R"({{"event":"job_runner_error","error":"{}"}})", std::string(e.what()).substr(0, 300));
    }
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, std::chrono::milliseconds(std::max(50, settings_.job_poll_milliseconds)),
                   [this] { return stopping_.load(); });
  }
}

}  // namespace sotong::platform::jobs
