// Foreign keys with ON DELETE / ON UPDATE actions, which DuckDB refuses: declared, checked and acted on by Duckgres.
#include "sql/foreign_key_actions.hpp"

#include "common/sql_error.hpp"
#include "common/sql_quote.hpp"
#include "sql/node_builders.hpp"
#include "sql/rewriter.hpp"

#include <pg_query.pb.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <map>
#include <optional>
#include <set>

namespace duckgres::sql {

namespace {

using pg_query::Node;

//! How many times the actions of a cycle of keys (a table referencing itself, tables referencing each other) are run
//! after a DELETE before the keys are checked: each pass follows the cycle one turn further (a table referencing
//! itself is followed to the end in one).
constexpr int kCyclePasses = 4;

std::string Qualified(const std::string &schema, const std::string &table) {
    return QuoteIdentifier(schema) + "." + QuoteIdentifier(table);
}

std::string ReferencingTable(const ManagedForeignKey &key) {
    return Qualified(key.schema, key.table);
}

std::string ReferencedTable(const ManagedForeignKey &key) {
    return Qualified(key.referenced_schema, key.referenced_table);
}

std::string ListedNames(const std::vector<std::string> &names) {
    std::string listed;
    for (const auto &name : names) {
        listed += (listed.empty() ? "" : ", ") + name;
    }
    return listed;
}

//! `left.a = right.x AND left.b = right.y` over two column lists.
std::string Matching(const std::string &left, const std::vector<std::string> &left_columns, const std::string &right,
                     const std::vector<std::string> &right_columns) {
    std::string condition;
    for (size_t i = 0; i < left_columns.size(); i++) {
        condition += (i == 0 ? "" : " AND ") + left + "." + QuoteIdentifier(left_columns[i]) + " = " + right + "." +
                     QuoteIdentifier(right_columns[i]);
    }
    return condition;
}

//! Whether two names are one in DuckDB's catalog (which compares them without case).
std::string Lowered(std::string name) {
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    return name;
}

bool SameName(const std::string &left, const std::string &right) {
    return left.size() == right.size() &&
           std::equal(left.begin(), left.end(), right.begin(),
                      [](unsigned char a, unsigned char b) { return std::tolower(a) == std::tolower(b); });
}

//! The referencing row `duckgres_child` has a key (all its columns non-NULL: MATCH SIMPLE) and no referenced row.
std::string OrphanCondition(const ManagedForeignKey &key) {
    std::string condition;
    for (const auto &column : key.columns) {
        condition += "duckgres_child." + QuoteIdentifier(column) + " IS NOT NULL AND ";
    }
    return condition + "NOT EXISTS (SELECT 1 FROM " + ReferencedTable(key) + " AS duckgres_parent WHERE " +
           Matching("duckgres_parent", key.referenced_columns, "duckgres_child", key.columns) + ")";
}

//! The primary key and unique constraints a CREATE TABLE declares.
std::vector<UniqueKey> DeclaredKeys(const pg_query::CreateStmt &create) {
    std::vector<UniqueKey> keys;
    const auto add = [&](const pg_query::Constraint &constraint, const std::string &column) {
        if (constraint.contype() != pg_query::CONSTR_PRIMARY && constraint.contype() != pg_query::CONSTR_UNIQUE) {
            return;
        }
        UniqueKey key{constraint.contype() == pg_query::CONSTR_PRIMARY, {}};
        for (const auto &name : constraint.keys()) {
            key.columns.push_back(name.string().sval());
        }
        if (key.columns.empty()) {
            key.columns.push_back(column);
        }
        keys.push_back(std::move(key));
    };
    for (const auto &element : create.table_elts()) {
        if (element.has_column_def()) {
            for (const auto &constraint : element.column_def().constraints()) {
                add(constraint.constraint(), element.column_def().colname());
            }
        } else if (element.has_constraint()) {
            add(element.constraint(), "");
        }
    }
    return keys;
}

//! The schema and name of the table `relation` names (its schema through the search path), when a managed key
//! names a table of that name; nullopt otherwise, and for a temporary table (none has managed keys).
std::optional<std::pair<std::string, std::string>>
Resolved(const pg_query::RangeVar &relation, const std::vector<ManagedForeignKey> &keys, const TableLocator &tables) {
    const auto &name = relation.relname();
    const bool named = std::any_of(keys.begin(), keys.end(), [&](const ManagedForeignKey &key) {
        return SameName(key.table, name) || SameName(key.referenced_table, name);
    });
    if (!named || relation.relpersistence() == "t" || relation.catalogname() == "temp") {
        return std::nullopt;
    }
    if (!relation.schemaname().empty()) {
        return std::pair(relation.schemaname(), name);
    }
    if (tables.IsTemporaryTable(name)) {
        return std::nullopt; // a temporary table hides the permanent ones of its name
    }
    auto schema = tables.SchemaOf(name);
    if (!schema) {
        return std::nullopt;
    }
    return std::pair(*schema, name);
}

Node ColumnRefNode(std::initializer_list<std::string> names) {
    Node node;
    auto *ref = node.mutable_column_ref();
    for (const auto &name : names) {
        ref->add_fields()->mutable_string()->set_sval(name);
    }
    return node;
}

//! The name a statement's columns are qualified with for its target: its alias, else the table's name.
std::string TargetName(const pg_query::RangeVar &relation) {
    return relation.has_alias() ? relation.alias().aliasname() : relation.relname();
}

//! The rows of the target a DELETE or UPDATE reaches (its FROM / USING items and WHERE, and WITH), as a SELECT of
//! `targets` (each an expression over the target) deparsed.
std::string ReachedRows(const pg_query::RangeVar &relation, const google::protobuf::RepeatedPtrField<Node> &from,
                        const Node *where, const pg_query::WithClause *with, std::vector<Node> targets,
                        const std::vector<std::string> &names) {
    Node select = SelectNode();
    auto *stmt = select.mutable_select_stmt();
    for (size_t i = 0; i < targets.size(); i++) {
        auto *target = stmt->add_target_list()->mutable_res_target();
        *target->mutable_val() = std::move(targets[i]);
        if (i < names.size()) {
            target->set_name(names[i]);
        }
    }
    *stmt->add_from_clause()->mutable_range_var() = relation;
    for (const auto &item : from) {
        *stmt->add_from_clause() = item;
    }
    if (where != nullptr) {
        *stmt->mutable_where_clause() = *where;
    }
    if (with != nullptr) {
        *stmt->mutable_with_clause() = *with;
    }
    return DeparseOrRefuse(select, "this statement on a table with foreign key actions");
}

//! The statements a write of a table of managed keys needs around it.
struct ForeignKeyWork {
    const std::vector<ManagedForeignKey> &keys;
    std::vector<CapturedRows> before;
    std::vector<CapturedRows> after;
    std::vector<CapturedRows> drops; //!< of the temporary tables of `before`, after everything
    std::set<std::string> checks;    //!< each check once

