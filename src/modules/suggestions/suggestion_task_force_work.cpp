// The work of a task force: its plan, its field checks and its progress reports.
#include <string>

#include "core/korean_text.hpp"
#include "modules/suggestions/suggestion_directory.hpp"
#include "modules/suggestions/suggestion_task_force_records.hpp"
#include "modules/suggestions/suggestion_task_force_service.hpp"
#include "modules/suggestions/suggestion_task_force_store.hpp"
#include "platform/calendar/holiday.hpp"

namespace sotong::suggestions {
namespace {

using platform::calendar::format_date;

}  // namespace

Result<void> save_plan(const platform::ServiceContext& svc, std::int64_t id, std::string_view plan) {
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto loaded = load_for_step(c, svc.policy, svc.actor, id, TaskForceStep::edit_plan);
    if (!loaded) return loaded.error();
    auto valid = validate_plan(plan);
    if (!valid) return valid.error();
    task_force_store::save_plan(c, id, *valid, svc.actor.account_id, now());
    // The whole text before and after: the history is where every version of the plan is kept.
    const auto& before = loaded->task_force.plan;
    const platform::history::FieldValue old_plan = before.empty() ? platform::history::FieldValue() : before;
    record_task_force_change(c, svc.actor, id, "plan", {{"plan", old_plan}}, {{"plan", *valid}});
    return {};
  });
}

Result<std::int64_t> add_field_check(const platform::ServiceContext& svc, std::int64_t id,
                                     const FieldCheckInput& input) {
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    auto loaded = load_for_step(c, svc.policy, svc.actor, id, TaskForceStep::add_field_check);
    if (!loaded) return loaded.error();
    auto valid = validate_field_check(input, seoul_today());
    if (!valid) return valid.error();
    const auto check = task_force_store::insert_field_check(c, id, *valid, svc.actor.account_id, now());
    const platform::history::Fields after = {{"check_date", format_date(valid->date)},
                                             {"place", valid->place},
                                             {"participants", valid->participants},
                                             {"findings", valid->findings}};
    record_task_force_change(c, svc.actor, id, "field_check", absent_fields(after), after);
    return check;
  });
}

Result<std::int64_t> add_report(const platform::ServiceContext& svc, std::int64_t id,
                                const ReportInput& input) {
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    auto loaded = load_for_step(c, svc.policy, svc.actor, id, TaskForceStep::add_report);
    if (!loaded) return loaded.error();
    auto valid = validate_report(input, seoul_today());
    if (!valid) return valid.error();
    const auto report = task_force_store::insert_report(c, id, *valid, svc.actor.account_id, now());
    const platform::history::Fields after = {
        {"report_date", format_date(valid->date)}, {"report", valid->text}, {"percent", valid->percent}};
    record_task_force_change(c, svc.actor, id, "report", absent_fields(after), after);
    tell_team(c, svc.actor, member_accounts(c, id), id, "TFT 추진상황이 보고되었습니다",
              loaded->task_force.name + " (" + std::to_string(valid->percent) +
                  "%): " + truncate_chars(valid->text, 80));
    return report;
  });
}

Result<FieldCheckFile> open_field_check(const platform::ServiceContext& svc, std::int64_t field_check_id) {
  return svc.db.read([&](store::Connection& c) -> Result<FieldCheckFile> {
    auto check = task_force_store::find_field_check(c, field_check_id);
    if (!check) return Error::not_found(kTaskForceNotFound);
    auto loaded = load_for_step(c, svc.policy, svc.actor, check->task_force_id, TaskForceStep::view_details);
    if (!loaded) return loaded.error();
    const auto names = display_names(c, {check->created_by});
    if (auto it = names.find(check->created_by); it != names.end()) check->created_by_name = it->second;
    return FieldCheckFile{std::move(loaded->task_force), std::move(*check)};
  });
}

}  // namespace sotong::suggestions
