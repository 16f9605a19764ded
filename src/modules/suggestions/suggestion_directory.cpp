#include "modules/suggestions/suggestion_directory.hpp"

#include <algorithm>

#include "platform/accounts/account_store.hpp"

namespace sotong::suggestions {

OrganizationRef Directory::ref(std::int64_t id) const {
  const auto* o = find(id);
  if (!o) return {id, "", ""};
  return {o->id, o->name, o->path};
}

void Directory::describe(Suggestion& r) const {
  r.organization = ref(r.organization.id);
  if (r.addressed_bureau) r.addressed_bureau = ref(r.addressed_bureau->id);
  if (r.lead_bureau) r.lead_bureau = ref(r.lead_bureau->id);
  for (auto& o : r.concerned) o = ref(o.id);
  for (auto& o : r.cooperating) o = ref(o.id);
}

std::vector<std::int64_t> accounts_with_role(store::Connection& c, Role role, std::int64_t organization_id) {
  platform::account_store::Filter filter;
  filter.role = role;
  filter.active = true;
  if (organization_id != 0) filter.organization_id = organization_id;
  std::vector<std::int64_t> out;
  for (const auto& a : platform::account_store::list(c, filter)) out.push_back(a.id);
  return out;
}

std::vector<Officer> officers_with_role(store::Connection& c, Role role) {
  platform::account_store::Filter filter;
  filter.role = role;
  filter.active = true;
  std::vector<Officer> out;
  for (const auto& a : platform::account_store::list(c, filter))
    out.push_back({a.id, a.login_id, a.organization_id});
  std::sort(out.begin(), out.end(), [](const Officer& a, const Officer& b) { return a.id < b.id; });
  return out;
}

std::map<std::int64_t, std::string> display_names(store::Connection& c,
                                                  const std::vector<std::int64_t>& ids) {
  return platform::account_store::display_names(c, ids);
}

}  // namespace sotong::suggestions
