#include "modules/audit/field_audit_service.hpp"

#include <map>
#include <optional>
#include <string>
#include <utility>

#include "modules/audit/field_audit_store.hpp"
#include "platform/accounts/account_store.hpp"
#include "platform/history/history.hpp"
#include "platform/organizations/organization_store.hpp"
#include "platform/search/search_index.hpp"

namespace sotong::audit {
namespace {

/// The organisations whose records `actor` may see: nullopt for all of them (a province-wide role), else the
/// ids of the actor's own subtree. Asked of the platform's organisation store: its tables are not ours to
/// read.
field_audit_store::Organizations viewable_organizations(store::Connection& c, const platform::Policy& policy,
                                                        const Actor& actor) {
  const std::string path = viewable_path(policy, actor, kFieldView);
  if (path.empty()) return std::nullopt;
  std::vector<std::int64_t> ids;
  for (const auto& o : platform::organization_store::list(c, {}))
    if (o.path.rfind(path, 0) == 0) ids.push_back(o.id);
  return ids;
}

/// Fills in what the platform keeps about each record — its organisation's name and path (which decides who
/// may see it) and its author's name — through the platform's stores, one query per distinct author.
void describe(store::Connection& c, std::vector<FieldAudit>& records) {
  std::map<std::int64_t, platform::Organization> organizations;
  for (auto& o : platform::organization_store::list(c, {})) organizations.emplace(o.id, std::move(o));
  std::map<std::int64_t, std::string> authors;
  for (auto& r : records) {
    if (auto it = organizations.find(r.organization_id); it != organizations.end()) {
      r.organization_name = it->second.name;
      r.organization_path = it->second.path;
    }
    auto [author, added] = authors.try_emplace(r.created_by);
    if (added) {
      if (auto account = platform::account_store::find(c, r.created_by))
        author->second = account->display_name;
    }
    r.created_by_name = author->second;
  }
}

std::optional<FieldAudit> find_described(store::Connection& c, std::int64_t id) {
  auto found = field_audit_store::find(c, id);
  if (!found) return std::nullopt;
  std::vector<FieldAudit> one{std::move(*found)};
  describe(c, one);
  return std::move(one.front());
}

/// The fields the change history keeps of a record.
platform::history::Fields history_fields(const FieldAudit& record) {
  return {{"title", record.title}, {"organization_id", record.organization_id}};
}

std::string detail_url(std::int64_t id) {
  return "/audit/" + std::to_string(id);
}

}  // namespace

Result<FieldAuditPage> list_audit(const platform::ServiceContext& svc, std::int64_t before_id,
                                  std::int64_t page_size) {
  // A list has no single record: checking the actor's own organisation asks "may this role view here at all"
  // without letting a scoped actor past its subtree, which the query then enforces.
  if (auto ok = svc.policy.check(svc.actor, kFieldView, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.read([&](store::Connection& c) -> Result<FieldAuditPage> {
    const field_audit_store::ListQuery query{viewable_organizations(c, svc.policy, svc.actor), before_id,
                                             page_size + 1};
    FieldAuditPage page;
    page.items = field_audit_store::list(c, query);
    // One row more than a page tells whether another page follows.
    if (static_cast<std::int64_t>(page.items.size()) > page_size) {
      page.items.resize(static_cast<std::size_t>(page_size));
      page.next_before = page.items.back().id;
    }
    describe(c, page.items);
    return page;
  });
}

Result<FieldAudit> get_field_audit(const platform::ServiceContext& svc, std::int64_t id) {
  auto found = svc.db.read([&](store::Connection& c) { return find_described(c, id); });
  if (!found || !may_reach(svc.policy, svc.actor, kFieldView, found->organization_path))
    return Error::not_found(kNotFound);
  return std::move(*found);
}

Result<std::int64_t> create_field_audit(const platform::ServiceContext& svc, const FieldAuditInput& input) {
  // The new record belongs to the actor's organisation, so that is the path the scoped action is checked on.
  if (auto ok = svc.policy.check(svc.actor, kFieldManage, svc.actor.organization_path); !ok)
    return ok.error();
  auto valid = validate_field_audit(input);
  if (!valid) return valid.error();
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    const auto id =
        field_audit_store::insert(c, *valid, svc.actor.organization_id, svc.actor.account_id, now());
    const auto created = find_described(c, id);
    if (!created) return Error::not_found(kNotFound);  // cannot happen inside this transaction; roll back
    // History and search in the same transaction as the insert: all three commit, or none does.
    platform::history::record_change(
        c, svc.actor,
        {"field_audit", id, "create", "", platform::history::to_json(history_fields(*created))});
    index_for_search(c, *created);
    return id;
  });
}

std::int64_t count_viewable(store::Connection& c, const platform::Policy& policy, const Actor& actor) {
  return field_audit_store::count(c, viewable_organizations(c, policy, actor));
}

void index_for_search(store::Connection& c, const FieldAudit& record) {
  // Found only by those who may open it: the view action, within the record's organisation.
  platform::search::index(
      c, {"audit", record.id, record.title, record.organization_name, detail_url(record.id), kFieldView,
          record.organization_path, record.created_at});
}

void reindex_search(store::Connection& c) {
  // By keyset pages, so that a large table is never held in memory at once.
  field_audit_store::ListQuery query{std::nullopt, 0, 500};
  for (;;) {
    auto batch = field_audit_store::list(c, query);
    describe(c, batch);
    for (const auto& record : batch) index_for_search(c, record);
    if (static_cast<std::int64_t>(batch.size()) < query.limit) return;
    query.before_id = batch.back().id;
  }
}

}  // namespace sotong::audit
