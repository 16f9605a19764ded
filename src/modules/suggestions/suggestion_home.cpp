#include "modules/suggestions/suggestion_home.hpp"

#include <string>

#include "modules/suggestions/suggestion_directory.hpp"
#include "modules/suggestions/suggestion_permissions.hpp"
#include "modules/suggestions/suggestion_store.hpp"
#include "platform/cache/versioned_cache.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/organizations/organization_store.hpp"

namespace sotong::suggestions {
namespace {

using suggestion_store::ListQuery;

/// The query over what the actor may see, to be narrowed by each task.
ListQuery visible(const Directory& directory, const platform::Policy& policy, const Actor& actor) {
  ListQuery q;
  const std::string path = viewable_path(policy, actor);
  if (!path.empty()) q.organizations = directory.reach(path);
  return q;
}

std::vector<platform::WaitingTask> count_tasks(store::Connection& c, const Actor& actor,
                                               const platform::Policy& policy) {
  const auto directory = Directory::load(c);
  const CivilDate today = seoul_today();
  std::vector<platform::WaitingTask> out;
  if (policy.allows(actor, kCoordinate)) {
    auto q = visible(directory, policy, actor);
    q.state = State::received;
    out.push_back({"접수를 기다리는 건의", suggestion_store::count_matching(c, q), "건",
                   "/suggestions?state=received"});
    q.state = State::reviewing;
    out.push_back(
        {"검토 중인 건의", suggestion_store::count_matching(c, q), "건", "/suggestions?state=reviewing"});
    q.state.reset();
    q.overdue_on = today;
    out.push_back({"처리 기한이 지난 건의", suggestion_store::count_matching(c, q), "건",
                   "/suggestions?view=overdue&sort=due"});
  }
  if (policy.allows(actor, kHandle)) {
    const std::int64_t bureau = directory.bureau_of(actor.organization_id);
    if (bureau != 0) {
      auto q = visible(directory, policy, actor);
      q.lead_bureau = bureau;
      const std::string lead = "&lead=" + std::to_string(bureau);
      q.open_only = true;
      out.push_back({"우리 실국이 주관하는 건의", suggestion_store::count_matching(c, q), "건",
                     "/suggestions?view=open" + lead});
      q.open_only = false;
      q.overdue_on = today;
      out.push_back({"처리 기한이 지난 주관 건의", suggestion_store::count_matching(c, q), "건",
                     "/suggestions?view=overdue&sort=due" + lead});
    }
  }
  if (policy.allows(actor, kFile) && !policy.allows(actor, kCoordinate)) {
    ListQuery q;
    q.organizations = directory.subtree(actor.organization_path);
    q.state = State::draft;
    out.push_back({"제출하지 않은 임시 저장 건의", suggestion_store::count_matching(c, q), "건",
                   "/suggestions?state=draft"});
    q.state.reset();
    q.unrated = true;
    out.push_back({"만족도 평가를 기다리는 회신", suggestion_store::count_matching(c, q), "건",
                   "/suggestions?state=answered"});
  }
  return out;
}

std::vector<platform::CardCount> count_card(store::Connection& c, const Actor& actor,
                                            const platform::Policy& policy) {
  const auto directory = Directory::load(c);
  auto q = visible(directory, policy, actor);
  const std::int64_t all = suggestion_store::count_matching(c, q);
  q.open_only = true;
  const std::int64_t open = suggestion_store::count_matching(c, q);
  q.open_only = false;
  q.overdue_on = seoul_today();
  const std::int64_t overdue = suggestion_store::count_matching(c, q);
  return {{"볼 수 있는 건의", all, "/suggestions", "건"},
          {"처리 중", open, "/suggestions?view=open", "건"},
          {"기한 지남", overdue, "/suggestions?view=overdue&sort=due", "건"}};
}

/// What the counts depend on besides the data: what the person may do and see, and the day (overdue marks).
std::string scope_key(const Actor& actor, const platform::Policy& policy) {
  std::string key = viewable_path(policy, actor) + "|" + std::to_string(actor.organization_id) + "|" +
                    actor.organization_path + "|";
  for (const char* permission : {kCoordinate, kHandle, kFile})
    key += policy.allows(actor, permission) ? '1' : '0';
  return key + "|" + platform::calendar::format_date(seoul_today());
}

/// Counted over every suggestion the person may see (COUNT over 50,000 rows is some milliseconds), so kept
/// until a suggestion or an organisation changes; the home page asks on every visit.
const std::vector<std::string> kCountedFrom = {suggestion_store::kDataVersion,
                                               platform::organization_store::kDataVersion};

}  // namespace

std::vector<platform::WaitingTask> waiting_tasks(store::Connection& c, const Actor& actor,
                                                 const platform::Policy& policy) {
  static platform::VersionedCache<std::vector<platform::WaitingTask>> kept(kCountedFrom);
  return *kept.get(c, scope_key(actor, policy), [&] { return count_tasks(c, actor, policy); });
}

std::vector<platform::CardCount> card_counts(store::Connection& c, const Actor& actor,
                                             const platform::Policy& policy) {
  static platform::VersionedCache<std::vector<platform::CardCount>> kept(kCountedFrom);
  return *kept.get(c, scope_key(actor, policy), [&] { return count_card(c, actor, policy); });
}

}  // namespace sotong::suggestions
