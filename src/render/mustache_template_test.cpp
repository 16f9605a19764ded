// Our renderer against kainjow's (the library it replaced, kept here as the oracle): the same bytes for
// hand-written edge cases, for thousands of random templates and views, and for every template of the
// program.
#include "render/mustache_template.hpp"

#include <gtest/gtest.h>

#include <kainjow/mustache.hpp>
#include <map>
#include <optional>
#include <random>
#include <regex>
#include <set>
#include <stdexcept>

#include "core/embedded_file.hpp"
#include "render/template_set.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> all_templates();
}

namespace sotong::render {
namespace {
namespace km = kainjow::mustache;

/// The view as kainjow's data: what TemplateSet copied for every page before.
km::data to_kainjow(const View& view) {
  switch (view.kind()) {
    case View::Kind::text:
      return km::data(view.text());
    case View::Kind::boolean:
      return km::data(view.flag());
    case View::Kind::list: {
      km::data list(km::data::type::list);
      for (const auto& item : view.items()) list.push_back(to_kainjow(item));
      return list;
    }
    case View::Kind::object:
      break;
  }
  km::data object(km::data::type::object);
  for (const auto& [key, value] : view.fields()) object.set(key, to_kainjow(value));
  return object;
}

std::string describe(const View& view) {
  switch (view.kind()) {
    case View::Kind::text:
      return '"' + view.text() + '"';
    case View::Kind::boolean:
      return view.flag() ? "true" : "false";
    case View::Kind::list: {
      std::string out = "[";
      for (const auto& item : view.items()) out += describe(item) + ",";
      return out + "]";
    }
    case View::Kind::object:
      break;
  }
  std::string out = "{";
  for (const auto& [key, value] : view.fields()) out += key + ":" + describe(value) + ",";
  return out + "}";
}

std::string with_kainjow(const std::string& text, const View& view) {
  km::mustache tmpl(text);
  if (!tmpl.is_valid()) throw std::runtime_error("kainjow refuses the template: " + tmpl.error_message());
  return tmpl.render(to_kainjow(view));
}

std::string with_ours(const std::string& text, const View& view) {
  return MustacheTemplate("test", text).render(view);
}

::testing::AssertionResult same_as_kainjow(const std::string& text, const View& view) {
  const std::string expected = with_kainjow(text, view);
  const std::string actual = with_ours(text, view);
  if (actual == expected) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\ntemplate: «" << text << "»\nview: " << describe(view)
                                       << "\nkainjow: «" << expected << "»\nours:    «" << actual << "»";
}

View list_of(std::initializer_list<View> items) {
  View list = View::list();
  for (const auto& item : items) list.push(item);
  return list;
}

/// A view with a bit of everything the hand-written cases below look up.
View edge_view() {
  return View::object({
      {"s", "A&B <i>\"q\" 'a' 가나다 ©"},
      {"korean", "전라북도 소통"},
      {"e", ""},
      {"sp", "  \t"},
      {"nl", "\n"},
      {"t", true},
      {"f", false},
      {"none", View::list()},
      {"words", list_of({"하나", "<둘>", ""})},
      {"n", 42},
      {"user",
       View::object({{"name", "김&이"}, {"org", View::object({{"name", "전주시"}})}, {"admin", false}})},
      {"items", list_of({View::object({{"name", "첫째"},
                                       {"tags", list_of({"a", "b"})},
                                       {"sub", list_of({View::object({{"x", "x1"}}), View::object({})})}}),
                         View::object({{"name", "둘째"}, {"tags", View::list()}, {"title", "항목 제목"}}),
                         View::object({})})},
      {"title", "바깥 제목"},
      {"obj", View::object({{"a", View::object({})}, {"inner", "안"}})},
      {"a", View::object({{"b", "뿌리의 a.b"}})},
      {"nested", list_of({list_of({"1", "2"}), View::list(), list_of({View::object({{"x", "3"}})})})},
      {"empty_obj", View::object({})},
  });
}

TEST(MustacheTemplate, MatchesKainjowOnEdgeCases) {
  const std::vector<std::string> templates = {
      // Escaping: & < > " ' escaped, UTF-8 untouched; {{{x}}} and {{& x}} raw.
      "{{s}}|{{{s}}}|{{& s}}|{{&s}}|{{{ s }}}|{{ s }}|{{korean}}",
      "<a title=\"{{s}}\" data-x='{{s}}'>{{korean}}</a>",
      // Values that are not text write nothing; a missing name writes nothing; {{n}} is the number's text.
      "[{{t}}][{{f}}][{{none}}][{{user}}][{{words}}][{{missing}}][{{n}}][{{}}][{{ }}]",
      // An empty string is a true section value and is pushed; so are text and true.
      "{{#e}}빈 문자열은 참[{{.}}]{{/e}}{{^e}}거짓{{/e}}",
      "{{#s}}<{{.}}>{{/s}}{{#korean}}{{.}}{{/korean}}{{#t}}[{{.}}{{title}}]{{/t}}",
      // Inverted sections on missing, false, empty list, empty string, true, object and a non-empty list.
      "{{^missing}}1{{/missing}}{{^f}}2{{/f}}{{^none}}3{{/none}}{{^e}}4{{/e}}{{^t}}5{{/t}}{{^user}}6{{/user}}"
      "{{^words}}7{{/words}}{{^empty_obj}}8{{/empty_obj}}",
      // Inside an inverted section on false or an empty list, {{.}} is that value (nothing is written).
      "{{#words}}({{^f}}{{.}}{{/f}}|{{^missing}}{{.}}{{/missing}}|{{^none}}{{.}}{{/none}}){{/words}}",
      // Lists: of text, of objects (with fallthrough to the outer context), nested, lists of lists.
      "{{#words}}<li>{{.}}</li>{{/words}}",
      "{{#items}}<li>{{name}}/{{title}}{{#tags}}<b>{{.}}</b>{{/tags}}{{^tags}}태그 없음{{/tags}}"
      "{{#sub}}({{x}}{{name}}){{/sub}}</li>{{/items}}",
      "{{#nested}}[{{#.}}{{.}}{{x}}{{/.}}]{{/nested}}",
      // The context stack: a name missing from the top is looked up below it.
      "{{#user}}{{#org}}{{name}}|{{title}}|{{korean}}{{/org}}{{name}}{{/user}}",
      "{{#empty_obj}}{{title}}{{.}}{{/empty_obj}}",
      // Dotted names, resolved whole at each level of the stack (obj has an `a` without `b`).
      "{{user.name}}|{{user.org.name}}|{{user.missing}}|{{user.name.more}}|{{#user.org}}{{name}}{{/"
      "user.org}}",
      "{{#obj}}{{a.b}}|{{inner}}{{/obj}}|{{a.b}}|{{a.}}|{{.a}}|{{a..b}}|{{^user.admin}}관리자 "
      "아님{{/user.admin}}",
      "{{#items}}{{user.org.name}}:{{name}} {{/items}}",
      // Comments, with braces inside, and stray braces in text.
      "a{{! 주석 }}b{{!no space}}c{{! { not a tag } }}d",
      "x { y } }} {{{s}}}} {{{{s}}}} z",
      // Standalone lines: a section tag alone on its line (with indentation, \r\n, at the start or end).
      "a\n{{#t}}\nb\n{{/t}}\nc",
      "a\n{{#f}}\nb\n{{/f}}\nc",
      "a\n{{^f}}\nb\n{{/f}}\nc",
      "a\n{{^t}}\nb\n{{/t}}\nc",
      "a\n  {{#t}}  \n\tb\n\t{{/t}}\t\nc\n",
      "a\r\n{{#t}}\r\nb\r\n{{/t}}\r\nc\r\n",
      "a\r{{#t}}\rb\r{{/t}}\rc",
      "{{#t}}\nfirst\n{{/t}}",
      "last\n{{#t}}\n{{/t}}",
      "last\n  {{#t}}{{/t}}  ",
      "<ul>\n{{#words}}\n  <li>{{.}}</li>\n{{/words}}\n</ul>\n",
      "<ul>\n{{#none}}\n<li>{{.}}</li>\n{{/none}}\n{{^none}}\n<li>없음</li>\n{{/none}}\n</ul>\n",
      "<ul>\n{{#items}}\n<li>\n{{#tags}}\n{{.}}\n{{/tags}}\n</li>\n{{/items}}\n</ul>",
      // Not standalone: text beside the tag, a variable or comment alone on its line.
      "a\nx {{#t}}\nb\n{{/t}} y\nc",
      "a\n{{e}}\nb\n{{! 주석 }}\nc\n{{missing}}  \nd",
      // A line holding a rendered section and only blanks after rendering is dropped, whatever wrote them.
      "a\n{{#t}}{{e}}{{/t}}\nb\n{{#t}}{{sp}}{{/t}}\nc\n{{#t}}{{nl}}{{/t}}\nd\n{{#f}}{{/f}}\ne\n{{^f}}{{/f}} "
      "\nf",
      "a\n{{sp}}{{#t}}{{/t}}\nb\n{{s}}{{#t}}{{/t}}\nc",
      "{{#words}}{{.}}\n{{/words}}",
      "{{#words}}\n{{/words}}x",
      // Section names with spaces, sections on the current item, the same name nested.
      "{{# user }}{{ name }}{{/ user }}{{#.}}{{title}}{{/.}}",
      "{{#items}}{{#items}}{{name}}{{/items}}{{/items}}",
      "{{#obj}}{{#a}}{{inner}}{{/a}}{{/obj}}",
  };
  const View view = edge_view();
  for (const auto& text : templates) EXPECT_TRUE(same_as_kainjow(text, view));
  // The root itself need not be an object.
  EXPECT_TRUE(same_as_kainjow("{{.}}|{{#.}}{{.}}{{/.}}|{{x}}", View("<텍스트>")));
  EXPECT_TRUE(same_as_kainjow("{{.}}|{{#.}}[{{.}}]{{/.}}", list_of({"a", "b"})));
  EXPECT_TRUE(same_as_kainjow("{{.}}|{{#.}}[{{.}}]{{/.}}{{^.}}거짓{{/.}}", View(false)));
  EXPECT_TRUE(same_as_kainjow("", View()));
}

TEST(MustacheTemplate, WritesWhatThePagesRelyOn) {
  const View view = edge_view();
  EXPECT_EQ(with_ours("{{s}}", view), "A&amp;B &lt;i&gt;&quot;q&quot; &apos;a&apos; 가나다 ©");
  EXPECT_EQ(with_ours("{{#e}}참{{/e}}", view), "참");
  EXPECT_EQ(with_ours("{{#obj}}{{a.b}}{{/obj}}", view), "뿌리의 a.b");
  EXPECT_EQ(with_ours("a\n  {{#t}}\nb\n{{/t}}\nc", view), "a\nb\nc");
  EXPECT_EQ(with_ours("a\n{{! 주석 }}\nc", view), "a\n\nc");
  EXPECT_EQ(with_ours("a\n{{#t}}{{e}}{{/t}}\nb", view), "a\nb");  // dropped: blank once rendered
  EXPECT_EQ(with_ours("a\n{{#f}}x{{/f}}\nb", view), "a\n\nb");    // kept: the section did not render
  EXPECT_EQ(with_ours("[{{t}}{{user}}{{words}}]", view), "[]");
}

TEST(MustacheTemplate, RefusesWhatItDoesNotSupport) {
  const auto message = [](const std::string& text) {
    try {
      const MustacheTemplate compiled("suggestions/list", text);
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("(compiled)");
  };
  EXPECT_EQ(message("a\n{{=<% %>=}}<% x %>"),
            "template suggestions/list: set-delimiter tags are not supported on line 2");
  EXPECT_EQ(message("{{ =| |= }}"),
            "template suggestions/list: set-delimiter tags are not supported on line 1");
  EXPECT_EQ(message("{{ > _partial }}"),
            "template suggestions/list: partial tag left after inlining (write it {{> name}}) on line 1");
  EXPECT_EQ(message("{{#a}}\n{{#b}}{{/b}}"),
            "template suggestions/list: unclosed section \"a\" opened on line 1");
  EXPECT_EQ(message("{{#a}}{{/b}}"), "template suggestions/list: {{/b}} closes section \"a\" on line 1");
  EXPECT_EQ(message("x\n{{/a}}"), "template suggestions/list: {{/a}} closes no section on line 2");
  EXPECT_EQ(message("{{a}"), "template suggestions/list: unclosed tag on line 1");
  EXPECT_EQ(message("{{{a}}"), "template suggestions/list: unclosed tag on line 1");
  EXPECT_EQ(message("{{#a}}{{/a}}"), "(compiled)");
}

// Random templates and views: a few thousand small ones, the same seed every run.
class RandomCase {
 public:
  explicit RandomCase(unsigned seed) : rng_(seed) {}

  View view() {
    View root;
    const int fields = pick(2, 7);
    for (int i = 0; i < fields; ++i) root.set(std::string(one_of(kFieldNames)), value(1));
    return root;
  }

  std::string text(int depth = 0) {
    std::string out;
    const int parts = pick(0, depth == 0 ? 8 : 5);
    for (int i = 0; i < parts; ++i) {
      switch (pick(0, 9)) {
        case 0:
        case 1:
        case 2:
          out += one_of(kTexts);
          break;
        case 3:
          out += "{{" + std::string(one_of(kTagNames)) + "}}";
          break;
        case 4:
          out += pick(0, 1) ? "{{{" + std::string(one_of(kTagNames)) + "}}}"
                            : "{{& " + std::string(one_of(kTagNames)) + "}}";
          break;
        case 5:
          out += "{{! 주석 }}";
          break;
        default:
          if (depth < 3) {
            const std::string name(one_of(kTagNames));
            const std::string open = pick(0, 2) ? "#" : "^";
            out += one_of(kBlanks) + "{{" + open + name + "}}" + one_of(kBlanks) + text(depth + 1) +
                   one_of(kBlanks) + "{{/" + name + "}}" + one_of(kBlanks);
          }
          break;
      }
    }
    return out;
  }

 private:
  static constexpr std::string_view kFieldNames[] = {"a", "b", "c", "items", "x"};
  static constexpr std::string_view kTagNames[] = {"a", "b",   "c",       "items", "x",
                                                   ".", "a.b", "items.x", "b.c",   "nope"};
  static constexpr std::string_view kTexts[] = {"x",    "가",  " ", "\t", "\n", "\r\n",
                                                "  \n", "<p>", "&", "}",  "'"};
  static constexpr std::string_view kValues[] = {"", " ", "값", "<&>\"'", "a b", "\n", "\t "};
  static constexpr std::string_view kBlanks[] = {"", "", " ", "\n", "\n", "  \n", "\t"};

  int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }
  template <std::size_t N>
  std::string one_of(const std::string_view (&options)[N]) {
    return std::string(options[static_cast<std::size_t>(pick(0, static_cast<int>(N) - 1))]);
  }

  View value(int depth) {
    switch (depth >= 3 ? pick(0, 1) : pick(0, 5)) {
      case 0:
        return View(one_of(kValues));
      case 1:
        return View(pick(0, 1) == 1);
      case 2:
      case 3: {
        View list = View::list();
        const int items = pick(0, 3);
        for (int i = 0; i < items; ++i) list.push(value(depth + 1));
        return list;
      }
      default: {
        View object;
        const int fields = pick(0, 4);
        for (int i = 0; i < fields; ++i) object.set(one_of(kFieldNames), value(depth + 1));
        return object;
      }
    }
  }

  std::mt19937 rng_;
};

TEST(MustacheTemplate, MatchesKainjowOnRandomTemplates) {
  for (unsigned seed = 1; seed <= 4000; ++seed) {
    RandomCase random(seed);
    const std::string text = random.text();
    for (int v = 0; v < 3; ++v) {
      const View view = random.view();
      ASSERT_TRUE(same_as_kainjow(text, view)) << "seed " << seed;
    }
  }
}

// Every template of the program, preprocessed as TemplateSet does, with views built from its own tag names.
struct ProgramTemplate {
  std::string name;  // "suggestions/list"
  std::string text;  // as compiled: partials and assets inlined, indentation stripped
};

std::vector<ProgramTemplate> program_templates(std::vector<TemplateSource>& sources) {
  // platform/web/templates/layout.mustache → web/layout, as the manifests and the runtime name them.
  for (const auto& f : embedded::all_templates()) {
    const std::string path(f.path);
    const auto folder_end = path.find("/templates/");
    const auto folder_start = path.rfind('/', folder_end - 1);
    const std::string folder =
        path.substr(folder_start == std::string::npos ? 0 : folder_start + 1,
                    folder_end - (folder_start == std::string::npos ? 0 : folder_start + 1));
    sources.push_back({folder + "/" + embedded_stem(path), std::string(f.text)});
  }
  std::map<std::string, std::string> partials;
  for (const auto& s : sources) partials[s.name] = s.text;
  std::vector<ProgramTemplate> out;
  for (const auto& s : sources)
    out.push_back({s.name, strip_indentation(resolve_assets(inline_partials(s.text, partials), {}))});
  return out;
}

/// What a template looks up at one level: its names (true for a section) and what each section looks up
/// inside.
struct Scope {
  std::map<std::string, bool> names;
  std::map<std::string, Scope> inside;
};

Scope scope_of(const std::string& text) {
  static const std::regex kTag(R"(\{\{(\{?)\s*([#^/&!]?)\s*([^}]*?)\s*\}\}\}?)");
  Scope root;
  std::vector<Scope*> open{&root};
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kTag); it != std::sregex_iterator(); ++it) {
    const std::string sigil = (*it)[2];
    const std::string name = (*it)[3];
    Scope& scope = *open.back();
    if (sigil == "!") continue;
    if (sigil == "/") {
      open.pop_back();
    } else if (sigil == "#" || sigil == "^") {
      if (name == ".") {
        open.push_back(&scope);  // {{#.}} looks up in the same object
      } else {
        scope.names[name] = true;
        open.push_back(&scope.inside[name]);
      }
    } else if (name != ".") {
      scope.names.emplace(name, false);
    }
  }
  return root;
}

