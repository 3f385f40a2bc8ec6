// Checks client statements against the session's rights: statement kinds, engine functions, other catalogs.
#include "sql/access_check.hpp"

#include "catalog/catalog_scripts.hpp"
#include "common/ascii.hpp"
#include "common/sql_error.hpp"

#include <google/protobuf/reflection.h>
#include <pg_query.h>
#include <pg_query.pb.h>

#include <algorithm>
#include <memory>
#include <set>

namespace duckgres::sql {

namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using pg_query::Node;

//! DuckDB 1.4's functions that reach past the client's own data, each needing the engine grant. The unit tests
//! hold every table and pragma function DuckDB has against this list and Read ones they name, so a DuckDB
//! upgrade that adds one fails them until it is classified.
constexpr std::string_view kEngineFunctions[] = {
    // engine state: checkpoints, logging, profiling, optimizer and verification switches
    "checkpoint", "force_checkpoint", "enable_checkpoint_on_shutdown", "disable_checkpoint_on_shutdown",
    "enable_logging", "disable_logging", "truncate_duckdb_logs", "write_log", "enable_profiling", "disable_profiling",
    "enable_profile", "disable_profile", "all_profiling_output", "enable_progress_bar", "disable_progress_bar",
    "enable_print_progress_bar", "disable_print_progress_bar", "enable_optimizer", "disable_optimizer",
    "enable_verification", "disable_verification", "verify_external", "disable_verify_external", "verify_fetch_row",
    "disable_verify_fetch_row", "verify_parallelism", "disable_verify_parallelism", "verify_serializer",
    "disable_verify_serializer", "enable_object_cache", "disable_object_cache", "add_parquet_key",
    // SQL text or serialized plans run outside the statement the check saw; raw memory pointers
    "query", "query_table", "json_execute_serialized_sql", "arrow_scan", "arrow_scan_dumb",
    // other databases and files: attach-like copies, imports
    "copy_database", "import_database",
    // the server's files, settings, extensions, secrets, logs and memory
    "duckdb_settings", "duckdb_databases", "database_list", "pragma_database_list", "duckdb_extensions",
    "extension_versions", "duckdb_secrets", "which_secret", "duckdb_temporary_files", "duckdb_memory", "duckdb_logs",
    "duckdb_logs_parsed", "duckdb_log_contexts", "duckdb_external_file_cache", "storage_info", "pragma_storage_info",
    "metadata_info", "pragma_metadata_info", "database_size", "pragma_database_size", "duckdb_connection_count",
    "duckdb_approx_database_count"};

constexpr std::string_view kEngineCatalogs[] = {"duckgres_catalog", "system", "temp"};

//! Fields of parse-tree nodes that hold a possibly qualified object name as a list of String nodes.
const std::set<std::string> kQualifiedNameFields = {"funcname",   "objname",  "names",   "defnames",        "type_name",
                                                    "domainname", "collname", "opclass", "conversion_name", "opname"};
//! Fields whose List elements are qualified names (DROP's objects, COMMENT ON's object...).
const std::set<std::string> kObjectListFields = {"objects", "object"};

//! The system schemas clients read and Duckgres answers from duckgres_catalog: never a write target.
bool IsSystemSchema(std::string_view schema) {
    return schema == "pg_catalog" || schema == "information_schema";
}

//! DuckDB's own views of the engine's state (system.main), named like the functions behind them.
bool IsEngineView(std::string_view name) {
    return name == "duckdb_databases" || name == "duckdb_logs" || name == "pragma_database_list";
}

std::string JoinNames(const google::protobuf::RepeatedPtrField<Node> &names) {
    std::string joined;
    for (const auto &name : names) {
        if (!joined.empty()) {
            joined += ".";
        }
        joined += name.has_string() ? name.string().sval() : std::string("*");
    }
    return joined;
}

[[noreturn]] void RefuseFunction(const std::string &name) {
    throw SqlError("42501", "permission denied for function " + name, "",
                   "DuckDB functions that change or show the engine's state, files or settings need an admin with "
                   "admin_engine_access in the server configuration.");
}

[[noreturn]] void RefuseCrossDatabase(const std::string &name) {
    throw SqlError("0A000", "cross-database references are not implemented: " + name);
}

[[noreturn]] void RefuseSchema(const std::string &schema) {
    throw SqlError("3F000", "schema \"" + schema + "\" does not exist");
}

//! A name qualified as `parts` (catalog.schema.name or schema.name): refused when it leaves the session's
//! database.
void CheckQualifiers(const std::vector<std::string> &parts, const AccessContext &context, const std::string &shown) {
    if (parts.size() >= 3) {
        if (AsciiLower(parts[0]) != AsciiLower(context.database) || IsEngineCatalog(AsciiLower(parts[0]))) {
            RefuseCrossDatabase(shown);
        }
    } else if (parts.size() == 2 && IsEngineCatalog(AsciiLower(parts[0]))) {
        RefuseSchema(parts[0]);
    }
}

void CheckNameList(const google::protobuf::RepeatedPtrField<Node> &names, const AccessContext &context) {
    if (names.size() < 2 || !std::all_of(names.begin(), names.end(), [](const Node &n) { return n.has_string(); })) {
        return;
    }
    std::vector<std::string> parts;
    for (const auto &name : names) {
        parts.push_back(name.string().sval());
    }
    CheckQualifiers(parts, context, JoinNames(names));
}

void CheckRangeVar(const pg_query::RangeVar &relation, const AccessContext &context) {
    // PostgreSQL keeps quoted names as written and has no "PG_CATALOG" or "PG_SETTINGS"; DuckDB would match them
    // case-insensitively to its own catalog, which Duckgres only redirects for the names as PostgreSQL has them.
    const auto schema = AsciiLower(relation.schemaname());
    const auto name = AsciiLower(relation.relname());
    if (schema != relation.schemaname() && IsSystemSchema(schema)) {
        RefuseSchema(relation.schemaname());
    }
    if (name != relation.relname() &&
        (IsSystemSchema(schema) || catalog::CatalogNames::Get().IsRelation(name) || IsEngineView(name))) {
        throw SqlError("42P01", "relation \"" + relation.relname() + "\" does not exist");
    }
    if (IsEngineView(name)) {
        RefuseFunction(name);
    }
    std::vector<std::string> parts;
    for (const auto *part : {&relation.catalogname(), &relation.schemaname(), &relation.relname()}) {
        if (!part->empty()) {
            parts.push_back(*part);
        }
    }
    std::string shown;
    for (const auto &part : parts) {
        shown += (shown.empty() ? "" : ".") + part;
    }
    CheckQualifiers(parts, context, shown);
}

void CheckFunctionCall(const pg_query::FuncCall &call, const AccessContext &context) {
    if (call.funcname().empty() || !call.funcname(call.funcname_size() - 1).has_string()) {
        return;
    }
    const auto &written = call.funcname(call.funcname_size() - 1).string().sval();
    auto name = AsciiLower(written);
    if (name != written) {
        // A quoted name in capitals: no such function in PostgreSQL, DuckDB's own (current_setting...) in DuckDB.
        throw SqlError("42883", "function \"" + written + "\" does not exist");
    }
    if (!context.rights.Allows(FunctionPrivilege(name))) {
        RefuseFunction(name);
    }
    // current_setting('name') is answered by the session; a computed name would reach DuckDB's own settings.
    if (name == "current_setting" && !context.rights.engine &&
        (call.args().empty() || !call.args(0).has_a_const() || !call.args(0).a_const().has_sval())) {
        throw SqlError("0A000", "current_setting() takes a constant parameter name in Duckgres");
    }
}

//! Visits every message below `message` with the name of the field it hangs from.
void CheckMessage(const Message &message, const AccessContext &context) {
    // Relations and calls come wrapped in a Node (FROM lists, expressions) or as a statement's own field
    // (CREATE VIEW's view, INSERT's relation, CALL's call): both are reached as messages of their type.
    if (const auto *relation = dynamic_cast<const pg_query::RangeVar *>(&message)) {
        CheckRangeVar(*relation, context);
    } else if (const auto *call = dynamic_cast<const pg_query::FuncCall *>(&message)) {
        CheckFunctionCall(*call, context);
    } else if (const auto *node = dynamic_cast<const Node *>(&message)) {
        if (!context.rights.write) {
            // A write inside a read (WITH d AS (DELETE ...) SELECT ...), as PostgreSQL names it.
            const bool select_into = node->has_select_stmt() && node->select_stmt().has_into_clause();
            const char *write = select_into               ? "SELECT INTO"
                                : node->has_insert_stmt() ? "INSERT"
                                : node->has_update_stmt() ? "UPDATE"
                                : node->has_delete_stmt() ? "DELETE"
                                : node->has_merge_stmt()  ? "MERGE"
                                                          : nullptr;
            if (write) {
                throw SqlError("25006", std::string("cannot execute ") + write + " in a read-only transaction");
            }
        }
        if (node->has_column_ref() && node->column_ref().fields_size() >= 3) {
            // catalog.schema.table.column, schema.table.column or table.column.field: only a catalog is refused.
            const auto &first = node->column_ref().fields(0);
            if (first.has_string() && IsEngineCatalog(AsciiLower(first.string().sval()))) {
                RefuseSchema(first.string().sval());
            }
        }
    }
    const auto *reflection = message.GetReflection();
    std::vector<const FieldDescriptor *> fields;
    reflection->ListFields(message, &fields);
    for (const auto *field : fields) {
        if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) {
            continue;
        }
        if (!field->is_repeated()) {
            const auto &child = reflection->GetMessage(message, field);
            if (const auto *node = dynamic_cast<const Node *>(&child);
                node && node->has_list() && kObjectListFields.count(field->name())) {
                // COMMENT ON TABLE a.b.c, ALTER ... SET SCHEMA; COMMENT ON COLUMN s.t.c names a relation and a column.
                const auto *comment = dynamic_cast<const pg_query::CommentStmt *>(&message);
                if (comment && comment->objtype() == pg_query::OBJECT_COLUMN && node->list().items_size() > 0) {
                    google::protobuf::RepeatedPtrField<Node> relation(node->list().items().begin(),
                                                                      node->list().items().end() - 1);
                    CheckNameList(relation, context);
                } else {
                    CheckNameList(node->list().items(), context);
                }
            }
            CheckMessage(child, context);
            continue;
        }
        const auto &items = reflection->GetRepeatedFieldRef<Message>(message, field);
        if (kQualifiedNameFields.count(field->name()) && field->message_type() == Node::descriptor()) {
            CheckNameList(reflection->GetRepeatedPtrField<Node>(message, field), context);
        }
        const bool object_list = kObjectListFields.count(field->name()) > 0;
        for (int i = 0; i < items.size(); i++) {
            const auto &item = reflection->GetRepeatedMessage(message, field, i);
            if (object_list) {
                if (const auto *node = dynamic_cast<const Node *>(&item); node && node->has_list()) {
                    CheckNameList(node->list().items(), context);
                }
            }
            CheckMessage(item, context);
        }
    }
}

