// Runs the case tables (instantiated in *_cases_test.cpp) and dumps them for pg_crosscheck.py.
#include "text_case.hpp"

#include <cstdlib>
#include <fstream>

namespace duckgres::types::testing {
namespace {

TEST_P(TextOutputTest, MatchesPostgres) {
    RunTextCase(GetParam());
}

std::string JsonString(const char *s) {
    if (s == nullptr) {
        return "null";
    }
    std::string out = "\"";
    for (const char *p = s; *p; p++) {
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20) {
            char buf[8];
            snprintf(buf, sizeof(buf), "\\u%04x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

// With DUCKGRES_TYPES_CASE_DUMP=<file>, writes every case as a JSON line for pg_crosscheck.py,
// which evaluates the PostgreSQL expressions on a real server and compares the text.
TEST(TextCaseDump, WritesCasesWhenRequested) {
    const char *path = std::getenv("DUCKGRES_TYPES_CASE_DUMP");
    if (path == nullptr) {
        GTEST_SKIP() << "set DUCKGRES_TYPES_CASE_DUMP to dump the cases";
    }
    std::ofstream out(path);
    for (const auto *cases : CaseRegistry()) {
        for (const TextCase &c : *cases) {
            const char *postgres = c.postgres && *c.postgres == '\0' ? c.duckdb : c.postgres;
            out << "{\"duckdb\": " << JsonString(c.duckdb) << ", \"postgres\": " << JsonString(postgres)
                << ", \"expected\": " << JsonString(c.expected) << ", \"oid\": " << c.oid
                << ", \"time_zone\": " << JsonString(c.time_zone)
                << ", \"extra_float_digits\": " << c.extra_float_digits << "}\n";
        }
    }
    EXPECT_TRUE(out.good());
}

} // namespace
} // namespace duckgres::types::testing
