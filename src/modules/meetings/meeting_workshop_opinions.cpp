// The opinions collected at a workshop (수렴의견) and their turning into suggestions; declared in
// meeting_workshop_service.hpp with the workshop's other use cases.
#include <string>
#include <utility>

#include "modules/meetings/meeting_permissions.hpp"
#include "modules/meetings/meeting_service.hpp"
#include "modules/meetings/meeting_workshop_access.hpp"
#include "modules/meetings/meeting_workshop_service.hpp"
#include "modules/meetings/meeting_workshop_store.hpp"
#include "platform/history/history.hpp"

namespace sotong::meetings {
namespace {

using platform::history::Fields;
using platform::history::to_json;

Fields opinion_fields(const Opinion& o) {
  std::string organizations;
  for (const auto id : o.organizations)
    organizations += (organizations.empty() ? "" : ",") + std::to_string(id);
  Fields f{{"meeting_id", o.meeting_id},
           {"title", o.title},
           {"content", o.content},
           {"domain", std::string(code_of<PolicyDomain>(kPolicyDomains, o.domain))},
           {"organizations", organizations},
           {"source", std::string(code_of<OpinionSource>(kOpinionSources, o.source))}};
  if (o.suggestion_id) f.emplace_back("suggestion_href", o.suggestion_href);
  return f;
}

std::string opinion_href(const Opinion& o) {
  return "/meetings/" + std::to_string(o.meeting_id) + "#opinion-" + std::to_string(o.id);
}

}  // namespace

Result<std::int64_t> meeting_of_opinion(const platform::ServiceContext& svc, std::int64_t id) {
  return svc.db.read([&](store::Connection& c) -> Result<std::int64_t> {
    const auto o = workshop_store::find_opinion(c, id);
    if (!o) return Error::not_found(kNotFound);
    auto access = load_workshop(c, svc.policy, svc.actor, o->meeting_id);
    if (!access) return access.error();
    return o->meeting_id;
  });
}

Result<std::int64_t> add_opinion(const platform::ServiceContext& svc, std::int64_t meeting_id,
                                 const OpinionInput& input) {
  if (auto ok = svc.policy.check(svc.actor, kPropose, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    auto access = load_workshop(c, svc.policy, svc.actor, meeting_id);
    if (!access) return access.error();
    const auto& rights = access->rights;
    if (!rights.record_opinion && !rights.submit_opinion) {
      if (!access->secretariat && !access->member)
        return Error::forbidden("워크숍에 참여하는 기관만 의견을 낼 수 있습니다.");
      return Error::conflict("의견은 워크숍 날부터 모읍니다. 취소한 워크숍에는 의견을 낼 수 없습니다.");
    }
    // A member's opinion is its own organisation's, whatever the form named.
    OpinionInput own = input;
    if (!rights.record_opinion) own.organizations = {access->own_organization};
    auto valid = validate_opinion(own, access->organizations());
    if (!valid) return valid.error();
    valid->meeting_id = meeting_id;
    valid->source = rights.record_opinion ? OpinionSource::recorded : OpinionSource::submitted;
    valid->recorded_by_org = svc.actor.organization_id;
    valid->id = workshop_store::insert_opinion(c, *valid, svc.actor.account_id, now());
    platform::history::record_change(
        c, svc.actor, {"meeting_workshop_opinion", valid->id, "create", "", to_json(opinion_fields(*valid))});
    return valid->id;
  });
}

Result<platform::IntakeResult> turn_opinion(const platform::ServiceContext& svc, std::int64_t opinion_id) {
  if (auto ok = svc.policy.check(svc.actor, kRun, svc.actor.organization_path); !ok) return ok.error();
  // Checked first on our side, so that a suggestion is asked for only when the opinion may become one.
  auto checked = svc.db.read([&](store::Connection& c) -> Result<std::pair<Opinion, Meeting>> {
    auto opinion = workshop_store::find_opinion(c, opinion_id);
    if (!opinion) return Error::not_found(kNotFound);
    auto access = load_workshop(c, svc.policy, svc.actor, opinion->meeting_id);
    if (!access) return access.error();
    if (!access->rights.turn_opinions) return Error::forbidden(kWorkshopSecretariatOnly);
    if (auto ok = check_turn(*opinion); !ok) return ok.error();
    return std::make_pair(std::move(*opinion), std::move(access->meeting));
  });
  if (!checked) return checked.error();
  // Named, not bound: a lambda below captures the opinion.
  const Opinion& opinion = checked->first;
  const Meeting& meeting = checked->second;
  const auto target = platform::intake_target("suggestions");
  if (!target) return Error::conflict("건의사항 기능을 찾을 수 없어 건의사항으로 만들 수 없습니다.");
  platform::IntakeRequest request{opinion.title,
                                  opinion.content,
                                  opinion.organizations,
                                  std::string(code_of<PolicyDomain>(kPolicyDomains, opinion.domain)),
                                  "workshop",
                                  meeting.title + " 수렴의견",
                                  opinion_href(opinion)};
  // Order: the suggestion is filed first, in the suggestions module's own transaction, and the opinion is
  // linked after. A refusal there writes nothing on either side. Once filed, a suggestion is never undone
  // from here: if linking fails (someone turned the same opinion a moment earlier, or the write fails), the
  // suggestion stays, carrying this opinion's address in its text, and the refusal names it, so nothing is
  // lost and the coordinator can merge the duplicate. Linking first would leave an opinion pointing at a
  // suggestion the target then refused.
  auto opened = target->open(svc, request);
  if (!opened) return opened.error();
  auto linked = svc.db.write([&](store::Connection& c) -> Result<void> {
    if (!workshop_store::link_suggestion(c, opinion_id, opened->id, opened->href, svc.actor.account_id,
                                         now()))
      return Error::conflict("건의사항(" + opened->href +
                             ")을 만들었지만 그 사이 다른 사람이 이 의견을 먼저 건의사항으로 만들어 연결하지 "
                             "못했습니다. 중복된 건의사항은 병합해 주십시오.");
    auto after = opinion;
    after.suggestion_id = opened->id;
    after.suggestion_href = opened->href;
    platform::history::record_change(c, svc.actor,
                                     {"meeting_workshop_opinion", opinion_id, "turn",
                                      to_json(opinion_fields(opinion)), to_json(opinion_fields(after))});
    return {};
  });
  if (!linked) return linked.error();
  return *opened;
}

}  // namespace sotong::meetings