//! PostgreSQL's refusal to change a system catalog: the write target `relation` of a statement.
void CheckWriteTarget(const pg_query::RangeVar &relation, bool creates) {
    // Unqualified, a catalog relation's name is found in pg_catalog first (and Duckgres answers it from
    // duckgres_catalog): creating one of that name is refused too.
    const bool unqualified_catalog = relation.schemaname().empty() && relation.catalogname().empty() &&
                                     catalog::CatalogNames::Get().IsRelation(relation.relname());
    if (!IsSystemSchema(relation.schemaname()) && !unqualified_catalog) {
        return;
    }
    if (creates) {
        throw SqlError("42501", "permission denied to create \"pg_catalog." + relation.relname() + "\"",
                       "System catalog modifications are currently disallowed.");
    }
    throw SqlError("42501", "permission denied: \"" + relation.relname() + "\" is a system catalog");
}

//! The table or view a statement writes (or creates, when `creates`): one rule per statement kind.
struct WriteTargetRule {
    const pg_query::RangeVar *(*target)(const Node &statement); //!< null when the statement is of another kind
    bool creates;
};

constexpr WriteTargetRule kWriteTargets[] = {
    {[](const Node &n) { return n.has_create_stmt() ? &n.create_stmt().relation() : nullptr; }, true},
    {[](const Node &n) { return n.has_view_stmt() ? &n.view_stmt().view() : nullptr; }, true},
    {[](const Node &n) { return n.has_create_table_as_stmt() ? &n.create_table_as_stmt().into().rel() : nullptr; },
     true},
    {[](const Node &n) { return n.has_create_seq_stmt() ? &n.create_seq_stmt().sequence() : nullptr; }, true},
    {[](const Node &n) { return n.has_composite_type_stmt() ? &n.composite_type_stmt().typevar() : nullptr; }, true},
    {[](const Node &n) { return n.has_insert_stmt() ? &n.insert_stmt().relation() : nullptr; }, false},
    {[](const Node &n) { return n.has_update_stmt() ? &n.update_stmt().relation() : nullptr; }, false},
    {[](const Node &n) { return n.has_delete_stmt() ? &n.delete_stmt().relation() : nullptr; }, false},
    {[](const Node &n) { return n.has_merge_stmt() ? &n.merge_stmt().relation() : nullptr; }, false},
    {[](const Node &n) { return n.has_alter_table_stmt() ? &n.alter_table_stmt().relation() : nullptr; }, false},
    {[](const Node &n) {
         return n.has_rename_stmt() && n.rename_stmt().has_relation() ? &n.rename_stmt().relation() : nullptr;
     },
     false},
    {[](const Node &n) { return n.has_index_stmt() ? &n.index_stmt().relation() : nullptr; }, false},
    {[](const Node &n) { return n.has_alter_seq_stmt() ? &n.alter_seq_stmt().sequence() : nullptr; }, false},
    {[](const Node &n) {
         return n.has_copy_stmt() && n.copy_stmt().is_from() && n.copy_stmt().has_relation() ? &n.copy_stmt().relation()
                                                                                             : nullptr;
     },
     false},
};

