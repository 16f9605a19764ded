#include "modules/audit/dataset_service.hpp"

#include <algorithm>
#include <utility>

#include "core/korean_text.hpp"
#include "modules/audit/audit_permissions.hpp"
#include "modules/audit/dataset_rules.hpp"
#include "modules/audit/dataset_store.hpp"
#include "modules/audit/linkage/csv_import.hpp"
#include "modules/audit/linkage/data_set_codec.hpp"
#include "modules/audit/linkage/person_hasher.hpp"
#include "modules/audit/linkage/value_parsers.hpp"
#include "platform/accounts/account_store.hpp"
#include "platform/crypto.hpp"
#include "platform/history/history.hpp"
#include "platform/imports/table_reader.hpp"
#include "platform/imports/text_encoding.hpp"

namespace sotong::audit {
namespace {

constexpr const char* kSealPurpose = "audit.linkage.upload";
/// An upload waits this long for its mapping; the retention job deletes older ones.
constexpr Timestamp kUploadLifetime = 3600;
constexpr std::size_t kPreviewRows = 10;

/// A file as the engine reads it: the text of a CSV file in UTF-8, or the rows of a workbook's first sheet.
struct FileTable {
  bool workbook = false;
  std::string utf8;
  std::vector<CsvRow> rows;
};

bool looks_like_workbook(std::string_view bytes, std::string_view file_name) {
  return bytes.starts_with(std::string_view("PK\x03\x04", 4)) || file_name.ends_with(".xlsx") ||
         file_name.ends_with(".XLSX");
}

Result<FileTable> read_file(std::string_view bytes, std::string_view file_name) {
  FileTable out;
  if (looks_like_workbook(bytes, file_name)) {
    auto rows = platform::imports::read_table(bytes, file_name);
    if (!rows) return Error::invalid(rows.error().message, {{"file", rows.error().message}});
    out.workbook = true;
    out.rows = std::move(*rows);
    return out;
  }
  auto text = platform::imports::text_as_utf8(bytes);
  if (!text)
    return Error::invalid("파일을 읽을 수 없습니다.",
                          {{"file", "CSV 파일(UTF-8 또는 EUC-KR)이나 엑셀(.xlsx) 파일을 올려 주십시오."}});
  out.utf8 = std::move(*text);
  return out;
}

/// The headers and first rows, resident numbers masked.
Result<linkage::Preview> preview_of(const FileTable& file) {
  if (!file.workbook) {
    auto preview = linkage::preview_csv(file.utf8, kPreviewRows);
    if (!preview)
      return Error::invalid("파일에 내용이 없습니다.", {{"file", "첫 줄에 열 이름이 있어야 합니다."}});
    for (auto& h : preview->headers) h = std::string(linkage::trim_blanks(h));
    return std::move(*preview);
  }
  if (file.rows.empty())
    return Error::invalid("파일에 내용이 없습니다.", {{"file", "첫 줄에 열 이름이 있어야 합니다."}});
  linkage::Preview preview;
  for (const auto& h : file.rows.front()) preview.headers.emplace_back(linkage::trim_blanks(h));
  for (std::size_t r = 1; r < file.rows.size() && r <= kPreviewRows; ++r) {
    std::vector<std::string> row;
    for (const auto& cell : file.rows[r]) row.push_back(linkage::mask_resident_numbers(cell));
    preview.rows.push_back(std::move(row));
  }
  return preview;
}

Result<Upload> own_upload(store::Connection& c, const Actor& actor, std::int64_t id) {
  auto upload = dataset_store::find_upload(c, id);
  if (!upload || upload->uploaded_by != actor.account_id || upload->uploaded_at + kUploadLifetime < now())
    return Error::not_found("올린 파일이 없거나 한 시간이 지나 지워졌습니다. 파일을 다시 올려 주십시오.");
  return std::move(*upload);
}

platform::history::Fields record_fields(const DataSetRecord& d) {
  return {{"title", d.title},
          {"kind", d.kind},
          {"purpose", d.purpose},
          {"legal_basis", d.legal_basis},
          {"retention_until", d.retention_until},
          {"row_count", d.row_count}};
}

void describe(store::Connection& c, std::vector<DataSetRecord>& records) {
  std::vector<std::int64_t> ids;
  for (const auto& r : records) ids.push_back(r.owner_id);
  const auto names = platform::account_store::display_names(c, ids);
  for (auto& r : records)
    if (auto it = names.find(r.owner_id); it != names.end()) r.owner_name = it->second;
}

/// The import proper, shared by an upload and a file on the server: checks, the engine's all-or-nothing
/// import, and one transaction for the record, its columns, its log and its history.
Result<std::int64_t> import_table(const platform::ServiceContext& svc, const linkage::RoleSchema& kind,
                                  std::string_view file_name, const FileTable& file,
                                  const DataSetInput& input, const LinkageKey& key, std::int64_t upload_id) {
  auto preview = preview_of(file);
  if (!preview) return preview.error();
  auto valid = validate_dataset(input, kind, preview->headers, seoul_today());
  if (!valid) return valid.error();
  const linkage::PersonHasher hasher(key);
  auto imported = file.workbook ? linkage::import_rows(file.rows, valid->mapping, hasher)
                                : linkage::import_csv(file.utf8, valid->mapping, hasher);
  if (!imported) return Error::invalid(imported.error().message, {});
  const std::string bytes = linkage::serialize(imported->data);

  DataSetRecord record;
  record.title = valid->title;
  record.kind = kind.role;
  record.purpose = valid->purpose;
  record.legal_basis = valid->legal_basis;
  record.retention_until = valid->retention_until;
  record.file_name = std::string(file_name);
  record.row_count = imported->data.row_count();
  record.columns = describe_mapping(kind, valid->mapping);
  record.owner_id = svc.actor.account_id;
  record.created_at = now();
  return svc.db.write([&](store::Connection& c) {
    const auto id = dataset_store::insert_dataset(c, record, bytes);
    dataset_store::log_access(c, id,
                              {"import", std::to_string(record.row_count) + "행", svc.actor.account_id, "",
                               svc.actor.remote_address, record.created_at});
    platform::history::record_change(
        c, svc.actor, {"audit_dataset", id, "create", "", platform::history::to_json(record_fields(record))});
    if (upload_id != 0) dataset_store::delete_upload(c, upload_id);
    return id;
  });
}

}  // namespace

const std::vector<linkage::RoleSchema>& dataset_kinds() {
  static const std::vector<linkage::RoleSchema> kKinds = [] {
    std::vector<linkage::RoleSchema> out;
    for (const auto& s : linkage::shipped_scenarios())
      for (const auto& role : s.roles)
        if (std::none_of(out.begin(), out.end(), [&](const auto& k) { return k.role == role.role; }))
          out.push_back(role);
    return out;
  }();
  return kKinds;
}

const linkage::RoleSchema* find_dataset_kind(std::string_view code) {
  for (const auto& k : dataset_kinds())
    if (k.role == code) return &k;
  return nullptr;
}

Result<std::int64_t> stage_upload(const platform::ServiceContext& svc, std::string_view session_token,
                                  std::string_view kind, std::string_view file_name, std::string_view bytes) {
  if (auto allowed = platform::require(svc, kLinkage); !allowed) return allowed.error();
  std::vector<FieldError> errors;
  if (find_dataset_kind(kind) == nullptr) errors.push_back({"kind", "자료의 종류를 골라 주십시오."});
  if (bytes.empty()) errors.push_back({"file", "올릴 파일을 골라 주십시오."});
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  auto file = read_file(bytes, file_name);
  if (!file) return file.error();
  if (auto preview = preview_of(*file); !preview) return preview.error();
  Upload upload;
  upload.kind = std::string(kind);
  upload.file_name = std::string(file_name.empty() ? "자료.csv" : file_name);
  upload.sealed = platform::seal_for_session(session_token, kSealPurpose, bytes);
  upload.uploaded_by = svc.actor.account_id;
  upload.uploaded_at = now();
  return svc.db.write([&](store::Connection& c) { return dataset_store::insert_upload(c, upload); });
}

Result<UploadPreview> preview_upload(const platform::ServiceContext& svc, std::string_view session_token,
                                     std::int64_t upload_id) {
  if (auto allowed = platform::require(svc, kLinkage); !allowed) return allowed.error();
  auto upload = svc.db.read([&](store::Connection& c) { return own_upload(c, svc.actor, upload_id); });
  if (!upload) return upload.error();
  const auto bytes = platform::open_for_session(session_token, kSealPurpose, upload->sealed);
  if (!bytes) return Error::not_found("올린 파일을 이 접속에서는 열 수 없습니다. 파일을 다시 올려 주십시오.");
  auto file = read_file(*bytes, upload->file_name);
  if (!file) return file.error();
  auto preview = preview_of(*file);
  if (!preview) return preview.error();
  UploadPreview out;
  out.kind = find_dataset_kind(upload->kind);
  if (out.kind == nullptr) return Error::not_found();
  out.upload = std::move(*upload);
  out.upload.sealed.clear();
  out.headers = std::move(preview->headers);
  out.rows = std::move(preview->rows);
  out.suggested = suggest_mapping(*out.kind, out.headers);
  return out;
}

Result<std::int64_t> import_upload(const platform::ServiceContext& svc, std::string_view session_token,
                                   std::int64_t upload_id, const DataSetInput& input, const LinkageKey& key) {
  if (auto allowed = platform::require(svc, kLinkage); !allowed) return allowed.error();
  auto upload = svc.db.read([&](store::Connection& c) { return own_upload(c, svc.actor, upload_id); });
  if (!upload) return upload.error();
  const auto bytes = platform::open_for_session(session_token, kSealPurpose, upload->sealed);
  if (!bytes) return Error::not_found("올린 파일을 이 접속에서는 열 수 없습니다. 파일을 다시 올려 주십시오.");
  const auto* kind = find_dataset_kind(upload->kind);
  if (kind == nullptr) return Error::not_found();
  auto file = read_file(*bytes, upload->file_name);
  if (!file) return file.error();
  return import_table(svc, *kind, upload->file_name, *file, input, key, upload_id);
}

Result<std::int64_t> import_file(const platform::ServiceContext& svc, std::string_view kind,
                                 std::string_view file_name, std::string_view bytes,
                                 const DataSetInput& input, const LinkageKey& key) {
  if (auto allowed = platform::require(svc, kLinkage); !allowed) return allowed.error();
  const auto* schema = find_dataset_kind(kind);
  if (schema == nullptr)
    return Error::invalid("자료의 종류를 골라 주십시오.", {{"kind", "자료의 종류를 골라 주십시오."}});
  auto file = read_file(bytes, file_name);
  if (!file) return file.error();
  return import_table(svc, *schema, file_name, *file, input, key, 0);
}

Result<std::vector<DataSetRecord>> list_datasets(const platform::ServiceContext& svc) {
  if (auto allowed = platform::require(svc, kLinkage); !allowed) return allowed.error();
  return svc.db.read([&](store::Connection& c) {
    auto records = dataset_store::list_datasets(c);
    describe(c, records);
    return records;
  });
}

Result<DataSetRecord> get_dataset(const platform::ServiceContext& svc, std::int64_t id) {
  if (auto allowed = platform::require(svc, kLinkage); !allowed) return allowed.error();
  return svc.db.read([&](store::Connection& c) -> Result<DataSetRecord> {
    auto found = dataset_store::find_dataset(c, id);
    if (!found) return Error::not_found(kDataSetNotFound);
    std::vector<DataSetRecord> one{std::move(*found)};
    describe(c, one);
    return std::move(one.front());
  });
}

Result<std::vector<DataSetAccess>> dataset_access_log(const platform::ServiceContext& svc, std::int64_t id) {
  if (auto allowed = platform::require(svc, kLinkage); !allowed) return allowed.error();
  return svc.db.read([&](store::Connection& c) -> Result<std::vector<DataSetAccess>> {
    if (!dataset_store::find_dataset(c, id)) return Error::not_found(kDataSetNotFound);
    auto log = dataset_store::access_log(c, id, 200);
    std::vector<std::int64_t> ids;
    for (const auto& a : log) ids.push_back(a.account_id);
    const auto names = platform::account_store::display_names(c, ids);
    for (auto& a : log)
      if (auto it = names.find(a.account_id); it != names.end()) a.account_name = it->second;
    return log;
  });
}

Result<void> dispose_dataset(const platform::ServiceContext& svc, std::int64_t id) {
  if (auto allowed = platform::require(svc, kLinkage); !allowed) return allowed.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto found = dataset_store::find_dataset(c, id);
    if (!found) return Error::not_found(kDataSetNotFound);
    if (found->disposed_at) return Error::conflict("이미 폐기한 데이터셋입니다.");
    const Timestamp at = now();
    dataset_store::dispose(c, id, at);
    dataset_store::log_access(
        c, id, {"dispose", "담당자가 폐기", svc.actor.account_id, "", svc.actor.remote_address, at});
    platform::history::record_change(
        c, svc.actor,
        {"audit_dataset", id, "dispose", platform::history::to_json(record_fields(*found)), ""});
    return success();
  });
}

