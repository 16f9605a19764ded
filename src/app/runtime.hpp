// The assembled program: every module's manifest wired to the database, policy, templates and routes.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "platform/module.hpp"
#include "platform/module_settings.hpp"
#include "platform/operations/metrics.hpp"
#include "platform/operations/static_files.hpp"
#include "platform/web/web.hpp"

namespace sotong::app {

/// Every module of the program, in migration order. New modules are added here (scripts/new-module does it).
std::vector<platform::ModuleManifest> all_modules();

struct Runtime {
  Config config;
  std::vector<platform::ModuleManifest> modules;
  std::unique_ptr<store::Database> db;
  platform::Policy policy;
  std::unique_ptr<render::TemplateSet> templates;
  std::unique_ptr<platform::Web> web;
  platform::Metrics metrics;
  std::unique_ptr<platform::StaticFiles> static_files;
};

/// Opens the database (and migrates it), registers permissions, compiles templates and registers routes.
std::unique_ptr<Runtime> build_runtime(Config config);

/// Runs every module's seed (reference data such as holidays); safe on every start.
void seed_reference_data(store::Database& db, const std::vector<platform::ModuleManifest>& modules);

/// Each module's settings section from the config file, checked against what its manifest declares; throws
/// std::runtime_error (Korean) for a section that names no module, an undeclared key or a wrong value.
std::map<std::string, platform::SettingsSection> read_module_settings(
    const Config& config, const std::vector<platform::ModuleManifest>& modules);

/// Migrations of every module, in order.
std::vector<store::Migration> all_migrations(const std::vector<platform::ModuleManifest>& modules);

}  // namespace sotong::app
