// The SQL of data linkage's data sets: uploads waiting for their mapping, data sets with their stored columns
// in chunks, and each data set's access log. Only this file and linkage_run_store touch the linkage tables.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "modules/audit/dataset.hpp"
#include "store/database.hpp"

namespace sotong::audit::dataset_store {

/// Bytes per stored chunk: small enough for any engine's parameter, large enough that a 500 MB data set is a
/// few hundred rows.
inline constexpr std::size_t kChunkBytes = std::size_t{4} << 20U;

std::int64_t insert_upload(store::Connection& c, const Upload& upload);
std::optional<Upload> find_upload(store::Connection& c, std::int64_t id);
void delete_upload(store::Connection& c, std::int64_t id);
/// Deletes uploads sent before `before` (never imported); returns how many.
std::int64_t delete_uploads_before(store::Connection& c, Timestamp before);

/// Inserts the record and its columns' bytes in chunks; returns the id.
std::int64_t insert_dataset(store::Connection& c, const DataSetRecord& record, std::string_view bytes);
/// Every data set, newest first (disposed ones included: their record stays).
std::vector<DataSetRecord> list_datasets(store::Connection& c);
std::optional<DataSetRecord> find_dataset(store::Connection& c, std::int64_t id);
/// The stored columns' bytes, chunks joined in order ("" for a disposed data set).
std::string read_bytes(store::Connection& c, std::int64_t id);
/// Ids of data sets not yet disposed whose retention day is before `today` (YYYY-MM-DD).
std::vector<std::int64_t> expired(store::Connection& c, std::string_view today);
/// Deletes the stored columns and marks the record disposed.
void dispose(store::Connection& c, std::int64_t id, Timestamp at);

void log_access(store::Connection& c, std::int64_t dataset_id, const DataSetAccess& access);
/// The data set's access log, newest first, at most `limit` lines.
std::vector<DataSetAccess> access_log(store::Connection& c, std::int64_t dataset_id, std::int64_t limit);

}  // namespace sotong::audit::dataset_store
