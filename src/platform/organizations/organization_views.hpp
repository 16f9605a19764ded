// View pieces the organisation pages share (the administrators' list and the directory).
#pragma once

#include <string_view>

#include "platform/organizations/organization.hpp"
#include "render/view.hpp"

namespace sotong::platform::organizations {

/// Every organisation kind as an <option> list (code, label, selected), for a kind filter.
inline render::View kinds_view(std::string_view selected) {
  render::View list = render::View::list();
  for (auto k : kAllOrganizationKinds) {
    list.push(render::View::object(
        {{"code", kind_code(k)}, {"label", kind_label(k)}, {"selected", kind_code(k) == selected}}));
  }
  return list;
}

}  // namespace sotong::platform::organizations
