// The SQL of organisations' former names (organization_names), for loading them from the shipped CSV.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/clock.hpp"
#include "store/database.hpp"

namespace sotong::platform::organization_name_store {

/// Keeps `name` as a former name of the organisation, used until `valid_until`, changed by `changed_by`
/// (nullopt: no account, e.g. loaded from a file) for `reason`.
void insert_former_name(store::Connection& c, std::int64_t organization_id, std::string_view name,
                        Timestamp valid_until, std::optional<std::int64_t> changed_by,
                        std::string_view reason);

}  // namespace sotong::platform::organization_name_store
