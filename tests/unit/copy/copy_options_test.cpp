// Table-driven tests of COPY option parsing and validation (expectations checked against PostgreSQL 15).
#include "common/sql_error.hpp"
#include "copy/copy_columns.hpp"
#include "copy/copy_options.hpp"

#include <gtest/gtest.h>

namespace duckgres::copy {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;
constexpr auto kFrom = CopyDirection::From;
constexpr auto kTo = CopyDirection::To;

CopyOptionItem Item(std::string name, std::optional<std::string> value = std::nullopt) {
    CopyOptionItem item;
    item.name = std::move(name);
    item.value = std::move(value);
    return item;
}

CopyOptionItem ListItem(std::string name, std::vector<std::string> list) {
    CopyOptionItem item;
    item.name = std::move(name);
    item.list = std::move(list);
    return item;
}

CopyOptionItem StarItem(std::string name) {
    CopyOptionItem item;
    item.name = std::move(name);
    item.star = true;
    return item;
}

TEST(CopyOptions, DefaultsPerFormat) {
    auto text = ParseCopyOptions(Pairs{}, kFrom);
    EXPECT_EQ(text.format, CopyOptions::Format::Text);
    EXPECT_EQ(text.delimiter, '\t');
    EXPECT_EQ(text.null_string, "\\N");
    EXPECT_FALSE(text.header);
    EXPECT_EQ(text.encoding, "UTF8");

    auto csv = ParseCopyOptions(Pairs{{"format", "csv"}}, kFrom);
    EXPECT_EQ(csv.format, CopyOptions::Format::Csv);
    EXPECT_EQ(csv.delimiter, ',');
    EXPECT_EQ(csv.null_string, "");
    EXPECT_EQ(csv.quote, '"');
    EXPECT_EQ(csv.escape, '"');

    auto custom = ParseCopyOptions(Pairs{{"format", "csv"}, {"quote", "'"}}, kFrom);
    EXPECT_EQ(custom.escape, '\'') << "ESCAPE defaults to QUOTE";

    auto binary = ParseCopyOptions(Pairs{{"format", "binary"}}, kTo);
    EXPECT_EQ(binary.format, CopyOptions::Format::Binary);
}

TEST(CopyOptions, AcceptsValidOptions) {
    struct {
        std::vector<CopyOptionItem> items;
        CopyDirection direction;
        std::function<bool(const CopyOptions &)> check;
    } cases[] = {
        {{Item("FORMAT", "csv")}, kFrom, [](auto &o) { return o.format == CopyOptions::Format::Csv; }},
        {{Item("format", "text"), Item("delimiter", "|")}, kTo, [](auto &o) { return o.delimiter == '|'; }},
        {{Item("delimiter", "A")}, kTo, [](auto &o) { return o.delimiter == 'A'; }},
        {{Item("delimiter", " ")}, kTo, [](auto &o) { return o.delimiter == ' '; }},
        {{Item("format", "csv"), Item("delimiter", ".")}, kTo, [](auto &o) { return o.delimiter == '.'; }},
        {{Item("format", "csv"), Item("delimiter", "\\")}, kTo, [](auto &o) { return o.delimiter == '\\'; }},
        {{Item("format", "csv"), Item("delimiter", "a")}, kFrom, [](auto &o) { return o.delimiter == 'a'; }},
        {{Item("null", "")}, kFrom, [](auto &o) { return o.null_string.empty(); }},
        {{Item("null", "NULL")}, kFrom, [](auto &o) { return o.null_string == "NULL"; }},
        {{Item("header")}, kFrom, [](auto &o) { return o.header && !o.header_match; }},
        {{Item("header", "1")}, kTo, [](auto &o) { return o.header; }},
        {{Item("header", "0")}, kTo, [](auto &o) { return !o.header; }},
        {{Item("header", "ON")}, kTo, [](auto &o) { return o.header; }},
        {{Item("header", "false")}, kTo, [](auto &o) { return !o.header; }},
        {{Item("header", "match")}, kFrom, [](auto &o) { return o.header && o.header_match; }},
        {{Item("format", "csv"), Item("quote", "'"), Item("escape", "\\")},
         kFrom,
         [](auto &o) { return o.quote == '\'' && o.escape == '\\'; }},
        {{Item("format", "csv"), Item("quote", "\\")}, kTo, [](auto &o) { return o.quote == '\\'; }},
        {{Item("format", "csv"), ListItem("force_quote", {"a", "b"})},
         kTo,
         [](auto &o) {
             return o.force_quote == std::vector<std::string>{"a", "b"} && !o.force_quote_all;
         }},
        {{Item("format", "csv"), StarItem("force_quote")}, kTo, [](auto &o) { return o.force_quote_all; }},
        {{Item("format", "csv"), ListItem("force_not_null", {"a"}), ListItem("force_null", {"a"})},
         kFrom,
         [](auto &o) { return o.force_not_null.size() == 1 && o.force_null.size() == 1; }},
        {{Item("encoding", "utf8")}, kFrom, [](auto &o) { return o.encoding == "UTF8"; }},
        {{Item("encoding", "UTF-8")}, kFrom, [](auto &o) { return o.encoding == "UTF8"; }},
        {{Item("encoding", "unicode")}, kTo, [](auto &o) { return o.encoding == "UTF8"; }},
        {{Item("freeze")}, kFrom, [](auto &o) { return o.freeze; }},
        {{Item("freeze", "off")}, kTo, [](auto &o) { return !o.freeze; }},
    };
    for (size_t i = 0; i < std::size(cases); i++) {
        auto options = ParseCopyOptions(cases[i].items, cases[i].direction);
        EXPECT_TRUE(cases[i].check(options)) << "case " << i;
    }
}

TEST(CopyOptions, RejectsInvalidOptionsAsPostgres) {
    struct {
        std::vector<CopyOptionItem> items;
        CopyDirection direction;
        const char *sqlstate;
        const char *message;
    } cases[] = {
        {{Item("format", "CSV")}, kFrom, "22023", "COPY format \"CSV\" not recognized"},
        {{Item("format", "xml")}, kTo, "22023", "COPY format \"xml\" not recognized"},
        {{Item("format")}, kTo, "42601", "format requires a parameter"},
        {{Item("format", "csv"), Item("format", "text")}, kFrom, "42601", "conflicting or redundant options"},
        {{Item("format", "text"), Item("format", "xml")}, kFrom, "42601", "conflicting or redundant options"},
        {{Item("format", "binary"), Item("format")}, kFrom, "42601", "format requires a parameter"},
        {{Item("format", "xml"), Item("bogus", "1")}, kFrom, "22023", "COPY format \"xml\" not recognized"},
        {{Item("bogus", "1"), Item("format", "xml")}, kFrom, "42601", "option \"bogus\" not recognized"},
        {{Item("oids")}, kFrom, "42601", "option \"oids\" not recognized"},
        {{Item("default", "x")}, kFrom, "42601", "option \"default\" not recognized"},
        {{Item("delimiter", "ab")}, kFrom, "0A000", "COPY delimiter must be a single one-byte character"},
        {{Item("delimiter", "")}, kFrom, "0A000", "COPY delimiter must be a single one-byte character"},
        {{Item("delimiter", "\xc3\xa9")}, kFrom, "0A000", "COPY delimiter must be a single one-byte character"},
        {{Item("delimiter")}, kFrom, "42601", "delimiter requires a parameter"},
        {{Item("delimiter", "\n")}, kFrom, "22023", "COPY delimiter cannot be newline or carriage return"},
        {{Item("format", "csv"), Item("delimiter", "\r")},
         kTo,
         "22023",
         "COPY delimiter cannot be newline or carriage return"},
        {{Item("delimiter", "\\")}, kFrom, "22023", "COPY delimiter cannot be \"\\\""},
        {{Item("delimiter", ".")}, kFrom, "22023", "COPY delimiter cannot be \".\""},
        {{Item("delimiter", "a")}, kTo, "22023", "COPY delimiter cannot be \"a\""},
        {{Item("delimiter", "7")}, kTo, "22023", "COPY delimiter cannot be \"7\""},
        {{Item("null", "a\nb")}, kFrom, "22023", "COPY null representation cannot use newline or carriage return"},
        {{Item("null", "\n"), Item("delimiter", "a")},
         kFrom,
         "22023",
         "COPY null representation cannot use newline or carriage return"},
        {{Item("null")}, kFrom, "42601", "null requires a parameter"},
        {{Item("null", "x"), Item("null", "y")}, kFrom, "42601", "conflicting or redundant options"},
        {{Item("null", "a\tb")}, kFrom, "0A000", "COPY delimiter must not appear in the NULL specification"},
        {{Item("format", "csv"), Item("null", "a,b")},
         kFrom,
         "0A000",
         "COPY delimiter must not appear in the NULL specification"},
        {{Item("format", "csv"), Item("null", "a\"b")},
         kTo,
         "0A000",
         "CSV quote character must not appear in the NULL specification"},
        {{Item("format", "binary"), Item("delimiter", ",")}, kFrom, "42601", "cannot specify DELIMITER in BINARY mode"},
        {{Item("format", "binary"), Item("null", "x"), Item("delimiter", ",")},
         kFrom,
         "42601",
         "cannot specify DELIMITER in BINARY mode"},
        {{Item("format", "binary"), Item("null", "x")}, kTo, "42601", "cannot specify NULL in BINARY mode"},
        {{Item("format", "binary"), Item("header")}, kTo, "0A000", "cannot specify HEADER in BINARY mode"},
        {{Item("header", "match")}, kTo, "0A000", "cannot use \"match\" with HEADER in COPY TO"},
        {{Item("header", "2")}, kFrom, "42601", "header requires a Boolean value or \"match\""},
        {{Item("header", "yes")}, kFrom, "42601", "header requires a Boolean value or \"match\""},
        {{Item("header", "t")}, kFrom, "42601", "header requires a Boolean value or \"match\""},
        {{Item("header", "")}, kFrom, "42601", "header requires a Boolean value or \"match\""},
        {{Item("header", "match"), Item("header")}, kFrom, "42601", "conflicting or redundant options"},
        {{Item("header", "match"), Item("header")}, kTo, "0A000", "cannot use \"match\" with HEADER in COPY TO"},
        {{Item("freeze", "2")}, kFrom, "42601", "freeze requires a Boolean value"},
        {{Item("quote", "x")}, kFrom, "0A000", "COPY quote available only in CSV mode"},
        {{Item("format", "binary"), Item("quote", "x")}, kFrom, "0A000", "COPY quote available only in CSV mode"},
        {{Item("quote", "x"), Item("escape", "x")}, kFrom, "0A000", "COPY quote available only in CSV mode"},
        {{Item("format", "csv"), Item("quote", "ab")},
         kFrom,
         "0A000",
         "COPY quote must be a single one-byte character"},
        {{Item("format", "csv"), Item("quote", ",")}, kFrom, "22023", "COPY delimiter and quote must be different"},
        {{Item("format", "csv"), Item("delimiter", "|"), Item("quote", "|")},
         kTo,
         "22023",
         "COPY delimiter and quote must be different"},
        {{Item("escape", "x")}, kFrom, "0A000", "COPY escape available only in CSV mode"},
        {{Item("format", "csv"), Item("escape", "")},
         kFrom,
         "0A000",
         "COPY escape must be a single one-byte character"},
        {{ListItem("force_quote", {"a"})}, kTo, "0A000", "COPY force quote available only in CSV mode"},
        {{Item("format", "csv"), ListItem("force_quote", {"a"})},
         kFrom,
         "0A000",
         "COPY force quote only available using COPY TO"},
        {{Item("format", "csv"), StarItem("force_quote")},
         kFrom,
         "0A000",
         "COPY force quote only available using COPY TO"},
        {{Item("format", "csv"), Item("force_quote", "a")},
         kTo,
         "22023",
         "argument to option \"force_quote\" must be a list of column names"},
        {{Item("format", "csv"), ListItem("force_quote", {"a"}), StarItem("force_quote")},
         kTo,
         "42601",
         "conflicting or redundant options"},
        {{ListItem("force_not_null", {"a"})}, kFrom, "0A000", "COPY force not null available only in CSV mode"},
        {{Item("format", "csv"), ListItem("force_not_null", {"a"})},
         kTo,
         "0A000",
         "COPY force not null only available using COPY FROM"},
        {{ListItem("force_null", {"a"})}, kFrom, "0A000", "COPY force null available only in CSV mode"},
        {{Item("format", "csv"), ListItem("force_null", {"a"})},
         kTo,
         "0A000",
         "COPY force null only available using COPY FROM"},
        {{Item("format", "csv"), StarItem("force_null")},
         kFrom,
         "22023",
         "argument to option \"force_null\" must be a list of column names"},
        {{Item("format", "csv"), ListItem("force_not_null", {"a"}), ListItem("force_null", {"a"}), Item("null", "a,")},
         kFrom,
         "0A000",
         "COPY delimiter must not appear in the NULL specification"},
        {{Item("encoding", "bogus")}, kFrom, "22023", "argument to option \"encoding\" must be a valid encoding name"},
        {{Item("encoding", "x"), Item("encoding", "utf8")},
         kFrom,
         "22023",
         "argument to option \"encoding\" must be a valid encoding name"},
        {{Item("encoding", "utf8"), Item("encoding", "x")}, kFrom, "42601", "conflicting or redundant options"},
        {{Item("encoding", "latin1")}, kFrom, "0A000", "COPY encoding \"LATIN1\" is not supported, only UTF8"},
        {{Item("encoding", "win1252")}, kTo, "0A000", "COPY encoding \"WIN1252\" is not supported, only UTF8"},
    };
    for (size_t i = 0; i < std::size(cases); i++) {
        try {
            ParseCopyOptions(cases[i].items, cases[i].direction);
            ADD_FAILURE() << "case " << i << " accepted, expected: " << cases[i].message;
        } catch (const SqlError &error) {
            EXPECT_EQ(error.sqlstate, cases[i].sqlstate) << "case " << i;
            EXPECT_STREQ(error.what(), cases[i].message) << "case " << i;
        }
    }
}

TEST(CopyOptions, PairFormSplitsColumnListsAndTreatsEmptyBooleansAsTrue) {
    auto options = ParseCopyOptions(
        Pairs{{"format", "csv"}, {"header", ""}, {"force_not_null", "a, b"}, {"force_null", "c"}, {"null", ""}}, kFrom);
    EXPECT_TRUE(options.header);
    EXPECT_EQ(options.force_not_null, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(options.force_null, (std::vector<std::string>{"c"}));
    EXPECT_EQ(options.null_string, "");

    auto star = ParseCopyOptions(Pairs{{"format", "csv"}, {"force_quote", "*"}}, kTo);
    EXPECT_TRUE(star.force_quote_all);
}

TEST(CopyColumns, ResolvesForceListsAsPostgres) {
    CopyColumns query{{"a", "b"}, "", {}};
    EXPECT_EQ(ResolveForceColumns({"b"}, query, "FORCE_QUOTE"), (std::vector<bool>{false, true}));
    EXPECT_EQ(ResolveForceColumns({}, query, "FORCE_QUOTE"), (std::vector<bool>{false, false}));

    CopyColumns table{{"a"}, "o", {"a", "b"}};
    struct {
        std::vector<std::string> names;
        const CopyColumns &columns;
        const char *sqlstate;
        const char *message;
    } cases[] = {
        {{"zz"}, query, "42703", "column \"zz\" does not exist"},
        {{"zz"}, table, "42703", "column \"zz\" of relation \"o\" does not exist"},
        {{"a", "a"}, table, "42701", "column \"a\" specified more than once"},
        {{"b"}, table, "42P10", "FORCE_QUOTE column \"b\" not referenced by COPY"},
    };
    for (const auto &c : cases) {
        try {
            ResolveForceColumns(c.names, c.columns, "FORCE_QUOTE");
            ADD_FAILURE() << c.message;
        } catch (const SqlError &error) {
            EXPECT_EQ(error.sqlstate, c.sqlstate);
            EXPECT_STREQ(error.what(), c.message);
        }
    }
}

} // namespace
} // namespace duckgres::copy
