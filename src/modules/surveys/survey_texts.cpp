#include "modules/surveys/survey_texts.hpp"

#include <boost/json.hpp>

namespace sotong::surveys {

std::string encode_texts(const std::vector<std::pair<int, std::string>>& texts) {
  if (texts.empty()) return "";
  boost::json::array out;
  for (const auto& [position, text] : texts) out.push_back(boost::json::array{position, text});
  return boost::json::serialize(out);
}

std::vector<std::pair<int, std::string>> decode_texts(const std::string& encoded) {
  std::vector<std::pair<int, std::string>> out;
  if (encoded.empty()) return out;
  boost::system::error_code ec;
  const auto value = boost::json::parse(encoded, ec);
  if (ec || !value.is_array()) return out;
  for (const auto& item : value.as_array()) {
    const auto* pair = item.if_array();
    if (!pair || pair->size() != 2 || !(*pair)[0].is_int64() || !(*pair)[1].is_string()) continue;
    out.emplace_back(static_cast<int>((*pair)[0].as_int64()), std::string((*pair)[1].as_string()));
  }
  return out;
}

}  // namespace sotong::surveys
