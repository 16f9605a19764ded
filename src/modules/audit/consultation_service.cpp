#include "modules/audit/consultation_service.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "core/korean_text.hpp"
#include "modules/audit/audit_permissions.hpp"
#include "modules/audit/consultation_rules.hpp"
#include "modules/audit/consultation_store.hpp"
#include "platform/accounts/account_store.hpp"
#include "platform/calendar/calendar_service.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/history/history.hpp"
#include "platform/notifications/notifications.hpp"
#include "platform/organizations/organization_store.hpp"
#include "platform/search/search_index.hpp"
#include "platform/web/params.hpp"

namespace sotong::audit {
namespace {

using consultation_store::ListQuery;

/// The organisations whose consultations `actor` may see: nullopt for all (the audit office), else the ids of
/// the actor's own subtree, asked of the platform's organisation store.
consultation_store::Organizations viewable_organizations(store::Connection& c, const platform::Policy& policy,
                                                         const Actor& actor) {
  const std::string path = viewable_path(policy, actor, kConsultationView);
  if (path.empty()) return std::nullopt;
  std::vector<std::int64_t> ids;
  for (const auto& o : platform::organization_store::list(c, {}))
    if (o.path.rfind(path, 0) == 0) ids.push_back(o.id);
  return ids;
}

std::map<std::int64_t, std::string> names_of(store::Connection& c, std::vector<std::int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return platform::account_store::display_names(c, ids);
}

/// Fills in the organisation's name and path and the people's names, from the platform's stores.
void describe(store::Connection& c, std::vector<Consultation>& records) {
  std::map<std::int64_t, platform::Organization> organizations;
  for (auto& o : platform::organization_store::list(c, {})) organizations.emplace(o.id, std::move(o));
  std::vector<std::int64_t> people;
  for (const auto& r : records) {
    people.push_back(r.asked_by);
    if (r.answered_by) people.push_back(*r.answered_by);
  }
  const auto names = names_of(c, people);
  auto name = [&](std::int64_t id) {
    auto it = names.find(id);
    return it == names.end() ? std::string() : it->second;
  };
  for (auto& r : records) {
    if (auto it = organizations.find(r.organization_id); it != organizations.end()) {
      r.organization_name = it->second.name;
      r.organization_path = it->second.path;
    }
    r.asked_by_name = name(r.asked_by);
    if (r.answered_by) r.answered_by_name = name(*r.answered_by);
  }
}

/// The whole file of one consultation: steps, experts and opinions with their people's names.
ConsultationFile load_file(store::Connection& c, Consultation record, bool with_opinions) {
  ConsultationFile f;
  f.steps = consultation_store::steps(c, record.id);
  f.experts = consultation_store::experts(c, record.id);
  if (with_opinions) f.opinions = consultation_store::opinions(c, record.id);
  f.opinions_visible = with_opinions;
  std::vector<std::int64_t> people;
  for (const auto& s : f.steps) people.push_back(s.moved_by);
  for (const auto& e : f.experts) people.push_back(e.account_id);
  for (const auto& o : f.opinions) people.push_back(o.account_id);
  const auto names = names_of(c, people);
  auto name = [&](std::int64_t id) {
    auto it = names.find(id);
    return it == names.end() ? std::string() : it->second;
  };
  for (auto& s : f.steps) s.moved_by_name = name(s.moved_by);
  for (auto& e : f.experts) e.name = name(e.account_id);
  for (auto& o : f.opinions) o.author_name = name(o.account_id);
  f.overdue = is_overdue(record.state, record.due_date, seoul_today());
  f.record = std::move(record);
  return f;
}

platform::history::Fields history_fields(const Consultation& r) {
  return {{"title", r.title},
          {"kind", code_of<ConsultationKind>(kConsultationKinds, r.kind)},
          {"state", consultation_state_code(r.state)},
          {"organization_id", r.organization_id},
          {"due_date", platform::calendar::format_date(r.due_date)},
          {"legal_basis", r.legal_basis}};
}

std::vector<std::int64_t> auditors(store::Connection& c) {
  platform::account_store::Filter filter;
  filter.role = Role::auditor;
  filter.active = true;
  std::vector<std::int64_t> out;
  for (const auto& a : platform::account_store::list(c, filter)) out.push_back(a.id);
  return out;
}

/// Loads the consultation inside a write and checks that the audit office may handle it.
Result<Consultation> handled(const platform::ServiceContext& svc, store::Connection& c, std::int64_t id) {
  auto found = find_consultation(c, id);
  if (!found || !may_reach(svc.policy, svc.actor, kConsultationView, found->organization_path))
    return Error::not_found(kConsultationNotFound);
  if (auto ok = svc.policy.check(svc.actor, kConsultationHandle, found->organization_path); !ok)
    return ok.error();
  return std::move(*found);
}

Result<ConsultationPage> page_of(const platform::ServiceContext& svc, ListQuery query,
                                 std::int64_t page_size) {
  return svc.db.read([&](store::Connection& c) -> Result<ConsultationPage> {
    ConsultationPage page;
    page.today = seoul_today();
    query.limit = page_size + 1;
    page.items = consultation_store::list(c, query);
    if (static_cast<std::int64_t>(page.items.size()) > page_size) {
      page.items.resize(static_cast<std::size_t>(page_size));
      page.next_before = page.items.back().id;
    }
    describe(c, page.items);
    return page;
  });
}

}  // namespace

std::string consultation_href(std::int64_t id) {
  return "/audit/consultations/" + std::to_string(id);
}

std::optional<Consultation> find_consultation(store::Connection& c, std::int64_t id) {
  auto found = consultation_store::find(c, id);
  if (!found) return std::nullopt;
  std::vector<Consultation> one{std::move(*found)};
  describe(c, one);
  return std::move(one.front());
}

Result<ConsultationPage> list_consultations(const platform::ServiceContext& svc,
                                            const ConsultationFilter& filter, std::int64_t before_id,
                                            std::int64_t page_size) {
  if (auto ok = svc.policy.check(svc.actor, kConsultationView, svc.actor.organization_path); !ok)
    return ok.error();
  ListQuery query;
  query.organizations =
      svc.db.read([&](store::Connection& c) { return viewable_organizations(c, svc.policy, svc.actor); });
  query.state = filter.state;
  query.kind = filter.kind;
  query.text = filter.text;
  query.open_only = filter.view == "open";
  if (filter.view == "overdue") query.overdue_on = platform::calendar::format_date(seoul_today());
  query.before_id = before_id;
  return page_of(svc, std::move(query), page_size);
}

Result<ConsultationPage> list_invited_consultations(const platform::ServiceContext& svc,
                                                    std::int64_t before_id, std::int64_t page_size) {
  if (auto ok = svc.policy.check(svc.actor, kConsultationAdvise, svc.actor.organization_path); !ok)
    return ok.error();
  ListQuery query;
  query.ids = svc.db.read(
      [&](store::Connection& c) { return consultation_store::invitations_of(c, svc.actor.account_id); });
  query.before_id = before_id;
  return page_of(svc, std::move(query), page_size);
}

Result<ConsultationFile> open_consultation(const platform::ServiceContext& svc, std::int64_t id) {
  return svc.db.read([&](store::Connection& c) -> Result<ConsultationFile> {
    auto found = find_consultation(c, id);
    if (!found || !may_reach(svc.policy, svc.actor, kConsultationView, found->organization_path))
      return Error::not_found(kConsultationNotFound);
    // The experts' notes are the audit office's working papers: the asker reads them only when the answer
    // shares them.
    const bool opinions = svc.policy.allows(svc.actor, kConsultationHandle) ||
                          (found->state == ConsultationState::notified && found->share_opinions);
    return load_file(c, std::move(*found), opinions);
  });
}

Result<ConsultationFile> open_invited_consultation(const platform::ServiceContext& svc, std::int64_t id) {
  return svc.db.read([&](store::Connection& c) -> Result<ConsultationFile> {
    auto found = find_consultation(c, id);
    if (!found || !may_reach(svc.policy, svc.actor, kConsultationAdvise, found->organization_path) ||
        !consultation_store::is_invited(c, id, svc.actor.account_id))
      return Error::not_found(kConsultationNotFound);
    return load_file(c, std::move(*found), true);
  });
}

Result<std::int64_t> ask_consultation(const platform::ServiceContext& svc, const ConsultationInput& input) {
  if (auto ok = svc.policy.check(svc.actor, kConsultationAsk, svc.actor.organization_path); !ok)
    return ok.error();
  auto valid = validate_consultation(input);
  if (!valid) return valid.error();
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    const Timestamp at = now();
    const CivilDate due = answer_due(platform::calendar::load(c), seoul_date(at));
    const auto id = consultation_store::insert(
        c, *valid, svc.actor.organization_id, platform::calendar::format_date(due), svc.actor.account_id, at);
    consultation_store::insert_step(c, id, std::nullopt, ConsultationState::requested, "",
                                    svc.actor.account_id, at);
    const auto created = find_consultation(c, id);
    if (!created) return Error::not_found(kConsultationNotFound);
    platform::history::record_change(
        c, svc.actor,
        {"audit_consultation", id, "create", "", platform::history::to_json(history_fields(*created))});
    index_consultation(c, *created);
    for (std::int64_t auditor : auditors(c))
      platform::notifications::notify(c, auditor, "새 감사 컨설팅 요청이 있습니다",
                                      created->organization_name + ": " + created->title + " (회신 기한 " +
                                          platform::calendar::format_date(due) + ")",
                                      consultation_href(id));
    return id;
  });
}

