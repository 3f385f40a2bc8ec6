// Runs statements on a session's DuckDB connection with streaming results.
#include "engine/engine_connection.hpp"

#include "engine/error_mapping.hpp"

namespace duckgres::engine {

EngineConnection::EngineConnection(std::shared_ptr<Database> database) : database_(std::move(database)) {
    if (duckdb_connect(database_->Handle(), connection_.Out()) != DuckDBSuccess) {
        throw SqlError("08006", "could not connect to database \"" + database_->Name() + "\"");
    }
    // New objects go to "public" as in PostgreSQL; objects in DuckDB's "main" stay visible.
    Run("SET schema = 'public'");
    Run("SET search_path = 'public,main'");
}

PreparedStatement EngineConnection::Prepare(const std::string &sql) {
    PreparedStatement statement;
    statement.text = sql;
    if (duckdb_prepare(connection_.Get(), sql.c_str(), statement.handle.Out()) != DuckDBSuccess) {
        const char *error = duckdb_prepare_error(statement.handle.Get());
        throw MapDuckDbError(std::nullopt, error ? error : "could not prepare statement", sql);
    }
    statement.type = duckdb_prepared_statement_type(statement.handle.Get());
    return statement;
}

std::shared_ptr<PreparedStatement> EngineConnection::PrepareCached(const std::string &sql) {
    const auto version = database_->CatalogVersion(); // read first: a change while preparing counts as later
    if (auto found = cache_.Find(sql); found && found->catalog_version == version) {
        return found;
    }
    auto statement = std::make_shared<PreparedStatement>(Prepare(sql));
    statement->catalog_version = version;
    cache_.Insert(sql, statement);
    return statement;
}

namespace {

//! Statement types that may create, change or drop catalog entries (or attach whole catalogs).
bool MayChangeCatalog(duckdb_statement_type type) {
    switch (type) {
    case DUCKDB_STATEMENT_TYPE_CREATE:
    case DUCKDB_STATEMENT_TYPE_CREATE_FUNC:
    case DUCKDB_STATEMENT_TYPE_ALTER:
    case DUCKDB_STATEMENT_TYPE_DROP:
    case DUCKDB_STATEMENT_TYPE_ATTACH:
    case DUCKDB_STATEMENT_TYPE_DETACH:
    case DUCKDB_STATEMENT_TYPE_LOAD:
    case DUCKDB_STATEMENT_TYPE_EXTENSION:
    case DUCKDB_STATEMENT_TYPE_PRAGMA:
    case DUCKDB_STATEMENT_TYPE_COPY:
    case DUCKDB_STATEMENT_TYPE_MULTI:
        return true;
    default:
        return false;
    }
}

} // namespace

void EngineConnection::NoteCatalogChange(duckdb_statement_type type) {
    if (MayChangeCatalog(type)) {
        catalog_changed_in_transaction_ = true;
        database_->CatalogChanged();
    } else if (type == DUCKDB_STATEMENT_TYPE_TRANSACTION && catalog_changed_in_transaction_) {
        catalog_changed_in_transaction_ = false;
        database_->CatalogChanged();
    }
}

std::unique_ptr<QueryResult> EngineConnection::Execute(PreparedStatement &statement) {
    PendingHandle pending;
    if (duckdb_pending_prepared_streaming(statement.handle.Get(), pending.Out()) != DuckDBSuccess) {
        const char *error = duckdb_pending_error(pending.Get());
        throw MapDuckDbError(std::nullopt, error ? error : "could not execute statement", statement.text);
    }
    auto result = std::make_unique<QueryResult>(statement.text);
    if (duckdb_execute_pending(pending.Get(), result->Out()) != DuckDBSuccess) {
        auto *raw = result->Raw();
        const char *error = duckdb_result_error(raw);
        throw MapDuckDbError(duckdb_result_error_type(raw), error ? error : "could not execute statement",
                             statement.text);
    }
    result->Initialize();
    NoteCatalogChange(statement.type);
    return result;
}

void EngineConnection::Run(const std::string &sql) {
    auto statement = Prepare(sql);
    auto result = Execute(statement);
    while (result->Fetch()) {
    }
}

idx_t EngineConnection::ConnectionId() const {
    duckdb_client_context context = nullptr;
    duckdb_connection_get_client_context(connection_.Get(), &context);
    auto id = duckdb_client_context_get_connection_id(context);
    duckdb_destroy_client_context(&context);
    return id;
}

std::vector<std::string> EngineConnection::SearchPath() {
    std::vector<std::string> schemas;
    for (auto &row : QueryStrings("SELECT unnest(current_schemas(false))")) {
        schemas.push_back(std::move(row[0]));
    }
    return schemas;
}

std::vector<std::vector<std::string>> EngineConnection::QueryStrings(const std::string &sql) {
    ResultHandle result;
    if (duckdb_query(connection_.Get(), sql.c_str(), result.Out()) != DuckDBSuccess) {
        throw MapDuckDbError(duckdb_result_error_type(result.Get()), duckdb_result_error(result.Get()));
    }
    std::vector<std::vector<std::string>> rows(duckdb_row_count(result.Get()));
    for (idx_t row = 0; row < rows.size(); row++) {
        for (idx_t column = 0; column < duckdb_column_count(result.Get()); column++) {
            rows[row].push_back(TakeDuckDbString(duckdb_value_varchar(result.Get(), column, row)));
        }
    }
    return rows;
}

void EngineConnection::Interrupt() {
    duckdb_interrupt(connection_.Get());
}

} // namespace duckgres::engine
