// Loading a province's organisations from CSV (Jeonbuk's ships inside the program).
#pragma once

#include <string_view>

#include "core/result.hpp"
#include "store/database.hpp"

namespace sotong::platform::organizations {

/// Columns: code,name,kind,parent_code,sort_order,former_name,renamed_on,rename_reason (header row first).
/// Rows whose code already exists are left as they are, so loading twice changes nothing. All or nothing:
/// an invalid row rejects the whole file with its line number. Returns how many organisations were added.
Result<int> import_csv(store::Database& db, std::string_view csv);

/// The built-in 전북특별자치도 organisations.
std::string_view jeonbuk_csv();
/// The demo contacts (code,phone,address,homepage) of the province and its 14 시·군, shipped in the binary.
std::string_view demo_contacts_csv();

}  // namespace sotong::platform::organizations
