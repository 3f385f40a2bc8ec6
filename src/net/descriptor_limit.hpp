// Raises the process's open-file limit at startup and says how many descriptors the configured limits may need.
#pragma once

#include "config/server_config.hpp"

#include <cstdint>

namespace duckgres::net {

//! The soft RLIMIT_NOFILE before and after RaiseDescriptorLimit().
struct DescriptorLimit {
    uint64_t before = 0;
    uint64_t after = 0;
};

//! Raises the soft limit on open files to the hard limit (to fs.nr_open when the hard limit is infinite).
//! Leaves it as it was when that fails.
DescriptorLimit RaiseDescriptorLimit();

//! Descriptors the configured limits may hold at once: one per session (max_connections) and per connection
//! not yet authenticated (max_startup_connections), plus a reserve for the listener, database files, DuckDB's
//! spill files, logs and TLS files. 0 when unauthenticated connections are unlimited (max_startup_connections:
//! 0): then nothing bounds it.
uint64_t DescriptorsNeeded(const config::ServerConfig &config);

} // namespace duckgres::net
