// What self-disclosure adds to the module's manifest (audit_module.cpp): the history's record types, read
// by the audit office only; the attachment owner of a filing's documents; the audit office's home task; the
// demo filings.
#pragma once

#include <vector>

#include "platform/attachments/attachments.hpp"
#include "platform/extension_points.hpp"
#include "platform/policy.hpp"
#include "store/database.hpp"

namespace sotong::audit {

/// The filing (filed, decided: its state only) and its documents, both readable in the history viewer by
/// holders of kDisclosureRead alone.
std::vector<platform::HistoryVocabulary> disclosure_history();

/// A filing's documents: seen by the audit office only, every refusal a 404; added only with the filing,
/// never added or deleted afterwards.
platform::attachments::OwnerType disclosure_attachment_owner();

/// "결정을 기다리는 자진신고 N건" for the audit office.
platform::TaskSource disclosure_task();

/// Six filings from four 시·군 and two bureaus, four decided (감경, 면제, 해당없음) and two pending, written
/// through the services as their filers and the auditor; skipped when they are already there.
void load_demo_disclosures(store::Database& db, const platform::Policy& policy);

}  // namespace sotong::audit
