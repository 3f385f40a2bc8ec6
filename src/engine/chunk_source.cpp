// The table function duckgres_chunk_source(id): hands a registered stream's chunks to DuckDB by reference.
#include "engine/chunk_source.hpp"

namespace duckgres::engine {

namespace {

struct Binding {
    ChunkSource *source;
};

void Bind(duckdb_bind_info info) {
    auto *sources = static_cast<ChunkSources *>(duckdb_bind_get_extra_info(info));
    ValueHandle id(duckdb_bind_get_parameter(info, 0));
    auto *source = sources->Find(duckdb_get_int64(id.Get()));
    if (!source) {
        duckdb_bind_set_error(info, "duckgres_chunk_source: no such stream");
        return;
    }
    for (size_t i = 0; i < source->types.size(); i++) {
        duckdb_bind_add_result_column(info, source->names[i].c_str(), source->types[i]);
    }
    duckdb_bind_set_bind_data(info, new Binding{source}, [](void *data) { delete static_cast<Binding *>(data); });
}

void Init(duckdb_init_info info) {
    duckdb_init_set_max_threads(info, 1); // the stream's order is the table's
}

void Scan(duckdb_function_info info, duckdb_data_chunk output) {
    auto *binding = static_cast<Binding *>(duckdb_function_get_bind_data(info));
    auto item = binding->source->next();
    if (item.failed) {
        duckdb_function_set_error(info, "COPY stopped");
        return;
    }
    if (!item.chunk) {
        duckdb_data_chunk_set_size(output, 0);
        return;
    }
    auto columns = duckdb_data_chunk_get_column_count(item.chunk.Get());
    for (idx_t i = 0; i < columns; i++) {
        duckdb_vector_reference_vector(duckdb_data_chunk_get_vector(output, i),
                                       duckdb_data_chunk_get_vector(item.chunk.Get(), i));
    }
    duckdb_data_chunk_set_size(output, duckdb_data_chunk_get_size(item.chunk.Get()));
}

} // namespace

int64_t ChunkSources::Register(ChunkSource *source) {
    std::lock_guard lock(mutex_);
    auto id = next_id_++;
    sources_[id] = source;
    return id;
}

void ChunkSources::Unregister(int64_t id) {
    std::lock_guard lock(mutex_);
    sources_.erase(id);
}

ChunkSource *ChunkSources::Find(int64_t id) {
    std::lock_guard lock(mutex_);
    auto found = sources_.find(id);
    return found == sources_.end() ? nullptr : found->second;
}

void ChunkSources::RegisterFunction(duckdb_connection connection) {
    auto function = duckdb_create_table_function();
    duckdb_table_function_set_name(function, "duckgres_chunk_source");
    LogicalTypeHandle bigint(duckdb_create_logical_type(DUCKDB_TYPE_BIGINT));
    duckdb_table_function_add_parameter(function, bigint.Get());
    duckdb_table_function_set_extra_info(function, this, nullptr);
    duckdb_table_function_set_bind(function, Bind);
    duckdb_table_function_set_init(function, Init);
    duckdb_table_function_set_function(function, Scan);
    duckdb_register_table_function(connection, function);
    duckdb_destroy_table_function(&function);
}

} // namespace duckgres::engine
