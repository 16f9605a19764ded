#include "platform/display_names.hpp"

#include <mutex>

namespace sotong::platform {
namespace {

struct Registry {
  std::mutex mutex;
  IdentityProvider::DisplayNames lookup;
};

Registry& registry() {
  static Registry r;
  return r;
}

}  // namespace

void set_display_names(IdentityProvider::DisplayNames lookup) {
  std::lock_guard lock(registry().mutex);
  registry().lookup = std::move(lookup);
}

std::map<std::int64_t, std::string> display_names(store::Connection& c,
                                                  const std::vector<std::int64_t>& ids) {
  IdentityProvider::DisplayNames lookup;
  {
    std::lock_guard lock(registry().mutex);
    lookup = registry().lookup;
  }
  if (!lookup || ids.empty()) return {};
  return lookup(c, ids);
}

}  // namespace sotong::platform
