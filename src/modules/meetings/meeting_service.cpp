#include "modules/meetings/meeting_service.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "core/korean_text.hpp"
#include "modules/meetings/meeting_cadence.hpp"
#include "modules/meetings/meeting_rotation.hpp"
#include "modules/meetings/meeting_rules.hpp"
#include "modules/meetings/meeting_store.hpp"
#include "platform/cache/versioned_cache.hpp"
#include "platform/calendar/calendar_service.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/history/history.hpp"
#include "platform/organizations/organization_store.hpp"

namespace sotong::meetings {
namespace {

using platform::history::Fields;
using platform::history::to_json;

void describe_body(const platform::OrganizationDirectory& directory, Body& body) {
  if (const auto* o = directory.find(body.secretariat_id)) {
    body.secretariat_name = o->name;
    body.secretariat_path = o->path;
  }
  for (auto& m : body.members)
    if (const auto* o = directory.find(m.organization_id)) {
      m.organization_name = o->name;
      m.organization_path = o->path;
    }
}

bool unheld(const Meeting& m) {
  return m.state == MeetingState::planned || m.state == MeetingState::agenda_published;
}

std::string add_minutes(const std::string& hhmm, std::int64_t minutes) {
  const int start = std::stoi(hhmm.substr(0, 2)) * 60 + std::stoi(hhmm.substr(3, 2));
  const auto end = std::min<std::int64_t>(start + minutes, 23 * 60 + 59);
  const auto two = [](std::int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  return two(end / 60) + ":" + two(end % 60);
}

/// Plans the hosts of `year`'s unheld meetings of a visiting body again, keeping the secretariat's pins,
/// carrying the round on from the meetings before them; records each change of host in the history.
Result<void> replan_hosts(store::Connection& c, const Actor& actor,
                          const platform::OrganizationDirectory& directory, const Body& body, int year) {
  if (!body.visiting) return {};
  RotationInput input;
  const auto blocked = meeting_store::blocked_dates(c, body.id);
  for (const auto& m : body.members) {
    const auto* o = directory.find(m.organization_id);
    if (o == nullptr || o->kind != platform::OrganizationKind::municipality) continue;
    RotationMember member{o->id, o->name, {}};
    for (const auto& b : blocked)
      if (b.organization_id == o->id) member.blocked.push_back(b.date);
    input.members.push_back(std::move(member));
  }
  if (input.members.empty()) return {};
  auto meetings = meeting_store::meetings_of(c, body.id);
  std::vector<Meeting*> plan;
  for (auto& m : meetings)
    if (m.date.year == year && unheld(m)) plan.push_back(&m);
  if (plan.empty()) return {};
  const auto first = days_from_civil(plan.front()->date);
  for (const auto& m : meetings)
    if (m.host_id && days_from_civil(m.date) < first) input.history.push_back({*m.host_id, m.date});
  for (const auto* m : plan) {
    input.dates.push_back(m->date);
    if (m->host_pinned && m->host_id) input.pins.push_back({m->date, *m->host_id});
  }
  auto assignments = plan_rotation(input);
  if (!assignments) return assignments.error();
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const auto& a = (*assignments)[i];
    Meeting& m = *plan[i];
    if (m.host_id == a.host && m.host_reason == a.explanation && m.host_pinned == a.pinned) continue;
    const Fields before{{"host_id", m.host_id}, {"host_reason", m.host_reason}};
    meeting_store::update_host(c, m.id, a.host, a.explanation, a.pinned, now());
    platform::history::record_change(c, actor,
                                     {"meeting", m.id, "host", to_json(before),
                                      to_json({{"host_id", a.host}, {"host_reason", a.explanation}})});
  }
  return {};
}

Result<std::pair<Body, platform::OrganizationDirectory>> body_for_change(const platform::ServiceContext& svc,
                                                                         store::Connection& c,
                                                                         std::int64_t id) {
  const auto directory = platform::OrganizationDirectory::load(c);
  auto body = load_body(c, directory, id);
  if (!body || !can_view_body(svc.policy, svc.actor, *body)) return Error::not_found(kNotFound);
  return std::make_pair(std::move(*body), directory);
}

}  // namespace

std::optional<Body> load_body(store::Connection& c, const platform::OrganizationDirectory& directory,
                              std::int64_t id) {
  auto body = meeting_store::find_body(c, id);
  if (!body) return std::nullopt;
  body->members = meeting_store::members(c, id);
  describe_body(directory, *body);
  return body;
}

std::vector<Body> load_bodies(store::Connection& c, const platform::OrganizationDirectory& directory) {
  // Kept until a body, a member or an organisation changes: the calendar, the figures and the lists of
  // bodies all start from every body with its members (hundreds of member rows).
  static platform::VersionedCache<std::vector<Body>> kept(
      {meeting_store::kBodiesDataVersion, platform::organization_store::kDataVersion}, 4);
  return *kept.get(c, "all", [&] {
    auto bodies = meeting_store::list_bodies(c);
    auto members = meeting_store::all_members(c);
    for (auto& body : bodies) {
      if (auto m = members.find(body.id); m != members.end()) body.members = std::move(m->second);
      describe_body(directory, body);
    }
    return bodies;
  });
}

Result<std::vector<Body>> list_bodies(const platform::ServiceContext& svc) {
  if (auto ok = svc.policy.check(svc.actor, kView, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.read([&](store::Connection& c) -> Result<std::vector<Body>> {
    const auto directory = platform::OrganizationDirectory::load(c);
    std::vector<Body> out;
    for (auto& body : load_bodies(c, directory))
      if (can_view_body(svc.policy, svc.actor, body)) out.push_back(std::move(body));
    return out;
  });
}

Result<BodyPage> get_body(const platform::ServiceContext& svc, std::int64_t id) {
  return svc.db.read([&](store::Connection& c) -> Result<BodyPage> {
    const auto directory = platform::OrganizationDirectory::load(c);
    auto body = load_body(c, directory, id);
    if (!body || !can_view_body(svc.policy, svc.actor, *body)) return Error::not_found(kNotFound);
    BodyPage page;
    auto cadence = parse_cadence(body->cadence);
    page.cadence_label = cadence ? cadence_label(*cadence) : body->cadence;
    page.meetings = meeting_store::meetings_of(c, id);
    for (auto& m : page.meetings) {
      if (m.host_id)
        if (const auto* o = directory.find(*m.host_id)) m.host_name = o->name;
      page.openable.push_back(can_view_meeting(svc.policy, svc.actor, *body, m));
    }
    page.blocked = meeting_store::blocked_dates(c, id);
    page.may_run = is_secretariat(svc.policy, svc.actor, *body);
    page.may_coordinate = svc.policy.allows(svc.actor, kCoordinate);
    if (page.may_coordinate)
      for (const auto& o : directory.all())
        if (o.active && std::none_of(body->members.begin(), body->members.end(),
                                     [&](const BodyMember& m) { return m.organization_id == o.id; }))
          page.candidates.emplace_back(o.id, o.name);
    page.body = std::move(*body);
    return page;
  });
}

Result<void> change_cadence(const platform::ServiceContext& svc, std::int64_t id, const std::string& code) {
  if (auto ok = svc.policy.check(svc.actor, kCoordinate, svc.actor.organization_path); !ok) return ok.error();
  auto cadence = parse_cadence(trim(code));
  if (!cadence) return cadence.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto found = body_for_change(svc, c, id);
    if (!found) return found.error();
    const std::string after = cadence_code(*cadence);
    if (found->first.cadence == after) return {};
    meeting_store::update_cadence(c, id, after);
    platform::history::record_change(
        c, svc.actor,
        {"meeting_body", id, "update", to_json({{"cadence", found->first.cadence}}),
         to_json({{"cadence", after}})});
    return {};
  });
}

Result<void> add_body_member(const platform::ServiceContext& svc, std::int64_t id,
                             std::optional<std::int64_t> org) {
  if (auto ok = svc.policy.check(svc.actor, kCoordinate, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto found = body_for_change(svc, c, id);
    if (!found) return found.error();
    if (!org || found->second.find(*org) == nullptr)
      return Error::invalid("입력 내용을 확인해 주십시오.", {{"organization", "기관을 골라 주십시오."}});
    if (!meeting_store::add_member(c, id, {*org, std::nullopt, MemberRole::member, "", ""}))
      return Error::conflict("이미 이 회의체의 위원인 기관입니다.");
    platform::history::record_change(
        c, svc.actor, {"meeting_body", id, "add_member", "", to_json({{"organization_id", *org}})});
    return {};
  });
}

Result<void> add_blocked_date(const platform::ServiceContext& svc, std::int64_t id,
                              std::optional<std::int64_t> org, const std::string& date,
                              const std::string& reason) {
  if (auto ok = svc.policy.check(svc.actor, kCoordinate, svc.actor.organization_path); !ok) return ok.error();
  const auto on = parse_date(trim(date));
  std::string why;
  std::vector<FieldError> errors;
  if (!on) errors.push_back({"date", "날짜를 2026-12-31처럼 입력해 주십시오."});
  if (!clean_line(reason, why) || why.empty() || char_count(why) > kTitleMaxChars)
    errors.push_back({"reason", "사유를 200자 이하로 입력해 주십시오."});
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto found = body_for_change(svc, c, id);
    if (!found) return found.error();
    const auto& members = found->first.members;
    if (!org || std::none_of(members.begin(), members.end(),
                             [&](const BodyMember& m) { return m.organization_id == *org; }))
      errors.push_back({"organization", "이 회의체의 위원 기관을 골라 주십시오."});
    if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", errors);
    if (!meeting_store::add_blocked_date(c, id, {*org, *on, why}))
      return Error::conflict("이미 등록한 날짜입니다.");
    platform::history::record_change(
        c, svc.actor,
        {"meeting_body", id, "block_date", "",
         to_json(
             {{"organization_id", *org}, {"date", platform::calendar::format_date(*on)}, {"reason", why}})});
    return replan_hosts(c, svc.actor, found->second, found->first, on->year);
  });
}

