// Counts failed authentications per address in windows and bans an address that reaches the limit.
#include "session/auth_failure_tracker.hpp"

#include <memory>

namespace duckgres::session {

bool AuthFailureTracker::IsBanned(const std::string &address, TimePoint now) {
    if (limits_.limit <= 0) {
        return false;
    }
    std::lock_guard lock(mutex_);
    auto entry = entries_.Find(address);
    return entry && entry->banned_until > now;
}

FailureOutcome AuthFailureTracker::RecordFailure(const std::string &address, TimePoint now) {
    if (limits_.limit <= 0) {
        return FailureOutcome::Counted;
    }
    std::lock_guard lock(mutex_);
    auto entry = entries_.Find(address);
    if (entry && entry->banned_until > now) {
        return FailureOutcome::AlreadyBanned;
    }
    bool ban_over = entry && entry->banned_until != TimePoint();
    if (!entry || ban_over || now - entry->window_start >= limits_.window) {
        entry = std::make_shared<Entry>();
        entry->window_start = now;
        entries_.Insert(address, entry);
    }
    if (++entry->failures < limits_.limit) {
        return FailureOutcome::Counted;
    }
    entry->failures = 0;
    entry->banned_until = now + limits_.ban_duration;
    return FailureOutcome::Banned;
}

size_t AuthFailureTracker::TrackedAddresses() {
    std::lock_guard lock(mutex_);
    return entries_.Size();
}

} // namespace duckgres::session
