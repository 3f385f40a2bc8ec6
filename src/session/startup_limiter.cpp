// Counts connections that have not finished authentication, refusing those over the total or per-address limit.
#include "session/startup_limiter.hpp"

namespace duckgres::session {

StartupAdmission StartupLimiter::TryEnter(const std::string &address) {
    std::lock_guard lock(mutex_);
    if (limits_.max_total > 0 && total_ >= limits_.max_total) {
        return StartupAdmission::OverTotal;
    }
    int &from_address = addresses_[address];
    if (limits_.per_address > 0 && from_address >= limits_.per_address) {
        return StartupAdmission::OverAddress; // the entry exists: it counts at least one connection
    }
    from_address++;
    total_++;
    return StartupAdmission::Admitted;
}

void StartupLimiter::Leave(const std::string &address) {
    std::lock_guard lock(mutex_);
    total_--;
    auto found = addresses_.find(address);
    if (found != addresses_.end() && --found->second <= 0) {
        addresses_.erase(found);
    }
}

int StartupLimiter::Count() {
    std::lock_guard lock(mutex_);
    return total_;
}

int StartupLimiter::Count(const std::string &address) {
    std::lock_guard lock(mutex_);
    auto found = addresses_.find(address);
    return found == addresses_.end() ? 0 : found->second;
}

} // namespace duckgres::session
