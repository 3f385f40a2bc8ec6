// ServerMetrics: the server's event counters (cancellations, timeouts, refused connections, logins, faults).
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace duckgres {

enum class Counter : uint8_t {
    QueryCancellations,     //!< statements interrupted by a cancel request or pg_cancel_backend
    QueryTimeouts,          //!< statements interrupted by statement_timeout
    ConnectionLimitRejects, //!< connections refused by a connection limit
    Panics,                 //!< unexpected exceptions contained in a session
    AcceptFailures,         //!< accept() calls that failed (out of descriptors, memory, ...)
    StartupLimitRejects,    //!< connections refused at accept: too many not yet authenticated
    ConnectionRateRejects,  //!< connections refused at accept: over max_connection_rate_per_address
    AuthFailures,           //!< failed authentications (28P01), banned addresses' included
    AuthBans,               //!< addresses banned after auth_failure_limit failures
    AuthBannedLogins,       //!< logins refused because their address was banned
    kCount
};

//! One per server, shared by every session and database; lock-free counters, read as a snapshot.
class ServerMetrics {
public:
    void Increment(Counter counter, uint64_t by = 1) {
        counters_[static_cast<size_t>(counter)].fetch_add(by, std::memory_order_relaxed);
    }
    uint64_t Get(Counter counter) const { return counters_[static_cast<size_t>(counter)].load(); }

    //! Prometheus-style name of a counter, e.g. "duckgres_query_cancellations_total".
    static const char *Name(Counter counter) {
        static constexpr const char *kNames[] = {"duckgres_query_cancellations_total",
                                                 "duckgres_query_timeouts_total",
                                                 "duckgres_connection_limit_rejects_total",
                                                 "duckgres_panics_total",
                                                 "duckgres_accept_failures_total",
                                                 "duckgres_startup_limit_rejects_total",
                                                 "duckgres_connection_rate_rejects_total",
                                                 "duckgres_auth_failures_total",
                                                 "duckgres_auth_bans_total",
                                                 "duckgres_auth_banned_logins_total"};
        static_assert(std::size(kNames) == static_cast<size_t>(Counter::kCount));
        return kNames[static_cast<size_t>(counter)];
    }

    std::vector<std::pair<std::string, uint64_t>> Snapshot() const {
        std::vector<std::pair<std::string, uint64_t>> values;
        for (size_t i = 0; i < static_cast<size_t>(Counter::kCount); i++) {
            values.emplace_back(Name(static_cast<Counter>(i)), counters_[i].load());
        }
        return values;
    }

private:
    std::array<std::atomic<uint64_t>, static_cast<size_t>(Counter::kCount)> counters_{};
};

} // namespace duckgres
