// What every service call needs from the request, in one value: the database, the policy and the actor.
#pragma once

#include "core/role.hpp"
#include "platform/policy.hpp"
#include "store/database.hpp"

namespace sotong::platform {

struct ServiceContext {
  store::Database& db;
  const Policy& policy;
  const Actor& actor;
};

}  // namespace sotong::platform
