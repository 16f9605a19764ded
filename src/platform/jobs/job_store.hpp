// The job queue's SQL: portable statements over the jobs table (claiming uses SKIP LOCKED on PostgreSQL).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "platform/jobs/jobs.hpp"
#include "store/database.hpp"

namespace sotong::platform::job_store {

using jobs::Job;

/// Inserts a queued job with no attempts yet; returns its id.
std::int64_t insert_job(store::Connection& c, std::string_view kind, std::string_view payload,
                        Timestamp run_at, std::int64_t max_attempts, Timestamp created_at);

/// Marks the oldest due queued job of one of `kinds` (not empty) running for `node` until `locked_until`,
/// counting the attempt, and returns it; nullopt when none is due.
std::optional<Job> claim_due_job(store::Connection& c, const std::vector<std::string>& kinds,
                                 std::string_view node, Timestamp now, Timestamp locked_until);

/// Fails every running job whose lock expired before `now` and that has no attempt left; returns how many.
std::int64_t fail_expired_jobs(store::Connection& c, Timestamp now, std::string_view error);
/// Queues again (run at `now`) every running job whose lock expired before `now`; returns how many.
std::int64_t requeue_expired_jobs(store::Connection& c, Timestamp now, std::string_view error);

/// Ends `node`'s attempt at a running job with `status` (queued or failed), the next run time, the error
/// and, for a failed job, when it finished. Nothing changes when the node no longer holds the job.
void end_failed_attempt(store::Connection& c, std::int64_t id, std::string_view node, std::string_view status,
                        Timestamp run_at, std::string_view error, std::optional<Timestamp> finished_at);

/// Marks `node`'s running job done; false when the node no longer holds it.
bool mark_job_done(store::Connection& c, std::int64_t id, std::string_view node, Timestamp finished_at);

/// Failed, queued and running jobs, newest first (at most `limit`).
std::vector<Job> list_open_jobs(store::Connection& c, std::size_t limit);
std::optional<Job> find_job(store::Connection& c, std::int64_t id);

/// Puts a failed job back in the queue with fresh attempts, to run at `run_at`; false when it is not failed.
bool requeue_failed_job(store::Connection& c, std::int64_t id, Timestamp run_at);

/// Jobs of `kind` that are queued or running.
std::int64_t count_pending_jobs(store::Connection& c, std::string_view kind);
/// Jobs that failed for good and wait for an administrator (the home page's task).
std::int64_t count_failed_jobs(store::Connection& c);

}  // namespace sotong::platform::job_store