    void Check(const ManagedForeignKey &key, bool referenced_side) {
        const auto check = ForeignKeyCheck(key, referenced_side);
        if (checks.insert(check).second) {
            after.push_back({"", "", check});
        }
    }

    //! The keys that reference `schema`.`table` (names compared as DuckDB compares them: without case).
    std::vector<const ManagedForeignKey *> Referencing(const std::string &schema, const std::string &table) const {
        std::vector<const ManagedForeignKey *> found;
        for (const auto &key : keys) {
            if (SameName(key.referenced_schema, schema) && SameName(key.referenced_table, table)) {
                found.push_back(&key);
            }
        }
        return found;
    }

    //! After rows of `schema`.`table` were deleted: the ON DELETE actions of the keys that reference it, as statements
    //! over the referencing rows left without their referenced row (before the statement every referencing row had
    //! one: the checks keep it so), in the order the keys are reached from the table. PostgreSQL's triggers also act
    //! after the statement, which so reaches the rows it would without them. A cycle of keys is followed again, and
    //! then checked.
    void AfterDelete(const std::string &schema, const std::string &table) {
        std::vector<const ManagedForeignKey *> reached;
        std::set<const ManagedForeignKey *> seen;
        std::vector<std::pair<std::string, std::string>> pending{{schema, table}};
        bool cycle = false;
        for (size_t next = 0; next < pending.size(); next++) {
            for (const auto *key : Referencing(pending[next].first, pending[next].second)) {
                if (!seen.insert(key).second) {
                    continue;
                }
                reached.push_back(key);
                if (key->on_delete != 'c') {
                    continue; // SET NULL / DEFAULT delete nothing further
                }
                const bool known = std::any_of(pending.begin(), pending.end(), [&](const auto &table_name) {
                    return SameName(table_name.first, key->schema) && SameName(table_name.second, key->table);
                });
                cycle |= known;
                if (!known) {
                    pending.emplace_back(key->schema, key->table);
                }
            }
        }
        const int passes = cycle ? kCyclePasses : 1;
        for (int pass = 0; pass < passes; pass++) {
            for (const auto *key : reached) {
                Act(*key);
            }
        }
        for (const auto *key : reached) {
            Check(*key, true); // NO ACTION / RESTRICT; after a cycle, whatever the passes left
        }
    }

