// Table-driven tests of the DuckDB error to SQLSTATE mapping, with real DuckDB errors.
#include "engine/database.hpp"
#include "engine/engine_connection.hpp"
#include "engine/error_mapping.hpp"

#include <gtest/gtest.h>

namespace duckgres::engine {
namespace {

TEST(ErrorMapping, FromMessages) {
    struct {
        const char *message;
        const char *sqlstate;
        const char *mapped;
    } cases[] = {
        {"Parser Error: syntax error at or near \"selec\"", "42601", "syntax error at or near \"selec\""},
        {"Catalog Error: Table with name nosuch does not exist!\nDid you mean \"x\"?", "42P01",
         "relation \"nosuch\" does not exist"},
        {"Catalog Error: Schema with name s does not exist!", "3F000", "Schema with name s does not exist!"},
        {"Catalog Error: Scalar Function with name foo does not exist!", "42883",
         "Scalar Function with name foo does not exist!"},
        {"Catalog Error: Table with name t already exists!", "42P07", "Table with name t already exists!"},
        {"Binder Error: Referenced column \"zz\" not found in FROM clause!", "42703", "column \"zz\" does not exist"},
        {"Constraint Error: NOT NULL constraint failed: t.a", "23502", "NOT NULL constraint failed: t.a"},
        {"Constraint Error: Duplicate key \"a: 1\" violates primary key constraint.", "23505",
         "duplicate key value violates unique constraint"},
        {"Conversion Error: Could not convert string 'abc' to INT32", "22P02",
         "Could not convert string 'abc' to INT32"},
        {"Conversion Error: Type INT32 with value 99999999999 can't be cast because the value is out of range for "
         "the destination type INT16",
         "22003", nullptr},
        {"Out of Range Error: Overflow in multiplication of INT32 (2147483647 * 2)!", "22003", nullptr},
        {"Not implemented Error: this is not there", "0A000", "this is not there"},
        {"Conversion Error: Could not cast value 12345 to DECIMAL(3,1)", "22003", "numeric field overflow"},
        {"Conversion Error: Could not convert string \"abc\" to DECIMAL(3,1)", "22P02", nullptr},
        {"Binder Error: Referenced update column b not found in table!", "42703", nullptr},
        {"Constraint Error: CHECK constraint failed on table t with expression CHECK((length(rtrim(a, ' ')) <= 3))",
         "22001", "value too long for type character varying(3)"},
        {"Constraint Error: CHECK constraint failed on table t with expression CHECK((length(rtrim(\"Odd, Name\")) <= "
         "2))",
         "22001", "value too long for type character(2)"},
        {"Constraint Error: CHECK constraint failed on table t with expression CHECK((a > 0))", "23514", nullptr},
        {"TransactionContext Error: Catalog write-write conflict on alter with \"t\"", "40001", nullptr},
        {"Conversion Error: Could not convert string '99999999999' to INT32", "22003", nullptr},
        {"Conversion Error: Could not convert string '-9' to UINT8", "22003", nullptr},
        {"Conversion Error: Could not convert string '12x' to INT64", "22P02", nullptr},
        {"Binder Error: WHERE clause cannot contain window functions!", "42P20", nullptr},
        {"Binder Error: The specified columns as conflict target are not referenced by a UNIQUE/PRIMARY KEY "
         "CONSTRAINT or INDEX",
         "42P10", nullptr},
        {"Binder Error: Cannot concatenate types INTEGER[] and VARCHAR[] - an explicit cast is required", "42883",
         nullptr},
        {"Binder Error: Cannot concatenate lists of types INTEGER[] and VARCHAR[] - an explicit cast is required",
         "42883", nullptr},
        {"Catalog Error: v is not an table", "55000", nullptr},
        {"Parser Error: ORDER BY in a recursive query is not allowed", "0A000", nullptr},
        {"Constraint Error: Data contains duplicates on indexed column(s)", "23505", nullptr},
        {"Conversion Error: truncate specifier \"fortnight\" not recognized", "22023", nullptr},
        {"Something without a prefix", "XX000", "Something without a prefix"},
        // Duckgres's own functions carry PostgreSQL's code in front of the message.
        {"Invalid Input Error: SQLSTATE 22023: invalid hexadecimal digit: \"g\"", "22023",
         "invalid hexadecimal digit: \"g\""},
        {"Conversion Error: SQLSTATE 22P02: invalid input syntax for type bytea", "22P02",
         "invalid input syntax for type bytea"},
        {"Invalid Input Error: SQLSTATE 2202: too short", "22023", "SQLSTATE 2202: too short"},
    };
    for (const auto &c : cases) {
        auto error = MapDuckDbError(std::nullopt, c.message);
        EXPECT_EQ(error.sqlstate, c.sqlstate) << c.message;
        if (c.mapped) {
            EXPECT_EQ(std::string(error.what()), c.mapped) << c.message;
        }
    }
}

TEST(ErrorMapping, OwnDetailAfterTheMessage) {
    auto error = MapDuckDbError(std::nullopt, "Invalid Input Error: SQLSTATE 23503: insert or update on table \"c\" "
                                              "violates foreign key constraint \"c_p_fkey\"\nDETAIL: Key (p)=(5) "
                                              "is not present in table \"p\".");
    EXPECT_EQ(error.sqlstate, "23503");
    EXPECT_EQ(std::string(error.what()),
              "insert or update on table \"c\" violates foreign key constraint \"c_p_fkey\"");
    EXPECT_EQ(error.detail, "Key (p)=(5) is not present in table \"p\".");
    // Without a code of Duckgres's own, a DETAIL-like line stays in DuckDB's message.
    auto plain = MapDuckDbError(std::nullopt, "Invalid Input Error: oops\nDETAIL: x");
    EXPECT_TRUE(plain.detail.empty());
}

TEST(ErrorMapping, PositionFromCaret) {
    auto error = MapDuckDbError(std::nullopt,
                                "Catalog Error: Table with name nosuch does not exist!\n\nLINE 1: select * from "
                                "nosuch\n                      ^",
                                "select * from nosuch");
    EXPECT_EQ(error.position, 15);
    auto multi = MapDuckDbError(
        std::nullopt, "Parser Error: syntax error at or near \"frm\"\n\nLINE 2: frm t\n        ^", "select 1\nfrm t");
    EXPECT_EQ(multi.position, 10);
}

TEST(ErrorMapping, RealDuckDbErrors) {
    Database database("test", ":memory:", DatabaseOptions{});
    auto owned = std::shared_ptr<Database>(&database, [](Database *) {});
    EngineConnection connection(owned);
    struct {
        const char *sql;
        const char *sqlstate;
    } cases[] = {
        {"selec 1", "42601"},
        {"select * from nosuch", "42P01"},
        {"select nosuch from (select 1 as a)", "42703"},
        {"select nosuchfn(1)", "42883"},
        {"select 'abc'::int", "22P02"},
        {"select 2147483647::int * 2", "22003"},
        {"select 40000::smallint", "22003"},
        {"create table dup(a int primary key); insert into dup values (1); insert into dup values (1)", "23505"},
    };
    for (const auto &c : cases) {
        std::string sqlstate;
        try {
            std::string sql = c.sql;
            size_t start = 0;
            while (start < sql.size()) {
                auto end = sql.find("; ", start);
                connection.Run(sql.substr(start, end == std::string::npos ? std::string::npos : end - start));
                start = end == std::string::npos ? sql.size() : end + 2;
            }
        } catch (const SqlError &e) {
            sqlstate = e.sqlstate;
        }
        EXPECT_EQ(sqlstate, c.sqlstate) << c.sql;
    }
}

} // namespace
} // namespace duckgres::engine
