// How StatementWork types a Parse's parameters and describes its result (worker thread).
#include "session/row_description.hpp"
#include "session/statement_work.hpp"

#include "sql/column_names.hpp"
#include "sql/literal_passes.hpp"
#include "sql/rewriter.hpp"
#include "types/pg_type.hpp"
#include "types/type_mapping.hpp"

#include <set>

namespace duckgres::session {

bool StatementWork::MatchesDescription(const PreparedEntry &entry, engine::QueryResult &result) {
    const bool no_columns = result.ColumnCount() == 1 && result.ColumnName(0) == sql::kNoColumnsPlaceholder;
    if (entry.fields.size() != (no_columns ? 0 : result.ColumnCount())) {
        return false;
    }
    for (size_t i = 0; i < entry.fields.size(); i++) {
        if (i < entry.typed_columns.size() && entry.typed_columns[i] &&
            entry.fields[i].type_oid != types::MapLogicalType(result.ColumnType(i)).oid) {
            return false;
        }
    }
    return true;
}

std::map<int32_t, uint32_t> StatementWork::CastParameterTypes(const sql::ParsedStatement &statement) {
    std::map<int32_t, uint32_t> types;
    if (!statement.tree) {
        return types;
    }
    for (const auto &[number, name] : sql::ExplicitParameterTypes(*statement.tree)) {
        const bool array = name.ends_with("[]");
        const std::string base = array ? name.substr(0, name.size() - 2) : name;
        if (number < 1 || base == "varchar" || base == "bpchar" || base == "name" || base.starts_with("reg")) {
            // PostgreSQL types $1::varchar, $1::char(n) and their arrays as text; reg* casts are
            // looked up by name in Duckgres, so their parameters are text too.
            continue;
        }
        uint32_t type_oid = types::TypeOidForName(base);
        if (type_oid != 0) {
            types[number] = array ? types::ArrayTypeOf(type_oid) : type_oid;
        }
    }
    return types;
}

void StatementWork::PrepareForParse(PreparedEntry &entry) {
    // Declared in Parse, or else cast in the statement ($1::oid[]).
    auto declared = entry.parameter_types;
    for (const auto &[number, type_oid] : CastParameterTypes(entry.statement)) {
        if (declared.size() < static_cast<size_t>(number)) {
            declared.resize(number, 0);
        }
        if (declared[number - 1] == 0) {
            declared[number - 1] = type_oid;
        }
    }
    std::map<int32_t, std::string> casts;
    try {
        entry.prepared = Prepare(entry.statement, entry.effects);
    } catch (const SqlError &) {
        for (size_t i = 0; i < declared.size(); i++) {
            if (declared[i] != 0) {
                casts[static_cast<int32_t>(i + 1)] = types::CastTypeNameForOid(declared[i]);
            }
        }
        if (casts.empty()) {
            throw;
        }
        entry.prepared = Prepare(entry.statement, entry.effects, casts);
    }
    // Parameters DuckDB could not type: a declared type decides; otherwise the value does, at
    // Bind (see TypeUnresolvedParameters), except that a result's columns must be known now for
    // Describe, so there PostgreSQL's choice for an unknown parameter, text, is tried.
    auto handle = entry.prepared->handle.Get();
    std::map<int32_t, std::string> as_text;
    // $n::numeric: DuckDB types it DECIMAL(18,3); PostgreSQL keeps the value's scale, known at Bind.
    const auto value_scaled =
        entry.statement.tree ? sql::ValueScaledParameters(*entry.statement.tree) : std::set<int32_t>{};
    for (idx_t i = 0; i < duckdb_nparams(handle); i++) {
        auto number = static_cast<int32_t>(i + 1);
        uint32_t type_oid = i < declared.size() ? declared[i] : 0;
        const bool scaled_by_value = type_oid == types::oid::kNumeric && value_scaled.count(number) > 0;
        if ((duckdb_param_type(handle, i + 1) != DUCKDB_TYPE_INVALID && !scaled_by_value) || casts.count(number)) {
            continue;
        }
        if (type_oid == types::oid::kNumeric) {
            // DuckDB's DECIMAL has a fixed scale: Bind takes it from the value.
            entry.unresolved_parameters.push_back(number);
        } else if (type_oid != 0) {
            casts[number] = types::CastTypeNameForOid(type_oid);
        } else {
            entry.unresolved_parameters.push_back(number);
            as_text[number] = "text";
        }
    }
    if (!casts.empty()) {
        entry.prepared = Prepare(entry.statement, entry.effects, casts);
    }
    bool unknown_columns =
        duckdb_prepared_statement_column_count(entry.prepared->handle.Get()) == 1 &&
        duckdb_prepared_statement_column_type(entry.prepared->handle.Get(), 0) == DUCKDB_TYPE_INVALID;
    if (!entry.unresolved_parameters.empty() && entry.statement.returns_rows && unknown_columns) {
        auto with_text = casts;
        with_text.insert(as_text.begin(), as_text.end());
        try {
            entry.prepared = Prepare(entry.statement, entry.effects, with_text);
            std::erase_if(entry.unresolved_parameters, [&](int32_t number) { return as_text.count(number) > 0; });
        } catch (const SqlError &) {
            // Text does not fit here (`$1 + 1`): Bind types the parameter from its value.
        }
    }
}

void StatementWork::TypeUnresolvedParameters(Portal &portal, const std::vector<std::optional<std::string>> &values,
                                             const std::vector<int16_t> &formats) {
    const auto &entry = *portal.source;
    std::map<int32_t, std::string> casts;
    auto oids = entry.parameter_types;
    for (auto number : entry.unresolved_parameters) {
        const auto &value = values[number - 1];
        if (!value) {
            // NULL says nothing about the type: PostgreSQL's unknown is text; numeric any scale.
            auto declared = oids[number - 1];
            casts[number] = declared == types::oid::kNumeric ? "numeric(38,0)" : "text";
            if (declared == 0) {
                oids[number - 1] = types::oid::kText;
            }
            continue;
        }
        bool binary = FormatFor(formats, number - 1) != 0;
        if (oids[number - 1] == types::oid::kNumeric) {
            casts[number] = "numeric(38," + std::to_string(types::NumericValueScale(*value, binary)) + ")";
        } else if (!binary) {
            oids[number - 1] = types::GuessTextValueOid(*value);
            casts[number] = types::CastTypeNameForOid(oids[number - 1]);
        }
    }
    if (casts.empty()) {
        return;
    }
    PreparedEntry typed;
    typed.statement = entry.statement;
    typed.prepared = Prepare(entry.statement, typed.effects, casts);
    Describe(typed);
    portal.prepared = typed.prepared;
    portal.effects = std::move(typed.effects);
    portal.fields = std::move(typed.fields);
    portal.parameter_types = std::move(oids);
}

void StatementWork::Describe(PreparedEntry &entry) {
    auto handle = entry.prepared->handle.Get();
    auto count = duckdb_nparams(handle);
    if (entry.parameter_types.size() > count) {
        // PostgreSQL allows more declared types than used parameters; DuckDB does not know them.
        entry.parameter_types.resize(count);
    }
    entry.parameter_types.resize(count, 0);
    // A parameter the statement casts ($1::oid[]) has the cast's type, as PostgreSQL reports it.
    for (const auto &[number, type_oid] : CastParameterTypes(entry.statement)) {
        if (static_cast<idx_t>(number) <= count && entry.parameter_types[number - 1] == 0) {
            entry.parameter_types[number - 1] = type_oid;
        }
    }
    for (idx_t i = 0; i < count; i++) {
        if (entry.parameter_types[i] == 0) {
            LogicalTypeHandle type(duckdb_param_logical_type(handle, i + 1));
            entry.parameter_types[i] = type ? types::ParameterTypeOid(type.Get()) : 25;
        }
    }
    const auto &statement = entry.statement;
    bool returns_rows = statement.tree ? statement.returns_rows
                                       : entry.prepared->type == DUCKDB_STATEMENT_TYPE_SELECT ||
                                             entry.prepared->type == DUCKDB_STATEMENT_TYPE_EXPLAIN ||
                                             entry.prepared->type == DUCKDB_STATEMENT_TYPE_PRAGMA ||
                                             entry.prepared->type == DUCKDB_STATEMENT_TYPE_CALL;
    if (!returns_rows) {
        return;
    }
    auto columns = duckdb_prepared_statement_column_count(handle);
    bool rename = statement.column_names.size() == columns;
    for (idx_t i = 0; i < columns; i++) {
        LogicalTypeHandle type(duckdb_prepared_statement_column_logical_type(handle, i));
        auto name = TakeDuckDbString(const_cast<char *>(duckdb_prepared_statement_column_name(handle, i)));
        if (columns == 1 && name == sql::kNoColumnsPlaceholder) {
            break; // SELECT with an empty select list
        }
        entry.fields.push_back(DescribeField(rename ? statement.column_names[i] : name, type.Get(), 0));
        entry.typed_columns.push_back(duckdb_get_type_id(type.Get()) != DUCKDB_TYPE_INVALID);
    }
}

} // namespace duckgres::session
