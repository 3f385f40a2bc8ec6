// Table-driven tests of which relations a view's SQL reads.
#include "sql/view_dependencies.hpp"

#include <gtest/gtest.h>

namespace duckgres::sql {
namespace {

TEST(ViewDependencies, RelationsAViewReads) {
    struct {
        const char *view_sql;
        const char *schema;
        const char *name;
        bool reads;
    } cases[] = {
        {"CREATE VIEW v AS SELECT a FROM t;", "", "t", true},
        {"CREATE VIEW v AS SELECT a FROM t;", "public", "t", true},
        {"CREATE VIEW v AS SELECT a FROM s.t;", "public", "t", false},
        {"CREATE VIEW v AS SELECT a FROM s.t;", "s", "t", true},
        {"CREATE VIEW v AS SELECT a FROM u JOIN t ON u.a = t.a;", "", "t", true},
        {"CREATE VIEW v AS SELECT (SELECT max(b) FROM t) AS m;", "", "t", true},
        {"CREATE VIEW v AS SELECT a FROM tt;", "", "t", false},
        {"CREATE VIEW v AS SELECT 't' AS a;", "", "t", false},
        {"not sql at all", "", "t", false},
    };
    for (const auto &c : cases) {
        EXPECT_EQ(ViewReadsRelation(c.view_sql, c.schema, c.name), c.reads) << c.view_sql << " / " << c.name;
    }
}

} // namespace
} // namespace duckgres::sql
