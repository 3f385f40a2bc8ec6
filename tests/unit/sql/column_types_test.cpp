// Table-driven tests of the rewrites that decide by column types: which statements change, and how.
#include "sql/column_types.hpp"
#include "sql/rewriter.hpp"
#include "sql/statement_parser.hpp"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace duckgres::sql {
namespace {

//! docs (id integer, doc jsonb, flag boolean, tags integer[], r real, mood enum mood) and
//! edges (src integer, dst integer, flag text): flag has different types in the two.
class TypedTables : public TableLocator {
public:
    std::optional<std::string> SchemaOf(const std::string &) const override { return std::nullopt; }
    std::vector<std::string> ColumnNames(const std::string &, const std::string &) const override { return {}; }
    std::vector<std::string> ConstraintColumns(const std::string &, const std::string &,
                                               const std::string &) const override {
        return {};
    }
    std::vector<ColumnType> ColumnTypes(const std::string &, const std::string &table) const override {
        lookups++;
        static const std::map<std::string, std::vector<ColumnType>> kTables = {
            {"docs",
             {{"id", "integer", {}},
              {"doc", "jsonb", {}},
              {"flag", "boolean", {}},
              {"tags", "integer[]", {}},
              {"r", "real", {}},
              {"mood", "enum", {"sad", "ok", "happy"}}}},
            {"edges", {{"src", "integer", {}}, {"dst", "integer", {}}, {"flag", "text", {}}}},
        };
        auto found = kTables.find(table);
        return found == kTables.end() ? std::vector<ColumnType>{} : found->second;
    }
    mutable int lookups = 0;
};

struct TypedCase {
    const char *sql;
    const char *rewritten; //!< nullptr: no pass changes the statement
};

const TypedCase kCases[] = {
    // jsonb columns: the jsonb operators, qualified or not, through an alias.
    {"update docs set doc = doc || '{\"a\": 1}'", "UPDATE docs SET doc = duckgres_jsonb_concat(doc, '{\"a\": 1}')"},
    {"select d.doc - 'a' from docs d", "SELECT duckgres_jsonb_delete(d.doc, 'a') FROM docs d"},
    {"select doc @> other.doc from docs, docs other",
     "SELECT duckgres_jsonb_contains(doc, other.doc) FROM docs, docs other"},
    // boolean columns as text: concat(), format(), text || boolean.
    {"select concat('b=', flag) from docs",
     "SELECT concat('b=', CASE WHEN flag THEN 't' WHEN NOT flag THEN 'f' END) FROM docs"},
    // text || boolean is the boolean's cast to text (true / false), as DuckDB writes it.
    {"select 'b=' || d.flag from docs d", nullptr},
    {"select format('%s', flag) from docs",
     "SELECT concat(CASE WHEN flag THEN 't' WHEN NOT flag THEN 'f' END) FROM docs"},
    // flag is boolean in docs but text in edges: unqualified, it is not known which.
    {"select concat(flag) from docs, edges", nullptr},
    {"select concat(docs.flag) from docs, edges",
     "SELECT concat(CASE WHEN docs.flag THEN 't' WHEN NOT docs.flag THEN 'f' END) FROM docs, edges"},
    // array columns || element columns, and a CTE's column typed by its first branch.
    {"select tags || id from docs", "SELECT list_append(tags, id) FROM docs"},
    {"select e.src || d.tags from docs d join edges e on true",
     "SELECT list_prepend(e.src, d.tags) FROM docs d JOIN edges e ON true"},
    {"with recursive w(n, path) as (select 1, array[1] union all select e.dst, w.path || e.dst from w join edges e "
     "on e.src = w.n) select * from w",
     "WITH RECURSIVE w(n, path) AS (SELECT 1, ARRAY[1] UNION ALL SELECT e.dst, list_append(w.path, e.dst) FROM w "
     "JOIN edges e ON e.src = w.n) SELECT * FROM w"},
    // VALUES columns typed where every row agrees: sum() of an interval column, smallint arithmetic.
    {"select sum(iv) from (values (interval '1 hour'), (interval '1 day')) t(iv)",
     "SELECT duckgres_sum_interval(iv) FROM (VALUES ('1 hour'::interval), ('1 day'::interval)) t(iv)"},
    {"select column1 + 1 from (values (1::int2), (2::int2)) v",
     "SELECT column1 + 1::int FROM (VALUES (1::int2), (2::int2)) v"},
    {"select column1 + 1 from (values (1::int2), (2)) v", nullptr},
    // enum columns compared with literals, real arithmetic.
    {"select 1 from docs where 'sad' <= mood", "SELECT 1 FROM docs WHERE 'sad'::enum('sad', 'ok', 'happy') <= mood"},
    {"select 1 from docs where mood = id::text", nullptr},
    {"select r / 2, r + 1.5, r * r from docs",
     "SELECT duckgres_catalog.main.duckgres_divide(r::float8, 2, r::float8, 2), r::float8 + 1.5, r * r FROM docs"},
    {"select (s.x || 1) from (select tags as x from docs) s",
     "SELECT list_append(s.x, 1) FROM (SELECT tags AS x FROM docs) s"},
    // Tables the catalog does not know: nothing changes.
    {"select a || b, concat(c) from unknown_table", nullptr},
};

TEST(ColumnTypes, RewritesByColumnType) {
    for (const auto &row : kCases) {
        RewriteContext context;
        context.tables = std::make_shared<TypedTables>();
        auto parsed = ParseQuery(row.sql);
        ASSERT_EQ(parsed.statements.size(), 1u) << row.sql;
        auto result = RewriteForDuckDb(*parsed.statements[0].tree, context);
        if (row.rewritten) {
            EXPECT_EQ(result.text.value_or("(unchanged)"), row.rewritten) << row.sql;
        } else {
            EXPECT_EQ(result.text, std::nullopt) << row.sql;
        }
    }
}

TEST(ColumnTypes, NoLookupWithoutAQuestion) {
    // Column types are looked up only when a pass needs one: a plain query costs no catalog round trip. Passes that
    // do ask (once per session and catalog version: the answers are cached) include a column compared with or added
    // to a number constant (is it a string? a smallint?) and sum(column) (an interval?).
    auto tables = std::make_shared<TypedTables>();
    RewriteContext context;
    context.tables = tables;
    for (const char *sql :
         {"select id, doc from docs where doc is not null order by id", "select doc ->> 'a' from docs order by id"}) {
        auto parsed = ParseQuery(sql);
        RewriteForDuckDb(*parsed.statements[0].tree, context);
    }
    EXPECT_EQ(tables->lookups, 0);
}

struct NameCase {
    const char *name;
    int bounds;
    const char *canonical;
};

TEST(ColumnTypes, CanonicalTypeNames) {
    const NameCase cases[] = {
        {"int4", 0, "integer"},
        {"INT", 0, "integer"},
        {"float4", 0, "real"},
        {"bool", 1, "boolean[]"},
        {"integer[]", 0, "integer[]"},
        {"numeric(10,2)", 0, "numeric"},
        {"varchar", 0, "character varying"},
        {"jsonb", 0, "jsonb"},
        {"double precision", 0, "double precision"},
        {"int4", 2, "integer[]"},
    };
    for (const auto &row : cases) {
        EXPECT_EQ(CanonicalTypeName(row.name, row.bounds), row.canonical) << row.name;
    }
}

} // namespace
} // namespace duckgres::sql
