#include "modules/surveys/survey_campaign_service.hpp"

#include <boost/json.hpp>

#include "modules/surveys/survey_permissions.hpp"
#include "modules/surveys/survey_response_store.hpp"
#include "modules/surveys/survey_store.hpp"
#include "modules/surveys/survey_token_store.hpp"
#include "platform/accounts/account_store.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/history/history.hpp"
#include "platform/notifications/notifications.hpp"
#include "platform/organizations/organization_directory.hpp"

namespace sotong::surveys {
namespace {

constexpr const char* kCampaignNotFound = "설문조사를 찾을 수 없습니다.";
constexpr const char* kInvitationsHref = "/surveys/mine";

platform::history::Fields history_fields(const Campaign& c) {
  return {{"title", c.title},
          {"year", static_cast<std::int64_t>(c.year)},
          {"pilot", c.pilot},
          {"state", std::string(code_of<CampaignState>(kCampaignStates, c.state))},
          {"questionnaire_id", c.questionnaire_id}};
}

Result<bool> allowed(const platform::ServiceContext& svc) {
  if (auto ok = svc.policy.check(svc.actor, kManage, svc.actor.organization_path); !ok) return ok.error();
  return true;
}

/// The organisation a respondent answers for: their 시·군, or for bureau staff their bureau; 0 when neither.
std::int64_t answering_for(const platform::OrganizationDirectory& directory,
                           const platform::Account& account) {
  if (auto m = directory.municipality_of(account.organization_id)) return m;
  return directory.bureau_of(account.organization_id);
}

std::string job_payload(std::int64_t campaign_id) {
  return boost::json::serialize(boost::json::object{{"campaign", campaign_id}});
}

/// Reminders at 09:00 (Korean time) a week and a day before the window closes, when those days are ahead.
void schedule_reminders(store::Connection& c, const Campaign& campaign, Timestamp at) {
  constexpr Timestamp kNineOClock = 9 * 3600;
  for (int days_before : {7, 1}) {
    const auto day = civil_from_days(days_from_civil(campaign.closes_on) - days_before);
    const Timestamp run_at = seoul_day_start(day) + kNineOClock;
    if (run_at > at) platform::jobs::enqueue(c, kRemindJobKind, job_payload(campaign.id), run_at);
  }
}

std::int64_t send_reminders(store::Connection& c, std::int64_t campaign_id, Timestamp at) {
  auto campaign = survey_store::find_campaign(c, campaign_id);
  if (!campaign || campaign->state != CampaignState::open) return 0;
  std::int64_t sent = 0;
  const std::string body = campaign->title + " 응답 기간은 " +
                           platform::calendar::format_date(campaign->closes_on) +
                           "까지입니다. 응답은 누가 했는지 알 수 없게 저장됩니다.";
  for (auto account : survey_token_store::remind_pending(c, campaign_id, at)) {
    platform::notifications::notify(c, account, "설문 응답을 기다립니다", body, kInvitationsHref);
    ++sent;
  }
  return sent;
}

Result<void> run_reminders(platform::jobs::Run& run) {
  boost::system::error_code ec;
  const auto payload = boost::json::parse(run.job().payload, ec);
  const auto* object = payload.if_object();
  const auto* id = object ? object->if_contains("campaign") : nullptr;
  if (ec || !id || !id->is_int64()) return Error::invalid("알림 작업의 내용이 올바르지 않습니다.");
  const auto campaign_id = id->as_int64();
  run.finish([&](store::Connection& c) { send_reminders(c, campaign_id, now()); });
  return success();
}

}  // namespace

Result<std::vector<Campaign>> list_campaigns(const platform::ServiceContext& svc) {
  if (auto ok = allowed(svc); !ok) return ok.error();
  return svc.db.read([](store::Connection& c) { return survey_store::list_campaigns(c, kIndexHost); });
}

Result<CampaignOverview> get_campaign(const platform::ServiceContext& svc, std::int64_t id) {
  if (auto ok = allowed(svc); !ok) return ok.error();
  return svc.db.read([&](store::Connection& c) -> Result<CampaignOverview> {
    auto campaign = survey_store::find_campaign(c, id);
    if (!campaign) return Error::not_found(kCampaignNotFound);
    CampaignOverview o;
    o.campaign = std::move(*campaign);
    if (auto q = survey_store::find_questionnaire(c, o.campaign.questionnaire_id))
      o.questionnaire_title = q->title;
    const auto directory = platform::OrganizationDirectory::load(c);
    o.completion = survey_token_store::completion(c, id);
    for (auto& row : o.completion) {
      if (const auto* org = directory.find(row.organization_id)) row.organization_name = org->name;
      o.invited += row.invited;
      o.completed += row.completed;
    }
    for (auto subject : o.campaign.subjects)
      if (const auto* org = directory.find(subject)) o.subject_names.emplace_back(subject, org->name);
    o.responses = survey_response_store::count_responses(c, id);
    o.waiting = survey_response_store::count_pending(c, id);
    return o;
  });
}

Result<std::int64_t> create_campaign(const platform::ServiceContext& svc, const CampaignInput& input) {
  if (auto ok = allowed(svc); !ok) return ok.error();
  auto valid = validate_campaign(input);
  if (!valid) return valid.error();
  valid->host = kIndexHost;
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    if (!survey_store::find_questionnaire(c, valid->questionnaire_id))
      return Error::invalid("입력 내용을 확인해 주십시오.",
                            {{"questionnaire_id", "설문지를 목록에서 골라 주십시오."}});
    const auto directory = platform::OrganizationDirectory::load(c);
    for (auto subject : valid->subjects) {
      const auto* org = directory.find(subject);
      if (!org || !org->active || org->kind != platform::OrganizationKind::bureau)
        return Error::invalid("입력 내용을 확인해 주십시오.",
                              {{"subjects", "평가 대상은 활성 실국이어야 합니다."}});
    }
    const auto id = survey_store::insert_campaign(c, *valid, svc.actor.account_id, now());
    platform::history::record_change(
        c, svc.actor,
        {"survey_campaign", id, "create", "", platform::history::to_json(history_fields(*valid))});
    return id;
  });
}