enum class Fill { truthy, falsy, random };

/// A view for one template: every name it looks up, with values that make its sections true (truthy), false
/// (falsy) or a mixture with names left out, so that lookups fall through to the levels below (random).
class ViewBuilder {
 public:
  ViewBuilder(Fill fill, unsigned seed) : fill_(fill), rng_(seed) {}

  View object(const Scope& scope, int depth = 0) {
    View out;
    std::set<std::string> done;
    for (const auto& [name, section] : scope.names) {
      const auto dot = name.find('.');
      if (dot != std::string::npos) {
        // a.b and a.c: one object `a` holding b and c (or, now and then, a plain value for `a`).
        const std::string first = name.substr(0, dot);
        if (!done.insert(first).second || scope.names.contains(first)) continue;
        if (fill_ == Fill::random && pick(0, 4) == 0) {
          if (auto v = value(first, false, Scope(), depth)) out.set(first, *v);
          continue;
        }
        out.set(first, object(below(scope, first + "."), depth));
        continue;
      }
      if (scope.names.lower_bound(name + ".") != scope.names.end() &&
          scope.names.lower_bound(name + ".")->first.starts_with(name + ".")) {
        // Both `a` and `a.b` are looked up: `a` is an object holding b (and what a section on it looks up).
        Scope merged = below(scope, name + ".");
        if (const auto in = scope.inside.find(name); in != scope.inside.end()) {
          merged.names.insert(in->second.names.begin(), in->second.names.end());
          merged.inside.insert(in->second.inside.begin(), in->second.inside.end());
        }
        done.insert(name);
        out.set(name, object(merged, depth));
        continue;
      }
      const auto in = scope.inside.find(name);
      if (auto v = value(name, section, in == scope.inside.end() ? Scope() : in->second, depth))
        out.set(name, *v);
    }
    return out;
  }

