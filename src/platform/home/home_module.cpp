#include "platform/home/home_module.hpp"

#include "platform/web/web.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> home();
}

namespace sotong::platform::home {
namespace {
using render::View;

View counts_view(const std::vector<CardCount>& counts) {
  View list = View::list();
  for (const auto& n : counts) {
    View item = View::object({{"label", n.label}, {"value", std::to_string(n.value) + n.unit}});
    if (!n.href.empty()) item.set("href", n.href);
    list.push(item);
  }
  return list;
}

/// What waits for this person, from every module's task sources they may use; only non-zero counts.
View tasks_view(Web& web, const Actor& actor, store::Connection& c) {
  View list = View::list();
  for (const auto& source : web.tasks()) {
    if (!source.list || !web.policy().allows(actor, source.action)) continue;
    for (const auto& t : source.list(c, actor, web.policy())) {
      if (t.count <= 0) continue;
      list.push(
          View::object({{"label", t.label}, {"count", std::to_string(t.count) + t.unit}, {"href", t.href}}));
    }
  }
  return list;
}

/// The menu entries this person may open, each with what it is for: the home page says plainly what the
/// person can do here, whatever their role.
View capabilities_view(Web& web, const Actor& actor) {
  View list = View::list();
  for (const auto& m : web.menu()) {
    if (m.description.empty() || !web.policy().allows(actor, m.action)) continue;
    list.push(View::object({{"label", m.label}, {"href", m.href}, {"description", m.description}}));
  }
  return list;
}

/// The home page: what waits for the person first, then what they can do here, then every module's cards
/// this person may see, in order; all figures read in one transaction.
http::Response dashboard_page(Web& web, Context& ctx) {
  std::vector<const DashboardCard*> shown;
  for (const auto& card : web.cards())
    if (web.policy().allows(ctx.actor, card.action)) shown.push_back(&card);
  std::vector<std::vector<CardCount>> counts(shown.size());
  View tasks;
  web.db().read([&](store::Connection& c) {
    tasks = tasks_view(web, ctx.actor, c);
    for (std::size_t i = 0; i < shown.size(); ++i)
      if (shown[i]->counts) counts[i] = shown[i]->counts(c, ctx.actor, web.policy());
    return 0;
  });
  View cards = View::list();
  for (std::size_t i = 0; i < shown.size(); ++i) {
    View card = View::object({{"id", static_cast<long long>(i + 1)}, {"title", shown[i]->title}});
    if (shown[i]->render) card.set("body", shown[i]->render(web, ctx.actor));
    if (shown[i]->counts) card.set("counts", counts_view(counts[i])).set("has_counts", !counts[i].empty());
    if (!shown[i]->description.empty()) card.set("description", shown[i]->description);
    cards.push(card);
  }
  const bool has_tasks = !tasks.empty_list();
  View v = View::object({{"name", ctx.actor.display_name},
                         {"tasks", tasks},
                         {"has_tasks", has_tasks},
                         {"capabilities", capabilities_view(web, ctx.actor)},
                         {"cards", cards}});
  return web.render(ctx, "home/dashboard", v, {"홈", {}, {}});
}

}  // namespace

ModuleManifest manifest() {
  ModuleManifest m;
  m.name = "home";
  m.title = "홈";
  add_embedded(m, embedded::home());
  m.routes = {{"GET", "/", std::string(kSignedIn), dashboard_page}};
  return m;
}

}  // namespace sotong::platform::home
