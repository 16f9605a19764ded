#include "platform/organizations/organization_store.hpp"

#include "platform/cache/data_version.hpp"

namespace sotong::platform::organization_store {
namespace {
constexpr const char* kColumns =
    "SELECT o.id, o.code, o.name, o.kind, o.parent_id, COALESCE(p.name, ''), o.path, o.sort_order, o.active, "
    "o.created_at, o.updated_at FROM organizations o LEFT JOIN organizations p ON p.id = o.parent_id ";

Organization from_row(const store::Row& r) {
  Organization o;
  o.id = r.int64(0);
  o.code = r.text(1);
  o.name = r.text(2);
  o.kind = kind_from_code(r.text(3)).value_or(OrganizationKind::agency);
  o.parent_id = r.optional_int64(4);
  o.parent_name = r.text(5);
  o.path = r.text(6);
  o.sort_order = r.int64(7);
  o.active = r.boolean(8);
  o.created_at = r.int64(9);
  o.updated_at = r.int64(10);
  return o;
}
}  // namespace

std::vector<Organization> list(store::Connection& c, const Filter& f) {
  std::string sql = std::string(kColumns) + "WHERE 1 = 1";
  store::Params params;
  if (f.kind) {
    sql += " AND o.kind = ?";
    params.emplace_back(kind_code(*f.kind));
  }
  if (f.active) {
    sql += " AND o.active = ?";
    params.emplace_back(*f.active ? 1 : 0);
  }
  if (!f.text.empty()) {
    sql += " AND (o.name LIKE ? OR o.code LIKE ?)";
    const std::string like = "%" + f.text + "%";
    params.emplace_back(like);
    params.emplace_back(like);
  }
  // Province first, then bureaus, 시·군 … in the administrator's chosen order.
  sql +=
      " ORDER BY CASE o.kind WHEN 'province' THEN 0 WHEN 'bureau' THEN 1 WHEN 'division' THEN 2 "
      "WHEN 'municipality' THEN 3 WHEN 'department' THEN 4 ELSE 5 END, o.sort_order, o.code";
  std::vector<Organization> out;
  for (const auto& r : c.query(sql, params)) out.push_back(from_row(r));
  return out;
}

std::optional<Organization> find(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kColumns) + "WHERE o.id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return from_row(rows.front());
}

std::optional<Organization> find_by_code(store::Connection& c, std::string_view code) {
  auto rows = c.query(std::string(kColumns) + "WHERE o.code = ?", {code});
  if (rows.empty()) return std::nullopt;
  return from_row(rows.front());
}

std::vector<FormerName> former_names(store::Connection& c, std::int64_t id) {
  std::vector<FormerName> out;
  for (const auto& r :
       c.query("SELECT n.name, n.valid_until, n.reason, COALESCE(n.changed_by, 0) FROM organization_names n "
               "WHERE n.organization_id = ? ORDER BY n.valid_until DESC, n.id DESC",
               {id})) {
    out.push_back({r.text(0), r.int64(1), r.text(2), r.int64(3), ""});
  }
  return out;
}

std::int64_t count_active_children(store::Connection& c, std::int64_t id) {
  return c.scalar("SELECT COUNT(*) FROM organizations WHERE parent_id = ? AND active = 1", {id});
}

std::int64_t insert(store::Connection& c, const ValidOrganization& v, const std::string& parent_path,
                    Timestamp now) {
  const auto id =
      c.query(
           "INSERT INTO organizations (code, name, kind, parent_id, path, sort_order, active, created_at, "
           "updated_at) VALUES (?, ?, ?, ?, '', ?, 1, ?, ?) RETURNING id",
           {v.code, v.name, kind_code(v.kind), v.parent_id, v.sort_order, now, now})
          .front()
          .int64(0);
  c.execute("UPDATE organizations SET path = ? WHERE id = ?",
            {(parent_path.empty() ? "/" : parent_path) + std::to_string(id) + "/", id});
  data_version::bump(c, kDataVersion);
  return id;
}

void update(store::Connection& c, const Organization& before, const ValidOrganization& v,
            const std::string& parent_path, std::int64_t actor_id, Timestamp now) {
  if (before.name != v.name) {
    c.execute(
        "INSERT INTO organization_names (organization_id, name, valid_until, changed_by, reason) VALUES (?, "
        "?, ?, ?, ?)",
        {before.id, before.name, now, actor_id, v.rename_reason});
  }
  const std::string path = (parent_path.empty() ? "/" : parent_path) + std::to_string(before.id) + "/";
  c.execute(
      "UPDATE organizations SET code = ?, name = ?, kind = ?, parent_id = ?, sort_order = ?, updated_at = ? "
      "WHERE id = ?",
      {v.code, v.name, kind_code(v.kind), v.parent_id, v.sort_order, now, before.id});
  if (path != before.path) {
    // Every descendant's path starts with the old path: swap that prefix for the new one.
    c.execute(
        "UPDATE organizations SET path = CAST(? AS TEXT) || substr(path, ?) WHERE substr(path, 1, ?) = ?",
        {path, static_cast<std::int64_t>(before.path.size()) + 1,
         static_cast<std::int64_t>(before.path.size()), before.path});
  }
  data_version::bump(c, kDataVersion);
}

void set_active(store::Connection& c, std::int64_t id, bool active, Timestamp now) {
  c.execute("UPDATE organizations SET active = ?, updated_at = ? WHERE id = ?", {active ? 1 : 0, now, id});
  data_version::bump(c, kDataVersion);
}

}  // namespace sotong::platform::organization_store
