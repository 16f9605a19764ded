// Surveys for every module through the platform: a module that wants its own satisfaction survey (the
// academy's courses, personnel exchange, an expert forum) asks the provider registered under "surveys" to
// open one, and reads back its figures per rated subject, without including the module that runs surveys. The
// provider keeps the same promises for these surveys as for the cooperation index: answers never linked to a
// person, no figure for a group of fewer than five.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "platform/service_context.hpp"

namespace sotong::platform {

/// One question: the five-point scale with 모름, or open text.
struct SurveyQuestionSpec {
  std::string text;
  bool open_text = false;
};

struct SurveyRequest {
  std::string host;  // the asking module's name ("academy"): its surveys are kept apart under it
  std::string title;
  int year = 0;
  CivilDate opens_on{};
  CivilDate closes_on{};
  /// What respondents rate, in the host's own meaning (a course's id); each respondent rates each of them.
  std::vector<std::int64_t> subjects;
  std::vector<std::int64_t> respondents;  // account ids invited (each told in their inbox)
  std::vector<SurveyQuestionSpec> questions;
};

/// One subject's figures over every scale question; all zero and `shown` false for fewer than five responses.
struct SurveySubjectResult {
  std::int64_t subject = 0;
  bool shown = false;
  std::int64_t responses = 0;
  double mean = 0;
  double score = 0;  // 0–100
  double positive_ratio = 0;
};

struct SurveyProvider {
  std::string code;  // "surveys"
  /// Opens the survey at once (invitations sent); the caller has checked its own permission. Returns the
  /// campaign's id, or a Korean refusal.
  std::function<Result<std::int64_t>(const ServiceContext&, const SurveyRequest&)> create;
  /// The figures of a campaign the host opened (not found for another host's).
  std::function<Result<std::vector<SurveySubjectResult>>(const ServiceContext&, std::string_view host,
                                                         std::int64_t campaign)>
      results;
};

/// Registers a provider (from a module's manifest); registering a code again replaces it.
void register_survey_provider(SurveyProvider provider);
/// The provider with this code ("surveys"), or nullopt when no module provides surveys.
std::optional<SurveyProvider> survey_provider(std::string_view code = "surveys");

}  // namespace sotong::platform
