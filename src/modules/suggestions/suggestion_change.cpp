#include "modules/suggestions/suggestion_change.hpp"

#include "modules/suggestions/suggestion_records.hpp"
#include "modules/suggestions/suggestion_service.hpp"
#include "modules/suggestions/suggestion_store.hpp"

namespace sotong::suggestions {
namespace {

/// The agenda item's progress becomes the mean of its sub-items' (a progress report on the agenda item itself
/// holds until a sub-item changes).
void roll_up(store::Connection& c, std::int64_t parent_id, Timestamp at) {
  auto parent = suggestion_store::find(c, parent_id);
  if (!parent) return;
  const int progress = rolled_up_progress(suggestion_store::children(c, parent_id));
  if (progress == parent->progress) return;
  parent->progress = progress;
  suggestion_store::save_handling(c, *parent, at);
}

}  // namespace

int rolled_up_progress(const std::vector<Suggestion>& children) {
  if (children.empty()) return 0;
  long total = 0;
  for (const auto& child : children) {
    const bool done =
        child.state == State::resolved || child.state == State::answered || child.state == State::closed;
    total += done ? 100 : child.progress;
  }
  // Rounded half up, so that three sub-items at 100, 100 and 50 make 83 %.
  const long n = static_cast<long>(children.size());
  return static_cast<int>((total * 2 + n) / (2 * n));
}

void commit(Change& ch, std::string_view history_action) {
  const Timestamp at = now();
  ch.after.updated_at = at;
  suggestion_store::save_handling(ch.c, ch.after, at);
  ch.event.suggestion_id = ch.after.id;
  add_event(ch.c, ch.svc.actor, ch.event);
  record_history(ch.c, ch.svc.actor, history_action, ch.before, ch.after);
  index_for_search(ch.c, ch.after);
  if (ch.after.parent_id) roll_up(ch.c, *ch.after.parent_id, at);
}

}  // namespace sotong::suggestions
