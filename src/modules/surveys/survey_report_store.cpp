#include "modules/surveys/survey_report_store.hpp"

#include "modules/surveys/survey_store.hpp"
#include "platform/cache/data_version.hpp"

namespace sotong::surveys::survey_report_store {
namespace {

Note from_row(const store::Row& row) {
  return {row.int64(0), row.int64(1), row.text(2), row.optional_int64(3), row.text(4)};
}

}  // namespace

std::vector<Note> notes(store::Connection& c, std::int64_t campaign_id) {
  std::vector<Note> out;
  for (const auto& row : c.query("SELECT id, campaign_id, kind, subject_id, text FROM survey_report_notes "
                                 "WHERE campaign_id = ? ORDER BY kind, id",
                                 {campaign_id}))
    out.push_back(from_row(row));
  return out;
}

std::optional<Note> find(store::Connection& c, std::int64_t id) {
  auto rows =
      c.query("SELECT id, campaign_id, kind, subject_id, text FROM survey_report_notes WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return from_row(rows.front());
}

std::int64_t insert(store::Connection& c, const Note& note, std::int64_t by, Timestamp at) {
  const auto id = c.query(
                       "INSERT INTO survey_report_notes (campaign_id, kind, subject_id, text, created_by, "
                       "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                       {note.campaign_id, note.kind, note.subject_id, note.text, by, at})
                      .front()
                      .int64(0);
  platform::data_version::bump(c, survey_store::kDataVersion);
  return id;
}

void remove(store::Connection& c, std::int64_t id) {
  c.execute("DELETE FROM survey_report_notes WHERE id = ?", {id});
  platform::data_version::bump(c, survey_store::kDataVersion);
}

}  // namespace sotong::surveys::survey_report_store
