// Statements of Session run on DuckDB: their start, the rows streamed, the notices around them and the command tag.
#include "session/session.hpp"

#include "common/sql_quote.hpp"
#include "sql/command_tag.hpp"
#include "sql/constraint_metadata.hpp"
#include "sql/existence_checks.hpp"

#include <optional>

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

asio::awaitable<EncodeStatus> Session::StreamRows(ResultStream &execution, uint64_t max_rows,
                                                  const StartFunction *start) {
    bool first = true;
    uint64_t before = 0;
    while (true) {
        // The first hand-off to a worker also starts the statement: a small result costs one.
        ThrowIfCanceled();
        auto status = co_await OnWorker([&](StatementWork &work) -> std::optional<EncodeStatus> {
            if (first) {
                if (start && *start && !(*start)(work)) {
                    return std::nullopt;
                }
                first = false;
                if (!execution.encoder) {
                    return EncodeStatus::Finished;
                }
                before = execution.encoder->RowCount();
            }
            uint64_t remaining = max_rows == 0 ? 0 : max_rows - (execution.encoder->RowCount() - before);
            return execution.encoder->EncodeRows(work.Out(), kFlushBudget, remaining);
        });
        if (!status) {
            co_await ApplySettingChanges(execution.effects); // then the start goes on
            continue;
        }
        if (*status != EncodeStatus::BudgetFull) {
            execution.rows_this_run = execution.encoder ? execution.encoder->RowCount() - before : 0;
            co_return *status;
        }
        if (capture_depth_ == 0) {
            co_await stream_.Flush();
        } else if (stream_.Out().size() > kCapturedOutputLimit) {
            // A DO block's statements keep their rows until it has read them: bounded, or one PERFORM of a large
            // query would hold the whole result in the server's memory.
            throw SqlError("54000", "result of a statement in a DO block is too large", "",
                           "A DO block reads at most 64 MiB of rows at once; use LIMIT or a FOR loop over a "
                           "smaller query.");
        }
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
    // DROP TABLE / VIEW: DuckDB leaves the views that read the relation broken; PostgreSQL refuses (2BP01), or drops
    // them too with CASCADE.
    const pg_query::DropStmt *drop_relation = nullptr;
    if (statement.tree->has_drop_stmt() && (statement.tree->drop_stmt().remove_type() == pg_query::OBJECT_TABLE ||
                                            statement.tree->drop_stmt().remove_type() == pg_query::OBJECT_VIEW)) {
        drop_relation = &statement.tree->drop_stmt();
    }
    if (checks.empty() && cascaded_schemas.empty() && !drop_relation) {
        co_return;
    }
    std::vector<std::string> cascaded_views;
    co_await OnWorker([&](StatementWork &work) {
        for (const auto &check : checks) {
            if (work.Exists(check) == check.creating) {
                work.Notice("NOTICE", check.Sqlstate(), check.Message());
            }
        }
        std::vector<std::string> objects;
        if (drop_relation) {
            auto dependents = work.DependentViews(*drop_relation);
            if (!dependents.empty() && drop_relation->behavior() != pg_query::DROP_CASCADE) {
                std::string detail;
                for (const auto &view : dependents) {
                    detail += (detail.empty() ? "" : "\n") + view.name + " depends on " + view.depends;
                }
                throw SqlError("2BP01", "cannot drop " + dependents[0].depends + " because other objects depend on it",
                               detail, "Use DROP ... CASCADE to drop the dependent objects too.");
            }
            for (const auto &view : dependents) {
                objects.push_back(view.name);
                cascaded_views.push_back(view.qualified);
            }
        }
        for (const auto &schema : cascaded_schemas) {
            auto in_schema = work.ObjectsInSchema(schema);
            objects.insert(objects.end(), in_schema.begin(), in_schema.end());
        }
        if (objects.size() == 1) {
            work.Notice("NOTICE", "00000", "drop cascades to " + objects[0]);
        } else if (objects.size() > 1) {
            std::string detail;
            for (const auto &object : objects) {
                detail += (detail.empty() ? "" : "\n") + ("drop cascades to " + object);
            }
            work.Notice("NOTICE", "00000", "drop cascades to " + std::to_string(objects.size()) + " other objects",
                        detail);
        }
    });
    if (!cascaded_views.empty() && tx_.IsIdle()) {
        co_await BeginImplicit(); // the views go with the relation, or stay with it
    }
    for (auto view = cascaded_views.rbegin(); view != cascaded_views.rend(); ++view) {
        const std::string sql = "DROP VIEW IF EXISTS " + *view;
        co_await RunInternal(sql.c_str());
    }
}

asio::awaitable<void> Session::RunGeneric(const sql::ParsedStatement &statement) {
    // The write lock before anything runs: WriteSkippingNotices may drop views, which taking the lock afterwards would
    // roll back with the transaction it restarts.
    co_await current_->Admit();
    co_await WriteSkippingNotices(statement);
    if (statement.tree) {
        const bool constraint_change =
            sql::ConstraintChange(*statement.tree) != nullptr || sql::RenamesConstraint(*statement.tree);
        auto parts = sql::SplitIntoSingleStatements(*statement.tree);
        if (!parts.empty() || constraint_change) {
            if (tx_.IsIdle()) {
                co_await BeginImplicit(); // all or nothing, as PostgreSQL's one statement
            }
            tx_.NoteReplayStep(ReplayStep{"", nullptr, "", statement.tag}); // not kept: no replay passes over it
            if (constraint_change) {
                co_await OnWorker([&](StatementWork &work) { work.ChangeConstraints(statement); });
            }
            sql::RewriteEffects foreign_keys;
            co_await OnWorker([&](StatementWork &work) { foreign_keys = work.ForeignKeyEffects(statement); });
            for (const auto &part : parts) {
                co_await RunInternal(part.c_str());
            }
            co_await OnWorker([&](StatementWork &work) { work.RunForeignKeyFollowUps(foreign_keys); });
            co_await OnWorker([&](StatementWork &work) { work.RestartIdentities(statement); });
            WriteComplete(statement.tag);
            co_return;
        }
    }
    ResultStream execution;

    // Through Execute (SQL EXECUTE sent with Parse/Bind), rows take the formats Bind asked for; Parse described no
    // columns for it, so the RowDescription comes here.
    const auto &formats = current_->ResultFormats();
    StartFunction start = [&](StatementWork &work) {
        if (!work.Start(execution, statement, nullptr, formats)) {
            return false;
        }
        if (execution.encoder) {
            execution.encoder->WriteRowDescription(work.Out());
        }
        return true;
    };
    co_await StreamRows(execution, 0, &start);
    NoteReplayStep(statement, execution, nullptr);
    co_await NoteCommitActions(execution.effects);
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
