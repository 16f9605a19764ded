#include "store/database.hpp"

#include "store/postgres/postgres_connection.hpp"
#include "store/sqlite/sqlite_connection.hpp"

namespace sotong::store {
namespace {
std::function<void(double)>& observer() {
  static std::function<void(double)> fn;
  return fn;
}
}  // namespace

void Connection::each(std::string_view sql, const Params& params, const std::function<void(Row&&)>& each) {
  for (auto& row : query(sql, params)) each(std::move(row));
}

void QueryTiming::record(std::chrono::nanoseconds spent) {
  if (auto& fn = observer()) fn(std::chrono::duration<double>(spent).count());
}
void QueryTiming::set_observer(std::function<void(double)> fn) {
  observer() = std::move(fn);
}

std::int64_t Connection::scalar(std::string_view sql, const Params& params, std::int64_t fallback) {
  auto rows = query(sql, params);
  if (rows.empty() || rows.front().is_null(0)) return fallback;
  return rows.front().int64(0);
}

std::unique_ptr<Database> Database::open(const std::string& url, std::size_t pool_size) {
  if (url.rfind("sqlite:", 0) == 0) {
    std::string path = url.substr(7);
    if (path.rfind("//", 0) == 0) path = path.substr(2);
    if (path.empty()) throw DatabaseError("SQLite 파일 경로가 비어 있습니다: " + url);
    auto db = std::make_unique<Database>(
        Engine::sqlite, [path] { return std::make_unique<SqliteConnection>(path); }, pool_size);
    db->acquire();  // fail at start, not on the first request
    return db;
  }
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    auto db = std::make_unique<Database>(
        Engine::postgres, [url] { return std::make_unique<PostgresConnection>(url); }, pool_size);
    db->acquire();
    return db;
  }
  throw DatabaseError("지원하지 않는 데이터베이스 주소입니다 (sqlite:경로 또는 postgresql://…): " + url);
}

Database::Database(Engine engine, Factory factory, std::size_t pool_size)
    : engine_(engine), factory_(std::move(factory)), pool_size_(pool_size == 0 ? 1 : pool_size) {}

Database::~Database() = default;

Database::Lease::~Lease() {
  if (conn_) db_->release(std::move(conn_));
}

Database::Lease Database::acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [&] { return !idle_.empty() || open_ < pool_size_; });
  if (!idle_.empty()) {
    auto c = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(c));
  }
  ++open_;
  lock.unlock();
  try {
    return Lease(*this, factory_());
  } catch (...) {
    std::lock_guard relock(mutex_);
    --open_;
    available_.notify_one();
    throw;
  }
}

void Database::release(std::unique_ptr<Connection> c) {
  const bool keep = c->healthy();
  std::lock_guard lock(mutex_);
  if (keep) {
    idle_.push_back(std::move(c));
  } else {
    --open_;  // a broken connection is dropped; the next acquire opens a fresh one
  }
  available_.notify_one();
}

}  // namespace sotong::store
