#include "platform/organizations/organization_contact.hpp"

#include "core/korean_text.hpp"

namespace sotong::platform {
namespace {

bool phone_characters(std::string_view phone) {
  // "063-280-2114", "(063) 280 2114", "063-280-2114 내선 3": digits and separators, and the word 내선.
  std::string rest(phone);
  for (auto at = rest.find("내선"); at != std::string::npos; at = rest.find("내선")) rest.erase(at, 6);
  for (const char c : rest)
    if (!((c >= '0' && c <= '9') || c == '-' || c == ' ' || c == '(' || c == ')' || c == '~' || c == ','))
      return false;
  return true;
}

bool web_address(std::string_view url) {
  const bool scheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
  if (!scheme || url.size() > 200) return false;
  const auto host = url.substr(url.find("//") + 2);
  if (host.empty() || host.front() == '/' || host.front() == '.') return false;
  for (const char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\')
      return false;
  return true;
}

}  // namespace

Result<OrganizationContact> validate_contact(const OrganizationContact& typed) {
  OrganizationContact v;
  std::vector<FieldError> errors;
  if (!clean_line(typed.phone, v.phone)) errors.push_back({"phone", "전화번호를 다시 입력해 주십시오."});
  if (!clean_line(typed.address, v.address)) errors.push_back({"address", "주소를 다시 입력해 주십시오."});
  if (!clean_line(typed.homepage, v.homepage))
    errors.push_back({"homepage", "누리집 주소를 다시 입력해 주십시오."});
  if (char_count(v.phone) > 30 || !phone_characters(v.phone))
    errors.push_back({"phone", "전화번호는 숫자와 -, 괄호로 30자 이내로 적어 주십시오. (예: 063-280-2114)"});
  if (char_count(v.address) > 200) errors.push_back({"address", "주소는 200자 이내로 적어 주십시오."});
  if (!v.homepage.empty() && !web_address(v.homepage))
    errors.push_back({"homepage", "누리집 주소는 https:// 또는 http://로 시작하는 주소로 적어 주십시오."});
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return v;
}

}  // namespace sotong::platform
