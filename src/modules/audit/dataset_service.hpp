// Use cases of data linkage's data sets: upload a file, preview it and map its columns, import it (resident
// numbers hashed, all rows or none), read a data set's record and access log, and dispose of it when its
// retention day has passed. Only the audit office (kLinkage) reaches any of them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "modules/audit/dataset.hpp"
#include "modules/audit/linkage/data_set.hpp"
#include "modules/audit/linkage/shipped_scenarios.hpp"
#include "modules/audit/linkage_key.hpp"
#include "platform/service_context.hpp"

namespace sotong::audit {

inline constexpr const char* kDataSetNotFound = "찾으시는 데이터셋이 없습니다.";

/// The kinds of data set the scenarios know ("refunds", "deaths", …): each the columns a file must give.
const std::vector<linkage::RoleSchema>& dataset_kinds();
/// The kind with that code, or nullptr.
const linkage::RoleSchema* find_dataset_kind(std::string_view code);

/// What the mapping screen shows: the file's headers and first rows (resident numbers masked), and for each
/// of the kind's columns the header that seems to hold it ("" when none does).
struct UploadPreview {
  Upload upload;
  const linkage::RoleSchema* kind = nullptr;
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::pair<std::string, std::string>> suggested;  // column name → header
};

/// Keeps an uploaded file, sealed with the uploader's session, until it is mapped and imported. Field errors
/// for an unknown kind or an empty or unreadable file (its first lines are read to tell).
Result<std::int64_t> stage_upload(const platform::ServiceContext& svc, std::string_view session_token,
                                  std::string_view kind, std::string_view file_name, std::string_view bytes);

/// The upload's preview; not_found for another person's upload, an expired one or one sealed for another
/// session.
Result<UploadPreview> preview_upload(const platform::ServiceContext& svc, std::string_view session_token,
                                     std::int64_t upload_id);

/// Imports the upload with its mapping and the record's fields: every row or none (field errors name the
/// rows that are wrong, never a resident number). Returns the data set's id; the upload is deleted.
Result<std::int64_t> import_upload(const platform::ServiceContext& svc, std::string_view session_token,
                                   std::int64_t upload_id, const DataSetInput& input, const LinkageKey& key);

/// Imports a file that is already on the server (the console command and the demo data): the same checks.
Result<std::int64_t> import_file(const platform::ServiceContext& svc, std::string_view kind,
                                 std::string_view file_name, std::string_view bytes,
                                 const DataSetInput& input, const LinkageKey& key);

Result<std::vector<DataSetRecord>> list_datasets(const platform::ServiceContext& svc);
Result<DataSetRecord> get_dataset(const platform::ServiceContext& svc, std::int64_t id);
Result<std::vector<DataSetAccess>> dataset_access_log(const platform::ServiceContext& svc, std::int64_t id);

/// Deletes a data set's rows now (the record and its log stay): before its retention day, when the purpose
/// is met.
Result<void> dispose_dataset(const platform::ServiceContext& svc, std::int64_t id);

/// The job: deletes the rows of every data set whose retention day has passed, and uploads older than an
/// hour. Returns how many data sets it disposed of.
std::int64_t dispose_expired_datasets(store::Database& db);

/// The data set's columns from storage, logging the access (`action`, `detail`) on the caller's connection.
Result<linkage::DataSet> load_columns(store::Connection& c, const Actor& actor, const DataSetRecord& record,
                                      std::string_view action, std::string_view detail);

}  // namespace sotong::audit
