#include "modules/suggestions/suggestion_records.hpp"

#include <algorithm>

#include "modules/suggestions/suggestion_store.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/history/history.hpp"
#include "platform/notifications/notifications.hpp"

namespace sotong::suggestions {
namespace {

std::optional<std::string> date_text(const std::optional<CivilDate>& date) {
  if (!date) return std::nullopt;
  return platform::calendar::format_date(*date);
}

/// What the history keeps of a suggestion: enough to see every decision, without the long texts.
platform::history::Fields history_fields(const Suggestion& r) {
  std::optional<std::int64_t> lead;
  if (r.lead_bureau) lead = r.lead_bureau->id;
  std::optional<std::int64_t> satisfaction;
  if (r.satisfaction) satisfaction = *r.satisfaction;
  return {{"title", r.title},
          {"organization_id", r.organization.id},
          {"domain", std::string(domain_code(r.domain))},
          {"state", std::string(state_code(r.state))},
          {"lead_bureau_id", lead},
          {"due_date", date_text(r.due_date)},
          {"extensions", r.extensions},
          {"progress", r.progress},
          {"satisfaction", satisfaction}};
}

}  // namespace

std::string detail_url(std::int64_t id) {
  return "/suggestions/" + std::to_string(id);
}

std::optional<Suggestion> load_described(store::Connection& c, const Directory& directory, std::int64_t id) {
  auto found = suggestion_store::find(c, id);
  if (!found) return std::nullopt;
  directory.describe(*found);
  return found;
}

void add_event(store::Connection& c, const Actor& actor, Event event) {
  event.actor_id = actor.account_id;
  event.actor_organization_id = actor.organization_id;
  event.created_at = now();
  suggestion_store::insert_event(c, event);
}

void record_history(store::Connection& c, const Actor& actor, std::string_view action,
                    const std::optional<Suggestion>& before, const Suggestion& after) {
  platform::history::record_change(c, actor,
                                   {"suggestion", after.id, std::string(action),
                                    before ? platform::history::to_json(history_fields(*before)) : "",
                                    platform::history::to_json(history_fields(after))});
}

std::vector<std::int64_t> submitter_side(store::Connection& c, const Suggestion& record) {
  auto out = accounts_with_role(c, Role::municipal, record.organization.id);
  out.push_back(record.created_by);
  return out;
}

std::vector<std::int64_t> lead_side(store::Connection& c, const Suggestion& record) {
  if (!record.lead_bureau) return {};
  return accounts_with_role(c, Role::bureau, record.lead_bureau->id);
}

std::vector<std::int64_t> coordinators(store::Connection& c) {
  return accounts_with_role(c, Role::coordinator, 0);
}

void tell(store::Connection& c, const Actor& actor, std::vector<std::int64_t> accounts,
          const Suggestion& record, std::string_view title, std::string_view body) {
  std::sort(accounts.begin(), accounts.end());
  accounts.erase(std::unique(accounts.begin(), accounts.end()), accounts.end());
  for (std::int64_t account : accounts)
    if (account != actor.account_id && account != 0)
      platform::notifications::notify(c, account, title, body, detail_url(record.id));
}

}  // namespace sotong::suggestions
