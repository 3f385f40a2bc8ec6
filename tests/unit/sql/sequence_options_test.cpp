// Table-driven tests of PostgreSQL's sequence rules: options read, the sequence a change makes, names split.
#include "common/sql_error.hpp"
#include "sql/sequence_options.hpp"
#include "sql/statement_parser.hpp"

#include <pg_query.pb.h>

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace duckgres::sql {
namespace {

//! The change the options of a CREATE / ALTER SEQUENCE statement ask for.
SequenceChange ChangeOf(const std::string &sql) {
    auto parsed = ParseQuery(sql);
    const auto &tree = *parsed.statements.at(0).tree;
    SequenceChange change;
    ReadSequenceOptions(tree.has_create_seq_stmt() ? tree.create_seq_stmt().options() : tree.alter_seq_stmt().options(),
                        change);
    return change;
}

constexpr int64_t kMax = INT64_MAX;
constexpr int64_t kMin = INT64_MIN;

TEST(SequenceOptions, CreatedAsPostgresReadsThem) {
    struct {
        const char *sql;
        SequenceState state; //!< increment, minimum, maximum, start, cycle, position, is_called
    } cases[] = {
        {"create sequence s", {1, 1, kMax, 1, false, 1, false}},
        {"create sequence s start 100 increment by 10", {10, 1, kMax, 100, false, 100, false}},
        {"create sequence s increment -1", {-1, kMin, -1, -1, false, -1, false}},
        {"create sequence s as integer start with 1 increment by 1 no minvalue no maxvalue cache 1",
         {1, 1, 2147483647, 1, false, 1, false}},
        {"create sequence s as smallint increment -2", {-2, -32768, -1, -1, false, -1, false}},
        {"create sequence s minvalue 5 maxvalue 9 cycle", {1, 5, 9, 5, true, 5, false}},
        {"create sequence s start 3000000000", {1, 1, kMax, 3000000000, false, 3000000000, false}},
    };
    for (const auto &c : cases) {
        EXPECT_EQ(ChangedSequence(std::nullopt, ChangeOf(c.sql)), c.state) << c.sql;
    }
}

TEST(SequenceOptions, AlteredAndSet) {
    const SequenceState used{1, 1, kMax, 1, false, 7, true}; // nextval() gave 7 last
    struct {
        const char *sql;              //!< ALTER SEQUENCE options, or nullptr for setval
        std::optional<int64_t> value; //!< setval's
        bool is_called;
        SequenceState state;
    } cases[] = {
        {"alter sequence s restart", {}, false, {1, 1, kMax, 1, false, 1, false}},
        {"alter sequence s restart with 50", {}, false, {1, 1, kMax, 1, false, 50, false}},
        {"alter sequence s increment by 5", {}, false, {5, 1, kMax, 1, false, 7, true}},
        {"alter sequence s minvalue 0 maxvalue 100", {}, false, {1, 0, 100, 1, false, 7, true}},
        {"alter sequence s start with 20", {}, false, {1, 1, kMax, 20, false, 7, true}},
        {"alter sequence s owned by t.id", {}, false, used},
        {nullptr, 100, true, {1, 1, kMax, 1, false, 100, true}},
        {nullptr, 3, false, {1, 1, kMax, 1, false, 3, false}},
    };
    for (const auto &c : cases) {
        SequenceChange change = c.sql ? ChangeOf(c.sql) : SequenceChange{};
        change.set_value = c.value;
        change.set_is_called = c.is_called;
        EXPECT_EQ(ChangedSequence(used, change), c.state) << (c.sql ? c.sql : "setval");
    }
}

TEST(SequenceOptions, RefusedAsPostgresRefusesThem) {
    const SequenceState small{1, 1, 10, 1, false, 1, false};
    struct {
        const char *sql;
        std::optional<int64_t> value;
        const char *sqlstate;
    } cases[] = {
        {"create sequence s increment 0", {}, "22023"},
        {"create sequence s minvalue 10 maxvalue 5", {}, "22023"},
        {"create sequence s start 0", {}, "22023"},
        {"create sequence s as integer maxvalue 3000000000", {}, "22023"},
        {"create sequence s as text", {}, "22023"},
        {"create sequence s start 1 start 2", {}, "42601"},
        {"alter sequence s restart with 11", {}, "22023"},
        {nullptr, 0, "22003"},
        {nullptr, 11, "22003"},
    };
    for (const auto &c : cases) {
        try {
            SequenceChange change = c.sql ? ChangeOf(c.sql) : SequenceChange{};
            change.set_value = c.value;
            const bool creating = c.sql && std::string(c.sql).starts_with("create");
            ChangedSequence(creating ? std::nullopt : std::optional(small), change);
            ADD_FAILURE() << (c.sql ? c.sql : "setval") << " was accepted";
        } catch (const SqlError &error) {
            EXPECT_EQ(error.sqlstate, c.sqlstate) << (c.sql ? c.sql : "setval") << ": " << error.what();
        }
    }
}

TEST(SequenceOptions, DuckDbOptionsLeaveItsDefaultsOut) {
    EXPECT_EQ(DuckDbSequenceOptions({1, 1, kMax, 1, false, 5, true}, 5), "INCREMENT BY 1 START WITH 5 NO CYCLE");
    EXPECT_EQ(DuckDbSequenceOptions({-1, kMin, -1, -1, true, -3, false}, -1), "INCREMENT BY -1 START WITH -1 CYCLE");
    EXPECT_EQ(DuckDbSequenceOptions({2, 0, 100, 0, false, 0, false}, 0),
              "INCREMENT BY 2 MINVALUE 0 MAXVALUE 100 START WITH 0 NO CYCLE");
}

TEST(SequenceOptions, PlannedFromStartWhenNear) {
    struct {
        SequenceState state;
        SequencePlan plan;
    } cases[] = {
        {{1, 1, kMax, 1, false, 3, true}, {1, 3}},       // setval(s, 3): 1, 2, 3 drawn
        {{1, 1, kMax, 1, false, 3, false}, {1, 2}},      // setval(s, 3, false): 1, 2 drawn
        {{1, 1, kMax, 1, false, 1, false}, {1, 0}},      // RESTART
        {{10, 1, kMax, 1, false, 25, true}, {25, 1}},    // 25 is no step of 1, 11, 21...
        {{1, 1, kMax, 5, false, 2, true}, {2, 1}},       // below START
        {{1, 1, kMax, 1, false, 5000, true}, {5000, 1}}, // further than the limit
        {{-2, kMin, -1, -1, false, -7, true}, {-1, 4}},  // descending
        {{1, kMin, kMax, kMin, false, kMax, true}, {kMax, 1}},
    };
    for (const auto &c : cases) {
        EXPECT_EQ(PlanSequence(c.state, 1000), c.plan) << c.state.position;
    }
}

TEST(SequenceOptions, NamesSplitAsRegclassInput) {
    using Split = std::optional<std::pair<std::string, std::string>>;
    struct {
        const char *text;
        Split split;
    } cases[] = {
        {"s", Split({"", "s"})},
        {"Public.T_Id_Seq", Split({"public", "t_id_seq"})},
        {"\"My Seq\"", Split({"", "My Seq"})},
        {"\"s\"\"q\".x", Split({"s\"q", "x"})},
        {"db.public.s", Split({"public", "s"})},
        {"", std::nullopt},
        {"a..b", std::nullopt},
        {"\"open", std::nullopt},
        {"a.b.c.d", std::nullopt},
    };
    for (const auto &c : cases) {
        EXPECT_EQ(SplitSequenceName(c.text), c.split) << c.text;
    }
}

} // namespace
} // namespace duckgres::sql
