#include "modules/suggestions/suggestion_reply_template.hpp"

#include <vector>

#include "modules/suggestions/suggestion_handling_rules.hpp"
#include "modules/suggestions/suggestion_rules.hpp"

namespace sotong::suggestions {
namespace {

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

}  // namespace

Result<ReplyTemplate> validate_reply_template(const ReplyTemplateInput& input) {
  std::vector<FieldError> errors;
  ReplyTemplate out;
  check_line(input.title, "title", "서식 이름", kTemplateTitleMaxChars, out.title, errors);
  check_text(input.body, "body", "회신 내용", kReasonMaxChars, true, out.body, errors);
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return out;
}

std::string fill_reply_template(std::string_view body, const Suggestion& suggestion) {
  std::string out(body);
  replace_all(out, "{제목}", suggestion.title);
  replace_all(out, "{건의기관}", suggestion.organization.name);
  replace_all(out, "{주관실국}", suggestion.lead_bureau ? suggestion.lead_bureau->name : "");
  return out;
}

}  // namespace sotong::suggestions
