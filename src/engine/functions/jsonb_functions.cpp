// jsonb as a DuckDB type, its casts, and the json/jsonb operators and functions over types/json_document.
#include "engine/functions/jsonb_functions.hpp"

#include "engine/functions/function_support.hpp"
#include "types/json_document.hpp"
#include "types/json_path.hpp"

#include <charconv>
#include <optional>
#include <variant>

namespace duckgres::engine {

namespace {

using types::JsonValue;
using Kind = JsonValue::Kind;

enum class ArgKind { Jsonb, Json, Text, Int, Int4, TextArray, Bool };

//! One argument of one row.
struct Arg {
    std::string_view text;
    int64_t number = 0;
    bool flag = false;
    std::vector<std::optional<std::string_view>> list;
};

using Value = std::variant<std::string, bool, int64_t>;
using Result = std::optional<Value>;
using JsonRowFunction = Result (*)(std::span<const Arg>);

LogicalTypeHandle MakeType(ArgKind kind) {
    switch (kind) {
    case ArgKind::Jsonb:
    case ArgKind::Json: {
        LogicalTypeHandle type(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
        duckdb_logical_type_set_alias(type.Get(), kind == ArgKind::Jsonb ? "jsonb" : "JSON");
        return type;
    }
    case ArgKind::Text:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    case ArgKind::Int:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_BIGINT));
    case ArgKind::Int4:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_INTEGER));
    case ArgKind::Bool:
        return LogicalTypeHandle(duckdb_create_logical_type(DUCKDB_TYPE_BOOLEAN));
    case ArgKind::TextArray: {
        LogicalTypeHandle text(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
        return LogicalTypeHandle(duckdb_create_list_type(text.Get()));
    }
    }
    return {};
}

struct FunctionInfo {
    std::vector<ArgKind> parameters;
    ArgKind result;
    JsonRowFunction function;
};

void ExecuteJsonFunction(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
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
            for (size_t c = 0; c < columns && !null; c++) {
                if (!RowIsValid(validity[c], row)) {
                    null = true;
                    break;
                }
                Arg &arg = args[c];
                void *data = duckdb_vector_get_data(vectors[c]);
                switch (function.parameters[c]) {
                case ArgKind::Int:
                    arg.number = static_cast<int64_t *>(data)[row];
                    break;
                case ArgKind::Int4:
                    arg.number = static_cast<int32_t *>(data)[row];
                    break;
                case ArgKind::Bool:
                    arg.flag = static_cast<bool *>(data)[row];
                    break;
                case ArgKind::TextArray: {
                    const auto entry = static_cast<duckdb_list_entry *>(data)[row];
                    duckdb_vector child = duckdb_list_vector_get_child(vectors[c]);
                    auto *strings = static_cast<duckdb_string_t *>(duckdb_vector_get_data(child));
                    auto *child_validity = duckdb_vector_get_validity(child);
                    arg.list.clear();
                    for (idx_t i = entry.offset; i < entry.offset + entry.length; i++) {
                        if (RowIsValid(child_validity, i)) {
                            arg.list.emplace_back(StringAt(strings, i));
                        } else {
                            arg.list.emplace_back(std::nullopt);
                        }
                    }
                    break;
                }
                default:
                    arg.text = StringAt(static_cast<duckdb_string_t *>(data), row);
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
            } else if (function.result == ArgKind::Int4) {
                static_cast<int32_t *>(out)[row] = static_cast<int32_t>(std::get<int64_t>(*result));
            } else {
                static_cast<int64_t *>(out)[row] = std::get<int64_t>(*result);
            }
        }
    } catch (const SqlError &error) {
        duckdb_scalar_function_set_error(info, MessageWithSqlState(error).c_str());
    } catch (const std::exception &error) {
        duckdb_scalar_function_set_error(info, error.what());
    }
}

using ScalarFunctionSetHandle = DuckDbHandle<duckdb_scalar_function_set, duckdb_destroy_scalar_function_set>;

