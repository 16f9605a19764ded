// Sessions past their idle or absolute timeout are deleted by a job, not only when their cookie comes back:
// a session whose browser never returns would otherwise stay in the database for good.
#pragma once

#include "core/clock.hpp"
#include "platform/jobs/jobs.hpp"
#include "store/database.hpp"

namespace sotong::platform::accounts {

inline constexpr const char* kSessionPurgeKind = "session_purge";
inline constexpr Timestamp kSessionPurgeEverySeconds = 3600;

/// The job: deletes the expired sessions ([security] session_idle_minutes, session_absolute_hours) and queues
/// its next run an hour later, in the transaction that marks it done.
jobs::Kind session_purge_kind();

/// Queues a purge due at once unless one is already queued or running (the manifest's seed, on every start;
/// serialised across nodes).
void ensure_session_purge_scheduled(store::Connection& c, Timestamp at);

}  // namespace sotong::platform::accounts
