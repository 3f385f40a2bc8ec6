// Creates and drops the view over Arrow batches that COPY FROM inserts from.
#include "engine/arrow_batch_view.hpp"

#include "common/duckdb_handles.hpp"
#include "common/sql_error.hpp"

#include <cstdint>

namespace duckgres::engine {

namespace {

// DuckDB calls this on the copies of the schema it is given; the view keeps and frees the original.
void ReleaseSchemaCopy(ArrowSchema *schema) {
    schema->release = nullptr;
}

} // namespace

ArrowBatchView::ArrowBatchView(duckdb_connection connection, ArrowSchema schema)
    : connection_(connection), schema_(schema),
      name_("duckgres_copy_" + std::to_string(reinterpret_cast<uintptr_t>(this))) {
    stream_.get_schema = GetSchema;
    stream_.get_next = GetNext;
    stream_.get_last_error = GetLastError;
    stream_.release = ReleaseStream;
    stream_.private_data = this;
    if (duckdb_arrow_scan(connection_, name_.c_str(), reinterpret_cast<duckdb_arrow_stream>(&stream_)) !=
        DuckDBSuccess) {
        if (schema_.release) {
            schema_.release(&schema_);
        }
        throw SqlError("XX000", "could not create the view COPY loads from");
    }
}

ArrowBatchView::~ArrowBatchView() {
    // Fails only when the transaction already failed; its rollback removes the view.
    ResultHandle result;
    duckdb_query(connection_, ("DROP VIEW IF EXISTS \"" + name_ + "\"").c_str(), result.Out());
    if (schema_.release) {
        schema_.release(&schema_);
    }
}

void ArrowBatchView::SetBatches(std::vector<ArrowArrayHandle> batches) {
    std::lock_guard lock(mutex_);
    batches_.clear();
    for (auto &batch : batches) {
        batches_.push_back(std::move(batch));
    }
}

int ArrowBatchView::GetSchema(ArrowArrayStream *stream, ArrowSchema *out) {
    auto *view = static_cast<ArrowBatchView *>(stream->private_data);
    *out = view->schema_;
    out->release = ReleaseSchemaCopy;
    return 0;
}

int ArrowBatchView::GetNext(ArrowArrayStream *stream, ArrowArray *out) {
    auto *view = static_cast<ArrowBatchView *>(stream->private_data);
    std::lock_guard lock(view->mutex_);
    if (view->batches_.empty()) {
        *out = ArrowArray{}; // released: the end of the stream
        return 0;
    }
    *out = view->batches_.front().Release();
    view->batches_.pop_front();
    return 0;
}

const char *ArrowBatchView::GetLastError(ArrowArrayStream *) {
    return nullptr;
}

void ArrowBatchView::ReleaseStream(ArrowArrayStream *stream) {
    stream->release = nullptr;
}

} // namespace duckgres::engine