//! Adds `name(parameters...) -> result` computed row by row by `function` to `set`.
void AddJsonFunction(duckdb_scalar_function_set set, const char *name, std::vector<ArgKind> parameters, ArgKind result,
                     JsonRowFunction function) {
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
    duckdb_scalar_function_set_function(scalar.Get(), ExecuteJsonFunction);
    if (duckdb_add_scalar_function_to_set(set, scalar.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", std::string("could not add an overload of ") + name);
    }
}

// ---- Values ----

JsonValue Jsonb(std::string_view text) {
    return types::ParseJsonb(text);
}

std::string Text(const JsonValue &value) {
    return types::JsonbText(value);
}

//! ->> and #>>: a string unquoted, JSON null as SQL NULL, anything else as its text.
Result AsText(const JsonValue &value, std::string_view source, bool jsonb) {
    if (value.kind == Kind::Null) {
        return std::nullopt;
    }
    if (value.kind == Kind::String) {
        return value.scalar;
    }
    return jsonb ? Text(value) : std::string(source.substr(value.begin, value.end - value.begin));
}

//! `key` as an array index (negative counts from the end), nullopt when it is no integer or out of range.
std::optional<size_t> ArrayIndex(const JsonValue &array, int64_t index) {
    const auto size = static_cast<int64_t>(array.elements.size());
    if (index < 0) {
        index += size;
    }
    if (index < 0 || index >= size) {
        return std::nullopt;
    }
    return static_cast<size_t>(index);
}

std::optional<int64_t> ParseIndex(std::string_view text) {
    int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
        return std::nullopt;
    }
    return value;
}

const JsonValue *FieldByKey(const JsonValue &value, std::string_view key) {
    return value.kind == Kind::Object ? value.Member(key) : nullptr;
}

const JsonValue *ElementByIndex(const JsonValue &value, int64_t index) {
    if (value.kind != Kind::Array) {
        return nullptr;
    }
    auto position = ArrayIndex(value, index);
    return position ? &value.elements[*position] : nullptr;
}

const JsonValue *FollowPath(const JsonValue &root, const std::vector<std::optional<std::string_view>> &path) {
    const JsonValue *value = &root;
    for (const auto &step : path) {
        if (!step) {
            return nullptr;
        }
        if (value->kind == Kind::Object) {
            value = value->Member(*step);
        } else if (value->kind == Kind::Array) {
            auto index = ParseIndex(*step);
            value = index ? ElementByIndex(*value, *index) : nullptr;
        } else {
            return nullptr;
        }
        if (!value) {
            return nullptr;
        }
    }
    return value;
}

template <bool kJsonb, bool kText, bool kIndex>
Result GetField(std::span<const Arg> args) {
    const JsonValue root = kJsonb ? Jsonb(args[0].text) : types::ParseJson(args[0].text, false);
    const JsonValue *value = kIndex ? ElementByIndex(root, args[1].number) : FieldByKey(root, args[1].text);
    if (!value) {
        return std::nullopt;
    }
    if (kText) {
        return AsText(*value, args[0].text, kJsonb);
    }
    return kJsonb ? Text(*value) : std::string(args[0].text.substr(value->begin, value->end - value->begin));
}

template <bool kJsonb, bool kText>
Result GetPath(std::span<const Arg> args) {
    const JsonValue root = kJsonb ? Jsonb(args[0].text) : types::ParseJson(args[0].text, false);
    const JsonValue *value = FollowPath(root, args[1].list);
    if (!value) {
        return std::nullopt;
    }
    if (kText) {
        return AsText(*value, args[0].text, kJsonb);
    }
    return kJsonb ? Text(*value) : std::string(args[0].text.substr(value->begin, value->end - value->begin));
}

// ---- jsonb operators ----

Result Contains(std::span<const Arg> args) {
    return types::JsonbContains(Jsonb(args[0].text), Jsonb(args[1].text));
}