    //! The ON DELETE action of `key` on the referencing rows without their referenced row.
    void Act(const ManagedForeignKey &key) {
        const auto child = ReferencingTable(key);
        const auto orphan = OrphanCondition(key);
        switch (key.on_delete) {
        case 'c': {
            if (!SameName(key.schema, key.referenced_schema) || !SameName(key.table, key.referenced_table)) {
                after.push_back({"", "", "DELETE FROM " + child + " AS duckgres_child WHERE " + orphan});
                break;
            }
            // A table that references itself: the rows without their referenced row and all their descendants,
            // by a recursive query (one statement, however deep the tree).
            std::string keys_selected;
            for (const auto &column : key.referenced_columns) {
                keys_selected +=
                    (keys_selected.empty() ? "" : ", ") + std::string("duckgres_child.") + QuoteIdentifier(column);
            }
            const auto descent = "WITH RECURSIVE duckgres_descent AS (SELECT " + keys_selected + " FROM " + child +
                                 " AS duckgres_child WHERE " + orphan + " UNION SELECT " + keys_selected + " FROM " +
                                 child + " AS duckgres_child, duckgres_descent AS duckgres_parent WHERE " +
                                 Matching("duckgres_parent", key.referenced_columns, "duckgres_child", key.columns) +
                                 ") SELECT * FROM duckgres_descent";
            after.push_back(
                {"", "",
                 "DELETE FROM " + child + " AS duckgres_child WHERE " + orphan + " OR EXISTS (SELECT 1 FROM (" +
                     descent + ") AS duckgres_parent WHERE " +
                     Matching("duckgres_parent", key.referenced_columns, "duckgres_child", key.referenced_columns) +
                     ")"});
            break;
        }
        case 'n':
        case 'd': {
            std::string sets;
            for (const auto &column : key.columns) {
                sets += (sets.empty() ? "" : ", ") + QuoteIdentifier(column) +
                        (key.on_delete == 'n' ? " = NULL" : " = DEFAULT");
            }
            after.push_back({"", "", "UPDATE " + child + " AS duckgres_child SET " + sets + " WHERE " + orphan});
            if (key.on_delete == 'd') {
                Check(key, false); // the default must be a key there is
            }
            ChangedReferencedColumns(key, key.columns);
            break;
        }
        default:
            break; // checked by AfterDelete
        }
    }

