// Rewrite passes for catalog references: relations, functions, reg* casts, operators, collations.
#include "sql/catalog_passes.hpp"

#include "common/sql_quote.hpp"

#include "catalog/catalog_scripts.hpp"
#include "common/ascii.hpp"
#include "sql/node_builders.hpp"

#include <algorithm>
#include <array>

namespace duckgres::sql {

namespace {

using pg_query::Node;

const std::string kCatalog(catalog::kCatalogDatabase);

bool IsPgCatalog(const Node &name) {
    return name.has_string() && name.string().sval() == "pg_catalog";
}

//! Drops a leading "pg_catalog" from a qualified name; true when there was one.
bool DropPgCatalog(google::protobuf::RepeatedPtrField<Node> &names) {
    if (names.size() >= 2 && IsPgCatalog(names[0])) {
        names.erase(names.begin());
        return true;
    }
    return false;
}

//! Drops "pg_catalog" from a type name the deparser would print with it (it prints pg_catalog.int4 as
//! int, pg_catalog.varchar as varchar...: those stay as they are).
bool DropPgCatalogFromType(pg_query::TypeName &type) {
    static constexpr std::array<std::string_view, 16> kStandard = {
        "bpchar", "varchar", "numeric", "bool",      "int2",        "int4",     "int8", "float4",
        "float8", "time",    "timetz",  "timestamp", "timestamptz", "interval", "bit",  "varbit"};
    auto name = LastName(type.names());
    for (auto standard : kStandard) {
        if (name == standard) {
            return false;
        }
    }
    return DropPgCatalog(*type.mutable_names());
}

//! `oid` becomes `uinteger`: DuckDB's oid is BIGINT; PostgreSQL's is an unsigned 32-bit integer, which
//! Duckgres sends as oid.
bool OidAsUinteger(pg_query::TypeName &type) {
    if (LastName(type.names()) != "oid") {
        return false;
    }
    type.mutable_names()->Clear();
    type.mutable_names()->Add()->mutable_string()->set_sval("uinteger");
    return true;
}

//! The catalog's int2vector columns: lists of smallint under that name (catalog_builder.cpp).
constexpr std::array<std::string_view, 6> kInt2vectorColumns = {"indkey",    "indoption", "stxkeys",
                                                                "partattrs", "tgattr",    "prattrs"};
//! The catalog's oidvector columns: lists of uinteger under that name.
constexpr std::array<std::string_view, 5> kOidvectorColumns = {"indclass", "indcollation", "proargtypes", "partclass",
                                                               "partcollation"};

//! The kind of the column `node` names when PostgreSQL types it int2vector or oidvector ("int2vector",
//! "oidvector"); empty for other nodes.
std::string_view VectorColumnKind(const Node &node) {
    if (!node.has_column_ref()) {
        return {};
    }
    auto name = LastName(node.column_ref().fields());
    if (std::find(kInt2vectorColumns.begin(), kInt2vectorColumns.end(), name) != kInt2vectorColumns.end()) {
        return "int2vector";
    }
    if (std::find(kOidvectorColumns.begin(), kOidvectorColumns.end(), name) != kOidvectorColumns.end()) {
        return "oidvector";
    }
    return {};
}

//! A column PostgreSQL types int2vector or oidvector (the catalog keeps them as lists).
bool IsVectorColumn(const Node &node) {
    return !VectorColumnKind(node).empty();
}

//! `arg::type[]`.
Node ArrayCastNode(Node arg, std::string_view element) {
    Node cast = TypeCastNode(std::move(arg), {element});
    cast.mutable_type_cast()->mutable_type_name()->add_array_bounds()->mutable_integer()->set_ival(-1);
    return cast;
}

//! An int2vector or oidvector column as a plain list of its elements: cast through a list of another type (a cast to
//! its own would keep the type's name, which DuckDB's list functions refuse).
Node PlainVector(const Node &column) {
    return VectorColumnKind(column) == "int2vector" ? ArrayCastNode(ArrayCastNode(column, "int4"), "int2")
                                                    : ArrayCastNode(ArrayCastNode(column, "int8"), "uinteger");
}

//! The kind of a reg* type name ("regclass" -> "regclass"), or empty for other types.
std::string RegKind(const pg_query::TypeName &type) {
    static constexpr std::array<std::string_view, 6> kKinds = {"regclass", "regtype",      "regnamespace",
                                                               "regproc",  "regprocedure", "regrole"};
    if (type.array_bounds_size() > 0) {
        return "";
    }
    auto name = LastName(type.names());
    for (auto kind : kKinds) {
        if (name == kind) {
            return kind == "regprocedure" ? "regproc" : name;
        }
    }
    return "";
}

//! A column PostgreSQL types regproc (the catalog keeps the function's name: pg_type.typinput...).
bool IsRegprocColumn(const Node &node) {
    static constexpr std::array<std::string_view, 21> kColumns = {
        "typinput",     "typoutput",  "typreceive", "typsend",  "typmodin",   "typmodout",  "typanalyze",
        "typsubscript", "prosupport", "amhandler",  "aggfnoid", "aggtransfn", "aggfinalfn", "aggcombinefn",
        "rngcanonical", "rngsubdiff", "oprcode",    "oprrest",  "oprjoin",    "fdwhandler", "fdwvalidator"};
    if (!node.has_column_ref()) {
        return false;
    }
    auto name = LastName(node.column_ref().fields());
    return std::find(kColumns.begin(), kColumns.end(), name) != kColumns.end();
}

//! An expression that is text whatever its arguments: a cast to text, a concatenation, a text function.
bool IsTextExpression(const Node &node) {
    static constexpr std::array<std::string_view, 11> kFunctions = {
        "concat",         "concat_ws", "quote_ident", "pg_get_serial_sequence", "lower", "upper", "duckgres_lower",
        "duckgres_upper", "replace",   "substr",      "current_schema"};
    if (node.has_type_cast()) {
        auto type = LastName(node.type_cast().type_name().names());
        return node.type_cast().type_name().array_bounds_size() == 0 &&
               (type == "text" || type == "varchar" || type == "character_data");
    }
    if (node.has_a_expr()) {
        return node.a_expr().kind() == pg_query::AEXPR_OP && LastName(node.a_expr().name()) == "||";
    }
    if (node.has_func_call()) {
        auto name = LastName(node.func_call().funcname());
        return std::find(kFunctions.begin(), kFunctions.end(), name) != kFunctions.end();
    }
    return false;
}

Node Not(Node operand) {
    Node node;
    auto *expr = node.mutable_bool_expr();
    expr->set_boolop(pg_query::NOT_EXPR);
    *expr->add_args() = std::move(operand);
    return node;
}

} // namespace

bool RedirectCatalogRelation(Node &node, PassContext &context) {
    if (!node.has_range_var()) {
        return false;
    }
    auto *relation = node.mutable_range_var();
    if (!relation->catalogname().empty() && relation->catalogname() != kCatalog &&
        (relation->schemaname() == "information_schema" || relation->schemaname() == "pg_catalog")) {
        // "mydb".information_schema.columns: the catalog of the session's database (PostgreSQL allows
        // no other).
        relation->clear_catalogname();
    }
    if (relation->catalogname().empty() && relation->schemaname() == "information_schema" &&
        catalog::CatalogNames::Get().IsRelation("information_schema_" + relation->relname())) {
        // information_schema views Duckgres defines itself (with PostgreSQL's type names).
        if (!relation->has_alias()) {
            relation->mutable_alias()->set_aliasname(relation->relname());
        }
        relation->set_catalogname(kCatalog);
        relation->set_schemaname("main");
        relation->set_relname("information_schema_" + relation->relname());
        return true;
    }
    if (!relation->catalogname().empty() ||
        (!relation->schemaname().empty() && relation->schemaname() != "pg_catalog") ||
        !catalog::CatalogNames::Get().IsRelation(relation->relname())) {
        return false;
    }
    relation->set_catalogname(kCatalog);
    relation->set_schemaname("main");
    if (!relation->has_alias()) {
        relation->mutable_alias()->set_aliasname(relation->relname());
    }
    return true;
}

bool RedirectCatalogFunction(Node &node, PassContext &context) {
    if (!node.has_func_call()) {
        return false;
    }
    auto *names = node.mutable_func_call()->mutable_funcname();
    auto name = LastName(*names);
    if (node.func_call().funcformat() == pg_query::COERCE_SQL_SYNTAX) {
        // overlay(a PLACING b FROM n FOR m) has no DuckDB counterpart: a call of the catalog's macro.
        if (name != "overlay") {
            return false; // trim(x), extract(...), position(...): the deparser writes PostgreSQL's syntax back
        }
        node.mutable_func_call()->set_funcformat(pg_query::COERCE_EXPLICIT_CALL);
    }
    // information_schema's helper functions (_pg_expandarray...) are in the catalog too.
    const bool qualified =
        names->size() == 2 &&
        (IsPgCatalog((*names)[0]) || ((*names)[0].string().sval() == "information_schema" && name.starts_with("_pg_")));
    if (names->size() != 1 && !qualified) {
        return false;
    }
    if (catalog::CatalogNames::Get().IsFunction(name)) {
        names->Clear();
        for (const auto &part : {kCatalog, std::string("main"), name}) {
            names->Add()->mutable_string()->set_sval(part);
        }
        return true;
    }
    return DropPgCatalog(*names);
}

//! The kind of a catalog lookup call made by RewriteRegCasts ("regtype" for duckgres_regtype_name(x) when
//! `suffix` is "_name"), or empty.
std::string RegLookupKind(const Node &node, std::string_view suffix) {
    if (!node.has_func_call() || node.func_call().funcname_size() != 3) {
        return "";
    }
    auto name = LastName(node.func_call().funcname());
    if (!name.starts_with("duckgres_reg") || !name.ends_with(suffix)) {
        return "";
    }
    return name.substr(9, name.size() - 9 - suffix.size());
}

//! `column::regtype = 'trigger'::regtype`: reg values compare as OIDs, so the column side keeps its OID
//! instead of becoming a name (the literal side is already an OID lookup).
bool CompareRegValuesAsOids(Node &node) {
    auto *expr = EqualityComparison(node);
    if (!expr) {
        return false;
    }
    for (auto [name_side, oid_side] : {std::pair{expr->mutable_lexpr(), expr->mutable_rexpr()},
                                       std::pair{expr->mutable_rexpr(), expr->mutable_lexpr()}}) {
        auto kind = RegLookupKind(*name_side, "_name");
        if (kind.empty()) {
            continue;
        }
        // column::regtype = 'x'::regtype, or format(...)::regclass (the name of a lookup) = an OID column.
        bool named_lookup = RegLookupKind(name_side->func_call().args(0), "_oid") == kind;
        bool other_is_text = oid_side->has_a_const() && oid_side->a_const().has_sval();
        if (RegLookupKind(*oid_side, "_oid") == kind || (named_lookup && !other_is_text)) {
            Node oid = name_side->func_call().args(0);
            *name_side = std::move(oid);
            return true;
        }
    }
    return false;
}

//! `'{int,int8}'::regtype[]`: a literal list of type names becomes the list of their OIDs, looked up one by one.
bool RegArrayLiteral(Node &node) {
    const auto &arg = node.type_cast().arg();
    if (!arg.has_a_const() || !arg.a_const().has_sval()) {
        return false;
    }
    std::string_view text = arg.a_const().sval().sval();
    if (text.size() < 2 || text.front() != '{' || text.back() != '}' || text.find('"') != std::string_view::npos) {
        return false;
    }
    Node list;
    auto *elements = list.mutable_a_array_expr()->mutable_elements();
    text = text.substr(1, text.size() - 2);
    while (!text.empty()) {
        auto comma = text.find(',');
        auto name = TrimAsciiSpace(text.substr(0, comma));
        *elements->Add() = FuncCallNode({kCatalog, "main", "duckgres_regtype_oid"}, {StringConst(std::string(name))});
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    }
    node = std::move(list);
    return true;
}

//! `column::regtype[]`: the list of the element types' names (duckgres_regtype_names).
bool RegArrayCast(Node &node) {
    auto &type = node.type_cast().type_name();
    if (type.array_bounds_size() != 1 || LastName(type.names()) != "regtype") {
        return false;
    }
    if (RegArrayLiteral(node)) {
        return true;
    }
    if (!node.type_cast().arg().has_column_ref()) {
        return false;
    }
    Node oids = node.type_cast().arg();
    node = FuncCallNode({kCatalog, "main", "duckgres_regtype_names"}, {oids});
    return true;
}

//! A regproc column (kept as the function's name) compared with an OID, or cast to oid: its function's
//! OID (`proc.oid = typ.typreceive`, `typreceive::oid <> 0`).
bool RegprocColumnAsOid(Node &node) {
    auto lookup = [](const Node &column) {
        return FuncCallNode({kCatalog, "main", "duckgres_regproc_lookup"}, {column});
    };
    if (node.has_type_cast() && IsRegprocColumn(node.type_cast().arg()) &&
        node.type_cast().type_name().array_bounds_size() == 0 &&
        LastName(node.type_cast().type_name().names()) == "oid") {
        Node column = node.type_cast().arg();
        node = lookup(column);
        return true;
    }
    auto *expr = EqualityComparison(node);
    if (!expr) {
        return false;
    }
    for (auto [column, other] : {std::pair{expr->mutable_lexpr(), expr->mutable_rexpr()},
                                 std::pair{expr->mutable_rexpr(), expr->mutable_lexpr()}}) {
        // A name (a string literal, or 'f'::regproc, already a name) or another regproc column compares as text.
        if (IsRegprocColumn(*column) && !IsRegprocColumn(*other) &&
            !(other->has_a_const() && other->a_const().has_sval())) {
            *column = lookup(*column);
            return true;
        }
    }
    return false;
}

bool RewriteRegCasts(Node &node, PassContext &context) {
    if (CompareRegValuesAsOids(node) || RegprocColumnAsOid(node)) {
        return true;
    }
    // format(...)::regclass::oid: the OID of the lookup, not its name.
    if (node.has_type_cast() && node.type_cast().has_type_name() &&
        (LastName(node.type_cast().type_name().names()) == "oid" ||
         LastName(node.type_cast().type_name().names()) == "uinteger")) {
        const auto &arg = node.type_cast().arg();
        auto kind = RegLookupKind(arg, "_name");
        if (!kind.empty() && RegLookupKind(arg.func_call().args(0), "_oid") == kind) {
            Node lookup = arg.func_call().args(0);
            *node.mutable_type_cast()->mutable_arg() = std::move(lookup);
            OidAsUinteger(*node.mutable_type_cast()->mutable_type_name());
            return true;
        }
    }
    // 'pg_class'::regclass::text: a reg value prints as its name ('pg_class'), not as the OID looked up.
    if (node.has_type_cast() && node.type_cast().has_type_name() &&
        node.type_cast().type_name().array_bounds_size() == 0 &&
        (LastName(node.type_cast().type_name().names()) == "text" ||
         LastName(node.type_cast().type_name().names()) == "varchar")) {
        auto kind = RegLookupKind(node.type_cast().arg(), "_oid");
        if (!kind.empty() && kind != "regproc") {
            Node lookup = node.type_cast().arg();
            node = FuncCallNode({kCatalog, "main", "duckgres_" + kind + "_name"}, {lookup});
            return true;
        }
    }
    if (node.has_type_cast() && node.type_cast().has_type_name() && RegArrayCast(node)) {
        return true;
    }
    if (node.has_column_def() && node.column_def().has_type_name()) {
        auto *type = node.mutable_column_def()->mutable_type_name();
        return OidAsUinteger(*type) || DropPgCatalogFromType(*type);
    }
    if (!node.has_type_cast() || !node.type_cast().has_type_name()) {
        return false;
    }
    auto *cast = node.mutable_type_cast();
    if (OidAsUinteger(*cast->mutable_type_name())) {
        return true;
    }
    if (IsVectorColumn(cast->arg()) && cast->type_name().array_bounds_size() == 0 &&
        (LastName(cast->type_name().names()) == "text" || LastName(cast->type_name().names()) == "varchar")) {
        // int2vector and oidvector columns print as space-separated numbers ("1 3"), not as lists.
        Node column = cast->arg();
        node = FuncCallNode({"array_to_string"}, {column, StringConst(" ")});
        return true;
    }
    auto kind = RegKind(cast->type_name());
    if (kind.empty()) {
        return DropPgCatalogFromType(*cast->mutable_type_name());
    }
    // A string literal or a parameter ($1::regclass, sent as a name or a number; maybe already cast to
    // text by the parameter pass) is looked up by name.
    const auto &inner = cast->arg();
    const bool parameter = inner.has_param_ref() || (inner.has_type_cast() && inner.type_cast().arg().has_param_ref());
    const bool literal = inner.has_a_const() && inner.a_const().has_sval();
    const bool by_name = literal || parameter || IsTextExpression(inner);
    if (kind == "regproc" && IsRegprocColumn(inner)) {
        Node column = inner; // a regproc column is kept as the name the cast would give
        node = std::move(column);
        return true;
    }
    if (kind == "regproc" && literal) {
        // The catalog keeps regproc columns (pg_type.typinput...) as function names, so a regproc literal
        // compares with them as the name itself: 'pg_catalog.array_in'::regproc -> 'array_in'.
        auto name = inner.a_const().sval().sval();
        if (name.starts_with("pg_catalog.")) {
            name = name.substr(11);
        }
        node = StringConst(name);
        return true;
    }
    Node arg = cast->arg();
    if (parameter || (by_name && !literal)) {
        Node text;
        *text.mutable_type_cast()->mutable_arg() = cast->arg();
        text.mutable_type_cast()->mutable_type_name()->add_names()->mutable_string()->set_sval("varchar");
        text.mutable_type_cast()->mutable_type_name()->set_typemod(-1);
        arg = std::move(text);
    }
    node = FuncCallNode({kCatalog, "main", "duckgres_" + kind + (by_name ? "_oid" : "_name")}, {arg});
    if (by_name && !literal && !parameter) {
        // A computed name (pg_get_serial_sequence(...)::regclass) is shown, or concatenated, as the name;
        // compared with an OID it is the OID (CompareRegValuesAsOids).
        Node lookup = std::move(node);
        node = FuncCallNode({kCatalog, "main", "duckgres_" + kind + "_name"}, {lookup});
    }
    return true;
}

bool TypeResultRegtypes(Node &node, PassContext &context) {
    if (&node != context.root || !node.has_select_stmt() || node.select_stmt().has_into_clause()) {
        return false;
    }
    bool changed = false;
    for (auto &target : *node.mutable_select_stmt()->mutable_target_list()) {
        if (!target.has_res_target() || RegLookupKind(target.res_target().val(), "_oid") != "regtype") {
            continue;
        }
        auto *value = target.mutable_res_target()->mutable_val();
        Node lookup = *value;
        *value = TypeCastNode(FuncCallNode({kCatalog, "main", "duckgres_regtype_name"}, {lookup}), {"regtype"});
        changed = true;
    }
    return changed;
}

bool PrepareArgumentTypes(Node &node, PassContext &context) {
    if (!node.has_prepare_stmt() || node.prepare_stmt().argtypes_size() == 0) {
        return false;
    }
    auto *prepare = node.mutable_prepare_stmt();
    std::vector<pg_query::TypeName> types;
    for (const auto &type : prepare->argtypes()) {
        // The casts land in nodes the walk has passed: their type names are put in DuckDB's terms here.
        types.push_back(type.type_name());
        DropPgCatalogFromType(types.back());
        OidAsUinteger(types.back());
    }
    prepare->clear_argtypes();
    WalkNodes(*prepare->mutable_query(), [&](Node &child) {
        if (!child.has_param_ref() || child.param_ref().number() < 1 ||
            child.param_ref().number() > static_cast<int>(types.size())) {
            return;
        }
        Node cast;
        *cast.mutable_type_cast()->mutable_type_name() = types[child.param_ref().number() - 1];
        *cast.mutable_type_cast()->mutable_arg() = std::move(child);
        child = std::move(cast);
    });
    return true;
}

bool QualifyCommentColumn(Node &node, PassContext &context) {
    if (!node.has_comment_stmt() || node.comment_stmt().objtype() != pg_query::OBJECT_COLUMN ||
        context.facts.database.empty() || !node.comment_stmt().object().has_list() ||
        node.comment_stmt().object().list().items_size() != 3) {
        return false;
    }
    // PostgreSQL's deparser writes no four-part column name: the statement is written out and run before a SELECT 1.
    const auto &comment = node.comment_stmt();
    std::string text = "COMMENT ON COLUMN " + QuoteIdentifier(context.facts.database);
    for (const auto &name : comment.object().list().items()) {
        text += "." + QuoteIdentifier(name.string().sval());
    }
    text += " IS " + (comment.comment().empty() ? std::string("NULL") : QuoteLiteral(comment.comment()));
    context.effects.after.push_back(std::move(text));
    node = SelectOne();
    return true;
}

bool FillEmptySubquerySelect(Node &node, PassContext &context) {
    if (!node.has_sub_link() || !node.sub_link().subselect().has_select_stmt()) {
        return false;
    }
    auto *select = node.mutable_sub_link()->mutable_subselect()->mutable_select_stmt();
    if (select->target_list_size() > 0 || select->op() != pg_query::SETOP_NONE || select->values_lists_size() > 0) {
        return false;
    }
    *select->add_target_list()->mutable_res_target()->mutable_val() = IntConst(1);
    return true;
}

bool CatalogSystemColumns(Node &node, PassContext &context) {
    if (!node.has_select_stmt()) {
        return false;
    }
    // This query's catalog relations (redirected, so aliased): alias -> catalog name; other relations counted.
    std::vector<std::pair<std::string, std::string>> catalogs;
    int others = 0;
    std::function<void(const Node &)> collect = [&](const Node &item) {
        if (item.has_range_var() && item.range_var().catalogname() == kCatalog) {
            catalogs.emplace_back(item.range_var().alias().aliasname(), item.range_var().relname());
        } else if (item.has_join_expr()) {
            collect(item.join_expr().larg());
            collect(item.join_expr().rarg());
        } else {
            others++;
        }
    };
    for (const auto &item : node.select_stmt().from_clause()) {
        collect(item);
    }
    if (catalogs.empty()) {
        return false;
    }
    // The catalog relation a column reference names a system column of: by alias, or the only relation there is.
    auto catalog_of = [&](const pg_query::ColumnRef &ref) -> const std::string * {
        if (ref.fields_size() == 1 && catalogs.size() == 1 && others == 0) {
            return &catalogs[0].second;
        }
        if (ref.fields_size() != 2 || !ref.fields(0).has_string()) {
            return nullptr;
        }
        for (const auto &[alias, relation] : catalogs) {
            if (alias == ref.fields(0).string().sval()) {
                return &relation;
            }
        }
        return nullptr;
    };
    bool changed = false;
    WalkNodes(node, [&](Node &child) {
        if (!child.has_column_ref() || !child.column_ref().fields(child.column_ref().fields_size() - 1).has_string()) {
            return;
        }
        const auto column = LastName(child.column_ref().fields());
        const auto *relation = column == "xmin" || column == "tableoid" ? catalog_of(child.column_ref()) : nullptr;
        if (!relation) {
            return;
        }
        if (column == "tableoid") {
            // The OID of the system catalog itself, as 'pg_class'::regclass gives it (pg_dump's CatalogId).
            child = FuncCallNode({kCatalog, "main", "duckgres_catalog_oid"}, {StringConst(*relation)});
        } else {
            // DuckDB keeps no row versions: every catalog row reads as frozen (FrozenTransactionId, 2).
            child = TypeCastNode(IntConst(2), {"xid"});
        }
        changed = true;
    });
    return changed;
}

bool PlainVectorOperands(Node &node, PassContext &context) {
    if (node.node_case() == Node::NODE_NOT_SET) {
        return false;
    }
    if (node.has_res_target() && context.root && context.root->has_select_stmt()) {
        for (const auto &target : context.root->select_stmt().target_list()) {
            if (&target == &node) {
                return false; // a column the statement selects as it is keeps its type
            }
        }
    }
    const auto *field = Node::descriptor()->FindFieldByNumber(node.node_case());
    auto &inner = *node.GetReflection()->MutableMessage(&node, field);
    const auto *reflection = inner.GetReflection();
    std::vector<const google::protobuf::FieldDescriptor *> fields;
    reflection->ListFields(inner, &fields);
    bool changed = false;
    auto plain = [&](google::protobuf::Message &child) {
        auto *operand = dynamic_cast<Node *>(&child);
        const auto kind = operand ? VectorColumnKind(*operand) : std::string_view{};
        if (kind.empty()) {
            return;
        }
        *operand = PlainVector(*operand);
        changed = true;
    };
    for (const auto *child : fields) {
        if (child->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE) {
            continue;
        }
        if (child->is_repeated()) {
            for (int i = 0; i < reflection->FieldSize(inner, child); i++) {
                plain(*reflection->MutableRepeatedMessage(&inner, child, i));
            }
        } else {
            plain(*reflection->MutableMessage(&inner, child));
        }
    }
    return changed;
}

bool VectorSubscriptsFromZero(Node &node, PassContext &context) {
    if (node.has_func_call() && LastName(node.func_call().funcname()) == "generate_subscripts" &&
        node.func_call().args_size() == 2 && IsVectorColumn(node.func_call().args(0))) {
        // generate_subscripts(indkey, 1) counts from 0 too.
        Node call = node;
        *call.mutable_func_call()->mutable_args(0) = PlainVector(call.func_call().args(0));
        Node minus;
        auto *expr = minus.mutable_a_expr();
        expr->set_kind(pg_query::AEXPR_OP);
        expr->add_name()->mutable_string()->set_sval("-");
        *expr->mutable_lexpr() = std::move(call);
        *expr->mutable_rexpr() = IntConst(1);
        node = TypeCastNode(std::move(minus), {"int4"}); // as cast_int4_function casts the call
        return true;
    }
    if (!node.has_a_indirection() || !IsVectorColumn(node.a_indirection().arg()) ||
        node.a_indirection().indirection_size() != 1 || !node.a_indirection().indirection(0).has_a_indices()) {
        return false;
    }
    auto *indices = node.mutable_a_indirection()->mutable_indirection(0)->mutable_a_indices();
    if (indices->is_slice() || !indices->has_uidx()) {
        return false;
    }
    Node shifted;
    auto *plus = shifted.mutable_a_expr();
    plus->set_kind(pg_query::AEXPR_OP);
    plus->add_name()->mutable_string()->set_sval("+");
    *plus->mutable_lexpr() = indices->uidx();
    *plus->mutable_rexpr() = IntConst(1);
    *indices->mutable_uidx() = std::move(shifted);
    return true;
}

bool RewriteOperators(Node &node, PassContext &context) {
    if (node.has_a_expr() &&
        (node.a_expr().kind() == pg_query::AEXPR_OP_ANY || node.a_expr().kind() == pg_query::AEXPR_OP_ALL)) {
        return DropPgCatalog(*node.mutable_a_expr()->mutable_name()); // x OPERATOR(pg_catalog.=) ANY (...)
    }
    if (!node.has_a_expr() || node.a_expr().kind() != pg_query::AEXPR_OP) {
        return false;
    }
    auto *expr = node.mutable_a_expr();
    bool changed = DropPgCatalog(*expr->mutable_name());
    if (expr->name_size() != 1 || !expr->has_lexpr() || !expr->has_rexpr()) {
        return changed;
    }
    auto op = LastName(expr->name());
    if (op != "~" && op != "~*" && op != "!~" && op != "!~*") {
        return changed;
    }
    Node match = op.ends_with("*") ? FuncCallNode({"regexp_matches"}, {expr->lexpr(), expr->rexpr(), StringConst("i")})
                                   : FuncCallNode({"regexp_matches"}, {expr->lexpr(), expr->rexpr()});
    node = op.starts_with("!") ? Not(std::move(match)) : std::move(match);
    return true;
}

bool DropDefaultCollation(Node &node, PassContext &context) {
    if (!node.has_collate_clause()) {
        return false;
    }
    auto name = LastName(node.collate_clause().collname());
    if (name != "default" && name != "C" && name != "POSIX") {
        return false;
    }
    Node arg = node.collate_clause().arg();
    node = std::move(arg);
    return true;
}

bool RenameEquivalentFunctions(Node &node, PassContext &context) {
    static constexpr std::pair<std::string_view, std::string_view> kRenames[] = {
        {"btrim", "trim"},
        {"every", "bool_and"},
    };
    // Type names PostgreSQL also takes as one-argument functions: int4('12') is '12'::int4.
    static constexpr std::string_view kCastFunctions[] = {"int2", "int4",    "int8",    "float4",  "float8",
                                                          "text", "bool",    "date",    "varchar", "inet",
                                                          "cidr", "macaddr", "macaddr8"};
    if (!node.has_func_call() || node.func_call().funcname_size() != 1 ||
        node.func_call().funcformat() == pg_query::COERCE_SQL_SYNTAX) {
        return false;
    }
    auto name = LastName(node.func_call().funcname());
    const auto &call = node.func_call();
    if (call.args_size() == 1 && !call.agg_star() && !call.agg_distinct() && !call.has_over() &&
        std::find(std::begin(kCastFunctions), std::end(kCastFunctions), name) != std::end(kCastFunctions)) {
        Node arg = call.args(0);
        node = TypeCastNode(std::move(arg), {name});
        return true;
    }
    // string_to_table / regexp_split_to_table: the pieces as rows, in the select list or in FROM.
    if ((name == "string_to_table" && call.args_size() == 2) ||
        (name == "regexp_split_to_table" && (call.args_size() == 2 || call.args_size() == 3))) {
        Node split = node;
        split.mutable_func_call()->mutable_funcname(0)->mutable_string()->set_sval(
            name == "string_to_table" ? "string_split" : "string_split_regex");
        node = FuncCallNode({"unnest"}, {split});
        return true;
    }
    // lpad / rpad without the fill text pad with spaces.
    if ((name == "lpad" || name == "rpad") && call.args_size() == 2) {
        *node.mutable_func_call()->add_args() = StringConst(" ");
        return true;
    }
    for (const auto &[from, to] : kRenames) {
        if (name == from) {
            node.mutable_func_call()->mutable_funcname(0)->mutable_string()->set_sval(std::string(to));
            return true;
        }
    }
    return false;
}

bool RewriteArrayComparisons(Node &node, PassContext &context) {
    if (!node.has_a_expr()) {
        return false;
    }
    const auto &expr = node.a_expr();
    const bool any = expr.kind() == pg_query::AEXPR_OP_ANY;
    const bool all = expr.kind() == pg_query::AEXPR_OP_ALL;
    if ((!any && !all) || expr.name_size() != 1 || expr.rexpr().has_sub_link()) {
        return false;
    }
    auto op = LastName(expr.name());
    if (!((any && op == "=") || (all && op == "<>"))) {
        return false;
    }
    // Arrays written out (ARRAY[...], '{...}'::int[]) get PostgreSQL's NULL results (duckgres_any_equal); columns,
    // parameters (whose type DuckDB infers from list_contains) and untyped literals keep list_contains.
    const Node &array = expr.rexpr();
    const bool written = array.has_a_array_expr() ||
                         (array.has_type_cast() &&
                          (array.type_cast().arg().has_a_const() || array.type_cast().arg().has_a_array_expr()));
    Node contains = written ? FuncCallNode({kCatalog, "main", "duckgres_any_equal"}, {array, expr.lexpr()})
                            : FuncCallNode({"list_contains"}, {array, expr.lexpr()});
    node = any ? std::move(contains) : Not(std::move(contains));
    return true;
}

} // namespace duckgres::sql
