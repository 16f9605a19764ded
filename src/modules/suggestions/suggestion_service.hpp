// Use cases of 건의사항 (suggestions), verb–noun: reading lists and one suggestion with its timeline, filing
// and editing drafts. Each checks the policy against the organisations the suggestion involves, validates,
// then reads, or writes in one transaction together with its timeline entry, the change history, the search
// document and the notifications. Decisions on a filed suggestion are in suggestion_handling.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/result.hpp"
#include "modules/suggestions/suggestion.hpp"
#include "modules/suggestions/suggestion_permissions.hpp"
#include "modules/suggestions/suggestion_rules.hpp"
#include "modules/suggestions/suggestion_steps.hpp"
#include "modules/suggestions/suggestion_store.hpp"
#include "platform/policy.hpp"
#include "platform/service_context.hpp"
#include "store/database.hpp"

namespace sotong::suggestions {

inline constexpr const char* kNotFound = "찾으시는 건의사항이 없거나 볼 수 있는 범위 밖에 있습니다.";

/// What a list is narrowed to, as chosen on the page (already parsed: see read_filter).
struct ListFilter {
  std::optional<State> state;
  bool open_only = false;
  std::optional<std::int64_t> lead_bureau;
  std::optional<std::int64_t> municipality;  // filed by or concerning this 시·군 (its departments included)
  std::optional<Domain> domain;
  std::string text;  // part of the title
  bool overdue = false;
  bool due_this_week = false;  // still in hand and due by the coming Sunday
  suggestion_store::Sort sort = suggestion_store::Sort::newest;
  suggestion_store::Cursor after;
};

/// The organisations a form offers, in the directory's order.
struct Choice {
  std::int64_t id = 0;
  std::string name;
};
struct FormChoices {
  std::vector<Choice> municipalities;
  std::vector<Choice> bureaus;
  std::vector<Choice> transfer_targets;  // bureaus and partner agencies
  bool coordinator = false;              // may record a meeting's suggestion for a 시·군
  std::int64_t own_bureau = 0;  // a bureau officer's bureau (who leads what they handle); 0 for others
};

/// One page of a list, and where the next one starts.
struct SuggestionPage {
  std::vector<Suggestion> items;
  std::optional<suggestion_store::Cursor> next;  // nullopt when this is the last page
  CivilDate today{};                             // what "overdue" was judged against
  FormChoices choices;  // what the filters offer, read with the page (one look at the organisations)
};

/// The suggestions the actor may view that match `filter`, `page_size` at a time. Refused (unauthenticated,
/// forbidden) to an actor without the view action. `columns` row reads only what a list page's row shows.
Result<SuggestionPage> list_suggestions(const platform::ServiceContext& svc, const ListFilter& filter,
                                        std::int64_t page_size,
                                        suggestion_store::Columns columns = suggestion_store::Columns::whole);

/// One suggestion as its page shows it to this person: the record, the timeline they may read, and what they
/// may do now.
struct SuggestionFile {
  Suggestion record;
  std::vector<Event> timeline;
  std::vector<Party> parties;
  std::vector<Action> actions;
  std::vector<Step> steps;
  bool internal_visible = false;
  bool overdue = false;
  CivilDate today{};
  // How it relates to others, each only when the person may see the other suggestion.
  std::vector<Suggestion> related, children, merged_from;
  std::optional<Suggestion> merged_into, parent;
  FormChoices choices;  // what the decision forms offer, read with the suggestion
};

/// not_found also when the suggestion lies outside the actor's reach, so that a refusal does not tell that it
/// exists.
Result<SuggestionFile> open_suggestion(const platform::ServiceContext& svc, std::int64_t id);
Result<Suggestion> get_suggestion(const platform::ServiceContext& svc, std::int64_t id);

/// The items in hand the actor may see that a `level` meeting should review on or before `until`, earliest
/// review first (the meeting hand-off; at most 500).
Result<std::vector<Suggestion>> list_due_for_review(const platform::ServiceContext& svc, ReviewLevel level,
                                                    CivilDate until);

FormChoices form_choices(const platform::ServiceContext& svc);

/// Files a suggestion for the actor's organisation (or, for the coordinator, on a 시·군's behalf): kept as a
/// draft, or submitted (접수) when `submit`. Returns its id; field errors for bad input, forbidden without
/// the filing action.
Result<std::int64_t> file_suggestion(const platform::ServiceContext& svc, const SuggestionInput& input,
                                     bool submit);
/// Rewrites a draft, and submits it when `submit`. Only the submitter's organisation, only while a draft.
Result<void> update_draft(const platform::ServiceContext& svc, std::int64_t id, const SuggestionInput& input,
                          bool submit);

/// How many suggestions `actor` may view (the dashboard card's figure; the list shows exactly these).
std::int64_t count_viewable(store::Connection& c, const platform::Policy& policy, const Actor& actor);

/// Writes the suggestion's search document on the caller's connection, so inside the caller's transaction.
void index_for_search(store::Connection& c, const Suggestion& record);
/// Indexes every suggestion: the "suggestions" search source's rebuild.
void reindex_search(store::Connection& c);

}  // namespace sotong::suggestions
