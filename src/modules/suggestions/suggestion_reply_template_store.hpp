// The SQL of reply templates (suggestion_reply_templates).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/clock.hpp"
#include "modules/suggestions/suggestion_reply_template.hpp"
#include "store/database.hpp"

namespace sotong::suggestions::reply_template_store {

/// The templates of one bureau, or of every bureau (nullopt), by bureau then title; deleted ones left out.
std::vector<ReplyTemplate> list(store::Connection& c, std::optional<std::int64_t> bureau_id);
std::optional<ReplyTemplate> find(store::Connection& c, std::int64_t id);
std::int64_t insert(store::Connection& c, const ReplyTemplate& t, std::int64_t created_by, Timestamp at);
void update(store::Connection& c, const ReplyTemplate& t, Timestamp at);
void mark_deleted(store::Connection& c, std::int64_t id, Timestamp at);

}  // namespace sotong::suggestions::reply_template_store
