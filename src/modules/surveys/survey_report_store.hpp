// The SQL of the report's notes (survey_report_notes): 반영내용 and 제도개선 건의사항 entered by the
// coordinator.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "store/database.hpp"

namespace sotong::surveys::survey_report_store {

struct Note {
  std::int64_t id = 0;
  std::int64_t campaign_id = 0;
  std::string kind;
  std::optional<std::int64_t> subject_id;
  std::string text;
};

std::vector<Note> notes(store::Connection& c, std::int64_t campaign_id);
std::optional<Note> find(store::Connection& c, std::int64_t id);
std::int64_t insert(store::Connection& c, const Note& note, std::int64_t by, Timestamp at);
void remove(store::Connection& c, std::int64_t id);

}  // namespace sotong::surveys::survey_report_store