Result<std::int64_t> open_campaign(const platform::ServiceContext& svc, std::int64_t id) {
  if (auto ok = allowed(svc); !ok) return ok.error();
  const Timestamp at = now();
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    auto campaign = survey_store::find_campaign(c, id);
    if (!campaign) return Error::not_found(kCampaignNotFound);
    if (campaign->state != CampaignState::draft)
      return Error::conflict("준비 중인 설문조사만 시작할 수 있습니다.");
    const auto directory = platform::OrganizationDirectory::load(c);
    std::vector<Role> roles{Role::municipal};
    if (campaign->include_bureaus) roles.push_back(Role::bureau);
    std::int64_t invited = 0;
    const std::string body =
        campaign->title + "에 응답해 주십시오. 기간: " + platform::calendar::format_date(campaign->opens_on) +
        " ~ " + platform::calendar::format_date(campaign->closes_on) +
        ". 응답은 누가 했는지 알 수 없게 저장됩니다.";
    for (auto role : roles) {
      platform::account_store::Filter filter;
      filter.role = role;
      filter.active = true;
      for (const auto& account : platform::account_store::list(c, filter)) {
        const auto organization = answering_for(directory, account);
        if (organization == 0) continue;
        if (!survey_token_store::invite(c, id, account.id, organization, at)) continue;
        platform::notifications::notify(c, account.id, "설문 응답 요청", body, kInvitationsHref);
        ++invited;
      }
    }
    if (invited == 0)
      return Error::conflict("초대할 응답자가 없습니다. 시·군 공무원 계정을 확인해 주십시오.");
    auto before = *campaign;
    campaign->state = CampaignState::open;
    survey_store::set_campaign_state(c, id, CampaignState::open, std::nullopt);
    schedule_reminders(c, *campaign, at);
    platform::history::record_change(
        c, svc.actor,
        {"survey_campaign", id, "open", platform::history::to_json(history_fields(before)),
         platform::history::to_json(history_fields(*campaign))});
    return invited;
  });
}

Result<bool> remind_campaign(const platform::ServiceContext& svc, std::int64_t id) {
  if (auto ok = allowed(svc); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<bool> {
    auto campaign = survey_store::find_campaign(c, id);
    if (!campaign) return Error::not_found(kCampaignNotFound);
    if (campaign->state != CampaignState::open)
      return Error::conflict("진행 중인 설문조사에만 다시 알릴 수 있습니다.");
    platform::jobs::enqueue(c, kRemindJobKind, job_payload(id), now());
    return true;
  });
}

Result<bool> close_campaign(const platform::ServiceContext& svc, std::int64_t id) {
  if (auto ok = allowed(svc); !ok) return ok.error();
  const Timestamp at = now();
  return svc.db.write([&](store::Connection& c) -> Result<bool> {
    auto campaign = survey_store::find_campaign(c, id);
    if (!campaign) return Error::not_found(kCampaignNotFound);
    if (campaign->state != CampaignState::open)
      return Error::conflict("진행 중인 설문조사만 마감할 수 있습니다.");
    survey_response_store::flush_pending(c, id, true);
    auto before = *campaign;
    campaign->state = CampaignState::closed;
    survey_store::set_campaign_state(c, id, CampaignState::closed, at);
    platform::history::record_change(
        c, svc.actor,
        {"survey_campaign", id, "close", platform::history::to_json(history_fields(before)),
         platform::history::to_json(history_fields(*campaign))});
    return true;
  });
}

std::vector<platform::jobs::Kind> campaign_job_kinds() {
  return {
      {kRemindJobKind, "설문 미응답자 알림", run_reminders, [](const platform::Settings&) { return true; }}};
}

}  // namespace sotong::surveys
