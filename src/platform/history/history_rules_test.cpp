// The history's pure rules: the entry hash, stored text, JSON of fields, the search filter and the export's
// rows (how an entry reads: history_display_test.cpp).
#include <gtest/gtest.h>

#include "platform/history/history.hpp"
#include "platform/history/history_rules.hpp"

namespace sotong::platform::history {
namespace {

Entry sample() {
  Entry e;
  e.kind = "change";
  e.occurred_at = 1764000000;
  e.account_id = 1;
  e.login_id = "admin";
  e.actor_name = "김관리";
  e.remote_address = "10.0.0.7";
  e.action = "update";
  e.record_type = "organization";
  e.record_id = 12;
  e.before = R"({"name":"전라북도"})";
  e.after = R"({"name":"전북특별자치도"})";
  return e;
}

/// What a module's manifest would register for organisations.
void register_organization_labels() {
  register_vocabulary({.record_type = "organization",
                       .label = "기관",
                       .fields = {{"name", "기관명"}, {"rename_reason", "명칭 변경 사유"}},
                       .actions = {},
                       .name_field = "name"});
}

}  // namespace

TEST(HistoryRules, TheHashIsStableAndCoversEveryFieldAndThePreviousHash) {
  const Entry e = sample();
  const std::string h = entry_hash(e, kGenesis);
  EXPECT_EQ(h.size(), 64u);
  EXPECT_EQ(h.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(h, entry_hash(e, kGenesis));
  EXPECT_NE(h, entry_hash(e, std::string(64, '1')));
  const std::vector<void (*)(Entry&)> edits = {
      [](Entry& x) { x.kind = "access"; },        [](Entry& x) { x.occurred_at += 1; },
      [](Entry& x) { x.account_id = 2; },         [](Entry& x) { x.login_id = "admin2"; },
      [](Entry& x) { x.actor_name = "김관리2"; }, [](Entry& x) { x.remote_address = "10.0.0.8"; },
      [](Entry& x) { x.action = "delete"; },      [](Entry& x) { x.record_type = "account"; },
      [](Entry& x) { x.record_id = 13; },         [](Entry& x) { x.subject = "누군가"; },
      [](Entry& x) { x.before = "{}"; },          [](Entry& x) { x.after = R"({"name":"전북"})"; },
  };
  for (std::size_t i = 0; i < edits.size(); ++i) {
    Entry changed = e;
    edits[i](changed);
    EXPECT_NE(entry_hash(changed, kGenesis), h) << "edit " << i;
  }
  // The id and the stored hashes are not part of it (the id is only known after the insert).
  Entry with_id = e;
  with_id.id = 99;
  with_id.hash = "x";
  EXPECT_EQ(entry_hash(with_id, kGenesis), h);
}

TEST(HistoryRules, FieldsAreLengthPrefixedSoShiftingTextBetweenThemChangesTheHash) {
  Entry a = sample(), b = sample();
  a.login_id = "ab";
  a.actor_name = "c";
  b.login_id = "a";
  b.actor_name = "bc";
  EXPECT_NE(entry_hash(a, kGenesis), entry_hash(b, kGenesis));
}

TEST(HistoryRules, StorableTextIsValidUtf8WithoutNulAndWithinTheLimit) {
  EXPECT_EQ(storable_text("전주시", 10), "전주시");
  EXPECT_EQ(storable_text("전주시청", 2), "전주");
  EXPECT_EQ(storable_text(std::string("a\0b", 3), 10), "ab");
  EXPECT_EQ(storable_text("a\xff\xfe"
                          "b",
                          10),
            "a??b");
  EXPECT_EQ(storable_text("\xed\x95", 10), "??");  // a cut-off Hangul syllable
}

TEST(HistoryRules, FieldsBecomeACompactJsonObjectInTheGivenOrder) {
  EXPECT_EQ(to_json({{"name", "전주시"},
                     {"active", true},
                     {"parent_id", std::optional<std::int64_t>{}},
                     {"sort_order", 3},
                     {"roles", std::vector<std::string>{"admin", "auditor"}},
                     {"note", "say \"hi\""}}),
            R"({"name":"전주시","active":true,"parent_id":null,"sort_order":3,"roles":["admin","auditor"],)"
            R"("note":"say \"hi\""})");
  EXPECT_EQ(to_json({}), "{}");
}

TEST(HistoryRules, KindsAndActionsHaveKoreanLabels) {
  register_organization_labels();
  EXPECT_EQ(action_label("update"), "수정");
  EXPECT_EQ(action_label("login_failed"), "로그인 실패");
  // An unknown code shows as it is (one no module registers: the registry is shared by every test).
  EXPECT_EQ(action_label("no_such_action"), "no_such_action");
  EXPECT_EQ(kind_label("access"), "접속");
  EXPECT_EQ(record_type_label("organization"), "기관");
}

TEST(HistoryRules, TheFilterReadsEveryConditionAndRoundTripsThroughItsQuery) {
  auto f = parse_filter(http::Form::parse(
      "login=admin&record_type=organization&record_id=12&subject=%EC%B5%9C&from=2026-01-01&to=2026-01-31"
      "&kind=change&action=update&before=500"));
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->login_id, "admin");
  EXPECT_EQ(f->record_type, "organization");
  EXPECT_EQ(*f->record_id, 12);
  EXPECT_EQ(f->subject, "최");
  EXPECT_EQ(*f->from, seoul_day_start({2026, 1, 1}));
  EXPECT_EQ(*f->until, seoul_day_start({2026, 2, 1}));
  EXPECT_EQ(f->kind, "change");
  EXPECT_EQ(f->action, "update");
  EXPECT_EQ(*f->before_id, 500);
  auto again = parse_filter(http::Form::parse(filter_query(*f)));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->until, f->until);
  EXPECT_EQ(again->subject, "최");
  EXPECT_FALSE(again->before_id);  // the query of links leaves the page position out
  EXPECT_TRUE(parse_filter(http::Form::parse("")).ok());
}

