#include "modules/suggestions/suggestion_figures_service.hpp"

#include <set>

#include "modules/suggestions/suggestion_directory.hpp"
#include "modules/suggestions/suggestion_figures_store.hpp"
#include "modules/suggestions/suggestion_permissions.hpp"
#include "platform/cache/versioned_cache.hpp"
#include "platform/calendar/calendar_service.hpp"
#include "platform/calendar/holiday_store.hpp"
#include "platform/organizations/organization_store.hpp"

namespace sotong::suggestions {
namespace {

using platform::OrganizationKind;

/// The rows of one table in the directory's order: the groups that counted, and (`listed`) those that must
/// show even when nothing counted; the group 0 ("none") last, named `none`.
std::vector<FigureGroup> groups(const Directory& directory,
                                const std::map<std::int64_t, PeriodFigures>& counted,
                                const std::vector<std::int64_t>& listed, const std::string& none) {
  std::set<std::int64_t> wanted(listed.begin(), listed.end());
  for (const auto& [id, figures] : counted)
    if (id != 0) wanted.insert(id);
  std::vector<FigureGroup> out;
  // Active ones in the directory's order first, then any other (an inactive or transferred-to organisation).
  std::vector<std::int64_t> order;
  for (auto kind : {OrganizationKind::bureau, OrganizationKind::municipality, OrganizationKind::agency})
    for (std::int64_t id : directory.active_ids(kind))
      if (wanted.erase(id)) order.push_back(id);
  order.insert(order.end(), wanted.begin(), wanted.end());
  for (std::int64_t id : order) {
    auto it = counted.find(id);
    out.push_back({id, directory.ref(id).name, it == counted.end() ? PeriodFigures{} : it->second});
  }
  if (auto it = counted.find(0); it != counted.end()) out.push_back({0, none, it->second});
  return out;
}

/// The figures of `year` as `svc`'s person may see them, counted now from every suggestion of the year.
FigureReport count_year(store::Connection& c, const platform::ServiceContext& svc, int year) {
  const auto directory = Directory::load(c);
  // The same organisations the list narrows to: the figures never count a suggestion the person could not
  // open, so they tell nobody more than the list already does.
  const std::string path = viewable_path(svc.policy, svc.actor);
  suggestion_store::Organizations organizations;
  if (!path.empty()) organizations = directory.reach(path);
  const auto calendar = platform::calendar::load(c);
  FigureCounter counter(year, now(), calendar);
  std::map<std::int64_t, std::int64_t> municipality_of;  // a few hundred organisations, 50,000 rows
  suggestion_figures_store::each_row(c, seoul_day_start({year, 1, 1}), seoul_day_start({year + 1, 1, 1}),
                                     organizations, [&](FigureRow& r) {
                                       auto [it, fresh] = municipality_of.try_emplace(r.organization_id, 0);
                                       if (fresh) it->second = directory.municipality_of(r.organization_id);
                                       r.municipality = it->second;
                                       counter.add(r);
                                     });
  FigureReport report;
  report.year = counter.finish();
  report.whole_province = path.empty();
  std::vector<std::int64_t> bureaus, municipalities;
  if (report.whole_province) {
    bureaus = directory.active_ids(OrganizationKind::bureau);
    municipalities = directory.active_ids(OrganizationKind::municipality);
  } else if (const std::int64_t own = directory.bureau_of(svc.actor.organization_id); own != 0) {
    bureaus.push_back(own);
  } else if (const std::int64_t own_city = directory.municipality_of(svc.actor.organization_id);
             own_city != 0) {
    municipalities.push_back(own_city);
  }
  report.bureaus = groups(directory, report.year.by_bureau, bureaus, "주관 실국 없음");
  report.municipalities = groups(directory, report.year.by_municipality, municipalities, "시·군 외");
  return report;
}

}  // namespace

Result<FigureReport> year_figures(const platform::ServiceContext& svc, int year) {
  if (year < kFirstFigureYear || year > kLastFigureYear)
    return Error::invalid("연도가 올바르지 않습니다.",
                          {{"year", "연도는 2000년부터 2100년 사이의 네 자리 숫자로 입력해 주십시오."}});
  return svc.db.read([&](store::Connection& c) -> Result<FigureReport> {
    // Counting a year reads every suggestion of it (about 30 ms with 50,000 over three years), and the home
    // card asks on every visit: kept until a suggestion, an organisation or a holiday changes, per year, the
    // person's scope and the day (overdue marks move with the day).
    static platform::VersionedCache<FigureReport> kept({suggestion_store::kDataVersion,
                                                        platform::organization_store::kDataVersion,
                                                        platform::calendar::holiday_store::kDataVersion});
    const std::string key = std::to_string(year) + "|" + viewable_path(svc.policy, svc.actor) + "|" +
                            std::to_string(svc.actor.organization_id) + "|" +
                            platform::calendar::format_date(seoul_today());
    return *kept.get(c, key, [&] { return count_year(c, svc, year); });
  });
}

}  // namespace sotong::suggestions
