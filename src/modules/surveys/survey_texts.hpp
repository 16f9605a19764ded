// Open answers kept beside a draft or a pending response as one text column: a JSON array of
// [position, text] pairs (no personal field, only what the respondent wrote).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace sotong::surveys {

std::string encode_texts(const std::vector<std::pair<int, std::string>>& texts);
/// The pairs back; an unreadable value reads as none.
std::vector<std::pair<int, std::string>> decode_texts(const std::string& encoded);

}  // namespace sotong::surveys
