// Use cases of the standing consultation, verb–noun: each checks the policy against the consultation's
// organisation (or the expert's invitation) first, validates with the pure rules, then reads, or writes in
// one transaction together with the step, the change history, the search document and the notifications.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "modules/audit/consultation.hpp"
#include "platform/policy.hpp"
#include "platform/service_context.hpp"
#include "store/database.hpp"

namespace sotong::audit {

inline constexpr const char* kConsultationNotFound =
    "찾으시는 감사 컨설팅이 없거나 볼 수 있는 범위 밖에 있습니다.";
inline constexpr const char* kConsultationSource = "audit_consultations";

/// The list's filters, as chosen.
struct ConsultationFilter {
  std::optional<ConsultationState> state;
  std::optional<ConsultationKind> kind;
  std::string text;
  std::string view;  // "", "open" (not answered yet) or "overdue"
};

struct ConsultationPage {
  std::vector<Consultation> items;
  std::int64_t next_before = 0;
  CivilDate today{};
};

/// An account one may pick (an expert to invite).
struct AccountChoice {
  std::int64_t id = 0;
  std::string name;
};

/// The consultations the actor may view (their organisation's subtree; the audit office all of them), newest
/// first, filtered.
Result<ConsultationPage> list_consultations(const platform::ServiceContext& svc,
                                            const ConsultationFilter& filter, std::int64_t before_id,
                                            std::int64_t page_size);
/// The consultations the expert was invited to, newest first.
Result<ConsultationPage> list_invited_consultations(const platform::ServiceContext& svc,
                                                    std::int64_t before_id, std::int64_t page_size);

/// One consultation as its reader sees it: the audit office and the asking organisation (the analysis
/// opinions only for the audit office, or when the answer shares them). not_found out of reach.
Result<ConsultationFile> open_consultation(const platform::ServiceContext& svc, std::int64_t id);
/// One consultation as an invited expert sees it (with the opinions); not_found for any other expert.
Result<ConsultationFile> open_invited_consultation(const platform::ServiceContext& svc, std::int64_t id);

/// Files a request of the actor's organisation (step 요구, the deadline kAnswerWorkingDays working days on)
/// and tells the audit office; returns its id.
Result<std::int64_t> ask_consultation(const platform::ServiceContext& svc, const ConsultationInput& input);
/// Moves it to another step (check_step), kept with who, when and why; the asker is told. Returns the flash.
Result<std::string> move_consultation(const platform::ServiceContext& svc, std::int64_t id,
                                      const StepInput& input);
/// Invites an expert (an active account with the expert role) during 분석·추출; the expert is told.
Result<std::string> invite_consultation_expert(const platform::ServiceContext& svc, std::int64_t id,
                                               std::string_view account_id);
/// Adds an analysis opinion: the audit office, or an expert invited to this consultation.
Result<void> add_consultation_opinion(const platform::ServiceContext& svc, std::int64_t id,
                                      std::string_view body);
/// The answer (결과통보) with its legal basis; the asker is told.
Result<void> answer_consultation(const platform::ServiceContext& svc, std::int64_t id,
                                 const AnswerInput& input);

/// The experts the audit office may invite.
std::vector<AccountChoice> expert_choices(store::Connection& c);

/// May `actor` see the consultation (the attachments' rule): the view action on its organisation, or an
/// expert's invitation.
bool may_view_consultation(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                           std::int64_t id);
/// May `actor` add or delete its files: the asking organisation before the answer, and the audit office.
bool may_change_consultation_files(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                                   std::int64_t id);

/// Consultations the audit office has not answered yet, and those past their deadline (the home page's task).
std::int64_t count_waiting_consultations(store::Connection& c, bool overdue_only);
/// Consultations the expert is invited to that are still in analysis.
std::int64_t count_expert_invitations(store::Connection& c, std::int64_t account_id);

std::string consultation_href(std::int64_t id);
/// Writes the consultation's search document on the caller's connection.
void index_consultation(store::Connection& c, const Consultation& record);
/// Indexes every consultation: the search source's rebuild.
void reindex_consultations(store::Connection& c);
/// Describes one consultation (names, path), or nullopt.
std::optional<Consultation> find_consultation(store::Connection& c, std::int64_t id);

}  // namespace sotong::audit
