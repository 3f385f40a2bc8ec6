// The extended query protocol of Session: Parse, Bind, Describe, Execute, Close, Sync, Flush.
#include "session/row_description.hpp"
#include "session/session.hpp"

#include "common/ascii.hpp"

#include "common/internal_fault.hpp"
#include "sql/command_tag.hpp"
#include "sql/rewriter.hpp"
#include "sql/statement_parser.hpp"
#include "types/pg_type.hpp"
#include "types/type_mapping.hpp"
#include "wire/protocol_error.hpp"

#include <spdlog/spdlog.h>

namespace duckgres::session {

namespace {

//! A statement calling lastval() inlines the sequence the session drew from last, which the next statement may change:
//! it is described again at every Parse.
bool CallsLastval(const std::string &query) {
    return AsciiLower(query).find("lastval") != std::string::npos;
}

std::string Quoted(const std::string &name) {
    return "\"" + name + "\"";
}

//! 26000, in PostgreSQL's words for the unnamed statement and for a named one.
SqlError NoSuchStatement(const std::string &name) {
    return SqlError("26000", name.empty() ? std::string("unnamed prepared statement does not exist")
                                          : "prepared statement " + Quoted(name) + " does not exist");
}

} // namespace

asio::awaitable<void> Session::HandleExtendedMessage(wire::FrontendType type, std::span<const uint8_t> payload) {
    switch (type) {
    case wire::FrontendType::Parse: {
        auto message = wire::ParseParse(payload);
        co_await HandleParse(message);
        break;
    }
    case wire::FrontendType::Bind: {
        // As PostgreSQL: the statement is looked up before the rest of the message is read.
        if (auto target = wire::ParseBindTarget(payload); !prepared_.count(target.statement)) {
            throw NoSuchStatement(target.statement);
        }
        auto message = wire::ParseBind(payload);
        co_await HandleBind(message);
        break;
    }
    case wire::FrontendType::Describe:
        HandleDescribe(wire::ParseDescribe(payload));
        break;
    case wire::FrontendType::Execute: {
        auto message = wire::ParseExecute(payload);
        co_await HandleExecute(message);
        break;
    }
    case wire::FrontendType::Close:
        HandleClose(wire::ParseClose(payload));
        break;
    default:
        break;
    }
}

asio::awaitable<void> Session::HandleSync() {
    skip_until_sync_ = false;
    co_await CommitImplicit();
    if (tx_.IsIdle()) {
        ClosePortals();
    }
    WriteReady();
}

asio::awaitable<void> Session::HandleParse(const wire::ParseMessage &message) {
    if (!message.statement.empty() && prepared_.count(message.statement)) {
        throw SqlError("42P05", "prepared statement " + Quoted(message.statement) + " already exists");
    }
    query_text_ = message.query;
    auto entry = std::make_shared<PreparedEntry>();
    auto parsed = ParseCached(message.query);
    if (parsed->statements.size() > 1) {
        throw SqlError("42601", "cannot insert multiple commands into a prepared statement");
    }
    if (parsed->statements.empty()) {
        entry->empty = true;
    } else {
        entry->statement = parsed->statements[0];
        entry->statement.location = 0;
    }
    entry->parameter_types = message.param_types;
    if (tx_.IsFailed() && (entry->empty || !IsTransactionExit(entry->statement))) {
        throw AbortedTransaction(); // as PostgreSQL: before the statement is even analyzed
    }
    if (!entry->empty && !entry->statement.Is<sql::GenericStatement>()) {
        sql::CheckStatementAccess(entry->statement, login_.access);
    }
    if (!entry->empty && entry->statement.Is<sql::GenericStatement>()) {
        std::string key = message.query;
        for (auto type_oid : message.param_types) {
            key += '\0' + std::to_string(type_oid);
        }
        const auto version = engine_.connection->GetDatabase().CatalogVersion(); // read first: later changes count
        if (auto described = described_cache_.Find(key); described && described->catalog_version == version) {
            entry = described;
        } else {
            // Checked before DuckDB prepares (binds) anything of it; a described entry passed this check already.
            sql::CheckStatementAccess(entry->statement, login_.access);
            co_await OnWorker([&](StatementWork &work) {
                work.MaterializeOpenStreams();
                work.PrepareForParse(*entry);
                StatementWork::Describe(*entry);
            });
            entry->catalog_version = version;
            if (!CallsLastval(message.query)) {
                described_cache_.Insert(key, entry);
            }
        }
    } else if (auto *fetch = entry->empty ? nullptr : entry->statement.As<sql::FetchStatement>();
               fetch && !fetch->move) {
        // FETCH returns the cursor's columns.
        auto cursor = portals_.find(fetch->cursor);
        if (cursor != portals_.end()) {
            entry->fields = cursor->second.prepared ? cursor->second.fields : cursor->second.source->fields;
        }
    } else if (auto *show = entry->empty ? nullptr : entry->statement.As<sql::ShowStatement>()) {
        wire::FieldDescription field;
        field.type_oid = 25;
        if (show->name == "all") {
            for (const char *name : {"name", "setting", "description"}) {
                field.name = name;
                entry->fields.push_back(field);
            }
        } else {
            auto *definition = SessionSettings::Find(show->name);
            field.name = definition ? definition->name : show->name;
            entry->fields.push_back(field);
        }
    }
    prepared_[message.statement] = std::move(entry);
    wire::WriteParseComplete(stream_.Out());
}

asio::awaitable<void> Session::HandleBind(const wire::BindMessage &message) {
    auto found = prepared_.find(message.statement);
    if (found == prepared_.end()) {
        throw NoSuchStatement(message.statement);
    }
    if (!message.portal.empty() && portals_.count(message.portal)) {
        throw SqlError("42P03", "cursor " + Quoted(message.portal) + " already exists");
    }
    auto &entry = found->second;
    if (tx_.IsFailed() && (entry->empty || !IsTransactionExit(entry->statement))) {
        throw AbortedTransaction();
    }
    auto expected = entry->parameter_types.size();
    if (message.params.size() != expected) {
        throw SqlError("08P01", "bind message supplies " + std::to_string(message.params.size()) +
                                    " parameters, but prepared statement " + Quoted(message.statement) + " requires " +
                                    std::to_string(expected));
    }
    CheckFormats(message.param_formats, message.params.size(), "parameter");
    Portal portal;
    portal.source = entry;
    portal.result_formats = message.result_formats;
    if (!entry->unresolved_parameters.empty()) {
        co_await OnWorker(
            [&](StatementWork &work) { work.TypeUnresolvedParameters(portal, message.params, message.param_formats); });
    }
    CheckFormats(message.result_formats, (portal.prepared ? portal.fields : entry->fields).size(), "result");
    const auto &parameter_types = portal.prepared ? portal.parameter_types : entry->parameter_types;
    if (!message.params.empty()) {
        std::vector<types::OwnedValue> values;
        values.reserve(message.params.size());
        for (size_t i = 0; i < message.params.size(); i++) {
            const auto &value = message.params[i];
            if (!value) {
                values.push_back(types::OwnedValue(duckdb_create_null_value()));
                continue;
            }
            values.push_back(types::DecodeParameter(parameter_types[i], FormatFor(message.param_formats, i), *value,
                                                    engine_.text_options, static_cast<int>(i + 1)));
        }
        portal.parameters = std::make_shared<const std::vector<types::OwnedValue>>(std::move(values));
    }
    if (message.portal.empty()) {
        portals_.erase("");
    }
    portals_.emplace(message.portal, std::move(portal));
    wire::WriteBindComplete(stream_.Out());
    co_return;
}

namespace {

//! A query whose rows have no columns (SELECT;, SELECT FROM t): described by a RowDescription of no fields, not NoData.
bool RowsWithoutColumns(const sql::ParsedStatement &statement) {
    return statement.tree && statement.returns_rows && statement.Is<sql::GenericStatement>();
}

} // namespace

void Session::HandleDescribe(const wire::DescribeMessage &message) {
    auto &out = stream_.Out();
    if (message.kind == 'S') {
        auto found = prepared_.find(message.name);
        if (found == prepared_.end()) {
            throw NoSuchStatement(message.name);
        }
        wire::WriteParameterDescription(out, found->second->parameter_types);
        if (found->second->fields.empty() && !RowsWithoutColumns(found->second->statement)) {
            wire::WriteNoData(out);
        } else {
            wire::WriteRowDescription(out, found->second->fields);
        }
        return;
    }
    auto found = portals_.find(message.name);
    if (found == portals_.end()) {
        throw SqlError("34000", "portal " + Quoted(message.name) + " does not exist");
    }
    auto fields = found->second.prepared ? found->second.fields : found->second.source->fields;
    if (fields.empty() && !RowsWithoutColumns(found->second.source->statement)) {
        wire::WriteNoData(out);
        return;
    }
    for (size_t i = 0; i < fields.size(); i++) {
        fields[i].format = FormatFor(found->second.result_formats, i);
    }
    wire::WriteRowDescription(out, fields);
}

asio::awaitable<void> Session::HandleExecute(const wire::ExecuteMessage &message) {
    auto found = portals_.find(message.portal);
    if (found == portals_.end()) {
        throw SqlError("34000", "portal " + Quoted(message.portal) + " does not exist");
    }
    auto source = found->second.source; // keeps the statement alive if the portal closes
    const auto &statement = source->statement;
    if (last_query_ != statement.text) {
        last_query_ = statement.text;
    }
    ReportActivity("active", last_query_);
    if (source->empty) {
        wire::WriteEmptyQueryResponse(stream_.Out());
        co_return;
    }
    if (tx_.IsFailed() && !IsTransactionExit(statement)) {
        throw AbortedTransaction();
    }
    auto &portal = found->second;
    if (portal.finished) {
        if (!statement.returns_rows && statement.tree) {
            // A statement without rows runs once (PostgreSQL marks its portal done).
            throw SqlError("55000", "portal " + Quoted(message.portal) + " cannot be run");
        }
        // A completed query's portal answers with an empty completion, as PostgreSQL's does.
        WriteComplete(sql::FormatCommandTag(statement.tag, statement.tag_has_rows, 0));
        co_return;
    }
    if (!statement.Is<sql::GenericStatement>()) {
        // Transaction control, settings, cursors, COPY: run like a simple query, without RowDescription.
        portal.finished = true;
    } else if (tx_.IsIdle() &&
               (DefaultReadOnly() || stream_.Framer().PeekType() != static_cast<char>(wire::FrontendType::Sync))) {
        // Several Executes before one Sync form one implicit transaction, as in PostgreSQL; a lone Execute followed
        // by Sync needs none (DuckDB's autocommit is the same thing).
        co_await BeginImplicit();
    }
    PortalRun run{portal, source, static_cast<uint64_t>(message.max_rows)};
    // Generic statements passed the access check at Parse, before DuckDB prepared them.
    ExecutionMode mode{&run, &portal.result_formats, statement.Is<sql::GenericStatement>()};
    co_await RunStatement(statement, mode);
}

asio::awaitable<void> Session::ExecutePortal(PortalRun &run) {
    auto &portal = run.portal;
    const auto &source = *run.source;
    const auto &statement = source.statement;
    co_await current_->Admit();
    StartFunction start;
    const bool first_run = !portal.execution.started;
    if (first_run) {
        co_await WriteSkippingNotices(statement);
        portal.execution.prepared = portal.prepared ? portal.prepared : source.prepared;
        portal.execution.effects = portal.prepared ? portal.effects : source.effects;
        start = [&](StatementWork &work) {
            if (source.catalog_version != work.Engine().GetDatabase().CatalogVersion() && !portal.prepared) {
                work.RefreshForeignKeyEffects(statement, portal.execution.effects);
            }
            if (!work.Start(portal.execution, statement, portal.parameters.get(), portal.result_formats)) {
                return false;
            }
            // DDL since Parse changed the columns (DuckDB rebinds silently): the client decodes rows
            // by the described columns, so refuse, as PostgreSQL does.
            if (!portal.prepared && portal.execution.encoder &&
                !StatementWork::MatchesDescription(source, *portal.execution.result)) {
                portal.execution.result.reset();
                portal.execution.encoder.reset();
                throw SqlError("0A000", "cached plan must not change result type");
            }
            return true;
        };
    }
    auto status = co_await StreamRows(portal.execution, run.max_rows, &start);
    if (first_run && portal.execution.started) {
        NoteReplayStep(statement, portal.execution, portal.parameters); // DuckDB ran it whole, whatever is fetched
        co_await NoteCommitActions(portal.execution.effects);
    }
    if (status == EncodeStatus::RowLimitHit) {
        wire::WritePortalSuspended(stream_.Out());
        co_return;
    }
    portal.finished = true;
    uint64_t rows = portal.execution.encoder ? portal.execution.rows_this_run : portal.execution.changed_rows;
    WriteComplete(CommandTag(statement, portal.execution, rows));
    // The finished result no longer needs DuckDB's stream.
    portal.execution.result.reset();
    portal.execution.encoder.reset();
    if (ChangesSchemas(statement)) {
        co_await AfterSchemaChange();
    }
}

std::vector<ResultStream *> Session::OpenStreams() {
    std::vector<ResultStream *> open;
    for (auto &[name, portal] : portals_) {
        if (portal.execution.result && !portal.finished) {
            open.push_back(&portal.execution);
        }
    }
    return open;
}

void Session::HandleClose(const wire::CloseMessage &message) {
    if (message.kind == 'S') {
        prepared_.erase(message.name);
    } else {
        portals_.erase(message.name);
    }
    wire::WriteCloseComplete(stream_.Out());
}

std::vector<engine::CursorInfo> Session::ListCursors() const {
    std::vector<engine::CursorInfo> cursors;
    for (const auto &[name, portal] : portals_) {
        if (portal.sql_cursor) {
            cursors.push_back(
                {name, portal.declare_text, portal.hold, !portal.result_formats.empty(), false, portal.created_micros});
        }
    }
    return cursors;
}

void Session::ClosePortals() {
    // WITH HOLD cursors outlive their transaction (their rows were read at DECLARE).
    std::erase_if(portals_, [](const auto &item) { return !item.second.hold; });
}

} // namespace duckgres::session
