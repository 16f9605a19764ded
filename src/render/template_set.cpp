#include "render/template_set.hpp"

#include <stdexcept>

#include "render/mustache_template.hpp"

namespace sotong::render {

struct TemplateSet::Compiled {
  Compiled(std::string_view name, const std::string& text) : tmpl(name, text) {}
  MustacheTemplate tmpl;
};

namespace {
/// `text` as {{x}} would print it: safe inside a quoted attribute.
void append_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    const char* entity = c == '&'   ? "&amp;"
                         : c == '"' ? "&quot;"
                         : c == '<' ? "&lt;"
                         : c == '>' ? "&gt;"
                                    : nullptr;
    entity ? out.append(entity) : out.append(1, c);
  }
}

std::string_view strip(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}
}  // namespace

std::string inline_partials(const std::string& text, const std::map<std::string, std::string>& partials,
                            int depth) {
  if (depth > 16) throw std::runtime_error("partials nest too deeply (a cycle?)");
  std::string out;
  std::size_t pos = 0;
  for (;;) {
    const auto open = text.find("{{>", pos);
    if (open == std::string::npos) break;
    const auto close = text.find("}}", open);
    if (close == std::string::npos) throw std::runtime_error("unclosed partial tag");
    const std::string name(strip(std::string_view(text).substr(open + 3, close - open - 3)));
    auto it = partials.find(name);
    if (it == partials.end()) throw std::runtime_error("missing partial: " + name);
    out.append(text, pos, open - pos);
    out += inline_partials(it->second, partials, depth + 1);
    pos = close + 2;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

std::string resolve_assets(const std::string& text, const AssetUrl& asset_url) {
  static constexpr std::string_view kOpen = "{{asset ";
  std::string out;
  std::size_t pos = 0;
  for (;;) {
    const auto open = text.find(kOpen, pos);
    if (open == std::string::npos) break;
    const auto close = text.find("}}", open);
    if (close == std::string::npos) throw std::runtime_error("unclosed asset tag");
    const auto path = strip(std::string_view(text).substr(open + kOpen.size(), close - open - kOpen.size()));
    if (!path.starts_with('/'))
      throw std::runtime_error("asset path must start with /: " + std::string(path));
    out.append(text, pos, open - pos);
    append_escaped(out, asset_url ? asset_url(path) : std::string(path));
    pos = close + 2;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

std::string strip_indentation(const std::string& text) {
  if (text.find("<pre") != std::string::npos || text.find("<textarea") != std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  bool line_start = true;
  for (char ch : text) {
    if (line_start && (ch == ' ' || ch == '\t')) continue;
    line_start = ch == '\n';
    out += ch;
  }
  return out;
}

TemplateSet::TemplateSet(const std::vector<TemplateSource>& sources, const AssetUrl& asset_url) {
  std::map<std::string, std::string> partials;
  for (const auto& s : sources) partials[s.name] = s.text;
  for (const auto& s : sources) {
    std::string text;
    try {
      text = resolve_assets(inline_partials(s.text, partials), asset_url);
    } catch (const std::exception& e) {
      throw std::runtime_error("template " + s.name + ": " + e.what());
    }
    compiled_.emplace(s.name, std::make_unique<Compiled>(s.name, strip_indentation(text)));
  }
}

TemplateSet::~TemplateSet() = default;

bool TemplateSet::has(std::string_view name) const {
  return compiled_.find(name) != compiled_.end();
}

std::string TemplateSet::render(std::string_view name, const View& view) const {
  auto it = compiled_.find(name);
  if (it == compiled_.end()) throw std::runtime_error("unknown template " + std::string(name));
  return it->second->tmpl.render(view);
}

}  // namespace sotong::render
