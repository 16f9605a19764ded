// Use cases of self-disclosure, verb–noun: an official files one for their own organisation and is shown a
// receipt; the audit office lists, reads and decides them; everyone reads the province-wide figures. A
// filing is known only to the audit office: to anyone else every reading is "not found".
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.hpp"
#include "http/multipart.hpp"
#include "modules/audit/disclosure.hpp"
#include "platform/policy.hpp"
#include "platform/service_context.hpp"
#include "store/database.hpp"

namespace sotong::audit {

inline constexpr const char* kDisclosureNotFound = "찾으시는 자진신고가 없습니다.";
/// The attachment owner of a filing's documents, readable by the audit office only.
inline constexpr const char* kDisclosureOwner = "audit_disclosure";
/// The history's record types: the filing, and its documents kept apart from every other owner's files.
inline constexpr const char* kDisclosureRecord = "audit_disclosure";
inline constexpr const char* kDisclosureFileRecord = "audit_disclosure_file";

struct DisclosurePage {
  std::vector<Disclosure> items;
  std::int64_t next_before = 0;  // 0 when this is the last page
};

/// Files a self-disclosure for the actor's organisation with its documents (stored through the attachments
/// platform under the audit office's owner), and returns the receipt. Field errors for bad input or a refused
/// file (field "files"); forbidden without the filing action. History records only that a filing was made.
Result<DisclosureReceipt> file_disclosure(const platform::ServiceContext& svc, const DisclosureInput& input,
                                          const std::vector<http::MultipartFile>& files);

/// Filings matching the filter, newest first, `page_size` from `before_id`. not_found for anyone but the
/// audit office.
Result<DisclosurePage> list_disclosures(const platform::ServiceContext& svc, const DisclosureFilter& filter,
                                        std::int64_t before_id, std::int64_t page_size);

/// Every filing matching the filter (newest first, at most kDisclosureExportLimit), for a file.
inline constexpr std::int64_t kDisclosureExportLimit = 10000;
Result<std::vector<Disclosure>> export_disclosures(const platform::ServiceContext& svc,
                                                   const DisclosureFilter& filter);

/// One filing; not_found, the same for one that exists and one that does not, for anyone but the audit
/// office.
Result<Disclosure> get_disclosure(const platform::ServiceContext& svc, std::int64_t id);

/// Decides a pending filing (감경 / 면제 / 해당없음 with reasons) and tells the filer, without the content,
/// that the audit office will let them know. Field errors, conflict when already decided, not_found as above.
Result<Disclosure> decide_disclosure(const platform::ServiceContext& svc, std::int64_t id,
                                     const DecisionInput& input);

/// Filings per year by decision, province-wide, with nothing of any one filing.
Result<std::vector<DisclosureYearCount>> disclosure_figures(const platform::ServiceContext& svc);

/// Filings waiting for the audit office's decision (its home task).
std::int64_t count_pending_disclosures(store::Connection& c);

}  // namespace sotong::audit
