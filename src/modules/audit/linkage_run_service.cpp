#include "modules/audit/linkage_run_service.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <utility>

#include "core/korean_text.hpp"
#include "modules/audit/audit_permissions.hpp"
#include "modules/audit/dataset_service.hpp"
#include "modules/audit/dataset_store.hpp"
#include "modules/audit/linkage/person_hasher.hpp"
#include "modules/audit/linkage/scenario_run.hpp"
#include "modules/audit/linkage/value_parsers.hpp"
#include "modules/audit/linkage_run_store.hpp"
#include "platform/accounts/account_store.hpp"
#include "platform/history/history.hpp"

namespace sotong::audit {
namespace {

constexpr const char* kScenarioNotFound = "찾으시는 시나리오가 없습니다.";
constexpr const char* kRunNotFound = "찾으시는 분석 결과가 없습니다.";

/// The kinds a scenario takes, in its order; nullptr for a role no kind has (an edited rule cannot get
/// there).
std::vector<const linkage::RoleSchema*> roles_of(const linkage::Scenario& s) {
  std::vector<const linkage::RoleSchema*> out{find_dataset_kind(s.primary_role)};
  if (s.kind == linkage::ScenarioKind::match) out.push_back(find_dataset_kind(s.secondary_role));
  return out;
}

/// One row of a data set as screens show it: people by their hash's short label, dates as YYYY-MM-DD.
boost::json::array row_cells(const linkage::DataSet& data, std::uint32_t row) {
  boost::json::array cells;
  for (const auto& column : data.columns()) {
    if (column.is_missing(row)) {
      cells.emplace_back("");
      continue;
    }
    switch (column.kind()) {
      case linkage::ColumnKind::text:
        cells.emplace_back(column.text(row));
        break;
      case linkage::ColumnKind::code:
        cells.emplace_back(column.code(row));
        break;
      case linkage::ColumnKind::date:
        cells.emplace_back(linkage::format_date(column.date(row)));
        break;
      case linkage::ColumnKind::amount:
        cells.emplace_back(std::to_string(column.amount(row)));
        break;
      case linkage::ColumnKind::person:
        cells.emplace_back(linkage::person_label(column.person(row)));
        break;
    }
  }
  return cells;
}

boost::json::object evidence_table(const linkage::DataSet& data, const linkage::RoleSchema* kind,
                                   const std::vector<std::uint32_t>& rows) {
  boost::json::array headers;
  for (const auto& column : data.columns()) {
    std::string label = column.name();
    if (kind != nullptr)
      for (const auto& c : kind->columns)
        if (c.name == column.name()) label = c.label;
    headers.emplace_back(label);
  }
  boost::json::array out_rows;
  for (std::size_t i = 0; i < rows.size() && i < kEvidenceRows; ++i) {
    boost::json::array row = row_cells(data, rows[i]);
    row.insert(row.begin(), boost::json::value(static_cast<std::int64_t>(rows[i]) + 2));
    out_rows.push_back(std::move(row));
  }
  headers.insert(headers.begin(), boost::json::value("행"));
  return {{"headers", std::move(headers)}, {"rows", std::move(out_rows)}, {"total", rows.size()}};
}

Result<int> parse_count(std::string_view text, const char* field, const char* label, int min, int max,
                        std::vector<FieldError>& errors) {
  int value = 0;
  const auto t = trim(text);
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (ec != std::errc() || end != t.data() + t.size() || value < min || value > max) {
    errors.push_back({field, std::string(label) + "은 " + std::to_string(min) + "부터 " +
                                 std::to_string(max) + "까지의 정수로 입력해 주십시오."});
    return Error::invalid("");
  }
  return value;
}

void name_runs(store::Connection& c, std::vector<LinkageRun>& runs) {
  std::vector<std::int64_t> ids;
  for (const auto& r : runs) ids.push_back(r.run_by);
  const auto names = platform::account_store::display_names(c, ids);
  for (auto& r : runs)
    if (auto it = names.find(r.run_by); it != names.end()) r.run_by_name = it->second;
}

Result<RunDetail> load_run(store::Connection& c, std::int64_t id) {
  auto run = linkage_run_store::find_run(c, id);
  if (!run) return Error::not_found(kRunNotFound);
  RunDetail out;
  std::vector<LinkageRun> one{std::move(*run)};
  name_runs(c, one);
  out.run = std::move(one.front());
  out.scenario = *linkage_run_store::find_scenario(c, out.run.scenario_id);
  out.primary = *dataset_store::find_dataset(c, out.run.primary_dataset_id);
  if (out.run.secondary_dataset_id)
    out.secondary = dataset_store::find_dataset(c, *out.run.secondary_dataset_id);
  out.totals = linkage_run_store::totals(c, id);
  return out;
}

}  // namespace

void seed_shipped_scenarios(store::Connection& c) {
  for (const auto& shipped : linkage::shipped_scenarios()) {
    if (linkage_run_store::last_version(c, shipped.scenario.code) > 0) continue;
    ScenarioVersion v;
    v.code = shipped.scenario.code;
    v.version = 1;
    v.title = shipped.scenario.title;
    v.rule = linkage::to_json(shipped.scenario);
    v.shipped = true;
    v.note = "기본 제공 시나리오";
    v.created_at = now();
    linkage_run_store::insert_scenario(c, v);
  }
}

Result<std::vector<ScenarioVersion>> list_scenarios(const platform::ServiceContext& svc) {
  if (auto allowed = platform::require(svc, kLinkage); !allowed) return allowed.error();
  return svc.db.read([](store::Connection& c) { return linkage_run_store::latest_scenarios(c); });
}

Result<ScenarioDetail> get_scenario(const platform::ServiceContext& svc, std::int64_t id) {
  if (auto allowed = platform::require(svc, kLinkage); !allowed) return allowed.error();
  return svc.db.read([&](store::Connection& c) -> Result<ScenarioDetail> {
    auto version = linkage_run_store::find_scenario(c, id);
    if (!version) return Error::not_found(kScenarioNotFound);
    auto rule = linkage::scenario_from_json(version->rule);
    if (!rule)
      return Error{ErrorCode::internal, "저장된 시나리오를 읽을 수 없습니다: " + rule.error().message, {}};
    ScenarioDetail out;
    out.versions = linkage_run_store::versions(c, version->code);
    std::vector<std::int64_t> ids;
    for (const auto& v : out.versions) ids.push_back(v.created_by);
    const auto names = platform::account_store::display_names(c, ids);
    for (auto& v : out.versions)
      if (auto it = names.find(v.created_by); it != names.end()) v.created_by_name = it->second;
    out.version = std::move(*version);
    out.rule = std::move(*rule);
    out.roles = roles_of(out.rule);
    out.runs = linkage_run_store::runs(c, out.version.code, 20);
    name_runs(c, out.runs);
    return out;
  });
}

Result<std::int64_t> save_scenario(const platform::ServiceContext& svc, std::int64_t id,
                                   const ScenarioInput& input) {
  auto base = get_scenario(svc, id);
  if (!base) return base.error();
  std::vector<FieldError> errors;
  linkage::Scenario rule = base->rule;
  if (!trim(input.rule_json).empty()) {
    auto parsed = linkage::scenario_from_json(input.rule_json);
    if (!parsed) {
      errors.push_back({"rule_json", parsed.error().message});
    } else if (parsed->primary_role != rule.primary_role || parsed->secondary_role != rule.secondary_role) {
      errors.push_back(
          {"rule_json",
           "자료의 종류(primary_role, secondary_role)는 바꿀 수 없습니다. 새 시나리오로 만드십시오."});
    } else {
      rule = std::move(*parsed);
      rule.code = base->rule.code;
    }
  } else {
    if (auto w = parse_count(input.window_days, "window_days", "기간(일)", 0, 3660, errors))
      rule.window_days = *w;
    if (auto m = parse_count(input.min_count, "min_count", "최소 건수", 1, 1000, errors)) rule.min_count = *m;
    std::int64_t threshold = 0;
    const auto parsed = linkage::parse_amount(input.threshold, threshold);
    if (parsed == linkage::Parsed::empty) threshold = 0;
    if (parsed == linkage::Parsed::invalid || threshold < 0)
      errors.push_back({"threshold", "기준 금액은 0 이상의 원 단위 금액으로 입력해 주십시오."});
    else
      rule.threshold = threshold;
  }
  std::string title;
  if (!clean_line(input.title, title) || title.empty())
    errors.push_back({"title", "시나리오 이름을 입력해 주십시오."});
  else
    rule.title = title;
  std::string description;
  if (clean_text(input.description, description)) rule.description = description;
  std::string note;
  if (!clean_line(input.note, note) || note.empty())
    errors.push_back({"note", "무엇을 바꾸었는지 적어 주십시오."});
  if (errors.empty()) {
    const auto roles = roles_of(rule);
    const auto primary = roles[0]->schema();
    const auto secondary = roles.size() > 1 ? std::optional(roles[1]->schema()) : std::nullopt;
    if (auto valid = linkage::validate(rule, primary, secondary ? &*secondary : nullptr); !valid) {
      for (const auto& f : valid.error().fields) errors.push_back({"rule_json", f.message});
      if (valid.error().fields.empty()) errors.push_back({"rule_json", valid.error().message});
    }
  }
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return svc.db.write([&](store::Connection& c) {
    ScenarioVersion v;
    v.code = rule.code;
    v.version = linkage_run_store::last_version(c, rule.code) + 1;
    v.title = rule.title;
    v.rule = linkage::to_json(rule);
    v.note = note;
    v.created_by = svc.actor.account_id;
    v.created_at = now();
    const auto new_id = linkage_run_store::insert_scenario(c, v);
    platform::history::record_change(
        c, svc.actor,
        {"audit_scenario", new_id, "version",
         platform::history::to_json({{"title", base->version.title}, {"version", base->version.version}}),
         platform::history::to_json({{"title", v.title}, {"version", v.version}, {"note", note}})});
    return new_id;
  });
}

Result<std::int64_t> run_scenario(const platform::ServiceContext& svc, std::int64_t scenario_id,
                                  std::int64_t primary_id, std::optional<std::int64_t> secondary_id) {
  auto scenario = get_scenario(svc, scenario_id);
  if (!scenario) return scenario.error();
  const auto& rule = scenario->rule;
  const bool match = rule.kind == linkage::ScenarioKind::match;
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    std::vector<FieldError> errors;
    auto primary = dataset_store::find_dataset(c, primary_id);
    if (!primary || primary->kind != rule.primary_role)
      errors.push_back(
          {"primary", with_particle(scenario->roles[0]->label, "을/를") + " 담은 데이터셋을 골라 주십시오."});
    std::optional<DataSetRecord> secondary;
    if (match) {
      if (secondary_id) secondary = dataset_store::find_dataset(c, *secondary_id);
      if (!secondary || secondary->kind != rule.secondary_role)
        errors.push_back({"secondary", with_particle(scenario->roles[1]->label, "을/를") +
                                           " 담은 데이터셋을 골라 주십시오."});
    }
    if (!errors.empty()) return Error::invalid("분석할 자료를 골라 주십시오.", std::move(errors));
    const std::string detail = rule.title + " " + std::to_string(scenario->version.version) + "판 실행";
    auto primary_data = load_columns(c, svc.actor, *primary, "run", detail);
    if (!primary_data) return primary_data.error();
    std::optional<linkage::DataSet> secondary_data;
    if (match) {
      auto loaded = load_columns(c, svc.actor, *secondary, "run", detail);
      if (!loaded) return loaded.error();
      secondary_data = std::move(*loaded);
    }

    const auto started = std::chrono::steady_clock::now();
    const auto result = linkage::run(rule, *primary_data, secondary_data ? &*secondary_data : nullptr);
    const auto elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);

