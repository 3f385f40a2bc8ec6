// COPY TO STDOUT for Session: a query's rows as CopyData, in text, CSV or binary.
#include "session/session.hpp"

#include "common/sql_quote.hpp"
#include "copy/copy_writer.hpp"
#include "sql/command_tag.hpp"
#include "sql/rewriter.hpp"

namespace duckgres::session {

namespace {

//! CopyData is flushed to the client whenever this much is buffered.
constexpr size_t kCopyBatchBytes = 256 * 1024;

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

asio::awaitable<void> Session::RunCopyTo(const sql::ParsedStatement &statement, const sql::CopyTarget &target) {
    auto options = copy::ParseCopyOptions(target.options, copy::CopyDirection::To);
    const bool binary = options.format == copy::CopyOptions::Format::Binary;
    co_await current_->Admit();

    ResultStream execution;
    std::vector<std::unique_ptr<types::ValueEncoder>> encoders;
    std::unique_ptr<copy::CopyWriter> writer;
    std::string query;
    if (target.table.empty()) {
        auto effects = co_await OnWorker([&](StatementWork &work) {
            auto rewrite = sql::RewriteCopyQuery(*statement.tree, work.RewriteContextFor());
            work.Engine().EnsureTypmodAliases(rewrite.effects.typmod_types);
            query = std::move(*rewrite.text);
            for (const auto &notice : rewrite.effects.notices) {
                work.Notice("NOTICE", "00000", notice);
            }
            return std::move(rewrite.effects);
        });
        co_await ApplySettingChanges(effects); // set_config() in the query
    } else {
        query = "SELECT " + ColumnList(target.columns) + " FROM " +
                (target.schema.empty() ? "" : QuoteIdentifier(target.schema) + ".") + QuoteIdentifier(target.table);
    }
    co_await OnWorker([&](StatementWork &work) {
        work.MaterializeOpenStreams();
        execution.prepared = std::make_shared<engine::PreparedStatement>(work.Engine().Prepare(query));
        execution.result = work.Engine().Execute(*execution.prepared);
        std::vector<std::string> names;
        for (size_t i = 0; i < execution.result->ColumnCount(); i++) {
            names.push_back(execution.result->ColumnName(i));
            encoders.push_back(types::ValueEncoder::Create(execution.result->ColumnType(i)));
        }
        writer = std::make_unique<copy::CopyWriter>(options, copy::CopyColumns{names, target.table, {}});
    });
    auto &out = stream_.Out();
    int8_t format = binary ? 1 : 0;
    std::vector<int16_t> formats(encoders.size(), format);
    wire::WriteCopyOutResponse(out, format, formats);
    std::string line;
    // PostgreSQL sends the binary header in the CopyData of the first row (or of the trailer when there is no row);
    // clients such as psycopg 3 read binary rows expecting that framing. A text or CSV header line is its own message.
    std::string binary_header;
    writer->Header(binary ? binary_header : line);
    if (!line.empty()) {
        wire::WriteCopyData(out, line);
    }
    uint64_t rows = 0;
    bool finished = false;
    while (!finished) {
        finished = co_await OnWorker([&](StatementWork &work) {
            const auto &text_options = work.TextOptions();
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
                            encoders[c]->AppendBinary(r, texts[c], text_options);
                        } else {
                            encoders[c]->AppendText(r, texts[c], text_options);
                        }
                        values[c] = texts[c];
                    }
                    line.clear();
                    writer->Row(values, line);
                    if (!binary_header.empty()) {
                        binary_header += line;
                        line.swap(binary_header);
                        binary_header.clear();
                    }
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
    if (!binary_header.empty()) {
        binary_header += line;
        line.swap(binary_header);
    }
    if (!line.empty()) {
        wire::WriteCopyData(out, line);
    }
    wire::WriteCopyDone(out);
    WriteComplete(sql::FormatCommandTag("COPY", true, rows));
}

} // namespace duckgres::session
