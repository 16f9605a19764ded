#include "modules/audit/consultation_anonymise.hpp"

#include <gtest/gtest.h>

namespace sotong::audit {
namespace {

TEST(ConsultationAnonymise, AnOrganisationKeepsItsKindAndLosesItsName) {
  using R = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(organization_replacements("전주시"), (R{{"전주시", "○○시"}, {"전주", "○○"}}));
  EXPECT_EQ(organization_replacements("완주군"), (R{{"완주군", "○○군"}, {"완주", "○○"}}));
  EXPECT_EQ(organization_replacements("기획조정실"), (R{{"기획조정실", "○○실"}, {"기획조정", "○○"}}));
  // A one-syllable stem is too short to look for on its own (it would eat ordinary words).
  EXPECT_EQ(organization_replacements("중구"), (R{{"중구", "○○구"}}));
  EXPECT_EQ(organization_replacements("한국농어촌공사"), (R{{"한국농어촌공사", "○○기관"}}));
}

TEST(ConsultationAnonymise, NamesAndShortFormsAreReplacedLongestFirst) {
  const IdentifyingNames names{{"전주시"}, {"최전주", "강감사"}};
  EXPECT_EQ(anonymise("전주시 최전주 담당관이 전주 한옥마을 건으로 강감사 주무관과 협의", names),
            "○○시 담당자 담당관이 ○○ 한옥마을 건으로 담당자 주무관과 협의");
  EXPECT_EQ(anonymise("관련 없는 문장", names), "관련 없는 문장");
  EXPECT_EQ(anonymise("", names), "");
}

TEST(ConsultationAnonymise, ADivisionsRequestLosesItsMunicipalityToo) {
  const IdentifyingNames names{{"기획예산과", "군산시"}, {"문하람"}};
  EXPECT_EQ(anonymise("군산시 기획예산과 문하람 주무관", names), "○○시 ○○과 담당자 주무관");
}

TEST(ConsultationAnonymise, WhatIsLeftIsFound) {
  const IdentifyingNames names{{"전주시"}, {"최전주"}};
  EXPECT_TRUE(identifying_names_in("○○시 담당자", names).empty());
  EXPECT_EQ(identifying_names_in("전주시의 최전주, 다시 전주시", names),
            (std::vector<std::string>{"전주시", "최전주"}));
}

}  // namespace
}  // namespace sotong::audit
