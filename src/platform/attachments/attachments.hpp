// Attachments (첨부파일) any record can own: stored in the database, listed on the owner's page, downloaded
// under the original Korean name; deleting one marks it deleted and keeps its content for the history.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/role.hpp"
#include "http/multipart.hpp"
#include "platform/attachments/attachment_rules.hpp"
#include "platform/policy.hpp"
#include "render/view.hpp"
#include "store/database.hpp"

namespace sotong::platform::attachments {

/// A kind of record that may own attachments, registered by its module.
struct OwnerType {
  std::string code;    // "organization"
  std::string label;   // "기관"
  std::string action;  // policy action needed to see, attach and delete ("organization.manage")
  /// The owner's organisation path for scoped actions ("" when unscoped), or nullopt when no such record.
  std::function<std::optional<std::string>(store::Connection&, std::int64_t)> locate;
  /// The owner's page, where the upload form sends the person back.
  std::function<std::string(std::int64_t)> href;
  /// For a record several organisations share (a suggestion is seen by the 시·군 that filed it and the
  /// bureaus carrying it): when set, decides whether the actor may see, attach and delete, instead of
  /// checking `action` on the one path `locate` gives. A refusal reads as "not found", so it does not tell
  /// that the record exists.
  std::function<bool(store::Connection&, const Policy&, const Actor&, std::int64_t)> permits;
  /// When set, decides whether the actor, who may see the record, may also attach to it and delete its files
  /// (a refusal is 403): for a record everyone on it reads but only some change. Unset, seeing is enough.
  std::function<bool(store::Connection&, const Policy&, const Actor&, std::int64_t)> permits_change;
  /// The owner's files must not be known to exist outside those who may see them: every refusal, a role
  /// without `action` included, reads as "not found" (404), never 403.
  bool hidden = false;
  /// The record type the files' uploads, deletions and downloads are written under in the history:
  /// "attachment" (every other owner's files with them), or a type of the owner's module whose vocabulary
  /// may keep them from readers of the rest of the log (HistoryVocabulary::read_action).
  std::string history_record_type = "attachment";
};

/// The record type the history writes the owner type's files under (OwnerType::history_record_type;
/// "attachment" for an unknown owner type).
std::string history_record_type(std::string_view owner_code);

/// Registers an owner type (from a module's manifest or routes); registering a code again replaces it.
void register_owner(OwnerType owner);
/// The registered owner type, or nullopt.
std::optional<OwnerType> owner_type(std::string_view code);

struct Attachment {
  std::int64_t id = 0;
  std::string owner_type;
  std::int64_t owner_id = 0;
  std::string file_name;  // original, NFC
  std::string content_type;
  std::int64_t size = 0;
  std::string sha256;  // hex
  std::int64_t uploaded_by = 0;
  std::string uploaded_by_name;
  Timestamp uploaded_at = 0;
  std::optional<Timestamp> deleted_at;
};

/// Checks every file (limits, allow-list by name and content) and stores them all for the owner, with a
/// history entry each, in the caller's transaction; stores nothing when any file is refused. Permission
/// is the caller's business (the routes check the owner's registered action).
Result<std::vector<std::int64_t>> store(store::Connection& c, const Actor& actor, std::string_view owner_type,
                                        std::int64_t owner_id, const std::vector<http::MultipartFile>& files,
                                        const Limits& limits = {});

/// The owner's attachments that are not deleted, oldest first (without content).
std::vector<Attachment> list(store::Connection& c, std::string_view owner_type, std::int64_t owner_id);

/// One attachment (deleted or not), without content.
std::optional<Attachment> find(store::Connection& c, std::int64_t id);

/// The bytes of an attachment that is not deleted.
std::optional<std::string> content(store::Connection& c, std::int64_t id);

/// Marks the attachment deleted (its row and content stay, for the history) and records the change.
Result<void> remove(store::Connection& c, const Actor& actor, std::int64_t id);

/// Adds what the partials attachments/_list and attachments/_upload_form need to a page's view:
/// `attachments` (list), `has_attachments`, `attachment_owner_type`, `attachment_owner_id`,
/// `attachment_accept`, `attachment_limits`.
void add_to_view(render::View& view, store::Connection& c, std::string_view owner_type,
                 std::int64_t owner_id);

}  // namespace sotong::platform::attachments