TEST(HistoryRules, ImpossibleConditionsAreKoreanFieldErrors) {
  auto bad = parse_filter(http::Form::parse(
      "from=2026-02-30&to=yesterday&kind=other&record_id=0&record_type=Org!&action=DROP&before=-1"));
  ASSERT_FALSE(bad.ok());
  std::vector<std::string> fields;
  for (const auto& e : bad.error().fields) fields.push_back(e.field);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"record_type", "record_id", "from", "to", "kind", "action", "before"}));
  auto reversed = parse_filter(http::Form::parse("from=2026-03-01&to=2026-02-01"));
  ASSERT_FALSE(reversed.ok());
  EXPECT_EQ(reversed.error().fields.front().field, "to");
  EXPECT_TRUE(parse_filter(http::Form::parse("from=2026-03-01&to=2026-03-01")).ok());  // one whole day
}

TEST(HistoryRules, AnExportRowHasOneCellPerColumnInKoreanTimeWithLabelsAndNames) {
  register_organization_labels();
  Entry e = sample();
  e.id = 41;
  e.hash = std::string(64, 'a');
  const RecordNames names = {{{"organization", 12}, {"전북특별자치도", "/organizations/12", ""}}};
  const auto row = export_row(e, names);
  ASSERT_EQ(row.size(), export_columns().size());
  EXPECT_EQ(row[0], "41");
  EXPECT_EQ(row[1], format_seoul_second(e.occurred_at));
  EXPECT_EQ(row[2], "변경");
  EXPECT_EQ(row[3], "수정");
  EXPECT_EQ(row[7], "기관");
  EXPECT_EQ(row[8], "12");
  EXPECT_EQ(row[9], "전북특별자치도");
  EXPECT_EQ(row[11], "기관명: 전라북도 → 전북특별자치도");
  EXPECT_EQ(row[14], e.hash);
  EXPECT_EQ(export_row(e)[9], "전북특별자치도");  // a record its owner no longer names: its own data's name
  e.record_id = 0;
  e.kind = "access";
  EXPECT_EQ(export_row(e)[8], "");
  EXPECT_EQ(export_row(e)[9], "");
  EXPECT_EQ(export_row(e)[11], "");  // an access has no change to describe
}

}  // namespace sotong::platform::history
