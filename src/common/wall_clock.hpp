// UnixMicros: the wall clock as microseconds since the Unix epoch (PostgreSQL's timestamps, pg_stat_activity).
#pragma once

#include <chrono>
#include <cstdint>

namespace duckgres {

inline int64_t UnixMicros() {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace duckgres
