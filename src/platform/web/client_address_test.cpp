#include "platform/web/client_address.hpp"

#include <gtest/gtest.h>

namespace sotong::platform {
namespace {

http::Request from(std::string peer, std::vector<std::string> forwarded) {
  http::Request r;
  r.remote_address = std::move(peer);
  for (auto& f : forwarded) r.headers.emplace_back("x-forwarded-for", std::move(f));
  return r;
}

const std::vector<std::string> kProxy{"10.0.0.5"};

}  // namespace

TEST(ClientAddress, WithoutTrustedProxiesTheHeaderIsIgnored) {
  EXPECT_EQ(client_address(from("203.0.113.7", {"1.2.3.4"}), {}), "203.0.113.7");
}

TEST(ClientAddress, AnUntrustedPeerCannotChooseItsAddress) {
  EXPECT_EQ(client_address(from("203.0.113.7", {"1.2.3.4"}), kProxy), "203.0.113.7");
}

TEST(ClientAddress, FromTheProxyTheRightHopIsTheClient) {
  // The client sent "1.2.3.4" itself; the proxy appended the address it saw.
  EXPECT_EQ(client_address(from("10.0.0.5", {"1.2.3.4, 198.51.100.9"}), kProxy), "198.51.100.9");
  EXPECT_EQ(client_address(from("10.0.0.5", {"198.51.100.9"}), kProxy), "198.51.100.9");
}

TEST(ClientAddress, SeveralHeaderLinesAreOneList) {
  EXPECT_EQ(client_address(from("10.0.0.5", {"1.2.3.4", "198.51.100.9"}), kProxy), "198.51.100.9");
}

TEST(ClientAddress, ChainedTrustedProxiesAreSkipped) {
  const std::vector<std::string> two{"10.0.0.5", "10.0.0.6"};
  EXPECT_EQ(client_address(from("10.0.0.5", {"1.2.3.4, 198.51.100.9, 10.0.0.6"}), two), "198.51.100.9");
}

TEST(ClientAddress, GarbageOnTheRightKeepsThePeer) {
  EXPECT_EQ(client_address(from("10.0.0.5", {"1.2.3.4, <script>"}), kProxy), "10.0.0.5");
  EXPECT_EQ(client_address(from("10.0.0.5", {""}), kProxy), "10.0.0.5");
  EXPECT_EQ(client_address(from("10.0.0.5", {}), kProxy), "10.0.0.5");
}

TEST(ClientAddress, MappedIpv4PeersMatchTheirIpv4Form) {
  EXPECT_EQ(normalize_address("::ffff:10.0.0.5"), "10.0.0.5");
  EXPECT_EQ(normalize_address("FE80::1"), "fe80::1");
  EXPECT_EQ(client_address(from("::ffff:10.0.0.5", {"198.51.100.9"}), kProxy), "198.51.100.9");
  EXPECT_TRUE(from_trusted_proxy(from("::ffff:10.0.0.5", {}), kProxy));
  EXPECT_FALSE(from_trusted_proxy(from("10.0.0.55", {}), kProxy));
}

TEST(ClientAddress, PlausibleAddresses) {
  EXPECT_TRUE(plausible_address("198.51.100.9"));
  EXPECT_TRUE(plausible_address("2001:db8::1"));
  EXPECT_FALSE(plausible_address("host.example"));
  EXPECT_FALSE(plausible_address(""));
  EXPECT_FALSE(plausible_address("..."));
  EXPECT_FALSE(plausible_address(std::string(46, '1')));
}

}  // namespace sotong::platform
