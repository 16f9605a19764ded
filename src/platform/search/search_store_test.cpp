// The index and the search use case against a real SQLite database: inflected words, multi-word ranking,
// visibility, paging, updates in the record's transaction (the HTTP suite repeats them on PostgreSQL).
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "platform/search/search_index.hpp"
#include "platform/search/search_module.hpp"
#include "platform/search/search_service.hpp"

namespace sotong::platform::search {
namespace {

class SearchStore : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("sotong_search_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) +
             ".db");
    std::filesystem::remove(path_);
    db_ = store::Database::open("sqlite:" + path_.string(), 2);
    store::apply_migrations(*db_, manifest().migrations);
    policy_.add({"doc.view", {Role::municipal, Role::admin}, Scope::everywhere, ""});
    policy_.add({"doc.scoped", {Role::municipal, Role::coordinator}, Scope::own_organization, ""});
    policy_.add({"doc.admin", {Role::admin}, Scope::everywhere, ""});
    admin_ = {1, "admin", "관리자", 4, "자치행정과", "/1/2/4/", {Role::admin}, ""};
    jeonju_ = {2, "jeonju", "전주", 5, "전주시", "/1/5/", {Role::municipal}, ""};
    gunsan_ = {3, "gunsan", "군산", 6, "군산시", "/1/6/", {Role::municipal}, ""};
  }
  void TearDown() override {
    db_.reset();
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + s);
  }

  void put(std::int64_t id, std::string title, std::string body, std::string action = "doc.view",
           std::string path = "/1/", Timestamp updated_at = 1'700'000'000, std::string source = "notes") {
    db_->write([&](store::Connection& c) {
      index(c, {source, id, title, body, "/notes/" + std::to_string(id), action, path, updated_at});
      return 0;
    });
  }
  Results search(const Actor& actor, std::string_view q, std::int64_t page = 1,
                 std::string_view source = {}) {
    auto r = find(*db_, policy_, actor, q, page, source);
    EXPECT_TRUE(r.ok()) << q << ": " << (r.ok() ? "" : r.error().message);
    return r.ok() ? *r : Results{};
  }
  std::vector<std::int64_t> ids(const Results& r) {
    std::vector<std::int64_t> out;
    for (const auto& h : r.hits) out.push_back(h.record_id);
    return out;
  }

  std::filesystem::path path_;
  std::unique_ptr<store::Database> db_;
  Policy policy_;
  Actor admin_, jeonju_, gunsan_;
};

}  // namespace

TEST_F(SearchStore, FindsTwoSyllableWordsInsideInflectedText) {
  put(1, "도 예산은 얼마인가", "올해 예산은 늘었다.");
  put(2, "감사 결과", "도 감사관실이 감사를 마쳤다.");
  put(3, "예 산", "예 산 이라는 띄어 쓴 글");
  EXPECT_EQ(ids(search(jeonju_, "예산")), std::vector<std::int64_t>{1});
  EXPECT_EQ(ids(search(jeonju_, "감사")), std::vector<std::int64_t>{2});
  EXPECT_EQ(ids(search(jeonju_, "감사를")), std::vector<std::int64_t>{2});
  EXPECT_TRUE(search(jeonju_, "보조금").hits.empty());
  EXPECT_EQ(search(jeonju_, "보조금").total, 0);
}

TEST_F(SearchStore, LongerWordsMustOccurAsWritten) {
  put(1, "예산안 심의", "");
  put(2, "예산과 부산안", "예산 그리고 부산안: 두 낱말이 따로 있다");
  EXPECT_EQ(ids(search(jeonju_, "예산안")), std::vector<std::int64_t>{1});
  EXPECT_EQ(search(jeonju_, "예산").total, 2);
}

TEST_F(SearchStore, OneSyllableAndAlphanumericWordsMatchAsPrefixes) {
  put(1, "군산시 협력", "");
  put(2, "전주시", "KRDS2024 적용");
  put(3, "부안군", "");
  EXPECT_EQ(search(jeonju_, "군").total, 2);  // 군산시, 부안군: start and end of a word
  EXPECT_EQ(ids(search(jeonju_, "krds")), std::vector<std::int64_t>{2});
  EXPECT_EQ(ids(search(jeonju_, "KRDS2024")), std::vector<std::int64_t>{2});
}

