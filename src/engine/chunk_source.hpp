// ChunkSources: streams of data chunks that one INSERT reads through duckgres_chunk_source(id) (COPY FROM STDIN).
#pragma once

#include "common/duckdb_handles.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace duckgres::engine {

//! What a source yields: a chunk, the end of the stream, or a failure (the INSERT then fails too).
struct ChunkSourceItem {
    DataChunkHandle chunk; //!< null at the end or on failure
    bool failed = false;
};

//! One stream: its columns (types owned by the caller, alive while registered) and a blocking `next`.
struct ChunkSource {
    std::vector<std::string> names;
    std::vector<duckdb_logical_type> types;
    std::function<ChunkSourceItem()> next;
};

//! The sources of one database, by id. The table function duckgres_chunk_source(id) yields a source's chunks in
//! order, single-threaded, without copying them (vectors are referenced), so that
//! `INSERT INTO t SELECT * FROM duckgres_chunk_source(id)` loads a whole stream as one statement.
class ChunkSources {
public:
    //! Registers `source` until Unregister(id); returns its id.
    int64_t Register(ChunkSource *source);
    void Unregister(int64_t id);
    //! Registers the table function on `connection`'s database (once, at open).
    void RegisterFunction(duckdb_connection connection);

    ChunkSource *Find(int64_t id);

private:
    std::mutex mutex_;
    std::map<int64_t, ChunkSource *> sources_;
    int64_t next_id_ = 1;
};

//! Registers a source for its lifetime.
class ChunkSourceRegistration {
public:
    ChunkSourceRegistration(ChunkSources &sources, ChunkSource &source)
        : sources_(sources), id_(sources.Register(&source)) {}
    ~ChunkSourceRegistration() { sources_.Unregister(id_); }
    ChunkSourceRegistration(const ChunkSourceRegistration &) = delete;
    ChunkSourceRegistration &operator=(const ChunkSourceRegistration &) = delete;

    int64_t Id() const { return id_; }

private:
    ChunkSources &sources_;
    int64_t id_;
};

} // namespace duckgres::engine
