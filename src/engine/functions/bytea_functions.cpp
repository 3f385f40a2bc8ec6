// bytea input as a DuckDB cast, and PostgreSQL's bytea functions over types/bytea_codec.
#include "engine/functions/bytea_functions.hpp"

#include "auth/crypto.hpp"
#include "engine/functions/function_support.hpp"
#include "types/bytea_codec.hpp"
#include "types/text_format.hpp"
#include "types/text_input.hpp"

namespace duckgres::engine {

namespace {

bool CastTextToBytea(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    return CastTextRows(info, count, input, output, [output](std::string_view text, idx_t row) {
        const std::string bytes = types::ParseByteaText(text);
        duckdb_vector_assign_string_element_len(output, row, bytes.data(), bytes.size());
    });
}

using Arguments = std::span<const std::string_view>;

struct StringFunctionRow {
    const char *name;
    std::vector<duckdb_type> parameters;
    duckdb_type result;
    StringRowFunction function;
};

} // namespace

void RegisterByteaFunctions(duckdb_connection connection) {
    // A string literal converts to bytea implicitly (a bytea column = '\x...', sha256('abc')), as DuckDB lets
    // literals convert to any type; a VARCHAR value only explicitly, as in DuckDB.
    constexpr int64_t kLiteralCost = 20;
    for (auto source : {DUCKDB_TYPE_VARCHAR, DUCKDB_TYPE_STRING_LITERAL}) {
        LogicalTypeHandle text(duckdb_create_logical_type(source));
        LogicalTypeHandle bytea(duckdb_create_logical_type(DUCKDB_TYPE_BLOB));
        RegisterCast(connection, text.Get(), bytea.Get(), source == DUCKDB_TYPE_STRING_LITERAL ? kLiteralCost : -1,
                     CastTextToBytea);
    }
    constexpr auto kText = DUCKDB_TYPE_VARCHAR;
    constexpr auto kBytes = DUCKDB_TYPE_BLOB;
    const StringFunctionRow functions[] = {
        {"duckgres_encode",
         {kBytes, kText},
         kText,
         [](Arguments args) { return types::EncodeBytes(args[0], args[1]); }},
        {"duckgres_decode",
         {kText, kText},
         kBytes,
         [](Arguments args) { return types::DecodeBytes(args[0], args[1]); }},
        {"convert_to",
         {kText, kText},
         kBytes,
         [](Arguments args) { return types::ConvertToEncoding(args[0], args[1]); }},
        {"convert_from",
         {kBytes, kText},
         kText,
         [](Arguments args) { return types::ConvertFromEncoding(args[0], args[1]); }},
        {"duckgres_sha256", {kBytes}, kBytes, [](Arguments args) { return auth::Sha256(args[0]); }},
        {"duckgres_bytea_escape_text",
         {kBytes},
         kText,
         [](Arguments args) {
             std::string text;
             types::AppendBytea(text, args[0], types::ByteaOutput::kEscape);
             return text;
         }},
    };
    for (const auto &row : functions) {
        RegisterStringFunction(connection, row.name, row.parameters, row.result, row.function);
    }
}

} // namespace duckgres::engine