bool HasKey(const JsonValue &value, std::string_view key) {
    if (value.kind == Kind::Object) {
        return value.Member(key) != nullptr;
    }
    if (value.kind == Kind::Array) {
        for (const auto &element : value.elements) {
            if (element.kind == Kind::String && element.scalar == key) {
                return true;
            }
        }
        return false;
    }
    return value.kind == Kind::String && value.scalar == key;
}

Result Exists(std::span<const Arg> args) {
    return HasKey(Jsonb(args[0].text), args[1].text);
}

template <bool kAll>
Result ExistsKeys(std::span<const Arg> args) {
    const JsonValue value = Jsonb(args[0].text);
    for (const auto &key : args[1].list) {
        if (!key) {
            continue;
        }
        const bool found = HasKey(value, *key);
        if (kAll && !found) {
            return false;
        }
        if (!kAll && found) {
            return true;
        }
    }
    return kAll;
}

JsonValue AsArray(JsonValue value) {
    if (value.kind == Kind::Array) {
        return value;
    }
    JsonValue array;
    array.kind = Kind::Array;
    array.elements.push_back(std::move(value));
    return array;
}

Result Concat(std::span<const Arg> args) {
    JsonValue left = Jsonb(args[0].text);
    JsonValue right = Jsonb(args[1].text);
    if (left.kind == Kind::Object && right.kind == Kind::Object) {
        for (auto &member : right.members) {
            left.members.push_back(std::move(member));
        }
        types::CanonicalizeJsonb(left);
        return Text(left);
    }
    JsonValue result = AsArray(std::move(left));
    JsonValue tail = AsArray(std::move(right));
    for (auto &element : tail.elements) {
        result.elements.push_back(std::move(element));
    }
    return Text(result);
}

void DeleteKey(JsonValue &value, std::string_view key) {
    if (value.kind == Kind::Object) {
        std::erase_if(value.members, [&](const auto &member) { return member.first == key; });
    } else if (value.kind == Kind::Array) {
        std::erase_if(value.elements, [&](const JsonValue &e) { return e.kind == Kind::String && e.scalar == key; });
    } else {
        throw SqlError("22023", "cannot delete from scalar");
    }
}

Result DeleteText(std::span<const Arg> args) {
    JsonValue value = Jsonb(args[0].text);
    DeleteKey(value, args[1].text);
    return Text(value);
}

Result DeleteKeys(std::span<const Arg> args) {
    JsonValue value = Jsonb(args[0].text);
    if (!value.IsContainer()) {
        throw SqlError("22023", "cannot delete from scalar");
    }
    for (const auto &key : args[1].list) {
        if (key) {
            DeleteKey(value, *key);
        }
    }
    return Text(value);
}

Result DeleteIndex(std::span<const Arg> args) {
    JsonValue value = Jsonb(args[0].text);
    if (value.kind == Kind::Object) {
        throw SqlError("22023", "cannot delete from object using integer index");
    }
    if (value.kind != Kind::Array) {
        throw SqlError("22023", "cannot delete from scalar");
    }
    if (auto position = ArrayIndex(value, args[1].number)) {
        value.elements.erase(value.elements.begin() + static_cast<std::ptrdiff_t>(*position));
    }
    return Text(value);
}

int64_t PathIndex(std::string_view step, size_t position) {
    auto index = ParseIndex(step);
    if (!index) {
        throw SqlError("22P02", "path element at position " + std::to_string(position + 1) + " is not an integer: \"" +
                                    std::string(step) + "\"");
    }
    return *index;
}

void DeletePath(JsonValue &value, const std::vector<std::optional<std::string_view>> &path, size_t level) {
    if (level >= path.size() || !path[level]) {
        return;
    }
    const std::string_view step = *path[level];
    const bool last = level + 1 == path.size();
    if (value.kind == Kind::Object) {
        if (last) {
            std::erase_if(value.members, [&](const auto &member) { return member.first == step; });
        } else if (JsonValue *child = value.Member(step)) {
            DeletePath(*child, path, level + 1);
        }
    } else if (value.kind == Kind::Array) {
        auto position = ArrayIndex(value, PathIndex(step, level));
        if (!position) {
            return;
        }
        if (last) {
            value.elements.erase(value.elements.begin() + static_cast<std::ptrdiff_t>(*position));
        } else {
            DeletePath(value.elements[*position], path, level + 1);
        }
    }
}

