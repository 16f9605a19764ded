// What the standing consultation and the case library add to the module's manifest besides routes: the
// history's vocabulary, the attachment owner, and the work waiting on the home page.
#pragma once

#include <vector>

#include "platform/attachments/attachments.hpp"
#include "platform/extension_points.hpp"

namespace sotong::audit {

/// The history's names of consultations (audit_consultation) and library entries (audit_case).
std::vector<platform::HistoryVocabulary> consultation_history();
/// A consultation's documents: seen by whoever may see the consultation (an invited expert included), added
/// and deleted by the asking organisation before the answer and by the audit office; others get not-found.
platform::attachments::OwnerType consultation_attachment_owner();
/// 회신을 기다리는 감사 컨설팅 for the audit office, 분석 의견을 기다리는 감사 컨설팅 for an invited expert.
std::vector<platform::TaskSource> consultation_tasks();

}  // namespace sotong::audit
