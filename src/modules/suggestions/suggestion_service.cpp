#include "modules/suggestions/suggestion_service.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "modules/suggestions/suggestion_deadlines.hpp"
#include "modules/suggestions/suggestion_directory.hpp"
#include "modules/suggestions/suggestion_records.hpp"
#include "platform/search/search_index.hpp"

namespace sotong::suggestions {
namespace {

using platform::OrganizationKind;

/// The organisations whose suggestions `actor` may list: nullopt for all of them (a province-wide role), else
/// the organisations the actor is involved through (Directory::reach).
suggestion_store::Organizations viewable_organizations(const Directory& directory,
                                                       const platform::Policy& policy, const Actor& actor) {
  const std::string path = viewable_path(policy, actor);
  if (path.empty()) return std::nullopt;
  return directory.reach(path);
}

/// Fills in the author's name of each record, one query for all of them.
void name_authors(store::Connection& c, std::vector<Suggestion>& records) {
  std::vector<std::int64_t> ids;
  for (const auto& r : records) ids.push_back(r.created_by);
  const auto names = display_names(c, ids);
  for (auto& r : records)
    if (auto it = names.find(r.created_by); it != names.end()) r.created_by_name = it->second;
}

/// Fills in who wrote each timeline entry and for which organisation.
void name_actors(store::Connection& c, const Directory& directory, std::vector<Event>& events) {
  std::vector<std::int64_t> ids;
  for (const auto& e : events) ids.push_back(e.actor_id);
  const auto names = display_names(c, ids);
  for (auto& e : events) {
    if (auto it = names.find(e.actor_id); it != names.end()) e.actor_name = it->second;
    e.actor_organization_name = directory.ref(e.actor_organization_id).name;
  }
}

/// The coming Sunday (today when it is Sunday): "due this week" for a bureau.
CivilDate end_of_week(CivilDate day) {
  const int w = weekday(day);  // 0 = Sunday
  return civil_from_days(days_from_civil(day) + (w == 0 ? 0 : 7 - w));
}

std::vector<Choice> choices_of(const std::vector<const platform::Organization*>& organizations) {
  std::vector<Choice> out;
  for (const auto* o : organizations) out.push_back({o->id, o->name});
  return out;
}

/// What the forms offer, from the directory the page has already read: reading the organisations is a good
/// part of a page's cost, so a page reads them once.
FormChoices choices_in(const Directory& directory, const platform::ServiceContext& svc) {
  FormChoices out;
  out.municipalities = choices_of(directory.active(OrganizationKind::municipality));
  out.bureaus = choices_of(directory.active(OrganizationKind::bureau));
  out.transfer_targets = out.bureaus;
  for (const auto& agency : choices_of(directory.active(OrganizationKind::agency)))
    out.transfer_targets.push_back(agency);
  out.coordinator = svc.policy.allows(svc.actor, kCoordinate);
  if (svc.policy.allows(svc.actor, kHandle)) out.own_bureau = directory.bureau_of(svc.actor.organization_id);
  return out;
}

FilingChoices filing_choices(const Directory& directory, const platform::ServiceContext& svc, bool submit) {
  FilingChoices out;
  out.municipalities = directory.active_ids(OrganizationKind::municipality);
  out.bureaus = directory.active_ids(OrganizationKind::bureau);
  out.today = seoul_today();
  out.coordinator = svc.policy.allows(svc.actor, kCoordinate);
  out.submitting = submit;
  return out;
}

/// The first timeline entry and the coordinators' notice when a suggestion is submitted (접수).
void announce_submission(store::Connection& c, const Actor& actor, const Suggestion& record) {
  Event e;
  e.suggestion_id = record.id;
  e.kind = std::string(action_code(Action::submit));
  e.from_state = State::draft;
  e.to_state = State::received;
  if (record.channel != Channel::direct) e.detail = std::string(channel_label(record.channel));
  add_event(c, actor, e);
  tell(c, actor, coordinators(c), record, "새 건의사항이 접수되었습니다",
       record.organization.name + ": " + record.title);
  index_for_search(c, record);
}

}  // namespace

Result<SuggestionPage> list_suggestions(const platform::ServiceContext& svc, const ListFilter& filter,
                                        std::int64_t page_size, suggestion_store::Columns columns) {
  // A list has no single record: checking the actor's own organisation asks "may this role view here at all"
  // without letting a scoped actor past its subtree, which the query then enforces.
  if (auto ok = svc.policy.check(svc.actor, kView, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.read([&](store::Connection& c) -> Result<SuggestionPage> {
    const auto directory = Directory::load(c);
    SuggestionPage page;
    page.today = seoul_today();
    suggestion_store::ListQuery query;
    query.organizations = viewable_organizations(directory, svc.policy, svc.actor);
    query.state = filter.state;
    query.open_only = filter.open_only;
    query.lead_bureau = filter.lead_bureau;
    if (filter.municipality) query.filed_by = directory.subtree(directory.ref(*filter.municipality).path);
    query.domain = filter.domain;
    query.title_contains = filter.text;
    if (filter.overdue) query.overdue_on = page.today;
    if (filter.due_this_week) query.due_until = end_of_week(page.today);
    query.sort = filter.sort;
    query.after = filter.after;
    query.limit = page_size + 1;  // one row more than a page tells whether another page follows
    query.columns = columns;
    page.items = suggestion_store::list(c, query);
    if (static_cast<std::int64_t>(page.items.size()) > page_size) {
      page.items.resize(static_cast<std::size_t>(page_size));
      const auto& last = page.items.back();
      page.next = suggestion_store::Cursor{last.id, suggestion_store::due_key(last)};
    }
    // Lists name no author (the page, the download and the API give the account id), so none is looked up.
    for (auto& r : page.items) directory.describe(r);
    page.choices = choices_in(directory, svc);
    return page;
  });
}

Result<SuggestionFile> open_suggestion(const platform::ServiceContext& svc, std::int64_t id) {
  return svc.db.read([&](store::Connection& c) -> Result<SuggestionFile> {
    const auto directory = Directory::load(c);
    auto found = load_described(c, directory, id);
    if (!found || !can_view_suggestion(svc.policy, svc.actor, *found)) return Error::not_found(kNotFound);
    SuggestionFile file;
    file.record = std::move(*found);
    std::vector<Suggestion> one{file.record};
    name_authors(c, one);
    file.record.created_by_name = one.front().created_by_name;
    file.internal_visible = can_read_internal(svc.policy, svc.actor, file.record);
    file.timeline = suggestion_store::events(c, id, file.internal_visible);
    name_actors(c, directory, file.timeline);
    file.parties = parties_of(svc.policy, svc.actor, file.record);
    file.actions = available_actions(file.record.state, file.parties, file.record.appealed);
    const bool cooperating = svc.policy.allows(svc.actor, kHandle) &&
                             std::any_of(file.record.cooperating.begin(), file.record.cooperating.end(),
                                         [&](const OrganizationRef& o) { return belongs_to(svc.actor, o); });
    file.steps = available_steps(file.record, {file.parties, cooperating});
    // Other suggestions appear only when the person may see them (each checked on its own organisations).
    auto visible = [&](std::int64_t other) -> std::optional<Suggestion> {
      auto found = load_described(c, directory, other);
      if (found && can_view_suggestion(svc.policy, svc.actor, *found)) return found;
      return std::nullopt;
    };
    auto visible_all = [&](const std::vector<Suggestion>& rows) {
      std::vector<Suggestion> out;
      for (const auto& r : rows)
        if (auto v = visible(r.id)) out.push_back(std::move(*v));
      return out;
    };
    file.related = visible_all(suggestion_store::related(c, id));
    file.children = visible_all(suggestion_store::children(c, id));
    file.merged_from = visible_all(suggestion_store::merged_from(c, id));
    if (file.record.merged_into) file.merged_into = visible(*file.record.merged_into);
    if (file.record.parent_id) file.parent = visible(*file.record.parent_id);
    file.today = seoul_today();
    file.choices = choices_in(directory, svc);
    file.overdue = file.record.due_date &&
                   (file.record.state == State::adopted || file.record.state == State::in_progress) &&
                   is_overdue(*file.record.due_date, file.today);
    return file;
  });
}

Result<Suggestion> get_suggestion(const platform::ServiceContext& svc, std::int64_t id) {
  auto file = open_suggestion(svc, id);
  if (!file) return file.error();
  return std::move(file->record);
}

Result<std::vector<Suggestion>> list_due_for_review(const platform::ServiceContext& svc, ReviewLevel level,
                                                    CivilDate until) {
  if (auto ok = svc.policy.check(svc.actor, kView, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.read([&](store::Connection& c) -> Result<std::vector<Suggestion>> {
    const auto directory = Directory::load(c);
    auto items = suggestion_store::due_for_review(c, viewable_organizations(directory, svc.policy, svc.actor),
                                                  level, until, 500);
    for (auto& r : items) directory.describe(r);
    return items;
  });
}

FormChoices form_choices(const platform::ServiceContext& svc) {
  return svc.db.read([&](store::Connection& c) { return choices_in(Directory::load(c), svc); });
}

Result<std::int64_t> file_suggestion(const platform::ServiceContext& svc, const SuggestionInput& input,
                                     bool submit) {
  // The new suggestion belongs to the actor's organisation, so that is the path the scoped action is checked
  // on; the coordinator's on-behalf filing is checked again below on the 시·군 it names.
  if (auto ok = svc.policy.check(svc.actor, kFile, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    const auto directory = Directory::load(c);
    auto valid = validate_suggestion(input, filing_choices(directory, svc, submit));
    if (!valid) return valid.error();
    std::int64_t organization = svc.actor.organization_id;
    if (valid->on_behalf_of) {
      organization = *valid->on_behalf_of;
      // Recorded by the coordinator from a meeting: received at once, there is no draft to keep.
      submit = true;
    }
    std::erase(valid->concerned, organization);
    const State state = submit ? State::received : State::draft;
    const auto id = suggestion_store::insert(c, *valid, organization, state, svc.actor.account_id, now());
    const auto created = load_described(c, directory, id);
    if (!created) return Error::not_found(kNotFound);  // cannot happen inside this transaction; roll back
    // History, timeline and search in the same transaction as the insert: all commit, or none does.
    record_history(c, svc.actor, "create", std::nullopt, *created);
    if (submit) announce_submission(c, svc.actor, *created);
    return id;
  });
}

Result<void> update_draft(const platform::ServiceContext& svc, std::int64_t id, const SuggestionInput& input,
                          bool submit) {
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    const auto directory = Directory::load(c);
    auto before = load_described(c, directory, id);
    if (!before || !can_view_suggestion(svc.policy, svc.actor, *before)) return Error::not_found(kNotFound);
    const auto parties = parties_of(svc.policy, svc.actor, *before);
    if (auto ok = check_step(Step::edit, *before, {parties, false}); !ok) return ok.error();
    SuggestionInput own = input;
    own.channel.clear();  // a draft is always the 시·군's own filing
    own.on_behalf_of.clear();
    auto valid = validate_suggestion(own, filing_choices(directory, svc, submit));
    if (!valid) return valid.error();
    std::erase(valid->concerned, before->organization.id);
    const Timestamp at = now();
    suggestion_store::update_filing(c, id, *valid, at);
    auto after = load_described(c, directory, id);
    if (submit) {
      after->state = State::received;
      after->submitted_at = at;
      suggestion_store::save_handling(c, *after, at);
    }
    record_history(c, svc.actor, submit ? "submit" : "update", before, *after);
    if (submit) announce_submission(c, svc.actor, *after);
    return {};
  });
}

std::int64_t count_viewable(store::Connection& c, const platform::Policy& policy, const Actor& actor) {
  return suggestion_store::count(c, viewable_organizations(Directory::load(c), policy, actor));
}

void index_for_search(store::Connection& c, const Suggestion& record) {
  // Found only by those who may open it through the organisation that filed it (the view action, within
  // that organisation; province-wide roles everywhere). Drafts are never indexed.
  if (record.state == State::draft) return;
  platform::search::index(
      c, {"suggestions", record.id, record.title, record.organization.name + " " + record.content,
          detail_url(record.id), kView, record.organization.path, record.updated_at});
}

void reindex_search(store::Connection& c) {
  const auto directory = Directory::load(c);
  // By keyset pages, so that a large table is never held in memory at once.
  suggestion_store::ListQuery query{.organizations = std::nullopt, .limit = 500};
  for (;;) {
    auto batch = suggestion_store::list(c, query);
    for (auto& record : batch) {
      // The list leaves out the long texts; the search document wants the content.
      if (auto full = load_described(c, directory, record.id)) index_for_search(c, *full);
    }
    if (static_cast<std::int64_t>(batch.size()) < query.limit) return;
    query.after.id = batch.back().id;
  }
}

}  // namespace sotong::suggestions
