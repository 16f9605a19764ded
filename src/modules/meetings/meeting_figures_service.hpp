// The figures (성과 지표) of 회의 (meetings) for a year, over what the person may see.
#pragma once

#include "core/result.hpp"
#include "modules/meetings/meeting_figures.hpp"
#include "platform/service_context.hpp"

namespace sotong::meetings {

/// The year's figures over the bodies the person sees (a 시·군 officer: those its 시·군 sits on) and the
/// meetings of them it may open. invalid (field `year`) outside 2000–2100.
Result<MeetingFigures> year_figures(const platform::ServiceContext& svc, int year);

}  // namespace sotong::meetings
