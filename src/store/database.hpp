// The storage interface: one Database, two engines (SQLite, PostgreSQL), pooled connections and transactions.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/result.hpp"
#include "store/value.hpp"

namespace sotong::store {

enum class Engine { sqlite, postgres };

/// An I/O fault or broken SQL: a real failure, thrown.
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A uniqueness or foreign-key rule refused a write; services turn it into a Korean conflict message.
class ConstraintViolation : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

/// One engine connection, used by one thread at a time. SQL uses `?` placeholders on both engines.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Engine engine() const = 0;
  /// Runs a statement and returns its rows (none for statements that return nothing).
  virtual Rows query(std::string_view sql, const Params& params = {}) = 0;
  /// Runs a statement and hands `each` its rows one at a time, in order, keeping none: for reads of tens of
  /// thousands of rows, which query() would hold all at once (allocating and freeing 50,000 rows together was
  /// a quarter of a page's time on SQLite). The default reads them with query().
  virtual void each(std::string_view sql, const Params& params, const std::function<void(Row&&)>& each);
  /// Runs a statement and returns the number of rows it changed.
  virtual std::int64_t execute(std::string_view sql, const Params& params = {}) = 0;
  /// Runs several statements without parameters (migrations).
  virtual void execute_script(std::string_view sql) = 0;
  /// Starts a transaction; a writing one takes the write lock at once on SQLite (BEGIN IMMEDIATE).
  virtual void begin(bool writing) = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  /// Serialises migration runs across every node sharing the database, until the transaction ends.
  virtual void lock_for_migrations() = 0;
  /// Serialises the holders of `key` across every node until the transaction ends (PostgreSQL advisory
  /// lock; on SQLite the writing transaction already excludes other writers). Throws DatabaseError when
  /// called outside a transaction, where the lock would protect nothing.
  virtual void lock_named(std::int64_t key) = 0;
  /// False when the connection broke and must be replaced.
  virtual bool healthy() = 0;
  /// Applies the engine's spelling of the portable markers: the types used in migrations ({{id}},
  /// {{blob}}) and `{{find_text}}(text, part)`, the 1-based byte position of `part` in `text` or 0
  /// (SQLite instr, PostgreSQL strpos): a case-sensitive "contains" without LIKE's per-character pattern
  /// matching, which costs SQLite about ten times more on Korean text.
  virtual std::string dialect(std::string_view portable_sql) const = 0;

  /// First row's first column as an integer, or `fallback` when there is no row.
  std::int64_t scalar(std::string_view sql, const Params& params = {}, std::int64_t fallback = 0);
};

template <typename T>
struct IsResult : std::false_type {};
template <typename T>
struct IsResult<Result<T>> : std::true_type {};

class Database {
 public:
  using Factory = std::function<std::unique_ptr<Connection>()>;

  /// Opens "sqlite:PATH" or "postgresql://…"; throws DatabaseError when it cannot connect.
  static std::unique_ptr<Database> open(const std::string& url, std::size_t pool_size = 4);

  Database(Engine engine, Factory factory, std::size_t pool_size);
  ~Database();
  Engine engine() const { return engine_; }

  class Lease {
   public:
    Lease(Database& db, std::unique_ptr<Connection> c) : db_(&db), conn_(std::move(c)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = default;
    ~Lease();
    Connection& operator*() { return *conn_; }
    Connection* operator->() { return conn_.get(); }

   private:
    Database* db_;
    std::unique_ptr<Connection> conn_;
  };

  /// Borrows a connection; blocks while every connection is in use.
  Lease acquire();

  /// Runs `work(Connection&)` outside an explicit transaction (single reads).
  template <typename F>
  auto read(F&& work) {
    auto lease = acquire();
    return work(*lease);
  }

  /// Runs `work(Connection&)` in one transaction; commits when it returns (and, for a Result, when the
  /// Result is ok), rolls back when it throws or returns an error.
  template <typename F>
  auto write(F&& work) {
    auto lease = acquire();
    lease->begin(true);
    try {
      if constexpr (std::is_void_v<decltype(work(*lease))>) {
        work(*lease);
        lease->commit();
        return;
      } else {
        auto outcome = work(*lease);
        if constexpr (IsResult<decltype(outcome)>::value) {
          if (!outcome.ok()) {
            lease->rollback();
            return outcome;
          }
        }
        lease->commit();
        return outcome;
      }
    } catch (...) {
      try {
        lease->rollback();
      } catch (...) {
      }
      throw;
    }
  }

 private:
  void release(std::unique_ptr<Connection> c);

  Engine engine_;
  Factory factory_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::size_t open_ = 0;
  std::size_t pool_size_;
};

/// Total time spent inside engine calls, for /metrics; engines add to it.
struct QueryTiming {
  static void record(std::chrono::nanoseconds spent);
  static void set_observer(std::function<void(double seconds)> observer);
};

}  // namespace sotong::store
