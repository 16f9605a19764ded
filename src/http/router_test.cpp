#include "http/router.hpp"

#include <gtest/gtest.h>

namespace sotong::http {

TEST(Router, MatchesParametersAndMethods) {
  Router router;
  router.add({"GET", "/admin/organizations", [](Request&) { return Response::text("list"); }});
  router.add({"GET", "/admin/organizations/{id}", [](Request& r) { return Response::text(r.param("id")); }});
  router.add({"POST", "/admin/organizations/{id}", [](Request&) { return Response::text("post"); }});

  Request r;
  r.method = "GET";
  r.path = "/admin/organizations/42";
  auto m = router.match(r);
  ASSERT_TRUE(m.route);
  EXPECT_EQ(m.route->handler(r).body, "42");
  EXPECT_EQ(r.route_pattern, "/admin/organizations/{id}");

  r.method = "DELETE";
  m = router.match(r);
  EXPECT_FALSE(m.route);
  EXPECT_TRUE(m.path_known);

  r.method = "GET";
  r.path = "/admin/nothing/here";
  m = router.match(r);
  EXPECT_FALSE(m.route);
  EXPECT_FALSE(m.path_known);
}

TEST(Router, HeadUsesGetRoutes) {
  Router router;
  router.add({"GET", "/healthz", [](Request&) { return Response::text("ok"); }});
  Request r;
  r.method = "HEAD";
  r.path = "/healthz";
  EXPECT_TRUE(router.match(r).route);
}

TEST(Router, TrailingSlashIsDistinct) {
  Router router;
  router.add({"GET", "/admin/", [](Request&) { return Response::text("home"); }});
  Request r;
  r.method = "GET";
  r.path = "/admin";
  EXPECT_FALSE(router.match(r).route);
  r.path = "/admin/";
  EXPECT_TRUE(router.match(r).route);
}

}  // namespace sotong::http

namespace sotong::http {
namespace {

Handler says(std::string text) {
  return [text](Request&) { return Response::text(text); };
}

/// The body the matched route answers with, or "" when nothing matched.
std::string answer(const Router& router, std::string method, std::string path) {
  Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  const auto m = router.match(r);
  return m.route ? m.route->handler(r).body : "";
}

}  // namespace

TEST(Router, LiteralBeatsParameterWhateverTheOrder) {
  Router param_first;
  param_first.add({"GET", "/x/{id}", says("param")});
  param_first.add({"GET", "/x/export.csv", says("literal")});
  Router literal_first;
  literal_first.add({"GET", "/x/export.csv", says("literal")});
  literal_first.add({"GET", "/x/{id}", says("param")});
  for (const Router* router : {&param_first, &literal_first}) {
    EXPECT_EQ(answer(*router, "GET", "/x/export.csv"), "literal");
    EXPECT_EQ(answer(*router, "GET", "/x/42"), "param");
  }
}

TEST(Router, LiteralBeatsParameterAtEveryDepth) {
  struct Case {
    std::string param, literal, literal_path, param_path;
  };
  const std::vector<Case> cases = {
      {"/{section}", "/new", "/new", "/old"},
      {"/a/{id}/b", "/a/new/b", "/a/new/b", "/a/7/b"},
      {"/a/b/{id}", "/a/b/new", "/a/b/new", "/a/b/7"},
      {"/a/{id}/b/{sub}", "/a/{id}/b/new", "/a/7/b/new", "/a/7/b/old"},
      {"/{a}/{b}/{c}/{d}", "/{a}/{b}/c/{d}", "/1/2/c/4", "/1/2/3/4"},
  };
  for (const auto& c : cases) {
    for (const bool literal_first : {false, true}) {
      Router router;
      if (literal_first) router.add({"GET", c.literal, says("literal")});
      router.add({"GET", c.param, says("param")});
      if (!literal_first) router.add({"GET", c.literal, says("literal")});
      EXPECT_EQ(answer(router, "GET", c.literal_path), "literal") << c.literal << " vs " << c.param;
      EXPECT_EQ(answer(router, "GET", c.param_path), "param") << c.param_path;
    }
  }
}

TEST(Router, TheFirstDifferenceDecides) {
  // "/a/new/{x}" has its literal earlier than "/a/{id}/edit": it wins for "/a/new/edit" in both orders.
  for (const bool reversed : {false, true}) {
    Router router;
    std::vector<Route> routes = {{"GET", "/a/{id}/edit", says("edit")}, {"GET", "/a/new/{x}", says("new")}};
    if (reversed) std::swap(routes[0], routes[1]);
    for (auto& r : routes) router.add(std::move(r));
    EXPECT_EQ(answer(router, "GET", "/a/new/edit"), "new");
    EXPECT_EQ(answer(router, "GET", "/a/7/edit"), "edit");
    EXPECT_EQ(answer(router, "GET", "/a/new/other"), "new");
    EXPECT_EQ(answer(router, "GET", "/a/7/other"), "");
  }
}

TEST(Router, BindsTheParametersOfTheChosenRoute) {
  Router router;
  router.add({"GET", "/a/{id}/b", says("param")});
  router.add({"GET", "/a/new/{part}", says("literal")});
  Request r;
  r.method = "GET";
  r.path = "/a/new/b";
  r.path_params["stale"] = "x";
  ASSERT_TRUE(router.match(r).route);
  EXPECT_EQ(r.route_pattern, "/a/new/{part}");
  EXPECT_EQ(r.path_params.size(), 1u);
  EXPECT_EQ(r.param("part"), "b");
  EXPECT_EQ(r.param("id"), "");
}

TEST(Router, MethodNotAllowedStillDetected) {
  Router router;
  router.add({"GET", "/x/{id}", says("get")});
  router.add({"POST", "/x/export.csv", says("post")});
  Request r;
  r.method = "DELETE";
  r.path = "/x/export.csv";
  auto m = router.match(r);
  EXPECT_FALSE(m.route);
  EXPECT_TRUE(m.path_known);
  // Each method finds its own best route: GET falls back to the parameter.
  EXPECT_EQ(answer(router, "GET", "/x/export.csv"), "get");
  EXPECT_EQ(answer(router, "POST", "/x/export.csv"), "post");
  r.method = "POST";
  r.path = "/x/7";
  m = router.match(r);
  EXPECT_FALSE(m.route);
  EXPECT_TRUE(m.path_known);
  r.method = "GET";
  r.path = "/y/7";
  m = router.match(r);
  EXPECT_FALSE(m.route);
  EXPECT_FALSE(m.path_known);
  // A matched route does not report the path as known under another method.
  r.path = "/x/7";
  m = router.match(r);
  EXPECT_TRUE(m.route);
  EXPECT_FALSE(m.path_known);
}

TEST(Router, PeekPrefersTheLiteralToo) {
  Router router;
  router.add({"POST", "/files/{id}", says("param"), false, 10});
  router.add({"POST", "/files/upload", says("literal"), false, 1000});
  const Route* r = router.peek("POST", "/files/upload");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->max_body, 1000u);
  r = router.peek("POST", "/files/3");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->max_body, 10u);
  EXPECT_FALSE(router.peek("GET", "/files/3"));
}

