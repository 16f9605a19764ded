// A module's manifest: everything it adds to the program, declared in one place and listed in
// app/runtime.cpp. The platform reads only manifests; it never names a module.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/embedded_file.hpp"
#include "core/role.hpp"
#include "platform/attachments/attachments.hpp"
#include "platform/calendar/feed_sources.hpp"
#include "platform/extension_points.hpp"
#include "platform/intake_targets.hpp"
#include "platform/jobs/jobs.hpp"
#include "platform/policy.hpp"
#include "platform/review_sources.hpp"
#include "platform/search/search_index.hpp"
#include "platform/survey_providers.hpp"
#include "platform/web/route_table.hpp"
#include "render/template_set.hpp"
#include "store/database.hpp"
#include "store/migration.hpp"

namespace sotong::platform {

struct ModuleManifest {
  std::string name;   // "organizations"; also the prefix of its templates and tables
  std::string title;  // Korean
  std::vector<store::Migration> migrations;
  std::vector<render::TemplateSource> templates;
  std::vector<Permission> permissions;
  std::vector<MenuEntry> menu;
  std::vector<DashboardCard> cards;
  /// What waits for the person, listed first on the home page.
  std::vector<TaskSource> tasks;
  std::vector<HeaderBadge> badges;
  /// The module's pages and API operations, each a named handler (see route_table.hpp).
  std::vector<RouteSpec> routes;
  /// OpenAPI 3.1 fragments ({"paths": …, "components": {"schemas": …}}) merged into /api/v1/openapi.json:
  /// `openapi.json`, and for a module of several parts one file per part under `openapi/`.
  std::vector<std::string> openapi;
  /// What the history viewer calls the module's record types, fields and actions.
  std::vector<HistoryVocabulary> history;
  std::vector<search::Source> search_sources;
  std::vector<attachments::OwnerType> attachment_owners;
  std::vector<jobs::Kind> job_kinds;
  /// What of this module keeps an organisation in use (deactivation is refused while any remain).
  std::vector<OrganizationUsage> organization_usage;
  /// Named yearly figures per organisation that the evaluation combines into scorecards.
  std::vector<Indicator> indicators;
  /// Matters the module asks standing meetings to review, and how it takes their decisions back.
  std::vector<ReviewSource> review_sources;
  /// Matters the module opens when another module asks (a workshop's opinion turned into a suggestion).
  std::vector<IntakeTarget> intake_targets;
  /// Surveys the module runs for the others (platform/survey_providers.hpp): the surveys module provides one.
  std::vector<SurveyProvider> survey_providers;
  /// Calendars a person may subscribe to from Outlook or Google Calendar (/calendar/feeds).
  std::vector<calendar::CalendarFeedSource> calendar_feeds;
  /// Keys the module reads from its own section of the config file ([name]); others are refused at start.
  std::vector<SettingSpec> settings;
  /// Who is signed in: exactly one module (accounts) provides it.
  std::optional<IdentityProvider> identity;
  /// Loads reference data every installation needs (e.g. the holiday calendar) after migrating;
  /// must be safe to run on every start.
  std::function<void(store::Database&)> seed;
  /// Loads this module's demo data; must be safe to run twice.
  /// Given the program's policy, so that demo data can be written through the module's own services (history,
  /// notifications and the other modules' interfaces as in real use) by the demo accounts.
  std::function<void(store::Database&, const Policy&)> demo_data;
  /// Makers of many realistic records for benchmarks, run by `sotong generate NAME --count N`.
  std::vector<Generator> generators;
  /// Console commands of the module (`sotong NAME …`), added to the program's command line.
  std::vector<CliCommand> commands;
};

/// Adds a module's embedded files: "migrations/0001_x.sql" become migrations, "openapi.json" and
/// "openapi/*.json" OpenAPI fragments and "templates/x.mustache" templates named "<module>/x". Throws
/// std::logic_error on a migration file without a number.
void add_embedded(ModuleManifest& manifest, const std::vector<EmbeddedFile>& files);

/// Fills the platform's registries from the manifests: history labels, search sources, attachment owners,
/// job kinds, review sources, intake targets, calendar feed sources and indicators. Safe to call again with
/// the same manifests (each command lists them).
void register_extensions(const std::vector<ModuleManifest>& modules);

}  // namespace sotong::platform
