// The text search types' registration, casts and functions over types/text_search (values kept as canonical text).
#include "engine/functions/text_search_functions.hpp"

#include "engine/functions/function_support.hpp"
#include "types/text_search.hpp"

#include <optional>
#include <variant>

namespace duckgres::engine {

namespace {

using namespace duckgres::types;

enum class ArgKind { TsVector, TsQuery, RegConfig, Text, Int4, Bool, Float };

struct Arg {
    std::string_view text;
    int64_t number = 0;
};

using Value = std::variant<std::string, bool, int64_t, float>;
using Result = std::optional<Value>;
using RowFunction = Result (*)(std::span<const Arg>);

LogicalTypeHandle MakeType(ArgKind kind) {
    switch (kind) {
    case ArgKind::TsVector:
    case ArgKind::TsQuery:
    case ArgKind::RegConfig: {
        LogicalTypeHandle type(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
        duckdb_logical_type_set_alias(type.Get(), kind == ArgKind::TsVector  ? "tsvector"
                                                  : kind == ArgKind::TsQuery ? "tsquery"
                                                                             : "regconfig");
        return type;
    }
    case ArgKind::Text:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    case ArgKind::Int4:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_INTEGER));
    case ArgKind::Bool:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_BOOLEAN));
    case ArgKind::Float:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_FLOAT));
    }
    return {};
}

struct FunctionInfo {
    std::vector<ArgKind> parameters;
    ArgKind result;
    RowFunction function;
};

void ExecuteRows(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    const auto &function = *static_cast<const FunctionInfo *>(duckdb_scalar_function_get_extra_info(info));
    const idx_t rows = duckdb_data_chunk_get_size(input);
    const size_t columns = function.parameters.size();
    std::vector<duckdb_vector> vectors(columns);
    std::vector<uint64_t *> validity(columns);
    for (size_t c = 0; c < columns; c++) {
        vectors[c] = duckdb_data_chunk_get_vector(input, c);
        validity[c] = duckdb_vector_get_validity(vectors[c]);
    }
    duckdb_vector_ensure_validity_writable(output);
    auto *out_validity = duckdb_vector_get_validity(output);
    std::vector<Arg> args(columns);
    try {
        for (idx_t row = 0; row < rows; row++) {
            bool null = false;
            for (size_t c = 0; c < columns; c++) {
                if (!RowIsValid(validity[c], row)) {
                    null = true;
                    break;
                }
                void *data = duckdb_vector_get_data(vectors[c]);
                if (function.parameters[c] == ArgKind::Int4) {
                    args[c].number = static_cast<int32_t *>(data)[row];
                } else {
                    args[c].text = StringAt(static_cast<duckdb_string_t *>(data), row);
                }
            }
            Result result = null ? std::nullopt : function.function(args);
            if (!result) {
                duckdb_validity_set_row_invalid(out_validity, row);
                continue;
            }
            void *out = duckdb_vector_get_data(output);
            if (auto *text = std::get_if<std::string>(&*result)) {
                duckdb_vector_assign_string_element_len(output, row, text->data(), text->size());
            } else if (auto *flag = std::get_if<bool>(&*result)) {
                static_cast<bool *>(out)[row] = *flag;
            } else if (auto *real = std::get_if<float>(&*result)) {
                static_cast<float *>(out)[row] = *real;
            } else {
                static_cast<int32_t *>(out)[row] = static_cast<int32_t>(std::get<int64_t>(*result));
            }
        }
    } catch (const SqlError &error) {
        duckdb_scalar_function_set_error(info, MessageWithSqlState(error).c_str());
    } catch (const std::exception &error) {
        duckdb_scalar_function_set_error(info, error.what());
    }
}

using ScalarFunctionSetHandle = DuckDbHandle<duckdb_scalar_function_set, duckdb_destroy_scalar_function_set>;

