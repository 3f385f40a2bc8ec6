// Table-driven tests of ExistenceChecks: the objects of IF [NOT] EXISTS statements and their NOTICEs.
#include "sql/existence_checks.hpp"
#include "sql/statement_parser.hpp"

#include <gtest/gtest.h>

namespace duckgres::sql {
namespace {

TEST(ExistenceChecks, ObjectsAndNotices) {
    struct {
        const char *sql;
        std::vector<std::string> notices; //!< "<sqlstate> <message>" of each check, [schema.] prefixed
    } cases[] = {
        {"drop table if exists t", {"00000 table \"t\" does not exist, skipping"}},
        {"drop table if exists s.t, u",
         {"00000 s.table \"t\" does not exist, skipping", "00000 table \"u\" does not exist, skipping"}},
        {"drop view if exists v", {"00000 view \"v\" does not exist, skipping"}},
        {"drop sequence if exists q", {"00000 sequence \"q\" does not exist, skipping"}},
        {"drop index if exists i", {"00000 index \"i\" does not exist, skipping"}},
        {"drop schema if exists s", {"00000 schema \"s\" does not exist, skipping"}},
        {"drop type if exists e", {"00000 type \"e\" does not exist, skipping"}},
        {"create table if not exists t (a int)", {"42P07 relation \"t\" already exists, skipping"}},
        {"create sequence if not exists s.q", {"42P07 s.relation \"q\" already exists, skipping"}},
        {"create index if not exists i on t (a)", {"42P07 relation \"i\" already exists, skipping"}},
        {"create schema if not exists s", {"42P06 schema \"s\" already exists, skipping"}},
        {"alter table if exists s.t add column c int", {"00000 s.relation \"t\" does not exist, skipping"}},
        {"alter table t add column if not exists c int, drop column if exists d",
         {"42701 column \"c\" of relation \"t\" already exists, skipping",
          "00000 column \"d\" of relation \"t\" does not exist, skipping"}},
        {"alter table t add column c int", {}},
        {"drop table t", {}},
        {"create table t (a int)", {}},
        {"drop function if exists f()", {}},
    };
    for (const auto &c : cases) {
        auto parsed = ParseQuery(c.sql);
        ASSERT_EQ(parsed.statements.size(), 1u) << c.sql;
        std::vector<std::string> got;
        for (const auto &check : ExistenceChecks(*parsed.statements[0].tree)) {
            got.push_back(check.Sqlstate() + " " + (check.schema.empty() ? "" : check.schema + ".") + check.Message());
        }
        EXPECT_EQ(got, c.notices) << c.sql;
    }
}

} // namespace
} // namespace duckgres::sql
