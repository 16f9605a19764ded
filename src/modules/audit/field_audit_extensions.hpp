// What field audits and their findings add to the program through the module's manifest: history labels,
// search sources, the findings' attachment owner, home tasks, the home card and the yearly indicator.
#pragma once

#include <vector>

#include "platform/module.hpp"

namespace sotong::audit {

std::vector<platform::HistoryVocabulary> field_history_vocabularies();
std::vector<platform::search::Source> field_search_sources();
std::vector<platform::attachments::OwnerType> field_attachment_owners();
/// "조치 보고를 기다리는 지적사항 N건" for the audited organisation, "확인을 기다리는 조치 보고 N건" for the
/// audit office, and the consultations waiting for the organisation's opinion.
std::vector<platform::TaskSource> field_tasks();
std::vector<platform::DashboardCard> field_cards();
std::vector<platform::Indicator> field_indicators();

}  // namespace sotong::audit
