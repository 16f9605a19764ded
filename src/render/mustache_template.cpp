#include "render/mustache_template.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

namespace sotong::render {

/// One level of the context stack; the levels below live in the callers' frames.
struct MustacheTemplate::Frame {
  const View* view;
  const Frame* below;
};

namespace {

bool only_blanks(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t'; });
}

}  // namespace

/// The page being written and the state of its current line. kainjow's standalone lines: a line that held a
/// rendered section's open or close tag and holds nothing but spaces and tabs is dropped with its line break.
/// It is decided on what the line rendered to, not on the template: a section writing an empty value drops
/// its line, a comment alone on its line leaves an empty one.
struct MustacheTemplate::Output {
  std::string& text;
  std::size_t line_start = 0;
  bool section_on_line = false;

  void end_line(std::string_view line_break) {
    if (blank_line_with_section()) {
      text.resize(line_start);
    } else {
      text.append(line_break);
    }
    line_start = text.size();
    section_on_line = false;
  }
  void end_text() {
    if (blank_line_with_section()) text.resize(line_start);
  }

 private:
  bool blank_line_with_section() const {
    return section_on_line && only_blanks(std::string_view(text).substr(line_start));
  }
};

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::size_t line_of(std::string_view text, std::size_t pos) {
  return 1 + static_cast<std::size_t>(
                 std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
}

/// "a.b.c" → a, b, c. As kainjow splits (std::getline): an empty last piece is dropped, "a." is "a".
std::vector<std::string> split_name(std::string_view name) {
  std::vector<std::string> parts;
  if (name.find('.') == std::string_view::npos) {
    parts.emplace_back(name);
    return parts;
  }
  std::size_t start = 0;
  for (;;) {
    const auto dot = name.find('.', start);
    if (dot == std::string_view::npos) {
      if (start < name.size()) parts.emplace_back(name.substr(start));
      return parts;
    }
    parts.emplace_back(name.substr(start, dot - start));
    start = dot + 1;
  }
}

bool is_false(const View& v) {
  return v.kind() == View::Kind::boolean && !v.flag();
}

const View* field(const View& view, std::string_view key) {
  if (view.kind() != View::Kind::object) return nullptr;
  for (const auto& [k, v] : view.fields()) {
    if (std::string_view(k) == key) return &v;
  }
  return nullptr;
}

}  // namespace

void append_html_escaped(std::string& out, std::string_view text) {
  static constexpr auto kEscaped = [] {
    std::array<bool, 256> escaped{};
    for (const unsigned char c : std::string_view("&<>\"'")) escaped[c] = true;
    return escaped;
  }();
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!kEscaped[static_cast<unsigned char>(c)]) continue;
    out.append(text.substr(start, i - start));
    out.append(c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '"' ? "&quot;" : "&apos;");
    start = i + 1;
  }
  out.append(text.substr(start));
}

