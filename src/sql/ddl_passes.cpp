// DDL rewrite passes: storage clauses and index methods dropped with a NOTICE, serial columns expanded.
#include "sql/ddl_passes.hpp"

#include "catalog/catalog_scripts.hpp"
#include "common/sql_error.hpp"
#include "common/sql_quote.hpp"
#include "sql/constraint_metadata.hpp"
#include "sql/node_builders.hpp"
#include "sql/rewrite_passes.hpp"
#include "sql/rewriter.hpp"
#include "sql/statement_parser.hpp"
#include "types/typmod_alias.hpp"

#include <optional>
#include <set>
#include <utility>

namespace duckgres::sql {

namespace {

using pg_query::Node;

//! The integer type a serial type name stands for, or empty.
std::string SerialBase(const pg_query::TypeName &type) {
    if (type.array_bounds_size() > 0 || type.names_size() != 1) {
        return "";
    }
    auto name = LastName(type.names());
    if (name == "serial" || name == "serial4") {
        return "int4";
    }
    if (name == "bigserial" || name == "serial8") {
        return "int8";
    }
    if (name == "smallserial" || name == "serial2") {
        return "int2";
    }
    return "";
}

//! Removes a plain GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY constraint (no sequence options) from `column`;
//! true when there was one.
bool TakeIdentity(pg_query::ColumnDef &column) {
    auto *constraints = column.mutable_constraints();
    for (int i = 0; i < constraints->size(); i++) {
        const auto &constraint = constraints->Get(i);
        if (constraint.has_constraint() && constraint.constraint().contype() == pg_query::CONSTR_IDENTITY &&
            constraint.constraint().options_size() == 0) {
            constraints->DeleteSubrange(i, 1);
            return true;
        }
    }
    return false;
}

//! varchar(n) -> (n, false), char(n) -> (n, true), also once typmod_types named their aliases (the column
//! definitions are rewritten before their CREATE TABLE); nullopt for other types (and unbounded varchar, arrays).
std::optional<std::pair<int32_t, bool>> DeclaredLength(const pg_query::TypeName &type) {
    if (type.array_bounds_size() > 0 || type.names_size() == 0) {
        return std::nullopt;
    }
    auto name = LastName(type.names());
    if (auto alias = types::ParseTypmodAliasName(name);
        alias && type.names_size() == 1 && type.typmods_size() == 0 &&
        (alias->base == types::TypmodBase::Varchar || alias->base == types::TypmodBase::Bpchar)) {
        return std::make_pair(types::DeclaredLength(*alias), alias->base == types::TypmodBase::Bpchar);
    }
    if (type.typmods_size() != 1 || !type.typmods(0).has_a_const() || !type.typmods(0).a_const().has_ival()) {
        return std::nullopt;
    }
    if (name != "varchar" && name != "bpchar") {
        return std::nullopt;
    }
    return std::make_pair(type.typmods(0).a_const().ival().ival(), name == "bpchar");
}

//! Adds the length CHECK to one column definition; false when its type has no length.
bool AddLengthCheck(pg_query::ColumnDef &column) {
    auto declared = DeclaredLength(column.type_name());
    if (!declared) {
        return false;
    }
    Node reference;
    reference.mutable_column_ref()->add_fields()->mutable_string()->set_sval(column.colname());
    auto trimmed = declared->second ? FuncCallNode({"rtrim"}, {reference})
                                    : FuncCallNode({"rtrim"}, {reference, StringConst(" ")});
    Node check;
    auto *comparison = check.mutable_a_expr();
    comparison->set_kind(pg_query::AEXPR_OP);
    comparison->add_name()->mutable_string()->set_sval("<=");
    *comparison->mutable_lexpr() = FuncCallNode({"length"}, {trimmed});
    *comparison->mutable_rexpr() = IntConst(declared->first);
    auto *constraint = column.add_constraints()->mutable_constraint();
    constraint->set_contype(pg_query::CONSTR_CHECK);
    *constraint->mutable_raw_expr() = check;
    return true;
}

} // namespace

bool EnforceCharacterLengths(Node &node, PassContext &context) {
    bool changed = false;
    if (node.has_create_stmt()) {
        for (auto &element : *node.mutable_create_stmt()->mutable_table_elts()) {
            if (element.has_column_def()) {
                changed |= AddLengthCheck(*element.mutable_column_def());
            }
        }
    }
    return changed;
}

bool OnCommitAsSessionAction(Node &node, PassContext &context) {
    if (!node.has_create_stmt() || node.create_stmt().oncommit() == pg_query::ONCOMMIT_NOOP ||
        node.create_stmt().oncommit() == pg_query::ON_COMMIT_ACTION_UNDEFINED) {
        return false;
    }
    auto &create = *node.mutable_create_stmt();
    const auto &relation = create.relation();
    if (relation.relpersistence() != "t") {
        throw SqlError("42P16", "ON COMMIT can only be used on temporary tables");
    }
    if (create.oncommit() != pg_query::ONCOMMIT_PRESERVE_ROWS) {
        // Named in DuckDB's catalog of temporary tables: once it is gone, a permanent table of the same name found
        // through the search path must not be emptied or dropped in its place.
        const std::string table = "temp.main." + QuoteIdentifier(relation.relname());
        context.effects.commit_actions.push_back({table, create.oncommit() == pg_query::ONCOMMIT_DROP});
    }
    create.set_oncommit(pg_query::ONCOMMIT_NOOP);
    return true;
}

bool DropStorageClauses(Node &node, PassContext &context) {
    auto &notices = context.effects.notices;
    bool changed = false;
    if (node.has_create_stmt()) {
        auto *create = node.mutable_create_stmt();
        if (!create->tablespacename().empty()) {
            notices.push_back("TABLESPACE " + create->tablespacename() +
                              " is accepted and ignored: DuckDB keeps each database in one file");
            create->clear_tablespacename();
            changed = true;
        }
        if (!create->access_method().empty()) {
            if (create->access_method() != "heap") {
                notices.push_back("access method \"" + create->access_method() +
                                  "\" is accepted and ignored: DuckDB stores every table its own way");
            }
            create->clear_access_method();
            changed = true;
        }
        if (create->options_size() > 0) {
            notices.push_back("storage parameters (WITH ...) are accepted and ignored by DuckDB");
            create->clear_options();
            changed = true;
        }
    }
    if (node.has_index_stmt()) {
        auto *index = node.mutable_index_stmt();
        if (!index->access_method().empty()) {
            if (index->access_method() != "btree") {
                notices.push_back("index method \"" + index->access_method() +
                                  "\" is not available: the index is DuckDB's ART index");
            }
            index->clear_access_method();
            changed = true;
        }
        if (!index->table_space().empty()) {
            notices.push_back("TABLESPACE " + index->table_space() + " is accepted and ignored");
            index->clear_table_space();
            changed = true;
        }
        if (index->options_size() > 0) {
            notices.push_back("index storage parameters (WITH ...) are accepted and ignored by DuckDB");
            index->clear_options();
            changed = true;
        }
    }
    return changed;
}

bool SimplifyIndexDefinition(Node &node, PassContext &context) {
    if (!node.has_index_stmt()) {
        return false;
    }
    auto *index = node.mutable_index_stmt();
    bool changed = false;
    if (index->has_where_clause()) {
        if (index->unique()) {
            // Unique among the rows the predicate selects: each key is CASE WHEN predicate THEN key END, NULL for the
            // other rows, and NULLs never collide in a unique index.
            for (auto &param : *index->mutable_index_params()) {
                if (!param.has_index_elem()) {
                    continue;
                }
                auto *element = param.mutable_index_elem();
                Node key = element->has_expr() ? element->expr() : Node();
                if (!element->has_expr()) {
                    key.mutable_column_ref()->add_fields()->mutable_string()->set_sval(element->name());
                }
                Node guarded;
                auto *when = guarded.mutable_case_expr()->add_args()->mutable_case_when();
                *when->mutable_expr() = index->where_clause();
                *when->mutable_result() = std::move(key);
                element->clear_name();
                *element->mutable_expr() = std::move(guarded);
            }
        }
        index->clear_where_clause();
        changed = true;
    }
    if (index->concurrent() || index->index_including_params_size() > 0) {
        index->set_concurrent(false);
        index->clear_index_including_params();
        changed = true;
    }
    for (auto &param : *index->mutable_index_params()) {
        if (!param.has_index_elem()) {
            continue;
        }
        auto *element = param.mutable_index_elem();
        if (element->ordering() > pg_query::SORTBY_DEFAULT ||
            element->nulls_ordering() > pg_query::SORTBY_NULLS_DEFAULT || element->opclass_size() > 0) {
            element->set_ordering(pg_query::SORTBY_DEFAULT);
            element->set_nulls_ordering(pg_query::SORTBY_NULLS_DEFAULT);
            element->clear_opclass();
            changed = true;
        }
    }
    return changed;
}

bool ExpandTableLikeClauses(Node &node, PassContext &context) {
    if (!node.has_create_stmt() || !context.facts.tables) {
        return false;
    }
    constexpr uint32_t kIncludingDefaults = 1u << 3; // PostgreSQL's CREATE_TABLE_LIKE_DEFAULTS
    auto *elements = node.mutable_create_stmt()->mutable_table_elts();
    bool changed = false;
    for (int i = 0; i < elements->size(); i++) {
        if (!elements->Get(i).has_table_like_clause()) {
            continue;
        }
        const auto like = elements->Get(i).table_like_clause();
        auto columns = context.facts.tables->ColumnDefinitions(like.relation().schemaname(), like.relation().relname());
        if (columns.empty()) {
            throw SqlError("42P01", "relation \"" + like.relation().relname() + "\" does not exist");
        }
        // The columns as PostgreSQL would declare them, read back by its grammar.
        std::string definitions;
        for (const auto &column : columns) {
            definitions += (definitions.empty() ? "" : ", ") + QuoteIdentifier(column.name) + " " + column.type +
                           (column.not_null ? " NOT NULL" : "");
            if ((like.options() & kIncludingDefaults) && !column.default_expression.empty()) {
                definitions += " DEFAULT " + column.default_expression;
            }
        }
        auto parsed = ParseQuery("CREATE TABLE duckgres_like (" + definitions + ")");
        if (!parsed.postgres_syntax_ok || parsed.statements.size() != 1 || !parsed.statements[0].tree ||
            !parsed.statements[0].tree->has_create_stmt()) {
            throw SqlError("0A000", "the columns of \"" + like.relation().relname() + "\" cannot be copied");
        }
        auto copied = parsed.statements[0].tree->create_stmt().table_elts();
        // The copied columns were not walked: every pass sees them now (their defaults' casts, say).
        for (auto &column : copied) {
            WalkNodes(column, [&](Node &inner) {
                for (const auto &pass : RewritePasses()) {
                    pass.function(inner, context);
                }
            });
        }
        elements->DeleteSubrange(i, 1);
        for (int j = 0; j < copied.size(); j++) {
            elements->Add(std::move(*copied.Mutable(j)));
            for (int k = elements->size() - 1; k > i + j; k--) {
                elements->SwapElements(k, k - 1);
            }
        }
        i += copied.size() - 1;
        changed = true;
    }
    return changed;
}

bool ExpandDomainConstraints(Node &node, PassContext &context) {
    if (node.has_drop_stmt() && node.drop_stmt().remove_type() == pg_query::OBJECT_DOMAIN) {
        node.mutable_drop_stmt()->set_remove_type(pg_query::OBJECT_TYPE);
        return true;
    }
    if (!node.has_create_stmt() || !context.facts.tables) {
        return false;
    }
    // Only a column of a type named without a schema, other than PostgreSQL's own, can be of a domain.
    bool user_type = false;
    for (const auto &element : node.create_stmt().table_elts()) {
        user_type |= element.has_column_def() && element.column_def().type_name().names_size() == 1;
    }
    if (!user_type) {
        return false;
    }
    const auto domains = context.facts.tables->Domains();
    bool changed = false;
    for (auto &element : *node.mutable_create_stmt()->mutable_table_elts()) {
        if (!element.has_column_def() || element.column_def().type_name().names_size() != 1) {
            continue;
        }
        auto *column = element.mutable_column_def();
        auto found = domains.find(LastName(column->type_name().names()));
        if (found == domains.end() || column->type_name().array_bounds_size() > 0) {
            continue;
        }
        auto parsed = ParseQuery(found->second);
        if (!parsed.postgres_syntax_ok || parsed.statements.size() != 1 || !parsed.statements[0].tree ||
            !parsed.statements[0].tree->has_create_domain_stmt()) {
            continue;
        }
        // The domain's NOT NULL and CHECKs become the column's, VALUE standing for the column.
        for (auto constraint : parsed.statements[0].tree->create_domain_stmt().constraints()) {
            if (!constraint.has_constraint()) {
                continue;
            }
            auto *definition = constraint.mutable_constraint();
            if (definition->contype() == pg_query::CONSTR_CHECK) {
                WalkNodes(*definition->mutable_raw_expr(), [&](Node &inner) {
                    if (inner.has_column_ref() && inner.column_ref().fields_size() == 1 &&
                        LastName(inner.column_ref().fields()) == "value") {
                        inner.mutable_column_ref()->mutable_fields(0)->mutable_string()->set_sval(column->colname());
                    }
                });
            } else if (definition->contype() != pg_query::CONSTR_NOTNULL) {
                continue;
            }
            definition->clear_conname();
            *column->add_constraints() = constraint;
            changed = true;
        }
    }
    return changed;
}

bool ExpandSerialColumns(Node &node, PassContext &context) {
    if (!node.has_create_stmt()) {
        return false;
    }
    auto *create = node.mutable_create_stmt();
    const auto &relation = create->relation();
    bool changed = false;
    for (auto &element : *create->mutable_table_elts()) {
        if (!element.has_column_def()) {
            continue;
        }
        auto *column = element.mutable_column_def();
        auto base = SerialBase(column->type_name());
        if (base.empty() && TakeIdentity(*column)) {
            base = "identity"; // the column keeps its type
        }
        if (base.empty()) {
            continue;
        }
        // PostgreSQL's sequence name: <table>_<column>_seq, in the table's schema.
        std::string sequence = relation.relname() + "_" + column->colname() + "_seq";
        std::string qualified = relation.schemaname().empty() ? QuoteIdentifierIfNeeded(sequence)
                                                              : QuoteIdentifierIfNeeded(relation.schemaname()) + "." +
                                                                    QuoteIdentifierIfNeeded(sequence);
        context.effects.before.push_back("CREATE SEQUENCE IF NOT EXISTS " + qualified);
        if (base != "identity") {
            auto *type = column->mutable_type_name();
            type->clear_names();
            type->add_names()->mutable_string()->set_sval("pg_catalog");
            type->add_names()->mutable_string()->set_sval(base);
        }
        auto *default_constraint = column->add_constraints()->mutable_constraint();
        default_constraint->set_contype(pg_query::CONSTR_DEFAULT);
        *default_constraint->mutable_raw_expr() = FuncCallNode({"nextval"}, {StringConst(qualified)});
        column->add_constraints()->mutable_constraint()->set_contype(pg_query::CONSTR_NOTNULL);
        changed = true;
    }
    return changed;
}

bool QualifyForeignKeyTarget(Node &node, PassContext &context) {
    if (!node.has_constraint() || node.constraint().contype() != pg_query::CONSTR_FOREIGN ||
        !node.constraint().has_pktable() || !node.constraint().pktable().schemaname().empty()) {
        return false;
    }
    const auto &target = node.constraint().pktable().relname();
    std::optional<std::string> schema;
    if (context.facts.tables) {
        schema = context.facts.tables->SchemaOf(target);
    }
    const auto *table = context.statement_table;
    if (!schema && table && table->relname() == target && !table->schemaname().empty()) {
        schema = table->schemaname();
    }
    node.mutable_constraint()->mutable_pktable()->set_schemaname(schema ? *schema : context.facts.creation_schema);
    return true;
}

bool KeepViewDefinition(Node &node, PassContext &context) {
    if (!node.has_view_stmt() || !context.statement || !context.statement->has_view_stmt() || !context.facts.tables ||
        node.view_stmt().view().relpersistence() == "t") {
        return false;
    }
    // The query as the client wrote it (DuckDB keeps the rewritten one), its relations qualified as PostgreSQL's
    // pg_get_viewdef() qualifies them for a dump restored with an empty search_path.
    Node query = context.statement->view_stmt().query();
    std::set<std::string> named; // WITH names, which are no relations
    WalkNodes(query, [&](Node &child) {
        if (child.has_common_table_expr()) {
            named.insert(child.common_table_expr().ctename());
        }
    });
    WalkNodes(query, [&](Node &child) {
        if (!child.has_range_var() || !child.range_var().schemaname().empty() ||
            named.count(child.range_var().relname())) {
            return;
        }
        const auto &relname = child.range_var().relname();
        auto schema = context.facts.tables->SchemaOf(relname);
        if (!schema && catalog::CatalogNames::Get().IsRelation(relname)) {
            schema = "pg_catalog";
        }
        child.mutable_range_var()->set_schemaname(schema ? *schema : context.facts.creation_schema);
    });
    auto text = DeparseStatement(query);
    if (!text || !KeepableName(*text)) {
        return false;
    }
    const auto &view = node.view_stmt().view();
    if (node.view_stmt().aliases_size() > 0) {
        // CREATE VIEW v (a, b) AS ...: the names the view gives the columns.
        std::string names;
        for (const auto &alias : node.view_stmt().aliases()) {
            names += (names.empty() ? "" : ", ") + QuoteIdentifier(alias.string().sval());
        }
        *text = "SELECT * FROM (" + *text + ") AS " + QuoteIdentifier(view.relname()) + "(" + names + ")";
    }
    const std::string qualified =
        QuoteIdentifier(view.schemaname().empty() ? context.facts.creation_schema : view.schemaname()) + "." +
        QuoteIdentifier(view.relname());
    TableComment comment{"", {{kViewDefinitionKind, "", *text}}};
    context.effects.after.push_back("COMMENT ON VIEW " + qualified + " IS " +
                                    QuoteLiteral(FormatTableComment(comment)));
    return false; // the statement itself is as it was
}

} // namespace duckgres::sql
