// The typmod_types pass: PostgreSQL types with a modifier as the DuckDB aliases that carry it.
#include "sql/typmod_passes.hpp"

#include "sql/node_builders.hpp"
#include "types/typmod_alias.hpp"

#include <optional>
#include <string_view>

namespace duckgres::sql {

namespace {

using pg_query::Node;
using types::TypmodBase;

//! The PostgreSQL type names (as the parser spells them) whose modifier an alias carries, and the type an explicit
//! cast reads the value as first.
struct ModifiedType {
    std::string_view name;
    TypmodBase base;
    std::string_view plain;
};

constexpr ModifiedType kModifiedTypes[] = {
    {"varchar", TypmodBase::Varchar, "text"},          {"bpchar", TypmodBase::Bpchar, "text"},
    {"timestamp", TypmodBase::Timestamp, "timestamp"}, {"timestamptz", TypmodBase::Timestamptz, "timestamptz"},
    {"interval", TypmodBase::Interval, "interval"},
};

std::optional<int32_t> IntegerModifier(const Node &node) {
    if (!node.has_a_const() || !node.a_const().has_ival()) {
        return std::nullopt;
    }
    return node.a_const().ival().ival();
}

//! The type `type` names and its alias; nullopt when it has no modifier an alias carries.
std::optional<std::pair<const ModifiedType *, types::TypmodAlias>> AliasOf(const pg_query::TypeName &type) {
    if (type.names_size() == 0 || type.array_bounds_size() > 0 || type.typmods_size() == 0 || type.typmods_size() > 2 ||
        type.setof() || type.pct_type()) {
        return std::nullopt;
    }
    if (type.names_size() > 1 && type.names(0).string().sval() != "pg_catalog") {
        return std::nullopt;
    }
    const std::string name = LastName(type.names());
    for (const auto &modified : kModifiedTypes) {
        if (modified.name != name) {
            continue;
        }
        auto first = IntegerModifier(type.typmods(0));
        std::optional<int32_t> second;
        if (type.typmods_size() == 2) {
            second = IntegerModifier(type.typmods(1));
            if (!second) {
                return std::nullopt;
            }
        }
        if (!first) {
            return std::nullopt;
        }
        auto alias = types::TypmodAliasOf(modified.base, *first, second);
        if (!alias) {
            return std::nullopt;
        }
        return std::make_pair(&modified, *alias);
    }
    return std::nullopt;
}

//! Names the alias in `type` (its modifiers dropped) and records it in the effects.
void UseAlias(pg_query::TypeName &type, const types::TypmodAlias &alias, PassContext &context) {
    const std::string name = types::TypmodAliasName(alias);
    type.clear_names();
    type.clear_typmods();
    type.add_names()->mutable_string()->set_sval(name);
    type.set_typemod(-1);
    context.effects.typmod_types.push_back(name);
}

//! A column declared varchar without a length: the catalog's VARCHAR alias for character varying (1043), as
//! information_schema's character_data is (types/type_mapping.hpp).
bool UnboundedVarcharColumn(pg_query::TypeName &type) {
    if (type.names_size() != 2 || type.names(0).string().sval() != "pg_catalog" ||
        LastName(type.names()) != "varchar" || type.typmods_size() > 0 || type.array_bounds_size() > 0) {
        return false;
    }
    type.clear_names();
    type.add_names()->mutable_string()->set_sval("character_data");
    return true;
}

} // namespace

bool TypmodTypes(Node &node, PassContext &context) {
    if (node.has_column_def() && node.column_def().has_type_name()) {
        auto found = AliasOf(node.column_def().type_name());
        if (!found) {
            return UnboundedVarcharColumn(*node.mutable_column_def()->mutable_type_name());
        }
        UseAlias(*node.mutable_column_def()->mutable_type_name(), found->second, context);
        return true;
    }
    if (!node.has_type_cast()) {
        return false;
    }
    auto found = AliasOf(node.type_cast().type_name());
    if (!found) {
        auto *type = node.mutable_type_cast()->mutable_type_name();
        if (type->typmods_size() == 0 || type->names_size() == 0 || LastName(type->names()) != "interval") {
            return false;
        }
        type->clear_typmods(); // a qualifier that adds nothing (or none PostgreSQL knows): plain interval
        return true;
    }
    const auto &[modified, alias] = *found;
    Node value = TypeCastNode(node.type_cast().arg(), {modified->plain});
    if (alias.base == TypmodBase::Varchar || alias.base == TypmodBase::Bpchar) {
        value = FuncCallNode({"left"}, {value, IntConst(types::DeclaredLength(alias))});
    }
    *node.mutable_type_cast()->mutable_arg() = std::move(value);
    UseAlias(*node.mutable_type_cast()->mutable_type_name(), alias, context);
    return true;
}

} // namespace duckgres::sql
