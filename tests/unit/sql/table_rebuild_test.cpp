// Tests of the statements that make a table again with other constraints.
#include "sql/table_rebuild.hpp"

#include <gtest/gtest.h>

namespace duckgres::sql {
namespace {

TEST(TableRebuild, StatementsInOrder) {
    TableRebuild rebuild;
    rebuild.table = "\"public\".\"t\"";
    rebuild.copy_name = "duckgres_rebuild_7";
    rebuild.columns = {{"id", "INTEGER", "nextval('t_id_seq')", true, ""},
                       {"email", "VARCHAR", "", false, "where to write"},
                       {"Q", "pg_varchar_3", "'x'", false, ""}};
    rebuild.constraints = {"PRIMARY KEY(id)", "CHECK((length(rtrim(\"Q\", ' ')) <= 3))", "UNIQUE (email)"};
    rebuild.indexes = {"CREATE INDEX t_q ON public.t(\"Q\");"};
    rebuild.comment = "rows\x1du\x1f"
                      "email\x1ft_email_uq";
    const std::vector<std::string> expected = {
        "CREATE TEMPORARY TABLE \"duckgres_rebuild_7\" AS SELECT * FROM \"public\".\"t\"",
        "DROP TABLE \"public\".\"t\"",
        "CREATE TABLE \"public\".\"t\" (\"id\" INTEGER NOT NULL, \"email\" VARCHAR, \"Q\" pg_varchar_3, PRIMARY "
        "KEY(id), "
        "CHECK((length(rtrim(\"Q\", ' ')) <= 3)), UNIQUE (email))",
        "INSERT INTO \"public\".\"t\" SELECT * FROM \"duckgres_rebuild_7\"",
        "DROP TABLE \"duckgres_rebuild_7\"",
        "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"id\" SET DEFAULT nextval('t_id_seq')",
        "ALTER TABLE \"public\".\"t\" ALTER COLUMN \"Q\" SET DEFAULT 'x'",
        "CREATE INDEX t_q ON public.t(\"Q\");",
        "COMMENT ON TABLE \"public\".\"t\" IS 'rows\x1du\x1f"
        "email\x1ft_email_uq'",
        "COMMENT ON COLUMN \"public\".\"t\".\"email\" IS 'where to write'",
    };
    EXPECT_EQ(TableRebuildStatements(rebuild), expected);
}

TEST(TableRebuild, TemporaryTableWithoutComments) {
    TableRebuild rebuild;
    rebuild.table = "\"t\"";
    rebuild.copy_name = "duckgres_rebuild_9";
    rebuild.temporary = true;
    rebuild.columns = {{"a", "INTEGER", "", false, ""}};
    const std::vector<std::string> expected = {
        "CREATE TEMPORARY TABLE \"duckgres_rebuild_9\" AS SELECT * FROM \"t\"",
        "DROP TABLE \"t\"",
        "CREATE TEMPORARY TABLE \"t\" (\"a\" INTEGER)",
        "INSERT INTO \"t\" SELECT * FROM \"duckgres_rebuild_9\"",
        "DROP TABLE \"duckgres_rebuild_9\"",
    };
    EXPECT_EQ(TableRebuildStatements(rebuild), expected);
}

} // namespace
} // namespace duckgres::sql
