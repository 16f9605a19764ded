// A data set as bytes and back, so the module can keep an imported set in its database.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "modules/audit/linkage/data_set.hpp"

namespace sotong::audit::linkage {

/// The data set in a versioned little-endian format: the magic "SOTLNKDS", a version, the row and column
/// counts, then each column's kind, name and values (a code column's dictionary, a text column's arena and
/// row ends). Resident numbers were never in the data set, so they are not in the bytes either.
std::string serialize(const DataSet& data);

/// The data set the bytes were made from; bytes that are cut short, have another magic or version, or hold
/// lengths or ids that do not fit give an invalid_input error and are never read past their end.
Result<DataSet> deserialize(std::string_view bytes);

}  // namespace sotong::audit::linkage
