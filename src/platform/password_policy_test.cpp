#include "platform/password_policy.hpp"

#include <gtest/gtest.h>

namespace sotong::platform {

TEST(PasswordPolicy, TenCharactersOfTwoKinds) {
  EXPECT_FALSE(password_problem("abcdefgh12", "someone"));  // 10, lower + digit
  EXPECT_TRUE(password_problem("abcdefgh1", "someone"));    // 9 of 2 kinds
  EXPECT_TRUE(password_problem("abcdefghij", "someone"));   // 10 of 1 kind
}

TEST(PasswordPolicy, EightCharactersOfThreeKinds) {
  EXPECT_FALSE(password_problem("abcd12!@", "someone"));  // 8, lower + digit + symbol
  EXPECT_FALSE(password_problem("Abcdef12", "someone"));  // 8, upper + lower + digit
  EXPECT_TRUE(password_problem("abcd12!", "someone"));    // 7
  EXPECT_TRUE(password_problem("abcdef12", "someone"));   // 8 of 2 kinds
}

TEST(PasswordPolicy, RefusesLoginIdAndOddCharacters) {
  EXPECT_TRUE(password_problem("jeonju-2026-ok", "jeonju"));
  EXPECT_TRUE(password_problem("비밀번호abcd1234", "someone"));
  EXPECT_TRUE(password_problem(std::string(65, 'a') + "1", "someone"));
  EXPECT_FALSE(password_problem("sotong-demo-2026", "admin"));
}

}  // namespace sotong::platform
