#include "modules/audit/audit_case_store.hpp"

#include "store/conditions.hpp"

namespace sotong::audit::audit_case_store {
namespace {

constexpr const char* kSelect =
    "SELECT id, title, case_type, area, legal_basis, summary, prevention, year, consultation_id, created_by, "
    "created_at, updated_at FROM audit_cases ";

AuditCase from_row(const store::Row& row) {
  AuditCase r;
  r.id = row.int64(0);
  r.title = row.text(1);
  r.case_type = from_code<CaseType>(kCaseTypes, row.text(2)).value_or(CaseType::other);
  r.area = from_code<CaseArea>(kCaseAreas, row.text(3)).value_or(CaseArea::general);
  r.legal_basis = row.text(4);
  r.summary = row.text(5);
  r.prevention = row.text(6);
  r.year = static_cast<int>(row.int64(7));
  r.consultation_id = row.optional_int64(8);
  r.created_by = row.int64(9);
  r.created_at = row.int64(10);
  r.updated_at = row.int64(11);
  return r;
}

store::Conditions filters(const ListQuery& q) {
  store::Conditions where;
  if (q.case_type) where.add("case_type = ?", {std::string(code_of<CaseType>(kCaseTypes, *q.case_type))});
  if (q.area) where.add("area = ?", {std::string(code_of<CaseArea>(kCaseAreas, *q.area))});
  if (!q.text.empty()) {
    const std::string like = "%" + q.text + "%";
    where.add("(title LIKE ? OR summary LIKE ? OR prevention LIKE ? OR legal_basis LIKE ?)",
              {like, like, like, like});
  }
  return where;
}

}  // namespace

std::vector<AuditCase> list(store::Connection& c, const ListQuery& query) {
  auto where = filters(query);
  where.before(query.before_id);
  std::vector<AuditCase> out;
  for (const auto& row :
       c.query(kSelect + where.where() + " ORDER BY id DESC LIMIT ?", where.params_with({query.limit})))
    out.push_back(from_row(row));
  return out;
}

std::int64_t count(store::Connection& c, const ListQuery& query) {
  const auto where = filters(query);
  return c.scalar("SELECT COUNT(*) FROM audit_cases" + where.where(), where.params());
}

std::optional<AuditCase> find(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kSelect) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return from_row(rows.front());
}

std::int64_t insert(store::Connection& c, const ValidAuditCase& v,
                    std::optional<std::int64_t> consultation_id, std::int64_t created_by, Timestamp at) {
  return c
      .query(
          "INSERT INTO audit_cases (title, case_type, area, legal_basis, summary, prevention, year, "
          "consultation_id, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
          "RETURNING id",
          {v.title, std::string(code_of<CaseType>(kCaseTypes, v.case_type)),
           std::string(code_of<CaseArea>(kCaseAreas, v.area)), v.legal_basis, v.summary, v.prevention, v.year,
           consultation_id, created_by, at, at})
      .front()
      .int64(0);
}

void update(store::Connection& c, std::int64_t id, const ValidAuditCase& v, Timestamp at) {
  c.execute(
      "UPDATE audit_cases SET title = ?, case_type = ?, area = ?, legal_basis = ?, summary = ?, prevention = "
      "?, "
      "year = ?, updated_at = ? WHERE id = ?",
      {v.title, std::string(code_of<CaseType>(kCaseTypes, v.case_type)),
       std::string(code_of<CaseArea>(kCaseAreas, v.area)), v.legal_basis, v.summary, v.prevention, v.year, at,
       id});
}

}  // namespace sotong::audit::audit_case_store
