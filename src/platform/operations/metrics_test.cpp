#include "platform/operations/metrics.hpp"

#include <gtest/gtest.h>

namespace sotong::platform {

TEST(Metrics, ExposesCountersAndCumulativeBuckets) {
  Metrics m;
  m.record_request("GET", "/", 200, 0.0004);
  m.record_request("GET", "/", 200, 0.003);
  m.record_request("POST", "/login", 500, 0.2);
  const auto text = m.exposition();
  EXPECT_NE(text.find("sotong_http_requests_total{method=\"GET\",route=\"/\",status=\"200\"} 2"),
            std::string::npos);
  EXPECT_NE(text.find("sotong_http_server_errors_total 1"), std::string::npos);
  EXPECT_NE(text.find("sotong_http_request_duration_seconds_bucket{le=\"0.0005\"} 1"), std::string::npos);
  EXPECT_NE(text.find("sotong_http_request_duration_seconds_bucket{le=\"0.005\"} 2"), std::string::npos);
  EXPECT_NE(text.find("sotong_http_request_duration_seconds_bucket{le=\"+Inf\"} 3"), std::string::npos);
  EXPECT_NE(text.find("sotong_http_request_duration_seconds_count 3"), std::string::npos);
}

TEST(Metrics, AnyMethodOutsideTheServedSetSharesOneLabel) {
  Metrics m;
  for (const char* method : {"FOO", "BREW", "X1", "X2", "X3"}) m.record_request(method, "", 501, 0.001);
  const std::string text = m.exposition();
  EXPECT_NE(text.find(R"x(method="OTHER",route="(unmatched)",status="501"} 5)x"), std::string::npos) << text;
  EXPECT_EQ(text.find("FOO"), std::string::npos);
  EXPECT_EQ(text.find("X1"), std::string::npos);
}

TEST(Metrics, ExposesTheRequestLogDropCounter) {
  Metrics m;
  EXPECT_NE(m.exposition().find("\nsotong_request_log_dropped_total 0\n"), std::string::npos);
  std::uint64_t dropped = 7;
  m.set_request_log_dropped([&] { return dropped; });
  const auto text = m.exposition();
  EXPECT_NE(text.find("# TYPE sotong_request_log_dropped_total counter\n"), std::string::npos);
  EXPECT_NE(text.find("\nsotong_request_log_dropped_total 7\n"), std::string::npos);
}

}  // namespace sotong::platform
