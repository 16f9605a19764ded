// XLSX through libxlsxwriter, which (1.1.4) writes only to a file: a private temporary file, read back and
// always removed.
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <span>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "core/clock.hpp"
#include "core/korean_text.hpp"
#include "platform/exports/exports.hpp"

namespace sotong::platform::exports {
namespace {

constexpr std::size_t kMaxRows = 1'048'575;  // below the header row
constexpr std::size_t kMaxCellChars = 32'767;
constexpr std::size_t kAutoFitRows = 1'000;

/// Decodes one UTF-8 character at `i` (advancing it); each invalid byte reads as U+FFFD.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  if (utf8_sequence_length(s, i) == 0) {
    ++i;
    return 0xFFFD;
  }
  return decode_utf8_at(s, i);
}

/// Width in Excel character units: East Asian characters take two.
int display_width(std::string_view s) {
  int width = 0;
  for (std::size_t i = 0; i < s.size();) width += next_code_point(s, i) >= 0x1100 ? 2 : 1;
  return width;
}

/// The first `max` characters (UTF-16 units, as Excel counts) of `s`, cut on a character boundary.
std::string_view first_chars(std::string_view s, std::size_t max) {
  std::size_t units = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    units += next_code_point(s, i) > 0xFFFF ? 2 : 1;
    if (units > max) return s.substr(0, start);
  }
  return s;
}

struct DateCell {
  lxw_datetime value;
  bool has_time;
};

std::optional<DateCell> parse_date_cell(std::string_view text) {
  if (text.size() != 10 && text.size() != 16 && text.size() != 19) return std::nullopt;
  auto date = parse_date(text.substr(0, 10));
  if (!date) return std::nullopt;
  DateCell cell{{date->year, date->month, date->day, 0, 0, 0.0}, text.size() > 10};
  if (cell.has_time) {
    auto two = [&](std::size_t at) -> int {
      const char a = text[at], b = text[at + 1];
      if (a < '0' || a > '9' || b < '0' || b > '9') return -1;
      return (a - '0') * 10 + (b - '0');
    };
    const int hour = two(11), minute = two(14), second = text.size() == 19 ? two(17) : 0;
    if (text[10] != ' ' || text[13] != ':' || (text.size() == 19 && text[16] != ':')) return std::nullopt;
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return std::nullopt;
    cell.value.hour = hour;
    cell.value.min = minute;
    cell.value.sec = second;
  }
  return cell;
}

/// A private temporary file, removed when this goes out of scope.
class TempFile {
 public:
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "sotong-export-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("엑셀 파일을 만들 임시 파일을 열 수 없습니다.");
    ::close(fd);
    path_ = std::move(pattern);
  }
  ~TempFile() { ::unlink(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void check(lxw_error error, const char* what) {
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error(std::string("엑셀 파일을 쓰지 못했습니다 (") + what +
                             "): " + lxw_strerror(error));
  }
}

/// Owns the workbook until it is closed (closing writes the file and frees it).
class Workbook {
 public:
  explicit Workbook(const std::string& path) : book_(workbook_new(path.c_str())) {
    if (!book_) throw std::runtime_error("엑셀 통합 문서를 만들 수 없습니다.");
  }
  ~Workbook() {
    if (book_) workbook_close(book_);
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;
  lxw_workbook* get() { return book_; }
  void close() {
    lxw_workbook* book = std::exchange(book_, nullptr);
    check(workbook_close(book), "저장");
  }

 private:
  lxw_workbook* book_;
};

/// The cell formats every sheet shares, added to the workbook once.
struct Formats {
  lxw_format* header;
  lxw_format* integer;
  lxw_format* decimal;
  lxw_format* date;
  lxw_format* minute;
};

Formats add_formats(lxw_workbook* book) {
  Formats f{};
  f.header = workbook_add_format(book);
  format_set_bold(f.header);
  format_set_bg_color(f.header, 0xDCE6F2);
  format_set_pattern(f.header, LXW_PATTERN_SOLID);
  format_set_border(f.header, LXW_BORDER_THIN);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(f.header);
  f.integer = workbook_add_format(book);
  format_set_num_format(f.integer, "#,##0");
  f.decimal = workbook_add_format(book);
  format_set_num_format(f.decimal, "#,##0.0##");
  f.date = workbook_add_format(book);
  format_set_num_format(f.date, "yyyy-mm-dd");
  format_set_align(f.date, LXW_ALIGN_LEFT);
  f.minute = workbook_add_format(book);
  format_set_num_format(f.minute, "yyyy-mm-dd hh:mm");
  format_set_align(f.minute, LXW_ALIGN_LEFT);
  return f;
}

void write_sheet(lxw_workbook* book, const Formats& formats, const Table& table, const std::string& name) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, name.c_str());
  if (!sheet) throw std::runtime_error("엑셀 시트를 만들 수 없습니다: " + name);

  const auto columns = static_cast<lxw_col_t>(table.columns.size());
  for (lxw_col_t c = 0; c < columns; ++c) {
    const Column& column = table.columns[c];
    int width = column.width;
    if (width <= 0) {
      width = display_width(column.header) + 2;
      const std::size_t sample = std::min(table.rows.size(), kAutoFitRows);
      for (std::size_t r = 0; r < sample; ++r) {
        if (c < table.rows[r].size()) width = std::max(width, display_width(table.rows[r][c]) + 1);
      }
      width = std::clamp(width, 6, 60);
    }
    check(worksheet_set_column(sheet, c, c, width, nullptr), "열 너비");
    check(worksheet_write_string(sheet, 0, c, std::string(first_chars(column.header, kMaxCellChars)).c_str(),
                                 formats.header),
          "머리글");
  }
  check(worksheet_set_row(sheet, 0, 20, nullptr), "머리글 높이");

  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    const auto& cells = table.rows[r];
    for (lxw_col_t c = 0; c < columns && c < cells.size(); ++c) {
      const std::string& text = cells[c];
      if (text.empty()) continue;
      const ColumnKind kind = table.columns[c].kind;
      if (kind == ColumnKind::number) {
        if (auto n = parse_number(text)) {
          const bool whole = text.find('.') == std::string::npos;
          check(worksheet_write_number(sheet, row, c, *n, whole ? formats.integer : formats.decimal), "숫자");
          continue;
        }
      } else if (kind == ColumnKind::date) {
        if (auto d = parse_date_cell(text)) {
          check(
              worksheet_write_datetime(sheet, row, c, &d->value, d->has_time ? formats.minute : formats.date),
              "날짜");
          continue;
        }
      }
      check(worksheet_write_string(sheet, row, c, std::string(first_chars(text, kMaxCellChars)).c_str(),
                                   nullptr),
            "글자");
    }
  }
  if (columns > 0) {
    worksheet_freeze_panes(sheet, 1, 0);
    check(worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(table.rows.size()), columns - 1),
          "자동 필터");
  }
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

