// 건의사항 (suggestions): the module's records as plain values, without behaviour.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "modules/suggestions/suggestion_lifecycle.hpp"
#include "modules/suggestions/suggestion_vocabulary.hpp"

namespace sotong::suggestions {

/// An organisation as a suggestion names it; name and path come from the platform's organisations.
struct OrganizationRef {
  std::int64_t id = 0;
  std::string name;
  std::string path;  // "/1/12/": decides who may see the suggestion
};

/// One suggestion. `organization` filed it (a 시·군, or the province for one raised elsewhere); the
/// coordinator makes it an agenda item with a lead bureau and a due date; the timeline is kept apart (Event).
struct Suggestion {
  std::int64_t id = 0;
  OrganizationRef organization;
  std::string title;
  std::string content;
  Domain domain = Domain::project;
  Channel channel = Channel::direct;
  std::vector<OrganizationRef> concerned;  // the 시·군 it concerns besides the one that filed it
  std::optional<OrganizationRef> addressed_bureau;
  std::optional<CivilDate> desired_date;
  State state = State::draft;
  std::optional<OrganizationRef> lead_bureau;
  std::vector<OrganizationRef> cooperating;  // bureaus helping the lead
  int working_days = 0;                      // the clock the due date was counted with
  std::optional<CivilDate> due_date;
  int extensions = 0;
  bool appealed = false;
  int progress = 0;  // percent, from the latest progress report
  std::optional<ReviewLevel> review_level;
  std::optional<CivilDate> next_review;
  std::string answer;               // the reply (회신) the submitter received
  std::optional<int> satisfaction;  // 1–5, given by the submitter after the reply
  std::string satisfaction_comment;
  std::optional<std::int64_t> merged_into;  // a duplicate points to the suggestion that carries on
  std::optional<std::int64_t> parent_id;    // a sub-item's agenda item
  std::int64_t created_by = 0;
  std::string created_by_name;
  Timestamp created_at = 0;
  std::optional<Timestamp> submitted_at, adopted_at, outcome_at, answered_at, closed_at;
  std::optional<State> outcome;  // the outcome last decided (해결 …), still known once answered or closed
  std::optional<Timestamp> rated_at;  // when the standing rating was given
  Timestamp updated_at = 0;
};

/// One entry of the timeline: a decision (kind = the action's code, with the states it moved between), or
/// "progress", "extend", "transfer", "reassign", "rate", "note", "edit". `internal` entries are notes for the
/// province side only.
struct Event {
  std::int64_t id = 0;
  std::int64_t suggestion_id = 0;
  std::string kind;
  std::optional<State> from_state, to_state;
  std::string body;    // the reason, report, answer or note as written
  std::string detail;  // what else the entry fixes: a new due date, an organisation's name
  std::optional<int> percent;
  bool internal = false;
  std::int64_t actor_id = 0;
  std::string actor_name;
  std::int64_t actor_organization_id = 0;
  std::string actor_organization_name;
  Timestamp created_at = 0;
};

/// What a person submits to file or edit a suggestion, as typed.
struct SuggestionInput {
  std::string title;
  std::string content;
  std::string domain;
  std::vector<std::string> concerned;  // organisation ids of the 시·군 it concerns
  std::string addressed_bureau;        // organisation id, or empty
  std::string desired_date;            // YYYY-MM-DD, or empty
  std::string channel;                 // empty: filed directly
  std::string on_behalf_of;            // the coordinator records one for a 시·군: its id
};

/// An input that passed the rules, ready to store (trimmed, Hangul composed to NFC, ids parsed).
struct ValidSuggestion {
  std::string title;
  std::string content;
  Domain domain = Domain::project;
  std::vector<std::int64_t> concerned;
  std::optional<std::int64_t> addressed_bureau;
  std::optional<CivilDate> desired_date;
  Channel channel = Channel::direct;
  std::optional<std::int64_t> on_behalf_of;
};

}  // namespace sotong::suggestions
