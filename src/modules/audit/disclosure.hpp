// Self-disclosure (자율적 시정·플리바겐): an official's own report of a mistake and what was already put
// right, and the audit office's decision on it, as plain values without behaviour.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/vocabulary.hpp"
#include "modules/audit/audit_vocabulary.hpp"

namespace sotong::audit {

/// The audit office's decision on a filing: lighter (감경) or no (면제) disciplinary consequence, or not a
/// case for leniency at all (해당없음).
enum class DisclosureDecision { reduced, exempted, not_applicable };

inline constexpr std::array<Term<DisclosureDecision>, 3> kDisclosureDecisions = {{
    {DisclosureDecision::reduced, "reduced", "감경"},
    {DisclosureDecision::exempted, "exempted", "면제"},
    {DisclosureDecision::not_applicable, "not_applicable", "해당없음"},
}};

/// Where a filing stands: waiting for the audit office, or decided.
enum class DisclosureState { pending, decided };

inline constexpr std::array<Term<DisclosureState>, 2> kDisclosureStates = {{
    {DisclosureState::pending, "pending", "결정 대기"},
    {DisclosureState::decided, "decided", "결정"},
}};

/// One filing as the audit office reads it. The organisation's name and path and the people's names come
/// from the platform's stores (the service fills them in).
struct Disclosure {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::string organization_name;
  std::string organization_path;
  std::string title;        // the matter
  std::string description;  // what happened
  CivilDate period_from{};
  std::optional<CivilDate> period_to;  // none: a single day, or still going on
  CaseType mistake_kind = CaseType::other;
  std::optional<std::int64_t> amount;  // won
  std::string corrected;               // what the organisation already put right (자율 시정 내용)
  std::string related_audit;           // free text: the field audit it came up in, if any
  std::int64_t filed_by = 0;
  std::string filed_by_name;
  Timestamp filed_at = 0;
  int filed_year = 0;  // the Korean calendar year of filed_at, which the figures count by
  std::optional<DisclosureDecision> decision;
  std::string decision_reasons;
  std::int64_t decided_by = 0;
  std::string decided_by_name;
  std::optional<Timestamp> decided_at;

  DisclosureState state() const { return decision ? DisclosureState::decided : DisclosureState::pending; }
};

/// The filing form as typed.
struct DisclosureInput {
  std::string title;
  std::string description;
  std::string period_from;
  std::string period_to;
  std::string mistake_kind;
  std::string amount;
  std::string corrected;
  std::string related_audit;
};

/// A filing that passed the rules, ready to store.
struct ValidDisclosure {
  std::string title;
  std::string description;
  CivilDate period_from{};
  std::optional<CivilDate> period_to;
  CaseType mistake_kind = CaseType::other;
  std::optional<std::int64_t> amount;
  std::string corrected;
  std::string related_audit;
};

/// The decision form as typed.
struct DecisionInput {
  std::string decision;
  std::string reasons;
};

struct ValidDecision {
  DisclosureDecision decision = DisclosureDecision::not_applicable;
  std::string reasons;
};

/// What the filer is shown once, after filing: the receipt number and the time.
struct DisclosureReceipt {
  std::int64_t id = 0;
  std::string number;  // "2026-0007"
  Timestamp filed_at = 0;
};

/// The list's filters (all optional).
struct DisclosureFilter {
  std::optional<int> year;
  std::optional<DisclosureState> state;
  std::optional<DisclosureDecision> decision;
};

/// Filings of one year by decision, province-wide: the figures everyone may read.
struct DisclosureYearCount {
  int year = 0;
  std::int64_t pending = 0;
  std::int64_t reduced = 0;
  std::int64_t exempted = 0;
  std::int64_t not_applicable = 0;
  std::int64_t total() const { return pending + reduced + exempted + not_applicable; }
};

}  // namespace sotong::audit
