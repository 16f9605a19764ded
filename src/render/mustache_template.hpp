// One mustache template, compiled once and rendered straight from a View (no copy of the data).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "render/view.hpp"

namespace sotong::render {

/// The part of mustache the templates use — {{x}}, {{{x}}}, {{& x}}, {{#x}}, {{^x}}, {{/x}}, {{! …}}, dotted
/// names, {{.}} — rendered exactly as the kainjow library that came before it does (docs/decisions/0007):
/// {{x}} escapes & < > " ', an empty text is a true section value, a name is looked up down the context
/// stack, and a line that held a rendered section tag and renders to spaces and tabs alone is dropped with
/// its line break. Partials and {{asset …}} are inlined by TemplateSet before compiling.
class MustacheTemplate {
 public:
  /// Compiles `text`. Throws std::runtime_error starting "template <name>: " for an unclosed tag or section,
  /// a close tag that matches no open section, or a set-delimiter or partial tag (not supported).
  MustacheTemplate(std::string_view name, std::string_view text);
  MustacheTemplate(const MustacheTemplate&) = delete;
  MustacheTemplate& operator=(const MustacheTemplate&) = delete;

  std::string render(const View& view) const;

 private:
  enum class NodeKind : std::uint8_t { text, newline, escaped, raw, section, inverted };
  struct Node {
    NodeKind kind = NodeKind::text;
    bool current = false;           // {{.}}: the top of the context stack
    std::string text;               // text and newline: what is written
    std::vector<std::string> path;  // the name split at its dots
    std::size_t end = 0;            // sections: the index just past their last node
  };
  struct Frame;
  struct Output;

  void render_nodes(std::size_t begin, std::size_t end, const Frame& context, Output& out) const;
  void render_section(std::size_t index, const View* value, const Frame& context, Output& out) const;
  const View* find(const Node& node, const Frame& context) const;

  std::vector<Node> nodes_;
  std::size_t source_size_ = 0;
  /// The size of the last page rendered, reserved up front for the next one.
  mutable std::atomic<std::size_t> size_hint_{0};
};

/// `text` as {{x}} writes it: & < > " ' as entities, every other byte (UTF-8 included) as it is.
void append_html_escaped(std::string& out, std::string_view text);

}  // namespace sotong::render
