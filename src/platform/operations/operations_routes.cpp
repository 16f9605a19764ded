#include "platform/operations/operations_routes.hpp"

#include <boost/json.hpp>
#include <stdexcept>

#include "platform/operations/metrics_access.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> operations();
}

namespace sotong::platform::operations {
namespace {
std::string_view base_document() {
  for (const auto& f : embedded::operations())
    if (f.path == "openapi_base.json") return f.text;
  throw std::runtime_error("openapi_base.json missing");
}

/// The merged document, built once at start (register_routes) from the compiled-in manifests: the same for
/// every Web of the process, and read-only once the server runs.
std::string& document() {
  static std::string doc;
  return doc;
}

http::Response openapi_api(Web& web, Context& ctx) {
  return web.json(ctx, document());
}

void merge_object(boost::json::object& into, const boost::json::object& from, const std::string& where) {
  for (const auto& [key, value] : from) {
    if (into.contains(key))
      throw std::runtime_error("OpenAPI " + where + " defined twice: " + std::string(key));
    into[key] = value;
  }
}
}  // namespace

std::string build_openapi(const std::vector<ModuleManifest>& modules) {
  boost::json::value doc = boost::json::parse(base_document());
  auto& root = doc.as_object();
  for (const auto& m : modules) {
    for (const auto& text : m.openapi) {
      boost::json::value fragment;
      try {
        fragment = boost::json::parse(text);
      } catch (const std::exception& e) {
        throw std::runtime_error("OpenAPI fragment of " + m.name + ": " + e.what());
      }
      const auto& f = fragment.as_object();
      if (auto* paths = f.if_contains("paths"))
        merge_object(root["paths"].as_object(), paths->as_object(), "path");
      if (auto* components = f.if_contains("components")) {
        if (auto* schemas = components->as_object().if_contains("schemas"))
          merge_object(root["components"].as_object()["schemas"].as_object(), schemas->as_object(), "schema");
      }
    }
  }
  return boost::json::serialize(doc);
}

void register_routes(Web& web, const Metrics& metrics, std::string openapi_document) {
  web.raw({"GET", "/healthz", [](http::Request&) { return http::Response::text("ok"); }, true});
  // Browsers ask for /favicon.ico on their own; point them at the icon the layout links.
  web.raw({"GET", "/favicon.ico",
           [](http::Request&) { return http::Response::redirect("/static/app/favicon.svg", 301); }, true});
  web.raw({"GET", "/readyz",
           [&web](http::Request&) {
             try {
               web.db().read([](store::Connection& c) { return c.scalar("SELECT 1"); });
               return http::Response::text("ready");
             } catch (const std::exception&) {
               return http::Response::text("데이터베이스에 연결할 수 없습니다.", 503);
             }
           },
           false});
  // Refused with 403 (not 404): the path is documented, and an operator who set up a new scraper should
  // learn at once that its address or token is the problem.
  web.raw({"GET", "/metrics",
           [&metrics, access = MetricsAccess(web.settings())](http::Request& request) {
             if (!access.allows(request))
               return http::Response::text(
                   "이 주소에서는 /metrics를 볼 수 없습니다. [metrics] 설정을 확인하십시오.", 403);
             auto r = http::Response::text(metrics.exposition());
             r.content_type = "text/plain; version=0.0.4; charset=utf-8";
             return r;
           },
           true});
  // The document maps every operation and field of the API: for those who may call it (a session or an API
  // token), through the pipeline like any API read, so on a worker and never on the I/O thread.
  document() = std::move(openapi_document);
  web.add_routes({{"GET", "/api/v1/openapi.json", std::string(kSignedIn), openapi_api, RouteKind::api}});
}

}  // namespace sotong::platform::operations
