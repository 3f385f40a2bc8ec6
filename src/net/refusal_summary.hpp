// RefusalSummary: counts the connections refused at accept and words one log line per interval about them.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <iterator>
#include <string>

namespace duckgres::net {

//! Why a connection was refused before its startup packet.
enum class AcceptRefusal : uint8_t { StartupTotal, StartupPerAddress, ConnectionRate, kCount };

//! Owned by the accept loop (time is passed in). A flood of refused connections must not become a flood of
//! log lines: the first refusal is logged at once, later ones are summed into at most one line per interval.
class RefusalSummary {
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    explicit RefusalSummary(std::chrono::milliseconds interval = std::chrono::milliseconds(1000))
        : interval_(interval) {}

    void Add(AcceptRefusal reason, const std::string &address);
    //! The line to log at `now` about the refusals since the last one; empty when there are none or the last
    //! line is younger than the interval.
    std::string TakeLine(TimePoint now);

private:
    std::chrono::milliseconds interval_;
    std::array<uint64_t, static_cast<size_t>(AcceptRefusal::kCount)> counts_{};
    std::string last_address_;
    bool logged_once_ = false;
    TimePoint last_line_;
};

} // namespace duckgres::net
