// Thin handlers for /admin/jobs: the failed, queued and running jobs, and the retry button.
#include "core/korean_text.hpp"
#include "platform/jobs/jobs.hpp"
#include "platform/jobs/jobs_module.hpp"
#include "platform/web/params.hpp"
#include "platform/web/web.hpp"

namespace sotong::platform::jobs {
namespace {
using render::View;

std::string status_label(std::string_view s) {
  if (s == "queued") return "대기";
  if (s == "running") return "처리 중";
  if (s == "failed") return "실패";
  if (s == "done") return "완료";
  return std::string(s);
}

/// What the screen calls a kind: the label its manifest gives, else its code.
std::string kind_label(const std::map<std::string, Kind>& kinds, const std::string& name) {
  const auto it = kinds.find(name);
  return it == kinds.end() || it->second.label.empty() ? name : it->second.label;
}

http::Response list_page(Web& web, Context& ctx) {
  auto list = web.db().read([](store::Connection& c) { return list_open(c); });
  const auto kinds = registered_kinds();
  View rows = View::list();
  std::int64_t failed = 0;
  for (const auto& j : list) {
    if (j.status == "failed") ++failed;
    rows.push(View::object({{"id", j.id},
                            {"kind", j.kind},
                            {"kind_label", kind_label(kinds, j.kind)},
                            {"status", j.status},
                            {"status_label", status_label(j.status)},
                            {"failed", j.status == "failed"},
                            {"run_at", format_seoul_minute(j.run_at)},
                            {"attempts", std::to_string(j.attempts) + " / " + std::to_string(j.max_attempts)},
                            {"last_error", j.last_error},
                            {"created_at", format_seoul_minute(j.created_at)}}));
  }
  View v =
      View::object({{"jobs", rows}, {"count", static_cast<std::int64_t>(list.size())}, {"failed", failed}});
  return web.render(ctx, "jobs/list", v, PageMeta{"작업 대기열", {{"작업 대기열", "/admin/jobs"}}, {}});
}

http::Response retry_action(Web& web, Context& ctx) {
  auto id = path_id(ctx, "작업을 찾을 수 없습니다.");
  if (!id) return web.error(ctx, id.error());
  if (auto ok = retry(web.db(), *id, now()); !ok) return web.error(ctx, ok.error());
  return web.redirect_with(
      ctx, "/admin/jobs",
      {"success", with_particle("작업 " + std::to_string(*id), "을/를") + " 다시 대기열에 넣었습니다."});
}

}  // namespace

std::vector<RouteSpec> routes() {
  return {{"GET", "/admin/jobs", kManage, list_page},
          {"POST", "/admin/jobs/{id}/retry", kManage, retry_action}};
}

}  // namespace sotong::platform::jobs
