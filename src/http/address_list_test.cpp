// Who may read /metrics: addresses and networks, IPv4 seen through IPv6, and what is not an address.
#include "http/address_list.hpp"

#include <gtest/gtest.h>

namespace sotong::http {

TEST(AddressList, LoopbackByDefaultMatchesBothFamiliesAndMappedIpv4) {
  const auto list = AddressList::parse({"127.0.0.1", "::1"});
  ASSERT_TRUE(list);
  EXPECT_TRUE(list->contains("127.0.0.1"));
  EXPECT_TRUE(list->contains("::1"));
  EXPECT_TRUE(list->contains("::ffff:127.0.0.1"));
  EXPECT_FALSE(list->contains("127.0.0.2"));
  EXPECT_FALSE(list->contains("10.0.0.1"));
  EXPECT_FALSE(list->contains("::2"));
}

TEST(AddressList, NetworksByPrefix) {
  const auto list = AddressList::parse({"10.20.0.0/16", "2001:db8::/32", "192.0.2.7/32"});
  ASSERT_TRUE(list);
  EXPECT_TRUE(list->contains("10.20.255.1"));
  EXPECT_TRUE(list->contains("::ffff:10.20.0.9"));
  EXPECT_FALSE(list->contains("10.21.0.1"));
  EXPECT_TRUE(list->contains("2001:db8:1::5"));
  EXPECT_FALSE(list->contains("2001:db9::5"));
  EXPECT_TRUE(list->contains("192.0.2.7"));
  EXPECT_FALSE(list->contains("192.0.2.8"));
  EXPECT_TRUE(AddressList::parse({"0.0.0.0/0"})->contains("203.0.113.9"));
  EXPECT_FALSE(AddressList::parse({"0.0.0.0/0"})->contains("2001:db8::1"));  // all of IPv4, not IPv6
}

TEST(AddressList, RefusesWhatIsNotAnAddressAndMatchesNothingUnreadable) {
  std::string bad;
  for (const char* entry : {"localhost", "10.0.0.0/33", "::/129", "10.0.0.1/", "10.0.0.1/x", "", "1.2.3",
                            "10.0.0.0/-1", "fe80::1%eth0"}) {
    EXPECT_FALSE(AddressList::parse({"127.0.0.1", entry}, &bad)) << entry;
    EXPECT_EQ(bad, entry);
  }
  const auto empty = AddressList::parse({});
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
  EXPECT_FALSE(empty->contains("127.0.0.1"));
  EXPECT_FALSE(AddressList::parse({"127.0.0.1"})->contains(""));
  EXPECT_FALSE(AddressList::parse({"127.0.0.1"})->contains("not an address"));
}

}  // namespace sotong::http
