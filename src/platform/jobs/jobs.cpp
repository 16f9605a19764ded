#include "platform/jobs/jobs.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <random>

#include "core/korean_text.hpp"
#include "platform/jobs/job_store.hpp"

namespace sotong::platform::jobs {
namespace {

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
  return job_store::insert_job(c, kind, payload, run_at, max_attempts, now());
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
  return job_store::claim_due_job(c, kinds, node, now, now + lease_seconds);
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
  const auto failed = job_store::fail_expired_jobs(c, now, error);
  const auto queued = job_store::requeue_expired_jobs(c, now, error + " 다시 대기열에 넣었습니다.");
  return failed + queued;
}

void record_failure(store::Database& db, const Job& job, std::string_view node, std::string_view error,
                    Timestamp now) {
  const bool out = job.attempts >= job.max_attempts;
  db.write([&](store::Connection& c) {
    job_store::end_failed_attempt(c, job.id, node, out ? "failed" : "queued",
                                  now + backoff_seconds(job.attempts), utf8_prefix(error, 1000),
                                  out ? std::optional<Timestamp>(now) : std::nullopt);
    return true;
  });
}

bool Run::finish(const std::function<void(store::Connection&)>& work) {
  finished_ = db_.write([&](store::Connection& c) {
    if (!job_store::mark_job_done(c, job_.id, node_, now())) return false;
    if (work) work(c);
    return true;
  });
  return finished_;
}

std::vector<Job> list_open(store::Connection& c, std::size_t limit) {
  return job_store::list_open_jobs(c, limit);
}

std::optional<Job> find(store::Connection& c, std::int64_t id) {
  return job_store::find_job(c, id);
}

std::int64_t count_pending(store::Connection& c, std::string_view kind) {
  return job_store::count_pending_jobs(c, kind);
}

Result<void> retry(store::Database& db, std::int64_t id, Timestamp at) {
  return db.write([&](store::Connection& c) -> Result<void> {
    if (!job_store::requeue_failed_job(c, id, at))
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
      spdlog::error(R"({{"event":"job_runner_error","error":"{}"}})", utf8_prefix(e.what(), 300));
    }
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, std::chrono::milliseconds(std::max(50, settings_.job_poll_milliseconds)),
                   [this] { return stopping_.load(); });
  }
}

}  // namespace sotong::platform::jobs