Result<std::string> move_consultation(const platform::ServiceContext& svc, std::int64_t id,
                                      const StepInput& input) {
  return svc.db.write([&](store::Connection& c) -> Result<std::string> {
    auto before = handled(svc, c, id);
    if (!before) return before.error();
    auto step = check_step(before->state, input);
    if (!step) return step.error();
    const auto [to, note] = *step;
    const Timestamp at = now();
    consultation_store::set_state(c, id, to, at);
    consultation_store::insert_step(c, id, before->state, to, note, svc.actor.account_id, at);
    auto after = *before;
    after.state = to;
    auto after_fields = history_fields(after);
    after_fields.emplace_back("note", note);
    platform::history::record_change(
        c, svc.actor,
        {"audit_consultation", id, "step", platform::history::to_json(history_fields(*before)),
         platform::history::to_json(after_fields)});
    index_consultation(c, after);
    const std::string label(consultation_state_label(to));
    platform::notifications::notify(c, before->asked_by, "감사 컨설팅이 ‘" + label + "’ 단계로 넘어갔습니다",
                                    before->title + (note.empty() ? "" : " — " + note),
                                    consultation_href(id));
    return "‘" + label + "’ 단계로 옮겼습니다.";
  });
}

Result<std::string> invite_consultation_expert(const platform::ServiceContext& svc, std::int64_t id,
                                               std::string_view account_id) {
  return svc.db.write([&](store::Connection& c) -> Result<std::string> {
    auto record = handled(svc, c, id);
    if (!record) return record.error();
    if (!may_invite_experts(record->state))
      return Error::conflict("전문가는 ‘분석·추출’ 단계에서 초청할 수 있습니다.");
    const auto expert_id = platform::parse_id(account_id);
    std::optional<platform::Account> expert;
    if (expert_id) expert = platform::account_store::find(c, *expert_id);
    if (!expert || !expert->active ||
        std::find(expert->roles.begin(), expert->roles.end(), Role::expert) == expert->roles.end())
      return Error::invalid("입력 내용을 확인해 주십시오.",
                            {{"expert", "초청할 전문가를 목록에서 골라 주십시오."}});
    if (!consultation_store::invite_expert(c, id, expert->id, svc.actor.account_id, now()))
      return Error::invalid(
          "입력 내용을 확인해 주십시오.",
          {{"expert", with_particle(expert->display_name, "은/는") + " 이미 초청했습니다."}});
    platform::history::record_change(
        c, svc.actor,
        {"audit_consultation", id, "invite", "", platform::history::to_json({{"expert_id", expert->id}})});
    platform::notifications::notify(c, expert->id, "감사 컨설팅 분석에 초청되었습니다",
                                    record->title + " — 분석 의견을 남겨 주십시오.",
                                    "/audit/advice/" + std::to_string(id));
    return with_particle(expert->display_name, "을/를") + " 초청했습니다.";
  });
}

