// The attachments' SQL: rows of the attachments table, their content read only when downloaded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "platform/attachments/attachments.hpp"
#include "store/database.hpp"

namespace sotong::platform::attachment_store {

using attachments::Attachment;

/// Stores one file for its owner (a's owner, name, type, size and hash; its id is not read); returns the id.
std::int64_t insert_attachment(store::Connection& c, const Attachment& a, const std::string& content,
                               std::int64_t uploaded_by, Timestamp uploaded_at);
/// The owner's attachments that are not deleted, oldest first, without content or uploader name.
std::vector<Attachment> list_attachments(store::Connection& c, std::string_view owner_type,
                                         std::int64_t owner_id);
/// One attachment (deleted or not), without content or uploader name.
std::optional<Attachment> find_attachment(store::Connection& c, std::int64_t id);
/// The bytes of an attachment that is not deleted.
std::optional<std::string> read_content(store::Connection& c, std::int64_t id);
/// Marks the attachment deleted by `deleted_by` at `at`, unless it already is.
void mark_deleted(store::Connection& c, std::int64_t id, std::int64_t deleted_by, Timestamp at);

}  // namespace sotong::platform::attachment_store
