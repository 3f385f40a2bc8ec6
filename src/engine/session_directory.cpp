// Registers duckgres_cursors(), a DuckDB table function answering from the calling session.
#include "engine/session_directory.hpp"

#include "common/duckdb_handles.hpp"

#include <memory>

namespace duckgres::engine {

namespace {

struct CursorScan {
    std::vector<CursorInfo> rows;
    size_t next = 0;
};

void BindCursors(duckdb_bind_info info) {
    auto *directory = static_cast<SessionDirectory *>(duckdb_bind_get_extra_info(info));
    const std::pair<const char *, duckdb_type> columns[] = {
        {"name", DUCKDB_TYPE_VARCHAR},          {"statement", DUCKDB_TYPE_VARCHAR},
        {"is_holdable", DUCKDB_TYPE_BOOLEAN},   {"is_binary", DUCKDB_TYPE_BOOLEAN},
        {"is_scrollable", DUCKDB_TYPE_BOOLEAN}, {"creation_time", DUCKDB_TYPE_TIMESTAMP_TZ},
    };
    for (const auto &[name, type] : columns) {
        LogicalTypeHandle logical(duckdb_create_logical_type(type));
        duckdb_bind_add_result_column(info, name, logical.Get());
    }
    duckdb_client_context context = nullptr;
    duckdb_table_function_get_client_context(info, &context);
    auto id = duckdb_client_context_get_connection_id(context);
    duckdb_destroy_client_context(&context);
    auto *scan = new CursorScan{directory->Cursors(id), 0};
    duckdb_bind_set_bind_data(info, scan, [](void *data) { delete static_cast<CursorScan *>(data); });
}

void InitCursors(duckdb_init_info info) {}

void ScanCursors(duckdb_function_info info, duckdb_data_chunk output) {
    auto *scan = static_cast<CursorScan *>(duckdb_function_get_bind_data(info));
    idx_t count = 0;
    idx_t capacity = duckdb_vector_size();
    for (; scan->next < scan->rows.size() && count < capacity; scan->next++, count++) {
        const auto &row = scan->rows[scan->next];
        duckdb_vector_assign_string_element_len(duckdb_data_chunk_get_vector(output, 0), count, row.name.data(),
                                                row.name.size());
        duckdb_vector_assign_string_element_len(duckdb_data_chunk_get_vector(output, 1), count, row.statement.data(),
                                                row.statement.size());
        static_cast<bool *>(duckdb_vector_get_data(duckdb_data_chunk_get_vector(output, 2)))[count] = row.is_holdable;
        static_cast<bool *>(duckdb_vector_get_data(duckdb_data_chunk_get_vector(output, 3)))[count] = row.is_binary;
        static_cast<bool *>(duckdb_vector_get_data(duckdb_data_chunk_get_vector(output, 4)))[count] = row.is_scrollable;
        static_cast<int64_t *>(duckdb_vector_get_data(duckdb_data_chunk_get_vector(output, 5)))[count] =
            row.creation_micros;
    }
    duckdb_data_chunk_set_size(output, count);
}

} // namespace

void SessionDirectory::Register(idx_t connection_id, CursorLister lister) {
    std::lock_guard lock(mutex_);
    sessions_[connection_id] = std::move(lister);
}

void SessionDirectory::Unregister(idx_t connection_id) {
    std::lock_guard lock(mutex_);
    sessions_.erase(connection_id);
}

std::vector<CursorInfo> SessionDirectory::Cursors(idx_t connection_id) {
    CursorLister lister;
    {
        std::lock_guard lock(mutex_);
        auto found = sessions_.find(connection_id);
        if (found == sessions_.end()) {
            return {};
        }
        lister = found->second;
    }
    return lister();
}

void SessionDirectory::RegisterFunctions(duckdb_connection connection) {
    auto function = duckdb_create_table_function();
    duckdb_table_function_set_name(function, "duckgres_cursors");
    duckdb_table_function_set_extra_info(function, this, nullptr);
    duckdb_table_function_set_bind(function, BindCursors);
    duckdb_table_function_set_init(function, InitCursors);
    duckdb_table_function_set_function(function, ScanCursors);
    duckdb_register_table_function(connection, function);
    duckdb_destroy_table_function(&function);
}

} // namespace duckgres::engine
