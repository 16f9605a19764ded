// Data linkage's demo data: generated registers of 전북's 14 시·군 in which each shipped scenario finds cases
// planted on purpose (the seed's two refunds to people already dead, 16억 원 between them, among them), so a
// demonstration and a test both know what must be found.
#pragma once

#include <string>
#include <vector>

#include "platform/policy.hpp"
#include "store/database.hpp"

namespace sotong::audit {

/// One generated file, as an auditor would upload it: the kind, a Korean CSV and what the record says.
struct DemoFile {
  std::string kind;
  std::string file_name;
  std::string csv;
  std::string title;
  std::string purpose;
  std::string legal_basis;
};

/// The generated files (deterministic: the same bytes on every call): refunds, deaths, payments, contracts,
/// welfare payments and residents.
std::vector<DemoFile> demo_linkage_files();

/// The labels (id column) of the rows each shipped scenario must flag in the generated files, by scenario
/// code.
struct PlantedCases {
  std::string scenario;
  std::vector<std::string> labels;
};
std::vector<PlantedCases> demo_planted_cases();

/// Imports the files through the module's services as the demo auditor (hashing with the key at the default
/// place) and runs the seed's scenario once. Does nothing when data sets exist already.
void load_demo_linkage(store::Database& db, const platform::Policy& policy);

}  // namespace sotong::audit
