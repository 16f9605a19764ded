#include "platform/organizations/organization_rules.hpp"

#include <algorithm>
#include <charconv>

#include "core/korean_text.hpp"

namespace sotong::platform {
namespace {
struct KindInfo {
  OrganizationKind kind;
  std::string_view code;
  std::string_view label;
};
constexpr KindInfo kKinds[] = {
    {OrganizationKind::province, "province", "도"},
    {OrganizationKind::bureau, "bureau", "실국"},
    {OrganizationKind::division, "division", "과"},
    {OrganizationKind::municipality, "municipality", "시·군"},
    {OrganizationKind::department, "department", "시·군 부서"},
    {OrganizationKind::agency, "agency", "유관기관"},
};

bool valid_code(std::string_view code) {
  if (code.size() < 2 || code.size() > 20) return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-';
  });
}

std::optional<std::int64_t> parse_id(std::string_view text) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || p != text.data() + text.size() || v <= 0) return std::nullopt;
  return v;
}
}  // namespace

std::string_view kind_code(OrganizationKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k.code;
  return "agency";
}

std::string_view kind_label(OrganizationKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k.label;
  return "유관기관";
}

std::optional<OrganizationKind> kind_from_code(std::string_view code) {
  for (const auto& k : kKinds)
    if (k.code == code) return k.kind;
  return std::nullopt;
}

std::vector<OrganizationKind> allowed_parent_kinds(OrganizationKind kind) {
  switch (kind) {
    case OrganizationKind::province:
      return {};
    case OrganizationKind::bureau:
    case OrganizationKind::municipality:
      return {OrganizationKind::province};
    case OrganizationKind::division:
      return {OrganizationKind::bureau, OrganizationKind::province, OrganizationKind::agency};
    case OrganizationKind::department:
      return {OrganizationKind::municipality};
    case OrganizationKind::agency:
      return {OrganizationKind::province};
  }
  return {};
}

Result<ValidOrganization> validate_organization(const OrganizationInput& in) {
  std::vector<FieldError> errors;
  ValidOrganization out{};
  if (!clean_line(in.code, out.code) || !valid_code(out.code)) {
    errors.push_back({"code", "기관코드는 영문, 숫자, 하이픈(-)으로 2~20자여야 합니다."});
  }
  if (!clean_line(in.name, out.name) || out.name.empty()) {
    errors.push_back({"name", "기관명을 입력해 주십시오."});
  } else if (char_count(out.name) > 50) {
    errors.push_back({"name", "기관명은 50자 이하로 입력해 주십시오."});
  }
  auto kind = kind_from_code(in.kind);
  if (!kind) {
    errors.push_back({"kind", "기관 유형을 선택해 주십시오."});
  } else {
    out.kind = *kind;
  }
  const std::string_view parent = trim(in.parent_id);
  if (!parent.empty()) {
    out.parent_id = parse_id(parent);
    if (!out.parent_id) errors.push_back({"parent_id", "상위 기관을 목록에서 선택해 주십시오."});
  } else if (kind && !allowed_parent_kinds(*kind).empty()) {
    errors.push_back({"parent_id", "이 유형의 기관은 상위 기관이 있어야 합니다."});
  }
  const std::string_view order = trim(in.sort_order);
  if (!order.empty()) {
    auto [p, ec] = std::from_chars(order.data(), order.data() + order.size(), out.sort_order);
    if (ec != std::errc{} || p != order.data() + order.size() || out.sort_order < 0 ||
        out.sort_order > 100000) {
      errors.push_back({"sort_order", "정렬 순서는 0에서 100000 사이의 숫자여야 합니다."});
    }
  }
  if (!clean_line(in.rename_reason, out.rename_reason) || char_count(out.rename_reason) > 200) {
    errors.push_back({"rename_reason", "명칭 변경 사유는 200자 이하로 입력해 주십시오."});
  }
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return out;
}

Result<void> check_parent(OrganizationKind kind, const std::optional<Organization>& parent,
                          const std::optional<Organization>& self) {
  const auto allowed = allowed_parent_kinds(kind);
  if (!parent) {
    if (allowed.empty()) return success();
    return Error::invalid("입력 내용을 확인해 주십시오.", {{"parent_id", "상위 기관을 찾을 수 없습니다."}});
  }
  if (allowed.empty()) {
    return Error::invalid("입력 내용을 확인해 주십시오.",
                          {{"parent_id", "도는 상위 기관을 가질 수 없습니다."}});
  }
  if (std::find(allowed.begin(), allowed.end(), parent->kind) == allowed.end()) {
    std::string names;
    for (auto k : allowed) names += (names.empty() ? "" : ", ") + std::string(kind_label(k));
    return Error::invalid("입력 내용을 확인해 주십시오.",
                          {{"parent_id", std::string(kind_label(kind)) +
                                             " 유형의 상위 기관으로 지정할 수 있는 유형: " + names}});
  }
  if (!parent->active) {
    return Error::invalid("입력 내용을 확인해 주십시오.",
                          {{"parent_id", "비활성화된 기관 아래에는 둘 수 없습니다."}});
  }
  if (self && parent->path.rfind(self->path, 0) == 0) {
    return Error::invalid("입력 내용을 확인해 주십시오.",
                          {{"parent_id", "자기 자신이나 하위 기관을 상위 기관으로 지정할 수 없습니다."}});
  }
  return success();
}

}  // namespace sotong::platform
