#include "modules/suggestions/suggestion_home.hpp"

#include <optional>
#include <string>

#include "modules/suggestions/suggestion_directory.hpp"
#include "modules/suggestions/suggestion_permissions.hpp"
#include "modules/suggestions/suggestion_store.hpp"

namespace sotong::suggestions {
namespace {

using suggestion_store::ListQuery;

/// The organisations, read on first use. Reading them is most of a home page's cost in this module, and a
/// province-wide person's counts (the coordinator's) need none of them.
class LazyDirectory {
 public:
  explicit LazyDirectory(store::Connection& c) : c_(c) {}
  const Directory& operator*() {
    if (!directory_) directory_ = Directory::load(c_);
    return *directory_;
  }
  const Directory* operator->() { return &**this; }

 private:
  store::Connection& c_;
  std::optional<Directory> directory_;
};

/// The query over what the actor may see, to be narrowed by each task.
ListQuery visible(LazyDirectory& directory, const platform::Policy& policy, const Actor& actor) {
  ListQuery q;
  const std::string path = viewable_path(policy, actor);
  if (!path.empty()) q.organizations = directory->reach(path);
  return q;
}

}  // namespace

std::vector<platform::WaitingTask> waiting_tasks(store::Connection& c, const Actor& actor,
                                                 const platform::Policy& policy) {
  LazyDirectory directory(c);
  const CivilDate today = seoul_date(now());
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
    const std::int64_t bureau = directory->bureau_of(actor.organization_id);
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
    q.organizations = directory->subtree(actor.organization_path);
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

std::vector<platform::CardCount> card_counts(store::Connection& c, const Actor& actor,
                                             const platform::Policy& policy) {
  LazyDirectory directory(c);
  auto q = visible(directory, policy, actor);
  const std::int64_t all = suggestion_store::count_matching(c, q);
  q.open_only = true;
  const std::int64_t open = suggestion_store::count_matching(c, q);
  q.open_only = false;
  q.overdue_on = seoul_date(now());
  const std::int64_t overdue = suggestion_store::count_matching(c, q);
  return {{"볼 수 있는 건의", all, "/suggestions", "건"},
          {"처리 중", open, "/suggestions?view=open", "건"},
          {"기한 지남", overdue, "/suggestions?view=overdue&sort=due", "건"}};
}

}  // namespace sotong::suggestions
