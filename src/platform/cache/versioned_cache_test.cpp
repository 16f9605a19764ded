// The cache keeps a value while its data's tokens stand, computes again once any writer bumped them (also in
// another process: the token is in the database), and never keeps what a fresh database cannot tell apart.
#include "platform/cache/versioned_cache.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "platform/calendar/calendar_service.hpp"
#include "platform/organizations/organization_store.hpp"
#include "platform/testing/test_database.hpp"

namespace sotong::platform {
namespace {

class VersionedCacheTest : public ::testing::Test {
 protected:
  testing::TestDatabase test{{}};
  int loads = 0;
  VersionedCache<int> cache{{"alpha", "beta"}};

  int get(const std::string& key = "k") {
    return *test.db().read([&](store::Connection& c) { return cache.get(c, key, [&] { return ++loads; }); });
  }
  void bump(const char* name) {
    test.db().write([&](store::Connection& c) { data_version::bump(c, name); });
  }
};

TEST_F(VersionedCacheTest, DataNeverMarkedIsComputedEveryTime) {
  EXPECT_EQ(get(), 1);
  EXPECT_EQ(get(), 2);
  bump("alpha");  // beta still unmarked: still nothing to tell two states apart by
  EXPECT_EQ(get(), 3);
}

TEST_F(VersionedCacheTest, KeepsTheValueUntilAnyOfItsDataChanges) {
  bump("alpha");
  bump("beta");
  EXPECT_EQ(get(), 1);
  EXPECT_EQ(get(), 1);
  EXPECT_EQ(get("other"), 2) << "each key is computed on its own";
  bump("beta");
  EXPECT_EQ(get(), 3);
  EXPECT_EQ(get(), 3);
  bump("alpha");
  EXPECT_EQ(get(), 4);
  bump("gamma");  // data the value does not come from
  EXPECT_EQ(get(), 4);
}

TEST_F(VersionedCacheTest, AWriteRolledBackLeavesTheTokenAndTheValue) {
  bump("alpha");
  bump("beta");
  EXPECT_EQ(get(), 1);
  EXPECT_THROW(test.db().write([&](store::Connection& c) {
    data_version::bump(c, "alpha");
    throw std::runtime_error("the change fails");
  }),
               std::runtime_error);
  EXPECT_EQ(get(), 1);
}

TEST_F(VersionedCacheTest, PastItsCapacityItStartsAgain) {
  VersionedCache<int> small({"alpha"}, 2);
  bump("alpha");
  auto at = [&](const std::string& key) {
    return *test.db().read([&](store::Connection& c) { return small.get(c, key, [&] { return ++loads; }); });
  };
  EXPECT_EQ(at("a"), 1);
  EXPECT_EQ(at("b"), 2);
  EXPECT_EQ(at("a"), 1);
  EXPECT_EQ(at("c"), 3);  // full: emptied, then c kept
  EXPECT_EQ(at("a"), 4);
}

TEST_F(VersionedCacheTest, OrganisationAndHolidayWritesBumpTheirTokens) {
  auto token = [&](const char* name) {
    return test.db().read([&](store::Connection& c) { return data_version::token(c, {name}); });
  };
  const std::string organizations = token("organizations");
  const std::string holidays = token("holidays");
  ASSERT_FALSE(organizations.empty()) << "seeding the demo organisations marks them";
  ASSERT_FALSE(holidays.empty()) << "seeding the calendar marks it";

  const std::int64_t jeonju = test.organization("52110");
  test.db().write([&](store::Connection& c) { organization_store::set_active(c, jeonju, false, 1); });
  EXPECT_NE(token("organizations"), organizations);

  test.db().write([&](store::Connection& c) {
    calendar::holiday_store::insert(c, {{2031, 7, 7}, "임시공휴일", calendar::HolidayKind::temporary}, 0, 1);
  });
  EXPECT_NE(token("holidays"), holidays);
}

}  // namespace
}  // namespace sotong::platform