Result DeletePathOp(std::span<const Arg> args) {
    JsonValue value = Jsonb(args[0].text);
    if (!value.IsContainer()) {
        throw SqlError("22023", "cannot delete path in scalar");
    }
    DeletePath(value, args[1].list, 0);
    return Text(value);
}

//! jsonb_set (insert false) and jsonb_insert (insert true) at `path`.
void SetPath(JsonValue &value, const std::vector<std::optional<std::string_view>> &path, size_t level,
             const JsonValue &replacement, bool create, bool insert, bool after) {
    if (!path[level]) {
        throw SqlError("22004", "path element at position " + std::to_string(level + 1) + " is null");
    }
    const std::string_view step = *path[level];
    const bool last = level + 1 == path.size();
    if (value.kind == Kind::Object) {
        JsonValue *child = value.Member(step);
        if (!last) {
            if (child) {
                SetPath(*child, path, level + 1, replacement, create, insert, after);
            }
            return;
        }
        if (child && insert) {
            throw SqlError("22023", "cannot replace existing key");
        }
        if (child) {
            *child = replacement;
        } else if (create || insert) {
            value.members.emplace_back(std::string(step), replacement);
            types::CanonicalizeJsonb(value);
        }
    } else if (value.kind == Kind::Array) {
        const int64_t index = PathIndex(step, level);
        const auto size = static_cast<int64_t>(value.elements.size());
        auto position = ArrayIndex(value, index);
        if (!last) {
            if (position) {
                SetPath(value.elements[*position], path, level + 1, replacement, create, insert, after);
            }
            return;
        }
        if (insert) {
            int64_t at = index < 0 ? index + size : index;
            if (at < 0) {
                at = 0;
            } else if (at > size) {
                at = size;
            } else if (after && at < size) {
                at++;
            }
            value.elements.insert(value.elements.begin() + at, replacement);
        } else if (position) {
            value.elements[*position] = replacement;
        } else if (create) {
            if (index < 0) {
                value.elements.insert(value.elements.begin(), replacement);
            } else {
                value.elements.push_back(replacement);
            }
        }
    }
}

template <bool kInsert>
Result SetOrInsert(std::span<const Arg> args) {
    JsonValue value = Jsonb(args[0].text);
    const JsonValue replacement = Jsonb(args[2].text);
    const bool flag = args.size() > 3 ? args[3].flag : !kInsert;
    if (!value.IsContainer()) {
        throw SqlError("22023", kInsert ? "cannot insert into scalar" : "cannot set path in scalar");
    }
    if (!args[1].list.empty()) {
        SetPath(value, args[1].list, 0, replacement, kInsert ? false : flag, kInsert, kInsert && flag);
    }
    return Text(value);
}

Result Pretty(std::span<const Arg> args) {
    return types::JsonbPretty(Jsonb(args[0].text));
}

void StripNulls(JsonValue &value) {
    if (value.kind == Kind::Object) {
        std::erase_if(value.members, [](const auto &member) { return member.second.kind == Kind::Null; });
        for (auto &member : value.members) {
            StripNulls(member.second);
        }
    } else if (value.kind == Kind::Array) {
        for (auto &element : value.elements) {
            StripNulls(element);
        }
    }
}

Result StripNullsJsonb(std::span<const Arg> args) {
    JsonValue value = Jsonb(args[0].text);
    StripNulls(value);
    return Text(value);
}

