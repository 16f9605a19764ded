// The shipped basic questionnaire (기본형 설문문항): for each of the six policy domains, one question per
// dimension on the five-point scale with 모름 (frequency and quality of communication, cooperation on policy,
// grasp and resolution of 현안사업, handling of 건의사항, satisfaction, change against last year), then two
// open questions. The index's thirty questions are the first five of each domain.
#pragma once

#include "modules/surveys/survey.hpp"
#include "store/database.hpp"

namespace sotong::surveys {

inline constexpr const char* kBasicTitle = "정책소통협력지수 기본형 설문";
/// The year the shipped version is dated: the index's first survey.
inline constexpr int kBasicYear = 2024;

Questionnaire basic_questionnaire(int year);

/// Adds the basic questionnaire when there is none yet (run at every start; written once).
void seed_basic_questionnaire(store::Connection& c);

}  // namespace sotong::surveys
