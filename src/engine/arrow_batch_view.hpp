// ArrowBatchView: a DuckDB view over Arrow batches handed in by the caller (COPY FROM's bulk load).
#pragma once

#include "common/arrow_c_data.hpp"

#include <duckdb.h>

#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace duckgres::engine {

//! A view, created in the connection's current transaction, whose every scan returns the batches last given to
//! SetBatches() and then ends. DuckDB reads it with its arrow scan, which numbers the batches, so an
//! `INSERT ... SELECT` from the view writes them in parallel (a thread per batch) and keeps their order. The view
//! is an ordinary (not temporary) view, as DuckDB's C API makes it: the destructor drops it in the same
//! transaction, and a transaction that fails first takes it away when it rolls back; it is never committed.
//! Blocking (catalog writes): worker thread.
class ArrowBatchView {
public:
    //! Takes ownership of `schema` (a struct array's schema whose children are the view's columns).
    ArrowBatchView(duckdb_connection connection, ArrowSchema schema);
    ~ArrowBatchView();
    ArrowBatchView(const ArrowBatchView &) = delete;
    ArrowBatchView &operator=(const ArrowBatchView &) = delete;

    //! The view's name (unique while it exists), to use unqualified: it is in the connection's default schema.
    const std::string &Name() const { return name_; }
    //! The batches the next scan returns, in order.
    void SetBatches(std::vector<ArrowArrayHandle> batches);

private:
    static int GetSchema(ArrowArrayStream *stream, ArrowSchema *out);
    static int GetNext(ArrowArrayStream *stream, ArrowArray *out);
    static const char *GetLastError(ArrowArrayStream *stream);
    static void ReleaseStream(ArrowArrayStream *stream);

    duckdb_connection connection_;
    ArrowSchema schema_;
    std::string name_;
    ArrowArrayStream stream_{};
    std::mutex mutex_;
    std::deque<ArrowArrayHandle> batches_;
};

} // namespace duckgres::engine
