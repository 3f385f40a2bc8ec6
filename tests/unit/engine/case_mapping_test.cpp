// Table-driven tests of upper / lower / initcap as PostgreSQL's libc maps letters in the C.UTF-8 locale.
#include "engine/functions/case_mapping.hpp"

#include <gtest/gtest.h>

namespace duckgres::engine {
namespace {

struct CaseMappingCase {
    const char *text;
    LetterCase mapping;
    const char *expected;
};

const CaseMappingCase kCases[] = {
    {"straße", LetterCase::kUpper, "STRAßE"},
    {"ñandú", LetterCase::kUpper, "ÑANDÚ"},
    {"ÀÉÎ", LetterCase::kLower, "àéî"},
    {"ΣΑΣ", LetterCase::kLower, "σασ"},
    {"ﬁne", LetterCase::kUpper, "ﬁNE"},
    {"", LetterCase::kUpper, ""},
    {"hello wORLD-foo_bar 3rd", LetterCase::kInitcap, "Hello World-Foo_Bar 3rd"},
    {"élan ÉCOLE", LetterCase::kInitcap, "Élan École"},
};

TEST(CaseMapping, MapsAsLibcInUtf8) {
    for (const auto &test : kCases) {
        EXPECT_EQ(MapLetterCase(test.text, test.mapping), test.expected) << test.text;
    }
}

} // namespace
} // namespace duckgres::engine
