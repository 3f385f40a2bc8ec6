// TypmodAliasOf, TypmodAliasName, ParseTypmodAliasName and TypmodAliasPgType from a table of PostgreSQL modifiers.
#include "types/typmod_alias.hpp"

#include <gtest/gtest.h>

#include <optional>

namespace duckgres::types {
namespace {

struct AliasCase {
    TypmodBase base;
    int32_t first;
    std::optional<int32_t> second;
    const char *alias; //!< nullptr: no alias (the modifier adds nothing or is invalid)
    uint32_t oid;
    int32_t typmod;
    const char *name;
};

void PrintTo(const AliasCase &c, std::ostream *os) {
    *os << (c.alias ? c.alias : "(none)") << " " << c.first;
}

class TypmodAliasTest : public ::testing::TestWithParam<AliasCase> {};

TEST_P(TypmodAliasTest, NamesAndReportsTheModifier) {
    const AliasCase &c = GetParam();
    auto alias = TypmodAliasOf(c.base, c.first, c.second);
    if (!c.alias) {
        EXPECT_FALSE(alias.has_value());
        return;
    }
    ASSERT_TRUE(alias.has_value());
    EXPECT_EQ(TypmodAliasName(*alias), c.alias);
    EXPECT_EQ(ParseTypmodAliasName(c.alias), alias);
    const PgType type = TypmodAliasPgType(*alias);
    EXPECT_EQ(type.oid, c.oid);
    EXPECT_EQ(type.typmod, c.typmod);
    EXPECT_EQ(type.name, c.name);
}

// PostgreSQL 15's typmods (SELECT atttypmod, format_type(atttypid, atttypmod) of such columns).
const AliasCase kAliasCases[] = {
    {TypmodBase::Varchar, 20, std::nullopt, "pg_varchar_20", 1043, 24, "character varying(20)"},
    {TypmodBase::Varchar, 1, std::nullopt, "pg_varchar_1", 1043, 5, "character varying(1)"},
    {TypmodBase::Varchar, 10485760, std::nullopt, "pg_varchar_10485760", 1043, 10485764, "character varying(10485760)"},
    {TypmodBase::Varchar, 0, std::nullopt, nullptr, 0, 0, ""},
    {TypmodBase::Varchar, 10485761, std::nullopt, nullptr, 0, 0, ""},
    {TypmodBase::Bpchar, 5, std::nullopt, "pg_bpchar_5", 1042, 9, "character(5)"},
    {TypmodBase::Bpchar, 5, 2, nullptr, 0, 0, ""},
    {TypmodBase::Timestamp, 0, std::nullopt, "pg_timestamp_0", 1114, 0, "timestamp(0) without time zone"},
    {TypmodBase::Timestamp, 3, std::nullopt, "pg_timestamp_3", 1114, 3, "timestamp(3) without time zone"},
    {TypmodBase::Timestamp, 9, std::nullopt, "pg_timestamp_6", 1114, 6, "timestamp(6) without time zone"},
    {TypmodBase::Timestamp, -1, std::nullopt, nullptr, 0, 0, ""},
    {TypmodBase::Timestamptz, 3, std::nullopt, "pg_timestamptz_3", 1184, 3, "timestamp(3) with time zone"},
    {TypmodBase::Interval, 8, std::nullopt, "pg_interval_589823", 1186, 589823, "interval day"},
    {TypmodBase::Interval, 2048, std::nullopt, "pg_interval_134283263", 1186, 134283263, "interval minute"},
    {TypmodBase::Interval, 6, std::nullopt, "pg_interval_458751", 1186, 458751, "interval year to month"},
    {TypmodBase::Interval, 7176, 3, "pg_interval_470286339", 1186, 470286339, "interval day to second(3)"},
    {TypmodBase::Interval, 0x7FFF, 2, "pg_interval_2147418114", 1186, 2147418114, "interval(2)"},
    {TypmodBase::Interval, 0x7FFF, std::nullopt, nullptr, 0, 0, ""},
    {TypmodBase::Interval, 5, std::nullopt, nullptr, 0, 0, ""},
    {TypmodBase::Interval, 8, 7, nullptr, 0, 0, ""},
};

INSTANTIATE_TEST_SUITE_P(Cases, TypmodAliasTest, ::testing::ValuesIn(kAliasCases));

TEST(TypmodAlias, OtherNamesAreNoAlias) {
    for (const char *name : {"pg_varchar_", "pg_varchar_x", "pg_varchar_0", "pg_varchar_20x", "varchar", "pg_char",
                             "pg_interval_5", "pg_timestamp_7", "pg_bpchar_-1"}) {
        EXPECT_FALSE(ParseTypmodAliasName(name).has_value()) << name;
    }
    EXPECT_EQ(ParseTypmodAliasName("PG_VARCHAR_3"), TypmodAliasOf(TypmodBase::Varchar, 3));
}

} // namespace
} // namespace duckgres::types