//! The tables and views a statement writes or creates, for CheckWriteTarget.
void CheckWriteTargets(const Node &stmt) {
    for (const auto &rule : kWriteTargets) {
        if (const auto *target = rule.target(stmt)) {
            CheckWriteTarget(*target, rule.creates);
        }
    }
    for (const auto &relation : stmt.truncate_stmt().relations()) {
        if (relation.has_range_var()) {
            CheckWriteTarget(relation.range_var(), false);
        }
    }
    for (const auto &object : stmt.drop_stmt().objects()) {
        if (object.has_list() && object.list().items_size() == 2 && object.list().items(0).has_string() &&
            IsSystemSchema(object.list().items(0).string().sval())) {
            throw SqlError("42501",
                           "permission denied: \"" + object.list().items(1).string().sval() + "\" is a system catalog");
        }
    }
}

//! The statements that need more than reading and writing data, whatever DuckDB makes of them.
void CheckStatementKind(const Node &stmt, const AccessContext &context) {
    const auto &rights = context.rights;
    if (stmt.has_check_point_stmt() && !rights.admin) {
        throw SqlError("42501", "must be superuser or have privileges of pg_checkpoint to do CHECKPOINT");
    }
    if (stmt.has_load_stmt() && !rights.engine) {
        throw SqlError("42501", "access to library \"" + stmt.load_stmt().filename() + "\" is not allowed");
    }
    if (stmt.has_alter_system_stmt() && !rights.engine) {
        throw SqlError("42501", "must be superuser to execute ALTER SYSTEM command");
    }
    if (stmt.has_call_stmt() && !rights.engine) {
        std::string name =
            stmt.call_stmt().has_funccall() ? JoinNames(stmt.call_stmt().funccall().funcname()) : std::string("?");
        throw SqlError("42501", "permission denied for procedure " + name, "",
                       "Duckgres has no procedures; CALL runs DuckDB's table functions, which need an admin with "
                       "admin_engine_access in the server configuration.");
    }
    if ((stmt.has_createdb_stmt() || stmt.has_dropdb_stmt() || stmt.has_alter_database_stmt() ||
         stmt.has_alter_database_set_stmt() ||
         (stmt.has_rename_stmt() && stmt.rename_stmt().rename_type() == pg_query::OBJECT_DATABASE)) &&
        !rights.admin) {
        throw SqlError("42501", "permission denied to create or change a database");
    }
}

