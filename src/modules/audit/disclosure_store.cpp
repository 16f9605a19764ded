#include "modules/audit/disclosure_store.hpp"

#include "core/vocabulary.hpp"
#include "modules/audit/disclosure_rules.hpp"

namespace sotong::audit::disclosure_store {
namespace {

constexpr const char* kSelect =
    "SELECT id, organization_id, title, description, period_from, period_to, mistake_kind, amount, "
    "corrected, "
    "related_audit, filed_by, filed_at, filed_year, decision, decision_reasons, decided_by, decided_at "
    "FROM audit_disclosures ";

Disclosure from_row(const store::Row& row) {
  Disclosure d;
  d.id = row.int64(0);
  d.organization_id = row.int64(1);
  d.title = row.text(2);
  d.description = row.text(3);
  d.period_from = parse_date(row.text(4)).value_or(CivilDate{1970, 1, 1});
  if (auto to = row.optional_text(5)) d.period_to = parse_date(*to);
  d.mistake_kind = from_code<CaseType>(kCaseTypes, row.text(6)).value_or(CaseType::other);
  d.amount = row.optional_int64(7);
  d.corrected = row.text(8);
  d.related_audit = row.text(9);
  d.filed_by = row.int64(10);
  d.filed_at = row.int64(11);
  d.filed_year = static_cast<int>(row.int64(12));
  if (auto decision = row.optional_text(13))
    d.decision = from_code<DisclosureDecision>(kDisclosureDecisions, *decision);
  d.decision_reasons = row.text(14);
  d.decided_by = row.optional_int64(15).value_or(0);
  d.decided_at = row.optional_int64(16);
  return d;
}

void add_filter(std::string& sql, store::Params& params, const DisclosureFilter& f) {
  if (f.year) {
    sql += " AND filed_year = ?";
    params.emplace_back(*f.year);
  }
  if (f.state == DisclosureState::pending) sql += " AND decision IS NULL";
  if (f.state == DisclosureState::decided) sql += " AND decision IS NOT NULL";
  if (f.decision) {
    sql += " AND decision = ?";
    params.emplace_back(code_of<DisclosureDecision>(kDisclosureDecisions, *f.decision));
  }
}

}  // namespace

std::vector<Disclosure> list(store::Connection& c, const ListQuery& query) {
  std::string sql = std::string(kSelect) + "WHERE 1 = 1";
  store::Params params;
  add_filter(sql, params, query.filter);
  if (query.before_id > 0) {
    sql += " AND id < ?";
    params.emplace_back(query.before_id);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(query.limit);
  std::vector<Disclosure> out;
  for (const auto& row : c.query(sql, params)) out.push_back(from_row(row));
  return out;
}

std::optional<Disclosure> find(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kSelect) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return from_row(rows.front());
}

bool exists_with_title(store::Connection& c, const std::string& title) {
  return c.scalar("SELECT COUNT(*) FROM audit_disclosures WHERE title = ?", {title}) > 0;
}

std::int64_t count_pending(store::Connection& c) {
  return c.scalar("SELECT COUNT(*) FROM audit_disclosures WHERE decision IS NULL");
}

std::vector<std::tuple<int, std::string, std::int64_t>> count_by_year_and_decision(store::Connection& c) {
  std::vector<std::tuple<int, std::string, std::int64_t>> out;
  for (const auto& row : c.query("SELECT filed_year, decision, COUNT(*) FROM audit_disclosures "
                                 "GROUP BY filed_year, decision ORDER BY filed_year DESC"))
    out.emplace_back(static_cast<int>(row.int64(0)), row.text(1), row.int64(2));
  return out;
}

std::int64_t insert(store::Connection& c, const ValidDisclosure& filing, std::int64_t organization_id,
                    std::int64_t filed_by, Timestamp filed_at, int filed_year) {
  std::optional<std::string> period_to;
  if (filing.period_to) period_to = date_text(*filing.period_to);
  return c
      .query(
          "INSERT INTO audit_disclosures (organization_id, title, description, period_from, period_to, "
          "mistake_kind, amount, corrected, related_audit, filed_by, filed_at, filed_year, decision_reasons) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '') RETURNING id",
          {organization_id, filing.title, filing.description, date_text(filing.period_from), period_to,
           std::string(code_of<CaseType>(kCaseTypes, filing.mistake_kind)), filing.amount, filing.corrected,
           filing.related_audit, filed_by, filed_at, filed_year})
      .front()
      .int64(0);
}

bool decide(store::Connection& c, std::int64_t id, const ValidDecision& decision, std::int64_t decided_by,
            Timestamp decided_at) {
  return c.execute(
             "UPDATE audit_disclosures SET decision = ?, decision_reasons = ?, decided_by = ?, decided_at = "
             "? "
             "WHERE id = ? AND decision IS NULL",
             {std::string(code_of<DisclosureDecision>(kDisclosureDecisions, decision.decision)),
              decision.reasons, decided_by, decided_at, id}) == 1;
}

}  // namespace sotong::audit::disclosure_store
