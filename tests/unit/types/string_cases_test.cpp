// Text output of VARCHAR, JSON, BLOB, UUID, ENUM and BIT values.
#include "text_case.hpp"

namespace duckgres::types::testing {
namespace {

using oid::kText, oid::kJson, oid::kBytea, oid::kUuid, oid::kVarbit;

const std::vector<TextCase> kStringCases = {
    {"'hello'", "hello", kText, "'hello'::text"},
    {"''", "", kText, "''::text"},
    {"'123456789012'", "123456789012", kText, "'123456789012'::text"},    // longest inlined string
    {"'1234567890123'", "1234567890123", kText, "'1234567890123'::text"}, // shortest pointer string
    {"'abcdefghijklmnopqrstuvwxyz'", "abcdefghijklmnopqrstuvwxyz", kText, "'abcdefghijklmnopqrstuvwxyz'::text"},
    {"'héllo wörld ✓'", "héllo wörld ✓", kText, "'héllo wörld ✓'::text"},
    {R"('a"b\c')", R"(a"b\c)", kText, R"('a"b\c'::text)"},
    {"NULL::VARCHAR", nullptr, kText, "NULL::text"},
    {R"('{"a":  [1, 2]}'::JSON)", R"({"a":  [1, 2]})", kJson},
    {"'null'::JSON", "null", kJson},
    {"'abc'::BLOB", R"(\x616263)", kBytea, "'abc'::bytea"},
    {R"('\xAB\x00\x01'::BLOB)", R"(\xab0001)", kBytea, R"('\xab0001'::bytea)"},
    {"''::BLOB", R"(\x)", kBytea, "''::bytea"},
    {"'abcdefghijklmnop'::BLOB", R"(\x6162636465666768696a6b6c6d6e6f70)", kBytea, "'abcdefghijklmnop'::bytea"},
    {"'12345678-9abc-def0-1234-56789abcdef0'::UUID", "12345678-9abc-def0-1234-56789abcdef0", kUuid},
    {"'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::UUID", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", kUuid},
    {"'00000000-0000-0000-0000-000000000000'::UUID", "00000000-0000-0000-0000-000000000000", kUuid},
    {"'ffffffff-ffff-ffff-ffff-ffffffffffff'::UUID", "ffffffff-ffff-ffff-ffff-ffffffffffff", kUuid},
    {"'7fffffff-ffff-ffff-ffff-ffffffffffff'::UUID", "7fffffff-ffff-ffff-ffff-ffffffffffff", kUuid},
    {"'80000000-0000-0000-0000-000000000001'::UUID", "80000000-0000-0000-0000-000000000001", kUuid},
    {"NULL::UUID", nullptr, kUuid},
    {"'happy'::mood", "happy", kText, "'happy'::text"},
    {"'sad'::mood", "sad", kText, "'sad'::text"},
    {"NULL::mood", nullptr, kText, "NULL::text"},
    {"'v299'::wide_enum", "v299", kText, "'v299'::text"},
    {"'w69999'::huge_enum", "w69999", kText, "'w69999'::text"},
    {"'0101'::BIT", "0101", kVarbit, "'0101'::varbit"},
    {"'1'::BIT", "1", kVarbit, "'1'::varbit"},
    {"'10101010'::BIT", "10101010", kVarbit, "'10101010'::varbit"},
    {"'101010101'::BIT", "101010101", kVarbit, "'101010101'::varbit"},
};

INSTANTIATE_TEST_SUITE_P(Strings, TextOutputTest, ::testing::ValuesIn(kStringCases));
const bool kRegistered = RegisterCases(kStringCases);

} // namespace
} // namespace duckgres::types::testing
