// 건의사항 as a platform review source: adopted items with a review level are what the standing meetings
// review, and a meeting's decision comes back through record_review (the meetings module includes neither).
#pragma once

#include "platform/review_sources.hpp"

namespace sotong::suggestions {

platform::ReviewSource review_source();

}  // namespace sotong::suggestions
