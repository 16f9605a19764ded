#include "modules/meetings/meeting_workshop_rules.hpp"

#include <algorithm>
#include <charconv>

#include "core/korean_text.hpp"
#include "modules/meetings/meeting_rules.hpp"

namespace sotong::meetings {
namespace {

/// One line of text: cleaned (trimmed, Hangul composed, control characters dropped), then its length in
/// characters; an empty value is an error only when `required`.
void check_line(std::string_view raw, std::string_view field, std::string_view label, std::size_t max,
                bool required, std::string& out, std::vector<FieldError>& errors) {
  if (!clean_line(raw, out)) {
    errors.push_back({std::string(field), std::string(label) + "에 읽을 수 없는 문자가 있습니다."});
  } else if (out.empty()) {
    if (required) errors.push_back({std::string(field), with_particle(label, "을/를") + " 입력해 주십시오."});
  } else if (char_count(out) > max) {
    errors.push_back({std::string(field), with_particle(label, "은/는") + " " + std::to_string(max) +
                                              "자 이하로 입력해 주십시오."});
  }
}

void check_text(std::string_view raw, std::string_view field, std::string_view label, bool required,
                std::string& out, std::vector<FieldError>& errors) {
  if (!clean_text(raw, out)) {
    errors.push_back({std::string(field), std::string(label) + "에 읽을 수 없는 문자가 있습니다."});
    return;
  }
  out = std::string(trim(out));
  if (out.empty() && required)
    errors.push_back({std::string(field), with_particle(label, "을/를") + " 입력해 주십시오."});
  else if (char_count(out) > kTextMaxChars)
    errors.push_back(
        {std::string(field), with_particle(label, "은/는") + " 4,000자 이하로 입력해 주십시오."});
}

/// Minutes since midnight of an HH:MM time, or -1.
int minutes_of(std::string_view text) {
  text = trim(text);
  if (text.size() != 5 || text[2] != ':') return -1;
  int h = 0, m = 0;
  if (std::from_chars(text.data(), text.data() + 2, h).ptr != text.data() + 2) return -1;
  if (std::from_chars(text.data() + 3, text.data() + 5, m).ptr != text.data() + 5) return -1;
  if (h < 0 || h > 23 || m < 0 || m > 59) return -1;
  return h * 60 + m;
}

bool contains(const std::vector<std::int64_t>& ids, std::int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

Error invalid(std::vector<FieldError> errors) {
  return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
}

}  // namespace

Result<WorkshopSession> validate_session(const SessionInput& input) {
  std::vector<FieldError> errors;
  WorkshopSession out;
  check_line(input.title, "title", "세션 제목", kTitleMaxChars, true, out.title, errors);
  const int start = minutes_of(input.starts_at);
  const int end = minutes_of(input.ends_at);
  if (start < 0) errors.push_back({"starts_at", "시작 시각을 14:00처럼 입력해 주십시오."});
  if (end < 0) errors.push_back({"ends_at", "끝나는 시각을 15:30처럼 입력해 주십시오."});
  if (start >= 0 && end >= 0 && end <= start)
    errors.push_back({"ends_at", "끝나는 시각은 시작 시각보다 늦어야 합니다."});
  check_line(input.moderator, "moderator", "좌장", kNameMaxChars, false, out.moderator, errors);
  if (!errors.empty()) return invalid(std::move(errors));
  out.starts_at = std::string(trim(input.starts_at));
  out.ends_at = std::string(trim(input.ends_at));
  return out;
}

Result<Presentation> validate_presentation(const PresentationInput& input,
                                           const std::vector<std::int64_t>& allowed) {
  std::vector<FieldError> errors;
  Presentation out;
  check_line(input.title, "title", "발표 제목", kTitleMaxChars, true, out.title, errors);
  if (!input.organization_id || !contains(allowed, *input.organization_id))
    errors.push_back({"organization", "발표 기관을 워크숍에 참여하는 기관 가운데에서 골라 주십시오."});
  else
    out.organization_id = *input.organization_id;
  check_line(input.presenter, "presenter", "발표자", kNameMaxChars, true, out.presenter, errors);
  check_text(input.summary, "summary", "발표 요지", false, out.summary, errors);
  if (!errors.empty()) return invalid(std::move(errors));
  return out;
}

Result<Opinion> validate_opinion(const OpinionInput& input, const std::vector<std::int64_t>& allowed) {
  std::vector<FieldError> errors;
  Opinion out;
  check_line(input.title, "title", "의견 요지", kTitleMaxChars, true, out.title, errors);
  check_text(input.content, "content", "의견 내용", true, out.content, errors);
  if (auto domain = from_code<PolicyDomain>(kPolicyDomains, trim(input.domain)))
    out.domain = *domain;
  else
    errors.push_back({"domain", "정책영역을 골라 주십시오."});
  for (const auto& id : input.organizations) {
    if (!id || !contains(allowed, *id)) {
      errors.push_back(
          {"organizations", "의견을 낸 기관은 워크숍에 참여하는 기관 가운데에서 골라 주십시오."});
      break;
    }
    if (!contains(out.organizations, *id)) out.organizations.push_back(*id);
  }
  if (input.organizations.empty()) errors.push_back({"organizations", "의견을 낸 기관을 골라 주십시오."});
  if (!errors.empty()) return invalid(std::move(errors));
  return out;
}

WorkshopRights workshop_rights(bool secretariat, bool member, MeetingState state, CivilDate on,
                               CivilDate today) {
  WorkshopRights r;
  if (state == MeetingState::cancelled) return r;
  const bool day_came = days_from_civil(today) >= days_from_civil(on);
  r.edit_program = secretariat && state != MeetingState::minutes_confirmed;
  r.propose_presentation =
      member && !secretariat && (state == MeetingState::planned || state == MeetingState::agenda_published);
  r.record_opinion = secretariat && day_came;
  r.submit_opinion = member && !secretariat && day_came;
  r.turn_opinions = secretariat;
  return r;
}

Result<void> check_turn(const Opinion& opinion) {
  if (opinion.suggestion_id)
    return Error::conflict("이미 건의사항으로 만든 의견입니다. 연결된 건의사항에서 이어서 처리해 주십시오.");
  return {};
}

bool may_manage_presentation_files(const WorkshopRights& rights, std::optional<std::int64_t> own,
                                   std::int64_t proposer_id) {
  return rights.edit_program || (rights.propose_presentation && own && *own == proposer_id);
}

}  // namespace sotong::meetings