std::int64_t dispose_expired_datasets(store::Database& db) {
  const Timestamp at = now();
  return db.write([&](store::Connection& c) {
    dataset_store::delete_uploads_before(c, at - kUploadLifetime);
    const auto ids = dataset_store::expired(c, format_seoul_date(at));
    for (auto id : ids) {
      dataset_store::dispose(c, id, at);
      dataset_store::log_access(c, id, {"dispose", "보유 기한이 지나 자동 폐기", 0, "", "", at});
    }
    return static_cast<std::int64_t>(ids.size());
  });
}

Result<linkage::DataSet> load_columns(store::Connection& c, const Actor& actor, const DataSetRecord& record,
                                      std::string_view action, std::string_view detail) {
  if (record.disposed_at)
    return Error::conflict(with_particle(record.title, "은/는") + " 보유 기한이 지나 폐기했습니다.");
  auto data = linkage::deserialize(dataset_store::read_bytes(c, record.id));
  if (!data) return Error{ErrorCode::internal, "데이터셋을 읽을 수 없습니다: " + data.error().message, {}};
  dataset_store::log_access(
      c, record.id,
      {std::string(action), std::string(detail), actor.account_id, "", actor.remote_address, now()});
  platform::history::record_access(
      c, actor, {"audit_dataset", record.id, record.title, platform::history::AccessAction::view, ""});
  return std::move(*data);
}

}  // namespace sotong::audit