Result<void> add_consultation_opinion(const platform::ServiceContext& svc, std::int64_t id,
                                      std::string_view body) {
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto record = find_consultation(c, id);
    if (!record) return Error::not_found(kConsultationNotFound);
    const bool office = may_reach(svc.policy, svc.actor, kConsultationHandle, record->organization_path);
    const bool invited = may_reach(svc.policy, svc.actor, kConsultationAdvise, record->organization_path) &&
                         consultation_store::is_invited(c, id, svc.actor.account_id);
    if (!office && !invited) return Error::not_found(kConsultationNotFound);
    if (!may_add_opinion(record->state))
      return Error::conflict("분석 의견은 ‘분석·추출’과 ‘분석자료 확인’ 단계에서 남길 수 있습니다.");
    auto text = validate_opinion(body);
    if (!text) return text.error();
    consultation_store::insert_opinion(c, id, svc.actor.account_id, *text, now());
    platform::history::record_change(c, svc.actor,
                                     {"audit_consultation", id, "opinion", "",
                                      platform::history::to_json({{"opinion_by", svc.actor.account_id}})});
    return success();
  });
}

Result<void> answer_consultation(const platform::ServiceContext& svc, std::int64_t id,
                                 const AnswerInput& input) {
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto before = handled(svc, c, id);
    if (!before) return before.error();
    auto valid = validate_answer(before->state, input);
    if (!valid) return valid.error();
    const Timestamp at = now();
    consultation_store::set_answer(c, id, *valid, svc.actor.account_id, at);
    consultation_store::insert_step(c, id, before->state, ConsultationState::notified, "",
                                    svc.actor.account_id, at);
    const auto after = find_consultation(c, id);
    if (!after) return Error::not_found(kConsultationNotFound);
    platform::history::record_change(
        c, svc.actor,
        {"audit_consultation", id, "answer", platform::history::to_json(history_fields(*before)),
         platform::history::to_json(history_fields(*after))});
    index_consultation(c, *after);
    platform::notifications::notify(c, before->asked_by, "감사 컨설팅 결과가 통보되었습니다",
                                    before->title + " (법적 근거: " + valid->legal_basis + ")",
                                    consultation_href(id));
    return success();
  });
}

