// The SQL of 정책협력 워크숍 (workshops): sessions, case presentations and collected opinions of a meeting,
// over the module's own tables (migrations/0004_meeting_workshops.sql). Callers pass their transaction's
// connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "modules/meetings/meeting_workshop.hpp"
#include "store/database.hpp"

namespace sotong::meetings::workshop_store {

// Sessions, in position order.
std::vector<WorkshopSession> sessions_of(store::Connection& c, std::int64_t meeting_id);
std::optional<WorkshopSession> find_session(store::Connection& c, std::int64_t id);
/// Inserts the session last.
std::int64_t insert_session(store::Connection& c, const WorkshopSession& s, Timestamp at);
void update_session(store::Connection& c, const WorkshopSession& s);
void delete_session(store::Connection& c, std::int64_t id);

// Case presentations, in position order.
std::vector<Presentation> presentations_of(store::Connection& c, std::int64_t meeting_id);
std::optional<Presentation> find_presentation(store::Connection& c, std::int64_t id);
/// Inserts the presentation last.
std::int64_t insert_presentation(store::Connection& c, const Presentation& p, Timestamp at);
void update_presentation(store::Connection& c, const Presentation& p);
void update_presentation_status(store::Connection& c, std::int64_t id, PresentationStatus status);
void delete_presentation(store::Connection& c, std::int64_t id);

// Collected opinions, oldest first, with their organisations.
std::vector<Opinion> opinions_of(store::Connection& c, std::int64_t meeting_id);
std::optional<Opinion> find_opinion(store::Connection& c, std::int64_t id);
std::int64_t insert_opinion(store::Connection& c, const Opinion& o, std::optional<std::int64_t> created_by,
                            Timestamp at);
/// Links the opinion to the suggestion it became, unless it was linked already; true when this call linked
/// it.
bool link_suggestion(store::Connection& c, std::int64_t opinion_id, std::int64_t suggestion_id,
                     const std::string& href, std::int64_t by, Timestamp at);

}  // namespace sotong::meetings::workshop_store
