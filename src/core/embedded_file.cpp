#include "core/embedded_file.hpp"

namespace sotong {

std::string embedded_stem(std::string_view path) {
  const auto slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const auto dot = name.find('.');
  return std::string(name.substr(0, dot));
}

}  // namespace sotong
