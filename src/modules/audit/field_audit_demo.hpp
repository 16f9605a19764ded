// Demo field audits for `make run`: ten audits of 2025–2026 across several 시·군 and a bureau in every state,
// two of 전주시 within 30 days (the calendar warns), findings with amounts, some done, reported, returned or
// overdue. Written through the services as the demo accounts, so history and notifications are as in use.
#pragma once

#include "platform/policy.hpp"
#include "store/database.hpp"

namespace sotong::audit {

/// Loads the demo audits unless some audit exists already (safe to run twice). Throws std::runtime_error when
/// a demo account or organisation is missing or a service refuses (a broken demo is a bug).
void load_demo_field_audits(store::Database& db, const platform::Policy& policy);

}  // namespace sotong::audit
