// COPY FROM STDIN for Session: CopyData read, parsed and inserted in overlapping lanes.
#include "session/session.hpp"

#include "common/sql_quote.hpp"
#include "copy/copy_reader.hpp"
#include "engine/arrow_batch_view.hpp"
#include "engine/catalog_lookup.hpp"
#include "engine/table_appender.hpp"
#include "session/blocking_queue.hpp"
#include "sql/command_tag.hpp"
#include "types/arrow_batch_builder.hpp"
#include "types/parameter_decoder.hpp"
#include "types/pg_type.hpp"
#include "types/range_value.hpp"
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

} // namespace

//! One COPY FROM STDIN, from CopyInResponse to the last row inserted. Two lanes run at once: the feed lane reads
//! CopyData from the client while a worker parses the batch read before; the append lane inserts what was parsed.
//! Text, CSV and binary rows of common column types are parsed straight into Arrow batches of up to a row group
//! each, and DuckDB inserts the batches parsed before while parsing goes on; other column types go value by value
//! through DuckDB's appender while parsing.
class Session::CopyFromStdin {
public:
    CopyFromStdin(Session &session, const sql::CopyTarget &copy_target, copy::CopyOptions options,
                  engine::CatalogLookup::TableColumns target)
        : session_(session), copy_target_(copy_target), table_(copy_target.table), target_(std::move(target)),
          options_(std::move(options)), binary_(options_.format == copy::CopyOptions::Format::Binary),
          reader_(options_, copy::CopyColumns{target_.names, table_, {}}), text_options_(session.engine_.text_options),
          parsed_(kCopyQueuedBatches) {
        std::vector<duckdb_logical_type> raw_types;
        for (auto &type : target_.types) {
            raw_types.push_back(type.Get());
            type_oids_.push_back(types::MapLogicalType(type.Get()).oid);
        }
        if (types::ArrowBatchBuilder::AllSupported(raw_types)) {
            batches_ = std::make_unique<types::ArrowBatchBuilder>(raw_types, text_options_);
        }
    }

    int8_t Format() const { return binary_ ? 1 : 0; }

    static bool IsNetworkType(uint32_t type_oid) {
        return type_oid == types::oid::kInet || type_oid == types::oid::kCidr || type_oid == types::oid::kMacaddr ||
               type_oid == types::oid::kMacaddr8;
    }

