#include "modules/audit/linkage/csv_import.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <thread>
#include <utility>

#include "modules/audit/linkage/code_table.hpp"
#include "modules/audit/linkage/huge_pages.hpp"
#include "modules/audit/linkage/value_parsers.hpp"

namespace sotong::audit::linkage {
namespace {

constexpr std::size_t kListedProblems = 20;
constexpr std::string_view kBom = "\xEF\xBB\xBF";
// Text arenas are indexed with 32-bit offsets, and an arena never holds more bytes than the file.
constexpr std::size_t kMaxBytes = std::numeric_limits<std::uint32_t>::max();

std::string with_commas(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

struct Problem {
  std::uint64_t line = 0;
  std::string text;
};

// The first problems in row order and how many there were in all.
struct Problems {
  std::vector<Problem> listed;
  std::uint64_t total = 0;

  void add(std::uint64_t line, std::string_view what, std::string_view header) {
    ++total;
    if (listed.size() >= kListedProblems) return;
    std::string text = std::to_string(line) + "행: " + std::string(what);
    if (!header.empty()) text += " (" + std::string(header) + " 열)";
    listed.push_back({line, std::move(text)});
  }
};

// A mapped column being filled. Its arrays are sized for every row of the file before parsing starts, and
// each thread writes only its own stretch of rows.
struct Target {
  ColumnMapping mapping;
  std::string header;
  std::vector<std::int32_t> days;
  std::vector<std::int64_t> won;
  std::vector<std::uint64_t> persons;
  std::vector<std::uint32_t> ids;
  std::vector<std::uint32_t> ends;
};

// What one thread keeps for itself while it reads its stretch: text, codes as first seen, counts, problems.
struct Part {
  std::vector<std::string> arenas;
  std::vector<CodeTable> codes;
  std::vector<std::uint32_t> missing;
  Problems problems;
  std::uint32_t rows = 0;

  explicit Part(std::size_t targets) : arenas(targets), codes(targets), missing(targets, 0) {}
};

// Puts one thread's fields into the targets, row by row from `first_row`.
class RowWriter {
 public:
  RowWriter(std::vector<Target>& targets, Part& part, const PersonHasher& hasher, std::uint32_t first_row)
      : targets_(targets), part_(part), hasher_(hasher), row_(first_row) {}

  void put(std::size_t t, std::string_view field, std::uint64_t line) {
    Target& target = targets_[t];
    switch (target.mapping.kind) {
      case ColumnKind::date: {
        std::int32_t days = kMissingDate;
        const Parsed p = parse_date(field, days);
        if (p == Parsed::invalid)
          part_.problems.add(line, "날짜 형식이 올바르지 않습니다(예: 2024-03-15)", target.header);
        if (p == Parsed::empty) ++part_.missing[t];
        target.days[row_] = p == Parsed::value ? days : kMissingDate;
        break;
      }
      case ColumnKind::amount: {
        std::int64_t won = kMissingAmount;
        const Parsed p = parse_amount(field, won);
        if (p == Parsed::invalid)
          part_.problems.add(line, "금액 형식이 올바르지 않습니다(원 단위 정수)", target.header);
        if (p == Parsed::empty) ++part_.missing[t];
        target.won[row_] = p == Parsed::value ? won : kMissingAmount;
        break;
      }
      case ColumnKind::person: {
        // The number lives only in this stack buffer for the moment it takes to hash it; messages never
        // quote it.
        std::array<char, 13> digits{};
        const Parsed p = parse_resident_number(field, digits);
        if (p == Parsed::invalid)
          part_.problems.add(line, "주민등록번호 형식이 올바르지 않습니다", target.header);
        if (p == Parsed::empty) ++part_.missing[t];
        target.persons[row_] = p == Parsed::value
                                   ? hasher_.hash(std::string_view(digits.data(), digits.size()))
                                   : kMissingPerson;
        break;
      }
      case ColumnKind::code:
        target.ids[row_] = part_.codes[t].id(trim_blanks(field));
        break;
      case ColumnKind::text: {
        std::string& arena = part_.arenas[t];
        arena.append(trim_blanks(field));
        target.ends[row_] = static_cast<std::uint32_t>(arena.size());
        break;
      }
    }
  }

  void next_row() {
    ++row_;
    ++part_.rows;
  }

 private:
  std::vector<Target>& targets_;
  Part& part_;
  const PersonHasher& hasher_;
  std::uint32_t row_;
};

// Reads one quoted field starting at the opening quote, leaving p after it. Characters between the closing
// quote and the next separator are kept, as spreadsheets do with such a field.
void read_quoted(const char*& p, const char* end, std::string& out) {
  out.clear();
  ++p;
  for (;;) {
    const auto* q = static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(end - p)));
    if (q == nullptr) {  // an unterminated quote ends with the text
      out.append(p, end);
      p = end;
      return;
    }
    out.append(p, q);
    p = q + 1;
    if (p < end && *p == '"') {
      out.push_back('"');
      ++p;
      continue;
    }
    break;
  }
  while (p < end && *p != ',' && *p != '\n') {
    if (!(*p == '\r' && (p + 1 == end || p[1] == '\n'))) out.push_back(*p);
    ++p;
  }
}

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHigh = 0x8080808080808080ULL;

// The high bit of the lowest byte of w equal to the pattern's byte is set (bytes above it may be set too).
std::uint64_t bytes_equal(std::uint64_t w, std::uint64_t pattern) {
  const std::uint64_t x = w ^ pattern;
  return (x - kOnes) & ~x & kHigh;
}

// One field without quotes: up to the next comma or line end, a CR before the line end dropped. Eight bytes
// are looked at a time: this loop reads every byte of a file of half a gigabyte.
std::string_view read_plain(const char*& p, const char* end) {
  const char* start = p;
  bool found = false;
  if constexpr (std::endian::native == std::endian::little) {
    while (end - p >= 8) {
      std::uint64_t w = 0;
      std::memcpy(&w, p, 8);
      const std::uint64_t m = bytes_equal(w, kOnes * ',') | bytes_equal(w, kOnes * '\n');
      if (m != 0) {
        p += static_cast<unsigned>(__builtin_ctzll(m)) / 8U;
        found = true;
        break;
      }
      p += 8;
    }
  }
  if (!found) {
    while (p < end && *p != ',' && *p != '\n') ++p;
  }
  const char* stop = p;
  if (stop > start && stop[-1] == '\r' && (p == end || *p == '\n')) --stop;
  return {start, static_cast<std::size_t>(stop - start)};
}

// A blank line (nothing, or only CR, before its LF) at p: skipped, not a row.
bool skip_blank_line(const char*& p, const char* end) {
  if (*p == '\n') {
    ++p;
    return true;
  }
  if (*p == '\r' && (p + 1 == end || p[1] == '\n')) {
    p += p + 1 == end ? 1 : 2;
    return true;
  }
  return false;
}

// Reads one whole record into fields (for the header and the preview), leaving p at the next record.
std::vector<std::string> read_record(const char*& p, const char* end) {
  std::vector<std::string> fields;
  std::string quoted;
  for (;;) {
    if (p < end && *p == '"') {
      read_quoted(p, end, quoted);
      fields.push_back(quoted);
    } else {
      fields.emplace_back(read_plain(p, end));
    }
    if (p < end && *p == ',') {
      ++p;
      continue;
    }
    if (p < end) ++p;
    return fields;
  }
}

// The rows of one stretch of the body. Rows are numbered as a spreadsheet shows them: blank lines count.
void parse_stretch(std::string_view text, std::uint64_t first_line, std::size_t expected_fields,
                   const std::vector<int>& field_target, RowWriter& writer, Part& part) {
  const char* p = text.data();
  const char* end = p + text.size();
  std::uint64_t line = first_line;
  std::string quoted;
  while (p < end) {
    if (skip_blank_line(p, end)) {
      ++line;
      continue;
    }
    std::size_t field = 0;
    for (;;) {
      std::string_view value;
      if (p < end && *p == '"') {
        read_quoted(p, end, quoted);
        value = quoted;
      } else {
        value = read_plain(p, end);
      }
      if (field < expected_fields && field_target[field] >= 0) {
        writer.put(static_cast<std::size_t>(field_target[field]), value, line);
      }
      ++field;
      if (p < end && *p == ',') {
        ++p;
        continue;
      }
      if (p < end) ++p;
      break;
    }
    if (field != expected_fields) {
      part.problems.add(
          line,
          "칸이 " + std::to_string(expected_fields) + "개여야 하는데 " + std::to_string(field) + "개입니다",
          "");
    }
    writer.next_row();
    ++line;
  }
}

// Line feeds in the text, eight bytes at a time: sizes the columns before the rows are read.
std::size_t count_line_feeds(std::string_view text) {
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  std::size_t n = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, text.data() + i, 8);
    w ^= kOnes * '\n';
    // The high bit of each byte of t is set exactly where w's byte is zero (no carries between bytes).
    const std::uint64_t t = ~(((w & kLow7) + kLow7) | w | kLow7);
    // One bit per matching byte moved to the byte's bottom, then summed into the top byte by the multiply.
    n += static_cast<std::size_t>(((t >> 7U) * kOnes) >> 56U);
  }
  for (; i < text.size(); ++i) n += text[i] == '\n' ? 1 : 0;
  return n;
}

