// How an entry reads to an auditor: values through the field's labels, other records by name, the record by
// name (and marked when gone), the changed fields and the short summary of the list.
#include "platform/history/history_display.hpp"

#include <gtest/gtest.h>

#include "core/korean_text.hpp"
#include "platform/history/history_labels.hpp"

namespace sotong::platform::history {
namespace {

const HistoryField kKind{
    .code = "kind", .label = "유형", .values = {{"agency", "유관기관"}, {"bureau", "실국"}}};
const HistoryField kParent{.code = "parent_id", .label = "상위 기관", .refers_to = "test_office"};
const HistoryField kActive{
    .code = "active", .label = "상태", .values = {{"true", "사용"}, {"false", "비활성"}}};

/// What a manifest registers: an office that names its records, and a file attached to any record.
void register_test_types() {
  register_vocabulary({.record_type = "test_office",
                       .label = "시험 기관",
                       .fields = {{"name", "기관명"}, kKind, kParent, kActive, {"reason", "사유"}},
                       .actions = {},
                       .name_field = "name",
                       .records = [](store::Connection&, const std::vector<std::int64_t>&) {
                         return std::map<std::int64_t, HistoryRecord>{};
                       }});
  register_vocabulary(
      {.record_type = "test_file",
       .label = "시험 파일",
       .fields = {{.code = "owner_type", .label = "첨부한 기록의 유형", .names_record_type = true},
                  {.code = "owner_id", .label = "첨부한 기록", .refers_to_type_in = "owner_type"}},
       .actions = {}});
}

Entry change(std::string before, std::string after, std::string action = "update") {
  Entry e;
  e.kind = "change";
  e.action = std::move(action);
  e.record_type = "test_office";
  e.record_id = 42;
  e.before = std::move(before);
  e.after = std::move(after);
  return e;
}

const RecordNames kNames = {
    {{"test_office", 42}, {"전주시", "/organizations/42", "organization.view"}},
    {{"test_office", 1}, {"전북특별자치도", "/organizations/1", "organization.view"}}};

}  // namespace

TEST(HistoryDisplay, CodesBooleansAndTimesReadThroughTheFieldsLabels) {
  EXPECT_EQ(readable_value(kKind, R"("agency")"), "유관기관");
  EXPECT_EQ(readable_value(kKind, R"("province")"), "province");  // a code without a label stays as it is
  EXPECT_EQ(readable_value(kActive, "false"), "비활성");
  EXPECT_EQ(readable_value({"locked", "잠김"}, "true"), "예");  // a boolean without labels
  EXPECT_EQ(readable_value({"locked", "잠김"}, "false"), "아니요");
  const HistoryField roles{
      .code = "roles", .label = "역할", .values = {{"admin", "시스템 관리자"}, {"auditor", "감사"}}};
  EXPECT_EQ(readable_value(roles, R"(["admin","auditor","new_role"])"), "시스템 관리자, 감사, new_role");
  EXPECT_EQ(readable_value(roles, "[]"), "(없음)");
  EXPECT_EQ(readable_value({"note", "메모"}, "null"), "(없음)");
  EXPECT_EQ(readable_value({"note", "메모"}, R"("")"), "(빈 값)");
  EXPECT_EQ(readable_value({"sort_order", "정렬 순서"}, "3"), "3");
  const HistoryField expires{.code = "expires_at", .label = "만료 시각", .utc_time = true};
  EXPECT_EQ(readable_value(expires, R"("2026-03-01T15:30:00Z")"), "2026-03-02 00:30:00");  // Korean time
  EXPECT_EQ(readable_value(expires, R"("내일")"), "내일");
}

TEST(HistoryDisplay, AnIdOfAnotherRecordReadsAsThatRecordsName) {
  register_test_types();
  EXPECT_EQ(readable_value(kParent, "1", kNames), "전북특별자치도");
  EXPECT_EQ(readable_value(kParent, "999", kNames), "시험 기관 #999");  // gone: its type and number
  EXPECT_EQ(readable_value(kParent, "null", kNames), "(없음)");
  // A field whose record type another field names (an attachment's owner).
  const auto owner = vocabulary("test_file")->fields[1];
  EXPECT_EQ(readable_value(owner, "42", kNames, R"({"owner_type":"test_office","owner_id":42})"), "전주시");
  EXPECT_EQ(readable_value(vocabulary("test_file")->fields[0], R"("test_office")"), "시험 기관");
}

TEST(HistoryDisplay, TheRecordIsNamedAndMarkedWhenItIsGone) {
  register_test_types();
  Entry e = change(R"({"name":"전주군"})", R"({"name":"전주시"})");
  EXPECT_EQ(record_text(e, kNames), "시험 기관 전주시");
  EXPECT_FALSE(record_gone(e, kNames));
  e.record_id = 77;  // its owner no longer has it: the name its own data gave it
  EXPECT_EQ(record_text(e, kNames), "시험 기관 전주시 (지금은 없음)");
  EXPECT_TRUE(record_gone(e, kNames));
  e.after = R"({"sort_order":2})";
  e.before.clear();
  EXPECT_EQ(record_text(e, kNames), "시험 기관 #77 (지금은 없음)");
  e.record_id = 0;  // a list
  EXPECT_EQ(record_text(e, kNames), "시험 기관");
  Entry file;
  file.record_type = "test_file";  // a type that names no records: never said to be gone
  file.record_id = 3;
  EXPECT_EQ(record_text(file, kNames), "시험 파일 #3");
  EXPECT_EQ(record_text(Entry{.record_type = "zzz_unknown", .record_id = 5}), "zzz_unknown #5");
}

TEST(HistoryDisplay, ReferencesAreTheRecordAndEveryFieldReferringToAnother) {
  register_test_types();
  const auto refs = references(change(R"({"parent_id":1})", R"({"parent_id":9,"kind":"agency"})"));
  EXPECT_EQ(refs, (std::vector<RecordKey>{{"test_office", 1}, {"test_office", 9}, {"test_office", 42}}));
  Entry file;
  file.record_type = "test_file";
  file.after = R"({"owner_type":"test_office","owner_id":42})";
  EXPECT_EQ(references(file), (std::vector<RecordKey>{{"test_office", 42}}));
}

TEST(HistoryDisplay, TheDiffShowsLabelsAndReadableValues) {
  register_test_types();
  const auto changes =
      diff(R"({"name":"가","kind":"bureau","parent_id":1,"active":true})",
           R"({"name":"가","kind":"agency","parent_id":42,"active":false})", "test_office", kNames);
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ((std::vector<std::string>{changes[0].label, changes[0].before, changes[0].after}),
            (std::vector<std::string>{"유형", "실국", "유관기관"}));
  EXPECT_EQ((std::vector<std::string>{changes[1].label, changes[1].before, changes[1].after}),
            (std::vector<std::string>{"상위 기관", "전북특별자치도", "전주시"}));
  EXPECT_EQ((std::vector<std::string>{changes[2].label, changes[2].before, changes[2].after}),
            (std::vector<std::string>{"상태", "사용", "비활성"}));
  EXPECT_TRUE(diff(R"({"a":1})", R"({"a":1})").empty());
  const auto created = diff("", R"({"name":"전주시","parent_id":null})", "test_office");
  ASSERT_EQ(created.size(), 2u);
  EXPECT_EQ(created[0].before, "");
  EXPECT_EQ(created[1].after, "(없음)");
  const auto gone = diff(R"({"a":"x","b":"y"})", R"({"a":"x"})");
  ASSERT_EQ(gone.size(), 1u);
  EXPECT_EQ(gone[0].field, "b");
  EXPECT_EQ(gone[0].after, "(없음)");
}

TEST(HistoryDisplay, TheListSummaryNamesWhatChangedWithoutDumpingIt) {
  register_test_types();
  std::string long_name;
  for (int i = 0; i < 250; ++i) long_name += "가";
  // Several fields, or a long value: only the labels.
  EXPECT_EQ(summary(change(R"({"name":"가","parent_id":1})", R"({"name":"나","parent_id":42})"), kNames),
            "기관명, 상위 기관 변경");
  EXPECT_EQ(summary(change(R"({"name":"가"})", R"({"name":")" + long_name + R"("})")), "기관명 변경");
  EXPECT_EQ(summary(change(R"({"name":"가","kind":"bureau","parent_id":1,"active":true})",
                           R"({"name":"나","kind":"agency","parent_id":42,"active":false})")),
            "기관명, 유형, 상위 기관 외 1개 변경");
  // One short change: with its values.
  EXPECT_EQ(summary(change(R"({"active":true})", R"({"active":false})")), "상태: 사용 → 비활성");
  EXPECT_EQ(summary(change("", R"({"name":"전주시","kind":"agency","parent_id":1})", "create")),
            "새 기록 (항목 3개)");
  Entry access = change("", R"({"count":3})");
  access.kind = "access";
  access.subject = "최전주 (jeonju)";
  EXPECT_EQ(summary(access), "최전주 (jeonju)");
}

TEST(HistoryDisplay, TheExportsChangeTextHoldsEveryValue) {
  register_test_types();
  EXPECT_EQ(change_text(change(R"({"name":"가","parent_id":1})", R"({"name":"나","parent_id":42})"), kNames),
            "기관명: 가 → 나, 상위 기관: 전북특별자치도 → 전주시");
  EXPECT_EQ(change_text(change("", R"({"name":"전주시","kind":"agency"})", "create")),
            "기관명: 전주시, 유형: 유관기관");
  std::string long_name;
  for (int i = 0; i < 2500; ++i) long_name += "가";
  EXPECT_EQ(char_count(change_text(change(R"({"name":"가"})", R"({"name":")" + long_name + R"("})"))), 2000u);
  Entry access = change("", R"({"count":3})");
  access.kind = "access";
  EXPECT_EQ(change_text(access), "");
}

}  // namespace sotong::platform::history
