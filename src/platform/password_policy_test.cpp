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
  EXPECT_FALSE(password_problem("Jeonbuk-Sotong-7h", "admin"));
}

TEST(PasswordPolicy, RefusesCommonPasswordsWhateverTheCase) {
  // Each has the length and the kinds of characters the rules ask for, and is still guessed first.
  for (const char* common :
       {"qwer1234!", "QWER1234!", "1q2w3e4r!", "1Q2W3E4R5T", "!qaz2wsx", "P@ssw0rd!", "Password1!",
        "gksrmf123!", "Tkfkd1234!", "qlalfqjsgh1!", "gkswl1234!", "sotong-demo-2026", "Korea2026!"}) {
    const auto problem = password_problem(common, "someone");
    ASSERT_TRUE(problem) << common;
    EXPECT_NE(problem->find("쉽게 짐작할 수 있는"), std::string::npos) << common;
    EXPECT_TRUE(is_common_password(common)) << common;
  }
  // A weak password gets the rule first, and notes in the list file are no passwords.
  EXPECT_EQ(password_problem("qwerty", "someone")->find("쉽게"), std::string::npos);
  EXPECT_FALSE(
      is_common_password("# Passwords that are refused whatever their length and kinds of characters: "
                         "the most common ones in published"));
  EXPECT_FALSE(is_common_password(""));
  EXPECT_FALSE(
      password_problem("qwer1234!x-Jeonbuk", "someone"));  // a list entry inside a longer one is fine
}

}  // namespace sotong::platform
