// A module's manifest: everything it adds to the program, declared in one place and listed in app/main.cpp.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/embedded_file.hpp"
#include "core/role.hpp"
#include "platform/policy.hpp"
#include "render/template_set.hpp"
#include "store/database.hpp"
#include "store/migration.hpp"

namespace sotong::platform {

class Web;

struct MenuEntry {
  std::string label;   // Korean, as shown in the header
  std::string href;    // "/admin/organizations"
  std::string action;  // shown only to actors the policy allows this action
  int order = 100;
};

struct DashboardCard {
  std::string title;
  std::string action;  // shown only to actors allowed this action
  int order = 100;
  /// Returns the card's body HTML for this actor (rendered with the module's own templates).
  std::function<std::string(Web& web, const Actor& actor)> render;
};

struct ModuleManifest {
  std::string name;   // "organizations"; also the prefix of its templates and tables
  std::string title;  // Korean
  std::vector<store::Migration> migrations;
  std::vector<render::TemplateSource> templates;
  std::vector<Permission> permissions;
  std::vector<MenuEntry> menu;
  std::vector<DashboardCard> cards;
  std::function<void(Web&)> routes;
  /// OpenAPI 3.1 fragment ({"paths": …, "components": {"schemas": …}}) merged into /api/v1/openapi.json.
  std::string openapi;
  /// Loads reference data every installation needs (e.g. the holiday calendar) after migrating;
  /// must be safe to run on every start.
  std::function<void(store::Database&)> seed;
  /// Loads this module's demo data; must be safe to run twice.
  std::function<void(store::Database&)> demo_data;
};

/// Adds a module's embedded files: "migrations/0001_x.sql" become migrations and "templates/x.mustache"
/// become templates named "<module>/x". Throws std::logic_error on a migration file without a number.
void add_embedded(ModuleManifest& manifest, const std::vector<EmbeddedFile>& files);

}  // namespace sotong::platform
