#include "render/template_set.hpp"

#include <gtest/gtest.h>

namespace sotong::render {

TEST(TemplateSet, EscapesAndInlinesPartials) {
  TemplateSet set(
      std::vector<TemplateSource>{{"page", "<h1>{{title}}</h1>{{> _item}}"}, {"_item", "<p>{{{raw}}}</p>"}});
  View v = View::object({{"title", "<script>"}, {"raw", "<b>굵게</b>"}});
  EXPECT_EQ(set.render("page", v), "<h1>&lt;script&gt;</h1><p><b>굵게</b></p>");
}

TEST(TemplateSet, RendersListsAndBooleans) {
  TemplateSet set(std::vector<TemplateSource>{
      {"list", "{{#items}}[{{name}}]{{/items}}{{^items}}없음{{/items}}{{#flag}}!{{/flag}}"}});
  View items = View::list();
  items.push(View::object({{"name", "전주시"}})).push(View::object({{"name", "군산시"}}));
  EXPECT_EQ(set.render("list", View::object({{"items", items}, {"flag", true}})), "[전주시][군산시]!");
  EXPECT_EQ(set.render("list", View::object({{"items", View::list()}, {"flag", false}})), "없음");
}

TEST(TemplateSet, IndentationIsDroppedButNotInsidePreformattedText) {
  TemplateSet set(
      {{"page", "<ul>\n  <li>{{a}}</li>\n\t<li>b</li>\n</ul>"}, {"code", "<pre>\n  kept\n</pre>"}});
  EXPECT_EQ(set.render("page", View::object({{"a", "가"}})), "<ul>\n<li>가</li>\n<li>b</li>\n</ul>");
  EXPECT_EQ(set.render("code", View::object({})), "<pre>\n  kept\n</pre>");
}

TEST(TemplateSet, AssetTagsBecomeTheirUrlsWhenCompiled) {
  std::vector<TemplateSource> sources{{"layout", "<link href=\"{{asset /static/a.css}}\">{{> _js}}"},
                                      {"_js", "<script src=\"{{asset  /static/b.js }}\"></script>"}};
  TemplateSet plain(sources);
  EXPECT_EQ(plain.render("layout", View()),
            "<link href=\"/static/a.css\"><script src=\"/static/b.js\"></script>");
  TemplateSet fingerprinted(sources, [](std::string_view path) { return std::string(path) + "?v=1&x"; });
  EXPECT_EQ(fingerprinted.render("layout", View()),
            "<link href=\"/static/a.css?v=1&amp;x\"><script src=\"/static/b.js?v=1&amp;x\"></script>");
  EXPECT_THROW(TemplateSet(std::vector<TemplateSource>{{"page", "{{asset static/a.css}}"}}),
               std::runtime_error);
  EXPECT_THROW(TemplateSet(std::vector<TemplateSource>{{"page", "{{asset /static/a.css"}}),
               std::runtime_error);
}

TEST(TemplateSet, RefusesATemplateItCannotRenderNamingIt) {
  try {
    TemplateSet set(
        std::vector<TemplateSource>{{"page", "<p>"}, {"suggestions/list", "{{#rows}}\n{{=<% %>=}}"}});
    FAIL() << "compiled";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()),
              "template suggestions/list: set-delimiter tags are not supported on line 2");
  }
  EXPECT_THROW(TemplateSet(std::vector<TemplateSource>{{"page", "{{#rows}}"}}), std::runtime_error);
  EXPECT_THROW(TemplateSet(std::vector<TemplateSource>{{"page", "{{#rows}}{{/row}}"}}), std::runtime_error);
}

TEST(TemplateSet, MissingPartialFailsAtStart) {
  EXPECT_THROW(TemplateSet(std::vector<TemplateSource>{{"page", "{{> _nope}}"}}), std::runtime_error);
  EXPECT_THROW(TemplateSet(std::vector<TemplateSource>{{"a", "{{> b}}"}, {"b", "{{> a}}"}}),
               std::runtime_error);
}

TEST(View, ObjectKeepsTheOrderGivenAndTheLastValueOfAKeyGivenTwice) {
  View v = View::object({{"a", "1"}, {"b", "2"}, {"a", "3"}});
  ASSERT_EQ(v.fields().size(), 2U);
  EXPECT_EQ(v.fields()[0].first, "a");
  EXPECT_EQ(v.fields()[0].second.text(), "3");
  EXPECT_EQ(v.fields()[1].first, "b");
}

TEST(View, ACopyChangedLaterLeavesTheOriginalAlone) {
  View original = View::object({{"a", "1"}});
  View copy = original;
  copy.set("a", "2").set("b", "3");
  EXPECT_EQ(original.fields().size(), 1U);
  EXPECT_EQ(original.fields()[0].second.text(), "1");
  EXPECT_EQ(copy.fields()[0].second.text(), "2");
}

}  // namespace sotong::render