TEST(Router, RefusesDuplicates) {
  Router router;
  router.add({"GET", "/x/{id}", says("a")});
  try {
    router.add({"GET", "/x/{key}", says("b")});
    FAIL() << "a route of the same shape was accepted";
  } catch (const std::logic_error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("GET /x/{key}"), std::string::npos) << what;
    EXPECT_NE(what.find("GET /x/{id}"), std::string::npos) << what;
  }
  router.add({"GET", "/x/new", says("c")});
  EXPECT_THROW(router.add({"GET", "/x/new", says("d")}), std::logic_error);
  router.add({"GET", "/", says("root")});
  EXPECT_THROW(router.add({"GET", "/", says("root again")}), std::logic_error);
  // Same pattern under another method, another literal, another length: all fine.
  router.add({"POST", "/x/{id}", says("e")});
  router.add({"GET", "/x/old", says("f")});
  router.add({"GET", "/x/{id}/", says("g")});
  router.add({"GET", "/x/{id}/y", says("h")});
  EXPECT_EQ(router.routes().size(), 7u);
  EXPECT_EQ(router.routes().front().pattern, "/x/{id}");  // still in the order added
}

TEST(Router, RefusesBadPatterns) {
  Router router;
  EXPECT_THROW(router.add({"GET", "", says("")}), std::invalid_argument);
  EXPECT_THROW(router.add({"GET", "x", says("")}), std::invalid_argument);
  std::string deep;
  for (std::size_t i = 0; i <= Router::kMaxSegments; ++i) deep += "/s";
  EXPECT_THROW(router.add({"GET", deep, says("")}), std::invalid_argument);
  EXPECT_EQ(answer(router, "GET", deep), "");
}

TEST(Router, TrailingSlashBehaviourUnchanged) {
  Router router;
  router.add({"GET", "/", says("root")});
  router.add({"GET", "/admin", says("admin")});
  router.add({"GET", "/items/{id}", says("item")});
  router.add({"GET", "/items/{id}/", says("item slash")});
  EXPECT_EQ(answer(router, "GET", "/"), "root");
  EXPECT_EQ(answer(router, "GET", "/admin"), "admin");
  EXPECT_EQ(answer(router, "GET", "/admin/"), "");
  EXPECT_EQ(answer(router, "GET", "/items/3"), "item");
  EXPECT_EQ(answer(router, "GET", "/items/3/"), "item slash");
  EXPECT_EQ(answer(router, "GET", "/items/"), "");  // a parameter never matches an empty segment
  EXPECT_EQ(answer(router, "GET", "//admin"), "admin");
}

TEST(Request, APathHoldingACredentialIsLoggedAsItsRoutesPattern) {
  Router router;
  router.add({"GET", "/calendar/feeds/{file}", [](Request& r) {
                r.secret_in_path = true;  // as the platform's pipeline marks such a route
                return Response::text("ics");
              }});
  Request r;
  r.method = "GET";
  r.path = "/calendar/feeds/stc_secret.ics";
  EXPECT_EQ(r.loggable_path(), "/calendar/feeds/stc_secret.ics");  // nothing matched yet: the path as it is
  auto m = router.match(r);
  ASSERT_NE(m.route, nullptr);
  m.route->handler(r);
  EXPECT_EQ(r.loggable_path(), "/calendar/feeds/{file}");
  EXPECT_EQ(r.path, "/calendar/feeds/stc_secret.ics");  // the handler still reads the real path
}

TEST(Request, AGarbledAddressUnderASecretPrefixIsLoggedWithoutItsPathEvenWhenNoRouteMatches) {
  Router router;
  router.add({"GET", "/calendar/feeds/{file}", [](Request&) { return Response::text("ics"); }});
  router.add_secret_prefix("/calendar/feeds/");
  Request garbled;
  garbled.method = "GET";
  garbled.path = "/calendar/feeds/../stc_secret.ics";  // "..%2F" decoded: three segments, no route
  EXPECT_EQ(router.match(garbled).route, nullptr);
  EXPECT_EQ(garbled.loggable_path(), "{credential}");
  Request other;
  other.method = "GET";
  other.path = "/calendar/feedsX/stc_secret.ics";
  router.match(other);
  EXPECT_EQ(other.loggable_path(), "/calendar/feedsX/stc_secret.ics") << "only under the prefix";
}

}  // namespace sotong::http
