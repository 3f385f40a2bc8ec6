// Doubling pauses after failed accepts, reset by a success; failure counts reported at most once per interval.
#include "net/accept_backoff.hpp"

#include <algorithm>
#include <utility>

namespace duckgres::net {

AcceptFailureAction AcceptBackoff::Failed(TimePoint now) {
    AcceptFailureAction action;
    action.pause = next_pause_.count() > 0 ? next_pause_ : policy_.first_pause;
    next_pause_ = std::min(action.pause * 2, policy_.max_pause);
    unreported_++;
    action.report = TakeReport(now);
    return action;
}

uint64_t AcceptBackoff::Succeeded(TimePoint now) {
    next_pause_ = std::chrono::milliseconds(0);
    return unreported_ > 0 ? TakeReport(now) : 0;
}

uint64_t AcceptBackoff::TakeReport(TimePoint now) {
    if (reported_once_ && now - last_report_ < policy_.log_interval) {
        return 0;
    }
    reported_once_ = true;
    last_report_ = now;
    return std::exchange(unreported_, 0);
}

} // namespace duckgres::net
