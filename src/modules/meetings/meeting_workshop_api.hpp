// A workshop meeting's sessions, case presentations and opinions in the JSON API (GET /api/v1/meetings/{id}),
// scoped as the page shows them (meeting_workshop_api.cpp; the shapes in openapi.json).
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>

#include "platform/service_context.hpp"

namespace sotong::meetings {

/// Sets out["workshop"] ({sessions, presentations, opinions}) when the meeting's body is a workshop the
/// actor may open; leaves `out` as it is otherwise.
void add_workshop_json(const platform::ServiceContext& svc, std::int64_t meeting_id,
                       boost::json::object& out);

}  // namespace sotong::meetings