TEST_F(SearchStore, RanksAllWordsFirstThenTitleHitsThenFrequencyThenRecency) {
  put(1, "회의록", "예산 예산 예산 예산 이야기", "doc.view", "/1/", 1'700'000'100);  // one word, often
  put(2, "예산 편성", "본문", "doc.view", "/1/", 1'700'000'000);                     // one word, in the title
  put(3, "회의 결과", "협력 예산을 논의했다", "doc.view", "/1/", 1'600'000'000);     // both words, old
  put(4, "상생 협력", "예산은 도비로 한다", "doc.view", "/1/", 1'600'000'000);       // both, one in title
  put(5, "회의록 2", "예산 이야기", "doc.view", "/1/", 1'700'000'200);               // one word, newest
  const auto r = search(jeonju_, "예산 협력");
  EXPECT_EQ(ids(r), (std::vector<std::int64_t>{4, 3, 2, 1, 5}));
  EXPECT_TRUE(r.hits[0].all_words);
  EXPECT_TRUE(r.hits[1].all_words);
  EXPECT_FALSE(r.hits[2].all_words);
  EXPECT_EQ(r.hits[2].matched_words, 1);
}

TEST_F(SearchStore, WordsOfEveryKindRankTogether) {
  // A one-syllable prefix (군), a word checked on the text (예산안), a two-syllable word (협력), a number.
  put(1, "군산시 예산안 협력", "2024년", "doc.view", "/1/", 1);  // all four
  put(2, "부안군 예산안", "", "doc.view", "/1/", 2);             // 군, 예산안
  put(3, "협력 사업", "", "doc.view", "/1/", 3);                 // 협력
  put(4, "예산 부산안", "", "doc.view", "/1/", 4);               // none: 예산안 only in pieces
  const auto r = search(jeonju_, "군 예산안 협력 2024");
  EXPECT_EQ(ids(r), (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(r.hits[0].matched_words, 4);
  EXPECT_EQ(r.hits[1].matched_words, 2);
  EXPECT_EQ(search(jeonju_, "군 협력").hits.size(), 3u);
  EXPECT_EQ(ids(search(jeonju_, "예산안 협력")), (std::vector<std::int64_t>{1, 3, 2}));  // 3 is newer
}

TEST_F(SearchStore, NobodySeesADocumentTheyMayNotOpenNorItsCount) {
  put(1, "예산 공개", "", "doc.view", "/1/");
  put(2, "예산 관리자 전용", "", "doc.admin", "/1/");
  put(3, "전주 예산", "", "doc.scoped", "/1/5/");
  put(4, "전주 부서 예산", "", "doc.scoped", "/1/5/9/");
  put(5, "군산 예산", "", "doc.scoped", "/1/6/");
  put(6, "예산 옛 권한", "", "doc.retired", "/1/");  // an action no longer registered: nobody
  EXPECT_EQ(ids(search(jeonju_, "예산")), (std::vector<std::int64_t>{4, 3, 1}));
  EXPECT_EQ(search(jeonju_, "예산").total, 3);
  EXPECT_EQ(ids(search(gunsan_, "예산")), (std::vector<std::int64_t>{5, 1}));
  EXPECT_EQ(ids(search(admin_, "예산")), (std::vector<std::int64_t>{2, 1}));
  Actor nobody;
  EXPECT_EQ(find(*db_, policy_, nobody, "예산").error().code, ErrorCode::unauthenticated);
}

TEST_F(SearchStore, PagesByTwentyWithTheFullCount) {
  for (int i = 1; i <= 45; ++i)
    put(i, "협력 사업 " + std::to_string(i), "예산", "doc.view", "/1/", 1'700'000'000 + i);
  const auto first = search(jeonju_, "협력");
  EXPECT_EQ(first.total, 45);
  EXPECT_EQ(first.pages, 3);
  EXPECT_EQ(first.hits.size(), 20u);
  EXPECT_EQ(first.hits.front().record_id, 45);  // same rank: the newest first
  const auto third = search(jeonju_, "협력", 3);
  EXPECT_EQ(third.hits.size(), 5u);
  EXPECT_EQ(third.hits.back().record_id, 1);
  const auto past = search(jeonju_, "협력", 4);
  EXPECT_TRUE(past.hits.empty());
  EXPECT_EQ(past.total, 45);
  EXPECT_EQ(find(*db_, policy_, jeonju_, "협력", kMaxPages + 1).error().fields[0].field, "page");
}

TEST_F(SearchStore, ReindexingReplacesTermsAndRemovingForgets) {
  put(1, "감사 계획", "현장 감사를 한다");
  put(1, "교육 계획", "소통아카데미 강좌");
  EXPECT_TRUE(search(jeonju_, "감사").hits.empty());
  EXPECT_EQ(ids(search(jeonju_, "강좌")), std::vector<std::int64_t>{1});
  const auto postings =
      db_->read([](store::Connection& c) { return c.scalar("SELECT COUNT(*) FROM search_postings"); });
  db_->write([](store::Connection& c) {
    remove(c, "notes", 1);
    remove(c, "notes", 99);  // nothing there: nothing happens
    return 0;
  });
  EXPECT_TRUE(search(jeonju_, "강좌").hits.empty());
  EXPECT_GT(postings, 0);
  EXPECT_EQ(db_->read([](store::Connection& c) { return c.scalar("SELECT COUNT(*) FROM search_postings"); }),
            0);
}

TEST_F(SearchStore, AnIndexUpdateRollsBackWithItsRecord) {
  put(1, "예산 편성", "");
  auto failed = db_->write([](store::Connection& c) -> Result<void> {
    index(c, {"notes", 1, "바뀐 제목", "", "/notes/1", "doc.view", "/1/", 0});
    return Error::invalid("기록이 거부되었습니다.");
  });
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(ids(search(jeonju_, "예산")), std::vector<std::int64_t>{1});
  EXPECT_TRUE(search(jeonju_, "제목").hits.empty());
}

TEST_F(SearchStore, MarksMatchesAndFiltersBySource) {
  put(1, "Sotong 예산 설명", "본문 앞부분. 올해 예산은 지난해보다 늘었다.", "doc.view", "/1/", 1, "notes");
  put(2, "예산 회의", "", "doc.view", "/1/", 1, "meetings");
  const auto r = search(jeonju_, "예산", 1, "notes");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].marked_title[1].text, "예산");
  EXPECT_TRUE(r.hits[0].marked_title[1].hit);
  bool marked = false;
  for (const auto& s : r.hits[0].snippet) marked |= s.hit && s.text == "예산";
  EXPECT_TRUE(marked);
  EXPECT_EQ(search(jeonju_, "예산").total, 2);
}

TEST_F(SearchStore, MovingAnOrganisationMovesItsDocuments) {
  put(1, "전주 예산", "", "doc.scoped", "/1/5/");
  put(2, "전주 부서 예산", "", "doc.scoped", "/1/5/9/");
  db_->write([](store::Connection& c) {
    move_organization_paths(c, "/1/5/", "/1/7/5/");
    return 0;
  });
  EXPECT_TRUE(search(jeonju_, "예산").hits.empty());  // jeonju_ still holds the old path
  Actor moved = jeonju_;
  moved.organization_path = "/1/7/5/";
  EXPECT_EQ(search(moved, "예산").total, 2);
}

TEST_F(SearchStore, RebuildsANewSourceOnceThenTrustsTheIndex) {
  // The registry outlives this test (later tests' start-up rebuilds every registered source), so the count
  // lives on the heap, not on this test's stack.
  const auto runs = std::make_shared<int>(0);
  const Source source{"rebuild-test", "시험 자료", [runs](store::Connection& c) {
                        ++*runs;
                        index(c, {"rebuild-test", 7, "재구축 예산", "", "/x/7", "doc.view", "/1/", 0});
                      }};
  register_source(source);
  put(8, "재구축 전에 남은 자료", "", "doc.view", "/1/", 1, "rebuild-test");  // a rebuild starts afresh
  EXPECT_EQ(rebuild_stale_sources(*db_, {source}), 1);
  EXPECT_EQ(rebuild_stale_sources(*db_, {source}), 0);
  EXPECT_EQ(*runs, 1);
  const auto r = search(jeonju_, "재구축");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].source_label, "시험 자료");
  EXPECT_EQ(source_label("unknown-source"), "unknown-source");
}

TEST_F(SearchStore, RefusesTextThatIsNotUtf8) {
  EXPECT_THROW(db_->write([](store::Connection& c) {
    index(c, {"notes", 1, "\xED\x95", "", "/n/1", "doc.view", "/1/", 0});
    return 0;
  }),
               std::invalid_argument);
}

}  // namespace sotong::platform::search
