#include "platform/attachments/attachments.hpp"

#include <sodium.h>

#include <map>
#include <mutex>

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

constexpr const char* kColumns =
    "SELECT a.id, a.owner_type, a.owner_id, a.file_name, a.content_type, a.size, a.sha256, a.uploaded_by, "
    "COALESCE(u.display_name, ''), a.uploaded_at, a.deleted_at FROM attachments a "
    "LEFT JOIN accounts u ON u.id = a.uploaded_by ";

Attachment from_row(const store::Row& r) {
  Attachment a;
  a.id = r.int64(0);
  a.owner_type = r.text(1);
  a.owner_id = r.int64(2);
  a.file_name = r.text(3);
  a.content_type = r.text(4);
  a.size = r.int64(5);
  a.sha256 = r.text(6);
  a.uploaded_by = r.int64(7);
  a.uploaded_by_name = r.text(8);
  a.uploaded_at = r.int64(9);
  a.deleted_at = r.optional_int64(10);
  return a;
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
    auto rows = c.query(
        "INSERT INTO attachments (owner_type, owner_id, file_name, content_type, size, sha256, content, "
        "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {a.owner_type, owner_id, a.file_name, a.content_type, a.size, a.sha256, store::Blob{*f.content},
         actor.account_id, t});
    a.id = rows.at(0).int64(0);
    history::record_change(c, actor, {"attachment", a.id, "create", "", history::to_json(fields_of(a))});
    ids.push_back(a.id);
  }
  return ids;
}

std::vector<Attachment> list(store::Connection& c, std::string_view owner_type, std::int64_t owner_id) {
  std::vector<Attachment> out;
  for (const auto& r :
       c.query(std::string(kColumns) +
                   "WHERE a.owner_type = ? AND a.owner_id = ? AND a.deleted_at IS NULL ORDER BY a.id",
               {owner_type, owner_id}))
    out.push_back(from_row(r));
  return out;
}

std::optional<Attachment> find(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kColumns) + "WHERE a.id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return from_row(rows[0]);
}

std::optional<std::string> content(store::Connection& c, std::int64_t id) {
  auto rows = c.query("SELECT content FROM attachments WHERE id = ? AND deleted_at IS NULL", {id});
  if (rows.empty()) return std::nullopt;
  return rows[0].text(0);
}

Result<void> remove(store::Connection& c, const Actor& actor, std::int64_t id) {
  auto a = find(c, id);
  if (!a || a->deleted_at) return Error::not_found("첨부파일을 찾을 수 없습니다.");
  const Timestamp t = now();
  c.execute("UPDATE attachments SET deleted_at = ?, deleted_by = ? WHERE id = ? AND deleted_at IS NULL",
            {t, actor.account_id, id});
  auto after = fields_of(*a);
  after.emplace_back("deleted", true);
  history::record_change(
      c, actor, {"attachment", id, "delete", history::to_json(fields_of(*a)), history::to_json(after)});
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
