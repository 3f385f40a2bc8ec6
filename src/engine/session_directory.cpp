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

idx_t ConnectionId(duckdb_client_context context) {
    auto id = duckdb_client_context_get_connection_id(context);
    duckdb_destroy_client_context(&context);
    return id;
}

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
    auto *scan = new CursorScan{directory->Cursors(ConnectionId(context)), 0};
    duckdb_bind_set_bind_data(info, scan, [](void *data) { delete static_cast<CursorScan *>(data); });
}

void InitCursors(duckdb_init_info info) {}

//! A table function whose rows are strings, from a SessionDirectory query (duckgres_settings(),
//! duckgres_activity()): the columns are VARCHAR, and the catalog's views give them their types.
struct StringTable {
    SessionDirectory *directory;
    std::vector<const char *> columns;
    std::function<std::vector<std::vector<std::string>>(SessionDirectory &, idx_t connection_id)> rows;
};

struct StringScan {
    std::vector<std::vector<std::string>> rows;
    size_t columns = 0;
    size_t next = 0;
};

void BindStringTable(duckdb_bind_info info) {
    auto *table = static_cast<StringTable *>(duckdb_bind_get_extra_info(info));
    for (const char *name : table->columns) {
        LogicalTypeHandle varchar(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
        duckdb_bind_add_result_column(info, name, varchar.Get());
    }
    duckdb_client_context context = nullptr;
    duckdb_table_function_get_client_context(info, &context);
    auto *scan = new StringScan{table->rows(*table->directory, ConnectionId(context)), table->columns.size(), 0};
    duckdb_bind_set_bind_data(info, scan, [](void *data) { delete static_cast<StringScan *>(data); });
}

void ScanStringTable(duckdb_function_info info, duckdb_data_chunk output) {
    auto *scan = static_cast<StringScan *>(duckdb_function_get_bind_data(info));
    idx_t count = 0;
    for (; scan->next < scan->rows.size() && count < duckdb_vector_size(); scan->next++, count++) {
        const auto &row = scan->rows[scan->next];
        for (idx_t column = 0; column < scan->columns && column < row.size(); column++) {
            duckdb_vector_assign_string_element_len(duckdb_data_chunk_get_vector(output, column), count,
                                                    row[column].data(), row[column].size());
        }
    }
    duckdb_data_chunk_set_size(output, count);
}

void RegisterStringTable(duckdb_connection connection, const char *name, StringTable *table) {
    auto function = duckdb_create_table_function();
    duckdb_table_function_set_name(function, name);
    duckdb_table_function_set_extra_info(function, table, [](void *data) { delete static_cast<StringTable *>(data); });
    duckdb_table_function_set_bind(function, BindStringTable);
    duckdb_table_function_set_init(function, InitCursors);
    duckdb_table_function_set_function(function, ScanStringTable);
    duckdb_register_table_function(connection, function);
    duckdb_destroy_table_function(&function);
}

void BindSessionUser(duckdb_bind_info info) {
    auto *directory = static_cast<SessionDirectory *>(duckdb_scalar_function_bind_get_extra_info(info));
    duckdb_client_context context = nullptr;
    duckdb_scalar_function_get_client_context(info, &context);
    auto *user = new std::string(directory->User(ConnectionId(context)));
    duckdb_scalar_function_set_bind_data(info, user, [](void *data) { delete static_cast<std::string *>(data); });
    duckdb_scalar_function_set_bind_data_copy(
        info, [](void *data) -> void * { return new std::string(*static_cast<std::string *>(data)); });
}

void SessionUser(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    auto *user = static_cast<std::string *>(duckdb_scalar_function_get_bind_data(info));
    auto rows = duckdb_data_chunk_get_size(input);
    for (idx_t row = 0; row < rows; row++) {
        duckdb_vector_assign_string_element_len(output, row, user->data(), user->size());
    }
}

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

void SessionDirectory::Register(idx_t connection_id, SessionIdentity identity, CursorLister cursors,
                                SettingsLister settings) {
    std::lock_guard lock(mutex_);
    auto &entry = sessions_[connection_id];
    entry = Entry{};
    entry.identity = std::move(identity);
    entry.cursors = std::move(cursors);
    entry.settings = std::move(settings);
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
        lister = found->second.cursors;
    }
    return lister();
}

std::vector<std::vector<std::string>> SessionDirectory::Settings(idx_t connection_id) {
    SettingsLister lister;
    {
        std::lock_guard lock(mutex_);
        auto found = sessions_.find(connection_id);
        if (found == sessions_.end() || !found->second.settings) {
            return {};
        }
        lister = found->second.settings;
    }
    return lister();
}

void SessionDirectory::SetActivity(idx_t connection_id, std::string_view application_name, std::string_view state,
                                   std::string_view query, int64_t query_start_micros) {
    std::lock_guard lock(mutex_);
    auto found = sessions_.find(connection_id);
    if (found != sessions_.end()) {
        // Assigned in place: the strings keep their memory from one statement to the next.
        found->second.application_name.assign(application_name);
        found->second.state.assign(state);
        found->second.query.assign(query);
        found->second.query_start_micros = query_start_micros;
    }
}

std::vector<std::vector<std::string>> SessionDirectory::Activity() {
    std::lock_guard lock(mutex_);
    std::vector<std::vector<std::string>> rows;
    for (const auto &[id, entry] : sessions_) {
        const auto &who = entry.identity;
        rows.push_back({std::to_string(who.pid), who.database, who.user, entry.application_name, who.client_addr,
                        who.client_port, std::to_string(who.backend_start_micros), "",
                        entry.query_start_micros ? std::to_string(entry.query_start_micros) : "", entry.state,
                        entry.query});
    }
    return rows;
}

std::string SessionDirectory::User(idx_t connection_id) {
    std::lock_guard lock(mutex_);
    auto found = sessions_.find(connection_id);
    return found == sessions_.end() ? std::string() : found->second.identity.user;
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

    RegisterStringTable(connection, "duckgres_settings",
                        new StringTable{this,
                                        {"name", "setting", "short_desc", "context"},
                                        [](SessionDirectory &directory, idx_t id) { return directory.Settings(id); }});
    RegisterStringTable(connection, "duckgres_activity",
                        new StringTable{this,
                                        {"pid", "datname", "usename", "application_name", "client_addr", "client_port",
                                         "backend_start", "xact_start", "query_start", "state", "query"},
                                        [](SessionDirectory &directory, idx_t) { return directory.Activity(); }});

    auto user = duckdb_create_scalar_function();
    LogicalTypeHandle varchar(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    duckdb_scalar_function_set_name(user, "duckgres_session_user");
    duckdb_scalar_function_set_return_type(user, varchar.Get());
    duckdb_scalar_function_set_extra_info(user, this, nullptr);
    duckdb_scalar_function_set_bind(user, BindSessionUser);
    duckdb_scalar_function_set_function(user, SessionUser);
    duckdb_register_scalar_function(connection, user);
    duckdb_destroy_scalar_function(&user);
}

} // namespace duckgres::engine
