// Text output of LIST/ARRAY (PostgreSQL arrays), STRUCT (records), MAP and UNION values.
#include "text_case.hpp"

namespace duckgres::types::testing {
namespace {

constexpr uint32_t kInt4Array = 1007;
constexpr uint32_t kTextArray = 1009;
constexpr uint32_t kRecordArray = 2287;

const std::vector<TextCase> kListCases = {
    {"[1, 2, NULL]", "{1,2,NULL}", kInt4Array, "ARRAY[1, 2, NULL]"},
    {"[]::INTEGER[]", "{}", kInt4Array, "'{}'::int4[]"},
    {"NULL::INTEGER[]", nullptr, kInt4Array, "NULL::int4[]"},
    {"[NULL::INTEGER]", "{NULL}", kInt4Array, "ARRAY[NULL::int4]"},
    {"[-1, 2147483647]", "{-1,2147483647}", kInt4Array, "ARRAY[-1, 2147483647]"},
    {R"(['a b', '', 'NULL', 'null', 'x"y', 'x\y', '{', '}', ',', 'x', 'tab	tab'])",
     R"({"a b","","NULL","null","x\"y","x\\y","{","}",",",x,"tab	tab"})", kTextArray,
     R"(ARRAY['a b', '', 'NULL', 'null', 'x"y', 'x\y', '{', '}', ',', 'x', 'tab	tab'])"},
    {"['NULLx', 'it''s', '(a)', 'abcdefghijklmnopqrstuvwxyz']", "{NULLx,it's,(a),abcdefghijklmnopqrstuvwxyz}",
     kTextArray, "ARRAY['NULLx', 'it''s', '(a)', 'abcdefghijklmnopqrstuvwxyz']"},
    {"[[1, 2], [3, 4]]", "{{1,2},{3,4}}", kInt4Array, "ARRAY[[1, 2], [3, 4]]"},
    {"[[['a b']], [['c']]]", R"({{{"a b"}},{{c}}})", kTextArray, "ARRAY[[['a b']], [['c']]]"},
    {"[[1, NULL], [NULL, 4]]", "{{1,NULL},{NULL,4}}", kInt4Array, "ARRAY[[1, NULL], [NULL, 4]]"},
    {"[[1], NULL, [2, 3]]", "{{1},NULL,{2,3}}", kInt4Array, nullptr}, // not rectangular: no PostgreSQL value
    {"[[]]::INTEGER[][]", "{{}}", kInt4Array, nullptr},
    {"[true, false, NULL]", "{t,f,NULL}", 1000, "ARRAY[true, false, NULL]"},
    {"[1::SMALLINT]", "{1}", 1005, "ARRAY[1::int2]"},
    {"[1::BIGINT]", "{1}", 1016, "ARRAY[1::int8]"},
    {"[1.5::REAL, NULL]", "{1.5,NULL}", 1021, "ARRAY[1.5::real, NULL]"},
    {"[1.5::FLOAT8, 1e20]", "{1.5,1e+20}", 1022, "ARRAY[1.5::float8, 1e20]"},
    {"[1.50::DECIMAL(10,2), -3]", "{1.50,-3.00}", 1231, "ARRAY[1.50::numeric(10,2), -3]::numeric(10,2)[]"},
    {"[18446744073709551615::UBIGINT]", "{18446744073709551615}", 1231, "ARRAY[18446744073709551615::numeric]"},
    {R"(['\x01\x02'::BLOB])", R"({"\\x0102"})", 1001, R"(ARRAY['\x0102'::bytea])"},
    {"[DATE '2024-01-31', 'infinity']", "{2024-01-31,infinity}", 1182, "ARRAY[DATE '2024-01-31', 'infinity']"},
    {"[TIME '13:45:00']", "{13:45:00}", 1183, "ARRAY[TIME '13:45:00']"},
    {"[TIMETZ '13:45:00+02']", "{13:45:00+02}", 1270, "ARRAY[TIMETZ '13:45:00+02']"},
    {"[TIMESTAMP '2024-01-01 10:00:00']", R"({"2024-01-01 10:00:00"})", 1115, "ARRAY[TIMESTAMP '2024-01-01 10:00:00']"},
    {"[TIMESTAMPTZ '2024-01-01 10:00:00+00']", R"({"2024-01-01 11:00:00+01"})", 1185,
     "ARRAY[TIMESTAMPTZ '2024-01-01 10:00:00+00']", "Europe/Berlin"},
    {"[INTERVAL '1 day', INTERVAL '0 seconds']", R"({"1 day",00:00:00})", 1187,
     "ARRAY[INTERVAL '1 day', INTERVAL '0 seconds']"},
    {"['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::UUID]", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", 2951,
     "ARRAY['a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid]"},
    {R"(['{"a": 1}'::JSON, NULL])", R"({"{\"a\": 1}",NULL})", 199, R"(ARRAY['{"a": 1}'::json, NULL])"},
    {"['happy'::mood, NULL]", "{happy,NULL}", kTextArray, "ARRAY['happy', NULL]"},
    {"['0101'::BIT]", "{0101}", 1563, "ARRAY['0101'::varbit]"},
    {"[1, 2]::INTEGER[2]", "{1,2}", kInt4Array, "ARRAY[1, 2]"},
    {"[[1, 2], [3, NULL]]::INTEGER[2][2]", "{{1,2},{3,NULL}}", kInt4Array, "ARRAY[[1, 2], [3, NULL]]"},
    {"[['x y', NULL]]::VARCHAR[2][]", R"({{"x y",NULL}})", kTextArray, "ARRAY[['x y', NULL]]"},
};

const std::vector<TextCase> kStructCases = {
    {"{'a': 1, 'b': 'abc'}", "(1,abc)", oid::kRecord, "ROW(1, 'abc')"},
    {"{'a': 1, 'b': NULL::VARCHAR, 'c': ''}", R"((1,,""))", oid::kRecord, "ROW(1, NULL, '')"},
    {R"({'a': 'a,b', 'b': 'x"y', 'c': 'x\y', 'd': '(', 'e': ' ', 'f': 'NULL'})",
     R"(("a,b","x""y","x\\y","("," ",NULL))", oid::kRecord, R"(ROW('a,b', 'x"y', 'x\y', '(', ' ', 'NULL'))"},
    {"{'a': [1, 2]}", R"(("{1,2}"))", oid::kRecord, "ROW(ARRAY[1, 2])"},
    {"{'a': {'x': 1, 'y': 2}}", R"x(("(1,2)"))x", oid::kRecord, "ROW(ROW(1, 2))"},
    {"{'t': TIMESTAMP '2024-01-01 10:00:00', 'b': true, 'f': 1.5::FLOAT8}", R"(("2024-01-01 10:00:00",t,1.5))",
     oid::kRecord, "ROW(TIMESTAMP '2024-01-01 10:00:00', true, 1.5::float8)"},
    {"NULL::STRUCT(a INTEGER)", nullptr, oid::kRecord, "NULL::record"},
    {"[{'a': 1, 'b': 'x y'}, NULL]", R"x({"(1,\"x y\")",NULL})x", kRecordArray, "ARRAY[ROW(1, 'x y'), NULL]"},
    {"[{'a': 1}]", R"({(1)})", kRecordArray, "ARRAY[ROW(1)]"},
};

// MAP and UNION have no PostgreSQL counterpart: MAP uses DuckDB's own "{k=v}" text with values
// in PostgreSQL text, UNION the text of its current member.
const std::vector<TextCase> kMapUnionCases = {
    {"MAP {'a': 1, 'b': 2}", "{a=1, b=2}", oid::kText, nullptr},
    {"MAP {}::MAP(VARCHAR, INTEGER)", "{}", oid::kText, nullptr},
    {R"(MAP {'a b': 'x,y', 'q"': NULL, '': '}', 'k': 'NULL'})", R"({a b='x,y', 'q"'=NULL, ''='}', k='NULL'})",
     oid::kText, nullptr},
    {R"(MAP {'a': 'it''s', 'b=c': 'd\e', 'x': ' pad'})", R"({a='it\'s', 'b=c'=d\e, x=' pad'})", oid::kText, nullptr},
    {"MAP {'t': TIMESTAMPTZ '2024-01-31 13:45:00+00'}", "{t='2024-01-31 14:45:00+01'}", oid::kText, nullptr,
     "Europe/Berlin"},
    {"MAP {1: [1, 2]}", "{1=[1, 2]}", oid::kText, nullptr},
    {"MAP {'k': ['x y', '', NULL]}", "{k=[x y, '', NULL]}", oid::kText, nullptr},
    {"MAP {'k': {'x': 1, 'y y': 'a:b'}}", "{k={'x': 1, 'y y': 'a:b'}}", oid::kText, nullptr},
    {"MAP {'k': MAP {'a': 1}}", "{k={a=1}}", oid::kText, nullptr},
    {"MAP {'a': true, 'b': false}", "{a=t, b=f}", oid::kText, nullptr},
    {"MAP {'a': 1.5::DOUBLE, 'b': 1e20}", "{a=1.5, b=1e+20}", oid::kText, nullptr},
    {"[MAP {'a': 1}, NULL]", R"({"{a=1}",NULL})", kTextArray, nullptr},
    {"{'m': MAP {'a': 1, 'b': 2}}", R"(("{a=1, b=2}"))", oid::kRecord, nullptr},
    {"union_value(num := 42)::UNION(num INTEGER, str VARCHAR)", "42", oid::kText, nullptr},
    {"union_value(str := 'hi there')::UNION(num INTEGER, str VARCHAR)", "hi there", oid::kText, nullptr},
    {"NULL::UNION(num INTEGER, str VARCHAR)", nullptr, oid::kText, nullptr},
    {"[union_value(str := 'a b')::UNION(num INTEGER, str VARCHAR)]", R"({"a b"})", kTextArray, nullptr},
    {"MAP {'u': union_value(str := 'a:b')::UNION(num INTEGER, str VARCHAR)}", "{u='a:b'}", oid::kText, nullptr},
};

INSTANTIATE_TEST_SUITE_P(Lists, TextOutputTest, ::testing::ValuesIn(kListCases));
INSTANTIATE_TEST_SUITE_P(Structs, TextOutputTest, ::testing::ValuesIn(kStructCases));
INSTANTIATE_TEST_SUITE_P(MapsUnions, TextOutputTest, ::testing::ValuesIn(kMapUnionCases));
const bool kRegistered = RegisterCases(kListCases) && RegisterCases(kStructCases) && RegisterCases(kMapUnionCases);

} // namespace
} // namespace duckgres::types::testing
