#include "modules/audit/disclosure_service.hpp"

#include <string>
#include <utility>

#include "modules/audit/audit_permissions.hpp"
#include "modules/audit/disclosure_rules.hpp"
#include "modules/audit/disclosure_store.hpp"
#include "platform/accounts/account_store.hpp"
#include "platform/attachments/attachments.hpp"
#include "platform/history/history.hpp"
#include "platform/notifications/notifications.hpp"
#include "platform/organizations/organization_store.hpp"

namespace sotong::audit {
namespace {

/// Only the audit office may know a filing exists: any refusal reads as "not found".
Result<void> require_reader(const platform::ServiceContext& svc) {
  if (!svc.policy.allows(svc.actor, kDisclosureRead)) return Error::not_found(kDisclosureNotFound);
  return {};
}

std::string account_name(store::Connection& c, std::int64_t id) {
  if (id == 0) return {};
  const auto account = platform::account_store::find(c, id);
  return account ? account->display_name : std::string();
}

/// Fills in the organisation's name and path and the people's names from the platform's stores.
void describe(store::Connection& c, Disclosure& d) {
  if (const auto o = platform::organization_store::find(c, d.organization_id)) {
    d.organization_name = o->name;
    d.organization_path = o->path;
  }
  d.filed_by_name = account_name(c, d.filed_by);
  d.decided_by_name = account_name(c, d.decided_by);
}

void describe(store::Connection& c, std::vector<Disclosure>& list) {
  std::map<std::int64_t, platform::Organization> organizations;
  for (auto& o : platform::organization_store::list(c, {})) organizations.emplace(o.id, std::move(o));
  std::map<std::int64_t, std::string> names;
  const auto name = [&](std::int64_t id) {
    auto [it, added] = names.try_emplace(id);
    if (added) it->second = account_name(c, id);
    return it->second;
  };
  for (auto& d : list) {
    if (auto it = organizations.find(d.organization_id); it != organizations.end()) {
      d.organization_name = it->second.name;
      d.organization_path = it->second.path;
    }
    d.filed_by_name = name(d.filed_by);
    d.decided_by_name = name(d.decided_by);
  }
}

/// What the change history keeps of a filing: its state only. The matter, the text, the amount, the
/// organisation and the decision itself stay in the audit office's own table.
std::string history_state(DisclosureState state) {
  return platform::history::to_json(
      {{"state", std::string(code_of<DisclosureState>(kDisclosureStates, state))}});
}

/// The uploaded files that carry something: a browser sends an empty part when no file was chosen.
std::vector<http::MultipartFile> chosen_files(const std::vector<http::MultipartFile>& files) {
  std::vector<http::MultipartFile> out;
  for (const auto& f : files)
    if (!f.file_name.empty() || !f.content.empty()) out.push_back(f);
  return out;
}

}  // namespace

Result<DisclosureReceipt> file_disclosure(const platform::ServiceContext& svc, const DisclosureInput& input,
                                          const std::vector<http::MultipartFile>& files) {
  // The filing belongs to the actor's organisation, so that is the path the scoped action is checked on.
  if (auto ok = svc.policy.check(svc.actor, kDisclosureFile, svc.actor.organization_path); !ok)
    return ok.error();
  const Timestamp at = now();
  auto valid = validate_disclosure(input, seoul_date(at));
  if (!valid) return valid.error();
  const auto documents = chosen_files(files);
  return svc.db.write([&](store::Connection& c) -> Result<DisclosureReceipt> {
    const auto id = disclosure_store::insert(c, *valid, svc.actor.organization_id, svc.actor.account_id, at,
                                             seoul_date(at).year);
    if (!documents.empty()) {
      auto stored = platform::attachments::store(c, svc.actor, kDisclosureOwner, id, documents);
      if (!stored) {
        // Beside the file field, and the whole filing rolls back with it.
        const std::string message = stored.error().message;
        return Error::invalid("첨부 서류를 확인해 주십시오.", {{"files", message}});
      }
    }
    platform::history::record_change(
        c, svc.actor, {kDisclosureRecord, id, "create", "", history_state(DisclosureState::pending)});
    // Nothing of a filing is indexed for search: no search document is written.
    return DisclosureReceipt{id, receipt_number(id, at), at};
  });
}

Result<DisclosurePage> list_disclosures(const platform::ServiceContext& svc, const DisclosureFilter& filter,
                                        std::int64_t before_id, std::int64_t page_size) {
  if (auto ok = require_reader(svc); !ok) return ok.error();
  return svc.db.read([&](store::Connection& c) -> Result<DisclosurePage> {
    DisclosurePage page;
    page.items = disclosure_store::list(c, {filter, before_id, page_size + 1});
    if (static_cast<std::int64_t>(page.items.size()) > page_size) {
      page.items.resize(static_cast<std::size_t>(page_size));
      page.next_before = page.items.back().id;
    }
    describe(c, page.items);
    return page;
  });
}

Result<std::vector<Disclosure>> export_disclosures(const platform::ServiceContext& svc,
                                                   const DisclosureFilter& filter) {
  if (auto ok = require_reader(svc); !ok) return ok.error();
  return svc.db.read([&](store::Connection& c) -> Result<std::vector<Disclosure>> {
    auto all = disclosure_store::list(c, {filter, 0, kDisclosureExportLimit});
    describe(c, all);
    return all;
  });
}

Result<Disclosure> get_disclosure(const platform::ServiceContext& svc, std::int64_t id) {
  if (auto ok = require_reader(svc); !ok) return ok.error();
  auto found = svc.db.read([&](store::Connection& c) -> std::optional<Disclosure> {
    auto d = disclosure_store::find(c, id);
    if (d) describe(c, *d);
    return d;
  });
  if (!found) return Error::not_found(kDisclosureNotFound);
  return std::move(*found);
}

Result<Disclosure> decide_disclosure(const platform::ServiceContext& svc, std::int64_t id,
                                     const DecisionInput& input) {
  if (auto ok = require_reader(svc); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<Disclosure> {
    auto before = disclosure_store::find(c, id);
    if (!before) return Error::not_found(kDisclosureNotFound);
    if (auto ok = may_decide(before->state()); !ok) return ok.error();
    auto valid = validate_decision(input);
    if (!valid) return valid.error();
    const Timestamp at = now();
    if (!disclosure_store::decide(c, id, *valid, svc.actor.account_id, at))
      return Error::conflict("이미 결정한 자진신고입니다.");
    platform::history::record_change(
        c, svc.actor,
        {kDisclosureRecord, id, "decide", history_state(DisclosureState::pending),
         history_state(DisclosureState::decided)});
    // The filer learns that a decision was made, never what it is: the audit office tells them itself.
    const std::string number = receipt_number(id, before->filed_at);
    platform::notifications::notify(
        c, before->filed_by, "자진신고 결과가 정해졌습니다",
        "접수번호 " + number + " 자진신고의 처리가 끝났습니다. 감사관실이 결과를 따로 알려 드립니다.",
        "/audit/disclosures/figures");
    auto after = disclosure_store::find(c, id);
    if (!after) return Error::not_found(kDisclosureNotFound);
    describe(c, *after);
    return std::move(*after);
  });
}

Result<std::vector<DisclosureYearCount>> disclosure_figures(const platform::ServiceContext& svc) {
  if (auto ok = svc.policy.check(svc.actor, kDisclosureFigures); !ok) return ok.error();
  return svc.db.read([&](store::Connection& c) -> Result<std::vector<DisclosureYearCount>> {
    return year_counts(disclosure_store::count_by_year_and_decision(c));
  });
}

std::int64_t count_pending_disclosures(store::Connection& c) {
  return disclosure_store::count_pending(c);
}

}  // namespace sotong::audit
