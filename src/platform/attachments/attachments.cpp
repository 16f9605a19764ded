#include "platform/attachments/attachments.hpp"

#include <sodium.h>

#include <map>
#include <mutex>

#include "platform/accounts/account_store.hpp"
#include "platform/attachments/attachment_store.hpp"
#include "platform/history/history.hpp"

namespace sotong::platform::attachments {
namespace {

std::mutex& registry_mutex() {
  static std::mutex m;
  return m;
}

std::map<std::string, OwnerType, std::less<>>& registry() {
  static std::map<std::string, OwnerType, std::less<>> r;
  return r;
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

/// Fills in who uploaded each attachment ("" for an account that is gone), reading each account once.
void add_uploader_names(store::Connection& c, std::vector<Attachment>& list) {
  std::map<std::int64_t, std::string> names;
  for (auto& a : list) {
    auto known = names.find(a.uploaded_by);
    if (known == names.end()) {
      const auto account = account_store::find(c, a.uploaded_by);
      known = names.emplace(a.uploaded_by, account ? account->display_name : std::string()).first;
    }
    a.uploaded_by_name = known->second;
  }
}

history::Fields fields_of(const Attachment& a) {
  return {{"owner_type", a.owner_type},
          {"owner_id", static_cast<long long>(a.owner_id)},
          {"file_name", a.file_name},
          {"content_type", a.content_type},
          {"size", static_cast<long long>(a.size)},
          {"sha256", a.sha256}};
}

}  // namespace

void register_owner(OwnerType owner) {
  std::lock_guard lock(registry_mutex());
  std::string code = owner.code;
  registry()[code] = std::move(owner);
}

std::optional<OwnerType> owner_type(std::string_view code) {
  std::lock_guard lock(registry_mutex());
  const auto it = registry().find(code);
  if (it == registry().end()) return std::nullopt;
  return it->second;
}

std::string history_record_type(std::string_view owner_code) {
  const auto owner = owner_type(owner_code);
  return owner && !owner->history_record_type.empty() ? owner->history_record_type : "attachment";
}

Result<std::vector<std::int64_t>> store(store::Connection& c, const Actor& actor, std::string_view owner_type,
                                        std::int64_t owner_id, const std::vector<http::MultipartFile>& files,
                                        const Limits& limits) {
  auto checked = check_files(files, limits);
  if (!checked) return checked.error();
  const Timestamp t = now();
  std::vector<std::int64_t> ids;
  for (const auto& f : *checked) {
    Attachment a;
    a.owner_type = std::string(owner_type);
    a.owner_id = owner_id;
    a.file_name = f.file_name;
    a.content_type = f.content_type;
    a.size = static_cast<std::int64_t>(f.content->size());
    a.sha256 = sha256_hex(*f.content);
    a.id = attachment_store::insert_attachment(c, a, *f.content, actor.account_id, t);
    history::record_change(
        c, actor, {history_record_type(owner_type), a.id, "create", "", history::to_json(fields_of(a))});
    ids.push_back(a.id);
  }
  return ids;
}

std::vector<Attachment> list(store::Connection& c, std::string_view owner_type, std::int64_t owner_id) {
  auto out = attachment_store::list_attachments(c, owner_type, owner_id);
  add_uploader_names(c, out);
  return out;
}

std::optional<Attachment> find(store::Connection& c, std::int64_t id) {
  auto found = attachment_store::find_attachment(c, id);
  if (!found) return std::nullopt;
  std::vector<Attachment> one{std::move(*found)};
  add_uploader_names(c, one);
  return std::move(one.front());
}

std::optional<std::string> content(store::Connection& c, std::int64_t id) {
  return attachment_store::read_content(c, id);
}

Result<void> remove(store::Connection& c, const Actor& actor, std::int64_t id) {
  auto a = find(c, id);
  if (!a || a->deleted_at) return Error::not_found("첨부파일을 찾을 수 없습니다.");
  const Timestamp t = now();
  attachment_store::mark_deleted(c, id, actor.account_id, t);
  auto after = fields_of(*a);
  after.emplace_back("deleted", true);
  history::record_change(c, actor,
                         {history_record_type(a->owner_type), id, "delete", history::to_json(fields_of(*a)),
                          history::to_json(after)});
  return {};
}

void add_to_view(render::View& view, store::Connection& c, std::string_view owner_type,
                 std::int64_t owner_id) {
  render::View items = render::View::list();
  const auto found = list(c, owner_type, owner_id);
  for (const auto& a : found) {
    items.push(render::View::object({{"id", static_cast<long long>(a.id)},
                                     {"file_name", a.file_name},
                                     {"size", human_size(a.size)},
                                     {"uploaded_by", a.uploaded_by_name},
                                     {"uploaded_at", format_seoul_minute(a.uploaded_at)}}));
  }
  const Limits limits;
  view.set("attachments", items)
      .set("has_attachments", !found.empty())
      .set("attachment_owner_type", owner_type)
      .set("attachment_owner_id", static_cast<long long>(owner_id))
      .set("attachment_accept", accepted_extensions())
      .set("attachment_limits", "파일당 " + human_size(static_cast<std::int64_t>(limits.per_file)) +
                                    ", 한 번에 " + human_size(static_cast<std::int64_t>(limits.per_request)) +
                                    "까지");
}

}  // namespace sotong::platform::attachments
