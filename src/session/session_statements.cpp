// Statements of Session run on DuckDB: rewrite and prepare, execute, stream the rows, and the notices around them.
#include "session/session.hpp"

#include "common/ascii.hpp"
#include "common/sql_quote.hpp"
#include "engine/catalog_lookup.hpp"
#include "engine/statement_type_access.hpp"
#include "session/rewrite_settings.hpp"
#include "session/search_path_tables.hpp"
#include "sql/command_tag.hpp"
#include "sql/existence_checks.hpp"
#include "sql/rewriter.hpp"

#include <spdlog/spdlog.h>
#include <thread>

namespace duckgres::session {

namespace {

//! Tag for statements PostgreSQL's grammar could not classify, from DuckDB's statement type.
std::pair<std::string, bool> TagFromDuckDb(duckdb_statement_type type) {
    switch (type) {
    case DUCKDB_STATEMENT_TYPE_SELECT:
        return {"SELECT", true};
    case DUCKDB_STATEMENT_TYPE_INSERT:
        return {"INSERT", true};
    case DUCKDB_STATEMENT_TYPE_UPDATE:
        return {"UPDATE", true};
    case DUCKDB_STATEMENT_TYPE_DELETE:
        return {"DELETE", true};
    case DUCKDB_STATEMENT_TYPE_EXPLAIN:
        return {"EXPLAIN", false};
    case DUCKDB_STATEMENT_TYPE_CREATE:
        return {"CREATE", false};
    case DUCKDB_STATEMENT_TYPE_DROP:
        return {"DROP", false};
    case DUCKDB_STATEMENT_TYPE_ALTER:
        return {"ALTER", false};
    case DUCKDB_STATEMENT_TYPE_COPY:
        return {"COPY", true};
    case DUCKDB_STATEMENT_TYPE_PRAGMA:
        return {"PRAGMA", false};
    case DUCKDB_STATEMENT_TYPE_ATTACH:
        return {"ATTACH", false};
    case DUCKDB_STATEMENT_TYPE_DETACH:
        return {"DETACH", false};
    case DUCKDB_STATEMENT_TYPE_LOAD:
        return {"LOAD", false};
    case DUCKDB_STATEMENT_TYPE_CALL:
        return {"CALL", false};
    case DUCKDB_STATEMENT_TYPE_VARIABLE_SET:
        return {"SET", false};
    default:
        return {"OK", false};
    }
}

} // namespace

sql::RewriteContext Session::RewriteContextFor(const WorkerToken &token,
                                               const std::map<int32_t, std::string> &parameter_casts) {
    sql::RewriteContext context;
    context.user = login_.user;
    context.backend_pid = process_id_;
    context.parameter_casts = parameter_casts;
    context.creation_schema = creation_schema_;
    context.tables = std::make_shared<SearchPathTables>(Engine(token),
                                                        SearchPathSchemas(*settings_.Get("search_path"), login_.user));
    context.settings = std::make_shared<RewriteSettings>(settings_, !tx_.IsIdle());
    context.engine_settings = login_.access.rights.engine;
    return context;
}

std::shared_ptr<engine::PreparedStatement>
Session::PrepareGeneric(const WorkerToken &token, const sql::ParsedStatement &statement, sql::RewriteEffects &effects,
                        const std::map<int32_t, std::string> &parameter_casts) {
    if (auto macro = sql::CreatedMacroName(statement)) {
        // The shared catalog's views call DuckDB's and Duckgres' functions unqualified: a user's macro of such a
        // name would stand in for it in every session's catalog queries.
        if (engine::CatalogLookup(Engine(token)).IsSystemFunction(*macro)) {
            throw SqlError("42723", "function \"" + *macro + "\" already exists",
                           "DuckDB or the catalog defines a function of this name; choose another name.");
        }
    }
    std::optional<std::string> rewritten;
    effects = {};
    if (statement.tree) {
        auto rewrite = sql::RewriteForDuckDb(*statement.tree, RewriteContextFor(token, parameter_casts));
        rewritten = std::move(rewrite.text);
        // The sequences of serial columns must exist before DuckDB binds the CREATE TABLE that names them (it binds
        // the nextval defaults when it prepares): created here, if they do not exist yet. The rest of the effects
        // wait for the statement to run.
        for (const auto &sql : rewrite.effects.before) {
            Engine(token).Run(sql);
        }
        effects = std::move(rewrite.effects);
        effects.before.clear();
    }
    // SQL PREPARE / EXECUTE / DEALLOCATE are not cached: a cached EXECUTE would keep running the
    // statement DEALLOCATE removed.
    const bool cache = !statement.Is<sql::PrepareStatement>() && !statement.Is<sql::ExecuteStatement>() &&
                       !statement.Is<sql::DeallocateStatement>();
    auto prepare = [&](const std::string &sql) {
        auto prepared = cache ? Engine(token).PrepareCached(sql)
                              : std::make_shared<engine::PreparedStatement>(Engine(token).Prepare(sql));
        // What DuckDB will run, as DuckDB itself classifies it: the statement types the user may not run are
        // refused before anything executes.
        engine::CheckStatementType(duckdb_prepared_statement_type(prepared->handle.Get()), statement.tree != nullptr,
                                   statement.tag, login_.access.rights);
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
}

void Session::ApplyEffects(const WorkerToken &token, const sql::RewriteEffects &effects) {
    for (const auto &change : effects.setting_changes) {
        ChangeSetting(AsciiLower(change.name), change.value, change.is_local); // set_config()
        ApplySettings(token);
    }
    for (const auto &notice : effects.notices) {
        WriteNotice("NOTICE", "00000", notice);
    }
}

void Session::StartExecution(const WorkerToken &token, ResultStream &execution, const sql::ParsedStatement &statement,
                             const std::vector<types::OwnedValue> &parameters,
                             const std::vector<int16_t> &result_formats) {
    // DuckDB streams one result per connection: a suspended portal is read into memory first.
    MaterializeOpenPortals(token);
    if (!execution.prepared) {
        execution.prepared = PrepareGeneric(token, statement, execution.effects);
    }
    ApplyEffects(token, execution.effects);
    auto handle = execution.prepared->handle.Get();
    duckdb_clear_bindings(handle);
    for (size_t i = 0; i < parameters.size(); i++) {
        if (duckdb_bind_value(handle, i + 1, parameters[i].Get()) != DuckDBSuccess) {
            throw SqlError("22P02", "could not bind parameter $" + std::to_string(i + 1));
        }
    }
    // A serial column's sequence belongs to its table in PostgreSQL and goes with it.
    auto owned_sequences = SerialSequencesOf(token, statement);
    ExecuteRetryingConflicts(token, execution, statement);
    for (const auto &sequence : owned_sequences) {
        Engine(token).Run("DROP SEQUENCE IF EXISTS " + sequence);
    }
    execution.started = true;
    auto kind = execution.result->Kind();
    if (kind == engine::ResultKind::Rows && statement.tree && !statement.returns_rows) {
        // PostgreSQL sends no rows for this statement (DuckDB answers CHECKPOINT, for one,
        // with a result set): count them for the tag and drop them.
        while (auto chunk = execution.result->Fetch()) {
            execution.changed_rows += duckdb_data_chunk_get_size(chunk.Get());
        }
        return;
    }
    switch (kind) {
    case engine::ResultKind::Rows:
        execution.encoder =
            std::make_unique<ResultEncoder>(*execution.result, text_options_, statement.column_names, result_formats);
        return;
    case engine::ResultKind::ChangedRows:
        if (!execution.changed_rows_read) {
            execution.changed_rows = execution.result->ReadChangedRows();
        }
        return;
    case engine::ResultKind::Nothing:
        while (execution.result->Fetch()) {
        }
        return;
    }
}

void Session::ExecuteRetryingConflicts(const WorkerToken &token, ResultStream &execution,
                                       const sql::ParsedStatement &statement) {
    // An autocommit INSERT/UPDATE/DELETE/MERGE that collides with another transaction's write:
    // PostgreSQL waits for that transaction and goes on, DuckDB fails at once (40001). Nothing was
    // sent or committed yet, so it runs again after a pause, for as long as kConflictWaitLimit.
    const bool retryable = tx_.IsIdle() && !statement.returns_rows &&
                           (statement.tag == "INSERT" || statement.tag == "UPDATE" || statement.tag == "DELETE" ||
                            statement.tag == "MERGE");
    constexpr auto kConflictWaitLimit = std::chrono::seconds(10);
    constexpr auto kLongestPause = std::chrono::milliseconds(20);
    auto pause = std::chrono::microseconds(200);
    const auto deadline = std::chrono::steady_clock::now() + kConflictWaitLimit;
    while (true) {
        try {
            execution.result = Engine(token).Execute(*execution.prepared);
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

asio::awaitable<EncodeStatus> Session::StreamRows(ResultStream &execution, uint64_t max_rows,
                                                  const std::function<void(const WorkerToken &)> *start) {
    auto &out = stream_.Out();
    bool first = true;
    uint64_t before = 0;
    while (true) {
        // The first hand-off to a worker also starts the statement: a small result costs one.
        ThrowIfCanceled();
        auto status = co_await context_.workers.Run([&](const WorkerToken &token) {
            if (first) {
                first = false;
                if (start && *start) {
                    (*start)(token);
                }
                if (!execution.encoder) {
                    return EncodeStatus::Finished;
                }
                before = execution.encoder->RowCount();
            }
            uint64_t remaining = max_rows == 0 ? 0 : max_rows - (execution.encoder->RowCount() - before);
            return execution.encoder->EncodeRows(out, kFlushBudget, remaining);
        });
        if (status != EncodeStatus::BudgetFull) {
            execution.rows_this_run = execution.encoder ? execution.encoder->RowCount() - before : 0;
            co_return status;
        }
        co_await stream_.Flush();
    }
}

std::string Session::CommandTag(const sql::ParsedStatement &statement, const ResultStream &execution,
                                uint64_t rows) const {
    std::string tag = statement.tag;
    bool has_rows = statement.tag_has_rows;
    if (tag.empty()) {
        std::tie(tag, has_rows) = TagFromDuckDb(execution.result->StatementType());
    }
    return sql::FormatCommandTag(tag, has_rows, rows);
}

std::vector<std::string> Session::SerialSequencesOf(const WorkerToken &token, const sql::ParsedStatement &statement) {
    std::vector<std::string> sequences;
    if (!statement.tree || !statement.tree->has_drop_stmt() ||
        statement.tree->drop_stmt().remove_type() != pg_query::OBJECT_TABLE) {
        return sequences;
    }
    engine::CatalogLookup catalog(*connection_);
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

bool Session::Exists(const WorkerToken &token, const sql::ExistenceCheck &check) {
    MaterializeOpenPortals(token);
    return engine::CatalogLookup(Engine(token)).Exists(check.Object()).value_or(true); // unknown counts as existing
}

asio::awaitable<void> Session::WriteSkippingNotices(const sql::ParsedStatement &statement) {
    if (!statement.tree) {
        co_return;
    }
    // DROP ... IF EXISTS / CREATE ... IF NOT EXISTS: DuckDB skips silently, PostgreSQL says so.
    auto checks = sql::ExistenceChecks(*statement.tree);
    // DROP SCHEMA ... CASCADE: PostgreSQL names what goes with the schema.
    std::vector<std::string> cascaded_schemas;
    if (statement.tree->has_drop_stmt() && statement.tree->drop_stmt().remove_type() == pg_query::OBJECT_SCHEMA &&
        statement.tree->drop_stmt().behavior() == pg_query::DROP_CASCADE) {
        for (const auto &object : statement.tree->drop_stmt().objects()) {
            if (object.has_string()) {
                cascaded_schemas.push_back(object.string().sval());
            }
        }
    }
    if (checks.empty() && cascaded_schemas.empty()) {
        co_return;
    }
    co_await context_.workers.Run([&](const WorkerToken &token) {
        for (const auto &check : checks) {
            if (Exists(token, check) == check.creating) {
                WriteNotice("NOTICE", check.Sqlstate(), check.Message());
            }
        }
        std::vector<std::string> objects;
        for (const auto &schema : cascaded_schemas) {
            auto in_schema = ObjectsInSchema(token, schema);
            objects.insert(objects.end(), in_schema.begin(), in_schema.end());
        }
        if (objects.size() == 1) {
            WriteNotice("NOTICE", "00000", "drop cascades to " + objects[0]);
        } else if (objects.size() > 1) {
            std::string detail;
            for (const auto &object : objects) {
                detail += (detail.empty() ? "" : "\n") + ("drop cascades to " + object);
            }
            WriteNotice("NOTICE", "00000", "drop cascades to " + std::to_string(objects.size()) + " other objects",
                        detail);
        }
    });
}

std::vector<std::string> Session::ObjectsInSchema(const WorkerToken &token, const std::string &schema) {
    MaterializeOpenPortals(token);
    return engine::CatalogLookup(Engine(token)).ObjectsInSchema(schema);
}

asio::awaitable<void> Session::RunGeneric(const sql::ParsedStatement &statement) {
    co_await WriteSkippingNotices(statement);
    if (statement.tree) {
        auto parts = sql::SplitMultiObjectDrop(*statement.tree);
        if (!parts.empty()) {
            for (const auto &part : parts) {
                co_await RunInternal(part.c_str());
            }
            WriteComplete(statement.tag);
            co_return;
        }
    }
    ResultStream execution;
    co_await current_->Admit();

    std::function<void(const WorkerToken &)> start = [&](const WorkerToken &token) {
        // Through Execute (SQL EXECUTE sent with Parse/Bind), rows take the formats Bind asked for; Parse described
        // no columns for it, so the RowDescription comes here.
        StartExecution(token, execution, statement, {}, current_->ResultFormats());
        if (execution.encoder) {
            execution.encoder->WriteRowDescription(stream_.Out());
        }
    };
    co_await StreamRows(execution, 0, &start);
    uint64_t rows = execution.encoder ? execution.rows_this_run : execution.changed_rows;
    WriteComplete(CommandTag(statement, execution, rows));
}

asio::awaitable<void> Session::DeallocateAll() {
    prepared_.clear();
    for (const auto &entry : sql_prepared_) {
        const std::string deallocate = "DEALLOCATE " + QuoteIdentifier(entry.first);
        co_await RunInternal(deallocate.c_str());
    }
    sql_prepared_.clear();
}

} // namespace duckgres::session
