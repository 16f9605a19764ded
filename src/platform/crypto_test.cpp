#include "platform/crypto.hpp"

#include <gtest/gtest.h>

#include <set>

namespace sotong::platform {

TEST(Crypto, PasswordHashesAreArgon2idAndVerify) {
  init_crypto();
  const auto hash = hash_password("sotong-demo-2026");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(verify_password("sotong-demo-2026", hash));
  EXPECT_FALSE(verify_password("sotong-demo-2027", hash));
  EXPECT_FALSE(verify_password("anything", ""));
  EXPECT_NE(hash_password("sotong-demo-2026"), hash);  // salted
}

TEST(Crypto, TokensAreRandomAndUrlSafe) {
  init_crypto();
  const auto a = random_token(32), b = random_token(32);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), 43u);
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_EQ(token_hash("x").size(), 64u);
  EXPECT_EQ(token_hash("x"), token_hash("x"));
  EXPECT_TRUE(secrets_equal("abc", "abc"));
  EXPECT_FALSE(secrets_equal("abc", "abd"));
  EXPECT_FALSE(secrets_equal("abc", "abcd"));
}

}  // namespace sotong::platform

namespace sotong::platform {

TEST(Crypto, ASealedValueOpensOnlyForItsSessionAndPurpose) {
  init_crypto();
  const std::string sealed = seal_for_session("session-a", "issued-password", "42|abcdEFGH-2345");
  EXPECT_EQ(open_for_session("session-a", "issued-password", sealed).value_or(""), "42|abcdEFGH-2345");
  EXPECT_FALSE(open_for_session("session-b", "issued-password", sealed));  // another person's session
  EXPECT_FALSE(open_for_session("session-a", "something-else", sealed));   // another use
  std::string altered = sealed;
  altered[altered.size() / 2] = altered[altered.size() / 2] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(open_for_session("session-a", "issued-password", altered));
  EXPECT_FALSE(open_for_session("session-a", "issued-password", "short"));
  EXPECT_FALSE(open_for_session("session-a", "issued-password", "%%%not base64%%%"));
  EXPECT_NE(seal_for_session("session-a", "p", "x"), seal_for_session("session-a", "p", "x"));  // fresh nonce
}

TEST(Crypto, RandomIdsArePositiveAndDoNotFollowOneAnother) {
  std::set<std::int64_t> seen;
  std::int64_t previous = 0;
  int ascending = 0;
  for (int i = 0; i < 1000; ++i) {
    const auto id = random_id();
    EXPECT_GT(id, 0);
    seen.insert(id);
    if (id > previous) ++ascending;
    previous = id;
  }
  EXPECT_EQ(seen.size(), 1000u);
  // A sequence would rise every time; random ids rise about half the time.
  EXPECT_GT(ascending, 350);
  EXPECT_LT(ascending, 650);
}

}  // namespace sotong::platform
