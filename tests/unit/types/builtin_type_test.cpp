// The table of built-in types: array OIDs and the binary formats sent and received, and what the decoders make of it.
#include "binary_case.hpp"
#include "types/binary_format.hpp"
#include "types/pg_type.hpp"

namespace duckgres::types::testing {
namespace {

struct BuiltinCase {
    uint32_t type_oid;
    uint32_t array_oid;
    bool send;    //!< binary output of it and of its arrays
    bool receive; //!< binary input of it and of its arrays; its arrays decoded as arrays
};

// PostgreSQL 15's pg_type for the OIDs and array types; the directions are what Duckgres handles.
const BuiltinCase kBuiltinCases[] = {
    {16, 1000, true, true},   {17, 1001, true, true},   {18, 1002, true, true},     {19, 1003, true, true},
    {20, 1016, true, true},   {21, 1005, true, true},   {23, 1007, true, true},     {25, 1009, true, true},
    {26, 1028, true, true},   {28, 1011, true, false},  {114, 199, true, true},     {700, 1021, true, true},
    {701, 1022, true, true},  {705, 0, false, true},    {1033, 1034, false, false}, {1042, 1014, true, true},
    {1043, 1015, true, true}, {1082, 1182, true, true}, {1083, 1183, true, true},   {1114, 1115, true, true},
    {1184, 1185, true, true}, {1186, 1187, true, true}, {1266, 1270, true, true},   {1560, 1561, true, true},
    {1562, 1563, true, true}, {1700, 1231, true, true}, {2249, 2287, true, false},  {2950, 2951, true, true},
    {3802, 3807, true, true},
};

PgType TypeOf(uint32_t type_oid) {
    PgType type;
    type.oid = type_oid;
    return type;
}

TEST(BuiltinTypeTest, TableRows) {
    for (const auto &test : kBuiltinCases) {
        const BuiltinType *row = FindBuiltinType(test.type_oid);
        ASSERT_NE(row, nullptr) << test.type_oid;
        EXPECT_EQ(row->array_oid, test.array_oid) << test.type_oid;
        EXPECT_EQ(ArrayTypeOf(test.type_oid), test.array_oid) << test.type_oid;
        EXPECT_EQ(HasBinarySend(test.type_oid), test.send) << test.type_oid;
        EXPECT_EQ(SupportsBinary(TypeOf(test.type_oid)), test.send) << test.type_oid;
        EXPECT_EQ(HasBinaryReceive(test.type_oid), test.receive) << test.type_oid;
        if (test.array_oid != 0) {
            EXPECT_EQ(FindBuiltinArrayElement(test.array_oid), row) << test.array_oid;
            EXPECT_EQ(FindBuiltinType(test.array_oid), nullptr) << test.array_oid;
            EXPECT_EQ(HasBinarySend(test.array_oid), test.send) << test.array_oid;
            EXPECT_EQ(SupportsBinary(TypeOf(test.array_oid)), test.send) << test.array_oid;
            EXPECT_EQ(HasBinaryReceive(test.array_oid), test.receive) << test.array_oid;
            EXPECT_EQ(ArrayElementTypeOf(test.array_oid), test.receive ? test.type_oid : 0u) << test.array_oid;
        }
    }
}

TEST(BuiltinTypeTest, UnknownOids) {
    for (uint32_t type_oid : {0u, 142u, 2277u, 99999u}) {
        EXPECT_EQ(FindBuiltinType(type_oid), nullptr) << type_oid;
        EXPECT_EQ(FindBuiltinArrayElement(type_oid), nullptr) << type_oid;
        EXPECT_FALSE(HasBinarySend(type_oid)) << type_oid;
        EXPECT_FALSE(HasBinaryReceive(type_oid)) << type_oid;
        EXPECT_EQ(ArrayTypeOf(type_oid), 0u) << type_oid;
        EXPECT_EQ(ArrayElementTypeOf(type_oid), 0u) << type_oid;
    }
}

// Binary parameters of the OIDs without binary receive are refused; 0 and unknown are read as text.
TEST(BuiltinTypeTest, BinaryParametersFollowTheTable) {
    const std::pair<uint32_t, const char *> cases[] = {
        {28, "0A000"},   {1011, "0A000"}, {1033, "0A000"}, {1034, "0A000"}, {142, "0A000"},
        {2249, "0A000"}, {2287, "0A000"}, {0, ""},         {705, ""},       {25, ""},
    };
    TextFormatOptions options;
    for (const auto &[type_oid, expected] : cases) {
        std::string sqlstate;
        std::string message;
        TryDecode(type_oid, 1, "abc", options, &sqlstate, &message);
        EXPECT_EQ(sqlstate, expected) << type_oid << " " << message;
    }
}

} // namespace
} // namespace duckgres::types::testing
