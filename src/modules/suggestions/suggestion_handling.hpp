// Use cases of handling a filed suggestion: the life-cycle decisions (검토, 의제화, 추진, outcomes, 회신,
// 종결, 다시 열기, 이의 신청) and the steps beside them (추진상황 보고, 기한 연장, 이송, 주관 실국 변경,
// 만족도, 내부 메모). Each runs in one transaction: the rule decides, the record changes, a timeline entry
// and the change history are written and the people concerned are told — or nothing happens and a Korean
// refusal says why.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.hpp"
#include "modules/suggestions/suggestion_handling_rules.hpp"
#include "platform/review_sources.hpp"
#include "platform/service_context.hpp"

namespace sotong::suggestions {

/// Takes the action or step named by `input.action` (a life-cycle action's or a step's code) on suggestion
/// `id`, and returns what to tell the person ("의제화했습니다."). not_found when the suggestion is out of
/// reach; conflict, forbidden or field errors from the rules.
Result<std::string> handle_suggestion(const platform::ServiceContext& svc, std::int64_t id,
                                      const DecisionInput& input);

/// Writes a standing meeting's decision on suggestion `id` into its timeline, with the next review date, and
/// takes the life-cycle step the decision names — under the same rules as any decision, in one transaction: a
/// refused step writes nothing. Only the coordinator or the lead bureau records it (for the secretariat).
Result<void> record_review(const platform::ServiceContext& svc, std::int64_t id,
                           const platform::ReviewDecision& decision);

}  // namespace sotong::suggestions