std::size_t row_bound(std::string_view text) {
  return count_line_feeds(text) + (!text.empty() && text.back() != '\n' ? 1 : 0);
}

// The mapped columns' targets and, for each field of the file, the target it fills (-1: skipped). Missing
// or repeated mappings are errors.
Result<std::vector<int>> match_headers(const std::vector<std::string>& headers,
                                       const std::vector<ColumnMapping>& mappings,
                                       std::vector<Target>& targets) {
  std::vector<int> field_target(headers.size(), -1);
  std::vector<FieldError> problems;
  for (std::size_t m = 0; m < mappings.size(); ++m) {
    const auto& mapping = mappings[m];
    for (std::size_t k = 0; k < m; ++k) {
      if (mappings[k].name == mapping.name) {
        problems.push_back({mapping.name, "열 이름 ‘" + mapping.name + "’이 두 번 쓰였습니다."});
      }
    }
    const std::string_view wanted = trim_blanks(mapping.source_header);
    const auto found = std::find_if(headers.begin(), headers.end(),
                                    [&](const std::string& h) { return trim_blanks(h) == wanted; });
    if (found == headers.end()) {
      problems.push_back({mapping.name, "파일에 ‘" + std::string(wanted) + "’ 열이 없습니다."});
      continue;
    }
    const auto field = static_cast<std::size_t>(found - headers.begin());
    if (field_target[field] >= 0) {
      problems.push_back({mapping.name, "‘" + std::string(wanted) + "’ 열을 두 번 가져올 수 없습니다."});
      continue;
    }
    field_target[field] = static_cast<int>(targets.size());
    targets.push_back({mapping, std::string(wanted), {}, {}, {}, {}, {}});
  }
  if (!problems.empty()) {
    std::string message = "열 연결을 확인해 주세요.";
    for (const auto& p : problems) message += "\n" + p.message;
    return Error::invalid(std::move(message), std::move(problems));
  }
  return field_target;
}

