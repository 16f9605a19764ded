// Use cases of reply templates: a bureau's officers keep their bureau's, the coordinator any bureau's; the
// reply form of a suggestion offers its lead bureau's. Each write goes into the change history.
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.hpp"
#include "modules/suggestions/suggestion_reply_template.hpp"
#include "platform/service_context.hpp"
#include "store/database.hpp"

namespace sotong::suggestions {

inline constexpr const char* kTemplateNotFound =
    "찾으시는 회신 서식이 없거나 관리할 수 있는 범위 밖에 있습니다.";

/// The templates the actor manages: every bureau's for the coordinator, the own bureau's for a bureau
/// officer; forbidden for anyone else.
Result<std::vector<ReplyTemplate>> list_reply_templates(const platform::ServiceContext& svc);
Result<ReplyTemplate> get_reply_template(const platform::ServiceContext& svc, std::int64_t id);
Result<std::int64_t> create_reply_template(const platform::ServiceContext& svc,
                                           const ReplyTemplateInput& input);
Result<void> update_reply_template(const platform::ServiceContext& svc, std::int64_t id,
                                   const ReplyTemplateInput& input);
Result<void> delete_reply_template(const platform::ServiceContext& svc, std::int64_t id);

/// The templates of one bureau, for the reply form of a suggestion it leads (on the caller's connection).
std::vector<ReplyTemplate> bureau_reply_templates(store::Connection& c, std::int64_t bureau_id);

}  // namespace sotong::suggestions
