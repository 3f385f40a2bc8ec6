// Shared test support: an in-process DuckDB, table rows of {SQL, PostgreSQL text, OID}, a runner.
#pragma once

#include "types/time_zone.hpp"
#include "types/type_mapping.hpp"
#include "types/value_encoder.hpp"

#include <duckdb.h>
#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace duckgres::types::testing {

//! One table row: a DuckDB expression and the text PostgreSQL 15 prints for the equivalent value.
struct TextCase {
    const char *duckdb;        //!< expression evaluated as "SELECT <duckdb>"
    const char *expected;      //!< PostgreSQL's text output; nullptr for SQL NULL
    uint32_t oid;              //!< expected type OID
    const char *postgres = ""; //!< equivalent PostgreSQL expression when it differs; nullptr when
                               //!< PostgreSQL has no equivalent (skipped by pg_crosscheck.py)
    const char *time_zone = "UTC";
    int extra_float_digits = 1;
};

inline void PrintTo(const TextCase &c, std::ostream *os) {
    *os << "SELECT " << c.duckdb << " [TimeZone=" << c.time_zone << ", extra_float_digits=" << c.extra_float_digits
        << "]";
}

struct EncodedColumn {
    PgType type;
    std::vector<std::optional<std::string>> values; //!< nullopt = NULL
};

//! An in-memory DuckDB shared by all tests of the binary; also defines the ENUM types used by tests.
class TestDatabase {
public:
    static TestDatabase &Get() {
        static TestDatabase db;
        return db;
    }

    //! Runs `sql`; returns the error message or "" on success.
    std::string Execute(const std::string &sql) {
        duckdb_result result;
        std::string error;
        if (duckdb_query(connection_, sql.c_str(), &result) != DuckDBSuccess) {
            error = duckdb_result_error(&result);
        }
        duckdb_destroy_result(&result);
        return error;
    }

    //! Runs `sql` and encodes every row of its first column with a ValueEncoder.
    EncodedColumn EncodeFirstColumn(const std::string &sql, const TextFormatOptions &options) {
        EncodedColumn column;
        duckdb_result result;
        if (duckdb_query(connection_, sql.c_str(), &result) != DuckDBSuccess) {
            ADD_FAILURE() << sql << ": " << duckdb_result_error(&result);
            duckdb_destroy_result(&result);
            return column;
        }
        duckdb_logical_type type = duckdb_column_logical_type(&result, 0);
        column.type = MapLogicalType(type);
        auto encoder = ValueEncoder::Create(type);
        duckdb_destroy_logical_type(&type);
        for (duckdb_data_chunk chunk = duckdb_fetch_chunk(result); chunk; chunk = duckdb_fetch_chunk(result)) {
            encoder->Bind(duckdb_data_chunk_get_vector(chunk, 0));
            for (idx_t row = 0; row < duckdb_data_chunk_get_size(chunk); row++) {
                if (encoder->IsNull(row)) {
                    column.values.emplace_back();
                } else {
                    std::string text;
                    encoder->AppendText(row, text, options);
                    column.values.emplace_back(std::move(text));
                }
            }
            duckdb_destroy_data_chunk(&chunk);
        }
        duckdb_destroy_result(&result);
        return column;
    }

    ~TestDatabase() {
        duckdb_disconnect(&connection_);
        duckdb_close(&database_);
    }

private:
    TestDatabase() {
        duckdb_open(nullptr, &database_);
        duckdb_connect(database_, &connection_);
        Execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
        Execute("CREATE TYPE wide_enum AS ENUM (SELECT 'v' || range::VARCHAR FROM range(300))");
        Execute("CREATE TYPE huge_enum AS ENUM (SELECT 'w' || range::VARCHAR FROM range(70000))");
        // The string types the server's catalog registers (engine/catalog_builder.cpp): VARCHARs under an alias.
        for (const char *alias : kStringTypeAliases) {
            duckdb_logical_type type = duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR);
            duckdb_logical_type_set_alias(type, alias);
            duckdb_register_logical_type(connection_, type, nullptr);
            duckdb_destroy_logical_type(&type);
        }
    }

    duckdb_database database_ = nullptr;
    duckdb_connection connection_ = nullptr;
};

//! All case tables, for the PostgreSQL cross-check dump.
inline std::vector<const std::vector<TextCase> *> &CaseRegistry() {
    static std::vector<const std::vector<TextCase> *> registry;
    return registry;
}

inline bool RegisterCases(const std::vector<TextCase> &cases) {
    CaseRegistry().push_back(&cases);
    return true;
}

//! Parameterized over TextCase: encodes the expression and compares text and OID.
class TextOutputTest : public ::testing::TestWithParam<TextCase> {};

inline void RunTextCase(const TextCase &c) {
    auto zone = TimeZone::Load(c.time_zone);
    ASSERT_NE(zone, nullptr) << c.time_zone;
    TextFormatOptions options;
    options.time_zone = zone.get();
    options.extra_float_digits = c.extra_float_digits;
    EncodedColumn column = TestDatabase::Get().EncodeFirstColumn(std::string("SELECT ") + c.duckdb, options);
    ASSERT_EQ(column.values.size(), 1u);
    EXPECT_EQ(column.type.oid, c.oid);
    if (c.expected == nullptr) {
        EXPECT_FALSE(column.values[0].has_value()) << *column.values[0];
    } else {
        EXPECT_EQ(column.values[0].value_or("<NULL>"), c.expected);
    }
}

} // namespace duckgres::types::testing
