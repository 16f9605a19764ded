// Search at scale (make bench-search): generates realistic Korean documents (government terms with their
// particles 은/는/이/가/을/를/의/에 …), indexes them through search::index as modules do, then times typical
// queries through search::find, permission filter included, on the engine given by --database.
//   search_bench --database=sqlite:/tmp/x.db|postgresql://… [--documents=100000] [benchmark flags]
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "platform/search/search_index.hpp"
#include "platform/search/search_module.hpp"
#include "platform/search/search_service.hpp"

namespace {
using namespace sotong;
using namespace sotong::platform;

// Common terms of the province's work, most frequent first (drawn with Zipf weights 1/rank).
const std::vector<std::string> kNouns = {
    "사업",     "협력",     "지원",     "예산",     "추진",     "계획",     "회의",   "개선",        "주민",
    "지역",     "정책",     "건의",     "검토",     "운영",     "시설",     "관리",   "조성",        "확대",
    "협의",     "교육",     "행정",     "결과",     "보고",     "자료",     "평가",   "의제",        "소통",
    "현장",     "제도",     "조정",     "위원회",   "안건",     "감사",     "인사",   "교류",        "성과",
    "농업",     "관광",     "복지",     "환경",     "교통",     "도로",     "하천",   "산림",        "문화",
    "체육",     "청년",     "일자리",   "창업",     "투자",     "유치",     "재정",   "보조금",      "국비",
    "도비",     "시군비",   "공모",     "선정",     "설계",     "착공",     "준공",   "용역",        "계약",
    "정산",     "집행",     "반영",     "회신",     "요청",     "실태",     "점검",   "분석",        "연구",
    "자문",     "전문가",   "포럼",     "워크숍",   "아카데미", "강좌",     "과정",   "수료",        "만족도",
    "설문",     "응답",     "지수",     "인센티브", "파견",     "전출입",   "맞교환", "수당",        "협약",
    "고충",     "상담",     "민원",     "안전",     "재난",     "방재",     "주택",   "도시재생",    "상수도",
    "하수도",   "폐기물",   "축산",     "수산",     "어촌",     "항만",     "공항",   "철도",        "버스",
    "택시",     "주차장",   "공원",     "도서관",   "박물관",   "축제",     "관광객", "숙박",        "음식점",
    "전통시장", "소상공인", "중소기업", "기업",     "산업단지", "에너지",   "태양광", "풍력",        "기후",
    "탄소",     "수질",     "대기",     "소음",     "악취",     "보건",     "의료",   "병원",        "돌봄",
    "노인",     "장애인",   "아동",     "여성",     "가족",     "다문화",   "외국인", "인구",        "출산",
    "귀농",     "귀촌",     "마을",     "공동체",   "자치",     "주민자치", "읍면동", "행정복지센터"};
// Words that occur in a handful of documents: the "rare word" query.
const std::vector<std::string> kRare = {"폐교활용", "스마트팜",     "수소충전소", "드론배송",
                                        "치유농업", "공공와이파이", "빈집정비",   "새만금잼버리"};
const std::vector<std::string> kPlaces = {"전주시", "군산시", "익산시", "정읍시", "남원시",
                                          "김제시", "완주군", "진안군", "무주군", "장수군",
                                          "임실군", "순창군", "고창군", "부안군"};
const std::vector<std::string> kEndings = {"추진한다", "검토 중이다", "협의했다",      "필요하다",
                                           "건의함",   "요청함",      "개선을 바란다", "반영하기로 했다",
                                           "보고했다", "마쳤다",      "논의가 있었다", "지원을 요청한다"};

// Does the last syllable of a word end in a consonant (받침)? It picks 은/는, 이/가, 을/를, 과/와.
bool batchim(const std::string& word) {
  const auto* p = reinterpret_cast<const unsigned char*>(word.data() + word.size() - 3);
  const char32_t cp = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  return cp >= 0xAC00 && cp <= 0xD7A3 && (cp - 0xAC00) % 28 != 0;
}

std::string particle(const std::string& word, int kind) {
  const bool b = batchim(word);
  switch (kind) {
    case 0:
      return b ? "은" : "는";
    case 1:
      return b ? "이" : "가";
    case 2:
      return b ? "을" : "를";
    case 3:
      return "의";
    case 4:
      return "에";
    case 5:
      return b ? "과" : "와";
    default:
      return "";
  }
}

class Generator {
 public:
  explicit Generator(unsigned seed) : rng_(seed) {
    std::vector<double> w;
    for (std::size_t i = 0; i < kNouns.size(); ++i) w.push_back(1.0 / static_cast<double>(i + 1));
    zipf_ = std::discrete_distribution<std::size_t>(w.begin(), w.end());
  }
  const std::string& noun() {
    if (std::uniform_int_distribution<int>(0, 30000)(rng_) == 0) return pick(kRare);
    return kNouns[zipf_(rng_)];
  }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng_)];
  }
  int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

  search::Document document(std::int64_t id) {
    search::Document d;
    const auto& place = pick(kPlaces);
    const std::string a = noun(), b = noun();
    d.title = place + " " + a + " " + b + particle(b, 3) + " " + noun() + " " + (below(2) ? "건의" : "계획");
    const int sentences = 3 + below(3);
    for (int s = 0; s < sentences; ++s) {
      const std::string x = noun(), y = noun(), z = noun();
      d.body += (s ? " " : "") + (below(2) ? place + particle(place, 3) + " " : "") + x + " " + y +
                particle(y, below(6)) + " " + z + particle(z, 2) + " " + pick(kEndings) + ".";
    }
    d.source = "bench";
    d.record_id = id;
    d.url = "/bench/" + std::to_string(id);
    // Most records are open to every official, some only inside their 시·군, a few to administrators.
    const int kind = below(10);
    const std::int64_t city = 10 + (&place - kPlaces.data());
    d.action = kind < 6 ? "bench.view" : kind < 9 ? "bench.scoped" : "bench.admin";
    d.organization_path = "/1/" + std::to_string(city) + "/";
    d.updated_at = 1'700'000'000 + id * 60;
    return d;
  }

 private:
  std::mt19937_64 rng_;
  std::discrete_distribution<std::size_t> zipf_;
};

