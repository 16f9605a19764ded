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

/// The home page: every module's cards this person may see, in order; figures read in one transaction.
http::Response dashboard_page(Web& web, Context& ctx) {
  std::vector<const DashboardCard*> shown;
  for (const auto& card : web.cards())
    if (web.policy().allows(ctx.actor, card.action)) shown.push_back(&card);
  std::vector<std::vector<CardCount>> counts(shown.size());
  web.db().read([&](store::Connection& c) {
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
  View v = View::object({{"name", ctx.actor.display_name}, {"cards", cards}});
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
