#include "store/dialect.hpp"

namespace sotong::store {

std::string apply_dialect(std::string_view sql,
                          const std::vector<std::pair<std::string_view, std::string_view>>& markers) {
  std::string out(sql);
  for (const auto& [marker, spelling] : markers) {
    for (std::size_t pos = out.find(marker); pos != std::string::npos;
         pos = out.find(marker, pos + spelling.size())) {
      out.replace(pos, marker.size(), spelling);
    }
  }
  return out;
}

}  // namespace sotong::store
