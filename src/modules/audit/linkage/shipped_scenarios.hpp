// The scenarios the audit office starts with, and the data sets each expects.
#pragma once

#include <string>
#include <vector>

#include "modules/audit/linkage/csv_import.hpp"
#include "modules/audit/linkage/data_set.hpp"
#include "modules/audit/linkage/scenario.hpp"

namespace sotong::audit::linkage {

/// A column a role's data set must have: its name and kind in the data set, its Korean label on screens and
/// the header a sample file writes above it.
struct RoleColumn {
  std::string name;
  ColumnKind kind = ColumnKind::text;
  std::string label;
  std::string sample_header;
};

/// The data set a scenario expects in one role ("refunds"): its Korean label and columns.
struct RoleSchema {
  std::string role;
  std::string label;
  std::vector<RoleColumn> columns;

  Schema schema() const;
  /// The mapping that imports a file with the sample headers.
  std::vector<ColumnMapping> sample_mapping() const;
};

struct ShippedScenario {
  Scenario scenario;
  std::vector<RoleSchema> roles;  // the primary role first, then the secondary one (match)
};

/// refund_after_death (사망자 지방세 환급), duplicate_payment (중복 지급), contract_splitting (수의계약
/// 쪼개기), welfare_elsewhere (타 지역 거주자 복지급여); each valid against its roles' schemas.
std::vector<ShippedScenario> shipped_scenarios();

}  // namespace sotong::audit::linkage