template <typename T>
void size_array(std::vector<T>& v, std::size_t rows) {
  v.reserve(rows);
  advise_huge_pages(v.data(), rows * sizeof(T));
  v.resize(rows);
}

void size_targets(std::vector<Target>& targets, std::size_t rows) {
  for (auto& t : targets) {
    switch (t.mapping.kind) {
      case ColumnKind::date:
        size_array(t.days, rows);
        break;
      case ColumnKind::amount:
        size_array(t.won, rows);
        break;
      case ColumnKind::person:
        size_array(t.persons, rows);
        break;
      case ColumnKind::code:
        size_array(t.ids, rows);
        break;
      case ColumnKind::text:
        size_array(t.ends, rows);
        break;
    }
  }
}

template <typename T>
void close_gap(std::vector<T>& v, std::size_t from, std::size_t to, std::size_t count, std::size_t total) {
  if (from != to && !v.empty()) std::memmove(v.data() + to, v.data() + from, count * sizeof(T));
  v.resize(total);
}

// Joins the second part's stretch onto the first's: its codes renumbered into the first's dictionary, its
// text appended to the first's arena, its rows moved down when the first part had blank lines.
void merge_parts(std::vector<Target>& targets, Part& first, Part& second, std::size_t second_from) {
  const std::size_t from = second_from;
  const std::size_t to = first.rows;
  const std::size_t total = static_cast<std::size_t>(first.rows) + second.rows;
  for (std::size_t t = 0; t < targets.size(); ++t) {
    Target& target = targets[t];
    first.missing[t] += second.missing[t];
    switch (target.mapping.kind) {
      case ColumnKind::date:
        close_gap(target.days, from, to, second.rows, total);
        break;
      case ColumnKind::amount:
        close_gap(target.won, from, to, second.rows, total);
        break;
      case ColumnKind::person:
        close_gap(target.persons, from, to, second.rows, total);
        break;
      case ColumnKind::code: {
        std::vector<std::uint32_t> renumber;
        renumber.reserve(second.codes[t].values().size());
        for (const auto& value : second.codes[t].values()) renumber.push_back(first.codes[t].id(value));
        for (std::size_t r = from; r < from + second.rows; ++r) target.ids[r] = renumber[target.ids[r]];
        close_gap(target.ids, from, to, second.rows, total);
        break;
      }
      case ColumnKind::text: {
        const auto offset = static_cast<std::uint32_t>(first.arenas[t].size());
        first.arenas[t].append(second.arenas[t]);
        second.arenas[t] = std::string();
        for (std::size_t r = from; r < from + second.rows; ++r) target.ends[r] += offset;
        close_gap(target.ends, from, to, second.rows, total);
        break;
      }
    }
  }
  for (auto& p : second.problems.listed) {
    if (first.problems.listed.size() < kListedProblems) first.problems.listed.push_back(std::move(p));
  }
  first.problems.total += second.problems.total;
  first.rows = static_cast<std::uint32_t>(total);
}

