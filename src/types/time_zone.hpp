// TimeZone: UTC offsets of a named IANA time zone, for timestamptz and timetz output.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace duckgres::types {

//! An IANA zone (e.g. "Europe/Berlin", "UTC") or a fixed offset. Immutable and shareable
//! between sessions; loading reads the system tz database once per zone name.
class TimeZone {
public:
    //! nullptr when the name is unknown.
    static std::shared_ptr<const TimeZone> Load(const std::string &name);
    static std::shared_ptr<const TimeZone> Utc();

    const std::string &Name() const { return name_; }
    //! Offset from UTC in seconds (east positive) at the UTC instant `utc_seconds`.
    int32_t OffsetAt(int64_t utc_seconds) const;
    //! The abbreviation of local time at `utc_seconds` as the tz database names it ("UTC", "EST", "CEST", "+04"),
    //! which DateStyle SQL, Postgres and German print; empty when the zone has none.
    const std::string &AbbreviationAt(int64_t utc_seconds) const { return ComputeAbbreviation(utc_seconds); }

    virtual ~TimeZone() = default;

protected:
    explicit TimeZone(std::string name) : name_(std::move(name)) {}
    virtual int32_t ComputeOffset(int64_t utc_seconds) const = 0;
    virtual const std::string &ComputeAbbreviation(int64_t utc_seconds) const = 0;

private:
    std::string name_;
};

//! PostgreSQL's name of the fixed zone `east_seconds` east of UTC, a POSIX spec that TimeZone::Load reads back:
//! "<+05:30>-05:30", "<-07>+07".
std::string FixedOffsetZoneName(int64_t east_seconds);

} // namespace duckgres::types
