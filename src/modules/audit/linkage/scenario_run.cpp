#include "modules/audit/linkage/scenario_run.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <span>
#include <thread>
#include <utility>

#include "core/fnv_hash.hpp"
#include "modules/audit/linkage/huge_pages.hpp"
#include "modules/audit/linkage/key_index.hpp"
#include "modules/audit/linkage/value_parsers.hpp"

namespace sotong::audit::linkage {
namespace {

// A flag keeps at most this many evidence rows: a group of thousands of equal rows would otherwise hold
// millions of row numbers, and its group number already says where the rest are.
constexpr std::size_t kMaxEvidence = 1000;
// Below this many primary rows a second thread costs more than it saves.
constexpr std::uint32_t kParallelRows = 1U << 16U;

template <typename T>
bool holds(T a, Compare op, T b) {
  switch (op) {
    case Compare::lt:
      return a < b;
    case Compare::le:
      return a <= b;
    case Compare::eq:
      return a == b;
    case Compare::ne:
      return a != b;
    case Compare::ge:
      return a >= b;
    case Compare::gt:
      return a > b;
  }
  return false;
}

std::uint64_t mix(std::uint64_t x) {
  // splitmix64's finaliser: every input bit reaches every output bit.
  x ^= x >> 30U;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27U;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 31U;
  return x;
}

std::uint64_t hash_text(std::string_view s) {
  return mix(fnv1a(s));
}

// One column's value as a 64-bit hash for grouping and composite keys; 0 for a missing value. A code is
// hashed by its text, so equal codes of two data sets (with their own dictionaries) hash alike.
class ValueHasher {
 public:
  explicit ValueHasher(const Column& column) : column_(column) {
    if (column.kind() == ColumnKind::code) {
      for (const auto& code : column.dictionary()) code_hashes_.push_back(hash_text(code) | 1U);
    }
  }

  std::uint64_t operator()(std::uint32_t row) const {
    switch (column_.kind()) {
      case ColumnKind::person:
        return column_.person(row);
      case ColumnKind::code:
        return code_hashes_[column_.code_id(row)];
      case ColumnKind::text:
        return hash_text(column_.text(row)) | 1U;
      case ColumnKind::date:
        return column_.is_missing(row) ? 0 : mix(static_cast<std::uint64_t>(column_.date(row))) | 1U;
      case ColumnKind::amount:
        return column_.is_missing(row) ? 0 : mix(static_cast<std::uint64_t>(column_.amount(row))) | 1U;
    }
    return 0;
  }

 private:
  const Column& column_;
  std::vector<std::uint64_t> code_hashes_;
};

// Several columns' values as one key; 0 when any of them is missing.
class KeyHasher {
 public:
  explicit KeyHasher(const std::vector<const Column*>& columns) {
    for (const auto* c : columns) parts_.emplace_back(*c);
  }

  std::uint64_t operator()(std::uint32_t row) const {
    if (parts_.size() == 1 && parts_.front().is_person) return parts_.front().hash(row);
    std::uint64_t key = 0;
    for (const auto& part : parts_) {
      const std::uint64_t h = part.hash(row);
      if (h == 0) return 0;
      key = mix(key ^ h);
    }
    return key == 0 ? 1 : key;
  }

 private:
  struct Part {
    explicit Part(const Column& c) : hash(c), is_person(c.kind() == ColumnKind::person) {}
    ValueHasher hash;
    bool is_person;
  };
  std::vector<Part> parts_;
};

// For a code column of the secondary set, each of its codes' id in the primary column's dictionary, or
// kAbsent: codes compare by text across data sets.
constexpr std::uint32_t kAbsent = std::numeric_limits<std::uint32_t>::max();
std::vector<std::uint32_t> translate_codes(const Column& from, const Column& to) {
  std::vector<std::uint32_t> ids;
  for (const auto& code : from.dictionary()) ids.push_back(to.find_code(code).value_or(kAbsent));
  return ids;
}

// primary.column OP secondary.column, or (for join keys) equality, for one pair of rows.
struct PairTest {
  const Column* primary = nullptr;
  const Column* secondary = nullptr;
  Compare op = Compare::eq;
  std::vector<std::uint32_t> secondary_codes;  // code columns: secondary id → primary id