    //! `key`'s referencing table had `columns` changed by an action: the keys referencing those columns are checked.
    void ChangedReferencedColumns(const ManagedForeignKey &key, const std::vector<std::string> &columns) {
        for (const auto *other : Referencing(key.schema, key.table)) {
            for (const auto &column : columns) {
                if (std::find(other->referenced_columns.begin(), other->referenced_columns.end(), column) !=
                    other->referenced_columns.end()) {
                    Check(*other, true);
                    break;
                }
            }
        }
    }
};

//! The columns an UPDATE's SET list assigns, with their new values; nullopt for a (a, b) = (...) assignment.
std::optional<std::vector<std::pair<std::string, Node>>> Assignments(const pg_query::UpdateStmt &update) {
    std::vector<std::pair<std::string, Node>> assigned;
    for (const auto &target : update.target_list()) {
        const auto &res = target.res_target();
        if (res.val().has_multi_assign_ref() || res.indirection_size() > 0) {
            return std::nullopt;
        }
        assigned.emplace_back(res.name(), res.val());
    }
    return assigned;
}

void UpdateReferenced(ForeignKeyWork &work, const Node &statement, const std::string &schema,
                      const std::string &table) {
    const auto &update = statement.update_stmt();
    const auto assignments = Assignments(update);
    const auto target = TargetName(update.relation());
    int number = 0;
    for (const auto *key : work.Referencing(schema, table)) {
        number++;
        const auto &referenced = key->referenced_columns;
        if (!assignments) {
            throw SqlError("0A000", "UPDATE ... SET (...) = of a table with foreign key actions is not supported");
        }
        const bool changes_key = std::any_of(assignments->begin(), assignments->end(), [&](const auto &assigned) {
            return std::find(referenced.begin(), referenced.end(), assigned.first) != referenced.end();
        });
        if (!changes_key) {
            continue;
        }
        if (key->on_update == 'a' || key->on_update == 'r') {
            work.Check(*key, true);
            continue;
        }
        // The old and new keys, kept before the UPDATE runs (its SET list read as it reads it).
        const auto text = DeparseOrRefuse(statement, "this UPDATE");
        const auto keys_table =
            "duckgres_fk_" + std::to_string(std::hash<std::string>{}(text) % 1000000007) + "_" + std::to_string(number);
        std::vector<Node> old_new;
        std::vector<std::string> names;
        std::vector<Node> shape;
        for (size_t i = 0; i < referenced.size(); i++) {
            old_new.push_back(ColumnRefNode({target, referenced[i]}));
            names.push_back("duckgres_old_" + std::to_string(i));
            shape.push_back(ColumnRefNode({target, referenced[i]}));
        }
        for (size_t i = 0; i < referenced.size(); i++) {
            auto assigned = std::find_if(assignments->begin(), assignments->end(),
                                         [&](const auto &pair) { return pair.first == referenced[i]; });
            if (assigned != assignments->end() && assigned->second.has_set_to_default()) {
                throw SqlError("0A000", "SET ... = DEFAULT of a key other tables reference with actions is not "
                                        "supported");
            }
            old_new.push_back(assigned != assignments->end() ? assigned->second
                                                             : ColumnRefNode({target, referenced[i]}));
            names.push_back("duckgres_new_" + std::to_string(i));
            shape.push_back(ColumnRefNode({target, referenced[i]}));
        }
        const Node *where = update.has_where_clause() ? &update.where_clause() : nullptr;
        const auto *with = update.has_with_clause() ? &update.with_clause() : nullptr;
        const std::string kept = "temp.main." + keys_table;
        CapturedRows capture;
        static const google::protobuf::RepeatedPtrField<Node> kNoItems;
        capture.create = "CREATE OR REPLACE TEMPORARY TABLE " + keys_table + " AS " +
                         ReachedRows(update.relation(), kNoItems, nullptr, nullptr, shape, names) + " LIMIT 0";
        capture.run = "INSERT INTO " + kept + " " +
                      ReachedRows(update.relation(), update.from_clause(), where, with, old_new, names);
        work.before.push_back(std::move(capture));
        work.drops.push_back({"", "", "DROP TABLE IF EXISTS " + kept});

        std::string sets;
        std::string matched;
        std::string moved;
        for (size_t i = 0; i < key->columns.size(); i++) {
            const auto column = QuoteIdentifier(key->columns[i]);
            const auto index = std::to_string(i);
            sets += (i == 0 ? "" : ", ") + column + " = " +
                    (key->on_update == 'c'   ? "duckgres_keys.duckgres_new_" + index
                     : key->on_update == 'n' ? std::string("NULL")
                                             : std::string("DEFAULT"));
            matched += " AND duckgres_child." + column + " = duckgres_keys.duckgres_old_" + index;
            moved += (i == 0 ? "" : " OR ") + std::string("duckgres_keys.duckgres_old_") + index +
                     " IS DISTINCT FROM duckgres_keys.duckgres_new_" + index;
        }
        work.after.push_back({"", "",
                              "UPDATE " + ReferencingTable(*key) + " AS duckgres_child SET " + sets + " FROM " + kept +
                                  " AS duckgres_keys WHERE (" + moved + ")" + matched});
        // The referencing rows must have found their new keys (a volatile SET expression gives others).
        work.Check(*key, false);
        work.ChangedReferencedColumns(*key, key->columns);
    }
}

//! The statement's own writes of referencing tables: checked after it.
void CheckReferencing(ForeignKeyWork &work, const std::string &schema, const std::string &table,
                      const std::function<bool(const ManagedForeignKey &)> &touches) {
    for (const auto &key : work.keys) {
        if (SameName(key.schema, schema) && SameName(key.table, table) && touches(key)) {
            work.Check(key, false);
        }
    }
}

bool AssignsAny(const pg_query::UpdateStmt &update, const std::vector<std::string> &columns) {
    const auto assignments = Assignments(update);
    if (!assignments) {
        return true;
    }
    return std::any_of(assignments->begin(), assignments->end(), [&](const auto &assigned) {
        return std::find(columns.begin(), columns.end(), assigned.first) != columns.end();
    });
}

//! TRUNCATE of referenced tables: their referencing tables go with them (CASCADE) or it is refused.
void TruncateReferenced(const pg_query::TruncateStmt &truncate, const ForeignKeyWork &work, const TableLocator &tables,
                        RewriteEffects &effects) {
    std::set<std::pair<std::string, std::string>> truncated;
    for (const auto &relation : truncate.relations()) {
        if (auto resolved = Resolved(relation.range_var(), work.keys, tables)) {
            truncated.insert({Lowered(resolved->first), Lowered(resolved->second)});
        }
    }
    for (const auto &relation : truncate.relations()) {
        auto resolved = Resolved(relation.range_var(), work.keys, tables);
        if (!resolved) {
            continue;
        }
        for (const auto *key : work.Referencing(resolved->first, resolved->second)) {
            if (truncated.count({Lowered(key->schema), Lowered(key->table)})) {
                continue;
            }
            if (truncate.behavior() != pg_query::DROP_CASCADE) {
                throw SqlError("0A000", "cannot truncate a table referenced in a foreign key constraint",
                               "Table \"" + key->table + "\" references \"" + key->referenced_table + "\".",
                               "Truncate table \"" + key->table + "\" at the same time, or use TRUNCATE ... CASCADE.");
            }
            truncated.insert({Lowered(key->schema), Lowered(key->table)});
            effects.notices.push_back("truncate cascades to table \"" + key->table + "\"");
            effects.foreign_keys.after.push_back({"", "", "TRUNCATE " + ReferencingTable(*key)});
        }
    }
}

//! The comments of the tables whose kept keys a DDL statement changes: each read once, edited, and made again by a
//! COMMENT ON TABLE after the statement, in its transaction.
class KeyComments {
public:
    explicit KeyComments(const TableLocator &tables) : tables_(tables) {}

