#include "platform/imports/worksheet.hpp"

#include <optional>

#include "core/korean_text.hpp"
#include "platform/imports/xml_scanner.hpp"

namespace sotong::platform::imports {
namespace {

constexpr std::size_t kMaxRows = 1'048'576;  // Excel's own limits: a reference beyond them is damage
constexpr std::size_t kMaxColumns = 16'384;

Error malformed(const XmlScanner& scanner) {
  return Error::invalid("XML이 올바르지 않습니다 (" + scanner.error() + ").");
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::size_t> parse_count(std::string_view digits) {
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  std::size_t n = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  return n;
}

struct CellPosition {
  std::size_t row;  // from 0
  std::size_t column;
};

/// "AB12" → row 11, column 27; nullopt for anything that is not a reference inside Excel's grid.
std::optional<CellPosition> parse_reference(std::string_view ref) {
  std::size_t i = 0, column = 0;
  for (; i < ref.size() && i < 4; ++i) {
    char c = ref[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
  }
  const auto row = parse_count(ref.substr(i));
  if (i == 0 || !row || *row == 0 || *row > kMaxRows || column > kMaxColumns) return std::nullopt;
  return CellPosition{*row - 1, column - 1};
}

/// The cell being read: its place, its type (t=) and the text of its <v> and <is>.
struct Cell {
  std::size_t column = 0;
  std::string type;
  std::string value;
  std::string inline_text;
  bool has_inline = false;
};

Result<std::string> cell_text(Cell& cell, const std::vector<std::string>& shared) {
  if (cell.type == "s") {
    if (cell.value.empty()) return std::string();
    const auto index = parse_count(cell.value);
    if (!index || *index >= shared.size()) {
      return Error::invalid("공유 문자열 번호(" + cell.value + ")가 목록에 없습니다.");
    }
    return shared[*index];
  }
  if (cell.type == "inlineStr") return unescape_cell_text(cell.has_inline ? cell.inline_text : cell.value);
  if (cell.type == "b") {
    if (cell.value == "1") return std::string("TRUE");
    if (cell.value == "0") return std::string("FALSE");
  }
  if (cell.type == "str") return unescape_cell_text(cell.value);
  return std::move(cell.value);  // n (number), e (error), d (ISO date): the text as written
}

/// Rows grown to take each value, counting every cell they hold against the limit.
class Grid {
 public:
  explicit Grid(std::size_t max_cells) : max_cells_(max_cells) {}

  bool place(std::size_t row, std::size_t column, std::string text) {
    if (row >= rows_.size()) rows_.resize(row + 1);
    CsvRow& cells = rows_[row];
    if (column >= cells.size()) {
      const std::size_t added = column + 1 - cells.size();
      if (count_ + added > max_cells_) return false;
      count_ += added;
      cells.resize(column + 1);
    }
    cells[column] = std::move(text);
    return true;
  }
  std::vector<CsvRow> take() { return std::move(rows_); }

 private:
  std::vector<CsvRow> rows_;
  std::size_t count_ = 0;
  std::size_t max_cells_;
};
}  // namespace

std::string unescape_cell_text(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
      char32_t code = 0;
      bool hex = true;
      for (std::size_t k = i + 2; k < i + 6; ++k) {
        const int d = hex_digit(text[k]);
        hex = hex && d >= 0;
        code = code * 16 + static_cast<char32_t>(d < 0 ? 0 : d);
      }
      if (hex && (code < 0xD800 || code > 0xDFFF)) {  // a lone surrogate half stays as written
        if (code != 0) append_utf8(code, out);
        i += 6;
        continue;
      }
    }
    out.push_back(text[i]);
  }
  return out;
}

Result<std::vector<std::string>> parse_shared_strings(std::string_view xml) {
  XmlScanner scanner(xml);
  std::vector<std::string> strings;
  std::string current;
  bool in_item = false, in_text = false;
  int phonetic = 0;  // inside <rPh>: a reading guide shown above the text, not part of it
  for (XmlToken token = scanner.next(); token.kind != XmlTokenKind::done; token = scanner.next()) {
    switch (token.kind) {
      case XmlTokenKind::error:
        return malformed(scanner);
      case XmlTokenKind::text:
        if (in_text && !append_text(token, current))
          return Error::invalid("XML의 문자 참조가 올바르지 않습니다.");
        break;
      case XmlTokenKind::start:
        if (token.name == "si") {
          if (token.self_closing) {
            strings.emplace_back();
          } else {
            in_item = true;
            current.clear();
          }
        } else if (token.name == "rPh" && !token.self_closing) {
          ++phonetic;
        } else if (token.name == "t" && in_item && phonetic == 0 && !token.self_closing) {
          in_text = true;
        }
        break;
      case XmlTokenKind::end:
        if (token.name == "t") {
          in_text = false;
        } else if (token.name == "rPh" && phonetic > 0) {
          --phonetic;
        } else if (token.name == "si" && in_item) {
          strings.push_back(unescape_cell_text(current));
          in_item = false;
        }
        break;
      case XmlTokenKind::done:
        break;
    }
  }
  return strings;
}

Result<std::vector<CsvRow>> parse_worksheet(std::string_view xml, const std::vector<std::string>& shared,
                                            std::size_t max_cells) {
  XmlScanner scanner(xml);
  Grid grid(max_cells);
  bool in_data = false, in_cell = false, in_inline = false;
  std::size_t row = 0, next_row = 0, next_column = 0;
  Cell cell;
  std::string* capture = nullptr;  // where the text being read goes: the cell's <v> or its inline <t>
  int phonetic = 0;
  const Error too_many =
      Error::invalid("칸이 " + std::to_string(max_cells) + "개를 넘습니다. 파일을 나누어 올려 주세요.");

  for (XmlToken token = scanner.next(); token.kind != XmlTokenKind::done; token = scanner.next()) {
    if (token.kind == XmlTokenKind::error) return malformed(scanner);
    if (token.kind == XmlTokenKind::text) {
      if (capture && !append_text(token, *capture))
        return Error::invalid("XML의 문자 참조가 올바르지 않습니다.");
      continue;
    }
    const bool start = token.kind == XmlTokenKind::start;
    if (token.name == "sheetData") {
      in_data = start && !token.self_closing;
      continue;
    }
    if (!in_data) continue;  // columns, merged cells, headers and footers: not the table

    if (start && token.name == "row") {
      if (const auto r = attribute(token.attributes, "r")) {
        const auto number = parse_count(*r);
        if (!number || *number == 0 || *number > kMaxRows)
          return Error::invalid("행 번호(" + *r + ")가 잘못되었습니다.");
        row = *number - 1;
      } else {
        row = next_row;  // r= may be left out: the row after the last one
        if (row >= kMaxRows) return Error::invalid("행이 1,048,576개를 넘습니다.");
      }
      next_row = row + 1;
      next_column = 0;
    } else if (start && token.name == "c") {
      cell = Cell{};
      cell.column = next_column;
      if (const auto r = attribute(token.attributes, "r")) {
        const auto position = parse_reference(*r);
        if (!position) return Error::invalid("셀 주소(" + *r + ")가 잘못되었습니다.");
        cell.column = position->column;
      } else if (cell.column >= kMaxColumns) {
        return Error::invalid("열이 16,384개를 넘습니다.");
      }
      cell.type = attribute(token.attributes, "t").value_or("n");
      next_column = cell.column + 1;
      in_cell = !token.self_closing;  // <c r="B2" s="1"/>: a formatted cell with nothing in it
    } else if (in_cell && token.name == "v") {
      capture = start && !token.self_closing ? &cell.value : nullptr;
    } else if (in_cell && token.name == "is") {
      in_inline = start && !token.self_closing;
      cell.has_inline = true;
    } else if (in_cell && token.name == "rPh") {
      if (start && !token.self_closing) ++phonetic;
      if (!start && phonetic > 0) --phonetic;
    } else if (in_inline && token.name == "t") {
      capture = start && !token.self_closing && phonetic == 0 ? &cell.inline_text : nullptr;
    } else if (!start && token.name == "c" && in_cell) {
      in_cell = false;
      capture = nullptr;
      auto text = cell_text(cell, shared);
      if (!text) return text.error();
      if (!text->empty() && !grid.place(row, cell.column, std::move(*text))) return too_many;
    }
  }
  return grid.take();
}

}  // namespace sotong::platform::imports