 private:
  /// The names under `prefix` ("a."), without it.
  static Scope below(const Scope& scope, const std::string& prefix) {
    Scope out;
    for (const auto& [name, section] : scope.names) {
      if (!name.starts_with(prefix)) continue;
      const std::string rest = name.substr(prefix.size());
      out.names[rest] = section;
      if (const auto in = scope.inside.find(name); in != scope.inside.end()) out.inside[rest] = in->second;
    }
    return out;
  }

  std::optional<View> value(const std::string& name, bool section, const Scope& inside, int depth) {
    const std::string text = "<" + name + " & \"값\" '" + std::to_string(++counter_) + "'>";
    if (fill_ == Fill::falsy) {
      if (!section) return pick(0, 1) ? std::optional<View>() : View("");
      return pick(0, 1) ? View(false) : View::list();
    }
    if (fill_ == Fill::truthy) {
      if (!section) return View(text);
      return depth < 4 ? items(inside, depth) : View(true);
    }
    switch (pick(0, 8)) {
      case 0:
        return std::nullopt;
      case 1:
        return View("");
      case 2:
      case 3:
        return View(text);
      case 4:
        return View(true);
      case 5:
        return View(false);
      case 6:
        return View::list();
      default:
        if (depth >= 4) return View(pick(0, 1) == 1);
        return pick(0, 1) ? items(inside, depth) : object(inside, depth + 1);
    }
  }

  View items(const Scope& inside, int depth) {
    View list = View::list();
    const int count = fill_ == Fill::truthy ? 2 : pick(1, 3);
    for (int i = 0; i < count; ++i) list.push(object(inside, depth + 1));
    return list;
  }

  int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }

  Fill fill_;
  std::mt19937 rng_;
  int counter_ = 0;
};

TEST(MustacheTemplate, MatchesKainjowOnEveryTemplateOfTheProgram) {
  std::vector<TemplateSource> sources;
  const auto templates = program_templates(sources);
  ASSERT_GT(templates.size(), 40U);
  const TemplateSet set(sources);
  for (const auto& t : templates) {
    const Scope scope = scope_of(t.text);
    std::vector<View> views{View(), ViewBuilder(Fill::truthy, 1).object(scope),
                            ViewBuilder(Fill::falsy, 2).object(scope)};
    for (unsigned seed = 3; seed < 13; ++seed) views.push_back(ViewBuilder(Fill::random, seed).object(scope));
    for (const auto& view : views) {
      const std::string expected = with_kainjow(t.text, view);
      EXPECT_EQ(set.render(t.name, view), expected) << t.name << "\nview: " << describe(view);
    }
  }
}

}  // namespace
}  // namespace sotong::render
