// SQL cursors of Session: DECLARE, FETCH, MOVE and CLOSE, kept as portals (they share one namespace).
#include "session/session.hpp"

#include "common/internal_fault.hpp"
#include "common/wall_clock.hpp"
#include "sql/command_tag.hpp"
#include "sql/rewriter.hpp"

namespace duckgres::session {

namespace {

std::string Quoted(const std::string &name) {
    return "\"" + name + "\"";
}

//! Starts a cursor's query, made at DECLARE (whose rewrite's effects were made then: its execution has none).
void StartCursor(StatementWork &work, Portal &portal) {
    const bool started = work.Start(portal.execution, portal.source->statement, nullptr, portal.result_formats);
    DG_ASSERT(started);
}

} // namespace

asio::awaitable<void> Session::DeclareCursor(const sql::ParsedStatement &statement,
                                             const sql::DeclareCursorStatement &declare) {
    const auto &name = declare.name;
    if (portals_.count(name)) {
        throw SqlError("42P03", "cursor " + Quoted(name) + " already exists");
    }
    if (tx_.IsIdle() && !declare.hold) {
        throw SqlError("25P01", "DECLARE CURSOR can only be used in transaction blocks");
    }
    auto entry = std::make_shared<PreparedEntry>();
    entry->statement.tag = "SELECT";
    entry->statement.tag_has_rows = true;
    entry->statement.returns_rows = true;
    entry->statement.column_names = statement.column_names;
    Portal portal;
    portal.source = entry;
    portal.sql_cursor = true;
    portal.declare_text = statement.text;
    portal.created_micros = UnixMicros();
    portal.hold = declare.hold;
    if (declare.binary) {
        portal.result_formats = {1};
    }
    // Describe (of the cursor as a portal, as psycopg does) needs the columns before FETCH.
    auto effects = co_await OnWorker([&](StatementWork &work) {
        auto query = sql::RewriteCursorQuery(*statement.tree, work.RewriteContextFor());
        work.Engine().EnsureTypmodAliases(query.effects.typmod_types);
        entry->statement.text = std::move(*query.text);
        work.MaterializeOpenStreams();
        entry->prepared = work.Prepare(entry->statement, entry->effects);
        StatementWork::Describe(*entry);
        for (const auto &notice : query.effects.notices) {
            work.Notice("NOTICE", "00000", notice);
        }
        return std::move(query.effects);
    });
    // The cursor's query runs from DECLARE on: its rewrite's set_config() changes are made now.
    co_await ApplySettingChanges(effects);
    if (portal.hold) {
        // A held cursor outlives the transaction (and DuckDB's stream): read its rows now.
        co_await OnWorker([&](StatementWork &work) {
            StartCursor(work, portal);
            if (portal.execution.result) {
                portal.execution.result->Materialize();
            }
        });
    }
    portals_.emplace(name, std::move(portal));
    WriteComplete(statement.tag);
}

void Session::CloseCursor(const sql::ParsedStatement &statement, const sql::CloseCursorStatement &close) {
    const auto &name = close.name;
    if (name.empty()) {
        std::erase_if(portals_, [](const auto &item) { return item.second.sql_cursor; });
    } else if (!portals_.erase(name)) {
        throw SqlError("34000", "cursor " + Quoted(name) + " does not exist");
    }
    WriteComplete(statement.tag);
}

asio::awaitable<void> Session::FetchCursor(const sql::ParsedStatement &statement, const sql::FetchStatement &fetch) {
    const auto &name = fetch.cursor;
    auto found = portals_.find(name);
    if (found == portals_.end()) {
        throw SqlError("34000", "cursor " + Quoted(name) + " does not exist");
    }
    if (fetch.backward) {
        throw SqlError("0A000", "only FETCH FORWARD is supported: cursors are NO SCROLL");
    }
    auto &portal = found->second;
    auto source = portal.source;
    if (!portal.execution.started) {
        portal.execution.prepared = source->prepared;
        co_await OnWorker([&](StatementWork &work) { StartCursor(work, portal); });
    }
    // Through the extended protocol the RowDescription comes from Describe, not from Execute,
    // and the formats are those of the portal running FETCH; otherwise the cursor's own.
    bool describe = current_->Mode().portal_formats == nullptr;
    if (portal.execution.encoder) {
        portal.execution.encoder->SetFormats(describe ? portal.result_formats : current_->ResultFormats());
    }
    uint64_t rows = 0;
    if (portal.execution.encoder && !portal.finished) {
        if (fetch.move) {
            co_await OnWorker([&](StatementWork &) {
                std::string discarded;
                uint64_t before = portal.execution.encoder->RowCount();
                auto limit = static_cast<uint64_t>(fetch.count);
                while (portal.execution.encoder->EncodeRows(discarded, kFlushBudget, limit) ==
                       EncodeStatus::BudgetFull) {
                    discarded.clear();
                    limit = fetch.count == 0
                                ? 0
                                : static_cast<uint64_t>(fetch.count) - (portal.execution.encoder->RowCount() - before);
                }
                rows = portal.execution.encoder->RowCount() - before;
            });
        } else {
            if (describe) {
                portal.execution.encoder->WriteRowDescription(stream_.Out());
            }
            auto status = co_await StreamRows(portal.execution, static_cast<uint64_t>(fetch.count));
            rows = portal.execution.rows_this_run;
            portal.finished = status == EncodeStatus::Finished;
        }
    } else if (!fetch.move && describe && portal.execution.encoder) {
        portal.execution.encoder->WriteRowDescription(stream_.Out());
    }
    WriteComplete(sql::FormatCommandTag(statement.tag, true, rows));
}

} // namespace duckgres::session