//! json_strip_nulls: the value without null object fields, printed compact (scalars as written).
void AppendStrippedJson(std::string &out, const JsonValue &value, std::string_view source) {
    if (value.kind == Kind::Object) {
        out += '{';
        bool first = true;
        for (const auto &[key, member] : value.members) {
            if (member.kind == Kind::Null) {
                continue;
            }
            out += first ? "" : ",";
            first = false;
            types::AppendJsonString(out, key);
            out += ':';
            AppendStrippedJson(out, member, source);
        }
        out += '}';
    } else if (value.kind == Kind::Array) {
        out += '[';
        for (size_t i = 0; i < value.elements.size(); i++) {
            out += i ? "," : "";
            AppendStrippedJson(out, value.elements[i], source);
        }
        out += ']';
    } else {
        out += source.substr(value.begin, value.end - value.begin);
    }
}

Result StripNullsJson(std::span<const Arg> args) {
    std::string out;
    AppendStrippedJson(out, types::ParseJson(args[0].text, false), args[0].text);
    return out;
}

Result ArrayLength(std::span<const Arg> args) {
    const JsonValue value = Jsonb(args[0].text);
    if (value.kind == Kind::Object) {
        throw SqlError("22023", "cannot get array length of a non-array");
    }
    if (value.kind != Kind::Array) {
        throw SqlError("22023", "cannot get array length of a scalar");
    }
    return static_cast<int64_t>(value.elements.size());
}

// ---- json built by functions ----

std::string Span(std::string_view source, const JsonValue &value) {
    return std::string(source.substr(value.begin, value.end - value.begin));
}

//! json_build_object / json_build_array / json_agg spacing over DuckDB's compact JSON: {"a" : 1, "b" : [1,2]} and
//! [1, 2] at the top level, nested values as they are.
Result BuildFormat(std::span<const Arg> args) {
    const std::string_view source = args[0].text;
    const JsonValue value = types::ParseJson(source, false);
    std::string out;
    if (value.kind == Kind::Object) {
        out += '{';
        for (size_t i = 0; i < value.members.size(); i++) {
            out += i ? ", " : "";
            types::AppendJsonString(out, value.members[i].first);
            out += " : " + Span(source, value.members[i].second);
        }
        out += '}';
    } else if (value.kind == Kind::Array) {
        out += '[';
        for (size_t i = 0; i < value.elements.size(); i++) {
            out += (i ? ", " : "") + Span(source, value.elements[i]);
        }
        out += ']';
    } else {
        out = std::string(source);
    }
    return out;
}

//! json_object_agg: the keys and values (two JSON arrays of equal length) as { "k1" : v1, "k2" : v2 }.
Result ObjectAggFormat(std::span<const Arg> args) {
    const JsonValue keys = types::ParseJson(args[0].text, false);
    const JsonValue values = types::ParseJson(args[1].text, false);
    if (keys.kind != Kind::Array || values.kind != Kind::Array || keys.elements.size() != values.elements.size()) {
        return std::nullopt;
    }
    std::string out = "{ ";
    for (size_t i = 0; i < keys.elements.size(); i++) {
        const JsonValue &key = keys.elements[i];
        if (key.kind == Kind::Null) {
            throw SqlError("22023", "field name must not be null");
        }
        out += i ? ", " : "";
        types::AppendJsonString(out, key.kind == Kind::String ? key.scalar : Span(args[0].text, key));
        out += " : " + Span(args[1].text, values.elements[i]);
    }
    return out + " }";
}

// ---- SQL/JSON paths ----

//! jsonb_path_query_array(): the items as a jsonb array; [] when there are none.
Result PathQueryArray(std::span<const Arg> args) {
    const JsonValue document = Jsonb(args[0].text);
    std::string out = "[";
    for (const auto *item : types::EvaluateJsonPath(document, args[1].text)) {
        out += (out.size() > 1 ? ", " : "") + Text(*item);
    }
    return out + "]";
}