struct ScanResultDeleter {
    void operator()(PgQueryScanResult *result) const {
        pg_query_free_scan_result(*result);
        delete result;
    }
};

//! DuckDB's own syntax, which PostgreSQL's grammar rejected: its tokens (DuckDB's scanner is PostgreSQL's)
//! show the functions it calls (a name before "(") and the catalogs it names (a name before ".").
//! The tokens of `text` as PostgreSQL's scanner reads them, comments left out (a call may be written
//! `name /* ... */ (`); throws 42601 when the scanner cannot read the text.
std::vector<pg_query::ScanToken> ScanTokens(const std::string &text) {
    std::unique_ptr<PgQueryScanResult, ScanResultDeleter> scan(new PgQueryScanResult(pg_query_scan(text.c_str())));
    pg_query::ScanResult tokens;
    if (scan->error || !tokens.ParseFromArray(scan->pbuf.data, static_cast<int>(scan->pbuf.len))) {
        throw SqlError("42601", scan->error && scan->error->message ? scan->error->message : "syntax error");
    }
    std::vector<pg_query::ScanToken> list;
    for (const auto &token : tokens.tokens()) {
        if (token.token() != pg_query::SQL_COMMENT && token.token() != pg_query::C_COMMENT) {
            list.push_back(token);
        }
    }
    return list;
}

