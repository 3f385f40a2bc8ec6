// Table-driven tests of the engine sandbox: every DuckDB function and statement type classified, statements refused.
#include "common/duckdb_handles.hpp"
#include "common/sql_error.hpp"
#include "engine/statement_type_access.hpp"
#include "sql/access_check.hpp"
#include "sql/statement_parser.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace duckgres {
namespace {

//! DuckDB 1.4's table and pragma functions reviewed as harmless to call for any user: catalog listings, pure
//! generators, and file readers that DuckDB itself refuses while enable_external_access is off.
const std::set<std::string> kReviewedReadFunctions = {"check_peg_parser",
                                                      "collations",
                                                      "duckdb_columns",
                                                      "duckdb_constraints",
                                                      "duckdb_dependencies",
                                                      "duckdb_functions",
                                                      "duckdb_indexes",
                                                      "duckdb_keywords",
                                                      "duckdb_optimizers",
                                                      "duckdb_prepared_statements",
                                                      "duckdb_schemas",
                                                      "duckdb_secret_types",
                                                      "duckdb_sequences",
                                                      "duckdb_table_sample",
                                                      "duckdb_tables",
                                                      "duckdb_types",
                                                      "duckdb_variables",
                                                      "duckdb_views",
                                                      "functions",
                                                      "generate_series",
                                                      "glob",
                                                      "histogram",
                                                      "histogram_values",
                                                      "icu_calendar_names",
                                                      "json_each",
                                                      "json_tree",
                                                      "parquet_bloom_probe",
                                                      "parquet_file_metadata",
                                                      "parquet_kv_metadata",
                                                      "parquet_metadata",
                                                      "parquet_scan",
                                                      "parquet_schema",
                                                      "pg_timezone_names",
                                                      "platform",
                                                      "pragma_collations",
                                                      "pragma_platform",
                                                      "pragma_show",
                                                      "pragma_table_info",
                                                      "pragma_user_agent",
                                                      "pragma_version",
                                                      "range",
                                                      "read_blob",
                                                      "read_csv",
                                                      "read_csv_auto",
                                                      "read_json",
                                                      "read_json_auto",
                                                      "read_json_objects",
                                                      "read_json_objects_auto",
                                                      "read_ndjson",
                                                      "read_ndjson_auto",
                                                      "read_ndjson_objects",
                                                      "read_parquet",
                                                      "read_text",
                                                      "repeat",
                                                      "repeat_row",
                                                      "seq_scan",
                                                      "show",
                                                      "show_databases",
                                                      "show_tables",
                                                      "show_tables_expanded",
                                                      "sniff_csv",
                                                      "sql_auto_complete",
                                                      "summary",
                                                      "table_info",
                                                      "test_all_types",
                                                      "test_vector_types",
                                                      "unnest",
                                                      "user_agent",
                                                      "version"};

std::vector<std::string> Strings(duckdb_connection connection, const char *sql) {
    ResultHandle result;
    EXPECT_EQ(duckdb_query(connection, sql, result.Out()), DuckDBSuccess) << duckdb_result_error(result.Get());
    std::vector<std::string> values;
    for (idx_t row = 0; row < duckdb_row_count(result.Get()); row++) {
        auto *value = duckdb_value_varchar(result.Get(), 0, row);
        values.emplace_back(value);
        duckdb_free(value);
    }
    return values;
}

TEST(EngineSandbox, EveryTableAndPragmaFunctionOfDuckDbIsClassified) {
    DatabaseHandle database;
    ConnectionHandle connection;
    ASSERT_EQ(duckdb_open(nullptr, database.Out()), DuckDBSuccess);
    ASSERT_EQ(duckdb_connect(database.Get(), connection.Out()), DuckDBSuccess);
    auto names = Strings(connection.Get(), "SELECT DISTINCT function_name FROM duckdb_functions() WHERE function_type "
                                           "IN ('table', 'pragma', 'table_macro') ORDER BY 1");
    ASSERT_GT(names.size(), 100u);
    for (const auto &name : names) {
        const bool engine = sql::FunctionPrivilege(name) == Privilege::Engine;
        EXPECT_NE(engine, kReviewedReadFunctions.count(name) > 0)
            << name << ": classify it as an engine function (sql/access_check.cpp) or review it as harmless here";
    }
    // Scalar functions that reach the engine's state.
    for (const char *name : {"write_log"}) {
        EXPECT_EQ(sql::FunctionPrivilege(name), Privilege::Engine) << name;
    }
}

TEST(EngineSandbox, DuckDbStatementTypes) {
    DatabaseHandle database;
    ConnectionHandle connection;
    ASSERT_EQ(duckdb_open(nullptr, database.Out()), DuckDBSuccess);
    ASSERT_EQ(duckdb_connect(database.Get(), connection.Out()), DuckDBSuccess);
    ResultHandle setup;
    ASSERT_EQ(duckdb_query(connection.Get(), "CREATE TABLE t (a int)", setup.Out()), DuckDBSuccess);
    struct {
        const char *sql;
        Privilege privilege; //!< in DuckDB's own syntax
    } cases[] = {
        {"FROM t", Privilege::Read},
        {"SUMMARIZE t", Privilege::Read},
        {"INSERT INTO t BY NAME SELECT 1 AS a", Privilege::Write},
        {"CREATE TABLE u AS FROM t", Privilege::Write},
        {"CREATE MACRO m(x) AS x + 1", Privilege::Write},
        {"PRAGMA enable_profiling", Privilege::Engine},
        {"PRAGMA memory_limit = '1GB'", Privilege::Engine},
        {"SET GLOBAL threads = 1", Privilege::Engine},
        {"SET VARIABLE v = 1", Privilege::Engine},
        {"RESET GLOBAL threads", Privilege::Engine},
        {"USE memory", Privilege::Engine},
        {"ATTACH ':memory:' AS m", Privilege::Engine},
        {"DETACH memory", Privilege::Engine},
        {"LOAD json", Privilege::Engine},
        {"INSTALL json", Privilege::Engine},
        {"FORCE CHECKPOINT", Privilege::Engine},
        {"CALL enable_logging()", Privilege::Engine},
        {"EXPORT DATABASE '/tmp/x'", Privilege::Engine},
        {"UPDATE EXTENSIONS", Privilege::Engine},
        {"BEGIN TRANSACTION", Privilege::Never},
    };
    for (const auto &c : cases) {
        PreparedHandle prepared;
        ASSERT_EQ(duckdb_prepare(connection.Get(), c.sql, prepared.Out()), DuckDBSuccess)
            << c.sql << ": " << duckdb_prepare_error(prepared.Get());
        auto type = duckdb_prepared_statement_type(prepared.Get());
        EXPECT_EQ(engine::StatementTypePrivilege(type, false, ""), c.privilege) << c.sql;
    }
    // PostgreSQL's MERGE has no DuckDB type of its own.
    EXPECT_EQ(engine::StatementTypePrivilege(DUCKDB_STATEMENT_TYPE_INVALID, true, "MERGE"), Privilege::Write);
    // PostgreSQL's CHECKPOINT is DuckDB's CALL checkpoint(): an admin's, not the engine's.
    EXPECT_EQ(engine::StatementTypePrivilege(DUCKDB_STATEMENT_TYPE_CALL, true, "CHECKPOINT"), Privilege::Admin);
}

TEST(EngineSandbox, StatementTypeRefusals) {
    AccessRights read_only{false, false, false};
    AccessRights admin{true, true, false};
    AccessRights engine{true, true, true};
    auto sqlstate = [](duckdb_statement_type type, const std::string &tag, const AccessRights &rights) {
        try {
            engine::CheckStatementType(type, !tag.empty(), tag, rights);
            return std::string("ok");
        } catch (const SqlError &error) {
            return error.sqlstate + " " + error.what();
        }
    };
    EXPECT_EQ(sqlstate(DUCKDB_STATEMENT_TYPE_INSERT, "INSERT", read_only),
              "25006 cannot execute INSERT in a read-only transaction");
    EXPECT_EQ(sqlstate(DUCKDB_STATEMENT_TYPE_CREATE, "", read_only),
              "25006 cannot execute CREATE in a read-only transaction");
    EXPECT_EQ(sqlstate(DUCKDB_STATEMENT_TYPE_SELECT, "SELECT", read_only), "ok");
    EXPECT_EQ(sqlstate(DUCKDB_STATEMENT_TYPE_PRAGMA, "", admin),
              "42501 permission denied to run DuckDB's PRAGMA statement");
    EXPECT_EQ(sqlstate(DUCKDB_STATEMENT_TYPE_PRAGMA, "", engine), "ok");
    EXPECT_EQ(sqlstate(DUCKDB_STATEMENT_TYPE_TRANSACTION, "", engine),
              "42501 permission denied to run DuckDB's TRANSACTION statement");
    EXPECT_EQ(sqlstate(DUCKDB_STATEMENT_TYPE_CALL, "CHECKPOINT", admin), "ok");
    EXPECT_EQ(sqlstate(DUCKDB_STATEMENT_TYPE_CALL, "CHECKPOINT", AccessRights{true, false, false}),
              "42501 must be superuser or have privileges of pg_checkpoint to do CHECKPOINT");
}

//! "ok", or the SQLSTATE and message CheckStatementAccess refuses `sql` with.
std::string Outcome(const char *sql, const sql::AccessContext &context) {
    auto parsed = sql::ParseQuery(sql);
    EXPECT_EQ(parsed.statements.size(), 1u) << sql;
    try {
        sql::CheckStatementAccess(parsed.statements[0], context);
        return "ok";
    } catch (const SqlError &error) {
        return error.sqlstate + " " + error.what();
    }
}

TEST(EngineSandbox, StatementChecks) {
    struct {
        const char *sql;
        const char *expected; //!< SQLSTATE and message, or "ok"
    } cases[] = {
        {"select * from t", "ok"},
        {"select count(*) from pg_catalog.pg_class", "ok"},
        {"select * from postgres.public.t", "ok"},
        {"select * from otherdb.public.t", "0A000 cross-database references are not implemented: otherdb.public.t"},
        {"select * from duckgres_catalog.main.pg_class",
         "0A000 cross-database references are not implemented: duckgres_catalog.main.pg_class"},
        {"select * from system.main.duckdb_settings()", "42501 permission denied for function duckdb_settings"},
        {"select * from system.duckdb_tables()", "3F000 schema \"system\" does not exist"},
        {"create view duckgres_catalog.pg_class as select 1", "3F000 schema \"duckgres_catalog\" does not exist"},
        {"drop view duckgres_catalog.main.pg_class",
         "0A000 cross-database references are not implemented: duckgres_catalog.main.pg_class"},
        {"drop function duckgres_catalog.main.format_type(int, int)",
         "0A000 cross-database references are not implemented: duckgres_catalog.main.format_type"},
        {"select duckgres_catalog.main.pg_class.oid from pg_class", "3F000 schema \"duckgres_catalog\" does not exist"},
        {"comment on view duckgres_catalog.main.pg_class is 'x'",
         "0A000 cross-database references are not implemented: duckgres_catalog.main.pg_class"},
        {"select t.s.field from t", "ok"},
        {"select * from query('select 1')", "42501 permission denied for function query"},
        {"select a from t where exists (select 1 from checkpoint())",
         "42501 permission denied for function checkpoint"},
        {"call enable_logging()", "42501 permission denied for procedure enable_logging"},
        {"load 'httpfs'", "42501 access to library \"httpfs\" is not allowed"},
        {"create or replace view pg_catalog.pg_class as select 1",
         "42501 permission denied to create \"pg_catalog.pg_class\""},
        {"create view pg_namespace as select 1", "42501 permission denied to create \"pg_catalog.pg_namespace\""},
        {"insert into pg_class values (1)", "42501 permission denied: \"pg_class\" is a system catalog"},
        {"alter table information_schema.tables rename to x",
         "42501 permission denied: \"tables\" is a system catalog"},
        {"drop view pg_catalog.pg_class", "42501 permission denied: \"pg_class\" is a system catalog"},
        {"create table my_pg_stuff (a int)", "ok"},
        {"select current_setting('TimeZone')", "ok"},
        {"select current_setting(name) from pg_settings",
         "0A000 current_setting() takes a constant parameter name in Duckgres"},
        // DuckDB's own syntax, checked from its tokens.
        {"from duckdb_settings()", "42501 permission denied for function duckdb_settings"},
        {"from \"DuckDB_Settings\" ()", "42501 permission denied for function duckdb_settings"},
        {"from /* a comment */ checkpoint /* another */ ()", "42501 permission denied for function checkpoint"},
        {"from t select 'checkpoint()'", "ok"},
        {"create macro m() as table from query('select 1')", "42501 permission denied for function query"},
        {"from duckgres_catalog.main.pg_class", "3F000 schema \"duckgres_catalog\" does not exist"},
        {"from t select * exclude (a)", "ok"},
        // Found by a red-team pass: EXPLAIN ANALYZE runs what follows it; quoted capitals reach DuckDB's own catalog;
        // DuckDB's views of the engine; DuckDB's syntax reaching DuckDB's pg_catalog.
        {"explain analyze set global memory_limit='123MB'",
         "42501 permission denied to run DuckDB's EXPLAIN SET statement"},
        {"explain (format json) analyze pragma enable_profiling",
         "42501 permission denied to run DuckDB's EXPLAIN PRAGMA statement"},
        {"explain analyze force checkpoint", "42501 permission denied to run DuckDB's EXPLAIN FORCE statement"},
        {"explain analyze select * from t where [1] is not null", "ok"},
        {"explain analyze insert into pg_class values (1)",
         "42501 permission denied: \"pg_class\" is a system catalog"},
        {"select * from \"PG_SETTINGS\"", "42P01 relation \"PG_SETTINGS\" does not exist"},
        {"select * from \"PG_CATALOG\".pg_settings", "3F000 schema \"PG_CATALOG\" does not exist"},
        {"select * from pg_catalog.\"PG_SETTINGS\"", "42P01 relation \"PG_SETTINGS\" does not exist"},
        {"select \"CURRENT_SETTING\"('memory_limit')", "42883 function \"CURRENT_SETTING\" does not exist"},
        {"select pg_catalog.\"Current_Setting\"('x')", "42883 function \"Current_Setting\" does not exist"},
        {"select * from \"MyTable\"", "ok"},
        {"select * from duckdb_databases", "42501 permission denied for function duckdb_databases"},
        {"select * from pragma_database_list", "42501 permission denied for function pragma_database_list"},
        {"select message from system.main.duckdb_logs", "42501 permission denied for function duckdb_logs"},
        {"from pg_settings select name, setting", "0A000 \"pg_settings\" can be read only in PostgreSQL's syntax"},
        {"from duckdb_logs select *", "0A000 \"duckdb_logs\" can be read only in PostgreSQL's syntax"},
        {"delete from pg_am where [1] is not null", "0A000 \"pg_am\" can be read only in PostgreSQL's syntax"},
        {"pragma version", "42501 permission denied to run DuckDB's PRAGMA statement"},
        {"attach ':memory:' as m", "42501 permission denied to run DuckDB's ATTACH statement"},
        {"force checkpoint", "42501 permission denied to run DuckDB's FORCE statement"},
        {"create persistent secret s (type s3, key_id 'k')",
         "42501 permission denied to run DuckDB's SECRET statement"},
        {"create or replace secret s (type s3)", "42501 permission denied to run DuckDB's SECRET statement"},
        {"drop secret s", "42501 permission denied to run DuckDB's SECRET statement"},
    };
    sql::AccessContext context{AccessRights{true, true, false}, "postgres"};
    for (const auto &c : cases) {
        EXPECT_EQ(Outcome(c.sql, context), c.expected) << c.sql;
    }
    // With the engine grant DuckDB's functions and catalogs are reachable; the system catalogs stay read-only.
    sql::AccessContext granted{AccessRights{true, true, true}, "postgres"};
    for (const char *sql : {"select * from duckdb_settings()", "from duckdb_settings()", "call checkpoint()",
                            "select * from duckgres_catalog.main.pg_class"}) {
        EXPECT_NO_THROW(sql::CheckStatementAccess(sql::ParseQuery(sql).statements[0], granted)) << sql;
    }
    EXPECT_THROW(sql::CheckStatementAccess(sql::ParseQuery("drop view pg_catalog.pg_class").statements[0], granted),
                 SqlError);
}

TEST(EngineSandbox, CreatedMacroNames) {
    struct {
        const char *sql;
        const char *name; //!< nullptr: not a macro
    } cases[] = {
        {"create macro duckgres_roles() as table select 1", "duckgres_roles"},
        {"CREATE OR REPLACE TEMP MACRO main.\"Hash\"(x) AS 42", "hash"},
        {"create function f(a) as a + 1", "f"},
        {"create function duckgres_session_user() as 'boss'", "duckgres_session_user"}, // PostgreSQL's grammar
        {"create table t (a int)", nullptr},
        {"from t", nullptr},
    };
    for (const auto &c : cases) {
        auto parsed = sql::ParseQuery(c.sql);
        auto name = sql::CreatedMacroName(parsed.statements[0]);
        EXPECT_EQ(name.value_or("(none)"), c.name ? c.name : "(none)") << c.sql;
    }
}

TEST(EngineSandbox, ReadOnlyUsersWriteNothing) {
    sql::AccessContext read_only{AccessRights{false, false, false}, "postgres"};
    struct {
        const char *sql;
        const char *expected;
    } cases[] = {
        {"select * from t", "ok"},
        {"insert into t values (1)", "25006 cannot execute INSERT in a read-only transaction"},
        {"with x as (delete from t returning *) select * from x",
         "25006 cannot execute DELETE in a read-only transaction"},
        {"create table u (a int)", "25006 cannot execute CREATE TABLE in a read-only transaction"},
        {"truncate t", "25006 cannot execute TRUNCATE TABLE in a read-only transaction"},
        {"copy t from stdin", "25006 cannot execute COPY FROM in a read-only transaction"},
        {"copy t to stdout", "ok"},
        {"set default_transaction_read_only = off", "ok"}, // refused by the session's parameter rules
        {"checkpoint", "42501 must be superuser or have privileges of pg_checkpoint to do CHECKPOINT"},
        // Stricter than PostgreSQL, which refuses only the EXECUTE: the write is seen in the tree at once.
        {"prepare p as insert into t values (1)", "25006 cannot execute INSERT in a read-only transaction"},
        {"begin read only", "ok"},
        {"show all", "ok"},
    };
    for (const auto &c : cases) {
        EXPECT_EQ(Outcome(c.sql, read_only), c.expected) << c.sql;
    }
}

} // namespace
} // namespace duckgres