    const auto kept = linkage::top_by_amount(result, *primary_data, static_cast<std::size_t>(kKeptFlags));
    LinkageRun run;
    run.scenario_id = scenario_id;
    run.primary_dataset_id = primary->id;
    if (match) run.secondary_dataset_id = secondary->id;
    run.flagged = static_cast<std::int64_t>(result.flags.size());
    run.kept = static_cast<std::int64_t>(kept.size());
    run.total_amount = result.total_amount;
    run.milliseconds = elapsed.count();
    run.run_by = svc.actor.account_id;
    run.run_at = now();
    const auto run_id = linkage_run_store::insert_run(c, run);
    for (const auto& t : result.totals)
      linkage_run_store::insert_total(c, run_id, {t.code, static_cast<std::int64_t>(t.count), t.total});

    const auto* id_column = rule.id_column.empty() ? nullptr : primary_data->find(rule.id_column);
    const auto* region_column = rule.region_column.empty() ? nullptr : primary_data->find(rule.region_column);
    int seq = 0;
    for (auto position : kept) {
      const auto& flag = result.flags[position];
      LinkageFlag f;
      f.run_id = run_id;
      f.seq = ++seq;
      f.row_number = static_cast<std::int64_t>(flag.row) + 2;
      f.label =
          id_column != nullptr ? std::string(id_column->text(flag.row)) : std::to_string(f.row_number) + "행";
      f.region = region_column != nullptr ? std::string(region_column->code(flag.row)) : "";
      f.amount = flag.amount;
      std::vector<std::uint32_t> own{flag.row};
      own.insert(own.end(), flag.primary_evidence.begin(), flag.primary_evidence.end());
      boost::json::object evidence{{"primary", evidence_table(*primary_data, scenario->roles[0], own)}};
      if (match)
        evidence["secondary"] = evidence_table(*secondary_data, scenario->roles[1], flag.secondary_evidence);
      f.evidence = boost::json::serialize(evidence);
      linkage_run_store::insert_flag(c, f);
    }
    platform::history::record_change(
        c, svc.actor,
        {"audit_linkage_run", run_id, "create", "",
         platform::history::to_json(
             {{"scenario_id", scenario_id}, {"flagged", run.flagged}, {"total_amount", run.total_amount}})});
    return run_id;
  });
}

