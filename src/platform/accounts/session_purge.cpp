#include "platform/accounts/session_purge.hpp"

#include "platform/accounts/session_store.hpp"

namespace sotong::platform::accounts {
namespace {
constexpr std::int64_t kScheduleLock = 0x736f746f6e6702;  // "sotong" + 2: one purge schedule at a time

Result<void> run_session_purge(jobs::Run& run) {
  const Timestamp at = now();
  run.finish([&](store::Connection& c) {
    sessions::purge_expired(c, at, run.settings());
    jobs::enqueue(c, kSessionPurgeKind, "{}", at + kSessionPurgeEverySeconds);
  });
  return success();
}
}  // namespace

jobs::Kind session_purge_kind() {
  return {kSessionPurgeKind, "만료된 로그인 세션 정리", run_session_purge,
          [](const Settings&) { return true; }};
}

void ensure_session_purge_scheduled(store::Connection& c, Timestamp at) {
  c.lock_named(kScheduleLock);
  if (jobs::count_pending(c, kSessionPurgeKind) == 0) jobs::enqueue(c, kSessionPurgeKind, "{}", at);
}

}  // namespace sotong::platform::accounts