struct Setup {
  std::unique_ptr<store::Database> db;
  Policy policy;
  Actor coordinator{1, "coordinator", "", 2, "정책기획관실", "/1/2/", {Role::coordinator}, ""};
  Actor jeonju{2, "jeonju", "", 10, "전주시", "/1/10/", {Role::municipal}, ""};
};

Setup& setup() {
  static Setup s;
  return s;
}

// Indexes `count` generated documents unless the database holds them already; prints the load rate.
void load(store::Database& db, std::int64_t count) {
  const auto have = db.read([](store::Connection& c) {
    return c.scalar("SELECT COUNT(*) FROM search_documents WHERE source = 'bench'");
  });
  if (have >= count) return;
  Generator g(20260301);
  for (std::int64_t i = 1; i <= have; ++i) g.document(i);  // keep the sequence deterministic
  const auto start = std::chrono::steady_clock::now();
  constexpr std::int64_t kBatch = 1000;  // documents per transaction, as a bulk import would write them
  for (std::int64_t first = have + 1; first <= count; first += kBatch) {
    db.write([&](store::Connection& c) {
      for (std::int64_t id = first; id < first + kBatch && id <= count; ++id)
        search::index(c, g.document(id));
      return 0;
    });
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto postings =
      db.read([](store::Connection& c) { return c.scalar("SELECT COUNT(*) FROM search_postings"); });
  // PostgreSQL's autovacuum analyses a table this much changed within a minute; do it now so the planner
  // has the statistics it would have in service. (SQLite keeps none unless asked, and is measured as is.)
  if (db.engine() == store::Engine::postgres)
    db.read([](store::Connection& c) { return c.execute("VACUUM ANALYZE"); });
  std::fprintf(stderr, "indexed %lld documents in %.1f s (%.0f documents/s), %lld postings\n",
               static_cast<long long>(count - have), seconds, static_cast<double>(count - have) / seconds,
               static_cast<long long>(postings));
}

double percentile(const std::vector<double>& v, double p) {
  std::vector<double> s = v;
  std::sort(s.begin(), s.end());
  return s[std::min(s.size() - 1, static_cast<std::size_t>(p * static_cast<double>(s.size())))];
}

void run_query(benchmark::State& state, const Actor& actor, const std::string& q) {
  auto& s = setup();
  std::int64_t total = 0;
  for (auto _ : state) {
    auto r = search::find(*s.db, s.policy, actor, q);
    if (!r) {
      state.SkipWithError(r.error().message.c_str());
      return;
    }
    total = r->total;
    benchmark::DoNotOptimize(r);
  }
  state.counters["results"] = static_cast<double>(total);
}

}  // namespace

int main(int argc, char** argv) {
  std::string database;
  std::int64_t documents = 100'000;
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--database=", 11) == 0) {
      database = argv[i] + 11;
    } else if (std::strncmp(argv[i], "--documents=", 12) == 0) {
      documents = std::stoll(argv[i] + 12);
    } else {
      rest.push_back(argv[i]);
    }
  }
  if (database.empty()) {
    std::fprintf(stderr, "usage: %s --database=URL [--documents=N] [benchmark flags]\n", argv[0]);
    return 2;
  }
  int rest_count = static_cast<int>(rest.size());
  benchmark::Initialize(&rest_count, rest.data());

  auto& s = setup();
  s.db = store::Database::open(database, 2);
  store::apply_migrations(*s.db, search::manifest().migrations);
  s.policy.add({"bench.view", {Role::coordinator, Role::municipal}, Scope::everywhere, ""});
  s.policy.add({"bench.scoped", {Role::coordinator, Role::municipal}, Scope::own_organization, ""});
  s.policy.add({"bench.admin", {Role::admin}, Scope::everywhere, ""});
  load(*s.db, documents);

  const std::vector<std::pair<std::string, std::string>> queries = {
      {"two_syllables", "예산"},      {"two_words", "예산 협력"}, {"rare_word", "스마트팜"},
      {"three_syllables", "보조금"},  {"one_syllable", "군"},     {"place_and_word", "전주시 도로"},
      {"word_nowhere", "우주정거장"},
  };
  for (const auto& [name, q] : queries) {
    for (const bool municipal : {false, true}) {
      const Actor& actor = municipal ? s.jeonju : s.coordinator;
      benchmark::RegisterBenchmark((name + (municipal ? "/municipal" : "/province_wide")).c_str(),
                                   [&actor, q = q](benchmark::State& st) { run_query(st, actor, q); })
          ->Unit(benchmark::kMillisecond)
          ->Iterations(1)
          ->Repetitions(25)
          ->ComputeStatistics("p95", [](const std::vector<double>& v) { return percentile(v, 0.95); })
          ->ReportAggregatesOnly(true);
    }
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