    //! `key` leaves its table's comment.
    void Drop(const ManagedForeignKey &key) {
        std::erase_if(Of(key).names, [&](const KeptConstraintName &kept) {
            return kept.contype == kManagedForeignKeyKind && kept.name == key.name;
        });
    }
    //! `key` is kept as `changed` (same name and table).
    void Replace(const ManagedForeignKey &key, const ManagedForeignKey &changed) {
        for (auto &kept : Of(key).names) {
            if (kept.contype == kManagedForeignKeyKind && kept.name == key.name) {
                kept.key = EncodeForeignKey(changed);
            }
        }
    }
    //! The COMMENT ON TABLE statements into `effects`; `renamed` (a schema, the table's old and new names) names a
    //! table the statement renames.
    void WriteAfter(RewriteEffects &effects, const std::optional<std::array<std::string, 3>> &renamed = {}) const {
        for (const auto &[owner, comment] : comments_) {
            const bool itself =
                renamed && SameName(owner.first, (*renamed)[0]) && SameName(owner.second, (*renamed)[1]);
            effects.foreign_keys.after.push_back({"", "",
                                                  "COMMENT ON TABLE " +
                                                      Qualified(owner.first, itself ? (*renamed)[2] : owner.second) +
                                                      " IS " + QuoteLiteral(FormatTableComment(comment))});
        }
    }

private:
    TableComment &Of(const ManagedForeignKey &key) {
        auto [found, added] = comments_.try_emplace({key.schema, key.table});
        if (added) {
            found->second = ParseTableComment(tables_.TableComment(key.schema, key.table));
        }
        return found->second;
    }

