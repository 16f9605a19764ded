// Answering with an invitation's secret address (/s/{token}): no sign-in, no account and no address of the
// person reach a response. Progress is kept under the invitation until it is submitted; submitting marks the
// invitation used and adds the answers, one response per rated bureau, to the campaign's waiting responses,
// which are moved in shuffled batches (survey_response_store).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "http/form.hpp"
#include "modules/surveys/survey.hpp"
#include "platform/service_context.hpp"
#include "store/database.hpp"

namespace sotong::surveys {

/// What the respondent sees: the campaign, the questions, the bureaus they may rate and their progress.
struct AnswerSheet {
  Campaign campaign;
  std::vector<Question> questions;
  /// Bureaus the respondent may rate (the campaign's subjects but their own), with names.
  std::vector<std::pair<std::int64_t, std::string>> choices;
  /// Progress per chosen bureau (answer bytes, texts).
  std::vector<Answers> drafts;
  std::int64_t token_id = 0;
};

/// The sheet for a secret address; not found (the same answer for an unknown, used or closed one) otherwise.
Result<AnswerSheet> open_sheet(store::Database& db, std::string_view token, CivilDate today);
/// Keeps the bureaus chosen (at most the campaign's number): progress of a bureau no longer chosen is
/// dropped.
Result<bool> choose_subjects(store::Database& db, std::string_view token,
                             const std::vector<std::string>& subjects, CivilDate today);
/// Keeps the answers to one chosen bureau's questions.
Result<bool> save_answers(store::Database& db, std::string_view token, std::int64_t subject_id,
                          const http::Form& form, CivilDate today);
/// Submits: every chosen bureau fully answered (모름 counts), then, in one transaction, the invitation marked
/// used on the day, its progress deleted, the responses added to the waiting ones (moved when five wait).
Result<std::int64_t> submit_answers(store::Database& db, std::string_view token, Timestamp at);

/// A fresh secret address for the signed-in person's invitation (an earlier one stops working; progress
/// stays): the only time the secret exists outside the person's browser.
Result<std::string> issue_secret(const platform::ServiceContext& svc, std::int64_t campaign_id);
/// The signed-in person's invitations.
Result<std::vector<Invitation>> my_invitations(const platform::ServiceContext& svc);

}  // namespace sotong::surveys
