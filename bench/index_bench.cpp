// bench/index-bench FILE.csv: the cooperation index over a file of answers, through the product's own parts.
// The CSV has the header response_id,bureau_id,q1,…,q30 (values 0–5, 0 = 모름; q1–q5 are domain 1 … q26–q30
// domain 6). It is imported into a campaign of a fresh database with the product's import path
// (surveys::import_answers: parsing, checks, random ids, shuffled rows), then the index is computed with the
// product's engine (surveys::load_columns, surveys::compute_index), and printed:
//   stat,BUREAU,DOMAIN,N,MEAN,POSITIVE_RATIO   one line per bureau × domain (domains 1–6)
//   alpha,DOMAIN,N,ALPHA                        Cronbach's α per domain
//   seconds,LOAD,COMPUTE,END_TO_END             LOAD: file → database; COMPUTE: the statistics from the
//                                               answers in memory; END_TO_END: database → columns →
//                                               statistics
// `index_bench --generate N FILE.csv` writes N random responses over 20 bureaus in that format.
// `--database URL` uses another (empty) database, e.g. PostgreSQL; the default is a temporary SQLite file.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <string>

#include "core/csv.hpp"
#include "modules/surveys/survey_analysis.hpp"
#include "modules/surveys/survey_import.hpp"
#include "modules/surveys/survey_results.hpp"
#include "modules/surveys/survey_store.hpp"
#include "modules/surveys/surveys_module.hpp"
#include "platform/crypto.hpp"
#include "platform/platform_parts.hpp"
#include "store/migration.hpp"

namespace {
using namespace sotong;
using Clock = std::chrono::steady_clock;

constexpr int kQuestions = 30;
constexpr int kPerDomain = 5;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

int generate(long long count, const char* path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return 2;
  std::mt19937_64 rng(20261202);
  std::string line = "response_id,bureau_id";
  for (int q = 1; q <= kQuestions; ++q) line += ",q" + std::to_string(q);
  out << line << '\n';
  // Each bureau has its own level, so the figures differ from bureau to bureau as they do in a real year.
  std::uniform_int_distribution<int> bureau(1, 20);
  std::uniform_int_distribution<int> noise(-2, 2);
  std::uniform_int_distribution<int> percent(0, 99);
  for (long long r = 1; r <= count; ++r) {
    const int b = bureau(rng);
    line = std::to_string(r) + "," + std::to_string(b);
    for (int q = 0; q < kQuestions; ++q) {
      const int value =
          percent(rng) < 6 ? 0 : std::clamp(2 + b % 3 + noise(rng) / 2 + (q % 5 == 0 ? 1 : 0), 1, 5);
      line += ',';
      line += static_cast<char>('0' + value);
    }
    out << line << '\n';
  }
  return 0;
}

/// A questionnaire of thirty scale questions, five per domain in order, as the file's columns are.
surveys::Questionnaire bench_questionnaire() {
  surveys::Questionnaire q;
  q.title = "성능 측정용 설문";
  q.year = 2026;
  for (int i = 0; i < kQuestions; ++i) {
    surveys::Question question;
    question.position = i + 1;
    question.section = "영역 " + std::to_string(i / kPerDomain + 1);
    question.kind = surveys::QuestionKind::scale;
    question.text = "문항 " + std::to_string(i + 1);
    question.domain = static_cast<surveys::Domain>(i / kPerDomain);
    question.dimension = surveys::Dimension::communication;
    q.questions.push_back(question);
  }
  return q;
}

std::set<std::int64_t> bureaus_in(const std::string& text) {
  std::set<std::int64_t> out;
  bool header = true;
  each_csv_row(text, [&](CsvRow& row) {
    if (!header && row.size() > 1 && !row[1].empty()) out.insert(std::stoll(row[1]));
    header = false;
    return true;
  });
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::strcmp(argv[1], "--generate") == 0) return generate(std::stoll(argv[2]), argv[3]);
  std::string file, database;
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--database=", 11) == 0) {
      database = argv[i] + 11;
    } else {
      file = argv[i];
    }
  }
  if (file.empty()) {
    std::fprintf(stderr,
                 "usage: index-bench FILE.csv [--database=URL]\n       index-bench --generate N FILE.csv\n");
    return 2;
  }
  platform::init_crypto();
  std::filesystem::path temp;
  if (database.empty()) {
    temp = std::filesystem::temp_directory_path() / ("index-bench-" + platform::random_token(6) + ".db");
    database = "sqlite:" + temp.string();
  }
  auto db = store::Database::open(database, 2);
  auto modules = platform::platform_parts();
  modules.push_back(surveys::manifest());
  std::vector<store::Migration> migrations;
  for (const auto& m : modules) migrations.insert(migrations.end(), m.migrations.begin(), m.migrations.end());
  store::apply_migrations(*db, migrations);

  const auto load_start = Clock::now();
  std::ifstream in(file, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  surveys::Campaign campaign;
  campaign.host = "bench";
  campaign.title = "성능 측정";
  campaign.year = 2026;
  campaign.opens_on = {2026, 9, 1};
  campaign.closes_on = {2026, 10, 31};
  campaign.state = surveys::CampaignState::open;
  for (auto b : bureaus_in(text)) campaign.subjects.push_back(b);
  const auto questionnaire = bench_questionnaire();
  db->write([&](store::Connection& c) {
    campaign.questionnaire_id =
        surveys::survey_store::insert_questionnaire(c, questionnaire, std::nullopt, now());
    campaign.id = surveys::survey_store::insert_campaign(c, campaign, std::nullopt, now());
  });
  auto imported = surveys::import_answers(*db, campaign.id, text, file, now());
  if (!imported) {
    std::fprintf(stderr, "%s\n", imported.error().message.c_str());
    for (const auto& f : imported.error().fields) std::fprintf(stderr, "  %s\n", f.message.c_str());
    return 1;
  }
  const double load = seconds_since(load_start);

  const auto end_to_end_start = Clock::now();
  const auto plan = surveys::plan_columns(questionnaire.questions);
  const auto columns =
      db->read([&](store::Connection& c) { return surveys::load_columns(c, campaign.id, plan); });
  const auto compute_start = Clock::now();
  const auto figures = surveys::compute_index(columns.index);
  const double compute = seconds_since(compute_start);
  const double end_to_end = seconds_since(end_to_end_start);

  // Bureaus in id order; domains numbered 1–6 as in the file.
  std::vector<std::size_t> order(figures.subjects.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return figures.subjects[a] < figures.subjects[b]; });
  for (auto s : order)
    for (int d = 0; d < figures.domain_count; ++d) {
      const auto& st = figures.by_subject[s][static_cast<std::size_t>(d)];
      std::printf("stat,%lld,%d,%lld,%.6f,%.6f\n", static_cast<long long>(figures.subjects[s]), d + 1,
                  static_cast<long long>(st.n), st.mean, st.positive_ratio);
    }
  for (const auto& a : figures.alpha)
    std::printf("alpha,%d,%lld,%s\n", a.domain + 1, static_cast<long long>(a.n),
                a.alpha ? std::to_string(*a.alpha).c_str() : "");
  std::printf("seconds,%.3f,%.4f,%.3f\n", load, compute, end_to_end);
  db.reset();
  if (!temp.empty()) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(temp.string() + suffix, ec);
  }
  return 0;
}