Result<std::int64_t> convene_meeting(const platform::ServiceContext& svc, std::int64_t body_id,
                                     const std::string& date) {
  if (auto ok = svc.policy.check(svc.actor, kRun, svc.actor.organization_path); !ok) return ok.error();
  const auto on = parse_date(trim(date));
  if (!on)
    return Error::invalid("입력 내용을 확인해 주십시오.",
                          {{"date", "날짜를 2026-12-31처럼 입력해 주십시오."}});
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    auto found = body_for_change(svc, c, body_id);
    if (!found) return found.error();
    const Body& body = found->first;
    if (!is_secretariat(svc.policy, svc.actor, body))
      return Error::forbidden("회의 일정은 회의체의 간사 기관이나 시·군정책협력담당이 만듭니다.");
    for (const auto& m : meeting_store::meetings_of(c, body_id))
      if (platform::calendar::same_day(m.date, *on))
        return Error::conflict("그날은 이미 이 회의체의 회의가 있습니다.");
    Meeting m;
    m.body_id = body_id;
    m.title = std::to_string(on->year) + "년 " + std::to_string(on->month) + "월 " + std::to_string(on->day) +
              "일 " + body.name;
    m.date = *on;
    m.start_time = body.start_time;
    m.end_time = add_minutes(body.start_time, body.duration_minutes);
    m.location = body.location;
    const auto id = meeting_store::insert_meeting(c, m, now());
    platform::history::record_change(
        c, svc.actor,
        {"meeting", id, "create", "",
         to_json(
             {{"title", m.title}, {"date", platform::calendar::format_date(m.date)}, {"body_id", body_id}})});
    if (auto planned = replan_hosts(c, svc.actor, found->second, body, on->year); !planned)
      return planned.error();
    return id;
  });
}