MustacheTemplate::MustacheTemplate(std::string_view name, std::string_view text) : source_size_(text.size()) {
  const auto fail = [&](std::size_t pos, const std::string& what) {
    throw std::runtime_error("template " + std::string(name) + ": " + what + " on line " +
                             std::to_string(line_of(text, pos)));
  };
  const auto add = [this](NodeKind kind, std::string_view tag_name) {
    Node node{.kind = kind};
    if (tag_name == ".") {
      node.current = true;
    } else {
      node.path = split_name(tag_name);
    }
    nodes_.push_back(std::move(node));
  };
  struct Open {
    std::size_t node;
    std::string_view name;
    std::size_t tag_start;
  };
  std::vector<Open> open;  // the sections not closed yet, innermost last
  std::string pending;     // the text since the last tag or line break
  const auto flush = [&] {
    if (pending.empty()) return;
    nodes_.push_back(Node{.kind = NodeKind::text, .text = std::move(pending)});
    pending.clear();
  };

  std::size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    if (c == '\n' || c == '\r') {
      // Each line break is a node of its own: "\r\n", "\n" or "\r".
      flush();
      const std::size_t length = c == '\r' && pos + 1 < text.size() && text[pos + 1] == '\n' ? 2 : 1;
      nodes_.push_back(Node{.kind = NodeKind::newline, .text = std::string(text.substr(pos, length))});
      pos += length;
      continue;
    }
    if (!text.substr(pos).starts_with("{{")) {
      pending += c;
      ++pos;
      continue;
    }
    flush();
    const std::size_t tag_start = pos;
    std::size_t inside_start = pos + 2;
    const bool triple = inside_start < text.size() && text[inside_start] == '{';
    if (triple) ++inside_start;
    const std::string_view close = triple ? "}}}" : "}}";
    const std::size_t tag_end = text.find(close, inside_start);
    if (tag_end == std::string_view::npos) fail(tag_start, "unclosed tag");
    const std::string_view inside = trim(text.substr(inside_start, tag_end - inside_start));
    pos = tag_end + close.size();

    if (inside.starts_with('=')) fail(tag_start, "set-delimiter tags are not supported");
    if (triple) {
      add(NodeKind::raw, inside);
      continue;
    }
    const char sigil = inside.empty() ? '\0' : inside.front();
    const std::string_view tag_name = sigil == '\0' ? inside : trim(inside.substr(1));
    switch (sigil) {
      case '#':
      case '^':
        open.push_back({nodes_.size(), tag_name, tag_start});
        add(sigil == '#' ? NodeKind::section : NodeKind::inverted, tag_name);
        break;
      case '/':
        if (open.empty()) fail(tag_start, "{{/" + std::string(tag_name) + "}} closes no section");
        if (open.back().name != tag_name)
          fail(tag_start,
               "{{/" + std::string(tag_name) + "}} closes section \"" + std::string(open.back().name) + "\"");
        nodes_[open.back().node].end = nodes_.size();
        open.pop_back();
        break;
      case '>':
        fail(tag_start, "partial tag left after inlining (write it {{> name}})");
        break;
      case '&':
        add(NodeKind::raw, tag_name);
        break;
      case '!':
        break;
      default:
        add(NodeKind::escaped, inside);
        break;
    }
  }
  flush();
  if (!open.empty()) {
    fail(open.back().tag_start, "unclosed section \"" + std::string(open.back().name) + "\" opened");
  }
}

std::string MustacheTemplate::render(const View& view) const {
  std::string text;
  text.reserve(std::max(source_size_, size_hint_.load(std::memory_order_relaxed)));
  Output out{text};
  render_nodes(0, nodes_.size(), Frame{&view, nullptr}, out);
  out.end_text();
  size_hint_.store(text.size(), std::memory_order_relaxed);
  return text;
}

void MustacheTemplate::render_nodes(std::size_t begin, std::size_t end, const Frame& context,
                                    Output& out) const {
  for (std::size_t i = begin; i < end; ++i) {
    const Node& node = nodes_[i];
    switch (node.kind) {
      case NodeKind::text:
        out.text.append(node.text);
        break;
      case NodeKind::newline:
        out.end_line(node.text);
        break;
      case NodeKind::escaped:
      case NodeKind::raw:
        if (const View* value = find(node, context); value && value->kind() == View::Kind::text) {
          if (node.kind == NodeKind::escaped) {
            append_html_escaped(out.text, value->text());
          } else {
            out.text.append(value->text());
          }
        }
        break;
      case NodeKind::section:
        if (const View* value = find(node, context); value && !is_false(*value) && !value->empty_list())
          render_section(i, value, context, out);
        i = node.end - 1;
        break;
      case NodeKind::inverted:
        if (const View* value = find(node, context); !value || is_false(*value) || value->empty_list())
          render_section(i, value, context, out);
        i = node.end - 1;
        break;
    }
  }
}

void MustacheTemplate::render_section(std::size_t index, const View* value, const Frame& context,
                                      Output& out) const {
  const std::size_t end = nodes_[index].end;
  // As in kainjow, the value is pushed even when false or an empty list (an inverted section): {{.}} inside
  // then writes nothing.
  if (value && value->kind() == View::Kind::list && !value->items().empty()) {
    for (const View& item : value->items()) {
      out.section_on_line = true;
      render_nodes(index + 1, end, Frame{&item, &context}, out);
      out.section_on_line = true;
    }
    return;
  }
  out.section_on_line = true;
  if (value) {
    render_nodes(index + 1, end, Frame{value, &context}, out);
  } else {
    render_nodes(index + 1, end, context, out);
  }
  out.section_on_line = true;
}

const View* MustacheTemplate::find(const Node& node, const Frame& context) const {
  if (node.current) return context.view;
  // kainjow looks the whole dotted name up at each level, from the top of the stack down.
  for (const Frame* frame = &context; frame != nullptr; frame = frame->below) {
    const View* value = frame->view;
    for (const auto& part : node.path) {
      value = field(*value, part);
      if (value == nullptr) break;
    }
    if (value != nullptr) return value;
  }
  return nullptr;
}

}  // namespace sotong::render
