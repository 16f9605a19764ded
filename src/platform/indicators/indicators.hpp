// The indicators modules register (named yearly figures per organisation) and reading them: the evaluation
// combines them into scorecards without including the modules that compute them.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "platform/extension_points.hpp"
#include "platform/service_context.hpp"

namespace sotong::platform::indicators {

/// Adds an indicator (at start, from the manifests). Throws std::logic_error for a code registered twice by
/// different definitions, a code without its module's prefix ("accounts.x") or a missing compute.
void register_indicator(const Indicator& indicator);

/// Every registered indicator the actor may read, in registration order.
std::vector<Indicator> readable(const ServiceContext& svc);

/// An indicator's definition with its figures for one year.
struct Figures {
  Indicator indicator;
  std::vector<IndicatorValue> values;  // one per organisation that has one, sorted by organisation id
};

/// The figures of `code` for `year` (2000–2100); not_found for an unknown code or one the actor may not read,
/// invalid for a year outside the range.
Result<Figures> compute(const ServiceContext& svc, std::string_view code, int year);

}  // namespace sotong::platform::indicators