Error problems_error(const Problems& problems) {
  std::string message =
      "파일을 가져오지 못했습니다. 고칠 곳이 " + with_commas(problems.total) + "건 있습니다";
  if (problems.total > problems.listed.size()) {
    message += "(처음 " + std::to_string(problems.listed.size()) + "건만 보입니다)";
  }
  message += ".";
  std::vector<FieldError> fields;
  for (const auto& p : problems.listed) {
    message += "\n" + p.text;
    fields.push_back({"line:" + std::to_string(p.line), p.text});
  }
  return Error::invalid(std::move(message), std::move(fields));
}

Error too_many_rows(std::size_t limit) {
  return {
      ErrorCode::too_large, "행이 " + with_commas(limit) + "개를 넘습니다. 파일을 나누어 올려 주세요.", {}};
}

// The finished targets as a data set (the part holds the whole file by now).
ImportOutcome finish(std::vector<Target>& targets, Part& part) {
  std::vector<Column> columns;
  for (std::size_t t = 0; t < targets.size(); ++t) {
    Target& target = targets[t];
    std::string name = target.mapping.name;
    switch (target.mapping.kind) {
      case ColumnKind::date:
        target.days.resize(part.rows);
        columns.push_back(Column::make_dates(std::move(name), std::move(target.days)));
        break;
      case ColumnKind::amount:
        target.won.resize(part.rows);
        columns.push_back(Column::make_amounts(std::move(name), std::move(target.won)));
        break;
      case ColumnKind::person:
        target.persons.resize(part.rows);
        columns.push_back(Column::make_persons(std::move(name), std::move(target.persons)));
        break;
      case ColumnKind::code:
        target.ids.resize(part.rows);
        columns.push_back(
            Column::make_codes(std::move(name), std::move(target.ids), part.codes[t].take_values()));
        break;
      case ColumnKind::text:
        target.ends.resize(part.rows);
        columns.push_back(
            Column::make_texts(std::move(name), std::move(part.arenas[t]), std::move(target.ends)));
        break;
    }
  }
  return ImportOutcome{DataSet(part.rows, std::move(columns)), std::move(part.missing)};
}

void reserve_arenas(const std::vector<Target>& targets, Part& part, std::size_t bytes) {
  // Reserved, not touched: the pages a text column does not fill never become resident.
  for (std::size_t t = 0; t < targets.size(); ++t) {
    if (targets[t].mapping.kind == ColumnKind::text) {
      part.arenas[t].reserve(bytes);
      advise_huge_pages(part.arenas[t].data(), bytes);
    }
  }
}

}  // namespace