//! jsonb_path_query_first(): the first item, NULL when there is none.
Result PathQueryFirst(std::span<const Arg> args) {
    const JsonValue document = Jsonb(args[0].text);
    const auto items = types::EvaluateJsonPath(document, args[1].text);
    return items.empty() ? Result() : Result(Text(*items.front()));
}

Result PathExists(std::span<const Arg> args) {
    const JsonValue document = Jsonb(args[0].text);
    return !types::EvaluateJsonPath(document, args[1].text).empty();
}

//! jsonb_path_match(): the path's single boolean item (a predicate's result); NULL for a JSON null.
Result PathMatch(std::span<const Arg> args) {
    const JsonValue document = Jsonb(args[0].text);
    const auto items = types::EvaluateJsonPath(document, args[1].text);
    if (items.size() == 1 && items[0]->kind == Kind::Null) {
        return std::nullopt;
    }
    if (items.size() != 1 || (items[0]->kind != Kind::True && items[0]->kind != Kind::False)) {
        throw SqlError("22038", "single boolean result is expected");
    }
    return items[0]->kind == Kind::True;
}

//! json_agg() of rows or arrays: PostgreSQL puts a newline and a space after the comma between such values.
Result AggRowsFormat(std::span<const Arg> args) {
    const std::string_view source = args[0].text;
    const JsonValue value = types::ParseJson(source, false);
    if (value.kind != Kind::Array) {
        return std::string(source);
    }
    std::string out = "[";
    for (size_t i = 0; i < value.elements.size(); i++) {
        out += (i ? ", \n " : "") + Span(source, value.elements[i]);
    }
    return out + "]";
}

// ---- Casts ----

bool CastToJsonb(duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
    return CastTextRows(info, count, input, output, [output](std::string_view text, idx_t row) {
        const std::string normalized = Text(Jsonb(text));
        duckdb_vector_assign_string_element_len(output, row, normalized.data(), normalized.size());
    });
}

bool CastByReference(duckdb_function_info, idx_t, duckdb_vector input, duckdb_vector output) {
    duckdb_vector_reference_vector(output, input);
    return true;
}

struct JsonFunctionRow {
    const char *name;
    std::vector<ArgKind> parameters;
    ArgKind result;
    JsonRowFunction function;
};

} // namespace

