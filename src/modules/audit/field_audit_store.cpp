#include "modules/audit/field_audit_store.hpp"

#include <string>

namespace sotong::audit::field_audit_store {
namespace {

constexpr const char* kSelect =
    "SELECT id, organization_id, title, created_by, created_at FROM audit_field_audits ";

FieldAudit from_row(const store::Row& row) {
  FieldAudit r;
  r.id = row.int64(0);
  r.organization_id = row.int64(1);
  r.title = row.text(2);
  r.created_by = row.int64(3);
  r.created_at = row.int64(4);
  return r;
}

/// Narrows to the given organisations with one placeholder each (portable: no array parameters).
void add_organizations(std::string& sql, store::Params& params, const Organizations& organizations) {
  if (!organizations) return;
  if (organizations->empty()) {
    sql += " AND 1 = 0";
    return;
  }
  sql += " AND organization_id IN (";
  for (std::size_t i = 0; i < organizations->size(); ++i) {
    sql += i == 0 ? "?" : ", ?";
    params.emplace_back((*organizations)[i]);
  }
  sql += ")";
}

}  // namespace

std::vector<FieldAudit> list(store::Connection& c, const ListQuery& query) {
  std::string sql = std::string(kSelect) + "WHERE 1 = 1";
  store::Params params;
  add_organizations(sql, params, query.organizations);
  if (query.before_id > 0) {
    sql += " AND id < ?";
    params.emplace_back(query.before_id);
  }
  // Keyset paging (never OFFSET): a deep page costs the same as the first.
  sql += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(query.limit);
  std::vector<FieldAudit> out;
  for (const auto& row : c.query(sql, params)) out.push_back(from_row(row));
  return out;
}

std::optional<FieldAudit> find(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kSelect) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return from_row(rows.front());
}

std::int64_t count(store::Connection& c, const Organizations& organizations) {
  std::string sql = "SELECT COUNT(*) FROM audit_field_audits WHERE 1 = 1";
  store::Params params;
  add_organizations(sql, params, organizations);
  return c.scalar(sql, params);
}

std::vector<std::pair<std::int64_t, std::int64_t>> count_created_per_organization(store::Connection& c,
                                                                                  Timestamp from,
                                                                                  Timestamp to) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& row : c.query("SELECT organization_id, COUNT(*) FROM audit_field_audits WHERE created_at "
                                 ">= ? AND created_at < ? "
                                 "GROUP BY organization_id ORDER BY organization_id",
                                 {from, to}))
    out.emplace_back(row.int64(0), row.int64(1));
  return out;
}

std::int64_t insert(store::Connection& c, const ValidFieldAudit& record, std::int64_t organization_id,
                    std::int64_t created_by, Timestamp created_at) {
  return c
      .query(
          "INSERT INTO audit_field_audits (organization_id, title, created_by, created_at) VALUES (?, ?, ?, "
          "?) RETURNING "
          "id",
          {organization_id, record.title, created_by, created_at})
      .front()
      .int64(0);
}

}  // namespace sotong::audit::field_audit_store