//! Token `token` of `text` as a name: unquoted, lower case (DuckDB's names are case-insensitive).
std::string WordOf(const std::string &text, const pg_query::ScanToken &token) {
    std::string word = text.substr(token.start(), token.end() - token.start());
    if (word.size() >= 2 && word.front() == '"' && word.back() == '"') {
        word = word.substr(1, word.size() - 2);
    }
    return AsciiLower(word);
}

void CheckTokens(const std::string &text, const AccessContext &context) {
    if (context.rights.engine) {
        return;
    }
    const auto list = ScanTokens(text);
    auto word_at = [&](size_t i) { return WordOf(text, list[i]); };
    // The statement DuckDB runs: EXPLAIN [ANALYZE] [(options)] runs the one after it.
    size_t first = 0;
    bool explained = false;
    while (first < list.size()) {
        auto word = word_at(first);
        if (word == "explain" || word == "analyze" || word == "analyse" || word == "verbose") {
            explained |= word == "explain";
            first++;
        } else if (explained && list[first].token() == pg_query::ASCII_40) {
            int depth = 0; // EXPLAIN (FORMAT json, ...) options
            do {
                depth += list[first].token() == pg_query::ASCII_40   ? 1
                         : list[first].token() == pg_query::ASCII_41 ? -1
                                                                     : 0;
                first++;
            } while (first < list.size() && depth > 0);
        } else {
            break;
        }
    }
    auto refuse_statement = [](const std::string &word) {
        throw SqlError("42501", "permission denied to run DuckDB's " + AsciiUpper(word) + " statement", "",
                       kEngineGrantHint);
    };
    if (first < list.size()) {
        auto word = word_at(first);
        // DuckDB's statements that act on the engine itself, by their first word: refused before DuckDB parses them
        // (its parser runs some pragmas' SQL generators already).
        static const std::set<std::string> kEngineStatements = {
            "pragma", "attach", "detach", "install", "load",  "use",        "export", "import",
            "force",  "copy",   "call",   "set",     "reset", "checkpoint", "vacuum", "update"};
        // What EXPLAIN may show (and EXPLAIN ANALYZE run) in DuckDB's syntax: queries and data changes.
        static const std::set<std::string> kExplainable = {"select", "from",    "with",      "values",   "insert",
                                                           "delete", "table",   "summarize", "describe", "show",
                                                           "pivot",  "unpivot", "("};
        if (explained && !kExplainable.count(word)) {
            refuse_statement("EXPLAIN " + word);
        }
        if (kEngineStatements.count(word) &&
            !(word == "update" && !(first + 1 < list.size() && word_at(first + 1) == "extensions"))) {
            refuse_statement(word);
        }
        // CREATE [OR REPLACE] [PERSISTENT | TEMPORARY] SECRET, DROP [...] SECRET: secrets are the whole instance's.
        if (word == "create" || word == "drop") {
            for (size_t i = first + 1; i < list.size() && i <= first + 4; i++) {
                if (word_at(i) == "secret") {
                    refuse_statement("secret");
                }
            }
        }
    }
    for (size_t i = 0; i < list.size(); i++) {
        const auto &token = list[i];
        if (token.token() != pg_query::IDENT && token.keyword_kind() == pg_query::NO_KEYWORD) {
            continue;
        }
        auto name = word_at(i);
        auto next = i + 1 < list.size() ? list[i + 1].token() : pg_query::NUL;
        if (next == pg_query::ASCII_40 && !context.rights.Allows(FunctionPrivilege(name))) {
            RefuseFunction(name);
        }
        if (next == pg_query::ASCII_40 && name == "current_setting") {
            // Not rewritten here: DuckDB would answer with its own settings.
            throw SqlError("0A000", "current_setting() in DuckDB's own syntax is not supported",
                           "Write the statement in PostgreSQL's syntax, or use SHOW.");
        }
        if (next == pg_query::ASCII_46 && IsEngineCatalog(name)) {
            RefuseSchema(name);
        }
        // Relations: DuckDB's own views of the engine (duckdb_databases, duckdb_logs...), and the system catalogs,
        // which only PostgreSQL's syntax redirects to Duckgres' (DuckDB's own pg_catalog shows its settings).
        if (IsEngineView(name) || name == "pg_catalog" || name == "information_schema" ||
            catalog::CatalogNames::Get().IsRelation(name)) {
            throw SqlError("0A000", "\"" + name + "\" can be read only in PostgreSQL's syntax", "",
                           "Write the statement in PostgreSQL's syntax: DuckDB's own syntax reaches DuckDB's catalog.");
        }
    }
}

} // namespace

