#include "store/migration.hpp"

#include <algorithm>
#include <map>

#include "core/clock.hpp"

namespace sotong::store {

int migration_number(const std::string& file_name) {
  int n = 0;
  std::size_t i = 0;
  for (; i < file_name.size() && file_name[i] >= '0' && file_name[i] <= '9'; ++i)
    n = n * 10 + (file_name[i] - '0');
  return i > 0 && i < file_name.size() && file_name[i] == '_' ? n : 0;
}

std::vector<std::string> apply_migrations(Database& db, const std::vector<Migration>& migrations) {
  db.write([](Connection& c) {
    c.execute_script(
        "CREATE TABLE IF NOT EXISTS schema_migrations (module TEXT NOT NULL, number BIGINT NOT NULL, "
        "name TEXT NOT NULL, applied_at BIGINT NOT NULL, PRIMARY KEY (module, number))");
    return 0;
  });
  // Modules migrate in the order they are listed (later modules may reference earlier tables);
  // within a module, by number.
  std::map<std::string, std::size_t> module_rank;
  std::vector<const Migration*> ordered;
  for (const auto& m : migrations) {
    module_rank.emplace(m.module, module_rank.size());
    ordered.push_back(&m);
  }
  std::stable_sort(ordered.begin(), ordered.end(), [&](const Migration* a, const Migration* b) {
    return std::pair(module_rank[a->module], a->number) < std::pair(module_rank[b->module], b->number);
  });
  std::vector<std::string> applied;
  for (const Migration* m : ordered) {
    db.write([&](Connection& c) {
      c.lock_for_migrations();
      if (c.scalar("SELECT COUNT(*) FROM schema_migrations WHERE module = ? AND number = ?",
                   {m->module, m->number}) > 0) {
        return 0;
      }
      try {
        c.execute_script(c.dialect(m->sql));
      } catch (const DatabaseError& e) {
        throw DatabaseError("마이그레이션 " + m->module + "/" + m->name + " 실패: " + e.what());
      }
      c.execute("INSERT INTO schema_migrations (module, number, name, applied_at) VALUES (?, ?, ?, ?)",
                {m->module, m->number, m->name, now()});
      applied.push_back(m->module + "/" + m->name);
      return 0;
    });
  }
  return applied;
}

}  // namespace sotong::store
