// Runs the case tables (instantiated in *_cases_test.cpp) and dumps them for the PostgreSQL
// cross-check (tests/integration/test_types_crosscheck.py).
#include "text_case.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

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

// Writes every case as a JSON line: to $DUCKGRES_TYPES_CASE_DUMP when set (the integration test
// tests/integration/test_types_crosscheck.py evaluates the PostgreSQL expressions on a real
// PostgreSQL 15 and compares the text), otherwise to a temporary file that is removed afterwards.
TEST(TextCaseDump, WritesCasesWhenRequested) {
    const char *requested = std::getenv("DUCKGRES_TYPES_CASE_DUMP");
    const bool temporary = requested == nullptr || *requested == '\0';
    const std::filesystem::path path =
        temporary ? std::filesystem::temp_directory_path() /
                        ("duckgres_types_cases_" + std::to_string(static_cast<long>(getpid())) + ".jsonl")
                  : std::filesystem::path(requested);
    size_t written = 0;
    {
        std::ofstream out(path, std::ios::trunc);
        ASSERT_TRUE(out.is_open()) << "cannot write " << path;
        for (const auto *cases : CaseRegistry()) {
            for (const TextCase &c : *cases) {
                const char *postgres = c.postgres && *c.postgres == '\0' ? c.duckdb : c.postgres;
                out << "{\"duckdb\": " << JsonString(c.duckdb) << ", \"postgres\": " << JsonString(postgres)
                    << ", \"expected\": " << JsonString(c.expected) << ", \"oid\": " << c.oid
                    << ", \"time_zone\": " << JsonString(c.time_zone)
                    << ", \"extra_float_digits\": " << c.extra_float_digits << "}\n";
                written++;
            }
        }
        out.close();
        EXPECT_TRUE(out.good()) << "error writing " << path;
    }
    EXPECT_GT(written, 0u) << "no case tables registered";

    // One line per case, each a JSON object.
    std::ifstream in(path);
    ASSERT_TRUE(in.is_open()) << "cannot read back " << path;
    size_t lines = 0;
    std::string line;
    while (std::getline(in, line)) {
        EXPECT_TRUE(line.size() > 2 && line.front() == '{' && line.back() == '}')
            << "line " << lines + 1 << ": " << line;
        lines++;
    }
    EXPECT_EQ(lines, written);
    in.close();
    if (temporary) {
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
    }
}

} // namespace
} // namespace duckgres::types::testing