std::optional<std::string> CreatedMacroName(const ParsedStatement &statement) {
    if (statement.tree) {
        // PostgreSQL's grammar takes CREATE FUNCTION f() AS '...', which DuckDB runs as a macro.
        if (!statement.tree->has_create_function_stmt() || statement.tree->create_function_stmt().funcname().empty()) {
            return std::nullopt;
        }
        const auto &names = statement.tree->create_function_stmt().funcname();
        const auto &last = names[names.size() - 1];
        return last.has_string() ? std::optional<std::string>(AsciiLower(last.string().sval())) : std::nullopt;
    }
    const auto list = ScanTokens(statement.text);
    size_t i = 0;
    auto word = [&]() { return i < list.size() ? WordOf(statement.text, list[i]) : std::string(); };
    if (word() != "create") {
        return std::nullopt;
    }
    for (i = 1; word() == "or" || word() == "replace" || word() == "temp" || word() == "temporary"; i++) {
    }
    if (word() != "macro" && word() != "function") {
        return std::nullopt;
    }
    // [catalog.][schema.]name: the last part before "(".
    std::string name;
    for (i++; i < list.size() && list[i].token() != pg_query::ASCII_40; i++) {
        if (list[i].token() != pg_query::ASCII_46) {
            name = word();
        }
    }
    return name.empty() ? std::nullopt : std::optional<std::string>(name);
}

bool IsReadTag(const std::string &tag) {
    static const std::set<std::string> kReads = {"SELECT",
                                                 "SHOW",
                                                 "EXPLAIN",
                                                 "FETCH",
                                                 "MOVE",
                                                 "DECLARE CURSOR",
                                                 "CLOSE CURSOR",
                                                 "SAVEPOINT",
                                                 "RELEASE",
                                                 "ROLLBACK",
                                                 "SET",
                                                 "RESET",
                                                 "COMMIT",
                                                 "BEGIN",
                                                 "START TRANSACTION",
                                                 "PREPARE",
                                                 "DEALLOCATE",
                                                 "DISCARD ALL",
                                                 "LISTEN",
                                                 "UNLISTEN",
                                                 "DO",
                                                 "EXECUTE",
                                                 "DISCARD",
                                                 "CHECKPOINT",
                                                 "LOCK TABLE",
                                                 "PREPARE TRANSACTION"};
    return kReads.count(tag) > 0;
}

Privilege FunctionPrivilege(std::string_view name) {
    return std::find(std::begin(kEngineFunctions), std::end(kEngineFunctions), name) != std::end(kEngineFunctions)
               ? Privilege::Engine
               : Privilege::Read;
}

bool IsEngineCatalog(std::string_view name) {
    return std::find(std::begin(kEngineCatalogs), std::end(kEngineCatalogs), name) != std::end(kEngineCatalogs);
}

void CheckStatementAccess(const ParsedStatement &statement, const AccessContext &context) {
    if (!statement.tree) {
        CheckTokens(statement.text, context);
        return;
    }
    if (!context.rights.write && !IsReadTag(statement.tag) && !statement.Is<CopyToStatement>()) {
        const bool copy_from = statement.Is<CopyFromStatement>();
        throw SqlError("25006", "cannot execute " + (copy_from ? std::string("COPY FROM") : statement.tag) +
                                    " in a read-only transaction");
    }
    // EXPLAIN ANALYZE, PREPARE and DECLARE run the statement they hold: it is checked as if it stood alone.
    for (const Node *stmt = statement.tree.get(); stmt;) {
        CheckStatementKind(*stmt, context);
        CheckWriteTargets(*stmt); // the system catalogs stay read-only even with the engine grant
        stmt = stmt->has_explain_stmt()          ? &stmt->explain_stmt().query()
               : stmt->has_prepare_stmt()        ? &stmt->prepare_stmt().query()
               : stmt->has_declare_cursor_stmt() ? &stmt->declare_cursor_stmt().query()
                                                 : nullptr;
    }
    if (!context.rights.engine) {
        CheckMessage(*statement.tree, context);
    }
}

} // namespace duckgres::sql
