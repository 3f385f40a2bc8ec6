// Table-driven tests of the DO block reader: the statements it reads, what it refuses, RAISE formats, conditions.
#include "common/sql_error.hpp"
#include "sql/plpgsql_program.hpp"
#include "sql/plpgsql_substitution.hpp"

#include <gtest/gtest.h>

namespace duckgres::sql::plpgsql {
namespace {

TEST(PlpgsqlProgram, ReadsTheSubset) {
    struct {
        const char *body;
        std::vector<StatementKind> kinds; //!< the statements of the outermost block, in order
    } cases[] = {
        {"BEGIN INSERT INTO t VALUES (1); END", {StatementKind::kSql}},
        {"DECLARE x int := 1; BEGIN x := x + 1; PERFORM 1; END", {StatementKind::kAssign, StatementKind::kPerform}},
        {"BEGIN IF true THEN NULL; ELSIF false THEN RETURN; ELSE RAISE NOTICE 'n'; END IF; END", {StatementKind::kIf}},
        {"DECLARE r record; BEGIN FOR r IN SELECT 1 LOOP EXIT; END LOOP; FOR i IN 1..3 LOOP CONTINUE; END LOOP; END",
         {StatementKind::kForQuery, StatementKind::kForInteger}},
        {"BEGIN LOOP EXIT WHEN true; END LOOP; WHILE false LOOP END LOOP; EXECUTE 'x' USING 1; END",
         {StatementKind::kLoop, StatementKind::kWhile, StatementKind::kExecute}},
        {"BEGIN BEGIN NULL; EXCEPTION WHEN others THEN NULL; END; END", {StatementKind::kBlock}},
        {"DECLARE n int; BEGIN GET DIAGNOSTICS n = ROW_COUNT; END", {StatementKind::kRowCount}},
        {"DECLARE x int; BEGIN CASE x WHEN 1 THEN NULL; END CASE; CASE WHEN true THEN NULL; END CASE; END",
         {StatementKind::kCase, StatementKind::kCase}},
    };
    for (const auto &c : cases) {
        Program program = ParseDoBody(c.body);
        // PL/pgSQL wraps a block with declarations in one of its own (line 0) and appends a RETURN (line 0).
        const Statement &block = program.body.line == 0 ? program.body.body.at(0) : program.body;
        std::vector<Statement> statements = block.body;
        if (!statements.empty() && statements.back().kind == StatementKind::kReturn && statements.back().line == 0) {
            statements.pop_back();
        }
        ASSERT_EQ(statements.size(), c.kinds.size()) << c.body;
        for (size_t i = 0; i < c.kinds.size(); i++) {
            EXPECT_EQ(statements[i].kind, c.kinds[i]) << c.body << " #" << i;
        }
    }
}

TEST(PlpgsqlProgram, ReadsDeclarationsTargetsAndHandlers) {
    Program program = ParseDoBody("DECLARE n int := 2; r record; c CONSTANT text := 'x'; BEGIN SELECT 1 INTO STRICT n; "
                                  "EXCEPTION WHEN unique_violation OR SQLSTATE '22012' THEN NULL; WHEN data_exception "
                                  "THEN NULL; END");
    ASSERT_GE(program.variables.size(), 4u);
    EXPECT_EQ(program.variables[1].name, "n");
    EXPECT_EQ(program.variables[1].type, "int");
    EXPECT_EQ(program.variables[1].default_expr, "2");
    EXPECT_TRUE(program.variables[2].is_record);
    EXPECT_TRUE(program.variables[3].constant);
    const Statement &block = program.body.body[0];
    ASSERT_EQ(block.body.size(), 1u);
    EXPECT_TRUE(block.body[0].has_into);
    EXPECT_TRUE(block.body[0].strict);
    EXPECT_EQ(block.body[0].targets, std::vector<size_t>{1});
    ASSERT_EQ(block.handlers.size(), 2u);
    EXPECT_EQ(block.handlers[0].sqlstates, (std::vector<std::string>{"23505", "22012"}));
    EXPECT_EQ(block.handlers[1].sqlstates, std::vector<std::string>{"22000"});
}

TEST(PlpgsqlProgram, Refusals) {
    struct {
        const char *body;
        const char *sqlstate;
    } cases[] = {
        {"BEGIN foo bar; END", "42601"},
        {"BEGIN x := 1; END", "42601"},
        {"BEGIN RAISE NOTICE '% %', 1; END", "42601"},
        {"DECLARE n text; BEGIN GET DIAGNOSTICS n = PG_CONTEXT; END", "0A000"},
        {"BEGIN FOREACH x IN ARRAY ARRAY[1] LOOP END LOOP; END", "42601"},
        {"DECLARE x int; BEGIN FOREACH x IN ARRAY ARRAY[1] LOOP END LOOP; END", "0A000"},
        {"BEGIN NULL; EXCEPTION WHEN no_such_condition THEN NULL; END", "42704"},
    };
    for (const auto &c : cases) {
        try {
            ParseDoBody(c.body);
            ADD_FAILURE() << c.body << " was accepted";
        } catch (const SqlError &error) {
            EXPECT_EQ(error.sqlstate, c.sqlstate) << c.body << ": " << error.what();
        }
    }
}

TEST(PlpgsqlProgram, RaiseFormatsAndConditions) {
    EXPECT_EQ(FormatRaiseMessage("a % b % c%%", {"1", std::nullopt}), "a 1 b <NULL> c%");
    EXPECT_EQ(FormatRaiseMessage("100%%", {}), "100%");
    EXPECT_EQ(ConditionSqlstate("UNIQUE_VIOLATION"), "23505");
    EXPECT_EQ(ConditionSqlstate("nope"), std::nullopt);
    struct {
        const char *condition;
        const char *sqlstate;
        bool matches;
    } cases[] = {
        {"others", "23505", true}, {"others", "57014", false}, {"22000", "22012", true},   {"22012", "22012", true},
        {"22012", "22003", false}, {"23505", "23503", false},  {"others", "P0004", false}, {"P0001", "P0001", true},
    };
    for (const auto &c : cases) {
        EXPECT_EQ(ConditionMatches(c.condition, c.sqlstate), c.matches) << c.condition << " " << c.sqlstate;
    }
}

TEST(PlpgsqlSubstitution, ReplacesVariablesOnly) {
    const VariableLookup lookup = [](std::string_view name, std::string_view field) -> std::optional<BoundValue> {
        if (name == "x" && field.empty()) {
            return BoundValue{"4", "int"};
        }
        if (name == "s" && field.empty()) {
            return BoundValue{"it's", "text"};
        }
        if (name == "r" && field == "a") {
            return BoundValue{std::nullopt, "integer"};
        }
        return std::nullopt;
    };
    struct {
        const char *sql;
        const char *expected;
    } cases[] = {
        {"SELECT x + 1", "SELECT (CAST('4' AS int)) + 1"},
        {"INSERT INTO t (x) VALUES (x)", "INSERT INTO t (x) VALUES ((CAST('4' AS int)))"},
        {"SELECT t.x, y FROM t WHERE s = name", "SELECT t.x, y FROM t WHERE (CAST('it''s' AS text)) = name"},
        {"UPDATE t SET v = r.a WHERE id = r . a", "UPDATE t SET v = (CAST(NULL AS integer)) WHERE id = (CAST(NULL AS "
                                                  "integer))"},
        {"SELECT 'x', \"x\"", "SELECT 'x', (CAST('4' AS int))"},
        {"SELECT $1, $2", "SELECT 'p', $2"},
        {"not sql at all x", "not sql at all x"},
    };
    for (const auto &c : cases) {
        EXPECT_EQ(SubstituteVariables(c.sql, lookup, {BoundValue{"p", ""}}), c.expected) << c.sql;
    }
    EXPECT_EQ(AssignedExpression("x := x + 1"), " x + 1");
    EXPECT_EQ(AssignedExpression("\"X\" = 2"), " 2");
    EXPECT_EQ(AssignedExpression("r.a := 1"), std::nullopt);
}

} // namespace
} // namespace duckgres::sql::plpgsql
