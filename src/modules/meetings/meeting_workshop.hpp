// The records of 정책협력 워크숍 (workshops): a workshop meeting's sessions (세션), its case presentations
// (사례발표) and the opinions collected there (수렴의견), which the secretariat may turn into suggestions;
// with the closed lists of their codes and Korean labels.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/vocabulary.hpp"

namespace sotong::meetings {

struct WorkshopSession {
  std::int64_t id = 0;
  std::int64_t meeting_id = 0;
  std::int64_t position = 0;
  std::string title;
  std::string starts_at;  // HH:MM
  std::string ends_at;
  std::string moderator;  // as written (좌장: a name and position)
  Timestamp created_at = 0;
};

enum class PresentationStatus { proposed, accepted, declined };
inline constexpr std::array<Term<PresentationStatus>, 3> kPresentationStatuses = {{
    {PresentationStatus::proposed, "proposed", "제안됨"},
    {PresentationStatus::accepted, "accepted", "채택"},
    {PresentationStatus::declined, "declined", "제외"},
}};

struct Presentation {
  std::int64_t id = 0;
  std::int64_t meeting_id = 0;
  std::int64_t position = 0;
  std::string title;
  std::int64_t organization_id = 0;  // the presenting organisation
  std::string presenter;             // name (and position) as written
  std::string summary;
  PresentationStatus status = PresentationStatus::proposed;
  std::int64_t proposer_id = 0;  // the organisation that put it forward
  Timestamp created_at = 0;
};

/// 정책영역 (GLOSSARY): the same six codes every module uses for a policy domain, so that an opinion's domain
/// is handed to the suggestion it becomes as it is.
enum class PolicyDomain { budget, personnel, project, institution, information, behavior };
inline constexpr std::array<Term<PolicyDomain>, 6> kPolicyDomains = {{
    {PolicyDomain::budget, "budget", "예산"},
    {PolicyDomain::personnel, "personnel", "인사"},
    {PolicyDomain::project, "project", "사업"},
    {PolicyDomain::institution, "institution", "제도"},
    {PolicyDomain::information, "information", "정보"},
    {PolicyDomain::behavior, "behavior", "행태"},
}};

enum class OpinionSource { recorded, submitted };
inline constexpr std::array<Term<OpinionSource>, 2> kOpinionSources = {{
    {OpinionSource::recorded, "recorded", "간사 기록"},
    {OpinionSource::submitted, "submitted", "위원 기관 제출"},
}};

struct Opinion {
  std::int64_t id = 0;
  std::int64_t meeting_id = 0;
  std::string title;
  std::string content;
  PolicyDomain domain = PolicyDomain::project;
  std::vector<std::int64_t> organizations;  // where it came from, the first one raising it
  OpinionSource source = OpinionSource::recorded;
  std::int64_t recorded_by_org = 0;  // the organisation of whoever wrote it down
  std::optional<std::int64_t> suggestion_id;
  std::string suggestion_href;  // the suggestion it became, once turned
  std::optional<Timestamp> turned_at;
  Timestamp created_at = 0;
};

}  // namespace sotong::meetings
