// AcceptBackoff: how long the accept loop pauses after failed accepts, and when it may log about them.
#pragma once

#include <chrono>
#include <cstdint>

namespace duckgres::net {

//! The pauses and the log interval.
struct AcceptBackoffPolicy {
    std::chrono::milliseconds first_pause{10};    //!< after the first failure of a run
    std::chrono::milliseconds max_pause{1000};    //!< the pause doubles after each further failure up to this
    std::chrono::milliseconds log_interval{1000}; //!< at most one log line per interval
};

//! What to do after a failed accept.
struct AcceptFailureAction {
    std::chrono::milliseconds pause{0}; //!< stop accepting this long
    uint64_t report = 0;                //!< failures to log now (those since the last line); 0: log nothing
};

//! Pure state of the accept loop's error handling (owned by the accept loop; time is passed in). Failing
//! accepts (out of descriptors or memory) would fail again at once: pausing, with a growing delay, keeps the
//! loop from spinning and the log from filling while connections end and free what is missing.
class AcceptBackoff {
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    explicit AcceptBackoff(AcceptBackoffPolicy policy = {}) : policy_(policy) {}

    AcceptFailureAction Failed(TimePoint now);
    //! An accept succeeded: the next failure pauses for first_pause again. Returns the failures not logged yet
    //! when a line is due (they are then reported as logged), else 0.
    uint64_t Succeeded(TimePoint now);

private:
    //! The failures since the last line when one may be written at `now`, else 0.
    uint64_t TakeReport(TimePoint now);

    AcceptBackoffPolicy policy_;
    std::chrono::milliseconds next_pause_{0}; //!< 0: not in a run of failures
    uint64_t unreported_ = 0;
    bool reported_once_ = false;
    TimePoint last_report_;
};

} // namespace duckgres::net