    const TableLocator &tables_;
    std::map<std::pair<std::string, std::string>, TableComment> comments_;
};

//! DROP TABLE of referenced tables: refused while keys of other tables reference them; CASCADE drops those keys.
void DropReferenced(const pg_query::DropStmt &drop, const ForeignKeyWork &work, const TableLocator &tables,
                    RewriteEffects &effects) {
    if (drop.remove_type() != pg_query::OBJECT_TABLE) {
        return;
    }
    std::set<std::pair<std::string, std::string>> dropped;
    std::vector<std::pair<std::string, std::string>> order;
    for (const auto &object : drop.objects()) {
        pg_query::RangeVar relation;
        const auto &names = object.list().items();
        if (names.empty() || names.size() > 2) {
            continue;
        }
        relation.set_relname(names[names.size() - 1].string().sval());
        if (names.size() == 2) {
            relation.set_schemaname(names[0].string().sval());
        }
        if (auto resolved = Resolved(relation, work.keys, tables)) {
            dropped.insert({Lowered(resolved->first), Lowered(resolved->second)});
            order.push_back(*resolved);
        }
    }
    KeyComments comments(tables);
    for (const auto &[schema, table] : order) {
        for (const auto *key : work.Referencing(schema, table)) {
            if (dropped.count({Lowered(key->schema), Lowered(key->table)})) {
                continue;
            }
            if (drop.behavior() != pg_query::DROP_CASCADE) {
                throw SqlError("2BP01", "cannot drop table " + table + " because other objects depend on it",
                               "constraint " + key->name + " on table " + key->table + " depends on table " + table,
                               "Use DROP ... CASCADE to drop the dependent objects too.");
            }
            effects.notices.push_back("drop cascades to constraint " + key->name + " on table " + key->table);
            comments.Drop(*key);
        }
    }
    comments.WriteAfter(effects);
}

//! ALTER TABLE ... RENAME TO / RENAME COLUMN of a table of managed keys: the keys kept in comments follow the new
//! names (set after the statement, in the comments of the referencing tables).
void RenameInKeys(const pg_query::RenameStmt &rename, const ForeignKeyWork &work, const TableLocator &tables,
                  RewriteEffects &effects) {
    const bool table_renamed = rename.rename_type() == pg_query::OBJECT_TABLE;
    if ((!table_renamed && rename.rename_type() != pg_query::OBJECT_COLUMN) || !rename.has_relation()) {
        return;
    }
    auto target = Resolved(rename.relation(), work.keys, tables);
    if (!target) {
        return;
    }
    const auto &[schema, table] = *target;
    KeyComments comments(tables);
    for (const auto &key : work.keys) {
        const bool referencing = SameName(key.schema, schema) && SameName(key.table, table);
        const bool referenced = SameName(key.referenced_schema, schema) && SameName(key.referenced_table, table);
        if (!referencing && !referenced) {
            continue;
        }
        ManagedForeignKey renamed = key;
        if (table_renamed && referenced) {
            renamed.referenced_table = rename.newname();
        }
        if (!table_renamed) {
            const auto follow = [&](std::vector<std::string> &columns) {
                std::replace(columns.begin(), columns.end(), rename.subname(), rename.newname());
            };
            if (referencing) {
                follow(renamed.columns);
            }
            if (referenced) {
                follow(renamed.referenced_columns);
            }
        }
        if (!(renamed == key)) {
            comments.Replace(key, renamed);
        }
    }
    comments.WriteAfter(effects,
                        table_renamed ? std::optional(std::array{schema, table, rename.newname()}) : std::nullopt);
}

//! The table an INSERT, UPDATE, DELETE or MERGE writes; null for other statements.
const pg_query::RangeVar *WrittenTable(const Node &statement) {
    if (statement.has_insert_stmt()) {
        return &statement.insert_stmt().relation();
    }
    if (statement.has_update_stmt()) {
        return &statement.update_stmt().relation();
    }
    if (statement.has_delete_stmt()) {
        return &statement.delete_stmt().relation();
    }
    if (statement.has_merge_stmt()) {
        return &statement.merge_stmt().relation();
    }
    return nullptr;
}

//! Writes whose statements the session does not run through this enforcement: a data-modifying WITH (its steps run
//! apart) and SQL PREPARE (EXECUTE runs DuckDB's prepared statement). Refused on tables of managed keys.
void RefuseUnfollowedWrites(const Node &statement, const ForeignKeyWork &work, const TableLocator &tables) {
    std::vector<const Node *> writes;
    if (statement.has_prepare_stmt()) {
        writes.push_back(&statement.prepare_stmt().query());
    }
    const pg_query::WithClause *with = statement.has_select_stmt()   ? &statement.select_stmt().with_clause()
                                       : statement.has_insert_stmt() ? &statement.insert_stmt().with_clause()
                                       : statement.has_update_stmt() ? &statement.update_stmt().with_clause()
                                       : statement.has_delete_stmt() ? &statement.delete_stmt().with_clause()
                                                                     : nullptr;
    if (with != nullptr) {
        for (const auto &cte : with->ctes()) {
            writes.push_back(&cte.common_table_expr().ctequery());
        }
    }
    for (const auto *write : writes) {
        const auto *relation = WrittenTable(*write);
        if (relation != nullptr && Resolved(*relation, work.keys, tables)) {
            throw SqlError("0A000",
                           std::string(statement.has_prepare_stmt() ? "PREPARE" : "a data-modifying WITH") +
                               " of table \"" + relation->relname() +
                               "\", which has foreign keys with actions or is referenced by them, is not supported");
        }
    }
}

//! ALTER TABLE ... DROP COLUMN of a key's column: a referencing column takes its key with it (as in PostgreSQL);
//! a referenced one is refused (2BP01) unless CASCADE, which drops the keys.
void DropKeyColumns(const pg_query::AlterTableStmt &alter, const ForeignKeyWork &work, const TableLocator &tables,
                    RewriteEffects &effects) {
    auto target = Resolved(alter.relation(), work.keys, tables);
    if (!target) {
        return;
    }
    KeyComments comments(tables);
    for (const auto &command : alter.cmds()) {
        const auto &cmd = command.alter_table_cmd();
        if (cmd.subtype() != pg_query::AT_DropColumn) {
            continue;
        }
        for (const auto &key : work.keys) {
            const auto has = [&](const std::vector<std::string> &columns) {
                return std::any_of(columns.begin(), columns.end(),
                                   [&](const std::string &column) { return SameName(column, cmd.name()); });
            };
            const bool referencing =
                SameName(key.schema, target->first) && SameName(key.table, target->second) && has(key.columns);
            const bool referenced = SameName(key.referenced_schema, target->first) &&
                                    SameName(key.referenced_table, target->second) && has(key.referenced_columns);
            if (!referencing && !referenced) {
                continue;
            }
            if (referenced && !referencing && cmd.behavior() != pg_query::DROP_CASCADE) {
                throw SqlError("2BP01",
                               "cannot drop column " + cmd.name() + " of table " + target->second +
                                   " because other objects depend on it",
                               "constraint " + key.name + " on table " + key.table + " depends on column " +
                                   cmd.name() + " of table " + target->second,
                               "Use DROP ... CASCADE to drop the dependent objects too.");
            }
            if (referenced && !referencing) {
                effects.notices.push_back("drop cascades to constraint " + key.name + " on table " + key.table);
            }
            comments.Drop(key);
        }
    }
    comments.WriteAfter(effects);
}

} // namespace

ManagedForeignKey DeclaredForeignKey(const pg_query::Constraint &constraint, const std::string &column,
                                     const std::string &schema, const std::string &table,
                                     const pg_query::CreateStmt *creating, const TableLocator *tables) {
    if (creating != nullptr && creating->relation().relpersistence() == "t") {
        throw SqlError("0A000",
                       "foreign keys with ON DELETE or ON UPDATE actions are not supported on temporary tables");
    }
    if (constraint.fk_matchtype() == "f" || constraint.fk_matchtype() == "p") {
        throw SqlError("0A000", "MATCH FULL foreign keys with ON DELETE or ON UPDATE actions are not supported");
    }
    if (constraint.fk_del_set_cols_size() > 0) {
        throw SqlError("0A000", "ON DELETE SET NULL or SET DEFAULT with a column list is not supported");
    }
    if (constraint.initdeferred()) {
        throw SqlError("0A000", "deferred foreign keys are not supported");
    }
    ManagedForeignKey key;
    key.schema = schema;
    key.table = table;
    key.on_delete = constraint.fk_del_action().empty() ? 'a' : constraint.fk_del_action()[0];
    key.on_update = constraint.fk_upd_action().empty() ? 'a' : constraint.fk_upd_action()[0];
    for (const auto &name : constraint.fk_attrs()) {
        key.columns.push_back(name.string().sval());
    }
    if (key.columns.empty()) {
        key.columns.push_back(column);
    }
    const auto &target = constraint.pktable();
    if (!target.catalogname().empty()) {
        throw SqlError("0A000", "cross-database references are not implemented: " + target.catalogname() + "." +
                                    target.schemaname() + "." + target.relname());
    }
    key.referenced_table = target.relname();
    const bool itself = creating != nullptr && target.relname() == table &&
                        (target.schemaname().empty() || target.schemaname() == schema);
    if (!target.schemaname().empty()) {
        key.referenced_schema = target.schemaname();
    } else if (itself) {
        key.referenced_schema = schema;
    } else if (auto found = tables != nullptr ? tables->SchemaOf(target.relname()) : std::nullopt) {
        key.referenced_schema = *found;
    }
    if (key.referenced_schema.empty() ||
        (!itself && (tables == nullptr || tables->ColumnNames(key.referenced_schema, key.referenced_table).empty()))) {
        throw SqlError("42P01", "relation \"" + target.relname() + "\" does not exist");
    }
    const auto unique_keys =
        itself ? DeclaredKeys(*creating) : tables->UniqueKeys(key.referenced_schema, key.referenced_table);
    for (const auto &name : constraint.pk_attrs()) {
        key.referenced_columns.push_back(name.string().sval());
    }
    if (key.referenced_columns.empty()) {
        auto primary = std::find_if(unique_keys.begin(), unique_keys.end(), [](const auto &k) { return k.primary; });
        if (primary == unique_keys.end()) {
            throw SqlError("42704", "there is no primary key for referenced table \"" + key.referenced_table + "\"");
        }
        key.referenced_columns = primary->columns;
    }
    if (key.referenced_columns.size() != key.columns.size()) {
        throw SqlError("42830", "number of referencing and referenced columns for foreign key disagree");
    }
    const std::set<std::string> wanted(key.referenced_columns.begin(), key.referenced_columns.end());
    if (std::none_of(unique_keys.begin(), unique_keys.end(), [&](const auto &k) {
            return std::set<std::string>(k.columns.begin(), k.columns.end()) == wanted;
        })) {
        throw SqlError("42830", "there is no unique constraint matching given keys for referenced table \"" +
                                    key.referenced_table + "\"");
    }
    if (constraint.conname().empty()) {
        pg_query::Constraint named = constraint;
        named.clear_fk_attrs();
        for (const auto &name : key.columns) {
            named.add_fk_attrs()->mutable_string()->set_sval(name);
        }
        key.name = DefaultConstraintName(table, named);
    } else {
        key.name = constraint.conname();
    }
    const std::vector<const std::vector<std::string> *> lists{&key.columns, &key.referenced_columns};
    for (const auto *list : lists) {
        for (const auto &name : *list) {
            if (!KeepableName(name)) {
                throw SqlError("0A000", "a foreign key with actions cannot keep the column name \"" + name + "\"");
            }
        }
    }
    if (!KeepableName(key.referenced_schema) || !KeepableName(key.referenced_table)) {
        throw SqlError("0A000",
                       "a foreign key with actions cannot keep the table name \"" + key.referenced_table + "\"");
    }
    return key;
}

std::string ForeignKeyCheck(const ManagedForeignKey &key, bool referenced_side) {
    const std::string message =
        referenced_side
            ? "update or delete on table \"" + key.referenced_table + "\" violates foreign key constraint \"" +
                  key.name + "\" on table \"" + key.table + "\""
            : "insert or update on table \"" + key.table + "\" violates foreign key constraint \"" + key.name + "\"";
    const auto &shown = referenced_side ? key.referenced_columns : key.columns;
    const std::string ending = referenced_side ? ") is still referenced from table \"" + key.table + "\"."
                                               : ") is not present in table \"" + key.referenced_table + "\".";
    std::string values;
    for (size_t i = 0; i < key.columns.size(); i++) {
        values += (i == 0 ? "" : " || ', ' || ") + std::string("duckgres_child.") + QuoteIdentifier(key.columns[i]) +
                  "::VARCHAR";
    }
    return "SELECT error(" +
           QuoteLiteral("SQLSTATE 23503: " + message + "\nDETAIL: Key (" + ListedNames(shown) + ")=(") + " || " +
           values + " || " + QuoteLiteral(ending) + ") FROM " + ReferencingTable(key) + " AS duckgres_child WHERE " +
           OrphanCondition(key) + " LIMIT 1";
}

void EnforceManagedForeignKeys(const Node &statement, const RewriteContext &context, RewriteEffects &effects) {
    if (!context.tables ||
        !(statement.has_insert_stmt() || statement.has_update_stmt() || statement.has_delete_stmt() ||
          statement.has_merge_stmt() || statement.has_truncate_stmt() || statement.has_drop_stmt() ||
          statement.has_rename_stmt() || statement.has_prepare_stmt() || statement.has_select_stmt() ||
          statement.has_alter_table_stmt())) {
        return;
    }
    const auto keys = context.tables->ManagedForeignKeys();
    if (keys.empty()) {
        return;
    }
    const auto &tables = *context.tables;
    ForeignKeyWork work{keys, {}, {}, {}, {}};
    RefuseUnfollowedWrites(statement, work, tables);
    if (statement.has_alter_table_stmt()) {
        DropKeyColumns(statement.alter_table_stmt(), work, tables, effects);
    } else if (statement.has_rename_stmt()) {
        RenameInKeys(statement.rename_stmt(), work, tables, effects);
    } else if (statement.has_truncate_stmt()) {
        TruncateReferenced(statement.truncate_stmt(), work, tables, effects);
    } else if (statement.has_drop_stmt()) {
        DropReferenced(statement.drop_stmt(), work, tables, effects);
    } else if (statement.has_delete_stmt()) {
        const auto &remove = statement.delete_stmt();
        if (auto target = Resolved(remove.relation(), keys, tables)) {
            work.AfterDelete(target->first, target->second);
        }
    } else if (statement.has_update_stmt()) {
        const auto &update = statement.update_stmt();
        if (auto target = Resolved(update.relation(), keys, tables)) {
            UpdateReferenced(work, statement, target->first, target->second);
            CheckReferencing(work, target->first, target->second,
                             [&](const ManagedForeignKey &key) { return AssignsAny(update, key.columns); });
        }
    } else if (statement.has_insert_stmt()) {
        const auto &insert = statement.insert_stmt();
        if (auto target = Resolved(insert.relation(), keys, tables)) {
            CheckReferencing(work, target->first, target->second, [](const ManagedForeignKey &) { return true; });
            if (insert.has_on_conflict_clause() &&
                insert.on_conflict_clause().action() == pg_query::ONCONFLICT_UPDATE) {
                for (const auto *key : work.Referencing(target->first, target->second)) {
                    work.Check(*key, true); // an upsert changing a referenced key is checked, not followed
                }
            }
        }
    } else if (statement.has_merge_stmt()) {
        const auto &merge = statement.merge_stmt();
        if (auto target = Resolved(merge.relation(), keys, tables)) {
            CheckReferencing(work, target->first, target->second, [](const ManagedForeignKey &) { return true; });
            for (const auto *key : work.Referencing(target->first, target->second)) {
                work.Check(*key, true); // MERGE's deletes and updates are checked, not followed
            }
        }
    }
    auto &steps = effects.foreign_keys;
    steps.before.insert(steps.before.end(), work.before.begin(), work.before.end());
    steps.after.insert(steps.after.end(), work.after.begin(), work.after.end());
    steps.after.insert(steps.after.end(), work.drops.begin(), work.drops.end());
}

} // namespace duckgres::sql
