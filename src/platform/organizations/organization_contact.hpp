// An organisation's contact (대표전화, 주소, 누리집) and the rule that checks what an administrator types.
#pragma once

#include "core/result.hpp"

#include <string>

namespace sotong::platform {

struct OrganizationContact {
  std::string phone;     // "063-280-2114"
  std::string address;   // "전북특별자치도 전주시 완산구 효자로 225"
  std::string homepage;  // "https://www.jeonbuk.go.kr": only http(s), so a link can never run script
};

/// Trims and checks a contact as typed: a phone number of digits, hyphens, brackets and spaces (at most 30
/// characters, "내선" allowed), an address of at most 200 characters, a homepage that is an http(s) address
/// without spaces. Every field may be empty. Field errors name `phone`, `address` and `homepage`.
Result<OrganizationContact> validate_contact(const OrganizationContact& typed);

}  // namespace sotong::platform
