#include "modules/audit/dataset_store.hpp"

#include <algorithm>

namespace sotong::audit::dataset_store {
namespace {

constexpr const char* kDataSetColumns =
    "SELECT id, title, kind, purpose, legal_basis, retention_until, file_name, row_count, byte_size, "
    "columns, "
    "owner_id, created_at, disposed_at FROM audit_datasets ";

DataSetRecord dataset_from(const store::Row& r) {
  DataSetRecord d;
  d.id = r.int64(0);
  d.title = r.text(1);
  d.kind = r.text(2);
  d.purpose = r.text(3);
  d.legal_basis = r.text(4);
  d.retention_until = r.text(5);
  d.file_name = r.text(6);
  d.row_count = r.int64(7);
  d.byte_size = r.int64(8);
  d.columns = r.text(9);
  d.owner_id = r.int64(10);
  d.created_at = r.int64(11);
  d.disposed_at = r.optional_int64(12);
  return d;
}

}  // namespace

std::int64_t insert_upload(store::Connection& c, const Upload& upload) {
  return c
      .query(
          "INSERT INTO audit_linkage_uploads (kind, file_name, sealed, uploaded_by, uploaded_at) "
          "VALUES (?, ?, ?, ?, ?) RETURNING id",
          {upload.kind, upload.file_name, store::Blob{upload.sealed}, upload.uploaded_by, upload.uploaded_at})
      .front()
      .int64(0);
}

std::optional<Upload> find_upload(store::Connection& c, std::int64_t id) {
  auto rows = c.query(
      "SELECT id, kind, file_name, sealed, uploaded_by, uploaded_at FROM audit_linkage_uploads WHERE id = ?",
      {id});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.front();
  return Upload{r.int64(0), r.text(1), r.text(2), r.text(3), r.int64(4), r.int64(5)};
}

void delete_upload(store::Connection& c, std::int64_t id) {
  c.execute("DELETE FROM audit_linkage_uploads WHERE id = ?", {id});
}

std::int64_t delete_uploads_before(store::Connection& c, Timestamp before) {
  return c.execute("DELETE FROM audit_linkage_uploads WHERE uploaded_at < ?", {before});
}

std::int64_t insert_dataset(store::Connection& c, const DataSetRecord& d, std::string_view bytes) {
  const auto id =
      c.query(
           "INSERT INTO audit_datasets (title, kind, purpose, legal_basis, retention_until, file_name, "
           "row_count, "
           "byte_size, columns, owner_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
           {d.title, d.kind, d.purpose, d.legal_basis, d.retention_until, d.file_name, d.row_count,
            static_cast<std::int64_t>(bytes.size()), d.columns, d.owner_id, d.created_at})
          .front()
          .int64(0);
  int seq = 0;
  for (std::size_t at = 0; at < bytes.size(); at += kChunkBytes, ++seq) {
    const auto part = bytes.substr(at, std::min(kChunkBytes, bytes.size() - at));
    c.execute("INSERT INTO audit_dataset_chunks (dataset_id, seq, bytes) VALUES (?, ?, ?)",
              {id, seq, store::Blob{std::string(part)}});
  }
  return id;
}

std::vector<DataSetRecord> list_datasets(store::Connection& c) {
  std::vector<DataSetRecord> out;
  for (const auto& r : c.query(std::string(kDataSetColumns) + "ORDER BY id DESC"))
    out.push_back(dataset_from(r));
  return out;
}

std::optional<DataSetRecord> find_dataset(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kDataSetColumns) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return dataset_from(rows.front());
}

std::string read_bytes(store::Connection& c, std::int64_t id) {
  std::string out;
  for (const auto& r :
       c.query("SELECT bytes FROM audit_dataset_chunks WHERE dataset_id = ? ORDER BY seq", {id}))
    out += r.text(0);
  return out;
}

std::vector<std::int64_t> expired(store::Connection& c, std::string_view today) {
  std::vector<std::int64_t> out;
  for (const auto& r :
       c.query("SELECT id FROM audit_datasets WHERE disposed_at IS NULL AND retention_until < ? ORDER BY id",
               {today}))
    out.push_back(r.int64(0));
  return out;
}

void dispose(store::Connection& c, std::int64_t id, Timestamp at) {
  c.execute("DELETE FROM audit_dataset_chunks WHERE dataset_id = ?", {id});
  c.execute("UPDATE audit_datasets SET disposed_at = ? WHERE id = ? AND disposed_at IS NULL", {at, id});
}

void log_access(store::Connection& c, std::int64_t dataset_id, const DataSetAccess& a) {
  c.execute(
      "INSERT INTO audit_dataset_access (dataset_id, account_id, action, detail, remote_address, at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {dataset_id, a.account_id == 0 ? store::Value() : store::Value(a.account_id), a.action, a.detail,
       a.remote_address, a.at});
}

std::vector<DataSetAccess> access_log(store::Connection& c, std::int64_t dataset_id, std::int64_t limit) {
  std::vector<DataSetAccess> out;
  for (const auto& r :
       c.query("SELECT action, detail, account_id, remote_address, at FROM audit_dataset_access "
               "WHERE dataset_id = ? ORDER BY id DESC LIMIT ?",
               {dataset_id, limit}))
    out.push_back({r.text(0), r.text(1), r.is_null(2) ? 0 : r.int64(2), "", r.text(3), r.int64(4)});
  return out;
}

}  // namespace sotong::audit::dataset_store