Result<std::vector<LinkageRun>> list_runs(const platform::ServiceContext& svc, std::int64_t limit) {
  if (auto allowed = platform::require(svc, kLinkage); !allowed) return allowed.error();
  return svc.db.read([&](store::Connection& c) {
    auto runs = linkage_run_store::runs(c, std::nullopt, limit);
    name_runs(c, runs);
    return runs;
  });
}

Result<RunDetail> get_run(const platform::ServiceContext& svc, std::int64_t id, int after,
                          std::int64_t limit) {
  if (auto allowed = platform::require(svc, kLinkage); !allowed) return allowed.error();
  return svc.db.read([&](store::Connection& c) -> Result<RunDetail> {
    auto detail = load_run(c, id);
    if (!detail) return detail.error();
    auto flags = linkage_run_store::flags(c, id, after, limit == 0 ? 0 : limit + 1);
    if (limit > 0 && static_cast<std::int64_t>(flags.size()) > limit) {
      flags.pop_back();
      detail->next_after = flags.back().seq;
    }
    detail->flags = std::move(flags);
    return std::move(*detail);
  });
}

Result<FlagDetail> get_flag(const platform::ServiceContext& svc, std::int64_t id) {
  if (auto allowed = platform::require(svc, kLinkage); !allowed) return allowed.error();
  return svc.db.write([&](store::Connection& c) -> Result<FlagDetail> {
    auto flag = linkage_run_store::find_flag(c, id);
    if (!flag) return Error::not_found("찾으시는 분석 결과 행이 없습니다.");
    auto run = load_run(c, flag->run_id);
    if (!run) return run.error();
    // The evidence is a look at rows of both data sets: logged as each data set's access.
    const std::string detail = "결과 #" + std::to_string(flag->run_id) + " " + flag->label + " 근거 열람";
    const Timestamp at = now();
    dataset_store::log_access(c, run->primary.id,
                              {"evidence", detail, svc.actor.account_id, "", svc.actor.remote_address, at});
    platform::history::record_access(
        c, svc.actor,
        {"audit_dataset", run->primary.id, run->primary.title, platform::history::AccessAction::view, ""});
    if (run->secondary) {
      dataset_store::log_access(c, run->secondary->id,
                                {"evidence", detail, svc.actor.account_id, "", svc.actor.remote_address, at});
      platform::history::record_access(c, svc.actor,
                                       {"audit_dataset", run->secondary->id, run->secondary->title,
                                        platform::history::AccessAction::view, ""});
    }
    return FlagDetail{std::move(*flag), std::move(*run)};
  });
}

}  // namespace sotong::audit
