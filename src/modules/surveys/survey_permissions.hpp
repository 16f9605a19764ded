// Who may do what in the survey engine and the cooperation index: the module's rows of the one policy. Nobody
// has an action that reads who answered what: no such read exists.
#pragma once

#include <vector>

#include "platform/policy.hpp"

namespace sotong::surveys {

/// Questionnaires, campaigns, invitations, closing, the report's notes: the coordinator (정책협력 담당).
inline constexpr const char* kManage = "surveys.manage";
/// Every bureau's figures, the report and its export: the coordinator only.
inline constexpr const char* kResults = "surveys.results";
/// A bureau's own feedback page: bureau officers, within their own bureau.
inline constexpr const char* kFeedback = "surveys.feedback";
/// The person's own invitations (「내 설문」): every signed-in role.
inline constexpr const char* kRespond = "surveys.respond";

std::vector<platform::Permission> permissions();

}  // namespace sotong::surveys
