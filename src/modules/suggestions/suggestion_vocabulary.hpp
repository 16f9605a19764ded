// The closed lists a suggestion is described by: its policy domain, the channel it came through and the
// meeting level that reviews it once adopted. Codes are stored and used in the API; labels are shown.
#pragma once

#include <array>

#include "core/vocabulary.hpp"

namespace sotong::suggestions {

/// 정책영역 (GLOSSARY): what the suggestion is about.
enum class Domain { budget, personnel, project, institution, information, behavior };

inline constexpr std::array<Term<Domain>, 6> kDomains = {{
    {Domain::budget, "budget", "예산"},
    {Domain::personnel, "personnel", "인사"},
    {Domain::project, "project", "사업"},
    {Domain::institution, "institution", "제도"},
    {Domain::information, "information", "정보"},
    {Domain::behavior, "behavior", "행태"},
}};

/// Where the suggestion was raised: filed directly by the 시·군, or recorded by the coordinator from a
/// meeting (a workshop's collected opinion comes through the platform's intake target,
/// suggestion_intake.hpp).
enum class Channel {
  direct,
  policy_council,
  vice_mayors,
  planning_directors,
  bureau_meeting,
  ad_hoc,
  workshop
};

inline constexpr std::array<Term<Channel>, 7> kChannels = {{
    {Channel::direct, "direct", "시·군 직접 등록"},
    {Channel::policy_council, "policy_council", "지방자치정책협의회"},
    {Channel::vice_mayors, "vice_mayors", "부시장·부군수 회의"},
    {Channel::planning_directors, "planning_directors", "기획실장회의"},
    {Channel::bureau_meeting, "bureau_meeting", "실국-시·군 회의"},
    {Channel::ad_hoc, "ad_hoc", "수시"},
    {Channel::workshop, "workshop", "정책협력 워크숍"},
}};

/// The meeting that reviews an adopted item regularly (the hand-off to the meetings module).
enum class ReviewLevel { policy_council, vice_mayors, bureau_meeting };

inline constexpr std::array<Term<ReviewLevel>, 3> kReviewLevels = {{
    {ReviewLevel::policy_council, "policy_council", "분기 지방자치정책협의회"},
    {ReviewLevel::vice_mayors, "vice_mayors", "월례 부시장·부군수 회의"},
    {ReviewLevel::bureau_meeting, "bureau_meeting", "월례 실국 회의"},
}};

inline std::string_view domain_code(Domain d) {
  return code_of<Domain>(kDomains, d);
}
inline std::string_view domain_label(Domain d) {
  return label_of<Domain>(kDomains, d);
}
inline std::string_view channel_code(Channel c) {
  return code_of<Channel>(kChannels, c);
}
inline std::string_view channel_label(Channel c) {
  return label_of<Channel>(kChannels, c);
}
inline std::string_view review_level_code(ReviewLevel l) {
  return code_of<ReviewLevel>(kReviewLevels, l);
}
inline std::string_view review_level_label(ReviewLevel l) {
  return label_of<ReviewLevel>(kReviewLevels, l);
}

}  // namespace sotong::suggestions
