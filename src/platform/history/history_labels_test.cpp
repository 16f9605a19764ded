// The history's vocabulary: shared labels, what modules register, and which label wins for a field.
#include "platform/history/history_labels.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace sotong::platform::history {

TEST(HistoryLabels, AFieldTakesItsOwnRecordTypesLabelBeforeAnyOther) {
  register_vocabulary({"test_office", "시험 기관", {{"name", "기관명"}}, {{"merge", "통합"}}});
  register_vocabulary({"test_person", "시험 사람", {{"name", "이름"}, {"test_phone", "전화"}}, {}});
  EXPECT_EQ(field_label("name", "test_office"), "기관명");
  EXPECT_EQ(field_label("name", "test_person"), "이름");
  EXPECT_EQ(field_label("test_phone", "test_office"), "전화");  // another type's label before the bare code
  EXPECT_EQ(field_label("count"), "건수");                      // shared by every export's access entry
  EXPECT_EQ(field_label("zzz_unknown", "test_office"), "zzz_unknown");
}

TEST(HistoryLabels, AFieldsValuesAndReferencesAreOnlyItsOwnRecordTypes) {
  register_vocabulary(
      {"test_unit",
       "시험 부서",
       {{.code = "test_kind", .label = "유형", .values = {{"a", "가"}}, .refers_to = "test_unit"}},
       {}});
  const auto own = field_of("test_kind", "test_unit");
  EXPECT_EQ(own.values.size(), 1u);
  EXPECT_EQ(own.refers_to, "test_unit");
  const auto borrowed = field_of("test_kind", "test_other");  // the label only: another type's codes differ
  EXPECT_EQ(borrowed.label, "유형");
  EXPECT_TRUE(borrowed.values.empty());
  EXPECT_TRUE(borrowed.refers_to.empty());
  EXPECT_EQ(field_of("format").values.size(), 2u);  // shared by every export's access entry
  ASSERT_NE(vocabulary("test_unit"), nullptr);
  EXPECT_EQ(vocabulary("never_registered"), nullptr);
}

TEST(HistoryLabels, ModulesAddRecordTypesAndActionsAndRegisteringAgainReplaces) {
  register_vocabulary({"test_case", "사례", {}, {{"adopt_case", "채택"}}});
  EXPECT_EQ(record_type_label("test_case"), "사례");
  EXPECT_EQ(action_label("adopt_case"), "채택");
  EXPECT_EQ(action_label("update"), "수정");
  EXPECT_EQ(action_label("never_registered"), "never_registered");
  register_vocabulary({"test_case", "사례(개정)", {}, {}});
  EXPECT_EQ(record_type_label("test_case"), "사례(개정)");
  const auto types = known_record_types();
  EXPECT_EQ(std::count_if(types.begin(), types.end(), [](const auto& t) { return t.first == "test_case"; }),
            1);
  const auto actions = known_actions();
  ASSERT_FALSE(actions.empty());
  EXPECT_EQ(actions.front().first, "create");  // shared actions first
}

}  // namespace sotong::platform::history
