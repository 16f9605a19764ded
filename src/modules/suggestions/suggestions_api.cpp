// Thin handlers of the JSON operations of 건의사항 under /api/v1/suggestions: the same services as the pages,
// the same refusals, as JSON (openapi.json describes every field, and the HTTP tests validate against it).
#include <boost/json.hpp>

#include "modules/suggestions/suggestion_forms.hpp"
#include "modules/suggestions/suggestion_handling.hpp"
#include "modules/suggestions/suggestion_permissions.hpp"
#include "modules/suggestions/suggestion_service.hpp"
#include "modules/suggestions/suggestions_module.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/web/json_input.hpp"
#include "platform/web/web.hpp"

namespace sotong::suggestions {
namespace {
using platform::Context;
using platform::JsonField;
using platform::JsonType;
using platform::Web;

const std::vector<JsonField> kFilingFields = {{"title", JsonType::string},
                                              {"content", JsonType::string},
                                              {"domain", JsonType::string},
                                              {"concerned_ids", JsonType::integer_list},
                                              {"addressed_bureau_id", JsonType::integer, true},
                                              {"desired_date", JsonType::string, true},
                                              {"channel", JsonType::string},
                                              {"on_behalf_of", JsonType::integer},
                                              {"submit", JsonType::boolean}};

const std::vector<JsonField> kDecisionFields = {{"action", JsonType::string},
                                                {"reason", JsonType::string},
                                                {"lead_bureau_id", JsonType::integer},
                                                {"cooperating_ids", JsonType::integer_list},
                                                {"working_days", JsonType::integer},
                                                {"review_level", JsonType::string, true},
                                                {"next_review", JsonType::string, true},
                                                {"percent", JsonType::integer},
                                                {"due_date", JsonType::string},
                                                {"organization_id", JsonType::integer},
                                                {"rating", JsonType::integer},
                                                {"target_id", JsonType::integer},
                                                {"title", JsonType::string}};

boost::json::value date_json(const std::optional<CivilDate>& date) {
  if (!date) return nullptr;
  return boost::json::value(platform::calendar::format_date(*date));
}

boost::json::value time_json(const std::optional<Timestamp>& t) {
  if (!t) return nullptr;
  return boost::json::value(format_iso_utc(*t));
}

boost::json::value organization_json(const std::optional<OrganizationRef>& o) {
  if (!o) return nullptr;
  return boost::json::object{{"id", o->id}, {"name", o->name}};
}

boost::json::array organizations_json(const std::vector<OrganizationRef>& list) {
  boost::json::array out;
  for (const auto& o : list) out.push_back(organization_json(o));
  return out;
}

boost::json::object record_json(const Suggestion& r, CivilDate today) {
  boost::json::value level = nullptr;
  if (r.review_level) level = std::string(review_level_code(*r.review_level));
  boost::json::value satisfaction = nullptr;
  if (r.satisfaction) satisfaction = *r.satisfaction;
  const bool in_hand = r.state == State::adopted || r.state == State::in_progress;
  return {{"id", r.id},
          {"title", r.title},
          {"state", state_code(r.state)},
          {"state_label", state_label(r.state)},
          {"organization", organization_json(r.organization)},
          {"domain", domain_code(r.domain)},
          {"channel", channel_code(r.channel)},
          {"concerned", organizations_json(r.concerned)},
          {"addressed_bureau", organization_json(r.addressed_bureau)},
          {"desired_date", date_json(r.desired_date)},
          {"lead_bureau", organization_json(r.lead_bureau)},
          {"cooperating", organizations_json(r.cooperating)},
          {"due_date", date_json(r.due_date)},
          {"overdue", in_hand && r.due_date && days_from_civil(today) > days_from_civil(*r.due_date)},
          {"extensions", r.extensions},
          {"appealed", r.appealed},
          {"progress", r.progress},
          {"review_level", level},
          {"next_review", date_json(r.next_review)},
          {"satisfaction", satisfaction},
          {"created_by", r.created_by},
          {"created_at", format_iso_utc(r.created_at)},
          {"submitted_at", time_json(r.submitted_at)},
          {"merged_into", r.merged_into ? boost::json::value(*r.merged_into) : boost::json::value(nullptr)},
          {"parent_id", r.parent_id ? boost::json::value(*r.parent_id) : boost::json::value(nullptr)}};
}

boost::json::array ids_json(const std::vector<Suggestion>& list) {
  boost::json::array out;
  for (const auto& r : list) out.push_back(r.id);
  return out;
}

boost::json::object file_json(const SuggestionFile& file) {
  auto body = record_json(file.record, file.today);
  body["content"] = file.record.content;
  body["answer"] = file.record.answer;
  body["satisfaction_comment"] = file.record.satisfaction_comment;
  boost::json::array timeline;
  for (const auto& e : file.timeline) {
    boost::json::value percent = nullptr;
    if (e.percent) percent = *e.percent;
    boost::json::value to = nullptr;
    if (e.to_state) to = std::string(state_code(*e.to_state));
    timeline.push_back({{"kind", e.kind},
                        {"to_state", to},
                        {"body", e.body},
                        {"detail", e.detail},
                        {"percent", percent},
                        {"internal", e.internal},
                        {"actor", e.actor_name},
                        {"actor_organization", e.actor_organization_name},
                        {"at", format_iso_utc(e.created_at)}});
  }
  body["timeline"] = timeline;
  boost::json::array available;
  for (Action a : file.actions) available.push_back(boost::json::value(action_code(a)));
  for (Step s : file.steps) available.push_back(boost::json::value(code_of<Step>(kSteps, s)));
  body["available"] = available;
  body["related_ids"] = ids_json(file.related);
  body["children_ids"] = ids_json(file.children);
  body["merged_from_ids"] = ids_json(file.merged_from);
  return body;
}

http::Response api_list(Web& web, Context& ctx) {
  auto filter = read_filter(ctx.query);
  if (!filter) return web.error(ctx, filter.error());
  auto page =
      list_suggestions(web.service(ctx), *filter, web.module_settings("suggestions").integer(kPageSize));
  return web.respond(ctx, std::move(page), [&](const SuggestionPage& p) {
    boost::json::array items;
    for (const auto& r : p.items) items.push_back(record_json(r, p.today));
    boost::json::value next = nullptr;
    if (p.next) {
      auto cursor = *p.next;
      if (filter->sort == suggestion_store::Sort::newest) cursor.due_key.clear();
      next = cursor_text(cursor);
    }
    return web.json(ctx, boost::json::serialize(boost::json::object{{"items", items}, {"next", next}}));
  });
}

http::Response api_get(Web& web, Context& ctx) {
  auto file = platform::path_id(ctx, kNotFound).and_then([&](std::int64_t id) {
    return open_suggestion(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(file), [&](const SuggestionFile& f) {
    return web.json(ctx, boost::json::serialize(file_json(f)));
  });
}

http::Response api_create(Web& web, Context& ctx) {
  auto fields = platform::read_json_fields(ctx.request.body, kFilingFields);
  if (!fields) return web.error(ctx, fields.error());
  const bool submit = !fields->count("submit") || (*fields)["submit"] == "1";
  const auto svc = web.service(ctx);
  auto created = file_suggestion(svc, input_from_json(*fields), submit);
  return web.respond(
      ctx, created.and_then([&](std::int64_t id) { return open_suggestion(svc, id); }),
      [&](const SuggestionFile& f) { return web.json(ctx, boost::json::serialize(file_json(f)), 201); });
}

http::Response api_decide(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  auto fields = platform::read_json_fields(ctx.request.body, kDecisionFields);
  if (!fields) return web.error(ctx, fields.error());
  const auto svc = web.service(ctx);
  auto done = handle_suggestion(svc, *id, decision_from_json(*fields));
  if (!done) return web.error(ctx, done.error());
  return web.respond(ctx, open_suggestion(svc, *id), [&](const SuggestionFile& f) {
    return web.json(ctx, boost::json::serialize(file_json(f)));
  });
}

}  // namespace

std::vector<platform::RouteSpec> api_routes() {
  using platform::RouteKind;
  return {
      {"GET", "/api/v1/suggestions", kView, api_list, RouteKind::api},
      {"POST", "/api/v1/suggestions", kFile, api_create, RouteKind::api},
      {"GET", "/api/v1/suggestions/{id}", kView, api_get, RouteKind::api},
      {"POST", "/api/v1/suggestions/{id}/decisions", kView, api_decide, RouteKind::api},
  };
}

}  // namespace sotong::suggestions
