// bench/linkage-bench REFUNDS.csv DEATHS.csv [--no-sqlite]: the audit scenario refund_after_death (local-tax
// refunds paid after the person's death) through the product's linkage engine, timed, then checked against
// SQLite. REFUNDS.csv has the header refund_id,person_id,sigungu_code,paid_date,amount and DEATHS.csv
// person_id,death_date; person_id is a resident registration number. Both files are imported with
// linkage::import_csv (the time of reading them from disk counts in IMPORT), the shipped scenario runs with
// linkage::run, and it prints:
//   sigungu,CODE,COUNT,TOTAL     per 시·군 code with refunds paid after death, by code
//   top,REFUND_ID,AMOUNT         the 100 largest such refunds (equal amounts by refund id)
//   seconds,IMPORT,RUN
//   rows_per_second,IMPORT       rows of both files / import seconds
//   peak_rss_mb,MB               the process's peak resident memory through the engine's import and run
//   sqlite_seconds,LOAD,JOIN     the same join in a temporary SQLite file (prepared inserts in one
//                                transaction, an index on deaths.person_id); it exits 1 when SQLite's counts
//                                and totals differ from the engine's
// `linkage_bench --generate REFUNDS.csv DEATHS.csv [N M]` writes N refunds (default 10,000,000) and M deaths
// (default 1,000,000), the same files for the same N and M.
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/audit/linkage/csv_import.hpp"
#include "modules/audit/linkage/scenario_run.hpp"
#include "modules/audit/linkage/shipped_scenarios.hpp"
#include "modules/audit/linkage/value_parsers.hpp"

namespace {
namespace linkage = sotong::audit::linkage;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Processor seconds of all the process's threads so far: on a machine shared with other work the wall clock
// says little, so this goes to stderr beside it.
double cpu_seconds() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// The 14 시·군 of 전라북도.
constexpr std::array<std::string_view, 14> kSigungu{"52110", "52130", "52140", "52180", "52190",
                                                    "52210", "52710", "52720", "52730", "52740",
                                                    "52750", "52770", "52790", "52800"};

// splitmix64: a fixed sequence for a fixed seed on every machine and library, unlike std's distributions.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31U);
  }
  // Uniform in [0, n).
  std::uint64_t below(std::uint64_t n) { return next() % n; }

 private:
  std::uint64_t state_;
};

