// Thin handlers of self-disclosure: the filing form and its one-time receipt (officials), the list, one
// filing and its decision (the audit office; hidden routes, 404 to everyone else), and the figures everyone
// may read. The route table is at the end.
#include <boost/json.hpp>

#include "core/korean_text.hpp"
#include "modules/audit/audit_module.hpp"
#include "modules/audit/audit_permissions.hpp"
#include "modules/audit/disclosure_forms.hpp"
#include "modules/audit/disclosure_rules.hpp"
#include "modules/audit/disclosure_service.hpp"
#include "platform/attachments/attachments.hpp"
#include "platform/crypto.hpp"
#include "platform/exports/list_export.hpp"
#include "platform/web/json_input.hpp"
#include "platform/web/params.hpp"
#include "platform/web/web.hpp"

namespace sotong::audit {
namespace {
using platform::Context;
using platform::Web;
using render::View;

constexpr const char* kListHref = "/audit/disclosures";
constexpr const char* kNewHref = "/audit/disclosures/new";
constexpr const char* kReceiptHref = "/audit/disclosures/receipt";
constexpr const char* kFiguresHref = "/audit/disclosures/figures";
// The receipt crosses the redirect after filing in a cookie sealed for the session and is shown once: the
// filer can never read the filing again, so nothing on the server would show it to them later.
constexpr std::string_view kReceiptCookie = "sotong_disclosure_receipt";
constexpr std::string_view kReceiptPurpose = "audit.disclosure-receipt";
constexpr long kReceiptSeconds = 600;
/// The filing form's body: its text and the documents (the attachments' per-request limit) with room for
/// the part headers.
constexpr std::size_t kFilingMaxBody = platform::attachments::Limits{}.per_request + 256 * 1024;

std::string detail_href(std::int64_t id) {
  return std::string(kListHref) + "/" + std::to_string(id);
}

std::int64_t page_size(const Web& web) {
  return web.module_settings("audit").integer(kPageSize);
}

std::string decision_label(const Disclosure& d) {
  return d.decision ? std::string(label_of<DisclosureDecision>(kDisclosureDecisions, *d.decision)) : "";
}

std::string period_text(const Disclosure& d) {
  std::string out = date_text(d.period_from);
  if (d.period_to) out += " ~ " + date_text(*d.period_to);
  return out;
}

View options(auto const& terms, std::string_view selected) {
  View list = View::list();
  for (const auto& t : terms)
    list.push(View::object(
        {{"code", std::string(t.code)}, {"label", std::string(t.label)}, {"selected", t.code == selected}}));
  return list;
}

View row_view(const Disclosure& d) {
  View v =
      View::object({{"id", d.id},
                    {"href", detail_href(d.id)},
                    {"number", receipt_number(d.id, d.filed_at)},
                    {"title", d.title},
                    {"organization_name", d.organization_name},
                    {"filed_at", format_seoul_date(d.filed_at)},
                    {"state_label", std::string(label_of<DisclosureState>(kDisclosureStates, d.state()))},
                    {"pending", d.state() == DisclosureState::pending},
                    {"decision_label", decision_label(d)}});
  return v;
}

View detail_view(const Disclosure& d) {
  View v = row_view(d);
  v.set("description", d.description)
      .set("period", period_text(d))
      .set("mistake_kind_label", std::string(label_of<CaseType>(kCaseTypes, d.mistake_kind)))
      .set("amount", d.amount ? won_text(*d.amount) + "원" : std::string("적지 않음"))
      .set("corrected", d.corrected)
      .set("related_audit", d.related_audit.empty() ? std::string("없음") : d.related_audit)
      .set("filed_by_name", d.filed_by_name)
      .set("filed_at_minute", format_seoul_minute(d.filed_at))
      .set("decision_reasons", d.decision_reasons)
      .set("decided_by_name", d.decided_by_name)
      .set("decided_at", d.decided_at ? format_seoul_minute(*d.decided_at) : std::string());
  return v;
}

boost::json::object disclosure_json(const Disclosure& d) {
  boost::json::value to = nullptr;
  if (d.period_to) to = date_text(*d.period_to);
  boost::json::value amount = nullptr;
  if (d.amount) amount = *d.amount;
  boost::json::value decision = nullptr;
  if (d.decision) decision = code_of<DisclosureDecision>(kDisclosureDecisions, *d.decision);
  boost::json::value decided_at = nullptr;
  if (d.decided_at) decided_at = format_iso_utc(*d.decided_at);
  boost::json::value decided_by = nullptr;
  if (d.decided_by) decided_by = d.decided_by;
  return {{"id", d.id},
          {"receipt_number", receipt_number(d.id, d.filed_at)},
          {"organization_id", d.organization_id},
          {"organization_name", d.organization_name},
          {"title", d.title},
          {"description", d.description},
          {"period_from", date_text(d.period_from)},
          {"period_to", to},
          {"mistake_kind", code_of<CaseType>(kCaseTypes, d.mistake_kind)},
          {"amount", amount},
          {"corrected", d.corrected},
          {"related_audit", d.related_audit},
          {"filed_by", d.filed_by},
          {"filed_at", format_iso_utc(d.filed_at)},
          {"state", code_of<DisclosureState>(kDisclosureStates, d.state())},
          {"decision", decision},
          {"decision_reasons", d.decision_reasons},
          {"decided_by", decided_by},
          {"decided_at", decided_at}};
}

/// The filing form, empty or as submitted with each field error beside its field (422 then).
http::Response form_page(Web& web, Context& ctx, const DisclosureInput& input,
                         const std::vector<FieldError>& errors, int status) {
  View v = View::object({{"title", input.title},
                         {"description", input.description},
                         {"period_from", input.period_from},
                         {"period_to", input.period_to},
                         {"kinds", options(kCaseTypes, input.mistake_kind)},
                         {"amount", input.amount},
                         {"corrected", input.corrected},
                         {"related_audit", input.related_audit},
                         {"title_max", static_cast<long long>(kDisclosureTitleMax)},
                         {"text_max", static_cast<long long>(kDisclosureTextMax)},
                         {"related_max", static_cast<long long>(kRelatedAuditMax)},
                         {"errors", platform::errors_view(errors)}});
  for (const auto& e : errors) v.set("error_" + e.field, e.message);
  // The accepted file types and limits of the attachments platform, which keeps the documents.
  web.db().read([&](store::Connection& c) {
    platform::attachments::add_to_view(v, c, kDisclosureOwner, 0);
    return 0;
  });
  return web.render(ctx, "audit/disclosure_form", v,
                    {"자진신고 제출", {{"컨설팅 감사", "/audit"}, {"자진신고 제출", ""}}, {}}, status);
}

http::Response new_page(Web& web, Context& ctx) {
  return form_page(web, ctx, {}, {}, 200);
}

http::Response file_action(Web& web, Context& ctx) {
  const auto input = disclosure_input(ctx.form, ctx.multipart);
  auto receipt = file_disclosure(web.service(ctx), input, ctx.multipart.take_files());
  if (!receipt)
    return web.refuse_form(ctx, receipt.error(), [&](const std::vector<FieldError>& fields, int status) {
      return form_page(web, ctx, input, fields, status);
    });
  const std::string sealed =
      platform::seal_for_session(web.read_cookie(ctx, platform::kSessionCookie), kReceiptPurpose,
                                 receipt->number + "|" + std::to_string(receipt->filed_at));
  auto res = web.redirect_with(ctx, kReceiptHref, {"success", "자진신고를 접수했습니다."});
  res.header("Set-Cookie", web.set_cookie(ctx, kReceiptCookie, sealed, kReceiptSeconds));
  return res;
}

/// The receipt, once: the sealed cookie is opened and deleted in the same answer.
http::Response receipt_page(Web& web, Context& ctx) {
  const auto plain = platform::open_for_session(web.read_cookie(ctx, platform::kSessionCookie),
                                                kReceiptPurpose, web.read_cookie(ctx, kReceiptCookie));
  const auto bar = plain ? plain->find('|') : std::string::npos;
  const auto filed_at =
      bar == std::string::npos ? std::nullopt : platform::parse_id(std::string_view(*plain).substr(bar + 1));
  if (!filed_at)
    return web.error(ctx, Error::not_found("보여 드릴 접수증이 없습니다. 접수증은 제출한 바로 뒤에 한 번만 "
                                           "보입니다."));
  View v = View::object({{"number", plain->substr(0, bar)}, {"filed_at", format_seoul_minute(*filed_at)}});
  auto res = web.render(ctx, "audit/disclosure_receipt", v,
                        {"자진신고 접수증", {{"컨설팅 감사", "/audit"}, {"자진신고 접수증", ""}}, {}});
  res.header("Set-Cookie", web.set_cookie(ctx, kReceiptCookie, "", 0));
  res.header("Cache-Control", "no-store");
  return res;
}

platform::exports::Table list_table(const std::vector<Disclosure>& items) {
  using platform::exports::Column;
  using platform::exports::ColumnKind;
  platform::exports::Table t{"자진신고 목록",
                             {{"접수번호", 12},
                              {"제목", 40},
                              {"기관", 14},
                              {"제출일", 12, ColumnKind::date},
                              {"잘못의 유형", 18},
                              {"관련 금액(원)", 16, ColumnKind::number},
                              {"상태", 10},
                              {"결정", 10},
                              {"결정일", 12, ColumnKind::date}},
                             {}};
  for (const auto& d : items)
    t.rows.push_back({receipt_number(d.id, d.filed_at), d.title, d.organization_name,
                      format_seoul_date(d.filed_at),
                      std::string(label_of<CaseType>(kCaseTypes, d.mistake_kind)),
                      d.amount ? std::to_string(*d.amount) : "",
                      std::string(label_of<DisclosureState>(kDisclosureStates, d.state())), decision_label(d),
                      d.decided_at ? format_seoul_date(*d.decided_at) : ""});
  return t;
}

/// The filter bar as chosen (years from the figures, so that every year with filings is offered).
View filter_view(Web& web, Context& ctx, const DisclosureFilter& f) {
  View years = View::list();
  if (auto figures = disclosure_figures(web.service(ctx)))
    for (const auto& y : *figures)
      years.push(View::object({{"year", y.year}, {"selected", f.year && *f.year == y.year}}));
  const std::string state(f.state ? code_of<DisclosureState>(kDisclosureStates, *f.state) : "");
  const std::string decision(f.decision ? code_of<DisclosureDecision>(kDisclosureDecisions, *f.decision)
                                        : "");
  return View::object({{"years", years},
                       {"states", options(kDisclosureStates, state)},
                       {"decisions", options(kDisclosureDecisions, decision)}});
}

http::Response list_page(Web& web, Context& ctx) {
  auto filter = read_disclosure_filter(ctx.query);
  if (!filter) return web.error(ctx, filter.error());
  if (auto format = platform::exports::requested_format(ctx.query)) {
    if (!*format) return web.error(ctx, format->error());
    auto all = export_disclosures(web.service(ctx), *filter);
    if (!all) return web.error(ctx, all.error());
    if (auto file = platform::exports::export_if_requested(
            web, ctx, {kDisclosureRecord, "자진신고 목록", "disclosures"}, [&] { return list_table(*all); }))
      return std::move(*file);
  }
  const auto before = platform::parse_id(ctx.query.get("before")).value_or(0);
  auto page = list_disclosures(web.service(ctx), *filter, before, page_size(web));
  return web.respond(ctx, std::move(page), [&](const DisclosurePage& p) {
    View rows = View::list();
    for (const auto& d : p.items) rows.push(row_view(d));
    View v = filter_view(web, ctx, *filter);
    v.set("records", rows).set("figures_href", kFiguresHref);
    if (p.next_before != 0) {
      const std::string query = disclosure_filter_query(*filter);
      v.set("next_href", std::string(kListHref) + "?" + query + (query.empty() ? "" : "&") +
                             "before=" + std::to_string(p.next_before));
    }
    platform::exports::add_export_links(v, ctx);
    return web.render(ctx, "audit/disclosure_list", v,
                      {"자진신고", {{"컨설팅 감사", "/audit"}, {"자진신고", ""}}, {}});
  });
}

/// One filing with its documents and, while pending, the decision form (as submitted, with its errors).
http::Response show(Web& web, Context& ctx, const Disclosure& d, const DecisionInput& input,
                    const std::vector<FieldError>& errors, int status) {
  View v = detail_view(d);
  web.db().read([&](store::Connection& c) {
    platform::attachments::add_to_view(v, c, kDisclosureOwner, d.id);
    return 0;
  });
  v.set("decision_options", options(kDisclosureDecisions, input.decision))
      .set("reasons_input", input.reasons)
      .set("reasons_max", static_cast<long long>(kDisclosureReasonsMax))
      .set("decide_action", detail_href(d.id) + "/decision")
      .set("errors", platform::errors_view(errors));
  for (const auto& e : errors) v.set("error_" + e.field, e.message);
  const std::string title = "자진신고 " + receipt_number(d.id, d.filed_at);
  return web.render(ctx, "audit/disclosure_detail", v,
                    {title, {{"컨설팅 감사", "/audit"}, {"자진신고", kListHref}, {title, ""}}, {}}, status);
}

Result<Disclosure> path_disclosure(Web& web, Context& ctx) {
  return platform::path_id(ctx, kDisclosureNotFound).and_then([&](std::int64_t id) {
    return get_disclosure(web.service(ctx), id);
  });
}

http::Response detail_page(Web& web, Context& ctx) {
  return web.respond(ctx, path_disclosure(web, ctx),
                     [&](const Disclosure& d) { return show(web, ctx, d, {}, {}, 200); });
}

http::Response decide_action(Web& web, Context& ctx) {
  auto found = path_disclosure(web, ctx);
  if (!found) return web.error(ctx, found.error());
  const auto input = decision_input(ctx.form);
  const auto refuse = [&](const Error& e) {
    return web.refuse_form(ctx, e, [&](const std::vector<FieldError>& fields, int status) {
      return show(web, ctx, *found, input, fields, status);
    });
  };
  // The fields are checked before asking, so that the question is never asked about a decision that would
  // be refused.
  if (auto valid = validate_decision(input); !valid) return refuse(valid.error());
  const std::string label(label_of<DisclosureDecision>(
      kDisclosureDecisions, from_code<DisclosureDecision>(kDisclosureDecisions, input.decision)
                                .value_or(DisclosureDecision::reduced)));
  if (auto page = web.ask_first(
          ctx,
          {with_particle("‘" + label + "’", "으로/로") + " 결정할까요?",
           "결정하면 바꿀 수 없습니다. 제출한 사람에게는 결정이 났다는 사실만 알리고, 내용은 감사관실이 따로 "
           "알립니다.",
           "결정", detail_href(found->id)}))
    return std::move(*page);
  auto decided = decide_disclosure(web.service(ctx), found->id, input);
  if (!decided) return refuse(decided.error());
  return web.redirect_with(ctx, detail_href(found->id), {"success", "‘" + label + "’ 결정을 등록했습니다."});
}

View figures_view(const std::vector<DisclosureYearCount>& years) {
  View rows = View::list();
  DisclosureYearCount all;
  for (const auto& y : years) {
    rows.push(View::object({{"year", y.year},
                            {"pending", y.pending},
                            {"reduced", y.reduced},
                            {"exempted", y.exempted},
                            {"not_applicable", y.not_applicable},
                            {"total", y.total()}}));
    all.pending += y.pending;
    all.reduced += y.reduced;
    all.exempted += y.exempted;
    all.not_applicable += y.not_applicable;
  }
  return View::object({{"rows", rows},
                       {"has_rows", !years.empty()},
                       {"all_pending", all.pending},
                       {"all_reduced", all.reduced},
                       {"all_exempted", all.exempted},
                       {"all_not_applicable", all.not_applicable},
                       {"all_total", all.total()}});
}

http::Response figures_page(Web& web, Context& ctx) {
  return web.respond(
      ctx, disclosure_figures(web.service(ctx)), [&](const std::vector<DisclosureYearCount>& y) {
        View v = figures_view(y);
        v.set("may_file", web.policy().allows(ctx.actor, kDisclosureFile))
            .set("may_read", web.policy().allows(ctx.actor, kDisclosureRead));
        return web.render(ctx, "audit/disclosure_figures", v,
                          {"자진신고 통계", {{"컨설팅 감사", "/audit"}, {"자진신고 통계", ""}}, {}});
      });
}

http::Response api_figures(Web& web, Context& ctx) {
  return web.respond(ctx, disclosure_figures(web.service(ctx)),
                     [&](const std::vector<DisclosureYearCount>& y) {
                       boost::json::array items;
                       for (const auto& r : y)
                         items.push_back({{"year", r.year},
                                          {"pending", r.pending},
                                          {"reduced", r.reduced},
                                          {"exempted", r.exempted},
                                          {"not_applicable", r.not_applicable},
                                          {"total", r.total()}});
                       return web.json(ctx, boost::json::serialize(boost::json::object{{"years", items}}));
                     });
}

http::Response api_list(Web& web, Context& ctx) {
  auto filter = read_disclosure_filter(ctx.query);
  if (!filter) return web.error(ctx, filter.error());
  const auto before = platform::parse_id(ctx.query.get("before")).value_or(0);
  return web.respond(
      ctx, list_disclosures(web.service(ctx), *filter, before, page_size(web)), [&](const DisclosurePage& p) {
        boost::json::array items;
        for (const auto& d : p.items) items.push_back(disclosure_json(d));
        boost::json::value next = nullptr;
        if (p.next_before != 0) next = p.next_before;
        return web.json(ctx,
                        boost::json::serialize(boost::json::object{{"items", items}, {"next_before", next}}));
      });
}

http::Response api_get(Web& web, Context& ctx) {
  return web.respond(ctx, path_disclosure(web, ctx), [&](const Disclosure& d) {
    return web.json(ctx, boost::json::serialize(disclosure_json(d)));
  });
}

const std::vector<platform::JsonField> kDecisionFields = {{"decision", platform::JsonType::string},
                                                          {"reasons", platform::JsonType::string}};

http::Response api_decide(Web& web, Context& ctx) {
  auto found = path_disclosure(web, ctx);
  if (!found) return web.error(ctx, found.error());
  auto fields = platform::read_json_fields(ctx.request.body, kDecisionFields);
  if (!fields) return web.error(ctx, fields.error());
  auto decided =
      decide_disclosure(web.service(ctx), found->id, {(*fields)["decision"], (*fields)["reasons"]});
  return web.respond(ctx, std::move(decided), [&](const Disclosure& d) {
    return web.json(ctx, boost::json::serialize(disclosure_json(d)));
  });
}

const std::vector<platform::JsonField> kFilingFields = {
    {"title", platform::JsonType::string},        {"description", platform::JsonType::string},
    {"period_from", platform::JsonType::string},  {"period_to", platform::JsonType::string, true},
    {"mistake_kind", platform::JsonType::string}, {"amount", platform::JsonType::integer, true},
    {"corrected", platform::JsonType::string},    {"related_audit", platform::JsonType::string, true}};

http::Response api_file(Web& web, Context& ctx) {
  auto fields = platform::read_json_fields(ctx.request.body, kFilingFields);
  if (!fields) return web.error(ctx, fields.error());
  auto& f = *fields;
  const DisclosureInput input{f["title"],        f["description"], f["period_from"], f["period_to"],
                              f["mistake_kind"], f["amount"],      f["corrected"],   f["related_audit"]};
  return web.respond(ctx, file_disclosure(web.service(ctx), input, {}), [&](const DisclosureReceipt& r) {
    return web.json(ctx,
                    boost::json::serialize(boost::json::object{{"receipt_number", r.number},
                                                               {"filed_at", format_iso_utc(r.filed_at)}}),
                    201);
  });
}

}  // namespace

std::vector<platform::RouteSpec> disclosure_routes() {
  using platform::RouteKind;
  platform::RouteSpec list{"GET", kListHref, kDisclosureRead, list_page};
  platform::RouteSpec detail{"GET", "/audit/disclosures/{id}", kDisclosureRead, detail_page};
  platform::RouteSpec decide{"POST", "/audit/disclosures/{id}/decision", kDisclosureRead, decide_action};
  platform::RouteSpec api_all{"GET", "/api/v1/audit/disclosures", kDisclosureRead, api_list, RouteKind::api};
  platform::RouteSpec api_one{"GET", "/api/v1/audit/disclosures/{id}", kDisclosureRead, api_get,
                              RouteKind::api};
  platform::RouteSpec api_decision{"POST", "/api/v1/audit/disclosures/{id}/decision", kDisclosureRead,
                                   api_decide, RouteKind::api};
  // The audit office's routes answer everyone else 404, as if no filing existed.
  for (auto* r : {&list, &detail, &decide, &api_all, &api_one, &api_decision}) r->hidden = true;
  return {
      {"GET", kNewHref, kDisclosureFile, new_page},
      {"POST", kListHref, kDisclosureFile, file_action, RouteKind::page, kFilingMaxBody},
      {"GET", kReceiptHref, kDisclosureFile, receipt_page},
      {"GET", kFiguresHref, kDisclosureFigures, figures_page},
      list,
      detail,
      decide,
      {"POST", "/api/v1/audit/disclosures", kDisclosureFile, api_file, RouteKind::api},
      api_all,
      api_one,
      api_decision,
      {"GET", "/api/v1/audit/disclosure-figures", kDisclosureFigures, api_figures, RouteKind::api},
  };
}

}  // namespace sotong::audit
