// COPY FROM STDIN and COPY TO STDOUT for Session, over CopyData messages.
#include "common/sql_quote.hpp"
#include "copy/copy_reader.hpp"
#include "copy/copy_writer.hpp"
#include "engine/arrow_batch_view.hpp"
#include "engine/table_appender.hpp"
#include "session/blocking_queue.hpp"
#include "session/session.hpp"
#include "sql/command_tag.hpp"
#include "sql/rewriter.hpp"
#include "types/arrow_batch_builder.hpp"
#include "types/type_mapping.hpp"
#include "wire/protocol_error.hpp"

#include <asio/experimental/awaitable_operators.hpp>

namespace duckgres::session {

namespace {

//! Rows are handed to DuckDB in batches of about this many bytes of COPY data.
constexpr size_t kCopyBatchBytes = 256 * 1024;
//! Socket reads during COPY FROM ask for this much space at a time.
constexpr size_t kCopyReadBytes = 64 * 1024;
//! Parsed batches of COPY FROM waiting to be inserted, at most (each up to a row group, about 8 MB of strings).
constexpr size_t kCopyQueuedBatches = 4;

//! Thrown into the parser when the append lane stopped the COPY (its error is the one reported).
struct CopyAborted {};

std::string ColumnList(const std::vector<std::string> &columns) {
    if (columns.empty()) {
        return "*";
    }
    std::string list;
    for (const auto &column : columns) {
        list += (list.empty() ? "" : ", ") + QuoteIdentifier(column);
    }
    return list;
}

} // namespace

asio::awaitable<void> Session::RunCopyFrom(const sql::ParsedStatement &statement) {
    auto options = copy::ParseCopyOptions(statement.copy_options, copy::CopyDirection::From);
    const bool binary = options.format == copy::CopyOptions::Format::Binary;
    const auto &table = statement.copy_table;
    if (tx_ == TxState::Idle ? DefaultReadOnly() : block_read_only_) {
        throw SqlError("25006", "cannot execute COPY FROM in a read-only transaction");
    }
    RunningStatement running(*this);
    co_await WaitForTurn();

    // The target's columns and their types, from a statement DuckDB prepares but never runs.
    std::vector<std::string> names;
    std::vector<uint32_t> type_oids;
    std::vector<LogicalTypeHandle> column_types;
    std::string schema_name;
    co_await context_.workers.Run([&]() {
        MaterializeOpenPortals();
        std::vector<std::string> schemas =
            statement.copy_schema.empty() ? connection_->SearchPath() : std::vector<std::string>{statement.copy_schema};
        for (const auto &candidate : schemas) {
            try {
                auto prepared =
                    connection_->Prepare("SELECT " + ColumnList(statement.copy_columns) + " FROM " +
                                         QuoteIdentifier(candidate) + "." + QuoteIdentifier(table) + " LIMIT 0");
                auto handle = prepared.handle.Get();
                for (idx_t i = 0; i < duckdb_prepared_statement_column_count(handle); i++) {
                    names.push_back(
                        TakeDuckDbString(const_cast<char *>(duckdb_prepared_statement_column_name(handle, i))));
                    LogicalTypeHandle type(duckdb_prepared_statement_column_logical_type(handle, i));
                    type_oids.push_back(types::MapLogicalType(type.Get()).oid);
                    column_types.push_back(std::move(type));
                }
                schema_name = candidate;
                return;
            } catch (const SqlError &error) {
                if (error.sqlstate != "42P01") {
                    throw;
                }
            }
        }
        throw SqlError("42P01", "relation \"" + table + "\" does not exist");
    });

    copy::CopyReader reader(options, copy::CopyColumns{names, table, {}});
    int8_t format = binary ? 1 : 0;
    std::vector<int16_t> formats(names.size(), format);
    wire::WriteCopyInResponse(stream_.Out(), format, formats);
    co_await stream_.Flush();

    const bool implicit = tx_ == TxState::Idle;
    if (implicit) {
        co_await RunInternal("BEGIN TRANSACTION");
    }
    std::unique_ptr<engine::TableAppender> appender;
    uint64_t rows = 0;
    // Text, CSV and binary rows of common column types are parsed straight into Arrow batches of up to a row
    // group each, and parsing goes on while DuckDB inserts the batches parsed before; other column types go value
    // by value through the appender while parsing.
    std::unique_ptr<types::ArrowBatchBuilder> batches;
    {
        std::vector<duckdb_logical_type> raw_types;
        for (auto &type : column_types) {
            raw_types.push_back(type.Get());
        }
        if (types::ArrowBatchBuilder::AllSupported(raw_types)) {
            batches = std::make_unique<types::ArrowBatchBuilder>(raw_types, text_options_);
        }
    }
    BlockingQueue<ArrowArrayHandle> parsed(kCopyQueuedBatches);
    auto sink = [&](const copy::CopyRow &row) {
        if (batches) {
            for (size_t i = 0; i < row.size(); i++) {
                try {
                    if (binary) {
                        batches->SetBinary(i, row[i]);
                    } else {
                        batches->Set(i, row[i]);
                    }
                } catch (SqlError &error) {
                    error.where = "COPY " + table + ", " + reader.FieldContext(i, row[i]);
                    throw;
                }
            }
            rows++;
            if (batches->EndRow() && !parsed.Push(batches->TakeBatch())) {
                throw CopyAborted();
            }
            return;
        }
        for (size_t i = 0; i < row.size(); i++) {
            if (!row[i]) {
                appender->AppendNull();
                continue;
            }
            try {
                auto value =
                    types::DecodeParameter(type_oids[i], format, *row[i], text_options_, static_cast<int>(i + 1));
                appender->Append(value.Get());
            } catch (SqlError &error) {
                error.where = "COPY " + table + ", " + reader.FieldContext(i, row[i]);
                throw;
            }
        }
        appender->EndRow();
        rows++;
    };

    std::optional<SqlError> failure;        //!< from the client (CopyFail, a wrong message)
    std::optional<SqlError> parse_failure;  //!< from parsing (and, value by value, appending)
    std::optional<SqlError> append_failure; //!< from creating the appender or inserting batches
    auto parse = [&](std::string &batch, bool finish) -> asio::awaitable<void> {
        if (parse_failure) {
            co_return;
        }
        try {
            co_await context_.workers.Run([&]() {
                try {
                    reader.Feed(batch, sink);
                    if (finish) {
                        reader.Finish(sink);
                        if (batches && batches->Rows() > 0 && !parsed.Push(batches->TakeBatch())) {
                            throw CopyAborted();
                        }
                    }
                } catch (SqlError &error) {
                    if (error.where.empty()) {
                        auto context = reader.ErrorContext();
                        error.where = context.empty() ? "COPY " + table : "COPY " + table + ", " + context;
                    }
                    throw;
                }
            });
        } catch (const SqlError &error) {
            parse_failure = error;
        } catch (const CopyAborted &) {
            parse_failure = SqlError("57014", "COPY stopped"); // replaced by the append lane's error
        }
    };
    // Reads batches from the client while the previous batch is parsed, then ends the queue.
    auto feed_lane = [&]() -> asio::awaitable<void> {
        std::string current;
        std::string next;
        auto state = co_await ReadCopyBatch(current, failure);
        while (state == CopyInput::More && !failure && !parse_failure) {
            if (cancel_reason_ != CancelReason::None) {
                failure = SqlError("57014", "canceling statement due to user request");
                break;
            }
            using namespace asio::experimental::awaitable_operators;
            next.clear();
            state = co_await (parse(current, false) && ReadCopyBatch(next, failure));
            current.swap(next);
        }
        if (state == CopyInput::Done && !failure) {
            co_await parse(current, true);
        }
        if (failure || parse_failure) {
            parsed.Abort();
        } else {
            parsed.Finish();
        }
    };
    // Batches: INSERT ... SELECT from a view over the batches parsed so far (those waiting, at least one), again
    // until the queue ends; DuckDB writes the batches of one INSERT in parallel and in order. Every batch is
    // whole before DuckDB sees it, so no DuckDB thread ever waits for the client. Value by value, parsing appends
    // through the appender and this lane only closes it.
    auto append_lane = [&]() -> asio::awaitable<void> {
        try {
            co_await context_.workers.Run([&]() {
                if (!batches) {
                    if (parsed.Finished()) {
                        appender->Close();
                    }
                    return;
                }
                ArrowSchema schema;
                batches->ExportSchema(&schema);
                engine::ArrowBatchView view(connection_->Handle(), schema);
                const std::string insert =
                    "INSERT INTO " + QuoteIdentifier(schema_name) + "." + QuoteIdentifier(table) +
                    (statement.copy_columns.empty() ? "" : " (" + ColumnList(statement.copy_columns) + ")") +
                    " SELECT " + batches->SelectList() + " FROM " + QuoteIdentifier(view.Name());
                while (auto first = parsed.Pop()) {
                    if (cancel_reason_ != CancelReason::None) {
                        throw SqlError("57014", "canceling statement due to user request");
                    }
                    std::vector<ArrowArrayHandle> group;
                    group.push_back(std::move(*first));
                    while (auto more = parsed.TryPop()) {
                        group.push_back(std::move(*more));
                    }
                    view.SetBatches(std::move(group));
                    connection_->Run(insert);
                }
            });
        } catch (SqlError &error) {
            parsed.Abort();
            if (error.where.empty()) {
                error.where = "COPY " + table;
            }
            append_failure = error;
        }
    };
    try {
        if (!batches) {
            co_await context_.workers.Run([&]() {
                appender = std::make_unique<engine::TableAppender>(connection_->Handle(), schema_name, table,
                                                                   statement.copy_columns);
            });
        }
        using namespace asio::experimental::awaitable_operators;
        co_await (feed_lane() && append_lane());
    } catch (const SqlError &error) {
        append_failure = error;
    }
    // The first error in row order: appended rows precede the rows being parsed.
    if (!failure) {
        failure = append_failure ? append_failure : parse_failure;
    }
    // Destroying the appender flushes it: do it before the rollback, on a worker.
    if (appender) {
        co_await context_.workers.Run([&]() {
            try {
                appender.reset();
            } catch (...) {
            }
        });
    }
    if (failure) {
        if (implicit) {
            try {
                co_await RunInternal("ROLLBACK");
            } catch (const SqlError &) {
            }
        }
        throw *failure;
    }
    if (implicit) {
        co_await RunInternal("COMMIT");
    }
    wire::WriteCommandComplete(stream_.Out(), sql::FormatCommandTag("COPY", true, rows));
}

asio::awaitable<Session::CopyInput> Session::ReadCopyBatch(std::string &batch, std::optional<SqlError> &failure) {
    while (batch.size() < kCopyBatchBytes) {
        // Clients often send one CopyData per row: take the buffered ones without suspending.
        std::optional<wire::RawMessage> buffered = stream_.TryNext();
        wire::RawMessage message;
        if (buffered) {
            message = *buffered;
        } else {
            message = co_await stream_.Read(kCopyReadBytes);
        }
        switch (static_cast<wire::FrontendType>(message.type)) {
        case wire::FrontendType::CopyData:
            batch.append(reinterpret_cast<const char *>(message.payload.data()), message.payload.size());
            break;
        case wire::FrontendType::CopyDone:
            co_return CopyInput::Done;
        case wire::FrontendType::CopyFail:
            try {
                failure = SqlError("57014", "COPY from stdin failed: " + wire::ParseCopyFail(message.payload).message);
            } catch (const wire::ProtocolError &error) {
                failure = SqlError(error.SqlState(), error.what());
            }
            co_return CopyInput::Failed;
        case wire::FrontendType::Flush:
        case wire::FrontendType::Sync:
            break; // ignored during COPY, as PostgreSQL does
        default: {
            constexpr const char *hex = "0123456789ABCDEF";
            auto type = static_cast<unsigned char>(message.type);
            failure = SqlError("08P01", std::string("unexpected message type 0x") + hex[type >> 4] + hex[type & 0xF] +
                                            " during COPY from stdin");
            co_return CopyInput::Failed;
        }
        }
    }
    co_return CopyInput::More;
}

asio::awaitable<void> Session::RunCopyTo(const sql::ParsedStatement &statement) {
    auto options = copy::ParseCopyOptions(statement.copy_options, copy::CopyDirection::To);
    const bool binary = options.format == copy::CopyOptions::Format::Binary;
    sql::ParsedStatement query;
    if (statement.copy_table.empty()) {
        query.text = sql::CopyQueryText(*statement.tree, RewriteContextFor());
    } else {
        query.text = "SELECT " + ColumnList(statement.copy_columns) + " FROM " +
                     (statement.copy_schema.empty() ? "" : QuoteIdentifier(statement.copy_schema) + ".") +
                     QuoteIdentifier(statement.copy_table);
    }
    query.tag = "SELECT";
    query.tag_has_rows = true;
    query.returns_rows = true;

    RunningStatement running(*this);
    co_await WaitForTurn();

    Execution execution;
    std::vector<std::unique_ptr<types::ValueEncoder>> encoders;
    std::unique_ptr<copy::CopyWriter> writer;
    co_await context_.workers.Run([&]() {
        MaterializeOpenPortals();
        execution.prepared = std::make_shared<engine::PreparedStatement>(connection_->Prepare(query.text));
        execution.result = connection_->Execute(*execution.prepared);
        std::vector<std::string> names;
        for (size_t i = 0; i < execution.result->ColumnCount(); i++) {
            names.push_back(execution.result->ColumnName(i));
            encoders.push_back(types::ValueEncoder::Create(execution.result->ColumnType(i)));
        }
        writer = std::make_unique<copy::CopyWriter>(options, copy::CopyColumns{names, statement.copy_table, {}});
    });
    auto &out = stream_.Out();
    int8_t format = binary ? 1 : 0;
    std::vector<int16_t> formats(encoders.size(), format);
    wire::WriteCopyOutResponse(out, format, formats);
    std::string line;
    writer->Header(line);
    if (!line.empty()) {
        wire::WriteCopyData(out, line);
    }
    uint64_t rows = 0;
    bool finished = false;
    while (!finished) {
        finished = co_await context_.workers.Run([&]() {
            // Each column's text is encoded into a string kept from row to row (no allocation per value).
            std::vector<std::string> texts(encoders.size());
            copy::CopyRow values(encoders.size());
            while (out.size() < kCopyBatchBytes) {
                auto chunk = execution.result->Fetch();
                if (!chunk) {
                    return true;
                }
                auto size = duckdb_data_chunk_get_size(chunk.Get());
                for (size_t c = 0; c < encoders.size(); c++) {
                    encoders[c]->Bind(duckdb_data_chunk_get_vector(chunk.Get(), c));
                }
                for (idx_t r = 0; r < size; r++) {
                    for (size_t c = 0; c < encoders.size(); c++) {
                        if (encoders[c]->IsNull(r)) {
                            values[c].reset();
                            continue;
                        }
                        texts[c].clear();
                        if (binary) {
                            encoders[c]->AppendBinary(r, texts[c], text_options_);
                        } else {
                            encoders[c]->AppendText(r, texts[c], text_options_);
                        }
                        values[c] = texts[c];
                    }
                    line.clear();
                    writer->Row(values, line);
                    wire::WriteCopyData(out, line);
                }
                rows += size;
            }
            return false;
        });
        if (!finished) {
            co_await stream_.Flush();
        }
    }
    line.clear();
    writer->Trailer(line);
    if (!line.empty()) {
        wire::WriteCopyData(out, line);
    }
    wire::WriteCopyDone(out);
    wire::WriteCommandComplete(out, sql::FormatCommandTag("COPY", true, rows));
}

} // namespace duckgres::session