void put_digits(std::string& out, std::uint64_t value, int width) {
  char buf[20];
  for (int i = width - 1; i >= 0; --i) {
    buf[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(buf, static_cast<std::size_t>(width));
}

void put_number(std::string& out, std::uint64_t value) {
  char buf[20];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0);
  while (n > 0) out.push_back(buf[--n]);
}

// Person k's resident number: a birth date from 1925 on (spread by k), the gender digit of its century and a
// serial that keeps numbers of the same birth date apart. Distinct for distinct k below 2.9·10¹⁰.
void put_resident_number(std::string& out, std::uint64_t k) {
  constexpr std::uint64_t kBirthDays = 29'000;  // 1925-01-01 to 2004-05-26
  const std::int32_t born = linkage::days_from_civil(1925, 1, 1) + static_cast<std::int32_t>(k % kBirthDays);
  const std::string date = linkage::format_date(born);  // YYYY-MM-DD
  out.append(date, 2, 2);
  out.append(date, 5, 2);
  out.append(date, 8, 2);
  out.push_back('-');
  const bool second = (k / kBirthDays) % 2 == 1;
  const bool since_2000 = date[0] == '2';
  out.push_back(since_2000 ? (second ? '4' : '3') : (second ? '2' : '1'));
  put_digits(out, (k / (kBirthDays * 2)) % 1'000'000, 6);
}

class Writer {
 public:
  explicit Writer(const char* path) : file_(std::fopen(path, "wb")) {}
  ~Writer() { close(); }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;
  bool ok() const { return file_ != nullptr; }
  std::string& buffer() { return buffer_; }
  void maybe_flush() {
    if (buffer_.size() > (1U << 20U)) flush();
  }
  bool close() {
    if (file_ == nullptr) return true;
    flush();
    const bool ok = std::fclose(file_) == 0;
    file_ = nullptr;
    return ok;
  }

 private:
  void flush() {
    std::fwrite(buffer_.data(), 1, buffer_.size(), file_);
    buffer_.clear();
  }
  std::FILE* file_;
  std::string buffer_;
};

int generate(const char* refunds_path, const char* deaths_path, std::uint64_t refunds, std::uint64_t deaths) {
  // Three people for every one in the deaths register; persons below `deaths` are the dead.
  const std::uint64_t population = deaths * 3 + 1000;
  const std::int32_t first_day = linkage::days_from_civil(2020, 1, 1);
  const std::int32_t last_day = linkage::days_from_civil(2025, 12, 31);
  const auto span = static_cast<std::uint64_t>(last_day - first_day + 1);
  Random rng(20261216);
  std::vector<std::int32_t> died(deaths);
  Writer d(deaths_path);
  if (!d.ok()) return 2;
  d.buffer() = "person_id,death_date\n";
  for (std::uint64_t i = 0; i < deaths; ++i) {
    died[i] = first_day + static_cast<std::int32_t>(rng.below(span));
    // One row in 500 repeats an earlier death (a register corrected later keeps both rows).
    const std::uint64_t who = i > 0 && rng.below(500) == 0 ? rng.below(i) : i;
    put_resident_number(d.buffer(), who);
    d.buffer().push_back(',');
    d.buffer() +=
        linkage::format_date(who == i ? died[i] : first_day + static_cast<std::int32_t>(rng.below(span)));
    d.buffer().push_back('\n');
    d.maybe_flush();
  }
  if (!d.close()) return 2;

  Writer r(refunds_path);
  if (!r.ok()) return 2;
  r.buffer() = "refund_id,person_id,sigungu_code,paid_date,amount\n";
  for (std::uint64_t i = 0; i < refunds; ++i) {
    std::string& out = r.buffer();
    out.push_back('R');
    put_digits(out, i + 1, 9);
    out.push_back(',');
    const std::uint64_t person = rng.below(population);
    put_resident_number(out, person);
    out.push_back(',');
    out += kSigungu[rng.below(kSigungu.size())];
    out.push_back(',');
    std::int32_t paid = first_day + static_cast<std::int32_t>(rng.below(span));
    if (person < deaths) {
      // Most refunds of people who died were paid while they lived; one in 25 after.
      const std::int32_t death = died[person];
      const bool after = rng.below(25) == 0 && death < last_day;
      paid =
          after
              ? death + 1 + static_cast<std::int32_t>(rng.below(static_cast<std::uint64_t>(last_day - death)))
              : first_day +
                    static_cast<std::int32_t>(rng.below(static_cast<std::uint64_t>(death - first_day + 1)));
    }
    out += linkage::format_date(paid);
    out.push_back(',');
    put_number(out, (100 + rng.below(499'901)) * 10);  // 1,000 to 5,000,000 won in tens
    out.push_back('\n');
    r.maybe_flush();
  }
  return r.close() ? 0 : 2;
}

// A file mapped read-only for as long as it is needed.
class MappedFile {
 public:
  explicit MappedFile(const char* path) {
    const int fd = ::open(path, O_RDONLY);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
      size_ = static_cast<std::size_t>(st.st_size);
      void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (p != MAP_FAILED) {
        data_ = static_cast<const char*>(p);
        ::madvise(p, size_, MADV_SEQUENTIAL);
        ::madvise(p, size_, MADV_WILLNEED);
      }
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  bool ok() const { return data_ != nullptr; }
  std::string_view text() const { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

std::optional<linkage::DataSet> import(const char* path, const linkage::RoleSchema& role,
                                       const std::map<std::string, std::string>& headers,
                                       const linkage::PersonHasher& hasher) {
  const MappedFile file(path);
  if (!file.ok()) {
    std::fprintf(stderr, "cannot read %s\n", path);
    return std::nullopt;
  }
  std::vector<linkage::ColumnMapping> mapping;
  for (const auto& c : role.columns) mapping.push_back({headers.at(c.name), c.name, c.kind});
  auto outcome = linkage::import_csv(file.text(), mapping, hasher);
  if (!outcome.ok()) {
    std::fprintf(stderr, "%s: %s\n", path, outcome.error().message.c_str());
    return std::nullopt;
  }
  return std::move(outcome->data);
}

struct Totals {
  std::uint64_t count = 0;
  std::int64_t total = 0;
};

// Each line of a headed CSV file without quotes, split at commas, to `each`.
template <typename Each>
void each_line(std::string_view text, Each each) {
  std::vector<std::string_view> fields;
  std::size_t at = text.find('\n');
  at = at == std::string_view::npos ? text.size() : at + 1;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    fields.clear();
    for (std::size_t from = 0;;) {
      const std::size_t comma = line.find(',', from);
      fields.push_back(
          line.substr(from, comma == std::string_view::npos ? std::string_view::npos : comma - from));
      if (comma == std::string_view::npos) break;
      from = comma + 1;
    }
    each(fields);
    at = end + 1;
  }
}

bool exec(sqlite3* db, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::fprintf(stderr, "sqlite: %s\n", error != nullptr ? error : "?");
    sqlite3_free(error);
    return false;
  }
  return true;
}

void bind_text_or_null(sqlite3_stmt* s, int i, std::string_view v) {
  if (v.empty()) {
    sqlite3_bind_null(s, i);
  } else {
    sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  }
}

// The same join in SQLite: LOAD (both files inserted, the index made) and JOIN seconds, the totals per code.
std::optional<std::map<std::string, Totals>> sqlite_join(const char* refunds_path, const char* deaths_path) {
  const auto path =
      std::filesystem::temp_directory_path() / ("linkage-bench-" + std::to_string(::getpid()) + ".db");
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) return std::nullopt;
  struct Cleanup {
    sqlite3* db;
    std::filesystem::path path;
    ~Cleanup() {
      sqlite3_close(db);
      std::filesystem::remove(path);
    }
  } cleanup{db, path};
  const auto load_start = Clock::now();
  if (!exec(db,
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-131072;"
            "CREATE TABLE refunds (refund_id TEXT, person_id TEXT, sigungu_code TEXT, paid_date TEXT, amount "
            "INTEGER); CREATE TABLE deaths (person_id TEXT, death_date TEXT); BEGIN")) {
    return std::nullopt;
  }
  sqlite3_stmt* insert = nullptr;
  {
    const MappedFile file(refunds_path);
    sqlite3_prepare_v2(db, "INSERT INTO refunds VALUES (?, ?, ?, ?, ?)", -1, &insert, nullptr);
    each_line(file.text(), [&](const std::vector<std::string_view>& f) {
      if (f.size() < 5) return;
      for (int i = 0; i < 4; ++i) bind_text_or_null(insert, i + 1, f[static_cast<std::size_t>(i)]);
      std::int64_t won = 0;
      if (linkage::parse_amount(f[4], won) == linkage::Parsed::value) {
        sqlite3_bind_int64(insert, 5, won);
      } else {
        sqlite3_bind_null(insert, 5);
      }
      sqlite3_step(insert);
      sqlite3_reset(insert);
    });
    sqlite3_finalize(insert);
  }
  {
    const MappedFile file(deaths_path);
    sqlite3_prepare_v2(db, "INSERT INTO deaths VALUES (?, ?)", -1, &insert, nullptr);
    each_line(file.text(), [&](const std::vector<std::string_view>& f) {
      if (f.size() < 2) return;
      bind_text_or_null(insert, 1, f[0]);
      bind_text_or_null(insert, 2, f[1]);
      sqlite3_step(insert);
      sqlite3_reset(insert);
    });
    sqlite3_finalize(insert);
  }
  if (!exec(db, "COMMIT; CREATE INDEX deaths_person ON deaths (person_id)")) return std::nullopt;
  const double load = seconds_since(load_start);

  const auto join_start = Clock::now();
  sqlite3_stmt* join = nullptr;
  sqlite3_prepare_v2(
      db,
      "SELECT r.sigungu_code, COUNT(*), SUM(r.amount) FROM refunds r WHERE EXISTS (SELECT 1 FROM "
      "deaths d WHERE d.person_id = r.person_id AND r.paid_date > d.death_date) GROUP BY "
      "r.sigungu_code ORDER BY r.sigungu_code",
      -1, &join, nullptr);
  std::map<std::string, Totals> totals;
  while (sqlite3_step(join) == SQLITE_ROW) {
    const auto* code = reinterpret_cast<const char*>(sqlite3_column_text(join, 0));
    totals[code != nullptr ? code : ""] = {static_cast<std::uint64_t>(sqlite3_column_int64(join, 1)),
                                           sqlite3_column_int64(join, 2)};
  }
  sqlite3_finalize(join);
  std::printf("sqlite_seconds,%.3f,%.3f\n", load, seconds_since(join_start));
  return totals;
}

int bench(const char* refunds_path, const char* deaths_path, bool with_sqlite) {
  const linkage::ShippedScenario shipped = linkage::shipped_scenarios().front();
  const linkage::Scenario& scenario = shipped.scenario;
  // The bench's files name their columns in English; the engine's columns are the scenario's.
  const std::map<std::string, std::string> refund_headers{{"refund_id", "refund_id"},
                                                          {"person", "person_id"},
                                                          {"sigungu", "sigungu_code"},
                                                          {"paid_date", "paid_date"},
                                                          {"amount", "amount"}};
  const std::map<std::string, std::string> death_headers{{"person", "person_id"},
                                                         {"death_date", "death_date"}};
  constexpr std::array<unsigned char, 16> kKey{0x53, 0x6f, 0x74, 0x6f, 0x6e, 0x67, 0x20, 0x6c,
                                               0x69, 0x6e, 0x6b, 0x61, 0x67, 0x65, 0x21, 0x0a};
  const linkage::PersonHasher hasher(kKey);

  std::map<std::string, Totals> ours;
  {
    const double cpu_start = cpu_seconds();
    const auto import_start = Clock::now();
    auto deaths = import(deaths_path, shipped.roles[1], death_headers, hasher);
    if (!deaths) return 2;
    auto refunds = import(refunds_path, shipped.roles[0], refund_headers, hasher);
    if (!refunds) return 2;
    const double import_seconds = seconds_since(import_start);
    const double import_cpu = cpu_seconds() - cpu_start;

    const auto run_start = Clock::now();
    const linkage::RunResult result = linkage::run(scenario, *refunds, &*deaths);
    const double run_seconds = seconds_since(run_start);
    std::fprintf(stderr, "cpu_seconds,%.3f,%.3f\n", import_cpu, cpu_seconds() - cpu_start - import_cpu);

    for (const auto& t : result.totals) {
      std::printf("sigungu,%s,%llu,%lld\n", t.code.c_str(), static_cast<unsigned long long>(t.count),
                  static_cast<long long>(t.total));
      ours[t.code] = {t.count, t.total};
    }
    const linkage::Column& ids = *refunds->find(scenario.id_column);
    for (const auto position : linkage::top_by_amount(result, *refunds, 100)) {
      const linkage::Flag& f = result.flags[position];
      const std::string_view id = ids.text(f.row);
      std::printf("top,%.*s,%lld\n", static_cast<int>(id.size()), id.data(),
                  static_cast<long long>(f.amount));
    }
    std::printf("seconds,%.3f,%.3f\n", import_seconds, run_seconds);
    std::printf("rows_per_second,%.0f\n",
                static_cast<double>(refunds->row_count() + deaths->row_count()) / import_seconds);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak_rss_mb,%.0f\n", static_cast<double>(usage.ru_maxrss) / 1024.0);  // ru_maxrss is in KiB
    std::fflush(stdout);
  }  // the engine's data sets are freed before SQLite loads

  if (!with_sqlite) return 0;
  const auto theirs = sqlite_join(refunds_path, deaths_path);
  if (!theirs) return 2;
  bool same = theirs->size() == ours.size();
  for (const auto& [code, t] : ours) {
    const auto it = theirs->find(code);
    if (it == theirs->end() || it->second.count != t.count || it->second.total != t.total) same = false;
  }
  if (!same) {
    std::fprintf(stderr, "SQLite's counts or totals differ from the engine's\n");
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  if (!args.empty() && args[0] == "--generate" && (args.size() == 3 || args.size() == 5)) {
    const std::uint64_t n = args.size() == 5 ? std::stoull(std::string(args[3])) : 10'000'000;
    const std::uint64_t m = args.size() == 5 ? std::stoull(std::string(args[4])) : 1'000'000;
    return generate(argv[2], argv[3], n, m);
  }
  std::vector<const char*> files;
  bool with_sqlite = true;
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--no-sqlite") {
      with_sqlite = false;
    } else {
      files.push_back(argv[i]);
    }
  }
  if (files.size() != 2) {
    std::fprintf(stderr,
                 "usage: linkage-bench REFUNDS.csv DEATHS.csv [--no-sqlite]\n"
                 "       linkage-bench --generate REFUNDS.csv DEATHS.csv [N_REFUNDS M_DEATHS]\n");
    return 2;
  }
  return bench(files[0], files[1], with_sqlite);
}
