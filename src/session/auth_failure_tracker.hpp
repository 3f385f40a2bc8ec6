// AuthFailureTracker: counts failed authentications per client address and bans addresses that fail too often.
#pragma once

#include "common/lru_cache.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>

namespace duckgres::session {

//! The policy (auth_failure_limit, auth_failure_window, auth_ban_duration); a limit of 0 turns it off.
struct AuthFailureLimits {
    int limit = 20;                                 //!< failures within `window` that ban an address; 0: never
    std::chrono::milliseconds window{60000};        //!< counted from the address's first failure of the window
    std::chrono::milliseconds ban_duration{300000}; //!< how long every login from a banned address fails
    size_t max_addresses = 10000;                   //!< addresses remembered at once; the least recently seen go
};

//! What one recorded failure did.
enum class FailureOutcome : uint8_t {
    Counted,       //!< counted; the address is not banned
    Banned,        //!< this failure reached the limit: the address is banned from now on
    AlreadyBanned, //!< the address was banned already (a failure during a ban neither counts nor extends it)
};

//! Thread-safe: sessions on every I/O thread ask and record. Time is passed in (a steady clock reading), so
//! the policy is tested without waiting. Memory is bounded by max_addresses; an entry whose window and ban
//! have passed is as good as absent and is replaced on the address's next failure.
class AuthFailureTracker {
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    explicit AuthFailureTracker(AuthFailureLimits limits) : limits_(limits), entries_(limits.max_addresses) {}

    //! Whether logins from `address` fail whatever their password at `now`.
    bool IsBanned(const std::string &address, TimePoint now);
    //! Records a failed authentication from `address` at `now`. A successful login does not clear the count.
    FailureOutcome RecordFailure(const std::string &address, TimePoint now);
    //! Addresses remembered now.
    size_t TrackedAddresses();

private:
    struct Entry {
        int failures = 0;
        TimePoint window_start;
        TimePoint banned_until; //!< the clock's epoch when never banned
    };

    AuthFailureLimits limits_;
    std::mutex mutex_;
    LruCache<Entry> entries_;
};

} // namespace duckgres::session
