// The PostgreSQL engine over libpq: `?` placeholders rewritten to $n, statements prepared once per
// connection.
#pragma once

#include <string>
#include <unordered_map>

#include "store/database.hpp"

struct pg_conn;
struct pg_result;

namespace sotong::store {

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(const std::string& url);
  ~PostgresConnection() override;

  Engine engine() const override { return Engine::postgres; }
  Rows query(std::string_view sql, const Params& params) override;
  std::int64_t execute(std::string_view sql, const Params& params) override;
  void execute_script(std::string_view sql) override;
  void begin(bool writing) override;
  void commit() override;
  void rollback() override;
  void lock_for_migrations() override;
  void lock_named(std::int64_t key) override;
  bool healthy() override;
  std::string dialect(std::string_view portable_sql) const override;

 private:
  pg_result* run(std::string_view sql, const Params& params);

  pg_conn* conn_ = nullptr;
  std::unordered_map<std::string, std::string> prepared_;  // SQL → statement name
};

/// Rewrites `?` placeholders outside quotes to PostgreSQL's $1, $2, …
std::string number_placeholders(std::string_view sql);

}  // namespace sotong::store
