#include "modules/meetings/meeting_workshop_api.hpp"

#include <boost/json.hpp>
#include <string>

#include "modules/meetings/meeting_workshop_service.hpp"
#include "platform/attachments/attachments.hpp"

namespace sotong::meetings {
namespace {
using boost::json::array;
using boost::json::object;
using boost::json::value;

value org(const WorkshopSection& w, std::int64_t id) {
  const auto it = w.names.find(id);
  return object{{"id", id}, {"name", it == w.names.end() ? "" : it->second}};
}

}  // namespace

void add_workshop_json(const platform::ServiceContext& svc, std::int64_t meeting_id, object& out) {
  auto section = get_workshop(svc, meeting_id);
  if (!section) return;
  const auto& w = *section;
  array sessions;
  for (const auto& s : w.sessions)
    sessions.push_back(object{{"id", s.id},
                              {"position", s.position},
                              {"title", s.title},
                              {"starts_at", s.starts_at},
                              {"ends_at", s.ends_at},
                              {"moderator", s.moderator}});
  array presentations;
  for (const auto& p : w.presentations) {
    array files;
    const auto attachments = svc.db.read(
        [&](store::Connection& c) { return platform::attachments::list(c, "meeting_presentation", p.id); });
    for (const auto& a : attachments)
      files.push_back(object{{"id", a.id},
                             {"file_name", a.file_name},
                             {"size", a.size},
                             {"href", "/attachments/" + std::to_string(a.id)}});
    presentations.push_back(
        object{{"id", p.id},
               {"position", p.position},
               {"title", p.title},
               {"organization", org(w, p.organization_id)},
               {"presenter", p.presenter},
               {"summary", p.summary},
               {"status", std::string(code_of<PresentationStatus>(kPresentationStatuses, p.status))},
               {"proposer", org(w, p.proposer_id)},
               {"attachments", files}});
  }
  array opinions;
  for (const auto& o : w.opinions) {
    array from;
    for (const auto id : o.organizations) from.push_back(org(w, id));
    object suggestion =
        o.suggestion_id ? object{{"id", *o.suggestion_id}, {"href", o.suggestion_href}} : object{};
    opinions.push_back(object{{"id", o.id},
                              {"title", o.title},
                              {"content", o.content},
                              {"domain", std::string(code_of<PolicyDomain>(kPolicyDomains, o.domain))},
                              {"organizations", from},
                              {"source", std::string(code_of<OpinionSource>(kOpinionSources, o.source))},
                              {"suggestion", o.suggestion_id ? value(suggestion) : value(nullptr)}});
  }
  out["workshop"] = object{{"sessions", sessions}, {"presentations", presentations}, {"opinions", opinions}};
}

}  // namespace sotong::meetings
