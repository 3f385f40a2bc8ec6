// Table-driven tests of the rewrite passes: the SQL text DuckDB receives.
#include "sql/rewriter.hpp"
#include "sql/statement_parser.hpp"

#include <gtest/gtest.h>

namespace duckgres::sql {
namespace {

TEST(Rewriter, Passes) {
    struct {
        const char *sql;
        const char *rewritten; //!< nullptr: left unchanged
    } cases[] = {
        {"select 1 / 2, a / 2.5, a % 3", nullptr},
        {"select a / b from t", "SELECT a / CASE WHEN b = 0 THEN error('division by zero') ELSE b END FROM t"},
        {"select a % b from t", "SELECT a % CASE WHEN b = 0 THEN error('division by zero') ELSE b END FROM t"},
        {"select 1 / 0", "SELECT 1 / CASE WHEN 0 = 0 THEN error('division by zero') ELSE 0 END"},
        {"select current_user, session_user", "SELECT 'alice', 'alice'"},
        {"select pg_backend_pid()", "SELECT 4242"},
        {"select current_setting('TimeZone'), current_setting('threads')", "SELECT 'UTC', current_setting('threads')"},
        {"select g from generate_series(1, 3) g", "SELECT g FROM generate_series(1, 3) g(g)"},
        {"select g from generate_series(1, 3) as g(x)", nullptr},
        {"select * from read_csv('x') t", nullptr},
        {"select generate_series(1, 3)", "SELECT unnest(generate_series(1, 3))"},
        {"select a from t where b = 1 order by a desc", nullptr},
        {"create table c (p int references parent (id))", "CREATE TABLE c (p int REFERENCES public.parent (id))"},
        {"create table c (p int references s.parent (id))", nullptr},
        {"select length(s), upper(s) from t", "SELECT length(s)::int, upper(s) FROM t"},
        {"select a / length(s) from t",
         "SELECT a / CASE WHEN length(s)::int = 0 THEN error('division by zero') ELSE length(s)::int END FROM t"},
    };
    RewriteContext context{"alice", 4242, {}, [](const std::string &name) -> std::optional<std::string> {
                               if (name == "TimeZone") {
                                   return "UTC";
                               }
                               return std::nullopt;
                           }};
    for (const auto &c : cases) {
        auto parsed = ParseQuery(c.sql);
        ASSERT_EQ(parsed.statements.size(), 1u) << c.sql;
        auto rewritten = RewriteForDuckDb(*parsed.statements[0].tree, context);
        if (c.rewritten == nullptr) {
            EXPECT_FALSE(rewritten.has_value()) << c.sql << " -> " << rewritten.value_or("");
        } else {
            ASSERT_TRUE(rewritten.has_value()) << c.sql;
            EXPECT_EQ(*rewritten, c.rewritten) << c.sql;
        }
    }
}

} // namespace
} // namespace duckgres::sql
