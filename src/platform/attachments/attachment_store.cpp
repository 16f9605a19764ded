#include "platform/attachments/attachment_store.hpp"

namespace sotong::platform::attachment_store {
namespace {

constexpr const char* kColumns =
    "SELECT id, owner_type, owner_id, file_name, content_type, size, sha256, uploaded_by, uploaded_at, "
    "deleted_at FROM attachments ";

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
  a.uploaded_at = r.int64(8);
  a.deleted_at = r.optional_int64(9);
  return a;
}

}  // namespace

std::int64_t insert_attachment(store::Connection& c, const Attachment& a, const std::string& content,
                               std::int64_t uploaded_by, Timestamp uploaded_at) {
  auto rows = c.query(
      "INSERT INTO attachments (owner_type, owner_id, file_name, content_type, size, sha256, content, "
      "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {a.owner_type, a.owner_id, a.file_name, a.content_type, a.size, a.sha256, store::Blob{content},
       uploaded_by, uploaded_at});
  return rows.at(0).int64(0);
}

std::vector<Attachment> list_attachments(store::Connection& c, std::string_view owner_type,
                                         std::int64_t owner_id) {
  std::vector<Attachment> out;
  for (const auto& r : c.query(
           std::string(kColumns) + "WHERE owner_type = ? AND owner_id = ? AND deleted_at IS NULL ORDER BY id",
           {owner_type, owner_id}))
    out.push_back(from_row(r));
  return out;
}

std::optional<Attachment> find_attachment(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kColumns) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return from_row(rows[0]);
}

std::optional<std::string> read_content(store::Connection& c, std::int64_t id) {
  auto rows = c.query("SELECT content FROM attachments WHERE id = ? AND deleted_at IS NULL", {id});
  if (rows.empty()) return std::nullopt;
  return rows[0].text(0);
}

void mark_deleted(store::Connection& c, std::int64_t id, std::int64_t deleted_by, Timestamp at) {
  c.execute("UPDATE attachments SET deleted_at = ?, deleted_by = ? WHERE id = ? AND deleted_at IS NULL",
            {at, deleted_by, id});
}

}  // namespace sotong::platform::attachment_store
