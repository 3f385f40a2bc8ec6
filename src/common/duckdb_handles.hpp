// RAII owners for DuckDB C API handles.
#pragma once

#include <duckdb.h>

#include <memory>
#include <string>

namespace duckgres {

//! Owns one DuckDB handle of type H, destroyed with Destroy(&handle) exactly once.
template <class H, void (*Destroy)(H *)>
class DuckDbHandle {
public:
    DuckDbHandle() = default;
    explicit DuckDbHandle(H handle) : handle_(handle) {}
    DuckDbHandle(const DuckDbHandle &) = delete;
    DuckDbHandle &operator=(const DuckDbHandle &) = delete;
    DuckDbHandle(DuckDbHandle &&other) noexcept : handle_(other.handle_) { other.handle_ = nullptr; }
    DuckDbHandle &operator=(DuckDbHandle &&other) noexcept {
        if (this != &other) {
            Reset();
            handle_ = other.handle_;
            other.handle_ = nullptr;
        }
        return *this;
    }
    ~DuckDbHandle() { Reset(); }

    void Reset() {
        if (handle_) {
            Destroy(&handle_);
            handle_ = nullptr;
        }
    }
    H Get() const { return handle_; }
    //! For C API calls that fill in a handle: frees the old one and returns its address.
    H *Out() {
        Reset();
        return &handle_;
    }
    explicit operator bool() const { return handle_ != nullptr; }

private:
    H handle_ = nullptr;
};

using DatabaseHandle = DuckDbHandle<duckdb_database, duckdb_close>;
using ConnectionHandle = DuckDbHandle<duckdb_connection, duckdb_disconnect>;
using ConfigHandle = DuckDbHandle<duckdb_config, duckdb_destroy_config>;
using PreparedHandle = DuckDbHandle<duckdb_prepared_statement, duckdb_destroy_prepare>;
using PendingHandle = DuckDbHandle<duckdb_pending_result, duckdb_destroy_pending>;
using DataChunkHandle = DuckDbHandle<duckdb_data_chunk, duckdb_destroy_data_chunk>;
using LogicalTypeHandle = DuckDbHandle<duckdb_logical_type, duckdb_destroy_logical_type>;
using ExtractedHandle = DuckDbHandle<duckdb_extracted_statements, duckdb_destroy_extracted>;
using ErrorDataHandle = DuckDbHandle<duckdb_error_data, duckdb_destroy_error_data>;
using ValueHandle = DuckDbHandle<duckdb_value, duckdb_destroy_value>;

//! duckdb_result is a struct, not a pointer: owned separately.
class ResultHandle {
public:
    ResultHandle() = default;
    ResultHandle(const ResultHandle &) = delete;
    ResultHandle &operator=(const ResultHandle &) = delete;
    ~ResultHandle() { Reset(); }
    void Reset() {
        if (valid_) {
            duckdb_destroy_result(&result_);
            valid_ = false;
        }
    }
    duckdb_result *Out() {
        Reset();
        valid_ = true;
        return &result_;
    }
    duckdb_result *Get() { return valid_ ? &result_ : nullptr; }

private:
    duckdb_result result_{};
    bool valid_ = false;
};

//! Copies a string allocated by DuckDB and frees it; nullptr becomes "".
inline std::string TakeDuckDbString(char *s) {
    if (!s) {
        return {};
    }
    std::string result(s);
    duckdb_free(s);
    return result;
}

} // namespace duckgres
