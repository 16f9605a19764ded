#include "modules/meetings/meeting_figures_service.hpp"

#include <map>
#include <set>
#include <string>

#include "modules/meetings/meeting_attendance_store.hpp"
#include "modules/meetings/meeting_permissions.hpp"
#include "modules/meetings/meeting_service.hpp"
#include "modules/meetings/meeting_store.hpp"
#include "platform/cache/versioned_cache.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/organizations/organization_directory.hpp"
#include "platform/organizations/organization_store.hpp"

namespace sotong::meetings {

namespace {

/// Counts `year` as `svc`'s actor may see it: every body, meeting, entry and action item of the year read
/// once (a statement each), then narrowed by the module's visibility rules.
MeetingFigures count_year(store::Connection& c, const platform::ServiceContext& svc, int year) {
  const auto directory = platform::OrganizationDirectory::load(c);
  FigureInput in;
  in.year = year;
  in.today = seoul_today();
  std::map<std::int64_t, std::size_t> visible;
  for (auto& body : load_bodies(c, directory)) {
    if (!can_view_body(svc.policy, svc.actor, body)) continue;
    visible[body.id] = in.bodies.size();
    in.bodies.push_back(std::move(body));
  }
  const CivilDate from{year, 1, 1};
  const CivilDate to{year, 12, 31};
  std::set<std::int64_t> counted;
  for (auto& m : meeting_store::meetings_between(c, from, to)) {
    const auto b = visible.find(m.body_id);
    if (b == visible.end() || !can_view_meeting(svc.policy, svc.actor, in.bodies[b->second], m)) continue;
    counted.insert(m.id);
    in.meetings.push_back(std::move(m));
  }
  for (auto& e : meeting_store::entries_between(c, from, to))
    if (counted.contains(e.meeting_id)) in.entries.push_back(std::move(e));
  for (auto& a : meeting_store::actions_between(c, from, to))
    if (counted.contains(a.meeting_id)) in.actions.push_back(std::move(a));
  for (auto& i : attendance_store::between(c, from, to))
    if (counted.contains(i.meeting_id)) in.invitations.push_back(std::move(i));
  return count_figures(in);
}

/// What decides which bodies and meetings an actor sees (meeting_permissions.cpp): roles and organisation.
std::string visibility_key(const Actor& actor) {
  std::string key = actor.organization_path + "|" + std::to_string(actor.organization_id) + "|";
  for (Role r : actor.roles) key += std::string(role_code(r)) + ",";
  return key;
}

}  // namespace

Result<MeetingFigures> year_figures(const platform::ServiceContext& svc, int year) {
  if (auto ok = svc.policy.check(svc.actor, kView, svc.actor.organization_path); !ok) return ok.error();
  if (year < 2000 || year > 2100)
    return Error::invalid("연도가 올바르지 않습니다.",
                          {{"year", "연도를 2000년에서 2100년 사이로 입력해 주십시오."}});
  return svc.db.read([&](store::Connection& c) -> Result<MeetingFigures> {
    // The home card asks on every visit, and a year is every meeting with its agenda and action items: kept
    // until a meeting or an organisation changes, per year, the person's visibility and the day (on-time
    // and overdue counts move with the day).
    static platform::VersionedCache<MeetingFigures> kept(
        {meeting_store::kDataVersion, platform::organization_store::kDataVersion});
    const std::string key = std::to_string(year) + "|" + visibility_key(svc.actor) + "|" +
                            platform::calendar::format_date(seoul_today());
    return *kept.get(c, key, [&] { return count_year(c, svc, year); });
  });
}

}  // namespace sotong::meetings
