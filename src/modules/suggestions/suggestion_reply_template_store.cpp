#include "modules/suggestions/suggestion_reply_template_store.hpp"

#include <string>

namespace sotong::suggestions::reply_template_store {
namespace {

constexpr const char* kSelect =
    "SELECT id, bureau_id, title, body, updated_at FROM suggestion_reply_templates WHERE deleted_at IS NULL";

ReplyTemplate from_row(const store::Row& row) {
  return {row.int64(0), row.int64(1), "", row.text(2), row.text(3), row.int64(4)};
}

}  // namespace

std::vector<ReplyTemplate> list(store::Connection& c, std::optional<std::int64_t> bureau_id) {
  std::string sql = kSelect;
  store::Params params;
  if (bureau_id) {
    sql += " AND bureau_id = ?";
    params.emplace_back(*bureau_id);
  }
  sql += " ORDER BY bureau_id, title, id";
  std::vector<ReplyTemplate> out;
  for (const auto& row : c.query(sql, params)) out.push_back(from_row(row));
  return out;
}

std::optional<ReplyTemplate> find(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kSelect) + " AND id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return from_row(rows.front());
}

std::int64_t insert(store::Connection& c, const ReplyTemplate& t, std::int64_t created_by, Timestamp at) {
  return c
      .query(
          "INSERT INTO suggestion_reply_templates (bureau_id, title, body, created_by, created_at, "
          "updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
          {t.bureau_id, t.title, t.body, created_by, at, at})
      .front()
      .int64(0);
}

void update(store::Connection& c, const ReplyTemplate& t, Timestamp at) {
  c.execute("UPDATE suggestion_reply_templates SET title = ?, body = ?, updated_at = ? WHERE id = ?",
            {t.title, t.body, at, t.id});
}

void mark_deleted(store::Connection& c, std::int64_t id, Timestamp at) {
  c.execute("UPDATE suggestion_reply_templates SET deleted_at = ? WHERE id = ?", {at, id});
}

}  // namespace sotong::suggestions::reply_template_store
