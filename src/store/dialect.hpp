// Portable migration SQL: the few type markers whose spelling differs between SQLite and PostgreSQL.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sotong::store {

/// Replaces every marker (e.g. "{{id}}") by the engine's spelling.
std::string apply_dialect(std::string_view sql,
                          const std::vector<std::pair<std::string_view, std::string_view>>& markers);

}  // namespace sotong::store