  PairTest(const Column& p, const Column& s, Compare o) : primary(&p), secondary(&s), op(o) {
    if (p.kind() == ColumnKind::code) secondary_codes = translate_codes(s, p);
  }

  bool operator()(std::uint32_t p, std::uint32_t s) const {
    switch (primary->kind()) {
      case ColumnKind::date: {
        const std::int32_t a = primary->date(p);
        const std::int32_t b = secondary->date(s);
        return a != kMissingDate && b != kMissingDate && holds(a, op, b);
      }
      case ColumnKind::amount: {
        const std::int64_t a = primary->amount(p);
        const std::int64_t b = secondary->amount(s);
        return a != kMissingAmount && b != kMissingAmount && holds(a, op, b);
      }
      case ColumnKind::person: {
        const std::uint64_t a = primary->person(p);
        const std::uint64_t b = secondary->person(s);
        return a != kMissingPerson && b != kMissingPerson && holds(a, op, b);
      }
      case ColumnKind::code: {
        // An id absent from the primary dictionary differs from every primary code.
        const std::uint32_t other = secondary_codes[secondary->code_id(s)];
        return op == Compare::eq ? other == primary->code_id(p) : other != primary->code_id(p);
      }
      case ColumnKind::text:
        return holds(primary->text(p), op, secondary->text(s));
    }
    return false;
  }

  /// Fetches the secondary row's value ahead of the test.
  void prefetch(std::uint32_t s) const {
    switch (secondary->kind()) {
      case ColumnKind::date:
        __builtin_prefetch(&secondary->dates()[s]);
        break;
      case ColumnKind::amount:
        __builtin_prefetch(&secondary->amounts()[s]);
        break;
      case ColumnKind::person:
        __builtin_prefetch(&secondary->persons()[s]);
        break;
      case ColumnKind::code:
        __builtin_prefetch(&secondary->code_ids()[s]);
        break;
      case ColumnKind::text:
        break;
    }
  }
};

// The scenario's filters over the primary rows.
class RowFilter {
 public:
  RowFilter(const Scenario& s, const DataSet& primary) {
    for (const auto& f : s.filters) {
      const Column* c = primary.find(f.column);
      Test t{c, f.op, 0, std::nullopt, f.value};
      if (c->kind() == ColumnKind::date) {
        std::int32_t days = 0;
        (void)parse_date(f.value, days);
        t.number = days;
      } else if (c->kind() == ColumnKind::amount) {
        (void)parse_amount(f.value, t.number);
      } else if (c->kind() == ColumnKind::code) {
        t.code = c->find_code(trim_blanks(f.value));
      }
      tests_.push_back(std::move(t));
    }
  }

  bool empty() const { return tests_.empty(); }

  bool operator()(std::uint32_t row) const {
    for (const auto& t : tests_) {
      if (!passes(t, row)) return false;
    }
    return true;
  }

 private:
  struct Test {
    const Column* column;
    Compare op;
    std::int64_t number;
    std::optional<std::uint32_t> code;
    std::string text;
  };

  static bool passes(const Test& t, std::uint32_t row) {
    const Column& c = *t.column;
    if (c.is_missing(row)) return false;
    switch (c.kind()) {
      case ColumnKind::date:
        return holds<std::int64_t>(c.date(row), t.op, t.number);
      case ColumnKind::amount:
        return holds(c.amount(row), t.op, t.number);
      case ColumnKind::code: {
        const bool same = t.code.has_value() && *t.code == c.code_id(row);
        return t.op == Compare::eq ? same : !same;
      }
      case ColumnKind::text:
        return holds(c.text(row), t.op, std::string_view(t.text));
      case ColumnKind::person:
        return false;  // validate() refuses a filter on resident numbers
    }
    return false;
  }

