#include "modules/audit/audit_case_service.hpp"

#include <algorithm>
#include <utility>

#include "modules/audit/audit_case_rules.hpp"
#include "modules/audit/audit_case_store.hpp"
#include "modules/audit/audit_permissions.hpp"
#include "modules/audit/consultation_anonymise.hpp"
#include "modules/audit/consultation_service.hpp"
#include "modules/audit/consultation_store.hpp"
#include "platform/accounts/account_store.hpp"
#include "platform/history/history.hpp"
#include "platform/organizations/organization_store.hpp"
#include "platform/search/search_index.hpp"
#include "platform/web/params.hpp"

namespace sotong::audit {
namespace {

void describe(store::Connection& c, std::vector<AuditCase>& entries) {
  std::vector<std::int64_t> ids;
  for (const auto& e : entries) ids.push_back(e.created_by);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  const auto names = platform::account_store::display_names(c, ids);
  for (auto& e : entries)
    if (auto it = names.find(e.created_by); it != names.end()) e.created_by_name = it->second;
}

std::optional<AuditCase> find_described(store::Connection& c, std::int64_t id) {
  auto found = audit_case_store::find(c, id);
  if (!found) return std::nullopt;
  std::vector<AuditCase> one{std::move(*found)};
  describe(c, one);
  return std::move(one.front());
}

platform::history::Fields history_fields(const AuditCase& e) {
  return {{"title", e.title},
          {"case_type", case_type_code(e.case_type)},
          {"area", case_area_code(e.area)},
          {"legal_basis", e.legal_basis},
          {"year", e.year},
          {"consultation_id", e.consultation_id}};
}

int this_year() {
  return seoul_today().year;
}

/// Everything that would identify a consultation: the asking organisation and every person on it.
IdentifyingNames identifying_names(store::Connection& c, const Consultation& r) {
  IdentifyingNames out;
  out.organizations.push_back(r.organization_name);
  // A division's request names its 시·군 or bureau too: every organisation on the path but the province (the
  // root), which names no one.
  std::size_t start = r.organization_path.find('/', 1);
  while (start != std::string::npos && start + 1 < r.organization_path.size()) {
    const std::size_t end = r.organization_path.find('/', start + 1);
    if (end == std::string::npos) break;
    const auto id =
        platform::parse_id(std::string_view(r.organization_path).substr(start + 1, end - start - 1));
    if (id && *id != r.organization_id)
      if (auto o = platform::organization_store::find(c, *id)) out.organizations.push_back(o->name);
    start = end;
  }
  std::vector<std::int64_t> people = {r.asked_by};
  if (r.answered_by) people.push_back(*r.answered_by);
  for (const auto& s : consultation_store::steps(c, r.id)) people.push_back(s.moved_by);
  for (const auto& e : consultation_store::experts(c, r.id)) people.push_back(e.account_id);
  for (const auto& o : consultation_store::opinions(c, r.id)) people.push_back(o.account_id);
  std::sort(people.begin(), people.end());
  people.erase(std::unique(people.begin(), people.end()), people.end());
  for (const auto& [id, name] : platform::account_store::display_names(c, people)) out.people.push_back(name);
  return out;
}

/// The consultation a case is drafted from: the audit office's, notified, and not in the library yet.
Result<Consultation> consultation_for_case(const platform::ServiceContext& svc, store::Connection& c,
                                           std::int64_t consultation_id) {
  auto record = find_consultation(c, consultation_id);
  if (!record || !may_reach(svc.policy, svc.actor, kConsultationView, record->organization_path))
    return Error::not_found(kConsultationNotFound);
  if (record->state != ConsultationState::notified)
    return Error::conflict("결과를 통보한 감사 컨설팅만 사례로 등록할 수 있습니다.");
  if (record->case_id) return Error::conflict("이미 감사사례로 등록한 컨설팅입니다.");
  return std::move(*record);
}

}  // namespace

std::string case_href(std::int64_t id) {
  return "/audit/cases/" + std::to_string(id);
}

Result<AuditCasePage> list_cases(const platform::ServiceContext& svc, const AuditCaseFilter& filter,
                                 std::int64_t before_id, std::int64_t page_size) {
  if (auto ok = svc.policy.check(svc.actor, kCaseView, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.read([&](store::Connection& c) -> Result<AuditCasePage> {
    audit_case_store::ListQuery q{filter.case_type, filter.area, filter.text, before_id, page_size + 1};
    AuditCasePage page;
    page.items = audit_case_store::list(c, q);
    if (static_cast<std::int64_t>(page.items.size()) > page_size) {
      page.items.resize(static_cast<std::size_t>(page_size));
      page.next_before = page.items.back().id;
    }
    describe(c, page.items);
    return page;
  });
}

Result<AuditCase> get_case(const platform::ServiceContext& svc, std::int64_t id) {
  if (auto ok = svc.policy.check(svc.actor, kCaseView, svc.actor.organization_path); !ok) return ok.error();
  auto found = svc.db.read([&](store::Connection& c) { return find_described(c, id); });
  if (!found) return Error::not_found(kCaseNotFound);
  return std::move(*found);
}

Result<std::int64_t> create_case(const platform::ServiceContext& svc, const AuditCaseInput& input) {
  if (auto ok = svc.policy.check(svc.actor, kCaseManage, svc.actor.organization_path); !ok) return ok.error();
  auto valid = validate_audit_case(input, this_year());
  if (!valid) return valid.error();
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    const auto id = audit_case_store::insert(c, *valid, std::nullopt, svc.actor.account_id, now());
    const auto created = find_described(c, id);
    if (!created) return Error::not_found(kCaseNotFound);
    platform::history::record_change(
        c, svc.actor, {"audit_case", id, "create", "", platform::history::to_json(history_fields(*created))});
    index_case(c, *created);
    return id;
  });
}

Result<void> update_case(const platform::ServiceContext& svc, std::int64_t id, const AuditCaseInput& input) {
  if (auto ok = svc.policy.check(svc.actor, kCaseManage, svc.actor.organization_path); !ok) return ok.error();
  auto valid = validate_audit_case(input, this_year());
  if (!valid) return valid.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    const auto before = find_described(c, id);
    if (!before) return Error::not_found(kCaseNotFound);
    audit_case_store::update(c, id, *valid, now());
    const auto after = find_described(c, id);
    if (!after) return Error::not_found(kCaseNotFound);
    platform::history::record_change(
        c, svc.actor,
        {"audit_case", id, "update", platform::history::to_json(history_fields(*before)),
         platform::history::to_json(history_fields(*after))});
    index_case(c, *after);
    return success();
  });
}

