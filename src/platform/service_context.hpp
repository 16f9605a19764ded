// What every service call needs from the request, in one value: the database, the policy and the actor.
#pragma once

#include <string_view>

#include "core/result.hpp"
#include "core/role.hpp"
#include "platform/policy.hpp"
#include "store/database.hpp"

namespace sotong::platform {

struct ServiceContext {
  store::Database& db;
  const Policy& policy;
  const Actor& actor;
};

/// The guard a service call opens with when one action decides it: forbidden unless the actor holds `action`.
/// (Records that must not be known to exist answer not_found themselves instead.)
inline Result<void> require(const ServiceContext& svc, std::string_view action) {
  if (!svc.policy.allows(svc.actor, action)) return Error::forbidden();
  return success();
}

}  // namespace sotong::platform
