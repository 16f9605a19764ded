#include "modules/audit/linkage_run_store.hpp"

namespace sotong::audit::linkage_run_store {
namespace {

constexpr const char* kScenarioColumns =
    "SELECT id, code, version, title, rule, shipped, note, created_by, created_at FROM audit_scenarios ";
constexpr const char* kRunColumns =
    "SELECT id, scenario_id, primary_dataset_id, secondary_dataset_id, flagged, kept, total_amount, "
    "milliseconds, "
    "run_by, run_at FROM audit_linkage_runs ";
constexpr const char* kFlagColumns =
    "SELECT id, run_id, seq, row_number, label, region, amount, evidence, finding_id FROM "
    "audit_linkage_flags ";

ScenarioVersion scenario_from(const store::Row& r) {
  ScenarioVersion s;
  s.id = r.int64(0);
  s.code = r.text(1);
  s.version = static_cast<int>(r.int64(2));
  s.title = r.text(3);
  s.rule = r.text(4);
  s.shipped = r.boolean(5);
  s.note = r.text(6);
  s.created_by = r.is_null(7) ? 0 : r.int64(7);
  s.created_at = r.int64(8);
  return s;
}

LinkageRun run_from(const store::Row& r) {
  LinkageRun run;
  run.id = r.int64(0);
  run.scenario_id = r.int64(1);
  run.primary_dataset_id = r.int64(2);
  run.secondary_dataset_id = r.optional_int64(3);
  run.flagged = r.int64(4);
  run.kept = r.int64(5);
  run.total_amount = r.int64(6);
  run.milliseconds = r.int64(7);
  run.run_by = r.int64(8);
  run.run_at = r.int64(9);
  return run;
}

LinkageFlag flag_from(const store::Row& r) {
  return {r.int64(0), r.int64(1), static_cast<int>(r.int64(2)), r.int64(3), r.text(4), r.text(5),
          r.int64(6), r.text(7),  r.optional_int64(8)};
}

}  // namespace

std::int64_t insert_scenario(store::Connection& c, const ScenarioVersion& s) {
  return c
      .query(
          "INSERT INTO audit_scenarios (code, version, title, rule, shipped, note, created_by, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {s.code, s.version, s.title, s.rule, s.shipped, s.note,
           s.created_by == 0 ? store::Value() : store::Value(s.created_by), s.created_at})
      .front()
      .int64(0);
}

std::vector<ScenarioVersion> latest_scenarios(store::Connection& c) {
  std::vector<ScenarioVersion> out;
  for (const auto& r : c.query(std::string(kScenarioColumns) +
                               "WHERE version = (SELECT MAX(v.version) FROM audit_scenarios v WHERE v.code = "
                               "audit_scenarios.code) ORDER BY shipped DESC, code"))
    out.push_back(scenario_from(r));
  return out;
}

std::vector<ScenarioVersion> versions(store::Connection& c, const std::string& code) {
  std::vector<ScenarioVersion> out;
  for (const auto& r :
       c.query(std::string(kScenarioColumns) + "WHERE code = ? ORDER BY version DESC", {code}))
    out.push_back(scenario_from(r));
  return out;
}

std::optional<ScenarioVersion> find_scenario(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kScenarioColumns) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return scenario_from(rows.front());
}

int last_version(store::Connection& c, const std::string& code) {
  return static_cast<int>(
      c.scalar("SELECT COALESCE(MAX(version), 0) FROM audit_scenarios WHERE code = ?", {code}));
}

std::int64_t insert_run(store::Connection& c, const LinkageRun& run) {
  return c
      .query(
          "INSERT INTO audit_linkage_runs (scenario_id, primary_dataset_id, secondary_dataset_id, flagged, "
          "kept, "
          "total_amount, milliseconds, run_by, run_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {run.scenario_id, run.primary_dataset_id, run.secondary_dataset_id, run.flagged, run.kept,
           run.total_amount, run.milliseconds, run.run_by, run.run_at})
      .front()
      .int64(0);
}

void insert_total(store::Connection& c, std::int64_t run_id, const RegionFigure& t) {
  c.execute("INSERT INTO audit_linkage_totals (run_id, region, flagged, total_amount) VALUES (?, ?, ?, ?)",
            {run_id, t.region, t.flagged, t.total_amount});
}

void insert_flag(store::Connection& c, const LinkageFlag& f) {
  c.execute(
      "INSERT INTO audit_linkage_flags (run_id, seq, row_number, label, region, amount, evidence) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {f.run_id, f.seq, f.row_number, f.label, f.region, f.amount, f.evidence});
}

std::vector<LinkageRun> runs(store::Connection& c, const std::optional<std::string>& code,
                             std::int64_t limit) {
  std::vector<LinkageRun> out;
  const std::string sql =
      std::string(kRunColumns) +
      (code ? "WHERE scenario_id IN (SELECT id FROM audit_scenarios WHERE code = ?) " : "") +
      "ORDER BY id DESC LIMIT ?";
  store::Params params;
  if (code) params.emplace_back(*code);
  params.emplace_back(limit);
  for (const auto& r : c.query(sql, params)) out.push_back(run_from(r));
  return out;
}

std::optional<LinkageRun> find_run(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kRunColumns) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return run_from(rows.front());
}

std::vector<RegionFigure> totals(store::Connection& c, std::int64_t run_id) {
  std::vector<RegionFigure> out;
  for (const auto& r : c.query(
           "SELECT region, flagged, total_amount FROM audit_linkage_totals WHERE run_id = ? ORDER BY region",
           {run_id}))
    out.push_back({r.text(0), r.int64(1), r.int64(2)});
  return out;
}

std::vector<LinkageFlag> flags(store::Connection& c, std::int64_t run_id, int after_seq, std::int64_t limit) {
  std::vector<LinkageFlag> out;
  std::string sql = std::string(kFlagColumns) + "WHERE run_id = ? AND seq > ? ORDER BY seq";
  store::Params params{run_id, after_seq};
  if (limit > 0) {
    sql += " LIMIT ?";
    params.emplace_back(limit);
  }
  for (const auto& r : c.query(sql, params)) out.push_back(flag_from(r));
  return out;
}

std::optional<LinkageFlag> find_flag(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kFlagColumns) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return flag_from(rows.front());
}

bool set_flag_finding(store::Connection& c, std::int64_t flag_id, std::int64_t finding_id) {
  return c.execute("UPDATE audit_linkage_flags SET finding_id = ? WHERE id = ? AND finding_id IS NULL",
                   {finding_id, flag_id}) == 1;
}

}  // namespace sotong::audit::linkage_run_store
