// Items one module asks a standing meeting to review, and the decisions the meeting writes back: the
// platform's interface between a module that tracks matters (suggestions adopted with a review level) and the
// module that runs meetings, so that neither includes the other. A source registers through its manifest; the
// meetings side asks review_sources() what is due before a meeting and hands each decision back, which the
// source applies under its own rules (a refusal comes back as the source's Korean error).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "platform/extension_points.hpp"
#include "platform/service_context.hpp"
#include "store/database.hpp"

namespace sotong::platform {

/// One matter due for review at a meeting of some level.
struct ReviewItem {
  std::string source;  // the source's code ("suggestions")
  std::int64_t id = 0;
  std::string title;
  std::string level;  // the source's review level code ("vice_mayors")
  CivilDate next_review{};
  std::string state_label;  // where it stands, in Korean ("추진중")
  std::string owner_name;   // who carries it (the lead bureau)
  std::string href;         // its page
};

/// What a meeting decided about an item.
struct ReviewDecision {
  std::string meeting;  // which meeting, as the timeline should name it ("2026년 12월 부시장·부군수 회의")
  std::string summary;  // the discussion and decision, as minuted
  /// A step the decision takes in the source's own life cycle (its action code, e.g. "resolve"), with its
  /// reason; empty for none.
  std::string action;
  std::string reason;
  /// When the item comes back; nullopt keeps the date it has.
  std::optional<CivilDate> next_review;
};

struct ReviewSource {
  std::string code;   // "suggestions"
  std::string label;  // "건의사항"
  std::vector<Label> levels;  // the meeting levels it knows ({"vice_mayors", "월례 부시장·부군수 회의"} …)
  /// Items the actor may see, due for review at `level` on or before `until`, earliest first.
  std::function<Result<std::vector<ReviewItem>>(const ServiceContext&, std::string_view level,
                                                CivilDate until)>
      due_for_review;
  /// Applies a meeting's decision to item `id` in one transaction, or refuses with the source's reason.
  std::function<Result<void>(const ServiceContext&, std::int64_t id, const ReviewDecision&)> record_decision;
};

/// Registers a source (from a module's manifest); registering a code again replaces it.
void register_review_source(ReviewSource source);
/// Every registered source, in the order registered.
std::vector<ReviewSource> review_sources();
/// The source with this code, or nullopt.
std::optional<ReviewSource> review_source(std::string_view code);

}  // namespace sotong::platform