/// Each table's sheet_name, with " (2)", " (3)" … added to a name an earlier sheet already has (Excel
/// compares sheet names without regard to case), the name cut so that it stays within 31 characters.
std::vector<std::string> unique_sheet_names(std::span<const Table> tables) {
  std::vector<std::string> names;
  std::set<std::string> taken;
  for (const Table& table : tables) {
    const std::string base = sheet_name(table.title);
    std::string name = base;
    for (int n = 2; taken.contains(lowercase(name)); ++n) {
      const std::string suffix = " (" + std::to_string(n) + ")";
      name = std::string(first_chars(base, LXW_SHEETNAME_MAX - suffix.size())) + suffix;
    }
    taken.insert(lowercase(name));
    names.push_back(std::move(name));
  }
  return names;
}

/// The workbook of one sheet per table, in order; the document's title is the first table's.
std::string write_workbook(std::span<const Table> tables) {
  if (tables.empty()) throw std::invalid_argument("엑셀 통합 문서에 담을 표가 없습니다.");
  for (const Table& table : tables) {
    if (table.rows.size() > kMaxRows) {
      throw std::length_error(
          "엑셀 한 시트에 담을 수 있는 행 수(1,048,575)를 넘습니다. CSV로 내려받으십시오.");
    }
  }
  const std::vector<std::string> names = unique_sheet_names(tables);
  TempFile file;
  {
    Workbook book(file.path());
    std::string title = tables.front().title;
    lxw_doc_properties properties{};
    properties.title = title.data();
    check(workbook_set_properties(book.get(), &properties), "문서 정보");
    const Formats formats = add_formats(book.get());
    for (std::size_t i = 0; i < tables.size(); ++i) write_sheet(book.get(), formats, tables[i], names[i]);
    book.close();
  }
  std::ifstream in(file.path(), std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw std::runtime_error("만든 엑셀 파일을 읽을 수 없습니다.");
  return std::move(bytes).str();
}
}  // namespace

std::string sheet_name(std::string_view title) {
  std::string name;
  for (const char c : title) {
    const bool forbidden = c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' ||
                           c == '\\' || (static_cast<unsigned char>(c) < 0x20);
    name.push_back(forbidden ? ' ' : c);
  }
  auto trim = [&] {
    const auto first = name.find_first_not_of(" '");
    const auto last = name.find_last_not_of(" '");
    name = first == std::string::npos ? "" : name.substr(first, last - first + 1);
  };
  trim();
  name = std::string(first_chars(name, LXW_SHEETNAME_MAX));
  trim();
  if (name.empty()) return "Sheet1";
  if (lowercase(name) == "history") name += " 1";  // Excel keeps "History" for itself
  return name;
}

std::string to_xlsx(const Table& table) {
  return write_workbook(std::span<const Table>(&table, 1));
}

std::string to_xlsx(const std::vector<Table>& tables) {
  return write_workbook(tables);
}

}  // namespace sotong::platform::exports
