// The survey engine as the platform's survey provider (platform/survey_providers.hpp): other modules open
// satisfaction surveys of their own and read their figures per subject, under the same anonymity and the same
// rule of five, without including this module.
#pragma once

#include "platform/survey_providers.hpp"

namespace sotong::surveys {

platform::SurveyProvider survey_provider();

}  // namespace sotong::surveys
