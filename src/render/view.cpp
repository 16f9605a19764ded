#include "render/view.hpp"

namespace sotong::render {

View& View::set(std::string key, View value) {
  kind_ = Kind::object;
  for (auto& [k, v] : fields_) {
    if (k == key) {
      v = std::move(value);
      return *this;
    }
  }
  fields_.emplace_back(std::move(key), std::move(value));
  return *this;
}

View& View::push(View value) {
  kind_ = Kind::list;
  items_.push_back(std::move(value));
  return *this;
}

}  // namespace sotong::render