Result<int> generate_year(const platform::ServiceContext& svc, std::int64_t body_id, int year) {
  if (auto ok = svc.policy.check(svc.actor, kRun, svc.actor.organization_path); !ok) return ok.error();
  if (year < 2000 || year > 2100)
    return Error::invalid("입력 내용을 확인해 주십시오.",
                          {{"year", "연도를 2000년에서 2100년 사이로 입력해 주십시오."}});
  return svc.db.write([&](store::Connection& c) -> Result<int> {
    auto found = body_for_change(svc, c, body_id);
    if (!found) return found.error();
    const Body& body = found->first;
    if (!is_secretariat(svc.policy, svc.actor, body))
      return Error::forbidden("회의 일정은 회의체의 간사 기관이나 시·군정책협력담당이 만듭니다.");
    auto cadence = parse_cadence(body.cadence);
    if (!cadence) return cadence.error();
    // A month that already has a meeting of the cadence keeps it: re-generating never duplicates or moves
    // one. Generated meetings are known by their title (a convened one names its day as well).
    std::set<std::string> taken;
    std::set<std::int64_t> days;
    for (const auto& m : meeting_store::meetings_of(c, body_id)) {
      taken.insert(m.title);
      days.insert(days_from_civil(m.date));
    }
    int created = 0;
    for (const auto& d : schedule_year(*cadence, year, platform::calendar::load(c))) {
      Meeting m;
      m.body_id = body_id;
      m.title = std::to_string(year) + "년 " + std::to_string(d.date.month) + "월 " + body.name;
      if (taken.contains(m.title)) continue;
      m.date = d.date;
      m.start_time = body.start_time;
      m.end_time = add_minutes(body.start_time, body.duration_minutes);
      m.location = body.location;
      if (!d.reason.empty()) {
        m.moved_from = platform::calendar::format_date(d.original);
        m.move_reason = d.reason;
      }
      // A convened meeting may already hold the day; the cadence's meeting then gives way to it.
      if (days.contains(days_from_civil(m.date))) continue;
      const auto id = meeting_store::insert_meeting(c, m, now());
      platform::history::record_change(c, svc.actor,
                                       {"meeting", id, "create", "",
                                        to_json({{"title", m.title},
                                                 {"date", platform::calendar::format_date(m.date)},
                                                 {"body_id", body_id}})});
      ++created;
    }
    if (auto planned = replan_hosts(c, svc.actor, found->second, body, year); !planned)
      return planned.error();
    return created;
  });
}

