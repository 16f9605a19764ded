#include "store/postgres/postgres_connection.hpp"

#include <libpq-fe.h>

#include <chrono>
#include <cstring>
#include <memory>

#include "store/dialect.hpp"

namespace sotong::store {
namespace {
// Type OIDs from pg_type.h (stable across releases).
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701,
              kNumeric = 1700;

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

std::string decode_bytea(const char* text, int length) {
  std::string out;
  if (length >= 2 && text[0] == '\\' && text[1] == 'x') {
    out.reserve((length - 2) / 2);
    for (int i = 2; i + 1 < length; i += 2)
      out.push_back(static_cast<char>(hex_value(text[i]) * 16 + hex_value(text[i + 1])));
  }
  return out;
}

[[noreturn]] void throw_for(PGresult* result, PGconn* conn, std::string_view what) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string message =
      std::string(what) + ": " + (result ? PQresultErrorMessage(result) : PQerrorMessage(conn));
  // Class 23 is "integrity constraint violation" (unique, foreign key, check).
  if (state && std::strncmp(state, "23", 2) == 0) throw ConstraintViolation(message);
  throw DatabaseError(message);
}
}  // namespace

std::string number_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (const char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out.push_back(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
    } else if (c == '?') {
      out += "$" + std::to_string(++n);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

PostgresConnection::PostgresConnection(const std::string& url) {
  conn_ = PQconnectdb(url.c_str());
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn_);
    PQfinish(conn_);
    conn_ = nullptr;
    throw DatabaseError("PostgreSQL에 연결할 수 없습니다: " + message);
  }
  PQsetClientEncoding(conn_, "UTF8");
  execute_script("SET client_min_messages = warning; SET TIME ZONE 'UTC'");
}

PostgresConnection::~PostgresConnection() {
  PQfinish(conn_);
}

PGresult* PostgresConnection::run(std::string_view sql, const Params& params) {
  const auto start = std::chrono::steady_clock::now();
  std::string key(sql);
  auto it = prepared_.find(key);
  if (it == prepared_.end()) {
    std::string name = "s" + std::to_string(prepared_.size() + 1);
    ResultPtr prep(PQprepare(conn_, name.c_str(), number_placeholders(sql).c_str(), 0, nullptr));
    if (PQresultStatus(prep.get()) != PGRES_COMMAND_OK) throw_for(prep.get(), conn_, "SQL 준비 실패");
    it = prepared_.emplace(std::move(key), std::move(name)).first;
  }
  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size());
  std::vector<int> lengths(params.size()), formats(params.size());
  for (std::size_t i = 0; i < params.size(); ++i) {
    const auto& v = params[i].storage();
    if (std::holds_alternative<std::monostate>(v)) {
      values[i] = nullptr;
      continue;
    }
    if (const auto* n = std::get_if<std::int64_t>(&v)) texts[i] = std::to_string(*n);
    if (const auto* d = std::get_if<double>(&v)) texts[i] = std::to_string(*d);
    if (const auto* s = std::get_if<std::string>(&v)) texts[i] = *s;
    if (const auto* b = std::get_if<Blob>(&v)) {
      texts[i] = b->bytes;
      formats[i] = 1;  // binary, so bytes pass untouched
    }
    values[i] = texts[i].data();
    lengths[i] = static_cast<int>(texts[i].size());
  }
  PGresult* result = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()), values.data(),
                                    lengths.data(), formats.data(), 0);
  QueryTiming::record(std::chrono::steady_clock::now() - start);
  const auto status = PQresultStatus(result);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    ResultPtr owned(result);
    throw_for(result, conn_, "SQL 실행 실패");
  }
  return result;
}

Rows PostgresConnection::query(std::string_view sql, const Params& params) {
  ResultPtr result(run(sql, params));
  PGresult* r = result.get();
  const int nrows = PQntuples(r), ncols = PQnfields(r);
  Rows rows;
  rows.reserve(nrows);
  for (int i = 0; i < nrows; ++i) {
    std::vector<Value> cells;
    cells.reserve(ncols);
    for (int c = 0; c < ncols; ++c) {
      if (PQgetisnull(r, i, c)) {
        cells.emplace_back();
        continue;
      }
      const char* text = PQgetvalue(r, i, c);
      const int length = PQgetlength(r, i, c);
      switch (PQftype(r, c)) {
        case kInt2:
        case kInt4:
        case kInt8:
          cells.emplace_back(static_cast<long long>(std::strtoll(text, nullptr, 10)));
          break;
        case kFloat4:
        case kFloat8:
        case kNumeric:
          cells.emplace_back(std::strtod(text, nullptr));
          break;
        case kBool:
          cells.emplace_back(text[0] == 't');
          break;
        case kBytea:
          cells.emplace_back(Blob{decode_bytea(text, length)});
          break;
        default:
          cells.emplace_back(std::string(text, static_cast<std::size_t>(length)));
      }
    }
    rows.emplace_back(std::move(cells));
  }
  return rows;
}

std::int64_t PostgresConnection::execute(std::string_view sql, const Params& params) {
  ResultPtr result(run(sql, params));
  const char* affected = PQcmdTuples(result.get());
  return affected && *affected ? std::strtoll(affected, nullptr, 10) : 0;
}

void PostgresConnection::execute_script(std::string_view sql) {
  const auto start = std::chrono::steady_clock::now();
  ResultPtr result(PQexec(conn_, std::string(sql).c_str()));
  QueryTiming::record(std::chrono::steady_clock::now() - start);
  const auto status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    throw_for(result.get(), conn_, "SQL 실행 실패");
}

void PostgresConnection::begin(bool) {
  execute_script("BEGIN");
}
void PostgresConnection::commit() {
  execute_script("COMMIT");
}
void PostgresConnection::rollback() {
  if (PQtransactionStatus(conn_) != PQTRANS_IDLE) execute_script("ROLLBACK");
}
void PostgresConnection::lock_for_migrations() {
  execute_script("SELECT pg_advisory_xact_lock(727001)");
}
void PostgresConnection::lock_named(std::int64_t key) {
  if (PQtransactionStatus(conn_) != PQTRANS_INTRANS)
    throw DatabaseError("이름 붙은 잠금은 트랜잭션 안에서만 쓸 수 있습니다.");
  execute_script("SELECT pg_advisory_xact_lock(" + std::to_string(key) + ")");
}

bool PostgresConnection::healthy() {
  if (PQstatus(conn_) != CONNECTION_OK) return false;
  if (PQtransactionStatus(conn_) != PQTRANS_IDLE) {
    try {
      rollback();  // a lease returned mid-transaction must not leak its transaction to the next user
    } catch (const DatabaseError&) {
      return false;
    }
  }
  return true;
}

std::string PostgresConnection::dialect(std::string_view portable_sql) const {
  return apply_dialect(portable_sql, {{"{{id}}", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"},
                                      {"{{blob}}", "BYTEA"},
                                      {"{{find_text}}", "strpos"}});
}

}  // namespace sotong::store
