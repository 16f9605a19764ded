#include "modules/suggestions/suggestion_intake.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "modules/suggestions/suggestion_permissions.hpp"
#include "modules/suggestions/suggestion_records.hpp"
#include "modules/suggestions/suggestion_service.hpp"

namespace sotong::suggestions {
namespace {

/// A suggestion is a 시·군's request to the province: only the 시·군 among the organisations take part; the
/// first is the one that raised it, the others are concerned. The province and its bureaus are left out.
std::vector<std::int64_t> municipalities_among(const platform::ServiceContext& svc,
                                               const std::vector<std::int64_t>& ids) {
  const auto known = svc.db.read([](store::Connection& c) {
    return Directory::load(c).active_ids(platform::OrganizationKind::municipality);
  });
  std::vector<std::int64_t> out;
  for (const auto id : ids)
    if (std::find(known.begin(), known.end(), id) != known.end() &&
        std::find(out.begin(), out.end(), id) == out.end())
      out.push_back(id);
  return out;
}

Result<platform::IntakeResult> open(const platform::ServiceContext& svc, const platform::IntakeRequest& r) {
  const auto municipalities = municipalities_among(svc, r.organizations);
  if (municipalities.empty())
    return Error::invalid("입력 내용을 확인해 주십시오.",
                          {{"on_behalf_of",
                            "건의사항은 시·군이 도에 하는 건의입니다. 의견을 낸 시·군이 없어 "
                            "건의사항으로 만들 수 없습니다."}});
  SuggestionInput input;
  input.title = r.title;
  // Where it came from stays with the text, so the suggestion's page leads back to it.
  input.content = r.content;
  if (!r.origin.empty())
    input.content += "\n\n출처: " + r.origin + (r.origin_href.empty() ? "" : " (" + r.origin_href + ")");
  input.domain = r.domain;
  input.channel = r.channel;
  input.on_behalf_of = std::to_string(municipalities.front());
  for (std::size_t i = 1; i < municipalities.size(); ++i)
    input.concerned.push_back(std::to_string(municipalities[i]));
  // The coordinator's recorded-at-meeting filing: the same validation (only the coordinator records a
  // meeting's suggestion), the timeline, history, search and the coordinators' notice in one transaction.
  auto id = file_suggestion(svc, input, true);
  if (!id) return id.error();
  return platform::IntakeResult{*id, detail_url(*id)};
}

}  // namespace

platform::IntakeTarget intake_target() {
  // Only the coordinator records a suggestion raised at a meeting (suggestion_rules.cpp).
  return {"suggestions", "건의사항", open, [](const platform::Policy& policy, const Actor& actor) {
            return policy.allows(actor, kCoordinate);
          }};
}

}  // namespace sotong::suggestions
