// `sotong surveys import --campaign ID FILE`: answers collected on paper or by another tool, into a campaign.
#pragma once

#include "platform/extension_points.hpp"

namespace sotong::surveys {

platform::CliCommand surveys_command();

}  // namespace sotong::surveys