std::vector<AccountChoice> expert_choices(store::Connection& c) {
  platform::account_store::Filter filter;
  filter.role = Role::expert;
  filter.active = true;
  std::vector<AccountChoice> out;
  for (const auto& a : platform::account_store::list(c, filter)) out.push_back({a.id, a.display_name});
  return out;
}

bool may_view_consultation(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                           std::int64_t id) {
  const auto record = find_consultation(c, id);
  if (!record) return false;
  if (may_reach(policy, actor, kConsultationView, record->organization_path)) return true;
  return may_reach(policy, actor, kConsultationAdvise, record->organization_path) &&
         consultation_store::is_invited(c, id, actor.account_id);
}

bool may_change_consultation_files(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                                   std::int64_t id) {
  const auto record = find_consultation(c, id);
  if (!record) return false;
  if (may_reach(policy, actor, kConsultationHandle, record->organization_path)) return true;
  return record->state != ConsultationState::notified &&
         may_reach(policy, actor, kConsultationAsk, record->organization_path);
}

std::int64_t count_waiting_consultations(store::Connection& c, bool overdue_only) {
  ListQuery q;
  q.open_only = true;
  if (overdue_only) q.overdue_on = platform::calendar::format_date(seoul_today());
  return consultation_store::count(c, q);
}

std::int64_t count_expert_invitations(store::Connection& c, std::int64_t account_id) {
  ListQuery q;
  q.ids = consultation_store::invitations_of(c, account_id);
  q.open_only = true;
  return consultation_store::count(c, q);
}

void index_consultation(store::Connection& c, const Consultation& r) {
  std::string body =
      r.organization_name + " " + std::string(consultation_kind_label(r.kind)) + " " + r.question;
  if (!r.law.empty()) body += " " + r.law;
  if (!r.legal_basis.empty()) body += " " + r.legal_basis + " " + r.answer;
  // Found only by those who may open it: the view action within the asking organisation.
  platform::search::index(c, {kConsultationSource, r.id, r.title, body, consultation_href(r.id),
                              kConsultationView, r.organization_path, r.updated_at});
}

void reindex_consultations(store::Connection& c) {
  ListQuery query;
  query.limit = 500;
  for (;;) {
    auto batch = consultation_store::list(c, query);
    describe(c, batch);
    for (const auto& r : batch) index_consultation(c, r);
    if (static_cast<std::int64_t>(batch.size()) < query.limit) return;
    query.before_id = batch.back().id;
  }
}

}  // namespace sotong::audit
