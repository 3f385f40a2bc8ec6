// Sums refused connections by reason into log lines written at most once per interval.
#include "net/refusal_summary.hpp"

namespace duckgres::net {

void RefusalSummary::Add(AcceptRefusal reason, const std::string &address) {
    counts_[static_cast<size_t>(reason)]++;
    last_address_ = address;
}

std::string RefusalSummary::TakeLine(TimePoint now) {
    uint64_t total = 0;
    for (auto count : counts_) {
        total += count;
    }
    if (total == 0 || (logged_once_ && now - last_line_ < interval_)) {
        return "";
    }
    static constexpr const char *kReasons[] = {"max_startup_connections", "max_startup_connections_per_address",
                                               "max_connection_rate_per_address"};
    static_assert(std::size(kReasons) == static_cast<size_t>(AcceptRefusal::kCount));
    std::string line =
        "refused " + std::to_string(total) + (total == 1 ? " connection" : " connections") + " before authentication (";
    bool first = true;
    for (size_t i = 0; i < counts_.size(); i++) {
        if (counts_[i] > 0) {
            line += (first ? "" : ", ") + std::to_string(counts_[i]) + " over " + kReasons[i];
            first = false;
        }
    }
    line += "), the last from " + last_address_;
    counts_.fill(0);
    logged_once_ = true;
    last_line_ = now;
    return line;
}

} // namespace duckgres::net
