// Pure rules of data linkage's data sets: what the uploader types beside the mapping, the mapping itself,
// and which of a file's headers seems to hold each column.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "modules/audit/dataset.hpp"
#include "modules/audit/linkage/csv_import.hpp"
#include "modules/audit/linkage/shipped_scenarios.hpp"

namespace sotong::audit {

inline constexpr std::size_t kDataSetTitleMaxChars = 200;
inline constexpr std::size_t kDataSetTextMaxChars = 1000;
/// A data set is held for its audit, not for ever: at most five years ahead.
inline constexpr int kMaxRetentionYears = 5;

/// A data set's record fields and its mapping, ready to import.
struct ValidDataSet {
  std::string title;
  std::string purpose;
  std::string legal_basis;
  std::string retention_until;  // YYYY-MM-DD
  std::vector<linkage::ColumnMapping> mapping;
};

/// Field errors (Korean, beside each field; a mapping's field is "map_" + the column's name): a title,
/// purpose and legal basis are required; the retention day must be a date after `today` and within five
/// years; every column of the kind needs a header of the file, and no header may serve two columns.
Result<ValidDataSet> validate_dataset(const DataSetInput& input, const linkage::RoleSchema& kind,
                                      const std::vector<std::string>& headers, CivilDate today);

/// For each column of the kind, the first header that names it (its sample header, its label or its name,
/// spaces and case ignored); "" when none does.
std::vector<std::pair<std::string, std::string>> suggest_mapping(const linkage::RoleSchema& kind,
                                                                 const std::vector<std::string>& headers);

/// "환급번호 ← 환급 번호, 주민등록번호 ← 주민번호, …": the mapping as the record keeps it.
std::string describe_mapping(const linkage::RoleSchema& kind,
                             const std::vector<linkage::ColumnMapping>& mapping);

}  // namespace sotong::audit