Result<void> pin_host(const platform::ServiceContext& svc, std::int64_t meeting_id,
                      std::optional<std::int64_t> host) {
  if (auto ok = svc.policy.check(svc.actor, kRun, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    const auto meeting = meeting_store::find_meeting(c, meeting_id);
    if (!meeting) return Error::not_found(kNotFound);
    auto found = body_for_change(svc, c, meeting->body_id);
    if (!found) return found.error();
    const Body& body = found->first;
    if (!is_secretariat(svc.policy, svc.actor, body)) return Error::not_found(kNotFound);
    if (!body.visiting)
      return Error::conflict("찾아가는 현장회의가 아닌 회의체는 주관 시·군을 정하지 않습니다.");
    if (!unheld(*meeting)) return Error::conflict("이미 연 회의의 주관 시·군은 바꿀 수 없습니다.");
    if (!host || std::none_of(body.members.begin(), body.members.end(),
                              [&](const BodyMember& m) { return m.organization_id == *host; }))
      return Error::invalid("입력 내용을 확인해 주십시오.",
                            {{"host", "이 회의체의 위원 시·군을 골라 주십시오."}});
    platform::history::record_change(
        c, svc.actor,
        {"meeting", meeting_id, "pin_host", to_json({{"host_id", meeting->host_id}}),
         to_json({{"host_id", host}})});
    // The pin is written first so that the plan keeps it; a refusal of the plan rolls both back.
    meeting_store::update_host(c, meeting_id, host, "간사 기관이 직접 정했습니다.", true, now());
    return replan_hosts(c, svc.actor, found->second, body, meeting->date.year);
  });
}

}  // namespace sotong::meetings
