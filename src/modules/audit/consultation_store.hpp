// The SQL of the standing consultation: portable statements with ? placeholders over the part's own tables
// (audit_consultations and its steps, experts, opinions and reminders). Callers pass their transaction's
// connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "modules/audit/consultation.hpp"
#include "store/database.hpp"

namespace sotong::audit::consultation_store {

/// Which organisations' consultations: nullopt for every organisation, else only these.
using Organizations = std::optional<std::vector<std::int64_t>>;

struct ListQuery {
  Organizations organizations;
  std::optional<ConsultationState> state;
  std::optional<ConsultationKind> kind;
  std::string text;                              // part of the title or the question
  bool open_only = false;                        // not notified yet
  std::optional<std::string> overdue_on;         // "YYYY-MM-DD": open and due before this day
  std::optional<std::vector<std::int64_t>> ids;  // only these (an expert's invitations)
  std::int64_t before_id = 0;                    // keyset paging: only ids below this
  std::int64_t limit = 25;
};

/// At most `limit` consultations, newest first (module columns only).
std::vector<Consultation> list(store::Connection& c, const ListQuery& query);
std::int64_t count(store::Connection& c, const ListQuery& query);
std::optional<Consultation> find(store::Connection& c, std::int64_t id);

std::int64_t insert(store::Connection& c, const ValidConsultation& v, std::int64_t organization_id,
                    const std::string& due_date, std::int64_t asked_by, Timestamp at);
void set_state(store::Connection& c, std::int64_t id, ConsultationState state, Timestamp at);
void set_answer(store::Connection& c, std::int64_t id, const ValidAnswer& answer, std::int64_t answered_by,
                Timestamp at);
void set_case(store::Connection& c, std::int64_t id, std::int64_t case_id, Timestamp at);

void insert_step(store::Connection& c, std::int64_t consultation_id, std::optional<ConsultationState> from,
                 ConsultationState to, const std::string& note, std::int64_t moved_by, Timestamp at);
/// The steps, oldest first (names not filled in).
std::vector<ConsultationStep> steps(store::Connection& c, std::int64_t consultation_id);

/// Invites the expert; false when they were already invited.
bool invite_expert(store::Connection& c, std::int64_t consultation_id, std::int64_t account_id,
                   std::int64_t invited_by, Timestamp at);
std::vector<ConsultationExpert> experts(store::Connection& c, std::int64_t consultation_id);
bool is_invited(store::Connection& c, std::int64_t consultation_id, std::int64_t account_id);
/// The consultations the expert was invited to.
std::vector<std::int64_t> invitations_of(store::Connection& c, std::int64_t account_id);

void insert_opinion(store::Connection& c, std::int64_t consultation_id, std::int64_t account_id,
                    const std::string& body, Timestamp at);
std::vector<ConsultationOpinion> opinions(store::Connection& c, std::int64_t consultation_id);

/// Moves a consultation and its steps `seconds` into the past with its new deadline (the demo's older
/// requests).
void backdate(store::Connection& c, std::int64_t id, Timestamp seconds, const std::string& due_date);

/// Open consultations due on or before `horizon` ("YYYY-MM-DD").
std::vector<Consultation> open_due_by(store::Connection& c, const std::string& horizon);
/// Marks a reminder sent; false when it was sent before (then it is not sent again).
bool mark_reminder_sent(store::Connection& c, std::int64_t consultation_id, std::string_view kind,
                        const std::string& due_date, Timestamp at);

}  // namespace sotong::audit::consultation_store
