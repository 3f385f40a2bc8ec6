// The blocking half of a session: prepare and start statements, look up the catalog, apply settings (worker thread).
#include "session/statement_work.hpp"

#include "common/ascii.hpp"
#include "common/sql_quote.hpp"
#include "engine/catalog_lookup.hpp"
#include "engine/statement_type_access.hpp"
#include "engine/table_appender.hpp"
#include "session/rewrite_settings.hpp"
#include "session/search_path_tables.hpp"
#include "sql/statement_parser.hpp"
#include "sql/view_dependencies.hpp"
#include "wire/backend_messages.hpp"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <thread>

namespace duckgres::session {

namespace {

const std::vector<std::string> kNoStatements;

//! Catalog lookups the rewrite skips on a first attempt, as they cost catalog queries.
enum class CatalogLookups : uint8_t {
    None,
    InsertColumns, //!< the columns an INSERT without a column list fills (sql::RewriteContext::fill_insert_columns)
    GroupByKeys,   //!< the columns a grouped primary key determines (sql::RewriteContext::group_by_key_columns)
    Sequences,     //!< relations that are sequences (sql::RewriteContext::sequence_relations)
};

//! Which lookups may fix a statement DuckDB refused with `error`: None when none can.
CatalogLookups LookupsToRetry(const sql::ParsedStatement &statement, const SqlError &error) {
    if (!statement.tree) {
        return CatalogLookups::None;
    }
    const std::string_view message = error.what();
    // INSERT without a column list and fewer values than the table has columns: PostgreSQL fills the rest with
    // their defaults.
    if (statement.tree->has_insert_stmt() && statement.tree->insert_stmt().cols_size() == 0 &&
        message.find("values were supplied") != std::string_view::npos) {
        return CatalogLookups::InsertColumns;
    }
    // A value for a generated column: PostgreSQL takes DEFAULT there.
    if (statement.tree->has_insert_stmt() && error.sqlstate == "428C9") {
        return CatalogLookups::InsertColumns;
    }
    // A column neither grouped nor aggregated, which may depend on a grouped primary key.
    if (message.find("must appear in the GROUP BY clause") != std::string_view::npos) {
        return CatalogLookups::GroupByKeys;
    }
    // A relation DuckDB has no table of, which may be a sequence (SELECT last_value, is_called FROM seq).
    if (error.sqlstate == "42P01" && statement.tree->has_select_stmt()) {
        return CatalogLookups::Sequences;
    }
    return CatalogLookups::None;
}

//! Binds a statement's parameter values (none when null). `present_only`: those beyond the statement's own parameters
//! are left out (a part of the client's statement, which has them all).
void BindParameters(engine::PreparedStatement &prepared, const std::vector<types::OwnedValue> *parameters,
                    bool present_only = false) {
    auto handle = prepared.handle.Get();
    duckdb_clear_bindings(handle);
    const size_t count = !parameters    ? 0
                         : present_only ? std::min(parameters->size(), duckdb_nparams(handle))
                                        : parameters->size();
    for (size_t i = 0; i < count; i++) {
        if (duckdb_bind_value(handle, i + 1, (*parameters)[i].Get()) != DuckDBSuccess) {
            throw SqlError("22P02", "could not bind parameter $" + std::to_string(i + 1));
        }
    }
}

} // namespace

void StatementWork::Notice(const std::string &severity, const std::string &sqlstate, const std::string &message,
                           const std::string &detail) {
    wire::ErrorFields fields;
    fields.severity = severity;
    fields.sqlstate = sqlstate;
    fields.message = message;
    fields.detail = detail;
    wire::WriteNoticeResponse(Out(), fields);
}

void StatementWork::MaterializeOpenStreams() {
    if (materialized_) {
        return;
    }
    materialized_ = true;
    for (auto *stream : lent_.open_streams) {
        stream->result->Materialize();
    }
}

void StatementWork::RestartTransaction() {
    MaterializeOpenStreams();
    Engine().Run("ROLLBACK");
    Engine().Run("BEGIN TRANSACTION");
}

void StatementWork::ReplayTransaction(const std::vector<ReplayStep> &steps, bool read_only) {
    std::string targets;
    for (const auto &step : steps) {
        if (step.refusal) {
            throw SqlError("0A000",
                           "ROLLBACK TO SAVEPOINT cannot undo what followed the savepoint: DuckDB has no savepoints, "
                           "and this transaction cannot be run again up to it (it ran " +
                               *step.refusal + ")",
                           "", "Roll back the whole transaction instead.");
        }
        if (!step.insert_target.empty()) {
            targets += (targets.empty() ? "" : ", ") + QuoteLiteral(step.insert_target);
        }
    }
    // A column default drawing from a sequence would give other values when the INSERT runs again (sequences are not
    // rolled back). Looked up before the rollback while DuckDB's transaction is usable, so that a refusal leaves it
    // as it was; an aborted one answers nothing, and the tables the replay may fill then are those committed before
    // it (a table created in the transaction could only draw from a sequence through a statement refused above).
    const std::string list = "(" + targets + ")";
    auto check_sequence_defaults = [&]() {
        const auto rows = Engine().QueryStrings("SELECT count(*) FROM duckdb_columns() WHERE (table_name IN " + list +
                                                " OR schema_name || '.' || table_name IN " + list +
                                                ") AND column_default ILIKE '%nextval%'");
        if (rows.empty() || rows[0].empty() || rows[0][0] != "0") {
            throw SqlError("0A000",
                           "ROLLBACK TO SAVEPOINT cannot undo what followed the savepoint: DuckDB has no savepoints, "
                           "and this transaction cannot be run again up to it (an INSERT drew from a sequence)",
                           "", "Roll back the whole transaction instead.");
        }
    };
    bool checked = targets.empty();
    if (!checked) {
        try {
            check_sequence_defaults();
            checked = true;
        } catch (const SqlError &error) {
            if (error.sqlstate == "0A000") {
                throw;
            }
        }
    }
    MaterializeOpenStreams();
    Engine().Run("ROLLBACK");
    Engine().Run(read_only ? "BEGIN TRANSACTION READ ONLY" : "BEGIN TRANSACTION");
    if (!checked) {
        check_sequence_defaults();
    }
    for (const auto &step : steps) {
        auto prepared = Engine().Prepare(step.sql);
        BindParameters(prepared, step.parameters.get());
        auto result = Engine().Execute(prepared);
        while (result->Fetch()) {
        }
    }
}

void StatementWork::Connect(std::shared_ptr<engine::Database> database) {
    lent_.engine.connection = std::make_unique<engine::EngineConnection>(std::move(database));
}

namespace {

//! The zone DuckDB (ICU, which knows IANA names only) runs for `zone`: the zone itself, or for PostgreSQL's fixed
//! offsets ("<+05>-05", "<+05:30>-05:30") the Etc/GMT zone of a whole-hour offset (POSIX sign: Etc/GMT-5 is east), and
//! UTC for one ICU has no zone of. Only DuckDB's own conversions (timestamptz to timestamp or date) see it; text in
//! and out uses the session's zone.
std::string DuckDbZoneName(const types::TimeZone &zone) {
    if (!zone.Name().starts_with("<")) {
        return zone.Name();
    }
    const int32_t offset = zone.OffsetAt(0);
    if (offset == 0 || offset % 3600 != 0) {
        return "UTC";
    }
    return "Etc/GMT" + std::string(offset > 0 ? "-" : "+") + std::to_string(std::abs(offset / 3600));
}

} // namespace

void StatementWork::ApplySettings(const EngineSettings &settings) {
    auto &engine = lent_.engine;
    if (settings.time_zone != (engine.time_zone ? engine.time_zone->Name() : "")) {
        auto zone = types::TimeZone::Load(settings.time_zone);
        MaterializeOpenStreams();
        Engine().Run("SET TimeZone = '" + DuckDbZoneName(*zone) + "'");
        engine.time_zone = zone;
        engine.text_options.time_zone = zone.get();
    }
    engine.text_options.extra_float_digits = settings.extra_float_digits;
    engine.text_options.date_style = types::DateStyleFromSetting(settings.date_style).value_or(types::DateStyle{});
    engine.text_options.interval_style =
        types::IntervalOutputFromSetting(settings.interval_style).value_or(types::IntervalOutput::kPostgres);
    engine.text_options.bytea_output =
        settings.bytea_output == "escape" ? types::ByteaOutput::kEscape : types::ByteaOutput::kHex;
    if (settings.search_path != engine.applied_search_path) {
        // DuckDB resolves unqualified names through its search_path and creates in its first schema, but
        // refuses schemas that do not exist: those are left out (and the path is applied again after
        // CREATE SCHEMA). DuckDB's own main stays last, where objects made with DuckDB's syntax live.
        auto schemas = engine::CatalogLookup(Engine()).SchemaNames();
        std::string path;
        engine.creation_schema.clear();
        for (const auto &schema : SearchPathSchemas(settings.search_path, settings.user)) {
            if (schemas.count(schema) && schema != "main") {
                path += QuoteIdentifier(schema) + ",";
                if (engine.creation_schema.empty()) {
                    engine.creation_schema = schema;
                }
            }
        }
        if (engine.creation_schema.empty()) {
            engine.creation_schema = "main";
        }
        MaterializeOpenStreams();
        Engine().Run("SET search_path = " + QuoteLiteral(path + "main"));
        Engine().ClearCache();
        engine.applied_search_path = settings.search_path;
    }
}

sql::RewriteContext StatementWork::RewriteContextFor(const std::map<int32_t, std::string> &parameter_casts) {
    sql::RewriteContext context;
    context.user = lent_.login.user;
    context.database = lent_.login.database;
    context.backend_pid = lent_.backend_pid;
    context.parameter_casts = parameter_casts;
    context.creation_schema = lent_.engine.creation_schema;
    context.tables = std::make_shared<SearchPathTables>(
        Engine(), SearchPathSchemas(*lent_.settings.Get("search_path"), lent_.login.user), &lent_.engine.column_types);
    context.settings = std::make_shared<RewriteSettings>(lent_.settings, lent_.in_transaction);
    context.engine_settings = lent_.login.access.rights.engine;
    context.text_options = lent_.engine.text_options;
    context.last_sequence = [this] { return LastSequence(); };
    return context;
}

std::shared_ptr<engine::PreparedStatement>
StatementWork::Prepare(const sql::ParsedStatement &statement, sql::RewriteEffects &effects,
                       const std::map<int32_t, std::string> &parameter_casts) {
    if (auto macro = sql::CreatedMacroName(statement)) {
        // The shared catalog's views call DuckDB's and Duckgres' functions unqualified: a user's macro of such a
        // name would stand in for it in every session's catalog queries.
        if (engine::CatalogLookup(Engine()).IsSystemFunction(*macro)) {
            throw SqlError("42723", "function \"" + *macro + "\" already exists",
                           "DuckDB or the catalog defines a function of this name; choose another name.");
        }
    }
    // Rewrites and prepares; `lookup`: the catalog lookups a first attempt skips (see sql::RewriteContext).
    auto attempt = [&](CatalogLookups lookup) -> std::shared_ptr<engine::PreparedStatement> {
        std::optional<std::string> rewritten;
        effects = {};
        if (statement.tree) {
            auto context = RewriteContextFor(parameter_casts);
            context.fill_insert_columns = lookup == CatalogLookups::InsertColumns;
            context.group_by_key_columns = lookup == CatalogLookups::GroupByKeys;
            context.sequence_relations = lookup == CatalogLookups::Sequences;
            context.always_deparse = sql::HasUnicodeEscapes(statement.text);
            auto rewrite = sql::RewriteForDuckDb(*statement.tree, context);
            rewritten = std::move(rewrite.text);
            // The sequences of serial columns must exist before DuckDB binds the CREATE TABLE that names them (it binds
            // the nextval defaults when it prepares): created here, if they do not exist yet. The rest of the effects
            // wait for the statement to run. In a read-only transaction nothing may be created, even by a Parse.
            if (!rewrite.effects.before.empty() && lent_.read_only) {
                throw SqlError("25006", "cannot execute " + statement.tag + " in a read-only transaction");
            }
            for (const auto &sql : rewrite.effects.before) {
                Engine().Run(sql);
            }
            Engine().EnsureTypmodAliases(rewrite.effects.typmod_types);
            effects = std::move(rewrite.effects);
            effects.before.clear();
        }
        // The tables of a data-modifying WITH's rows exist while DuckDB binds the statement, empty; each run makes
        // them again (DuckDB binds the statement again then).
        for (const auto &capture : effects.captures) {
            if (!capture.create.empty()) {
                Engine().Run(capture.create);
            }
        }
        struct DropCaptures {
            StatementWork &work;
            const std::vector<std::string> &drops;
            ~DropCaptures() {
                for (const auto &sql : drops) {
                    try {
                        work.Engine().Run(sql);
                    } catch (const SqlError &) {
                        // an aborted transaction drops them with its rollback
                    }
                }
            }
        } drop_captures{*this, effects.captures.empty() ? kNoStatements : effects.after};
        // SQL PREPARE / EXECUTE / DEALLOCATE are not cached: a cached EXECUTE would keep running the
        // statement DEALLOCATE removed.
        const bool cache = !statement.Is<sql::PrepareStatement>() && !statement.Is<sql::ExecuteStatement>() &&
                           !statement.Is<sql::DeallocateStatement>();
        auto prepare = [&](const std::string &sql) {
            auto prepared = cache ? Engine().PrepareCached(sql)
                                  : std::make_shared<engine::PreparedStatement>(Engine().Prepare(sql));
            // What DuckDB will run, as DuckDB itself classifies it: the statement types the user may not run are
            // refused before anything executes.
            engine::CheckStatementType(duckdb_prepared_statement_type(prepared->handle.Get()),
                                       statement.tree != nullptr, statement.tag, lent_.login.access.rights);
            return prepared;
        };
        if (!rewritten) {
            return prepare(statement.text);
        }
        try {
            return prepare(*rewritten);
        } catch (SqlError &error) {
            if (error.sqlstate != "42601") {
                error.position = 0; // positions refer to the rewritten text
                throw;
            }
            // DuckDB's grammar does not take the deparsed form: run the statement as written.
            spdlog::debug("DuckDB rejected the rewritten statement ({}), running it as written: {}", error.what(),
                          *rewritten);
            return prepare(statement.text);
        }
    };
    try {
        return attempt(CatalogLookups::None);
    } catch (const SqlError &error) {
        // Only a statement DuckDB refused pays for the catalog lookups that may fix it.
        const auto lookup = LookupsToRetry(statement, error);
        if (lookup == CatalogLookups::None) {
            throw;
        }
        return attempt(lookup);
    }
}

bool StatementWork::Start(ResultStream &execution, const sql::ParsedStatement &statement,
                          const std::vector<types::OwnedValue> *parameters,
                          const std::vector<int16_t> &result_formats) {
    MaterializeOpenStreams();
    if (!execution.prepared) {
        execution.prepared = Prepare(statement, execution.effects);
    }
    if (!execution.effects.setting_changes.empty()) {
        return false; // set_config(): the session's settings change first, on its thread
    }
    for (const auto &notice : execution.effects.notices) {
        Notice("NOTICE", "00000", notice);
    }
    // A data-modifying WITH, foreign key actions: their statements and this one are one transaction, as PostgreSQL's
    // one statement.
    const bool own_transaction =
        (!execution.effects.captures.empty() || !execution.effects.foreign_keys.empty()) && !lent_.in_transaction;
    if (own_transaction) {
        Engine().Run("BEGIN TRANSACTION");
    }
    std::vector<std::string> owned_sequences;
    try {
        RunCaptures(execution.effects.captures, parameters);
        RunCaptures(execution.effects.foreign_keys.before, parameters);
        BindParameters(*execution.prepared, parameters, !execution.effects.captures.empty());
        ApplySequenceEffects(execution.effects);
        // A serial column's sequence belongs to its table in PostgreSQL and goes with it.
        owned_sequences = SerialSequencesOf(statement);
        ExecuteRetryingConflicts(execution, statement);
        NoteNextvalSource(statement);
        const bool restarts = statement.tree && statement.tree->has_truncate_stmt();
        if (!owned_sequences.empty() || !execution.effects.after.empty() || own_transaction || restarts ||
            !execution.effects.foreign_keys.empty()) {
            execution.result->Materialize(); // the statement finishes before the next one runs
        }
        RunCaptures(execution.effects.foreign_keys.after, nullptr);
        for (const auto &sequence : owned_sequences) {
            Engine().Run("DROP SEQUENCE IF EXISTS " + sequence);
        }
        for (const auto &sql : execution.effects.after) {
            Engine().Run(sql);
        }
        if (own_transaction) {
            Engine().Run("COMMIT");
        }
    } catch (const SqlError &) {
        if (own_transaction) {
            try {
                Engine().Run("ROLLBACK");
            } catch (const SqlError &) {
                // DuckDB ended it already
            }
        }
        throw;
    }
    RestartIdentities(statement);
    execution.started = true;
    auto kind = execution.result->Kind();
    if (kind == engine::ResultKind::Rows && statement.tree && !statement.returns_rows) {
        // PostgreSQL sends no rows for this statement (DuckDB answers CHECKPOINT, for one,
        // with a result set): count them for the tag and drop them.
        while (auto chunk = execution.result->Fetch()) {
            execution.changed_rows += duckdb_data_chunk_get_size(chunk.Get());
        }
        return true;
    }
    switch (kind) {
    case engine::ResultKind::Rows:
        execution.encoder =
            std::make_unique<ResultEncoder>(*execution.result, TextOptions(), statement.column_names, result_formats);
        break;
    case engine::ResultKind::ChangedRows:
        if (!execution.changed_rows_read) {
            execution.changed_rows = execution.result->ReadChangedRows();
        }
        break;
    case engine::ResultKind::Nothing:
        while (execution.result->Fetch()) {
        }
        break;
    }
    return true;
}

void StatementWork::RunCaptures(const std::vector<sql::CapturedRows> &captures,
                                const std::vector<types::OwnedValue> *parameters) {
    for (const auto &capture : captures) {
        if (!capture.create.empty()) {
            Engine().Run(capture.create);
        }
        auto prepared = Engine().Prepare(capture.run);
        BindParameters(prepared, parameters, true);
        auto result = Engine().Execute(prepared);
        if (capture.table.empty()) {
            while (result->Fetch()) {
            }
            continue;
        }
        engine::TableAppender appender(Engine().Handle(), "main", capture.table, {}, "temp");
        while (auto chunk = result->Fetch()) {
            appender.AppendChunk(chunk.Get());
        }
        appender.Close();
    }
}

void StatementWork::ExecuteRetryingConflicts(ResultStream &execution, const sql::ParsedStatement &statement) {
    // An autocommit INSERT/UPDATE/DELETE/MERGE that collides with another transaction's write:
    // PostgreSQL waits for that transaction and goes on, DuckDB fails at once (40001). Nothing was
    // sent or committed yet, so it runs again after a pause, for as long as kConflictWaitLimit.
    const bool retryable = !lent_.in_transaction && !statement.returns_rows && execution.effects.captures.empty() &&
                           execution.effects.foreign_keys.empty() &&
                           (statement.tag == "INSERT" || statement.tag == "UPDATE" || statement.tag == "DELETE" ||
                            statement.tag == "MERGE");
    constexpr auto kConflictWaitLimit = std::chrono::seconds(10);
    constexpr auto kLongestPause = std::chrono::milliseconds(20);
    auto pause = std::chrono::microseconds(200);
    const auto deadline = std::chrono::steady_clock::now() + kConflictWaitLimit;
    while (true) {
        try {
            execution.result = Engine().Execute(*execution.prepared);
            if (retryable && execution.result->Kind() == engine::ResultKind::ChangedRows) {
                // Reading the count finishes the statement, and its commit can conflict too.
                execution.changed_rows = execution.result->ReadChangedRows();
                execution.changed_rows_read = true;
            }
            return;
        } catch (const SqlError &error) {
            if (!retryable || error.sqlstate != "40001" || std::chrono::steady_clock::now() + pause > deadline) {
                throw;
            }
        }
        execution.result.reset();
        std::this_thread::sleep_for(pause);
        pause = std::min<std::chrono::microseconds>(pause * 2, kLongestPause);
    }
}

std::vector<std::string> StatementWork::SerialSequencesOf(const sql::ParsedStatement &statement) {
    std::vector<std::string> sequences;
    if (!statement.tree || !statement.tree->has_drop_stmt() ||
        statement.tree->drop_stmt().remove_type() != pg_query::OBJECT_TABLE) {
        return sequences;
    }
    engine::CatalogLookup catalog(Engine());
    for (const auto &object : statement.tree->drop_stmt().objects()) {
        if (!object.has_list() || object.list().items_size() == 0) {
            continue;
        }
        const auto &items = object.list().items();
        const std::string table = items[items.size() - 1].string().sval();
        const std::string schema = items.size() >= 2 ? items[items.size() - 2].string().sval() : "";
        auto owned = catalog.SerialSequencesOf(schema, table);
        sequences.insert(sequences.end(), owned.begin(), owned.end());
    }
    return sequences;
}

std::vector<StatementWork::DependentView> StatementWork::DependentViews(const pg_query::DropStmt &drop) {
    MaterializeOpenStreams();
    const std::string kind = drop.remove_type() == pg_query::OBJECT_VIEW ? "view " : "table ";
    // (schema, name, how messages name it) of the relations that go; views join as they are found to depend.
    struct Gone {
        std::string schema;
        std::string name;
        std::string display;
    };
    std::vector<Gone> gone;
    for (const auto &object : drop.objects()) {
        if (object.has_list() && object.list().items_size() > 0) {
            const auto &items = object.list().items();
            const std::string name = items[items.size() - 1].string().sval();
            gone.push_back({items.size() >= 2 ? items[items.size() - 2].string().sval() : "", name, kind + name});
        }
    }
    auto views = engine::CatalogLookup(Engine()).Views();
    std::vector<bool> taken(views.size(), false);
    std::vector<DependentView> dependents;
    for (size_t next = 0; next < gone.size(); next++) {
        for (size_t i = 0; i < views.size(); i++) {
            const auto &view = views[i];
            const bool itself =
                view[1] == gone[next].name && (gone[next].schema.empty() || view[0] == gone[next].schema);
            if (taken[i] || itself || !sql::ViewReadsRelation(view[2], gone[next].schema, gone[next].name)) {
                continue;
            }
            taken[i] = true;
            dependents.push_back(
                {QuoteIdentifier(view[0]) + "." + QuoteIdentifier(view[1]), "view " + view[1], gone[next].display});
            gone.push_back({view[0], view[1], "view " + view[1]});
        }
    }
    return dependents;
}

bool StatementWork::Exists(const sql::ExistenceCheck &check) {
    MaterializeOpenStreams();
    return engine::CatalogLookup(Engine()).Exists(check.Object()).value_or(true); // unknown counts as existing
}

std::vector<std::string> StatementWork::ObjectsInSchema(const std::string &schema) {
    MaterializeOpenStreams();
    return engine::CatalogLookup(Engine()).ObjectsInSchema(schema);
}

} // namespace duckgres::session