    //! The appender casts with DuckDB's built-in casts only, which know no inet: a network value's storage bytes
    //! travel as DuckDB's blob text (\xHH...), which its VARCHAR -> BLOB cast reads back into the aliased BLOB.
    static types::OwnedValue AsBlobText(duckdb_value value) {
        if (duckdb_is_null_value(value)) {
            return types::OwnedValue(duckdb_create_null_value());
        }
        // duckdb_get_value_type's type belongs to the value.
        if (duckdb_get_type_id(duckdb_get_value_type(value)) == DUCKDB_TYPE_LIST) {
            // An array: its elements so, in a list of VARCHAR (nested as deep as the array).
            std::vector<types::OwnedValue> elements;
            std::vector<duckdb_value> items;
            duckdb_logical_type child_type = nullptr;
            for (idx_t i = 0; i < duckdb_get_list_size(value); i++) {
                types::OwnedValue child(duckdb_get_list_child(value, i));
                elements.push_back(AsBlobText(child.Get()));
                items.push_back(elements.back().Get());
                if (!duckdb_is_null_value(items.back())) {
                    child_type = duckdb_get_value_type(items.back());
                }
            }
            LogicalTypeHandle varchar(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
            return types::OwnedValue(
                duckdb_create_list_value(child_type ? child_type : varchar.Get(), items.data(), items.size()));
        }
        duckdb_blob blob = duckdb_get_blob(value);
        static constexpr char kDigits[] = "0123456789ABCDEF";
        std::string text;
        for (idx_t i = 0; i < blob.size; i++) {
            const auto byte = static_cast<const uint8_t *>(blob.data)[i];
            text += "\\x";
            text += kDigits[byte >> 4];
            text += kDigits[byte & 15];
        }
        duckdb_free(blob.data);
        return types::OwnedValue(duckdb_create_varchar_length(text.data(), text.size()));
    }
    size_t ColumnCount() const { return target_.names.size(); }

    //! Reads, parses and inserts every row; throws the first error in row order (or the client's CopyFail).
    asio::awaitable<uint64_t> Run() {
        try {
            if (!batches_) {
                co_await session_.OnWorker([&](StatementWork &work) {
                    std::vector<duckdb_logical_type> types;
                    for (auto &type : target_.types) {
                        types.push_back(type.Get());
                    }
                    appender_ = std::make_unique<engine::TableAppender>(work.Engine().Handle(), target_.schema, table_,
                                                                        target_.names, "", types);
                });
            }
            using namespace asio::experimental::awaitable_operators;
            co_await (FeedLane() && AppendLane());
        } catch (const SqlError &error) {
            append_failure_ = error;
        }
        // The first error in row order: appended rows precede the rows being parsed, which precede the client's
        // CopyFail (or cancel).
        if (append_failure_ || parse_failure_) {
            failure_ = append_failure_ ? append_failure_ : parse_failure_;
        }
        // Destroying the appender flushes it: do it before the rollback, on a worker.
        if (appender_) {
            co_await session_.OnWorker([&](StatementWork &) {
                try {
                    appender_.reset();
                } catch (...) {
                }
            });
        }
        if (failure_) {
            throw *failure_;
        }
        co_return rows_;
    }

private:
    //! One parsed row: into the Arrow batch (queued when full), or value by value through the appender.
    void Sink(const copy::CopyRow &row) {
        if (batches_) {
            for (size_t i = 0; i < row.size(); i++) {
                try {
                    if (binary_) {
                        batches_->SetBinary(i, row[i]);
                    } else {
                        batches_->Set(i, row[i]);
                    }
                } catch (SqlError &error) {
                    error.where = "COPY " + table_ + ", " + reader_.FieldContext(i, row[i]);
                    throw;
                }
            }
            rows_++;
            if (batches_->EndRow() && !parsed_.Push(batches_->TakeBatch())) {
                throw CopyAborted();
            }
            return;
        }
        for (size_t i = 0; i < row.size(); i++) {
            if (!row[i]) {
                appender_->AppendNull();
                continue;
            }
            try {
                auto value = types::RangeKindFromOid(type_oids_[i])
                                 ? types::DecodeRangeColumnValue(type_oids_[i], Format(), *row[i], text_options_)
                                 : types::DecodeColumnValue(type_oids_[i], Format(), *row[i], text_options_,
                                                            static_cast<int>(i + 1));
                if (IsNetworkType(type_oids_[i]) || IsNetworkType(types::ArrayElementTypeOf(type_oids_[i]))) {
                    value = AsBlobText(value.Get());
                }
                appender_->Append(value.Get());
            } catch (SqlError &error) {
                error.where = "COPY " + table_ + ", " + reader_.FieldContext(i, row[i]);
                throw;
            }
        }
        appender_->EndRow();
        rows_++;
    }

    //! Parses one batch of COPY data on a worker (`finish`: the last, with the end of the data).
    asio::awaitable<void> Parse(std::string &batch, bool finish) {
        if (parse_failure_) {
            co_return;
        }
        try {
            co_await session_.context_.workers.Run([&]() {
                auto sink = [this](const copy::CopyRow &row) { Sink(row); };
                try {
                    reader_.Feed(batch, sink);
                    if (finish) {
                        reader_.Finish(sink);
                        if (batches_ && batches_->Rows() > 0 && !parsed_.Push(batches_->TakeBatch())) {
                            throw CopyAborted();
                        }
                    }
                } catch (SqlError &error) {
                    if (error.where.empty()) {
                        auto context = reader_.ErrorContext();
                        error.where = context.empty() ? "COPY " + table_ : "COPY " + table_ + ", " + context;
                    }
                    throw;
                }
            });
        } catch (const SqlError &error) {
            parse_failure_ = error;
        } catch (const CopyAborted &) {
            parse_failure_ = SqlError("57014", "COPY stopped"); // replaced by the append lane's error
        }
    }

    //! Reads batches from the client while the previous batch is parsed, then ends the queue. The queue ends however
    //! the lane does: a client gone mid-COPY must not leave the append lane waiting for batches.
    asio::awaitable<void> FeedLane() {
        try {
            co_await Feed();
        } catch (...) {
            parsed_.Abort();
            throw;
        }
    }

    asio::awaitable<void> Feed() {
        std::string current;
        std::string next;
        auto state = co_await ReadBatch(current);
        while (state == Input::More && !failure_ && !parse_failure_) {
            if (session_.cancel_reason_ != CancelReason::None) {
                failure_ = SqlError("57014", "canceling statement due to user request");
                break;
            }
            using namespace asio::experimental::awaitable_operators;
            next.clear();
            state = co_await (Parse(current, false) && ReadBatch(next));
            current.swap(next);
        }
        if (state == Input::Done && !failure_) {
            co_await Parse(current, true);
        } else if (state == Input::Failed && !parse_failure_) {
            // PostgreSQL reads the rows sent before the client's CopyFail (or stray message) first: an error in them
            // is the one reported, and the client's names the line it interrupted.
            co_await Parse(current, false);
        }
        if (failure_ && failure_->where.empty() && reader_.LineNumber() > 0) {
            failure_->where = "COPY " + table_ + ", line " + std::to_string(reader_.LineNumber());
        }
        if (failure_ || parse_failure_) {
            parsed_.Abort();
        } else {
            parsed_.Finish();
        }
    }

    //! Batches: INSERT ... SELECT from a view over the batches parsed so far (those waiting, at least one), again
    //! until the queue ends; DuckDB writes the batches of one INSERT in parallel and in order. Every batch is whole
    //! before DuckDB sees it, so no DuckDB thread ever waits for the client. Value by value, parsing appends through
    //! the appender and this lane only closes it.
    asio::awaitable<void> AppendLane() {
        try {
            co_await session_.OnWorker([&](StatementWork &work) {
                if (!batches_) {
                    if (parsed_.Finished()) {
                        appender_->Close();
                    }
                    return;
                }
                ArrowSchema schema;
                batches_->ExportSchema(&schema);
                engine::ArrowBatchView view(work.Engine().Handle(), schema);
                std::string columns;
                for (const auto &column : copy_target_.columns) {
                    columns += (columns.empty() ? " (" : ", ") + QuoteIdentifier(column);
                }
                const std::string insert = "INSERT INTO " + QuoteIdentifier(target_.schema) + "." +
                                           QuoteIdentifier(table_) + (columns.empty() ? "" : columns + ")") +
                                           " SELECT " + batches_->SelectList() + " FROM " +
                                           QuoteIdentifier(view.Name());
                while (auto first = parsed_.Pop()) {
                    if (work.Interrupted()) {
                        throw SqlError("57014", "canceling statement due to user request");
                    }
                    std::vector<ArrowArrayHandle> group;
                    group.push_back(std::move(*first));
                    while (auto more = parsed_.TryPop()) {
                        group.push_back(std::move(*more));
                    }
                    view.SetBatches(std::move(group));
                    work.Engine().Run(insert);
                }
            });
        } catch (SqlError &error) {
            parsed_.Abort();
            if (error.where.empty()) {
                error.where = "COPY " + table_;
            }
            append_failure_ = error;
        }
    }

    //! How a batch of COPY data ended.
    enum class Input { More, Done, Failed };

    //! Reads CopyData into `batch` until it holds a batch's worth, or CopyDone / CopyFail arrive.
    asio::awaitable<Input> ReadBatch(std::string &batch) {
        auto &stream = session_.stream_;
        while (batch.size() < kCopyBatchBytes) {
            // Clients often send one CopyData per row: take the buffered ones without suspending.
            std::optional<wire::RawMessage> buffered = stream.TryNext();
            wire::RawMessage message;
            if (buffered) {
                message = *buffered;
            } else {
                message = co_await stream.Read(kCopyReadBytes);
            }
            switch (static_cast<wire::FrontendType>(message.type)) {
            case wire::FrontendType::CopyData:
                batch.append(reinterpret_cast<const char *>(message.payload.data()), message.payload.size());
                break;
            case wire::FrontendType::CopyDone:
                co_return Input::Done;
            case wire::FrontendType::CopyFail:
                try {
                    failure_ =
                        SqlError("57014", "COPY from stdin failed: " + wire::ParseCopyFail(message.payload).message);
                } catch (const wire::MalformedMessage &error) {
                    failure_ = SqlError(error.SqlState(), error.what());
                }
                co_return Input::Failed;
            case wire::FrontendType::Flush:
            case wire::FrontendType::Sync:
                break; // ignored during COPY, as PostgreSQL does
            default: {
                constexpr const char *hex = "0123456789ABCDEF";
                auto type = static_cast<unsigned char>(message.type);
                failure_ = SqlError("08P01", std::string("unexpected message type 0x") + hex[type >> 4] +
                                                 hex[type & 0xF] + " during COPY from stdin");
                // The message was meant for after the COPY: the client and the server no longer agree where they
                // are, and the session ends after this error, as PostgreSQL's does.
                session_.sync_lost_ = true;
                co_return Input::Failed;
            }
            }
        }
        co_return Input::More;
    }

    Session &session_;
    const sql::CopyTarget &copy_target_;
    const std::string &table_;
    engine::CatalogLookup::TableColumns target_;
    copy::CopyOptions options_;
    bool binary_;
    copy::CopyReader reader_;
    types::TextFormatOptions text_options_; //!< the session's, as the COPY starts (read by the parsing worker)
    std::vector<uint32_t> type_oids_;
    std::unique_ptr<types::ArrowBatchBuilder> batches_;
    std::unique_ptr<engine::TableAppender> appender_;
    BlockingQueue<ArrowArrayHandle> parsed_;
    uint64_t rows_ = 0;
    std::optional<SqlError> failure_;        //!< from the client (CopyFail, a wrong message)
    std::optional<SqlError> parse_failure_;  //!< from parsing (and, value by value, appending)
    std::optional<SqlError> append_failure_; //!< from creating the appender or inserting batches
};

asio::awaitable<void> Session::RunCopyFrom(const sql::CopyTarget &copy_target) {
    auto options = copy::ParseCopyOptions(copy_target.options, copy::CopyDirection::From);
    if (tx_.IsIdle() ? DefaultReadOnly() : tx_.BeganReadOnly()) {
        throw SqlError("25006", "cannot execute COPY FROM in a read-only transaction");
    }
    co_await current_->Admit();
    // The target's columns and their types, from a statement DuckDB prepares but never runs.
    auto target = co_await OnWorker([&](StatementWork &work) {
        work.MaterializeOpenStreams();
        auto schemas =
            copy_target.schema.empty() ? work.Engine().SearchPath() : std::vector<std::string>{copy_target.schema};
        return engine::CatalogLookup(work.Engine()).ColumnsOf(schemas, copy_target.table, copy_target.columns);
    });
    const std::string schema = target.schema;
    CopyFromStdin copy(*this, copy_target, std::move(options), std::move(target));
    std::vector<int16_t> formats(copy.ColumnCount(), copy.Format());
    wire::WriteCopyInResponse(stream_.Out(), copy.Format(), formats);
    co_await stream_.Flush();
    // A COPY outside a block runs in an implicit transaction, committed (or, after an error, rolled back) where the
    // Query's statements or the pipeline's are.
    if (tx_.IsIdle()) {
        co_await BeginImplicit();
    }
    auto rows = co_await copy.Run();
    co_await OnWorker([&](StatementWork &work) { work.CheckForeignKeysOf(schema, copy_target.table); });
    WriteComplete(sql::FormatCommandTag("COPY", true, rows));
}

} // namespace duckgres::session