Result<CaseDraft> draft_case_from_consultation(const platform::ServiceContext& svc,
                                               std::int64_t consultation_id) {
  if (auto ok = svc.policy.check(svc.actor, kCaseManage, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.read([&](store::Connection& c) -> Result<CaseDraft> {
    auto record = consultation_for_case(svc, c, consultation_id);
    if (!record) return record.error();
    CaseDraft draft;
    draft.input = draft_case(*record, identifying_names(c, *record));
    draft.consultation = std::move(*record);
    return draft;
  });
}

Result<std::int64_t> register_case_from_consultation(const platform::ServiceContext& svc,
                                                     std::int64_t consultation_id,
                                                     const AuditCaseInput& input) {
  if (auto ok = svc.policy.check(svc.actor, kCaseManage, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    auto record = consultation_for_case(svc, c, consultation_id);
    if (!record) return record.error();
    auto valid = validate_audit_case(input, this_year());
    if (!valid) return valid.error();
    if (auto clean = check_anonymous(*valid, identifying_names(c, *record)); !clean) return clean.error();
    const Timestamp at = now();
    const auto id = audit_case_store::insert(c, *valid, record->id, svc.actor.account_id, at);
    consultation_store::set_case(c, record->id, id, at);
    const auto created = find_described(c, id);
    if (!created) return Error::not_found(kCaseNotFound);
    platform::history::record_change(
        c, svc.actor, {"audit_case", id, "create", "", platform::history::to_json(history_fields(*created))});
    platform::history::record_change(
        c, svc.actor,
        {"audit_consultation", record->id, "case", "", platform::history::to_json({{"case_id", id}})});
    index_case(c, *created);
    return id;
  });
}

void index_case(store::Connection& c, const AuditCase& e) {
  const std::string body = std::string(case_type_label(e.case_type)) + " " +
                           std::string(case_area_label(e.area)) + " " + e.legal_basis + " " + e.summary +
                           " " + e.prevention;
  // Every official reads the library: the view action is everywhere, so the path is the province's root.
  platform::search::index(c,
                          {kCaseSource, e.id, e.title, body, case_href(e.id), kCaseView, "/", e.updated_at});
}

void reindex_cases(store::Connection& c) {
  audit_case_store::ListQuery q;
  q.limit = 500;
  for (;;) {
    auto batch = audit_case_store::list(c, q);
    for (const auto& e : batch) index_case(c, e);
    if (static_cast<std::int64_t>(batch.size()) < q.limit) return;
    q.before_id = batch.back().id;
  }
}

}  // namespace sotong::audit
