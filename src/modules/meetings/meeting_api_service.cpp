#include "modules/meetings/meeting_api_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "modules/meetings/meeting_permissions.hpp"
#include "modules/meetings/meeting_service.hpp"
#include "modules/meetings/meeting_store.hpp"
#include "platform/organizations/organization_directory.hpp"

namespace sotong::meetings {
namespace {

/// The bodies the person sees, with members and names.
std::vector<Body> visible_bodies(const platform::ServiceContext& svc, store::Connection& c,
                                 const platform::OrganizationDirectory& directory) {
  std::vector<Body> out;
  for (auto& body : load_bodies(c, directory))
    if (can_view_body(svc.policy, svc.actor, body)) out.push_back(std::move(body));
  return out;
}

}  // namespace

Result<std::vector<ListedMeeting>> list_meetings(const platform::ServiceContext& svc,
                                                 std::optional<std::int64_t> body, int year) {
  if (auto ok = svc.policy.check(svc.actor, kView, svc.actor.organization_path); !ok) return ok.error();
  if (year < 2000 || year > 2100)
    return Error::invalid("연도가 올바르지 않습니다.",
                          {{"year", "연도를 2000년에서 2100년 사이로 입력해 주십시오."}});
  return svc.db.read([&](store::Connection& c) -> Result<std::vector<ListedMeeting>> {
    const auto directory = platform::OrganizationDirectory::load(c);
    std::map<std::int64_t, Body> bodies;
    for (auto& b : visible_bodies(svc, c, directory)) bodies.emplace(b.id, std::move(b));
    if (body && !bodies.contains(*body))
      return Error::invalid("볼 수 없는 회의체입니다.", {{"body", "회의체를 목록에서 골라 주십시오."}});
    std::vector<ListedMeeting> out;
    for (auto& m : meeting_store::meetings_between(c, {year, 1, 1}, {year, 12, 31})) {
      const auto b = bodies.find(m.body_id);
      if (b == bodies.end() || (body && m.body_id != *body)) continue;
      if (!can_view_meeting(svc.policy, svc.actor, b->second, m)) continue;
      if (m.host_id)
        if (const auto* o = directory.find(*m.host_id)) m.host_name = o->name;
      out.push_back({std::move(m), b->second.name});
    }
    return out;
  });
}

Result<std::vector<ListedAction>> open_action_items(const platform::ServiceContext& svc,
                                                    std::optional<std::int64_t> organization) {
  if (auto ok = svc.policy.check(svc.actor, kView, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.read([&](store::Connection& c) -> Result<std::vector<ListedAction>> {
    const auto directory = platform::OrganizationDirectory::load(c);
    const auto bodies = visible_bodies(svc, c, directory);
    std::set<std::int64_t> orgs;
    for (const auto& b : bodies) {
      orgs.insert(b.secretariat_id);
      for (const auto& m : b.members) orgs.insert(m.organization_id);
    }
    if (organization && !orgs.contains(*organization))
      return Error::invalid("볼 수 없는 기관입니다.", {{"organization", "기관을 목록에서 골라 주십시오."}});
    std::vector<ListedAction> out;
    for (const auto& b : bodies) {
      std::map<std::int64_t, Meeting> meetings;
      for (auto& m : meeting_store::meetings_of(c, b.id)) meetings.emplace(m.id, std::move(m));
      for (auto& [a, date] : meeting_store::actions_of_body(c, b.id)) {
        if (a.status != ActionStatus::open || (organization && a.owner_id != *organization)) continue;
        const auto m = meetings.find(a.meeting_id);
        if (m == meetings.end() || !can_view_minutes(svc.policy, svc.actor, b, m->second)) continue;
        const auto* owner = directory.find(a.owner_id);
        out.push_back({std::move(a), owner ? owner->name : "", b.name, date});
      }
    }
    std::stable_sort(out.begin(), out.end(), [](const ListedAction& x, const ListedAction& y) {
      return days_from_civil(x.action.due) < days_from_civil(y.action.due);
    });
    return out;
  });
}

}  // namespace sotong::meetings
