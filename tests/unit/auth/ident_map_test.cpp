// Unit tests for pg_ident.conf parsing and mapping (plain names, regular expressions, \1), from tables of cases.
#include "auth/ident_map.hpp"

#include <gtest/gtest.h>

namespace duckgres::auth {
namespace {

IdentMap ParseIdent(const std::string &text) {
    return IdentMap::Parse(text, "/etc/dg/pg_ident.conf", ReadAuthFileFromDisk);
}

TEST(IdentMapTest, Allows) {
    auto map = ParseIdent("# MAPNAME  SYSTEM-USERNAME        DATABASE-USERNAME\n"
                          "certs      alice                  alice\n"
                          "certs      alice                  analyst\n"
                          "certs      /^(.*)@example\\.com$   \\1\n"
                          "certs      /^svc-                 service\n"
                          "ops        /^([a-z]+)\\.([a-z]+)$  \\2_\\1\n"
                          "twice      /^(.*)$                pre_\\1_\\1\n"
                          "quoted     \"Carol Smith\"          \"carol s\"\n"
                          "literal    +admin                 all\n"
                          "\"Map Two\"  bob                    bob\n");
    for (const auto &error : map.Errors()) {
        ADD_FAILURE() << error.ToString();
    }
    struct Case {
        const char *map;
        const char *system_user;
        const char *database_user;
        bool expected;
    };
    const Case cases[] = {
        {"certs", "alice", "alice", true},
        {"certs", "alice", "analyst", true},
        {"certs", "alice", "bob", false},
        {"certs", "Alice", "alice", false}, // case-sensitive
        {"certs", "bob@example.com", "bob", true},
        {"certs", "bob@example.com", "bob@example.com", false},
        {"certs", "bob@example.org", "bob", false},
        {"certs", "bob@exampleXcom", "bob", false},
        {"certs", "svc-backup", "service", true}, // unanchored: matches a prefix
        {"certs", "my-svc-backup", "service", false},
        {"certs", "nobody", "nobody", false},
        {"ops", "jane.doe", "\\2_jane", true}, // \1 is the only reference; \2 stays literal (PostgreSQL 15)
        {"ops", "jane.doe", "doe_jane", false},
        {"twice", "x", "pre_x_\\1", true},
        {"twice", "x", "pre_x_x", false},
        {"quoted", "Carol Smith", "carol s", true},
        {"literal", "+admin", "all", true}, // PostgreSQL 15 has no keywords in the third column
        {"literal", "+admin", "anyone", false},
        {"Map Two", "bob", "bob", true},
        {"map two", "bob", "bob", false},
        {"missing", "alice", "alice", false},
    };
    for (const auto &c : cases) {
        EXPECT_EQ(map.Allows(c.map, c.system_user, c.database_user), c.expected)
            << c.map << " " << c.system_user << " -> " << c.database_user;
    }
    EXPECT_TRUE(map.HasMap("certs"));
    EXPECT_TRUE(map.HasMap("Map Two"));
    EXPECT_FALSE(map.HasMap("nope"));
    ASSERT_EQ(map.Mappings().size(), 9u);
    EXPECT_EQ(map.Mappings()[2].line_number, 4);
    EXPECT_TRUE(map.Mappings()[2].pattern.has_value());
    EXPECT_FALSE(map.Mappings()[0].pattern.has_value());
}

TEST(IdentMapTest, ReportsEachMalformedLine) {
    const std::pair<const char *, const char *> cases[] = {
        {"m1", "missing entry at end of line"},
        {"m1 alice", "missing entry at end of line"},
        {"m1 a,b bob", "multiple values in ident field"},
        {"m1,m2 a b", "multiple values in ident field"},
        {"m1 a b,c", "multiple values in ident field"},
        {"m1 /^a$ \\1", "regular expression \"^a$\" has no subexpressions as requested by backreference in \"\\1\""},
    };
    for (const auto &[text, expected] : cases) {
        auto map = ParseIdent(std::string("\n") + text);
        EXPECT_TRUE(map.Mappings().empty()) << text;
        ASSERT_EQ(map.Errors().size(), 1u) << text;
        EXPECT_EQ(map.Errors()[0].ToString(), std::string("/etc/dg/pg_ident.conf:2: ") + expected) << text;
    }
    auto map = ParseIdent("m1 a b\nm1 \"/^x(y\" z\nm2 a b extra\n");
    ASSERT_EQ(map.Errors().size(), 1u);
    EXPECT_EQ(map.Errors()[0].line_number, 2);
    EXPECT_EQ(map.Errors()[0].message.rfind("invalid regular expression \"^x(y\": ", 0), 0u) << map.Errors()[0].message;
    EXPECT_EQ(map.Mappings().size(), 2u); // extra fields are ignored, as in PostgreSQL 15
}

TEST(IdentMapTest, LoadReportsUnreadableFile) {
    auto map = IdentMap::Load("/nonexistent/duckgres/pg_ident.conf");
    ASSERT_EQ(map.Errors().size(), 1u);
    EXPECT_EQ(map.Errors()[0].line_number, 0);
    EXPECT_FALSE(map.Allows("m", "a", "a"));
}

} // namespace
} // namespace duckgres::auth
