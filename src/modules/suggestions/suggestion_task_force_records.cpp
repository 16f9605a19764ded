#include "modules/suggestions/suggestion_task_force_records.hpp"

#include <algorithm>
#include <map>

#include "modules/suggestions/suggestion_permissions.hpp"
#include "modules/suggestions/suggestion_task_force_store.hpp"
#include "platform/notifications/notifications.hpp"

namespace sotong::suggestions {
namespace {

template <typename E, std::size_t N>
std::vector<platform::Label> labels(const std::array<Term<E>, N>& terms) {
  std::vector<platform::Label> out;
  for (const auto& t : terms) out.push_back({std::string(t.code), std::string(t.label)});
  return out;
}

/// The history's names and links of the task forces still kept: the page is for those who may view
/// suggestions (the page itself shows an outsider only the name and status).
std::map<std::int64_t, platform::HistoryRecord> task_force_history_records(
    store::Connection& c, const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, platform::HistoryRecord> out;
  for (std::int64_t id : ids)
    if (auto t = task_force_store::find(c, id)) out[id] = {t->name, task_force_url(id), kView};
  return out;
}

}  // namespace

std::string task_force_url(std::int64_t id) {
  return "/suggestions/task-forces/" + std::to_string(id);
}

std::string field_check_url(std::int64_t field_check_id) {
  return "/suggestions/task-forces/field-checks/" + std::to_string(field_check_id);
}

TaskForceStanding standing_of(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                              std::int64_t task_force_id) {
  return {.viewer = policy.allows(actor, kView),
          .coordinator = policy.allows(actor, kCoordinate),
          .role = task_force_store::role_of(c, task_force_id, actor.account_id)};
}

Result<TaskForceFor> load_for_step(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                                   std::int64_t id, TaskForceStep step) {
  auto found = task_force_store::find(c, id);
  if (!found) return Error::not_found(kTaskForceNotFound);
  TaskForceFor out{std::move(*found), standing_of(c, policy, actor, id)};
  if (auto ok = check_step(step, out.task_force.status, out.standing); !ok) return ok.error();
  return out;
}

void record_task_force_change(store::Connection& c, const Actor& actor, std::int64_t id,
                              std::string_view action, const platform::history::Fields& before,
                              const platform::history::Fields& after) {
  platform::history::record_change(
      c, actor,
      {kTaskForceRecord, id, std::string(action), before.empty() ? "" : platform::history::to_json(before),
       platform::history::to_json(after)});
}

platform::history::Fields absent_fields(const platform::history::Fields& fields) {
  platform::history::Fields out;
  for (const auto& field : fields) out.emplace_back(field.first, nullptr);
  return out;
}

void tell_team(store::Connection& c, const Actor& actor, std::vector<std::int64_t> accounts, std::int64_t id,
               std::string_view title, std::string_view body) {
  std::sort(accounts.begin(), accounts.end());
  accounts.erase(std::unique(accounts.begin(), accounts.end()), accounts.end());
  for (std::int64_t account : accounts)
    if (account != actor.account_id && account != 0)
      platform::notifications::notify(c, account, title, body, task_force_url(id));
}

std::vector<std::int64_t> member_accounts(store::Connection& c, std::int64_t task_force_id) {
  std::vector<std::int64_t> out;
  for (const auto& m : task_force_store::members(c, task_force_id)) out.push_back(m.account_id);
  return out;
}

platform::HistoryVocabulary task_force_history_vocabulary() {
  return {.record_type = kTaskForceRecord,
          .label = "문제해결형 TFT",
          .fields = {{"name", "TFT 이름"},
                     {"issue", "해결할 과제"},
                     {"suggestion_ids", "연결된 건의 번호"},
                     {.code = "status", .label = "상태", .values = labels(kTaskForceStatuses)},
                     {.code = "result", .label = "결과", .values = labels(kTaskForceResults)},
                     {"result_text", "결과 내용"},
                     {"plan", "해결 방안"},
                     {.code = "account_id", .label = "팀원", .refers_to = "account"},
                     {.code = "role", .label = "역할", .values = labels(kTeamRoles)},
                     {"expert_name", "외부 전문가"},
                     {"affiliation", "소속"},
                     {"field", "전문 분야"},
                     {"check_date", "현지확인 일자"},
                     {"place", "장소"},
                     {"participants", "참석자"},
                     {"findings", "확인 결과"},
                     {"report_date", "보고일"},
                     {"report", "추진 내용"},
                     {"percent", "추진율(%)"}},
          .actions = {{"start", "활동 시작"},
                      {"close", "종료"},
                      {"add_member", "팀원 등록"},
                      {"remove_member", "팀원 삭제"},
                      {"add_expert", "외부 전문가 등록"},
                      {"remove_expert", "외부 전문가 삭제"},
                      {"plan", "해결 방안 수정"},
                      {"field_check", "현지확인 등록"},
                      {"report", "추진상황 보고"}},
          .name_field = "name",
          .records = task_force_history_records};
}

platform::attachments::OwnerType field_check_attachment_owner() {
  return {kFieldCheckOwner,
          "현지확인",
          kView,
          [](store::Connection& c, std::int64_t id) -> std::optional<std::string> {
            // A task force belongs to no one organisation: access is decided by `permits` below.
            if (!task_force_store::find_field_check(c, id)) return std::nullopt;
            return std::string();
          },
          [](std::int64_t id) { return field_check_url(id); },
          [](store::Connection& c, const platform::Policy& policy, const Actor& actor, std::int64_t id) {
            auto check = task_force_store::find_field_check(c, id);
            if (!check) return false;
            return may(TaskForceStep::view_details, standing_of(c, policy, actor, check->task_force_id));
          }};
}

}  // namespace sotong::suggestions
