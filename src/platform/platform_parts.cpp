#include "platform/platform_parts.hpp"

#include "platform/accounts/accounts_module.hpp"
#include "platform/attachments/attachments_module.hpp"
#include "platform/cache/cache_module.hpp"
#include "platform/calendar/calendar_module.hpp"
#include "platform/history/history_module.hpp"
#include "platform/home/home_module.hpp"
#include "platform/indicators/indicators_module.hpp"
#include "platform/jobs/jobs_module.hpp"
#include "platform/notifications/notifications_module.hpp"
#include "platform/organizations/organizations_module.hpp"
#include "platform/search/search_module.hpp"

namespace sotong::platform {

std::vector<ModuleManifest> platform_parts() {
  // A part's tables may refer to those of the parts listed before it.
  return {cache::manifest(),    organizations::manifest(), accounts::manifest(),  home::manifest(),
          jobs::manifest(),     notifications::manifest(), history::manifest(),   search::manifest(),
          calendar::manifest(), attachments::manifest(),   indicators::manifest()};
}

}  // namespace sotong::platform
