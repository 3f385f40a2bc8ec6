// Sequence rewrite passes: setval() and ALTER SEQUENCE as session effects, CREATE SEQUENCE options, nextval defaults.
#include "sql/sequence_passes.hpp"

#include "common/sql_error.hpp"
#include "common/sql_quote.hpp"
#include "sql/node_builders.hpp"
#include "sql/rewriter.hpp"
#include "sql/statement_parser.hpp"

#include <pg_query.pb.h>

#include <algorithm>

namespace duckgres::sql {

namespace {

using pg_query::Node;

//! The name of a call of nextval / currval / setval / lastval (maybe pg_catalog-qualified), or empty.
std::string SequenceFunction(const Node &node) {
    if (!node.has_func_call()) {
        return "";
    }
    const auto &names = node.func_call().funcname();
    auto name = LastName(names);
    if (names.size() > 2 || (names.size() == 2 && names[0].string().sval() != "pg_catalog")) {
        return "";
    }
    return name == "nextval" || name == "currval" || name == "setval" || name == "lastval" ? name : "";
}

//! An option of CREATE SEQUENCE with an integer argument.
Node IntegerOption(const std::string &name, int64_t value) {
    Node node;
    auto *option = node.mutable_def_elem();
    option->set_defname(name);
    if (value >= INT32_MIN && value <= INT32_MAX) {
        option->mutable_arg()->mutable_integer()->set_ival(static_cast<int32_t>(value));
    } else {
        option->mutable_arg()->mutable_float_()->set_fval(std::to_string(value));
    }
    return node;
}

//! `s` as DuckDB names it in SQL text: quoted, with its schema when it has one.
std::string QualifiedName(const std::string &schema, const std::string &name) {
    return schema.empty() ? QuoteIdentifier(name) : QuoteIdentifier(schema) + "." + QuoteIdentifier(name);
}

//! The sequence name of nextval('name') with a constant name, or nullopt.
std::optional<std::string> NextvalSequence(const Node &expr) {
    if (SequenceFunction(expr) != "nextval" || expr.func_call().args_size() != 1 ||
        !IsStringConst(expr.func_call().args(0))) {
        return std::nullopt;
    }
    return expr.func_call().args(0).a_const().sval().sval();
}

} // namespace

bool SequenceNameArguments(Node &node, PassContext &) {
    const auto function = SequenceFunction(node);
    if (function.empty() || function == "lastval" || node.func_call().args_size() < 1) {
        return false;
    }
    auto *arg = node.mutable_func_call()->mutable_args(0);
    if (!arg->has_func_call() || LastName(arg->func_call().funcname()) != "duckgres_regclass_oid" ||
        arg->func_call().args_size() != 1 || !IsStringConst(arg->func_call().args(0))) {
        return false;
    }
    Node name = arg->func_call().args(0);
    *arg = std::move(name);
    return true;
}

bool SetvalAsSequenceChange(Node &node, PassContext &context) {
    if (SequenceFunction(node) != "setval") {
        return false;
    }
    const auto &args = node.func_call().args();
    if (args.size() < 2 || args.size() > 3 || !IsStringConst(args[0])) {
        return false;
    }
    auto name = SplitSequenceName(args[0].a_const().sval().sval());
    std::optional<int64_t> value;
    if (args[1].has_a_const() && args[1].a_const().has_ival()) {
        value = args[1].a_const().ival().ival();
    } else if (args[1].has_a_const() && args[1].a_const().has_fval()) {
        const auto &text = args[1].a_const().fval().fval();
        if (text.find_first_of(".eE") == std::string::npos) {
            try {
                value = std::stoll(text);
            } catch (const std::exception &) {
            }
        }
    }
    const bool called_given = args.size() == 3;
    if (!name || !value || (called_given && !(args[2].has_a_const() && args[2].a_const().has_boolval()))) {
        return false; // not constant: left to fail as a function DuckDB does not have
    }
    SequenceChange change;
    change.schema = name->first;
    change.name = name->second;
    change.set_value = *value;
    change.set_is_called = !called_given || args[2].a_const().boolval().boolval();
    context.effects.sequence_changes.push_back(std::move(change));
    node = TypeCastNode(StringConst(std::to_string(*value)), {"int8"});
    return true;
}

bool SetvalFromQuery(Node &node, PassContext &context) {
    if (!node.has_select_stmt()) {
        return false;
    }
    const auto &targets = node.select_stmt().target_list();
    if (std::none_of(targets.begin(), targets.end(),
                     [](const Node &target) { return SequenceFunction(target.res_target().val()) == "setval"; })) {
        return false;
    }
    Node query = node;
    auto *arguments = query.mutable_select_stmt();
    arguments->clear_target_list();
    arguments->clear_sort_clause();
    for (auto &target : *node.mutable_select_stmt()->mutable_target_list()) {
        auto *call = target.mutable_res_target()->mutable_val();
        const auto &args = call->func_call().args();
        if (SequenceFunction(*call) != "setval" || args.size() < 2 || args.size() > 3) {
            continue;
        }
        // A name cast to regclass was made a catalog lookup: the name it looks up.
        const bool looked_up = args[0].has_func_call() &&
                               LastName(args[0].func_call().funcname()) == "duckgres_regclass_oid" &&
                               args[0].func_call().args_size() == 1;
        for (const auto &value :
             {TypeCastNode(looked_up ? args[0].func_call().args(0) : args[0], {"varchar"}),
              TypeCastNode(args[1], {"int8"}),
              args.size() == 3 ? TypeCastNode(args[2], {"bool"}) : TypeCastNode(StringConst("t"), {"bool"})}) {
            *arguments->add_target_list()->mutable_res_target()->mutable_val() = value;
        }
        Node value = TypeCastNode(args[1], {"int8"});
        *call = std::move(value);
    }
    if (arguments->target_list_size() == 0) {
        return false;
    }
    auto text = DeparseStatement(query);
    if (!text) {
        throw SqlError("0A000", "this setval() call cannot be run");
    }
    context.effects.setval_queries.push_back(std::move(*text));
    return true;
}

bool AlterSequenceAsChange(Node &node, PassContext &context) {
    if (!node.has_alter_seq_stmt()) {
        return false;
    }
    const auto &alter = node.alter_seq_stmt();
    SequenceChange change;
    change.schema = alter.sequence().schemaname();
    change.name = alter.sequence().relname();
    change.missing_ok = alter.missing_ok();
    ReadSequenceOptions(alter.options(), change);
    context.effects.sequence_changes.push_back(std::move(change));
    node = SelectOne();
    return true;
}

namespace {

//! CREATE SEQUENCE's options read as PostgreSQL reads them (AS type bounds, NO MINVALUE / NO MAXVALUE, checked) and
//! written in DuckDB's terms: increment, the bounds DuckDB needs, start, cycle.
void SetDuckDbSequenceOptions(pg_query::CreateSeqStmt &create) {
    SequenceChange change;
    change.name = create.sequence().relname();
    ReadSequenceOptions(create.options(), change);
    const auto state = ChangedSequence(std::nullopt, change);
    const auto bounds = BoundsDuckDbNeeds(state);
    create.clear_options();
    *create.add_options() = IntegerOption("increment", state.increment);
    if (bounds.minimum) {
        *create.add_options() = IntegerOption("minvalue", state.minimum);
    }
    if (bounds.maximum) {
        *create.add_options() = IntegerOption("maxvalue", state.maximum);
    }
    *create.add_options() = IntegerOption("start", state.start);
    if (state.cycle) {
        auto *cycle = create.add_options()->mutable_def_elem();
        cycle->set_defname("cycle");
        cycle->mutable_arg()->mutable_boolean()->set_boolval(true);
    }
}

} // namespace

bool CreateSequenceOptions(Node &node, PassContext &) {
    if (!node.has_create_seq_stmt()) {
        return false;
    }
    SetDuckDbSequenceOptions(*node.mutable_create_seq_stmt());
    return true;
}

bool AddIdentityAsSequenceDefault(Node &node, PassContext &context) {
    if (!node.has_alter_table_stmt()) {
        return false;
    }
    const auto relation = node.alter_table_stmt().relation();
    bool changed = false;
    for (auto &item : *node.mutable_alter_table_stmt()->mutable_cmds()) {
        auto *cmd = item.mutable_alter_table_cmd();
        if (!item.has_alter_table_cmd() || cmd->subtype() != pg_query::AT_AddIdentity || !cmd->def().has_constraint()) {
            continue;
        }
        // PostgreSQL's sequence: SEQUENCE NAME, else <table>_<column>_seq in the table's schema.
        Node sequence_node;
        auto *create = sequence_node.mutable_create_seq_stmt();
        auto *sequence = create->mutable_sequence();
        sequence->set_inh(true); // not ONLY
        sequence->set_relpersistence("p");
        sequence->set_schemaname(relation.schemaname());
        sequence->set_relname(relation.relname() + "_" + cmd->name() + "_seq");
        for (const auto &option : cmd->def().constraint().options()) {
            if (option.has_def_elem() && option.def_elem().defname() == "sequence_name") {
                const auto &names = option.def_elem().arg().list().items();
                sequence->set_relname(LastName(names));
                sequence->set_schemaname(names.size() > 1 ? names.Get(names.size() - 2).string().sval() : "");
            } else {
                *create->add_options() = option;
            }
        }
        SetDuckDbSequenceOptions(*create);
        auto text = DeparseStatement(sequence_node);
        if (!text) {
            throw SqlError("XX000", "could not write the identity column's sequence");
        }
        context.effects.before.push_back(*text);
        const std::string qualified =
            sequence->schemaname().empty()
                ? QuoteIdentifierIfNeeded(sequence->relname())
                : QuoteIdentifierIfNeeded(sequence->schemaname()) + "." + QuoteIdentifierIfNeeded(sequence->relname());
        cmd->set_subtype(pg_query::AT_ColumnDefault);
        *cmd->mutable_def() = FuncCallNode({"nextval"}, {StringConst(qualified)});
        changed = true;
    }
    return changed;
}

bool SequenceDefaultsAfterCreate(Node &node, PassContext &context) {
    if (!node.has_create_stmt()) {
        return false;
    }
    auto *create = node.mutable_create_stmt();
    const auto table = QualifiedName(create->relation().schemaname(), create->relation().relname());
    bool changed = false;
    for (auto &element : *create->mutable_table_elts()) {
        if (!element.has_column_def()) {
            continue;
        }
        auto *column = element.mutable_column_def();
        auto *constraints = column->mutable_constraints();
        for (int i = 0; i < constraints->size(); i++) {
            const auto &constraint = (*constraints)[i].constraint();
            auto sequence = constraint.contype() == pg_query::CONSTR_DEFAULT ? NextvalSequence(constraint.raw_expr())
                                                                             : std::nullopt;
            if (!sequence) {
                continue;
            }
            context.effects.after.push_back("ALTER TABLE " + table + " ALTER COLUMN " +
                                            QuoteIdentifier(column->colname()) + " SET DEFAULT nextval(" +
                                            QuoteLiteral(*sequence) + ")");
            constraints->DeleteSubrange(i, 1);
            i--;
            changed = true;
        }
    }
    return changed;
}

bool LastvalAsCurrval(Node &node, PassContext &context) {
    if (SequenceFunction(node) != "lastval" || node.func_call().args_size() != 0 || !context.facts.last_sequence) {
        return false;
    }
    auto sequence = context.facts.last_sequence();
    if (sequence.empty()) {
        throw SqlError("55000", "lastval is not yet defined in this session");
    }
    node = FuncCallNode({"currval"}, {StringConst(sequence)});
    return true;
}

std::optional<NextvalSource> NextvalSourceOf(const Node &statement) {
    NextvalSource source;
    Node copy = statement;
    WalkNodes(copy, [&](Node &node) {
        if (SequenceFunction(node) != "nextval" || node.func_call().args_size() != 1) {
            return;
        }
        const auto &arg = node.func_call().args(0);
        const auto &name = arg.has_type_cast() ? arg.type_cast().arg() : arg;
        if (IsStringConst(name)) {
            source.sequence = name.a_const().sval().sval();
        }
    });
    if (statement.has_insert_stmt()) {
        const auto &insert = statement.insert_stmt();
        source.table_schema = insert.relation().schemaname();
        source.table = insert.relation().relname();
        for (const auto &column : insert.cols()) {
            source.columns.push_back(column.res_target().name());
        }
    }
    if (source.sequence.empty() && source.table.empty()) {
        return std::nullopt;
    }
    return source;
}

bool SequenceAsRelation(Node &node, PassContext &context) {
    if (!context.facts.sequence_relations || !context.facts.tables || !node.has_range_var() ||
        !node.range_var().catalogname().empty()) {
        return false;
    }
    const auto &relation = node.range_var();
    auto schema = context.facts.tables->SequenceSchema(relation.schemaname(), relation.relname());
    if (!schema) {
        return false;
    }
    // DuckDB keeps no is_called: a sequence nothing was drawn from yet has no last value (setval(s, n, false) makes
    // it again starting at n, see session/statement_work_sequences.cpp).
    auto parsed = ParseQuery("SELECT coalesce(duckgres_catalog.main.duckgres_sequence_last(last_value, sql, "
                             "increment_by), start_value) AS last_value, 0::bigint AS log_cnt, last_value IS NOT NULL "
                             "AS is_called FROM duckdb_sequences() WHERE database_name = "
                             "current_database() AND schema_name = " +
                             QuoteLiteral(*schema) + " AND sequence_name = " + QuoteLiteral(relation.relname()));
    const auto alias = relation.has_alias() ? relation.alias().aliasname() : relation.relname();
    node = FromSubquery(*parsed.statements.at(0).tree, alias);
    return true;
}

} // namespace duckgres::sql
