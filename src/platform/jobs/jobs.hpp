// The durable job queue (작업 대기열) in the database: enqueue in the caller's transaction, a runner thread
// per node that claims one job at a time (safe with several nodes), retries with backoff, handlers per kind.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "platform/settings.hpp"
#include "store/database.hpp"

namespace sotong::platform::jobs {

struct Job {
  std::int64_t id = 0;
  std::string kind;
  std::string payload;  // JSON text
  Timestamp run_at = 0;
  std::int64_t attempts = 0;  // including the current one while running
  std::int64_t max_attempts = 5;
  std::string status;  // queued, running, done, failed
  std::string locked_by;
  Timestamp locked_until = 0;
  std::string last_error;
  Timestamp created_at = 0;
  std::optional<Timestamp> finished_at;
};

/// One claimed job as its handler sees it.
class Run {
 public:
  Run(store::Database& db, const Settings& settings, Job job, std::string node)
      : db_(db), settings_(settings), job_(std::move(job)), node_(std::move(node)) {}
  const Job& job() const { return job_; }
  const Settings& settings() const { return settings_; }
  store::Database& db() { return db_; }
  /// Marks the job done in one write transaction that also runs `work` (e.g. the digest's own writes).
  /// False when this node no longer holds the job (its lock expired and another node took it).
  bool finish(const std::function<void(store::Connection&)>& work = {});
  bool finished() const { return finished_; }

 private:
  store::Database& db_;
  const Settings& settings_;
  Job job_;
  std::string node_;
  bool finished_ = false;
};

/// Runs one job; an error schedules a retry (or marks it failed after max_attempts).
using Handler = std::function<Result<void>(Run&)>;

struct Kind {
  std::string name;   // "mail": stored with each job
  std::string label;  // "알림 메일 발송": what /admin/jobs calls it
  Handler handler;
  /// Whether this node can run the kind (e.g. mail needs [smtp]); a node never claims a kind it cannot run.
  std::function<bool(const Settings&)> available = [](const Settings&) { return true; };
};

/// Registers a kind's handler (module manifests call this); a second registration replaces the first.
void register_kind(Kind kind);
/// The registered kinds, by name.
std::map<std::string, Kind> registered_kinds();

/// Queues a job inside the caller's transaction; returns its id.
std::int64_t enqueue(store::Connection& c, std::string_view kind, std::string_view payload, Timestamp run_at,
                     int max_attempts = 5);

/// Seconds to wait before retry number `attempts` (1 after the first failure): 30 s doubling, at most 1 h.
std::int64_t backoff_seconds(std::int64_t attempts);

/// Claims the next due job of one of `kinds` for `node` until now+lease (call inside a write transaction).
std::optional<Job> claim(store::Connection& c, const std::vector<std::string>& kinds, std::string_view node,
                         Timestamp now, std::int64_t lease_seconds);
/// Claims in a transaction of its own.
std::optional<Job> claim_next(store::Database& db, const std::vector<std::string>& kinds,
                              std::string_view node, Timestamp now, std::int64_t lease_seconds);
/// Queues again (or fails, when out of attempts) every running job whose lock expired; returns how many.
std::int64_t requeue_expired(store::Connection& c, Timestamp now);
/// Records a failed attempt: queued again after the backoff, or failed after max_attempts.
void record_failure(store::Database& db, const Job& job, std::string_view node, std::string_view error,
                    Timestamp now);

/// The jobs an administrator looks at: failed, queued and running ones, newest first (at most `limit`).
std::vector<Job> list_open(store::Connection& c, std::size_t limit = 200);
/// Puts a failed job back in the queue with fresh attempts; not_found when it is not failed.
Result<void> retry(store::Database& db, std::int64_t id, Timestamp now);
std::optional<Job> find(store::Connection& c, std::int64_t id);
/// Jobs of `kind` that are queued or running.
std::int64_t count_pending(store::Connection& c, std::string_view kind);

/// The per-node thread that runs due jobs one at a time until stop().
class Runner {
 public:
  Runner(store::Database& db, const Settings& settings);
  ~Runner();
  void start();
  /// Stops after the job in hand (if any) finishes; idempotent.
  void stop();
  const std::string& node() const { return node_; }
  /// Runs due jobs until none is due; returns how many ran (the thread's loop body, also for tests).
  int run_due();

 private:
  void loop();
  store::Database& db_;
  const Settings& settings_;
  std::string node_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::atomic<bool> stopping_{false};
};

}  // namespace sotong::platform::jobs
