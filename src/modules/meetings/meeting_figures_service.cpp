#include "modules/meetings/meeting_figures_service.hpp"

#include <map>

#include "modules/meetings/meeting_permissions.hpp"
#include "modules/meetings/meeting_service.hpp"
#include "modules/meetings/meeting_store.hpp"
#include "platform/organizations/organization_directory.hpp"

namespace sotong::meetings {

Result<MeetingFigures> year_figures(const platform::ServiceContext& svc, int year) {
  if (auto ok = svc.policy.check(svc.actor, kView, svc.actor.organization_path); !ok) return ok.error();
  if (year < 2000 || year > 2100)
    return Error::invalid("연도가 올바르지 않습니다.",
                          {{"year", "연도를 2000년에서 2100년 사이로 입력해 주십시오."}});
  return svc.db.read([&](store::Connection& c) -> Result<MeetingFigures> {
    const auto directory = platform::OrganizationDirectory::load(c);
    FigureInput in;
    in.year = year;
    in.today = seoul_date(now());
    std::map<std::int64_t, std::size_t> visible;
    for (const auto& listed : meeting_store::list_bodies(c)) {
      auto body = load_body(c, directory, listed.id);
      if (!body || !can_view_body(svc.policy, svc.actor, *body)) continue;
      visible[body->id] = in.bodies.size();
      in.bodies.push_back(std::move(*body));
    }
    for (auto& m : meeting_store::meetings_between(c, {year, 1, 1}, {year, 12, 31})) {
      const auto b = visible.find(m.body_id);
      if (b == visible.end() || !can_view_meeting(svc.policy, svc.actor, in.bodies[b->second], m)) continue;
      for (auto& e : meeting_store::entries_of(c, m.id)) in.entries.push_back(std::move(e));
      for (auto& a : meeting_store::actions_of_meeting(c, m.id)) in.actions.push_back(std::move(a));
      in.meetings.push_back(std::move(m));
    }
    return count_figures(in);
  });
}

}  // namespace sotong::meetings
