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
