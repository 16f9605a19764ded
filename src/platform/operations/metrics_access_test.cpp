// /metrics answers the configured peers, or anyone with the token; a forwarded request needs the token.
#include "platform/operations/metrics_access.hpp"

#include <gtest/gtest.h>

namespace sotong::platform::operations {
namespace {
http::Request from(std::string peer, std::vector<std::pair<std::string, std::string>> headers = {}) {
  http::Request r;
  r.method = "GET";
  r.path = r.target = "/metrics";
  r.remote_address = std::move(peer);
  r.headers = std::move(headers);
  return r;
}
}  // namespace

TEST(MetricsAccess, LoopbackOnlyByDefault) {
  const MetricsAccess access{Settings{}};
  EXPECT_TRUE(access.allows(from("127.0.0.1")));
  EXPECT_TRUE(access.allows(from("::1")));
  EXPECT_FALSE(access.allows(from("10.0.0.7")));
  EXPECT_FALSE(access.allows(from("10.0.0.7", {{"x-forwarded-for", "127.0.0.1"}})));
  // nginx on the same host: the peer is loopback, the client is anyone.
  EXPECT_FALSE(access.allows(from("127.0.0.1", {{"x-forwarded-for", "203.0.113.5"}})));
  EXPECT_FALSE(access.allows(from("::1", {{"forwarded", "for=203.0.113.5"}})));
  EXPECT_FALSE(access.allows(from("10.0.0.7", {{"authorization", "Bearer "}})));  // no token configured
}

TEST(MetricsAccess, ConfiguredNetworksAndTheToken) {
  Settings s;
  s.metrics_allowed_addresses = {"192.0.2.0/24"};
  s.metrics_token = "scrape-token-0123456789";
  const MetricsAccess access{s};
  EXPECT_TRUE(access.allows(from("192.0.2.44")));
  EXPECT_FALSE(access.allows(from("127.0.0.1")));
  EXPECT_TRUE(access.allows(from("127.0.0.1", {{"authorization", "Bearer scrape-token-0123456789"}})));
  EXPECT_TRUE(access.allows(from("127.0.0.1", {{"authorization", "Bearer scrape-token-0123456789"},
                                               {"x-forwarded-for", "203.0.113.5"}})));
  EXPECT_FALSE(access.allows(from("192.0.2.44", {{"x-forwarded-for", "192.0.2.44"}})));
  EXPECT_FALSE(access.allows(from("127.0.0.1", {{"authorization", "Bearer scrape-token-012345678"}})));
  EXPECT_FALSE(access.allows(from("127.0.0.1", {{"authorization", "scrape-token-0123456789"}})));
  s.metrics_allowed_addresses = {"not-an-address"};
  EXPECT_THROW(MetricsAccess{s}, std::invalid_argument);
}

}  // namespace sotong::platform::operations