void AddFunction(duckdb_scalar_function_set set, const char *name, std::vector<ArgKind> parameters, ArgKind result,
                 RowFunction function) {
    ScalarFunctionHandle scalar(duckdb_create_scalar_function());
    duckdb_scalar_function_set_name(scalar.Get(), name);
    for (auto kind : parameters) {
        LogicalTypeHandle type = MakeType(kind);
        duckdb_scalar_function_add_parameter(scalar.Get(), type.Get());
    }
    LogicalTypeHandle result_type = MakeType(result);
    duckdb_scalar_function_set_return_type(scalar.Get(), result_type.Get());
    auto *info = new FunctionInfo{std::move(parameters), result, function};
    duckdb_scalar_function_set_extra_info(scalar.Get(), info,
                                          [](void *data) { delete static_cast<FunctionInfo *>(data); });
    duckdb_scalar_function_set_function(scalar.Get(), ExecuteRows);
    if (duckdb_add_scalar_function_to_set(set, scalar.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", std::string("could not add an overload of ") + name);
    }
}

// ---- Values ----

TsVector Vector(const Arg &arg) {
    return ParseTsVector(arg.text);
}

TsQuery Query(const Arg &arg) {
    return ParseTsQuery(arg.text);
}

TsConfig Config(const Arg &arg) {
    return ParseTsConfig(arg.text);
}

template <TsQuery (*Build)(TsConfig, std::string_view)>
Result BuildQuery(std::span<const Arg> args) {
    return FormatTsQuery(Build(Config(args[0]), args[1].text));
}

Result ToVector(std::span<const Arg> args) {
    return FormatTsVector(ToTsVector(Config(args[0]), args[1].text));
}

Result Match(std::span<const Arg> args) {
    return TsMatch(Vector(args[0]), Query(args[1]));
}

Result MatchReversed(std::span<const Arg> args) {
    return TsMatch(Vector(args[1]), Query(args[0]));
}

Result Concat(std::span<const Arg> args) {
    return FormatTsVector(ConcatTsVectors(Vector(args[0]), Vector(args[1])));
}

Result Length(std::span<const Arg> args) {
    return static_cast<int64_t>(Vector(args[0]).lexemes.size());
}

Result NumNode(std::span<const Arg> args) {
    return static_cast<int64_t>(TsQueryNodeCount(Query(args[0])));
}

Result SetWeight(std::span<const Arg> args) {
    if (args[1].text.size() != 1) {
        throw SqlError("22023", "unrecognized weight: " + std::to_string(args[1].text.empty() ? 0 : args[1].text[0]));
    }
    return FormatTsVector(SetTsWeight(Vector(args[0]), args[1].text[0]));
}

Result Strip(std::span<const Arg> args) {
    return FormatTsVector(StripTsVector(Vector(args[0])));
}

Result QueryAnd(std::span<const Arg> args) {
    return FormatTsQuery(TsQueryAnd(Query(args[0]), Query(args[1])));
}

Result QueryOr(std::span<const Arg> args) {
    return FormatTsQuery(TsQueryOr(Query(args[0]), Query(args[1])));
}

Result QueryNot(std::span<const Arg> args) {
    return FormatTsQuery(TsQueryNot(Query(args[0])));
}

Result QueryPhrase(std::span<const Arg> args) {
    return FormatTsQuery(TsQueryPhrase(Query(args[0]), Query(args[1]), args.size() > 2 ? args[2].number : 1));
}

template <bool Cd>
Result Rank(std::span<const Arg> args) {
    const int normalization = args.size() > 2 ? static_cast<int>(args[2].number) : 0;
    const auto vector = Vector(args[0]);
    const auto query = Query(args[1]);
    return Cd ? TsRankCd(kDefaultTsWeights, vector, query, normalization)
              : TsRank(kDefaultTsWeights, vector, query, normalization);
}

// ---- Casts ----

template <bool Query>
bool CastToTextSearch(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    return CastTextRows(info, count, input, output, [output](std::string_view text, idx_t row) {
        const std::string normalized = Query ? FormatTsQuery(ParseTsQuery(text)) : FormatTsVector(ParseTsVector(text));
        duckdb_vector_assign_string_element_len(output, row, normalized.data(), normalized.size());
    });
}

bool CastToRegConfig(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    return CastTextRows(info, count, input, output, [output](std::string_view text, idx_t row) {
        const std::string name = ParseTsConfig(text) == TsConfig::English ? "english" : "simple";
        duckdb_vector_assign_string_element_len(output, row, name.data(), name.size());
    });
}

bool CastByReference(duckdb_function_info, idx_t, duckdb_vector input, duckdb_vector output) {
    duckdb_vector_reference_vector(output, input);
    return true;
}

struct FunctionRow {
    const char *name;
    std::vector<ArgKind> parameters;
    ArgKind result;
    RowFunction function;
};

} // namespace

