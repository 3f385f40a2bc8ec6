// Registers duckgres_cursors(), a DuckDB table function answering from the calling session.
#include "engine/session_directory.hpp"

#include <set>

#include "common/duckdb_handles.hpp"

#include <algorithm>
#include <chrono>
#include <memory>
#include <thread>

namespace duckgres::engine {

namespace {

//! How often pg_sleep checks whether its statement was canceled.
constexpr std::chrono::milliseconds kSleepSlice{10};

struct CursorScan {
    std::vector<CursorInfo> rows;
    size_t next = 0;
};

idx_t ConnectionId(duckdb_client_context context) {
    auto id = duckdb_client_context_get_connection_id(context);
    duckdb_destroy_client_context(&context);
    return id;
}

//! Bind data of the session table functions: who asks. The rows are read at init, once per execution,
//! because a prepared statement (the session caches them) is bound once and executed many times.
struct SessionScanBind {
    SessionDirectory *directory;
    idx_t connection_id;
};

SessionScanBind *BindSessionScan(duckdb_bind_info info, SessionDirectory *directory) {
    duckdb_client_context context = nullptr;
    duckdb_table_function_get_client_context(info, &context);
    auto *bind = new SessionScanBind{directory, ConnectionId(context)};
    duckdb_bind_set_bind_data(info, bind, [](void *data) { delete static_cast<SessionScanBind *>(data); });
    return bind;
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
    BindSessionScan(info, directory);
}

void InitCursors(duckdb_init_info info) {
    auto *bind = static_cast<SessionScanBind *>(duckdb_init_get_bind_data(info));
    auto *scan = new CursorScan{bind->directory->Cursors(bind->connection_id), 0};
    duckdb_init_set_init_data(info, scan, [](void *data) { delete static_cast<CursorScan *>(data); });
}

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
    BindSessionScan(info, table->directory);
}

void InitStringTable(duckdb_init_info info) {
    auto *table = static_cast<StringTable *>(duckdb_init_get_extra_info(info));
    auto *bind = static_cast<SessionScanBind *>(duckdb_init_get_bind_data(info));
    auto *scan = new StringScan{table->rows(*bind->directory, bind->connection_id), table->columns.size(), 0};
    duckdb_init_set_init_data(info, scan, [](void *data) { delete static_cast<StringScan *>(data); });
}

void ScanStringTable(duckdb_function_info info, duckdb_data_chunk output) {
    auto *scan = static_cast<StringScan *>(duckdb_function_get_init_data(info));
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
    duckdb_table_function_set_init(function, InitStringTable);
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

//! The calling connection's id, kept as a scalar function's bind data.
void BindCaller(duckdb_bind_info info) {
    duckdb_client_context context = nullptr;
    duckdb_scalar_function_get_client_context(info, &context);
    auto *connection_id = new idx_t(ConnectionId(context));
    duckdb_scalar_function_set_bind_data(info, connection_id, [](void *data) { delete static_cast<idx_t *>(data); });
    duckdb_scalar_function_set_bind_data_copy(
        info, [](void *data) -> void * { return new idx_t(*static_cast<idx_t *>(data)); });
}

//! pg_cancel_backend(pid) / pg_terminate_backend(pid [, timeout]): signals each row's session (NULL in, NULL out),
//! failing with PostgreSQL's 42501 when the caller may not.
template <SessionSignal kSignal>
void SignalBackend(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    auto *directory = static_cast<SessionDirectory *>(duckdb_scalar_function_get_extra_info(info));
    auto caller = *static_cast<idx_t *>(duckdb_scalar_function_get_bind_data(info));
    auto rows = duckdb_data_chunk_get_size(input);
    auto *pids = static_cast<int32_t *>(duckdb_vector_get_data(duckdb_data_chunk_get_vector(input, 0)));
    auto *result = static_cast<bool *>(duckdb_vector_get_data(output));
    constexpr bool cancel = kSignal == SessionSignal::Cancel;
    for (idx_t row = 0; row < rows; row++) {
        auto outcome = directory->Signal(caller, pids[row], kSignal);
        if (outcome == SignalOutcome::NotPermitted || outcome == SignalOutcome::NotPermittedAdmin) {
            std::string message =
                cancel ? "permission denied to cancel query" : "permission denied to terminate process";
            duckdb_scalar_function_set_error(info, message.c_str());
            return;
        }
        result[row] = outcome == SignalOutcome::Sent;
    }
}

//! pg_sleep(seconds): sleeps in short slices, ending early with an error when the statement is canceled.
void Sleep(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    auto *directory = static_cast<SessionDirectory *>(duckdb_scalar_function_get_extra_info(info));
    auto connection_id = *static_cast<idx_t *>(duckdb_scalar_function_get_bind_data(info));
    auto rows = duckdb_data_chunk_get_size(input);
    auto *seconds = static_cast<double *>(duckdb_vector_get_data(duckdb_data_chunk_get_vector(input, 0)));
    for (idx_t row = 0; row < rows; row++) {
        auto deadline =
            std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                                   std::chrono::duration<double>(std::clamp(seconds[row], 0.0, 1e9)));
        while (std::chrono::steady_clock::now() < deadline) {
            if (directory->Interrupted(connection_id)) {
                duckdb_scalar_function_set_error(info, "Interrupted!");
                return;
            }
            std::this_thread::sleep_until(std::min(deadline, std::chrono::steady_clock::now() + kSleepSlice));
        }
        duckdb_vector_assign_string_element_len(output, row, "", 0); // void prints as an empty string
    }
}

//! Registers `name` with one overload per parameter list in `overloads`.
void RegisterSignalFunction(duckdb_connection connection, SessionDirectory *directory, const char *name,
                            duckdb_scalar_function_t function,
                            std::initializer_list<std::vector<duckdb_type>> overloads) {
    auto set = duckdb_create_scalar_function_set(name);
    for (const auto &parameters : overloads) {
        auto scalar = duckdb_create_scalar_function();
        duckdb_scalar_function_set_name(scalar, name);
        for (auto type : parameters) {
            LogicalTypeHandle logical(duckdb_create_logical_type(type));
            duckdb_scalar_function_add_parameter(scalar, logical.Get());
        }
        LogicalTypeHandle boolean(duckdb_create_logical_type(DUCKDB_TYPE_BOOLEAN));
        duckdb_scalar_function_set_return_type(scalar, boolean.Get());
        duckdb_scalar_function_set_extra_info(scalar, directory, nullptr);
        duckdb_scalar_function_set_volatile(scalar);
        duckdb_scalar_function_set_bind(scalar, BindCaller);
        duckdb_scalar_function_set_function(scalar, function);
        duckdb_add_scalar_function_to_set(set, scalar);
        duckdb_destroy_scalar_function(&scalar);
    }
    duckdb_register_scalar_function_set(connection, set);
    duckdb_destroy_scalar_function_set(&set);
}

void ScanCursors(duckdb_function_info info, duckdb_data_chunk output) {
    auto *scan = static_cast<CursorScan *>(duckdb_function_get_init_data(info));
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

void SessionDirectory::Register(idx_t connection_id, SessionIdentity identity, Callbacks callbacks) {
    std::lock_guard lock(mutex_);
    auto &entry = sessions_[connection_id];
    entry = Entry{};
    entry.identity = std::move(identity);
    entry.callbacks = std::move(callbacks);
}

template <class F>
F SessionDirectory::CallbackOf(idx_t connection_id, F Callbacks::*member) {
    std::lock_guard lock(mutex_);
    auto found = sessions_.find(connection_id);
    return found == sessions_.end() ? F() : found->second.callbacks.*member;
}

SignalOutcome SessionDirectory::Signal(idx_t caller, int32_t pid, SessionSignal signal) {
    std::function<void(SessionSignal)> deliver;
    {
        std::lock_guard lock(mutex_);
        const Entry *target = nullptr;
        for (const auto &[id, entry] : sessions_) {
            if (entry.identity.pid == pid) {
                target = &entry;
            }
        }
        if (!target) {
            return SignalOutcome::NoSession;
        }
        auto from = sessions_.find(caller);
        if (caller != 0 && from != sessions_.end() && !from->second.identity.admin) {
            if (target->identity.admin) {
                return SignalOutcome::NotPermittedAdmin;
            }
            if (target->identity.user != from->second.identity.user) {
                return SignalOutcome::NotPermitted;
            }
        }
        deliver = target->callbacks.signal;
    }
    if (deliver) {
        deliver(signal);
    }
    return SignalOutcome::Sent;
}

bool SessionDirectory::Interrupted(idx_t connection_id) {
    auto interrupted = CallbackOf(connection_id, &Callbacks::interrupted);
    return interrupted && interrupted();
}

void SessionDirectory::Unregister(idx_t connection_id) {
    std::lock_guard lock(mutex_);
    sessions_.erase(connection_id);
}

std::vector<CursorInfo> SessionDirectory::Cursors(idx_t connection_id) {
    auto lister = CallbackOf(connection_id, &Callbacks::cursors);
    return lister ? lister() : std::vector<CursorInfo>();
}

std::vector<std::vector<std::string>> SessionDirectory::Settings(idx_t connection_id) {
    auto lister = CallbackOf(connection_id, &Callbacks::settings);
    return lister ? lister() : std::vector<std::vector<std::string>>();
}

void SessionDirectory::SetActivity(idx_t connection_id, std::string_view application_name, std::string_view state,
                                   std::string_view query, int64_t query_start_micros, std::string_view wait_event) {
    std::lock_guard lock(mutex_);
    auto found = sessions_.find(connection_id);
    if (found != sessions_.end()) {
        // Assigned in place: the strings keep their memory from one statement to the next.
        found->second.application_name.assign(application_name);
        found->second.state.assign(state);
        found->second.query.assign(query);
        found->second.wait_event.assign(wait_event);
        found->second.query_start_micros = query_start_micros;
    }
}

std::vector<std::vector<std::string>> SessionDirectory::Activity(idx_t caller) {
    std::lock_guard lock(mutex_);
    auto from = sessions_.find(caller);
    // Connections no session registered (the server's own, tools) see everything.
    const bool sees_all = from == sessions_.end() || from->second.identity.admin;
    std::vector<std::vector<std::string>> rows;
    for (const auto &[id, entry] : sessions_) {
        const auto &who = entry.identity;
        if (!sees_all && who.user != from->second.identity.user) {
            rows.push_back({std::to_string(who.pid), who.database, who.user, entry.application_name, "", "", "", "", "",
                            "", "<insufficient privilege>", ""});
            continue;
        }
        rows.push_back({std::to_string(who.pid), who.database, who.user, entry.application_name, who.client_addr,
                        who.client_port, std::to_string(who.backend_start_micros), "",
                        entry.query_start_micros ? std::to_string(entry.query_start_micros) : "", entry.state,
                        entry.query, entry.wait_event});
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
                                        {"name", "setting", "short_desc", "context", "unit"},
                                        [](SessionDirectory &directory, idx_t id) { return directory.Settings(id); }});
    RegisterStringTable(
        connection, "duckgres_activity",
        new StringTable{this,
                        {"pid", "datname", "usename", "application_name", "client_addr", "client_port", "backend_start",
                         "xact_start", "query_start", "state", "query", "wait_event"},
                        [](SessionDirectory &directory, idx_t caller) { return directory.Activity(caller); }});
    RegisterStringTable(connection, "duckgres_databases",
                        new StringTable{this, {"name"}, [this](SessionDirectory &directory, idx_t) {
                                            std::set<std::string> names;
                                            if (database_names_) {
                                                auto listed = database_names_();
                                                names.insert(listed.begin(), listed.end());
                                            }
                                            for (const auto &row : directory.Activity(0)) {
                                                names.insert(row[1]);
                                            }
                                            std::vector<std::vector<std::string>> rows;
                                            for (const auto &name : names) {
                                                rows.push_back({name});
                                            }
                                            return rows;
                                        }});
    RegisterStringTable(connection, "duckgres_roles",
                        new StringTable{this, {"rolname", "role"}, [this](SessionDirectory &directory, idx_t id) {
                                            if (roles_) {
                                                return roles_();
                                            }
                                            return std::vector<std::vector<std::string>>{{directory.User(id), "admin"}};
                                        }});
    RegisterStringTable(connection, "duckgres_metrics",
                        new StringTable{this, {"name", "value"}, [metrics = metrics_](SessionDirectory &, idx_t) {
                                            std::vector<std::vector<std::string>> rows;
                                            for (const auto &[name, value] :
                                                 metrics ? metrics->Snapshot() : ServerMetrics().Snapshot()) {
                                                rows.push_back({name, std::to_string(value)});
                                            }
                                            return rows;
                                        }});

    auto user = duckdb_create_scalar_function();
    LogicalTypeHandle varchar(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    duckdb_scalar_function_set_name(user, "duckgres_session_user");
    duckdb_scalar_function_set_return_type(user, varchar.Get());
    duckdb_scalar_function_set_extra_info(user, this, nullptr);
    duckdb_scalar_function_set_bind(user, BindSessionUser);
    duckdb_scalar_function_set_function(user, SessionUser);
    duckdb_register_scalar_function(connection, user);
    duckdb_destroy_scalar_function(&user);

    RegisterSignalFunction(connection, this, "pg_cancel_backend", SignalBackend<SessionSignal::Cancel>,
                           {{DUCKDB_TYPE_INTEGER}});
    RegisterSignalFunction(connection, this, "pg_terminate_backend", SignalBackend<SessionSignal::Terminate>,
                           {{DUCKDB_TYPE_INTEGER}, {DUCKDB_TYPE_INTEGER, DUCKDB_TYPE_BIGINT}});

    auto sleep = duckdb_create_scalar_function();
    LogicalTypeHandle seconds(duckdb_create_logical_type(DUCKDB_TYPE_DOUBLE));
    duckdb_scalar_function_set_name(sleep, "pg_sleep");
    duckdb_scalar_function_add_parameter(sleep, seconds.Get());
    duckdb_scalar_function_set_return_type(sleep, varchar.Get());
    duckdb_scalar_function_set_extra_info(sleep, this, nullptr);
    duckdb_scalar_function_set_volatile(sleep);
    duckdb_scalar_function_set_bind(sleep, BindCaller);
    duckdb_scalar_function_set_function(sleep, Sleep);
    duckdb_register_scalar_function(connection, sleep);
    duckdb_destroy_scalar_function(&sleep);
}

} // namespace duckgres::engine
