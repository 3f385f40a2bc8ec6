// Classifies parse tree nodes and builds PostgreSQL's command tags for them.
#include "sql/command_tag.hpp"

#include "common/ascii.hpp"
#include "common/sql_error.hpp"
#include "common/sql_quote.hpp"
#include "sql/constraint_metadata.hpp"
#include "sql/database_statement.hpp"
#include "sql/node_builders.hpp"
#include "sql/rewriter.hpp"
#include "types/datetime_input.hpp"
#include "types/time_zone.hpp"

#include <pg_query.pb.h>

#include <algorithm>

namespace duckgres::sql {

namespace {

using pg_query::Node;
using pg_query::ObjectType;

//! The object word PostgreSQL uses in DROP/ALTER/CREATE tags ("TABLE", "MATERIALIZED VIEW").
std::string ObjectWord(ObjectType type) {
    switch (type) {
    case pg_query::OBJECT_TABLE:
        return "TABLE";
    case pg_query::OBJECT_VIEW:
        return "VIEW";
    case pg_query::OBJECT_MATVIEW:
        return "MATERIALIZED VIEW";
    case pg_query::OBJECT_INDEX:
        return "INDEX";
    case pg_query::OBJECT_SEQUENCE:
        return "SEQUENCE";
    case pg_query::OBJECT_SCHEMA:
        return "SCHEMA";
    case pg_query::OBJECT_TYPE:
        return "TYPE";
    case pg_query::OBJECT_DOMAIN:
        return "DOMAIN";
    case pg_query::OBJECT_FUNCTION:
        return "FUNCTION";
    case pg_query::OBJECT_PROCEDURE:
        return "PROCEDURE";
    case pg_query::OBJECT_AGGREGATE:
        return "AGGREGATE";
    case pg_query::OBJECT_DATABASE:
        return "DATABASE";
    case pg_query::OBJECT_EXTENSION:
        return "EXTENSION";
    case pg_query::OBJECT_ROLE:
        return "ROLE";
    case pg_query::OBJECT_TRIGGER:
        return "TRIGGER";
    case pg_query::OBJECT_FOREIGN_TABLE:
        return "FOREIGN TABLE";
    case pg_query::OBJECT_COLUMN:
        return "TABLE";
    case pg_query::OBJECT_TABCONSTRAINT:
        return "TABLE";
    case pg_query::OBJECT_COLLATION:
        return "COLLATION";
    case pg_query::OBJECT_POLICY:
        return "POLICY";
    case pg_query::OBJECT_RULE:
        return "RULE";
    case pg_query::OBJECT_TABLESPACE:
        return "TABLESPACE";
    default:
        return "OBJECT";
    }
}

//! Text of a SET argument as PostgreSQL would store it.
std::string ArgText(const Node &arg) {
    if (arg.has_string()) {
        return arg.string().sval();
    }
    if (arg.has_a_const()) {
        const auto &c = arg.a_const();
        if (c.has_sval()) {
            return c.sval().sval();
        }
        if (c.has_ival()) {
            return std::to_string(c.ival().ival());
        }
        if (c.has_fval()) {
            return c.fval().fval();
        }
        if (c.has_boolval()) {
            return c.boolval().boolval() ? "on" : "off";
        }
    }
    if (arg.has_type_cast() && arg.type_cast().has_arg()) {
        return ArgText(arg.type_cast().arg());
    }
    return "";
}

//! A statement accepted without effect, with the NOTICE saying so (and only in a block when `block_only`).
IgnoredStatement Ignored(std::string notice, bool block_only = false) {
    IgnoredStatement ignored;
    ignored.notice = std::move(notice);
    ignored.block_only = block_only;
    return ignored;
}

//! PostgreSQL's lock mode numbers (LOCK TABLE's `mode`): SHARE and the modes above it block writers.
constexpr int32_t kShareLockMode = 5;

//! The table a row lock or LOCK TABLE names in its errors: a range variable's relation name.
std::string FirstRelationName(const Node &item) {
    return item.has_range_var() ? item.range_var().relname() : "";
}

//! A SELECT, with its row locking clause (FOR UPDATE / SHARE ...) and the first relation of its FROM list.
GenericStatement LockingSelect(const pg_query::SelectStmt &select) {
    GenericStatement generic;
    if (select.locking_clause_size() == 0) {
        return generic;
    }
    generic.row_lock = RowLock::Wait;
    for (const auto &clause : select.locking_clause()) {
        switch (clause.locking_clause().wait_policy()) {
        case pg_query::LockWaitError:
            generic.row_lock = RowLock::NoWait;
            break;
        case pg_query::LockWaitSkip:
            generic.row_lock = generic.row_lock == RowLock::NoWait ? RowLock::NoWait : RowLock::SkipLocked;
            break;
        default:
            break;
        }
    }
    if (select.from_clause_size() > 0) {
        generic.lock_relation = FirstRelationName(select.from_clause(0));
    }
    return generic;
}

//! A statement refused with 0A000 and `error`.
IgnoredStatement Refused(std::string error) {
    IgnoredStatement refused;
    refused.error = std::move(error);
    return refused;
}

//! What DuckDB cannot hold, refused naming the object (a restore goes on past it, as psql does): partitioned
//! tables and partitions, exclusion constraints, row-level security. Empty for anything else.
std::string UnsupportedObject(const Node &node) {
    const auto exclusion = [](const pg_query::Constraint &constraint, const std::string &table) {
        return constraint.contype() == pg_query::CONSTR_EXCLUSION
                   ? "exclusion constraints are not supported: constraint \"" +
                         (constraint.conname().empty() ? table + "_excl" : constraint.conname()) + "\" on table \"" +
                         table + "\" was not created"
                   : std::string();
    };
    if (node.has_create_stmt()) {
        const auto &create = node.create_stmt();
        const auto &table = create.relation().relname();
        if (create.has_partspec()) {
            return "partitioned tables are not supported: table \"" + table + "\" was not created";
        }
        if (create.has_partbound()) {
            return "partitions are not supported: table \"" + table + "\" was not created";
        }
        if (create.inh_relations_size() > 0) {
            return "table inheritance is not supported: table \"" + table + "\" was not created";
        }
        for (const auto &element : create.table_elts()) {
            if (element.has_constraint()) {
                if (auto refused = exclusion(element.constraint(), table); !refused.empty()) {
                    return refused;
                }
            }
        }
    }
    if (node.has_alter_table_stmt()) {
        const auto &table = node.alter_table_stmt().relation().relname();
        for (const auto &command : node.alter_table_stmt().cmds()) {
            const auto &cmd = command.alter_table_cmd();
            switch (cmd.subtype()) {
            case pg_query::AT_EnableRowSecurity:
            case pg_query::AT_ForceRowSecurity:
                return "row-level security is not supported: table \"" + table + "\" is unchanged";
            case pg_query::AT_AttachPartition:
                return "partitions are not supported: table \"" + table + "\" is unchanged";
            case pg_query::AT_AddConstraint:
                if (cmd.def().has_constraint()) {
                    if (auto refused = exclusion(cmd.def().constraint(), table); !refused.empty()) {
                        return refused;
                    }
                }
                break;
            default:
                break;
            }
        }
    }
    if (node.has_create_policy_stmt()) {
        return "row-level security policies are not supported: policy \"" + node.create_policy_stmt().policy_name() +
               "\" on table \"" + node.create_policy_stmt().table().relname() + "\" was not created";
    }
    return "";
}

//! ALTER ... OWNER TO `owner`: accepted; a NOTICE says it had no effect unless the owner is the session's user.
IgnoredStatement OwnerIgnored(const pg_query::RoleSpec &owner) {
    auto ignored = Ignored("ALTER ... OWNER TO is accepted and ignored: Duckgres has no object owners yet");
    ignored.new_owner = owner.roletype() == pg_query::ROLESPEC_CSTRING ? owner.rolename() : std::string();
    return ignored;
}

//! ALTER TABLE whose every action is OWNER TO.
bool OnlyChangesOwner(const pg_query::AlterTableStmt &alter) {
    return alter.cmds_size() > 0 && std::all_of(alter.cmds().begin(), alter.cmds().end(), [](const Node &cmd) {
               return cmd.has_alter_table_cmd() && cmd.alter_table_cmd().subtype() == pg_query::AT_ChangeOwner;
           });
}

//! The DatabaseStatement `read` gives, or one that raises the error it throws when it runs.
template <class Read>
DatabaseStatement WithDeferredError(Read &&read) {
    try {
        return read();
    } catch (const SqlError &error) {
        DatabaseStatement refused;
        refused.refusal = error;
        return refused;
    }
}

//! Extensions clients commonly create; accepted (with a NOTICE) rather than refused.
bool IsKnownExtension(const std::string &name) {
    static constexpr std::string_view kKnown[] = {
        "plpgsql",   "uuid-ossp",    "pgcrypto",           "pg_trgm",       "hstore",    "citext",   "unaccent",
        "btree_gin", "btree_gist",   "pg_stat_statements", "fuzzystrmatch", "tablefunc", "intarray", "ltree",
        "cube",      "earthdistance"};
    for (auto known : kKnown) {
        if (name == known) {
            return true;
        }
    }
    return false;
}

//! READ ONLY / READ WRITE among transaction options (BEGIN, SET TRANSACTION).
std::optional<bool> ReadOnlyOption(const google::protobuf::RepeatedPtrField<pg_query::Node> &options) {
    std::optional<bool> read_only;
    for (const auto &option : options) {
        if (option.has_def_elem() && option.def_elem().defname() == "transaction_read_only" &&
            option.def_elem().has_arg() && option.def_elem().arg().has_a_const() &&
            option.def_elem().arg().a_const().has_ival()) {
            read_only = option.def_elem().arg().a_const().ival().ival() != 0;
        }
    }
    return read_only;
}

//! ISOLATION LEVEL among transaction options ("read committed", "repeatable read", ...).
std::optional<std::string> IsolationOption(const google::protobuf::RepeatedPtrField<pg_query::Node> &options) {
    std::optional<std::string> isolation;
    for (const auto &option : options) {
        if (option.has_def_elem() && option.def_elem().defname() == "transaction_isolation" &&
            option.def_elem().has_arg() && option.def_elem().arg().has_a_const() &&
            option.def_elem().arg().a_const().has_sval()) {
            isolation = option.def_elem().arg().a_const().sval().sval();
        }
    }
    return isolation;
}

void ClassifyTransaction(const pg_query::TransactionStmt &stmt, ParsedStatement &out) {
    using Action = TransactionStatement::Action;
    switch (stmt.kind()) {
    case pg_query::TRANS_STMT_BEGIN:
    case pg_query::TRANS_STMT_START:
        out.tag = stmt.kind() == pg_query::TRANS_STMT_BEGIN ? "BEGIN" : "START TRANSACTION";
        out.command =
            TransactionStatement{Action::Begin, ReadOnlyOption(stmt.options()), IsolationOption(stmt.options()), false};
        return;
    case pg_query::TRANS_STMT_COMMIT:
        out.tag = "COMMIT";
        out.command = TransactionStatement{Action::Commit, std::nullopt, std::nullopt, stmt.chain()};
        return;
    case pg_query::TRANS_STMT_ROLLBACK:
        out.tag = "ROLLBACK";
        out.command = TransactionStatement{Action::Rollback, std::nullopt, std::nullopt, stmt.chain()};
        return;
    case pg_query::TRANS_STMT_SAVEPOINT:
        out.tag = "SAVEPOINT";
        out.command = SavepointStatement{SavepointStatement::Action::Define, stmt.savepoint_name()};
        return;
    case pg_query::TRANS_STMT_RELEASE:
        out.tag = "RELEASE";
        out.command = SavepointStatement{SavepointStatement::Action::Release, stmt.savepoint_name()};
        return;
    case pg_query::TRANS_STMT_ROLLBACK_TO:
        out.tag = "ROLLBACK";
        out.command = SavepointStatement{SavepointStatement::Action::RollbackTo, stmt.savepoint_name()};
        return;
    case pg_query::TRANS_STMT_PREPARE:
        // PostgreSQL's default (max_prepared_transactions = 0): the transaction ends, rolled back, with 55000.
        out.tag = "PREPARE TRANSACTION";
        out.command = TransactionStatement{Action::PrepareTransaction, std::nullopt, std::nullopt, false};
        return;
    case pg_query::TRANS_STMT_COMMIT_PREPARED:
        out.tag = "COMMIT PREPARED";
        return;
    case pg_query::TRANS_STMT_ROLLBACK_PREPARED:
        out.tag = "ROLLBACK PREPARED";
        return;
    default:
        out.tag = "???";
        return;
    }
}

//! Parameters whose values are lists of names, stored as quoted identifiers (PostgreSQL's GUC_LIST_QUOTE).
bool QuotesListElements(const std::string &name) {
    return name == "search_path" || name == "temp_tablespaces" || name.ends_with("_preload_libraries");
}

//! SET TIME ZONE INTERVAL '+05:30' HOUR TO MINUTE: the fixed zone of that offset east of UTC, named as PostgreSQL
//! names it ("<+05:30>-05:30"); for an interval with months or days, or not an interval, its text (not yet refused
//! as PostgreSQL refuses it: '1 day' reads as a POSIX zone).
std::string TimeZoneOfInterval(const Node &arg) {
    const std::string text = ArgText(arg);
    try {
        const duckdb_interval interval = types::ParseIntervalText(text);
        if (interval.months == 0 && interval.days == 0) {
            return types::FixedOffsetZoneName(interval.micros / 1000000);
        }
    } catch (const SqlError &) {
    }
    return text;
}

bool IsIntervalCast(const Node &arg) {
    return arg.has_type_cast() && LastName(arg.type_cast().type_name().names()) == "interval";
}

void ClassifySet(const pg_query::VariableSetStmt &stmt, ParsedStatement &out) {
    SetStatement set;
    set.name = AsciiLower(stmt.name());
    set.is_local = stmt.is_local();
    switch (stmt.kind()) {
    case pg_query::VAR_SET_VALUE:
    case pg_query::VAR_SET_CURRENT:
        out.tag = "SET";
        for (int i = 0; i < stmt.args_size(); i++) {
            if (i > 0) {
                set.value += ", ";
            }
            const auto &arg = stmt.args(i);
            const bool string = arg.has_a_const() && arg.a_const().has_sval();
            if (set.name == "timezone" && IsIntervalCast(arg)) {
                set.value += TimeZoneOfInterval(arg);
            } else if (string && QuotesListElements(set.name)) {
                // List parameters of names keep each name as an identifier, quoted where needed ("$user", "").
                set.value += QuoteIdentifierIfNeeded(ArgText(arg));
            } else {
                set.value += ArgText(arg);
            }
        }
        out.command = std::move(set);
        return;
    case pg_query::VAR_SET_DEFAULT:
        out.tag = "SET";
        set.value = "DEFAULT";
        out.command = std::move(set);
        return;
    case pg_query::VAR_RESET:
        out.tag = "RESET";
        out.command = ResetStatement{set.name};
        return;
    case pg_query::VAR_RESET_ALL:
        out.tag = "RESET";
        out.command = ResetStatement{"all"};
        return;
    case pg_query::VAR_SET_MULTI:
        // SET TRANSACTION ... / SET SESSION CHARACTERISTICS AS TRANSACTION ...: READ ONLY / READ WRITE in
        // read_only, ISOLATION LEVEL in isolation.
        out.tag = "SET";
        set.read_only = ReadOnlyOption(stmt.args());
        set.isolation = IsolationOption(stmt.args());
        out.command = std::move(set);
        return;
    default:
        out.tag = "SET";
        return;
    }
}

} // namespace

void ClassifyStatement(const Node &node, ParsedStatement &out) {
    out.command = GenericStatement{};
    out.tag_has_rows = false;
    out.returns_rows = false;
    switch (node.node_case()) {
    case Node::kSelectStmt:
        out.tag = "SELECT";
        out.tag_has_rows = true;
        out.returns_rows = !node.select_stmt().has_into_clause();
        out.command = LockingSelect(node.select_stmt());
        return;
    case Node::kInsertStmt:
        out.tag = "INSERT";
        out.tag_has_rows = true;
        out.returns_rows = node.insert_stmt().returning_list_size() > 0;
        return;
    case Node::kUpdateStmt:
        out.tag = "UPDATE";
        out.tag_has_rows = true;
        out.returns_rows = node.update_stmt().returning_list_size() > 0;
        return;
    case Node::kDeleteStmt:
        out.tag = "DELETE";
        out.tag_has_rows = true;
        out.returns_rows = node.delete_stmt().returning_list_size() > 0;
        return;
    case Node::kMergeStmt:
        out.tag = "MERGE";
        out.tag_has_rows = true;
        return;
    case Node::kCopyStmt: {
        const auto &copy = node.copy_stmt();
        out.tag = "COPY";
        out.tag_has_rows = true;
        if (copy.is_program() || !copy.filename().empty()) {
            out.command = CopyFileStatement{};
            return;
        }
        CopyTarget target;
        if (copy.has_relation()) {
            target.schema = copy.relation().schemaname();
            target.table = copy.relation().relname();
        }
        for (const auto &column : copy.attlist()) {
            if (column.has_string()) {
                target.columns.push_back(column.string().sval());
            }
        }
        for (const auto &option : copy.options()) {
            if (!option.has_def_elem()) {
                continue;
            }
            const auto &def = option.def_elem();
            std::string value;
            if (def.has_arg()) {
                if (def.arg().has_list()) {
                    for (const auto &item : def.arg().list().items()) {
                        value += (value.empty() ? "" : ",") + ArgText(item);
                    }
                } else if (def.arg().has_a_star()) {
                    value = "*";
                } else if (def.arg().has_string()) {
                    value = def.arg().string().sval();
                } else if (def.arg().has_integer()) {
                    value = std::to_string(def.arg().integer().ival());
                } else if (def.arg().has_boolean()) {
                    value = def.arg().boolean().boolval() ? "true" : "false";
                } else {
                    value = ArgText(def.arg());
                }
            } else {
                value = "true";
            }
            target.options.emplace_back(AsciiLower(def.defname()), value);
        }
        if (copy.is_from()) {
            out.command = CopyFromStatement{std::move(target)};
        } else {
            out.command = CopyToStatement{std::move(target)};
        }
        return;
    }
    case Node::kCreateTableAsStmt:
        // PostgreSQL tags CREATE TABLE AS and SELECT INTO with "SELECT n".
        out.tag = "SELECT";
        out.tag_has_rows = true;
        return;
    case Node::kExplainStmt:
        out.tag = "EXPLAIN";
        out.returns_rows = true;
        return;
    case Node::kTransactionStmt:
        ClassifyTransaction(node.transaction_stmt(), out);
        return;
    case Node::kVariableSetStmt:
        ClassifySet(node.variable_set_stmt(), out);
        return;
    case Node::kVariableShowStmt:
        out.tag = "SHOW";
        out.returns_rows = true;
        out.command = ShowStatement{AsciiLower(node.variable_show_stmt().name())};
        return;
    case Node::kCreateStmt:
        out.tag = "CREATE TABLE";
        if (auto refused = UnsupportedObject(node); !refused.empty()) {
            out.command = Refused(refused);
        }
        return;
    case Node::kViewStmt:
        out.tag = "CREATE VIEW";
        return;
    case Node::kIndexStmt:
        out.tag = "CREATE INDEX";
        return;
    case Node::kCreateSchemaStmt:
        out.tag = "CREATE SCHEMA";
        out.command = GenericStatement{true};
        return;
    case Node::kCreateSeqStmt:
        out.tag = "CREATE SEQUENCE";
        return;
    case Node::kAlterSeqStmt:
        out.tag = "ALTER SEQUENCE";
        return;
    case Node::kCreateEnumStmt:
    case Node::kCompositeTypeStmt:
    case Node::kCreateRangeStmt:
        out.tag = "CREATE TYPE";
        return;
    case Node::kCreateDomainStmt:
        out.tag = "CREATE DOMAIN";
        out.command = MultiObjectStatement{}; // the type, then its constraints
        return;
    case Node::kCreateFunctionStmt:
        out.tag = node.create_function_stmt().is_procedure() ? "CREATE PROCEDURE" : "CREATE FUNCTION";
        return;
    case Node::kCreatedbStmt:
        out.tag = "CREATE DATABASE";
        out.command = WithDeferredError([&] { return CreateDatabaseOf(node.createdb_stmt()); });
        return;
    case Node::kDropdbStmt:
        out.tag = "DROP DATABASE";
        out.command = WithDeferredError([&] { return DropDatabaseOf(node.dropdb_stmt()); });
        return;
    case Node::kCreateExtensionStmt: {
        out.tag = "CREATE EXTENSION";
        const auto &name = node.create_extension_stmt().extname();
        IgnoredStatement ignored;
        if (IsKnownExtension(name)) {
            ignored.notice = "extension \"" + name +
                             "\" is accepted for compatibility: Duckgres has no extensions, and "
                             "functions DuckDB provides (gen_random_uuid, md5, ...) work without it";
        } else {
            ignored.error = "extension \"" + name + "\" is not available";
        }
        out.command = std::move(ignored);
        return;
    }
    case Node::kCreateRoleStmt:
        out.tag = "CREATE ROLE";
        return;
    case Node::kAlterRoleStmt:
        out.tag = "ALTER ROLE";
        return;
    case Node::kDropRoleStmt:
        out.tag = "DROP ROLE";
        return;
    case Node::kCreateTrigStmt:
        out.tag = "CREATE TRIGGER";
        out.command = Refused("triggers are not supported: trigger \"" + node.create_trig_stmt().trigname() +
                              "\" on table \"" + node.create_trig_stmt().relation().relname() + "\" was not created");
        return;
    case Node::kCreatePolicyStmt:
        out.tag = "CREATE POLICY";
        out.command = Refused(UnsupportedObject(node));
        return;
    case Node::kCreateEventTrigStmt:
        out.tag = "CREATE EVENT TRIGGER";
        out.command = Refused("event triggers are not supported: event trigger \"" +
                              node.create_event_trig_stmt().trigname() + "\" was not created");
        return;
    case Node::kRuleStmt:
        out.tag = "CREATE RULE";
        out.command = Refused("rules are not supported: rule \"" + node.rule_stmt().rulename() + "\" on table \"" +
                              node.rule_stmt().relation().relname() + "\" was not created");
        return;
    case Node::kDropStmt: {
        const auto type = node.drop_stmt().remove_type();
        out.tag = "DROP " + ObjectWord(type);
        if (type == pg_query::OBJECT_EXTENSION) {
            out.command = Ignored("DROP EXTENSION is accepted and ignored: Duckgres has no extensions");
        } else if (node.drop_stmt().objects_size() > 1) {
            out.command = MultiObjectStatement{type == pg_query::OBJECT_SCHEMA};
        } else {
            out.command = GenericStatement{type == pg_query::OBJECT_SCHEMA};
        }
        return;
    }
    case Node::kAlterOwnerStmt:
        out.tag = "ALTER " + ObjectWord(node.alter_owner_stmt().object_type());
        out.command = OwnerIgnored(node.alter_owner_stmt().newowner());
        return;
    case Node::kAlterDefaultPrivilegesStmt:
        out.tag = "ALTER DEFAULT PRIVILEGES";
        out.command = Ignored("ALTER DEFAULT PRIVILEGES is accepted and ignored: Duckgres has no per-object "
                              "privileges yet");
        return;
    case Node::kLockStmt: {
        const auto &lock = node.lock_stmt();
        out.tag = "LOCK TABLE";
        LockTableStatement table_lock;
        table_lock.relation = lock.relations_size() > 0 ? FirstRelationName(lock.relations(0)) : "";
        for (const auto &relation : lock.relations()) {
            if (relation.has_range_var()) {
                table_lock.relations.emplace_back(relation.range_var().schemaname(), relation.range_var().relname());
            }
        }
        table_lock.blocks_writers = lock.mode() >= kShareLockMode;
        table_lock.nowait = lock.nowait();
        out.command = table_lock;
        return;
    }
    case Node::kReindexStmt:
        out.tag = "REINDEX";
        out.command = Ignored("REINDEX is accepted and ignored: DuckDB maintains its indexes itself");
        return;
    case Node::kClusterStmt:
        out.tag = "CLUSTER";
        out.command = Ignored("CLUSTER is accepted and ignored: DuckDB decides the physical order of rows");
        return;
    case Node::kAlterTableStmt:
        out.tag = "ALTER " + ObjectWord(node.alter_table_stmt().objtype());
        if (auto refused = UnsupportedObject(node); !refused.empty()) {
            out.command = Refused(refused);
        } else if (OnlyChangesOwner(node.alter_table_stmt())) { // pg_dump's ALTER TABLE t OWNER TO r, for views too
            out.command = OwnerIgnored(node.alter_table_stmt().cmds(0).alter_table_cmd().newowner());
        } else if (node.alter_table_stmt().cmds_size() > 1 || AddsNotNullColumn(node.alter_table_stmt()) ||
                   ConstraintChange(node)) {
            out.command = MultiObjectStatement{}; // one DuckDB statement per action (SplitIntoSingleStatements)
        }
        return;
    case Node::kRenameStmt: {
        auto type = node.rename_stmt().rename_type();
        if (type == pg_query::OBJECT_COLUMN || type == pg_query::OBJECT_TABCONSTRAINT) {
            type = node.rename_stmt().relation_type();
        }
        out.tag = "ALTER " + ObjectWord(type);
        if (type == pg_query::OBJECT_DATABASE) {
            out.command = RenameDatabaseOf(node.rename_stmt());
        } else if (RenamesConstraint(node)) {
            // The table's comment changes (session/statement_work_constraints.cpp); the parser leaves the kind unset.
            out.tag = "ALTER TABLE";
            out.command = MultiObjectStatement{};
        }
        return;
    }
    case Node::kTruncateStmt:
        out.tag = "TRUNCATE TABLE";
        if (node.truncate_stmt().relations_size() > 1) {
            out.command = MultiObjectStatement{};
        }
        return;
    case Node::kCommentStmt:
        out.tag = "COMMENT";
        if (node.comment_stmt().objtype() == pg_query::OBJECT_EXTENSION) {
            out.command = Ignored("COMMENT ON EXTENSION is accepted and ignored: Duckgres has no extensions");
        }
        return;
    case Node::kGrantStmt:
        // Refused rather than ignored: a REVOKE that seemed to work would leave rights in place.
        out.tag = node.grant_stmt().is_grant() ? "GRANT" : "REVOKE";
        out.command = Refused(out.tag + " is not supported: each user's rights come from its role (read_only, "
                                        "read_write or admin) and its databases in the server configuration");
        return;
    case Node::kGrantRoleStmt:
        out.tag = node.grant_role_stmt().is_grant() ? "GRANT ROLE" : "REVOKE ROLE";
        out.command = Refused("role membership is not supported: each user's rights come from its role in "
                              "the server configuration");
        return;
    case Node::kVacuumStmt:
        out.tag = node.vacuum_stmt().is_vacuumcmd() ? "VACUUM" : "ANALYZE";
        return;
    case Node::kCheckPointStmt:
        out.tag = "CHECKPOINT";
        return;
    case Node::kDiscardStmt:
        out.command = DiscardStatement{node.discard_stmt().target() == pg_query::DISCARD_ALL};
        switch (node.discard_stmt().target()) {
        case pg_query::DISCARD_PLANS:
            out.tag = "DISCARD PLANS";
            break;
        case pg_query::DISCARD_SEQUENCES:
            out.tag = "DISCARD SEQUENCES";
            break;
        case pg_query::DISCARD_TEMP:
            out.tag = "DISCARD TEMP";
            break;
        default:
            out.tag = "DISCARD ALL";
            break;
        }
        return;
    case Node::kListenStmt:
        out.tag = "LISTEN";
        return;
    case Node::kUnlistenStmt:
        out.command = IgnoredStatement{}; // nothing can be listened to yet, so nothing to stop
        out.tag = "UNLISTEN";
        return;
    case Node::kNotifyStmt:
        out.tag = "NOTIFY";
        return;
    case Node::kDeclareCursorStmt: {
        // Option bits as PostgreSQL's parser sets them (CURSOR_OPT_BINARY, CURSOR_OPT_HOLD).
        constexpr int32_t kCursorBinary = 0x0001;
        constexpr int32_t kCursorHold = 0x0020;
        const auto &declare = node.declare_cursor_stmt();
        out.tag = "DECLARE CURSOR";
        out.command = DeclareCursorStatement{declare.portalname(), (declare.options() & kCursorHold) != 0,
                                             (declare.options() & kCursorBinary) != 0};
        return;
    }
    case Node::kFetchStmt: {
        constexpr int64_t kFetchAll = INT64_MAX;
        const auto &fetch = node.fetch_stmt();
        out.tag = fetch.ismove() ? "MOVE" : "FETCH";
        out.tag_has_rows = true;
        out.returns_rows = !fetch.ismove();
        out.command =
            FetchStatement{fetch.ismove(), fetch.how_many() == kFetchAll ? 0 : fetch.how_many(),
                           fetch.direction() != pg_query::FETCH_FORWARD || fetch.how_many() < 0, fetch.portalname()};
        return;
    }
    case Node::kClosePortalStmt:
        out.tag = node.close_portal_stmt().portalname().empty() ? "CLOSE CURSOR ALL" : "CLOSE CURSOR";
        out.command = CloseCursorStatement{node.close_portal_stmt().portalname()};
        return;
    case Node::kPrepareStmt: {
        ParsedStatement inner;
        ClassifyStatement(node.prepare_stmt().query(), inner);
        out.tag = "PREPARE";
        out.command = PrepareStatement{node.prepare_stmt().name(), inner.tag, inner.tag_has_rows, inner.returns_rows};
        return;
    }
    case Node::kExecuteStmt:
        // PostgreSQL tags EXECUTE with the prepared statement's own tag (SELECT 3, INSERT 0 1): the
        // session fills it in from the PREPARE it saw; rows are sent when there are rows.
        out.command = ExecuteStatement{node.execute_stmt().name()};
        out.tag.clear();
        out.returns_rows = true;
        return;
    case Node::kDeallocateStmt:
        out.tag = node.deallocate_stmt().name().empty() ? "DEALLOCATE ALL" : "DEALLOCATE";
        out.command = DeallocateStatement{node.deallocate_stmt().name()};
        return;
    case Node::kDoStmt: {
        out.tag = "DO";
        DoStatement block;
        for (const auto &arg : node.do_stmt().args()) {
            if (!arg.has_def_elem() || !arg.def_elem().arg().has_string()) {
                continue;
            }
            if (arg.def_elem().defname() == "as") {
                block.body = arg.def_elem().arg().string().sval();
            } else if (arg.def_elem().defname() == "language") {
                block.language = arg.def_elem().arg().string().sval();
            }
        }
        out.command = std::move(block);
        return;
    }
    case Node::kCallStmt:
        out.tag = "CALL";
        return;
    default:
        out.tag = "";
        return;
    }
}

std::string FormatCommandTag(const std::string &tag, bool tag_has_rows, uint64_t rows) {
    if (!tag_has_rows) {
        return tag;
    }
    if (tag == "INSERT") {
        return "INSERT 0 " + std::to_string(rows);
    }
    return tag + " " + std::to_string(rows);
}

} // namespace duckgres::sql