void RegisterJsonbFunctions(duckdb_connection connection) {
    LogicalTypeHandle jsonb = MakeType(ArgKind::Jsonb);
    if (duckdb_register_logical_type(connection, jsonb.Get(), nullptr) != DuckDBSuccess) {
        throw SqlError("XX000", "could not register type jsonb");
    }
    LogicalTypeHandle json = MakeType(ArgKind::Json);
    LogicalTypeHandle varchar(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    LogicalTypeHandle literal(duckdb_create_logical_type(DUCKDB_TYPE_STRING_LITERAL));
    // Text and JSON become jsonb by parsing (a literal implicitly, as '...' takes any type); jsonb is JSON text and
    // a string to everything else (JSON first, so that DuckDB's JSON functions take it as JSON).
    constexpr int64_t kLiteralCost = 20;
    RegisterCast(connection, varchar.Get(), jsonb.Get(), -1, CastToJsonb);
    RegisterCast(connection, literal.Get(), jsonb.Get(), kLiteralCost, CastToJsonb);
    RegisterCast(connection, json.Get(), jsonb.Get(), -1, CastToJsonb);
    RegisterCast(connection, jsonb.Get(), json.Get(), 1, CastByReference);
    RegisterCast(connection, jsonb.Get(), varchar.Get(), 2, CastByReference);

    using enum ArgKind;
    const JsonFunctionRow rows[] = {
        {"duckgres_json_get", {Jsonb, Text}, Jsonb, GetField<true, false, false>},
        {"duckgres_json_get", {Jsonb, Int}, Jsonb, GetField<true, false, true>},
        {"duckgres_json_get", {Json, Text}, Json, GetField<false, false, false>},
        {"duckgres_json_get", {Json, Int}, Json, GetField<false, false, true>},
        {"duckgres_json_get_text", {Jsonb, Text}, Text, GetField<true, true, false>},
        {"duckgres_json_get_text", {Jsonb, Int}, Text, GetField<true, true, true>},
        {"duckgres_json_get_text", {Json, Text}, Text, GetField<false, true, false>},
        {"duckgres_json_get_text", {Json, Int}, Text, GetField<false, true, true>},
        {"duckgres_json_get_path", {Jsonb, TextArray}, Jsonb, GetPath<true, false>},
        {"duckgres_json_get_path", {Json, TextArray}, Json, GetPath<false, false>},
        {"duckgres_json_get_path_text", {Jsonb, TextArray}, Text, GetPath<true, true>},
        {"duckgres_json_get_path_text", {Json, TextArray}, Text, GetPath<false, true>},
        {"duckgres_jsonb_contains", {Jsonb, Jsonb}, Bool, Contains},
        {"duckgres_jsonb_exists", {Jsonb, Text}, Bool, Exists},
        {"duckgres_jsonb_exists_any", {Jsonb, TextArray}, Bool, ExistsKeys<false>},
        {"duckgres_jsonb_exists_all", {Jsonb, TextArray}, Bool, ExistsKeys<true>},
        {"duckgres_jsonb_concat", {Jsonb, Jsonb}, Jsonb, Concat},
        {"duckgres_jsonb_delete", {Jsonb, Text}, Jsonb, DeleteText},
        {"duckgres_jsonb_delete", {Jsonb, Int}, Jsonb, DeleteIndex},
        {"duckgres_jsonb_delete", {Jsonb, TextArray}, Jsonb, DeleteKeys},
        {"duckgres_jsonb_delete_path", {Jsonb, TextArray}, Jsonb, DeletePathOp},
        {"jsonb_set", {Jsonb, TextArray, Jsonb}, Jsonb, SetOrInsert<false>},
        {"jsonb_set", {Jsonb, TextArray, Jsonb, Bool}, Jsonb, SetOrInsert<false>},
        {"jsonb_insert", {Jsonb, TextArray, Jsonb}, Jsonb, SetOrInsert<true>},
        {"jsonb_insert", {Jsonb, TextArray, Jsonb, Bool}, Jsonb, SetOrInsert<true>},
        {"jsonb_pretty", {Jsonb}, Text, Pretty},
        {"jsonb_strip_nulls", {Jsonb}, Jsonb, StripNullsJsonb},
        {"json_strip_nulls", {Json}, Json, StripNullsJson},
        {"jsonb_array_length", {Jsonb}, Int4, ArrayLength},
        {"duckgres_json_build_format", {Json}, Json, BuildFormat},
        {"duckgres_json_object_agg_format", {Json, Json}, Json, ObjectAggFormat},
        {"duckgres_json_agg_rows_format", {Json}, Json, AggRowsFormat},
        {"jsonb_path_exists", {Jsonb, Text}, Bool, PathExists},
        {"jsonb_path_match", {Jsonb, Text}, Bool, PathMatch},
        {"jsonb_path_query_array", {Jsonb, Text}, Jsonb, PathQueryArray},
        {"jsonb_path_query_first", {Jsonb, Text}, Jsonb, PathQueryFirst},
    };
    // Rows of one name are adjacent: each name is one function set of its overloads.
    for (size_t first = 0; first < std::size(rows);) {
        ScalarFunctionSetHandle set(duckdb_create_scalar_function_set(rows[first].name));
        size_t next = first;
        for (; next < std::size(rows) && std::string_view(rows[next].name) == rows[first].name; next++) {
            AddJsonFunction(set.Get(), rows[next].name, rows[next].parameters, rows[next].result, rows[next].function);
        }
        if (duckdb_register_scalar_function_set(connection, set.Get()) != DuckDBSuccess) {
            throw SqlError("XX000", std::string("could not register ") + rows[first].name);
        }
        first = next;
    }
}

} // namespace duckgres::engine