  std::vector<Test> tests_;
};

std::int64_t amount_of(const Column* amounts, std::uint32_t row) {
  if (amounts == nullptr || amounts->is_missing(row)) return 0;
  return amounts->amount(row);
}

// Room for the flags of a scan over `rows` rows, guessed generously (one row in 16): pages of the reserve
// that are never written cost nothing, while a vector growing a step at a time pays a page fault per 4 KiB
// and a copy at each step, which took a tenth of a run over ten million rows.
void reserve_flags(std::vector<Flag>& flags, std::uint32_t rows) {
  flags.reserve(rows / 16 + 16);
  advise_huge_pages(flags.data(), flags.capacity() * sizeof(Flag));
}

// match: the primary scan over [begin, end), probing the secondary index a batch at a time.
class Matcher {
 public:
  Matcher(const Scenario& s, const DataSet& primary, const DataSet& secondary)
      : filter_(s, primary), amounts_(s.amount_column.empty() ? nullptr : primary.find(s.amount_column)) {
    std::vector<const Column*> primary_keys;
    std::vector<const Column*> secondary_keys;
    for (const auto& [p, q] : s.join_keys) {
      primary_keys.push_back(primary.find(p));
      secondary_keys.push_back(secondary.find(q));
      key_tests_.emplace_back(*primary_keys.back(), *secondary_keys.back(), Compare::eq);
    }
    // One person key: the hash is the key itself and equal hashes are equal people, so nothing to recheck.
    exact_keys_ = primary_keys.size() == 1 && primary_keys.front()->kind() == ColumnKind::person;
    if (exact_keys_) persons_ = primary_keys.front()->persons();
    primary_key_.emplace(primary_keys);
    const KeyHasher secondary_key(secondary_keys);
    if (exact_keys_) {
      index_.emplace(secondary_keys.front()->persons());
    } else {
      std::vector<std::uint64_t> keys(secondary.row_count());
      for (std::uint32_t r = 0; r < secondary.row_count(); ++r) keys[r] = secondary_key(r);
      index_.emplace(keys);
    }
    for (const auto& c : s.conditions) {
      conditions_.emplace_back(*primary.find(c.primary_column), *secondary.find(c.secondary_column), c.op);
    }
  }

  // Rows are probed a batch at a time in stages, each stage asking for the memory the next one reads: the
  // filter bits, then the table slots of the keys that pass the filter, then the secondary rows' values.
  // The misses of a batch then overlap instead of following one another.
  std::vector<Flag> scan(std::uint32_t begin, std::uint32_t end) const {
    constexpr std::uint32_t kBatch = 32;
    std::vector<Flag> flags;
    reserve_flags(flags, end - begin);
    std::uint64_t keys[kBatch];
    std::uint32_t rows[kBatch];
    std::span<const std::uint32_t> found[kBatch];
    std::vector<std::uint32_t> evidence;
    for (std::uint32_t at = begin; at < end; at += kBatch) {
      const std::uint32_t n = std::min(kBatch, end - at);
      if (exact_keys_ && filter_.empty()) {
        for (std::uint32_t i = 0; i < n; ++i) {
          keys[i] = persons_[at + i];
          index_->prefetch_filter(keys[i]);
        }
      } else {
        for (std::uint32_t i = 0; i < n; ++i) {
          const std::uint32_t row = at + i;
          keys[i] = filter_.empty() || filter_(row) ? (*primary_key_)(row) : 0;
          index_->prefetch_filter(keys[i]);
        }
      }
      std::uint32_t live = 0;
      for (std::uint32_t i = 0; i < n; ++i) {
        if (keys[i] == 0 || !index_->may_hold(keys[i])) continue;
        index_->prefetch(keys[i]);
        keys[live] = keys[i];
        rows[live++] = at + i;
      }
      std::uint32_t hits = 0;
      for (std::uint32_t i = 0; i < live; ++i) {
        const auto candidates = index_->find(keys[i]);
        if (candidates.empty()) continue;
        for (const auto& c : conditions_) c.prefetch(candidates.front());
        rows[hits] = rows[i];
        found[hits++] = candidates;
      }
      for (std::uint32_t i = 0; i < hits; ++i) {
        const std::uint32_t row = rows[i];
        evidence.clear();
        for (const std::uint32_t s : found[i]) {
          if (matches(row, s) && evidence.size() < kMaxEvidence) evidence.push_back(s);
        }
        if (!evidence.empty()) flags.push_back({row, amount_of(amounts_, row), {}, evidence, 0});
      }
    }
    return flags;
  }

