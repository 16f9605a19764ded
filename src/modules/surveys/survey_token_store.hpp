// The SQL of invitations and progress (survey_tokens, survey_drafts): who is invited, when they were
// reminded, the day they submitted, and their unsent answers. Nothing here reads or writes a stored response.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "modules/surveys/survey.hpp"
#include "store/database.hpp"

namespace sotong::surveys::survey_token_store {

struct Token {
  std::int64_t id = 0;
  std::int64_t campaign_id = 0;
  std::int64_t account_id = 0;
  std::int64_t organization_id = 0;
  bool has_secret = false;
  std::optional<std::string> completed_on;
};

/// Invites the account unless it already is; true when a new invitation was made.
bool invite(store::Connection& c, std::int64_t campaign_id, std::int64_t account_id,
            std::int64_t organization_id, Timestamp at);
std::optional<Token> find_by_hash(store::Connection& c, std::string_view token_hash);
std::optional<Token> find_for_account(store::Connection& c, std::int64_t campaign_id,
                                      std::int64_t account_id);
/// Gives the invitation a new secret (its hash); an earlier address stops working, progress is kept.
void set_secret(store::Connection& c, std::int64_t token_id, std::string_view token_hash);
/// Marks the invitation used on `day` and forgets its secret; false when it was used already (a second
/// submission racing the first).
bool complete(store::Connection& c, std::int64_t token_id, std::string_view day);
/// Accounts invited to the open campaign who have not submitted, for a reminder; marks them reminded.
std::vector<std::int64_t> remind_pending(store::Connection& c, std::int64_t campaign_id, Timestamp at);
/// Per organisation: invited, completed (organisation id order).
std::vector<Completion> completion(store::Connection& c, std::int64_t campaign_id);
/// The account's invitations to campaigns of any state, newest campaign first.
std::vector<Invitation> invitations_of(store::Connection& c, std::int64_t account_id);
/// Invitations to open campaigns the account has not submitted yet.
std::int64_t count_waiting(store::Connection& c, std::int64_t account_id);

/// Progress: the subjects chosen and the answers given so far, per subject.
std::vector<Answers> drafts(store::Connection& c, std::int64_t token_id);
void save_draft(store::Connection& c, std::int64_t token_id, const Answers& answers);
void remove_draft(store::Connection& c, std::int64_t token_id, std::int64_t subject_id);
void clear_drafts(store::Connection& c, std::int64_t token_id);

}  // namespace sotong::surveys::survey_token_store
