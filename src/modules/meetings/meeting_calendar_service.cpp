#include "modules/meetings/meeting_calendar_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "modules/meetings/meeting_permissions.hpp"
#include "modules/meetings/meeting_service.hpp"
#include "modules/meetings/meeting_store.hpp"
#include "platform/calendar/calendar_service.hpp"
#include "platform/organizations/organization_directory.hpp"

namespace sotong::meetings {

Result<CalendarPage> calendar_meetings(const platform::ServiceContext& svc, const CalendarQuery& query) {
  if (auto ok = svc.policy.check(svc.actor, kView, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.read([&](store::Connection& c) -> Result<CalendarPage> {
    const auto directory = platform::OrganizationDirectory::load(c);
    CalendarPage page;
    page.query = query;
    std::tie(page.from, page.to) = calendar_range(query);
    std::map<std::int64_t, Body> bodies;
    std::set<std::int64_t> orgs;
    for (auto& body : load_bodies(c, directory)) {
      if (!can_view_body(svc.policy, svc.actor, body)) continue;
      page.bodies.emplace_back(body.id, body.name);
      orgs.insert(body.secretariat_id);
      for (const auto& m : body.members) orgs.insert(m.organization_id);
      bodies.emplace(body.id, std::move(body));
    }
    for (const auto& o : directory.all())
      if (orgs.contains(o.id)) page.organizations.emplace_back(o.id, o.name);
    std::vector<FieldError> errors;
    if (query.body && !bodies.contains(*query.body))
      errors.push_back({"body", "회의체를 목록에서 골라 주십시오."});
    if (query.organization && !orgs.contains(*query.organization))
      errors.push_back({"organization", "기관을 목록에서 골라 주십시오."});
    if (!errors.empty()) return Error::invalid("달력을 보여 드릴 수 없는 조건입니다.", errors);
    // The organisation filter keeps the meetings of the bodies it sits on and those it hosts.
    const auto sits_on = [&](const Body& b, std::int64_t org) {
      return b.secretariat_id == org ||
             std::any_of(b.members.begin(), b.members.end(),
                         [&](const BodyMember& m) { return m.organization_id == org; });
    };
    for (auto& m : meeting_store::meetings_between(c, page.from, page.to)) {
      const auto body = bodies.find(m.body_id);
      if (body == bodies.end() || (query.body && m.body_id != *query.body)) continue;
      if (!can_view_meeting(svc.policy, svc.actor, body->second, m)) continue;
      if (query.organization && !sits_on(body->second, *query.organization) &&
          m.host_id != query.organization)
        continue;
      if (m.host_id)
        if (const auto* o = directory.find(*m.host_id)) m.host_name = o->name;
      page.entries.push_back({std::move(m), body->second.name, true});
    }
    const auto calendar = platform::calendar::load(c);
    const auto today = seoul_today();
    page.month = platform::calendar::month_grid(query.anchor.year, query.anchor.month, today, calendar);
    page.week = platform::calendar::week_of(query.anchor, today, calendar);
    return page;
  });
}

}  // namespace sotong::meetings