 private:
  bool matches(std::uint32_t p, std::uint32_t s) const {
    if (!exact_keys_) {
      for (const auto& t : key_tests_) {
        if (!t(p, s)) return false;
      }
    }
    for (const auto& c : conditions_) {
      if (!c(p, s)) return false;
    }
    return true;
  }

  RowFilter filter_;
  const Column* amounts_;
  bool exact_keys_ = false;
  std::span<const std::uint64_t> persons_;  // the primary key column when exact_keys_
  std::optional<KeyHasher> primary_key_;
  std::optional<KeyIndex> index_;
  std::vector<PairTest> key_tests_;
  std::vector<PairTest> conditions_;
};

std::vector<Flag> run_match(const Scenario& s, const DataSet& primary, const DataSet& secondary,
                            const RunOptions& options) {
  const Matcher matcher(s, primary, secondary);
  const std::uint32_t rows = primary.row_count();
  if (options.threads < 2 || rows < kParallelRows) return matcher.scan(0, rows);
  const std::uint32_t half = rows / 2;
  std::vector<Flag> second;
  std::thread worker([&] { second = matcher.scan(half, rows); });
  std::vector<Flag> flags = matcher.scan(0, half);
  worker.join();
  flags.insert(flags.end(), std::make_move_iterator(second.begin()), std::make_move_iterator(second.end()));
  return flags;
}

// A primary row taking part in a duplicate or split rule: its group's key and the date that orders it.
struct Item {
  std::uint64_t key;
  std::int32_t date;
  std::uint32_t row;
};

// Orders the rows of a group and decides which rows hold equal group values (the key is a hash; equal
// keys are checked value by value).
class GroupOrder {
 public:
  explicit GroupOrder(std::vector<const Column*> columns) : columns_(std::move(columns)) {}

  // <0, 0, >0 as the group values of rows a and b compare.
  int compare_values(std::uint32_t a, std::uint32_t b) const {
    for (const Column* c : columns_) {
      int d = 0;
      switch (c->kind()) {
        case ColumnKind::date:
          d = three_way(c->date(a), c->date(b));
          break;
        case ColumnKind::amount:
          d = three_way(c->amount(a), c->amount(b));
          break;
        case ColumnKind::person:
          d = three_way(c->person(a), c->person(b));
          break;
        case ColumnKind::code:
          d = three_way(c->code_id(a), c->code_id(b));
          break;
        case ColumnKind::text:
          d = c->text(a).compare(c->text(b));
          break;
      }
      if (d != 0) return d;
    }
    return 0;
  }

  bool same_group(const Item& a, const Item& b) const {
    return a.key == b.key && compare_values(a.row, b.row) == 0;
  }

  bool operator()(const Item& a, const Item& b) const {
    if (a.key != b.key) return a.key < b.key;
    const int d = compare_values(a.row, b.row);
    if (d != 0) return d < 0;
    if (a.date != b.date) return a.date < b.date;
    return a.row < b.row;
  }

 private:
  template <typename T>
  static int three_way(T a, T b) {
    return a < b ? -1 : (b < a ? 1 : 0);
  }