void RegisterTextSearchFunctions(duckdb_connection connection) {
    LogicalTypeHandle varchar(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    LogicalTypeHandle literal(duckdb_create_logical_type(DUCKDB_TYPE_STRING_LITERAL));
    constexpr int64_t kLiteralCost = 20;
    for (auto kind : {ArgKind::TsVector, ArgKind::TsQuery, ArgKind::RegConfig}) {
        LogicalTypeHandle type = MakeType(kind);
        if (duckdb_register_logical_type(connection, type.Get(), nullptr) != DuckDBSuccess) {
            throw SqlError("XX000", "could not register a text search type");
        }
        duckdb_cast_function_t parse = kind == ArgKind::TsVector  ? CastToTextSearch<false>
                                       : kind == ArgKind::TsQuery ? CastToTextSearch<true>
                                                                  : CastToRegConfig;
        RegisterCast(connection, varchar.Get(), type.Get(), -1, parse);
        RegisterCast(connection, literal.Get(), type.Get(), kLiteralCost, parse);
        RegisterCast(connection, type.Get(), varchar.Get(), 2, CastByReference);
    }

    using enum ArgKind;
    const FunctionRow rows[] = {
        {"to_tsvector", {RegConfig, Text}, TsVector, ToVector},
        {"to_tsquery", {RegConfig, Text}, TsQuery, BuildQuery<ToTsQuery>},
        {"plainto_tsquery", {RegConfig, Text}, TsQuery, BuildQuery<PlainToTsQuery>},
        {"phraseto_tsquery", {RegConfig, Text}, TsQuery, BuildQuery<PhraseToTsQuery>},
        {"websearch_to_tsquery", {RegConfig, Text}, TsQuery, BuildQuery<WebSearchToTsQuery>},
        {"duckgres_ts_match", {TsVector, TsQuery}, Bool, Match},
        {"duckgres_ts_match", {TsQuery, TsVector}, Bool, MatchReversed},
        {"duckgres_ts_concat", {TsVector, TsVector}, TsVector, Concat},
        {"duckgres_ts_length", {TsVector}, Int4, Length},
        {"numnode", {TsQuery}, Int4, NumNode},
        {"setweight", {TsVector, Text}, TsVector, SetWeight},
        {"strip", {TsVector}, TsVector, Strip},
        {"duckgres_tsquery_and", {TsQuery, TsQuery}, TsQuery, QueryAnd},
        {"duckgres_tsquery_or", {TsQuery, TsQuery}, TsQuery, QueryOr},
        {"duckgres_tsquery_not", {TsQuery}, TsQuery, QueryNot},
        {"tsquery_phrase", {TsQuery, TsQuery}, TsQuery, QueryPhrase},
        {"tsquery_phrase", {TsQuery, TsQuery, Int4}, TsQuery, QueryPhrase},
        {"ts_rank", {TsVector, TsQuery}, Float, Rank<false>},
        {"ts_rank", {TsVector, TsQuery, Int4}, Float, Rank<false>},
        {"ts_rank_cd", {TsVector, TsQuery}, Float, Rank<true>},
        {"ts_rank_cd", {TsVector, TsQuery, Int4}, Float, Rank<true>},
    };
    // Rows of one name are adjacent: each name is one function set of its overloads.
    for (size_t first = 0; first < std::size(rows);) {
        ScalarFunctionSetHandle set(duckdb_create_scalar_function_set(rows[first].name));
        size_t next = first;
        for (; next < std::size(rows) && std::string_view(rows[next].name) == rows[first].name; next++) {
            AddFunction(set.Get(), rows[next].name, rows[next].parameters, rows[next].result, rows[next].function);
        }
        if (duckdb_register_scalar_function_set(connection, set.Get()) != DuckDBSuccess) {
            throw SqlError("XX000", std::string("could not register ") + rows[first].name);
        }
        first = next;
    }
}

} // namespace duckgres::engine
