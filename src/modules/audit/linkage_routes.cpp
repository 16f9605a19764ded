// Thin handlers of data linkage's data sets: the part's front page, uploading a file, mapping its columns on
// a preview, importing it, a data set's page with its access log, and disposing of it. The audit office only.
#include "core/korean_text.hpp"
#include "modules/audit/audit_module.hpp"
#include "modules/audit/audit_permissions.hpp"
#include "modules/audit/dataset_service.hpp"
#include "modules/audit/linkage_key.hpp"
#include "modules/audit/linkage_run_service.hpp"
#include "modules/audit/linkage_views.hpp"
#include "platform/web/params.hpp"
#include "platform/web/web.hpp"

namespace sotong::audit {
namespace {
using platform::Context;
using platform::Web;
using render::View;

/// The largest file the browser may send: bigger registers go through `sotong audit import`.
constexpr std::size_t kMaxUploadBytes = std::size_t{256} << 20U;

std::string session_token(const Web& web, const Context& ctx) {
  return web.read_cookie(ctx, platform::kSessionCookie);
}

Result<LinkageKey> linkage_key(const Web& web) {
  return load_linkage_key(web.module_settings("audit").text(kLinkageKeyFile));
}

View kinds_view(std::string_view selected) {
  View kinds = View::list();
  for (const auto& k : dataset_kinds()) {
    std::string columns;
    for (const auto& c : k.columns) columns += (columns.empty() ? "" : ", ") + c.label;
    kinds.push(View::object(
        {{"code", k.role}, {"label", k.label}, {"columns", columns}, {"selected", k.role == selected}}));
  }
  return kinds;
}

http::Response home_page(Web& web, Context& ctx) {
  auto svc = web.service(ctx);
  auto datasets = list_datasets(svc);
  if (!datasets) return web.error(ctx, datasets.error());
  auto scenarios = list_scenarios(svc);
  if (!scenarios) return web.error(ctx, scenarios.error());
  auto runs = list_runs(svc, 10);
  if (!runs) return web.error(ctx, runs.error());
  View dataset_rows = View::list();
  for (const auto& d : *datasets) dataset_rows.push(dataset_view(d));
  View scenario_rows = View::list();
  for (const auto& s : *scenarios)
    scenario_rows.push(View::object({{"href", "/audit/linkage/scenarios/" + std::to_string(s.id)},
                                     {"title", s.title},
                                     {"version", s.version},
                                     {"shipped", s.shipped}}));
  View run_rows = View::list();
  for (const auto& r : *runs)
    run_rows.push(View::object({{"href", "/audit/linkage/runs/" + std::to_string(r.id)},
                                {"id", r.id},
                                {"flagged", amount_text(r.flagged)},
                                {"total", amount_text(r.total_amount)},
                                {"run_by", r.run_by_name},
                                {"run_at", format_seoul_minute(r.run_at)}}));
  return web.render(ctx, "audit/linkage_home",
                    View::object({{"datasets", std::move(dataset_rows)},
                                  {"has_datasets", !datasets->empty()},
                                  {"scenarios", std::move(scenario_rows)},
                                  {"runs", std::move(run_rows)},
                                  {"has_runs", !runs->empty()}}),
                    {"전산감사", {{"컨설팅 감사", "/audit"}, {"전산감사", ""}}, {}});
}

http::Response upload_form(Web& web, Context& ctx, std::string_view kind,
                           const std::vector<FieldError>& errors, int status) {
  View v = View::object({{"kinds", kinds_view(kind)},
                         {"errors", platform::errors_view(errors)},
                         {"max_mib", static_cast<long long>(kMaxUploadBytes >> 20U)}});
  for (const auto& e : errors) v.set("error_" + e.field, e.message);
  return web.render(ctx, "audit/linkage_upload", v,
                    {"데이터셋 올리기", linkage_crumbs({{"데이터셋 올리기", ""}}), {}}, status);
}

http::Response new_dataset_page(Web& web, Context& ctx) {
  return upload_form(web, ctx, ctx.query.get("kind"), {}, 200);
}

http::Response upload_action(Web& web, Context& ctx) {
  const std::string kind = ctx.multipart.get("kind");
  auto files = ctx.multipart.take_files();
  const http::MultipartFile* file = nullptr;
  for (const auto& f : files)
    if (f.field == "file") file = &f;
  auto staged = stage_upload(web.service(ctx), session_token(web, ctx), kind, file ? file->file_name : "",
                             file ? std::string_view(file->content) : std::string_view());
  if (!staged)
    return web.refuse_form(ctx, staged.error(), [&](const std::vector<FieldError>& fields, int status) {
      return upload_form(web, ctx, kind, fields, status);
    });
  return web.redirect_with(ctx, "/audit/linkage/uploads/" + std::to_string(*staged), {});
}

/// What the mapping screen says under a column: how its values are read.
std::string column_hint(linkage::ColumnKind kind) {
  switch (kind) {
    case linkage::ColumnKind::text:
      return "글자 그대로 읽습니다 (번호·이름).";
    case linkage::ColumnKind::code:
      return "코드로 읽습니다 (예: 시군구코드 52110).";
    case linkage::ColumnKind::date:
      return "날짜로 읽습니다: 2025-01-31, 20250131, 2025.01.31 (빈칸은 날짜 없음).";
    case linkage::ColumnKind::amount:
      return "원 단위 금액으로 읽습니다: 1500000 또는 1,500,000.";
    case linkage::ColumnKind::person:
      return "주민등록번호: 형식을 확인한 뒤 암호화된 값으로만 저장하고, 번호 자체는 어디에도 남기지 "
             "않습니다.";
  }
  return "";
}

DataSetInput input_from_form(const http::Form& form, const linkage::RoleSchema& kind) {
  DataSetInput input{
      form.get("title"), form.get("purpose"), form.get("legal_basis"), form.get("retention_until"), {}};
  for (const auto& c : kind.columns) input.mapping.emplace_back(c.name, form.get("map_" + c.name));
  return input;
}

http::Response mapping_page(Web& web, Context& ctx, const UploadPreview& p, const DataSetInput& input,
                            const std::vector<FieldError>& errors, int status) {
  View headers = View::list();
  for (const auto& h : p.headers) headers.push(View(h));
  View rows = View::list();
  for (const auto& r : p.rows) {
    View cells = View::list();
    for (const auto& cell : r) cells.push(View(cell));
    rows.push(View::object({{"cells", std::move(cells)}}));
  }
  View columns = View::list();
  for (const auto& c : p.kind->columns) {
    std::string chosen;
    for (const auto& [name, header] : input.mapping.empty() ? p.suggested : input.mapping)
      if (name == c.name) chosen = header;
    View options = View::list();
    for (const auto& h : p.headers) options.push(View::object({{"header", h}, {"selected", h == chosen}}));
    View column = View::object({{"name", c.name},
                                {"label", c.label},
                                {"hint", column_hint(c.kind)},
                                {"options", std::move(options)},
                                {"none_selected", chosen.empty()}});
    for (const auto& e : errors)
      if (e.field == "map_" + c.name) column.set("error", e.message);
    columns.push(std::move(column));
  }
  View v = View::object(
      {{"file_name", p.upload.file_name},
       {"kind_label", p.kind->label},
       {"action", "/audit/linkage/uploads/" + std::to_string(p.upload.id)},
       {"headers", std::move(headers)},
       {"rows", std::move(rows)},
       {"columns", std::move(columns)},
       {"title", input.title.empty() ? p.kind->label + " (" + p.upload.file_name + ")" : input.title},
       {"purpose", input.purpose},
       {"legal_basis", input.legal_basis},
       {"retention_until", input.retention_until},
       {"errors", platform::errors_view(errors)}});
  for (const auto& e : errors) v.set("error_" + e.field, e.message);
  return web.render(ctx, "audit/linkage_mapping", v, {"열 맞추기", linkage_crumbs({{"열 맞추기", ""}}), {}},
                    status);
}

http::Response upload_page(Web& web, Context& ctx) {
  auto preview = platform::path_id(ctx).and_then(
      [&](std::int64_t id) { return preview_upload(web.service(ctx), session_token(web, ctx), id); });
  return web.respond(ctx, std::move(preview),
                     [&](const UploadPreview& p) { return mapping_page(web, ctx, p, {}, {}, 200); });
}

http::Response import_action(Web& web, Context& ctx) {
  auto svc = web.service(ctx);
  const auto token = session_token(web, ctx);
  auto preview =
      platform::path_id(ctx).and_then([&](std::int64_t id) { return preview_upload(svc, token, id); });
  if (!preview) return web.error(ctx, preview.error());
  const auto input = input_from_form(ctx.form, *preview->kind);
  auto key = linkage_key(web);
  if (!key) return web.error(ctx, key.error());
  auto imported = import_upload(svc, token, preview->upload.id, input, *key);
  if (!imported)
    return web.refuse_form(ctx, imported.error(), [&](const std::vector<FieldError>& fields, int status) {
      return mapping_page(web, ctx, *preview, input, fields, status);
    });
  return web.redirect_with(
      ctx, "/audit/linkage/datasets/" + std::to_string(*imported),
      {"success", "데이터셋을 들여왔습니다. 주민등록번호는 암호화된 값으로만 남았습니다."});
}

http::Response dataset_page(Web& web, Context& ctx) {
  auto svc = web.service(ctx);
  auto record = platform::path_id(ctx).and_then([&](std::int64_t id) { return get_dataset(svc, id); });
  return web.respond(ctx, std::move(record), [&](const DataSetRecord& d) {
    View log = View::list();
    if (auto lines = dataset_access_log(svc, d.id))
      for (const auto& a : *lines)
        log.push(View::object({{"action", a.action == "import"     ? "들여오기"
                                          : a.action == "run"      ? "분석 실행"
                                          : a.action == "evidence" ? "근거 열람"
                                          : a.action == "export"   ? "내려받기"
                                                                   : "폐기"},
                               {"detail", a.detail},
                               {"who", a.account_name.empty() ? "자동 작업" : a.account_name},
                               {"address", a.remote_address},
                               {"at", format_seoul_minute(a.at)}}));
    View v = dataset_view(d);
    v.set("log", std::move(log));
    v.set("dispose_action", "/audit/linkage/datasets/" + std::to_string(d.id) + "/dispose");
    return web.render(ctx, "audit/linkage_dataset", v, {d.title, linkage_crumbs({{d.title, ""}}), {}});
  });
}

http::Response dispose_action(Web& web, Context& ctx) {
  auto svc = web.service(ctx);
  auto record = platform::path_id(ctx).and_then([&](std::int64_t id) { return get_dataset(svc, id); });
  if (!record) return web.error(ctx, record.error());
  const std::string href = "/audit/linkage/datasets/" + std::to_string(record->id);
  const platform::Confirmation ask{
      "데이터셋을 폐기할까요?",
      record->title + "의 자료를 지금 지웁니다. 기록과 접근 기록은 남고, 이 자료로는 더 분석할 수 없습니다.",
      "폐기", href};
  if (auto page = web.ask_first(ctx, ask)) return std::move(*page);
  auto disposed = dispose_dataset(svc, record->id);
  if (!disposed) return web.error(ctx, disposed.error());
  return web.redirect_with(ctx, href, {"success", "데이터셋의 자료를 폐기했습니다."});
}

http::Response api_datasets(Web& web, Context& ctx) {
  auto datasets = list_datasets(web.service(ctx));
  return web.respond(ctx, std::move(datasets), [&](const std::vector<DataSetRecord>& list) {
    boost::json::array items;
    for (const auto& d : list) items.push_back(dataset_json(d));
    return web.json(ctx, boost::json::serialize(boost::json::object{{"items", items}}));
  });
}

}  // namespace

std::vector<platform::RouteSpec> linkage_dataset_routes() {
  using platform::RouteKind;
  return {
      {"GET", "/audit/linkage", kLinkage, home_page},
      {"GET", "/audit/linkage/datasets/new", kLinkage, new_dataset_page},
      {"POST", "/audit/linkage/uploads", kLinkage, upload_action, RouteKind::page, kMaxUploadBytes},
      {"GET", "/audit/linkage/uploads/{id}", kLinkage, upload_page},
      {"POST", "/audit/linkage/uploads/{id}", kLinkage, import_action},
      {"GET", "/audit/linkage/datasets/{id}", kLinkage, dataset_page},
      {"POST", "/audit/linkage/datasets/{id}/dispose", kLinkage, dispose_action},
      {"GET", "/api/v1/audit/linkage/datasets", kLinkage, api_datasets, RouteKind::api},
  };
}

}  // namespace sotong::audit
