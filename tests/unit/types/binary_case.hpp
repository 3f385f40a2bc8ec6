// Binary-format test support: case rows, hex helpers, and a DuckDB that encodes results and binds parameters.
#pragma once

#include "common/sql_error.hpp"
#include "types/parameter_decoder.hpp"
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

//! A DuckDB expression and the bytes PostgreSQL 15 sends for the equivalent value in binary
//! format (checked by tests/unit/types/pg_binary_crosscheck.py against a real server).
struct BinaryCase {
    const char *duckdb;        //!< evaluated as "SELECT <duckdb>"
    const char *hex;           //!< PostgreSQL's binary bytes as lowercase hex
    uint32_t oid;              //!< the column's type OID (PostgreSQL's and Duckgres's)
    const char *postgres = ""; //!< PostgreSQL expression when it differs; nullptr: no equivalent
    bool round_trip = true;    //!< DecodeParameter(oid, binary) and re-encoding gives the same bytes
};

inline void PrintTo(const BinaryCase &c, std::ostream *os) {
    *os << "SELECT " << c.duckdb;
}

//! A text parameter, the PostgreSQL type OID it is bound as, and the binary bytes PostgreSQL 15
//! sends for `SELECT $1` with it (the decoded DuckDB value is encoded and compared).
struct TextParameterCase {
    uint32_t oid;
    const char *input;
    const char *hex;
    const char *time_zone = "UTC";
};

inline void PrintTo(const TextParameterCase &c, std::ostream *os) {
    *os << "oid " << c.oid << " '" << c.input << "' [TimeZone=" << c.time_zone << "]";
}

//! A binary parameter (as hex) and the bytes PostgreSQL 15 sends back for `SELECT $1` with it.
struct BinaryParameterCase {
    uint32_t oid;
    const char *input;
    const char *hex;
};

inline void PrintTo(const BinaryParameterCase &c, std::ostream *os) {
    *os << "oid " << c.oid << " " << c.input;
}

//! A parameter PostgreSQL 15 rejects: text input, or binary input as hex when format is 1.
struct ParameterErrorCase {
    uint32_t oid;
    int16_t format;
    const char *input;
    const char *sqlstate;
    const char *message;
};

inline void PrintTo(const ParameterErrorCase &c, std::ostream *os) {
    *os << "oid " << c.oid << " format " << c.format << " '" << c.input << "'";
}

inline std::string ToHex(std::string_view bytes) {
    constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
    return out;
}

inline std::string FromHex(std::string_view hex) {
    const auto value = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    std::string out;
    for (size_t i = 0; i + 1 < hex.size(); i += 2) {
        out += static_cast<char>(value(hex[i]) * 16 + value(hex[i + 1]));
    }
    return out;
}

struct BinaryColumn {
    PgType type;
    std::vector<std::optional<std::string>> values; //!< binary bytes; nullopt = NULL
    std::string error;                              //!< query error or SqlError thrown by the encoder
    std::string sqlstate;
};

//! An in-memory DuckDB for the binary tests.
class BinaryDatabase {
public:
    static BinaryDatabase &Get() {
        static BinaryDatabase db;
        return db;
    }

    void Execute(const std::string &sql) {
        duckdb_result result;
        if (duckdb_query(connection_, sql.c_str(), &result) != DuckDBSuccess) {
            ADD_FAILURE() << sql << ": " << duckdb_result_error(&result);
        }
        duckdb_destroy_result(&result);
    }

    //! Runs `sql`, binding `parameter` to $1 when given, and encodes the first column in binary.
    BinaryColumn Encode(const std::string &sql, duckdb_value parameter = nullptr) {
        BinaryColumn column;
        duckdb_prepared_statement prepared;
        if (duckdb_prepare(connection_, sql.c_str(), &prepared) != DuckDBSuccess) {
            column.error = duckdb_prepare_error(prepared);
            duckdb_destroy_prepare(&prepared);
            return column;
        }
        if (parameter && duckdb_bind_value(prepared, 1, parameter) != DuckDBSuccess) {
            column.error = duckdb_prepare_error(prepared);
            duckdb_destroy_prepare(&prepared);
            return column;
        }
        duckdb_result result;
        if (duckdb_execute_prepared(prepared, &result) != DuckDBSuccess) {
            column.error = duckdb_result_error(&result);
            duckdb_destroy_result(&result);
            duckdb_destroy_prepare(&prepared);
            return column;
        }
        duckdb_logical_type type = duckdb_column_logical_type(&result, 0);
        column.type = MapLogicalType(type);
        auto encoder = ValueEncoder::Create(type);
        duckdb_destroy_logical_type(&type);
        TextFormatOptions options;
        for (duckdb_data_chunk chunk = duckdb_fetch_chunk(result); chunk; chunk = duckdb_fetch_chunk(result)) {
            encoder->Bind(duckdb_data_chunk_get_vector(chunk, 0));
            for (idx_t row = 0; row < duckdb_data_chunk_get_size(chunk); row++) {
                if (encoder->IsNull(row)) {
                    column.values.emplace_back();
                    continue;
                }
                std::string bytes;
                try {
                    encoder->AppendBinary(row, bytes, options);
                } catch (const SqlError &e) {
                    column.error = e.what();
                    column.sqlstate = e.sqlstate;
                }
                column.values.emplace_back(std::move(bytes));
            }
            duckdb_destroy_data_chunk(&chunk);
        }
        duckdb_destroy_result(&result);
        duckdb_destroy_prepare(&prepared);
        return column;
    }

    //! Evaluates `sql` (a query, or an expression evaluated as "SELECT (<sql>)::VARCHAR") with $1
    //! bound to `parameter` and returns its first value as text.
    std::string QueryText(const std::string &sql, duckdb_value parameter) {
        duckdb_prepared_statement prepared;
        std::string out;
        const std::string query = sql.rfind("SELECT ", 0) == 0 ? sql : "SELECT (" + sql + ")::VARCHAR";
        if (duckdb_prepare(connection_, query.c_str(), &prepared) != DuckDBSuccess) {
            out = std::string("prepare error: ") + duckdb_prepare_error(prepared);
        } else if (parameter && duckdb_bind_value(prepared, 1, parameter) != DuckDBSuccess) {
            out = std::string("bind error: ") + duckdb_prepare_error(prepared);
        } else {
            duckdb_result result;
            if (duckdb_execute_prepared(prepared, &result) != DuckDBSuccess) {
                out = std::string("error: ") + duckdb_result_error(&result);
            } else {
                char *text = duckdb_value_varchar(&result, 0, 0);
                out = text ? text : "<NULL>";
                duckdb_free(text);
            }
            duckdb_destroy_result(&result);
        }
        duckdb_destroy_prepare(&prepared);
        return out;
    }

    duckdb_connection Connection() const { return connection_; }

    ~BinaryDatabase() {
        duckdb_disconnect(&connection_);
        duckdb_close(&database_);
    }

private:
    BinaryDatabase() {
        duckdb_open(nullptr, &database_);
        duckdb_connect(database_, &connection_);
        Execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
    }

    duckdb_database database_ = nullptr;
    duckdb_connection connection_ = nullptr;
};

//! Decodes a parameter; returns the value or records the SqlError.
inline OwnedValue TryDecode(uint32_t type_oid, int16_t format, std::string_view bytes, const TextFormatOptions &options,
                            std::string *sqlstate, std::string *message) {
    try {
        return DecodeParameter(type_oid, format, bytes, options);
    } catch (const SqlError &e) {
        *sqlstate = e.sqlstate;
        *message = e.what();
        return OwnedValue();
    }
}

} // namespace duckgres::types::testing
