#include "modules/suggestions/suggestion_review_source.hpp"

#include "modules/suggestions/suggestion_handling.hpp"
#include "modules/suggestions/suggestion_records.hpp"
#include "modules/suggestions/suggestion_service.hpp"

namespace sotong::suggestions {

platform::ReviewSource review_source() {
  std::vector<platform::Label> levels;
  for (const auto& l : kReviewLevels) levels.push_back({std::string(l.code), std::string(l.label)});
  return {"suggestions", "건의사항", levels,
          [](const platform::ServiceContext& svc, std::string_view level_code,
             CivilDate until) -> Result<std::vector<platform::ReviewItem>> {
            const auto level = from_code<ReviewLevel>(kReviewLevels, level_code);
            if (!level)
              return Error::invalid("입력 내용을 확인해 주십시오.",
                                    {{"level", "건의사항의 점검 회의가 아닙니다."}});
            auto items = list_due_for_review(svc, *level, until);
            if (!items) return items.error();
            std::vector<platform::ReviewItem> out;
            for (const auto& r : *items)
              out.push_back({"suggestions", r.id, r.title, std::string(level_code), *r.next_review,
                             std::string(state_label(r.state)), r.lead_bureau ? r.lead_bureau->name : "",
                             detail_url(r.id)});
            return out;
          },
          record_review};
}

}  // namespace sotong::suggestions
