// The list-query builder: conditions and their parameters stay in step, an empty scope matches nothing, and
// the first page has no keyset condition; run on SQLite to show the clause is what the engine takes.
#include "store/conditions.hpp"

#include <gtest/gtest.h>

#include "store/database.hpp"

namespace sotong::store {
namespace {

TEST(Conditions, ConditionsAndTheirParametersStayInStep) {
  Conditions where;
  where.add("state = ?", {"open"}).in("organization_id", std::vector<std::int64_t>{3, 5}).before(40);
  EXPECT_EQ(where.where(), " WHERE 1 = 1 AND state = ? AND organization_id IN (?, ?) AND id < ?");
  ASSERT_EQ(where.params().size(), 4U);
  EXPECT_EQ(std::get<std::string>(where.params()[0].storage()), "open");
  EXPECT_EQ(std::get<std::int64_t>(where.params()[2].storage()), 5);
  EXPECT_EQ(std::get<std::int64_t>(where.params()[3].storage()), 40);
  EXPECT_EQ(where.params_with({10}).size(), 5U);
}

TEST(Conditions, AnEmptyScopeMatchesNoRowAndTheFirstPageHasNoKeyset) {
  Conditions where;
  where.in("organization_id", std::vector<std::int64_t>{}).before(0);
  EXPECT_EQ(where.where(), " WHERE 1 = 1 AND 1 = 0");
  EXPECT_TRUE(where.params().empty());
}

TEST(Conditions, TheEngineTakesTheClause) {
  auto db = Database::open("sqlite::memory:", 1);
  db->write([](Connection& c) {
    c.execute_script(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, org INTEGER, state TEXT);"
        "INSERT INTO t VALUES (1, 3, 'open'), (2, 5, 'open'), (3, 5, 'done'), (4, 7, 'open');");
  });
  auto ids = [&](const Conditions& where) {
    std::vector<std::int64_t> out;
    db->read([&](Connection& c) {
      for (const auto& row :
           c.query("SELECT id FROM t" + where.where() + " ORDER BY id DESC LIMIT ?", where.params_with({10})))
        out.push_back(row.int64(0));
    });
    return out;
  };
  Conditions scoped;
  scoped.add("state = ?", {"open"}).in("org", std::vector<std::int64_t>{3, 5, 7}).before(4);
  EXPECT_EQ(ids(scoped), (std::vector<std::int64_t>{2, 1}));
  Conditions none;
  none.in("org", std::vector<std::int64_t>{});
  EXPECT_TRUE(ids(none).empty());
}

}  // namespace
}  // namespace sotong::store