Result<ImportOutcome> import_csv(std::string_view utf8_csv, const std::vector<ColumnMapping>& mappings,
                                 const PersonHasher& hasher, const ImportLimits& limits) {
  if (utf8_csv.size() > std::min(limits.max_bytes, kMaxBytes)) {
    return Error{ErrorCode::too_large,
                 "파일이 " + with_commas(std::min(limits.max_bytes, kMaxBytes)) + "바이트를 넘습니다.",
                 {}};
  }
  if (utf8_csv.starts_with(kBom)) utf8_csv.remove_prefix(kBom.size());
  if (utf8_csv.empty()) return Error::invalid("파일이 비어 있습니다. 첫 줄에 열 이름이 있어야 합니다.");
  const char* p = utf8_csv.data();
  const char* end = p + utf8_csv.size();
  const std::vector<std::string> headers = read_record(p, end);
  std::vector<Target> targets;
  auto field_target = match_headers(headers, mappings, targets);
  if (!field_target) return field_target.error();
  const std::string_view body(p, static_cast<std::size_t>(end - p));

  std::size_t split = std::string_view::npos;
  if (limits.threads >= 2 && body.size() >= limits.parallel_min_bytes &&
      body.find('"') == std::string_view::npos) {
    split = body.find('\n', body.size() / 2);
    if (split != std::string_view::npos) ++split;
    if (split == body.size()) split = std::string_view::npos;
  }

  if (split == std::string_view::npos) {
    const std::size_t bound = row_bound(body);
    size_targets(targets, bound);
    Part part(targets.size());
    reserve_arenas(targets, part, body.size());
    RowWriter writer(targets, part, hasher, 0);
    parse_stretch(body, 2, headers.size(), *field_target, writer, part);
    if (part.problems.total > 0) return problems_error(part.problems);
    if (part.rows > limits.max_rows) return too_many_rows(limits.max_rows);
    return finish(targets, part);
  }

  // Two stretches split at a line end. Without quote characters a line is a row, so the second stretch's
  // first row number is known, and each thread fills its own rows of the same arrays.
  const std::string_view first_text = body.substr(0, split);
  const std::string_view second_text = body.substr(split);
  std::size_t second_bound = 0;
  std::thread counter([&] { second_bound = row_bound(second_text); });
  const std::size_t first_bound = row_bound(first_text);
  counter.join();
  if (first_bound + second_bound > std::numeric_limits<std::uint32_t>::max())
    return too_many_rows(limits.max_rows);
  size_targets(targets, first_bound + second_bound);
  Part first(targets.size());
  Part second(targets.size());
  reserve_arenas(targets, first, body.size());
  reserve_arenas(targets, second, second_text.size());
  std::thread worker([&] {
    RowWriter writer(targets, second, hasher, static_cast<std::uint32_t>(first_bound));
    parse_stretch(second_text, 2 + first_bound, headers.size(), *field_target, writer, second);
  });
  RowWriter writer(targets, first, hasher, 0);
  parse_stretch(first_text, 2, headers.size(), *field_target, writer, first);
  worker.join();
  if (first.problems.total + second.problems.total > 0) {
    merge_parts(targets, first, second, first_bound);
    return problems_error(first.problems);
  }
  if (static_cast<std::size_t>(first.rows) + second.rows > limits.max_rows)
    return too_many_rows(limits.max_rows);
  merge_parts(targets, first, second, first_bound);
  return finish(targets, first);
}

Result<ImportOutcome> import_rows(const std::vector<std::vector<std::string>>& rows,
                                  const std::vector<ColumnMapping>& mappings, const PersonHasher& hasher,
                                  const ImportLimits& limits) {
  if (rows.empty()) return Error::invalid("표가 비어 있습니다. 첫 행에 열 이름이 있어야 합니다.");
  if (rows.size() - 1 > limits.max_rows) return too_many_rows(limits.max_rows);
  std::vector<std::string> headers = rows.front();
  if (!headers.empty() && headers.front().starts_with(kBom)) headers.front().erase(0, kBom.size());
  std::vector<Target> targets;
  auto field_target = match_headers(headers, mappings, targets);
  if (!field_target) return field_target.error();
  size_targets(targets, rows.size() - 1);
  Part part(targets.size());
  RowWriter writer(targets, part, hasher, 0);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& row = rows[i];
    const std::uint64_t line = i + 1;
    if (std::all_of(row.begin(), row.end(), [](const std::string& c) { return trim_blanks(c).empty(); })) {
      continue;  // a blank row, as a blank line of a CSV
    }
    if (row.size() != headers.size()) {
      part.problems.add(line,
                        "칸이 " + std::to_string(headers.size()) + "개여야 하는데 " +
                            std::to_string(row.size()) + "개입니다",
                        "");
    }
    for (std::size_t f = 0; f < std::min(row.size(), headers.size()); ++f) {
      if ((*field_target)[f] >= 0) writer.put(static_cast<std::size_t>((*field_target)[f]), row[f], line);
    }
    writer.next_row();
  }
  if (part.problems.total > 0) return problems_error(part.problems);
  return finish(targets, part);
}

Result<Preview> preview_csv(std::string_view utf8_csv, std::size_t max_rows) {
  if (utf8_csv.starts_with(kBom)) utf8_csv.remove_prefix(kBom.size());
  if (utf8_csv.empty()) return Error::invalid("파일이 비어 있습니다. 첫 줄에 열 이름이 있어야 합니다.");
  const char* p = utf8_csv.data();
  const char* end = p + utf8_csv.size();
  Preview preview;
  for (auto& h : read_record(p, end)) preview.headers.push_back(mask_resident_numbers(trim_blanks(h)));
  while (p < end && preview.rows.size() < max_rows) {
    if (skip_blank_line(p, end)) continue;
    auto fields = read_record(p, end);
    for (auto& f : fields) f = mask_resident_numbers(f);
    preview.rows.push_back(std::move(fields));
  }
  return preview;
}

}  // namespace sotong::audit::linkage