  std::vector<const Column*> columns_;
};

// A duplicate cluster or split run: its rows in date order.
using Cluster = std::vector<std::uint32_t>;

std::vector<Cluster> duplicate_clusters(const Scenario& s, const std::vector<Item>& items,
                                        const GroupOrder& order) {
  std::vector<Cluster> clusters;
  std::size_t group_begin = 0;
  while (group_begin < items.size()) {
    std::size_t group_end = group_begin + 1;
    while (group_end < items.size() && order.same_group(items[group_begin], items[group_end])) ++group_end;
    for (std::size_t i = group_begin; i < group_end;) {
      std::size_t j = i + 1;
      if (s.window_days > 0) {
        while (j < group_end && static_cast<std::int64_t>(items[j].date) - items[i].date <=
                                    static_cast<std::int64_t>(s.window_days)) {
          ++j;
        }
      } else {
        j = group_end;
      }
      if (j - i >= static_cast<std::size_t>(s.min_count)) {
        Cluster c;
        for (std::size_t k = i; k < j; ++k) c.push_back(items[k].row);
        clusters.push_back(std::move(c));
      }
      i = j;
    }
    group_begin = group_end;
  }
  return clusters;
}

std::vector<Cluster> split_runs(const Scenario& s, const std::vector<Item>& items, const GroupOrder& order,
                                const Column& amounts) {
  std::vector<Cluster> runs;
  std::vector<__int128> prefix;  // sums of amounts below the threshold cannot overflow 128 bits
  std::size_t group_begin = 0;
  while (group_begin < items.size()) {
    std::size_t group_end = group_begin + 1;
    while (group_end < items.size() && order.same_group(items[group_begin], items[group_end])) ++group_end;
    prefix.assign(1, 0);
    for (std::size_t k = group_begin; k < group_end; ++k)
      prefix.push_back(prefix.back() + amounts.amount(items[k].row));
    // Stretches start at each row; their ends only move forward, so the qualifying ones that share rows
    // join into the open run as they are found.
    std::size_t run_begin = 0;
    std::size_t run_end = 0;
    std::size_t stretch_end = group_begin;
    auto close_run = [&] {
      if (run_end > run_begin) {
        Cluster c;
        for (std::size_t k = run_begin; k < run_end; ++k) c.push_back(items[k].row);
        runs.push_back(std::move(c));
      }
      run_begin = run_end = 0;
    };
    for (std::size_t i = group_begin; i < group_end; ++i) {
      if (s.window_days > 0) {
        stretch_end = std::max(stretch_end, i + 1);
        while (stretch_end < group_end &&
               static_cast<std::int64_t>(items[stretch_end].date) - items[i].date <=
                   static_cast<std::int64_t>(s.window_days)) {
          ++stretch_end;
        }
      } else {
        stretch_end = group_end;
      }
      const bool qualifies = stretch_end - i >= static_cast<std::size_t>(s.min_count) &&
                             prefix[stretch_end - group_begin] - prefix[i - group_begin] >= s.threshold;
      if (!qualifies) continue;
      if (run_end > run_begin && i < run_end) {
        run_end = std::max(run_end, stretch_end);
      } else {
        close_run();
        run_begin = i;
        run_end = stretch_end;
      }
    }
    close_run();
    group_begin = group_end;
  }
  return runs;
}

std::vector<Flag> run_groups(const Scenario& s, const DataSet& primary) {
  const RowFilter filter(s, primary);
  std::vector<const Column*> group_columns;
  for (const auto& name : s.group_by) group_columns.push_back(primary.find(name));
  const KeyHasher key(group_columns);
  const Column* dates = s.date_column.empty() ? nullptr : primary.find(s.date_column);
  const Column* amounts = s.amount_column.empty() ? nullptr : primary.find(s.amount_column);
  const bool split = s.kind == ScenarioKind::split;

  std::vector<Item> items;
  for (std::uint32_t r = 0; r < primary.row_count(); ++r) {
    if (!filter.empty() && !filter(r)) continue;
    const std::uint64_t k = key(r);
    if (k == 0) continue;
    std::int32_t date = 0;
    if (dates != nullptr) {
      if (dates->is_missing(r) && s.window_days > 0) continue;
      // Without a window a row without a date still takes part, after the dated rows of its group.
      date = dates->is_missing(r) ? std::numeric_limits<std::int32_t>::max() : dates->date(r);
    }
    if (split) {
      const std::int64_t won = amounts->amount(r);
      if (amounts->is_missing(r) || won <= 0 || won >= s.threshold) continue;
    }
    items.push_back({k, date, r});
  }
  const GroupOrder order(group_columns);
  std::sort(items.begin(), items.end(), order);
  std::vector<Cluster> clusters =
      split ? split_runs(s, items, order, *amounts) : duplicate_clusters(s, items, order);

  // Groups are numbered in the order of their earliest row, so the numbers do not depend on hash values.
  std::vector<std::pair<std::uint32_t, std::size_t>> by_first;
  for (std::size_t i = 0; i < clusters.size(); ++i) {
    by_first.emplace_back(*std::min_element(clusters[i].begin(), clusters[i].end()), i);
  }
  std::sort(by_first.begin(), by_first.end());
  std::vector<Flag> flags;
  for (std::size_t g = 0; g < by_first.size(); ++g) {
    const Cluster& c = clusters[by_first[g].second];
    for (std::size_t k = split ? 0 : 1; k < c.size(); ++k) {
      Flag f{c[k], amount_of(amounts, c[k]), {}, {}, static_cast<std::uint32_t>(g + 1)};
      for (std::size_t e = 0; e < c.size() && f.primary_evidence.size() < kMaxEvidence; ++e) {
        if (e != k) f.primary_evidence.push_back(c[e]);
      }
      flags.push_back(std::move(f));
    }
  }
  std::sort(flags.begin(), flags.end(), [](const Flag& a, const Flag& b) { return a.row < b.row; });
  return flags;
}

}  // namespace

RunResult run(const Scenario& scenario, const DataSet& primary, const DataSet* secondary,
              const RunOptions& options) {
  RunResult result;
  result.id_column = scenario.id_column;
  result.flags = scenario.kind == ScenarioKind::match ? run_match(scenario, primary, *secondary, options)
                                                      : run_groups(scenario, primary);
  const Column* region = scenario.region_column.empty() ? nullptr : primary.find(scenario.region_column);
  std::vector<RegionTotal> per_code(region == nullptr ? 0 : region->dictionary().size());
  for (std::size_t i = 0; i < result.flags.size(); ++i) {
    const Flag& f = result.flags[i];
    // A flag's region is read at its row, far from the last one's: the read is asked for a few flags ahead.
    constexpr std::size_t kAhead = 16;
    if (region != nullptr && i + kAhead < result.flags.size()) {
      __builtin_prefetch(&region->code_ids()[result.flags[i + kAhead].row]);
    }
    result.total_amount += f.amount;
    if (region != nullptr) {
      RegionTotal& t = per_code[region->code_id(f.row)];
      ++t.count;
      t.total += f.amount;
    }
  }
  for (std::size_t id = 0; id < per_code.size(); ++id) {
    if (per_code[id].count == 0) continue;
    per_code[id].code = region->dictionary()[id];
    result.totals.push_back(std::move(per_code[id]));
  }
  std::sort(result.totals.begin(), result.totals.end(),
            [](const RegionTotal& a, const RegionTotal& b) { return a.code < b.code; });
  return result;
}

std::vector<std::uint32_t> top_by_amount(const RunResult& result, const DataSet& primary, std::size_t n) {
  const Column* ids = result.id_column.empty() ? nullptr : primary.find(result.id_column);
  auto id_of = [ids](std::uint32_t row) {
    if (ids == nullptr) return std::string_view();
    return ids->kind() == ColumnKind::code ? ids->code(row) : ids->text(row);
  };
  std::vector<std::uint32_t> positions(result.flags.size());
  for (std::uint32_t i = 0; i < positions.size(); ++i) positions[i] = i;
  const auto before = [&](std::uint32_t a, std::uint32_t b) {
    const Flag& x = result.flags[a];
    const Flag& y = result.flags[b];
    if (x.amount != y.amount) return x.amount > y.amount;
    const int d = id_of(x.row).compare(id_of(y.row));
    if (d != 0) return d < 0;
    return x.row < y.row;
  };
  n = std::min(n, positions.size());
  std::partial_sort(positions.begin(), positions.begin() + static_cast<std::ptrdiff_t>(n), positions.end(),
                    before);
  positions.resize(n);
  return positions;
}

}  // namespace sotong::audit::linkage
