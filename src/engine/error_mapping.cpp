// Maps DuckDB error types and messages to SQLSTATEs, PostgreSQL wording and positions.
#include "engine/error_mapping.hpp"

#include "common/character_length.hpp"
#include "common/utf8.hpp"

#include <array>
#include <regex>

namespace duckgres::engine {

namespace {

struct ErrorKindName {
    const char *prefix; //!< DuckDB's message prefix, e.g. "Catalog Error: "
    duckdb_error_type type;
};

constexpr std::array kKindNames = {
    ErrorKindName{"Parser Error: ", DUCKDB_ERROR_PARSER},
    ErrorKindName{"Syntax Error: ", DUCKDB_ERROR_SYNTAX},
    ErrorKindName{"Catalog Error: ", DUCKDB_ERROR_CATALOG},
    ErrorKindName{"Binder Error: ", DUCKDB_ERROR_BINDER},
    ErrorKindName{"Conversion Error: ", DUCKDB_ERROR_CONVERSION},
    ErrorKindName{"Out of Range Error: ", DUCKDB_ERROR_OUT_OF_RANGE},
    ErrorKindName{"Constraint Error: ", DUCKDB_ERROR_CONSTRAINT},
    ErrorKindName{"Invalid Input Error: ", DUCKDB_ERROR_INVALID_INPUT},
    ErrorKindName{"Not implemented Error: ", DUCKDB_ERROR_NOT_IMPLEMENTED},
    ErrorKindName{"Transaction Error: ", DUCKDB_ERROR_TRANSACTION},
    ErrorKindName{"TransactionContext Error: ", DUCKDB_ERROR_TRANSACTION},
    ErrorKindName{"Type Mismatch Error: ", DUCKDB_ERROR_MISMATCH_TYPE},
    ErrorKindName{"Invalid type Error: ", DUCKDB_ERROR_INVALID_TYPE},
    ErrorKindName{"Divide by Zero Error: ", DUCKDB_ERROR_DIVIDE_BY_ZERO},
    ErrorKindName{"Permission Error: ", DUCKDB_ERROR_PERMISSION},
    ErrorKindName{"Dependency Error: ", DUCKDB_ERROR_DEPENDENCY},
    ErrorKindName{"Sequence Error: ", DUCKDB_ERROR_SEQUENCE},
    ErrorKindName{"IO Error: ", DUCKDB_ERROR_IO},
    ErrorKindName{"Out of Memory Error: ", DUCKDB_ERROR_OUT_OF_MEMORY},
    ErrorKindName{"INTERRUPT Error: ", DUCKDB_ERROR_INTERRUPT},
    ErrorKindName{"Interrupt Error: ", DUCKDB_ERROR_INTERRUPT},
    ErrorKindName{"Settings Error: ", DUCKDB_ERROR_SETTINGS},
    ErrorKindName{"Internal Error: ", DUCKDB_ERROR_INTERNAL},
    ErrorKindName{"FATAL Error: ", DUCKDB_ERROR_FATAL},
    ErrorKindName{"Fatal Error: ", DUCKDB_ERROR_FATAL},
    ErrorKindName{"Serialization Error: ", DUCKDB_ERROR_SERIALIZATION},
    ErrorKindName{"Expression Error: ", DUCKDB_ERROR_EXPRESSION},
    ErrorKindName{"Decimal Error: ", DUCKDB_ERROR_DECIMAL},
    ErrorKindName{"Invalid Error: ", DUCKDB_ERROR_INVALID},
    ErrorKindName{"Invalid Configuration Error: ", DUCKDB_INVALID_CONFIGURATION},
    ErrorKindName{"Missing Extension Error: ", DUCKDB_ERROR_MISSING_EXTENSION},
    ErrorKindName{"Extension Autoloading Error: ", DUCKDB_ERROR_AUTOLOAD},
    ErrorKindName{"HTTP Error: ", DUCKDB_ERROR_HTTP},
    ErrorKindName{"Connection Error: ", DUCKDB_ERROR_CONNECTION},
    ErrorKindName{"Parameter Not Resolved Error: ", DUCKDB_ERROR_PARAMETER_NOT_RESOLVED},
    ErrorKindName{"Parameter Not Allowed Error: ", DUCKDB_ERROR_PARAMETER_NOT_ALLOWED},
};

bool Contains(std::string_view text, std::string_view part) {
    return text.find(part) != std::string_view::npos;
}

//! A refinement: within one DuckDB error type, messages containing `needle` get `sqlstate`.
struct MessageRule {
    duckdb_error_type type;
    const char *needle;
    const char *sqlstate;
    const char *also = nullptr; //!< a second text the message must contain, when set
};

// First match wins; the per-type default follows in DefaultSqlState.
constexpr std::array kMessageRules = {
    MessageRule{DUCKDB_ERROR_CATALOG, "Schema with name", "42P06", "already exists"},
    MessageRule{DUCKDB_ERROR_CATALOG, "Column with name", "42701", "already exists"},
    MessageRule{DUCKDB_ERROR_CATALOG, "Type with name", "42710", "already exists"},
    MessageRule{DUCKDB_ERROR_CATALOG, "already exists", "42P07"},
    MessageRule{DUCKDB_ERROR_CATALOG, "Table with name", "42P01"},
    MessageRule{DUCKDB_ERROR_CATALOG, "View with name", "42P01"},
    MessageRule{DUCKDB_ERROR_CATALOG, "Table Function with name", "42883"},
    MessageRule{DUCKDB_ERROR_CATALOG, "Function with name", "42883"},
    MessageRule{DUCKDB_ERROR_CATALOG, "Macro Function with name", "42883"},
    MessageRule{DUCKDB_ERROR_CATALOG, "Schema with name", "3F000"},
    MessageRule{DUCKDB_ERROR_CATALOG, "Type with name", "42704"},
    MessageRule{DUCKDB_ERROR_CATALOG, "Sequence with name", "42P01"},
    MessageRule{DUCKDB_ERROR_CATALOG, "Index with name", "42P01"},
    MessageRule{DUCKDB_ERROR_CATALOG, "Catalog with name", "3D000"},
    MessageRule{DUCKDB_ERROR_CATALOG, "Column with name", "42703"},
    MessageRule{DUCKDB_ERROR_BINDER, "Referenced column", "42703"},
    MessageRule{DUCKDB_ERROR_BINDER, "Referenced update column", "42703"},
    MessageRule{DUCKDB_ERROR_BINDER, "Referenced table", "42P01"},
    MessageRule{DUCKDB_ERROR_BINDER, "does not have a column named", "42703"},
    MessageRule{DUCKDB_ERROR_BINDER, "does not have a column with name", "42703"},
    MessageRule{DUCKDB_ERROR_BINDER, "Values list", "42703"},
    MessageRule{DUCKDB_ERROR_BINDER, "is ambiguous", "42702"},
    MessageRule{DUCKDB_ERROR_BINDER, "Ambiguous reference", "42702"},
    MessageRule{DUCKDB_ERROR_BINDER, "must appear in the GROUP BY clause", "42803"},
    MessageRule{DUCKDB_ERROR_BINDER, "aggregate function calls cannot be nested", "42803"},
    MessageRule{DUCKDB_ERROR_BINDER, "No function matches", "42883"},
    MessageRule{DUCKDB_ERROR_BINDER, "Could not choose a best candidate function", "42725"},
    MessageRule{DUCKDB_ERROR_BINDER, "Prepared statement", "26000", "does not exist"},
    MessageRule{DUCKDB_ERROR_INVALID_INPUT, "Prepared statement", "26000", "does not exist"},
    // The catalog's lookups (::regclass, has_schema_privilege...) fail with PostgreSQL's messages.
    MessageRule{DUCKDB_ERROR_INVALID_INPUT, "relation \"", "42P01", "\" does not exist"},
    MessageRule{DUCKDB_ERROR_INVALID_INPUT, "schema \"", "3F000", "\" does not exist"},
    MessageRule{DUCKDB_ERROR_INVALID_INPUT, "role \"", "42704", "\" does not exist"},
    // pg_cancel_backend / pg_terminate_backend of a session the caller may not signal.
    MessageRule{DUCKDB_ERROR_INVALID_INPUT, "permission denied to ", "42501"},
    MessageRule{DUCKDB_ERROR_INVALID_INPUT, "type \"", "42704", "\" does not exist"},
    MessageRule{DUCKDB_ERROR_BINDER, "Cannot compare values", "42883"},
    MessageRule{DUCKDB_ERROR_BINDER, "WHERE clause cannot contain aggregates", "42803"},
    MessageRule{DUCKDB_ERROR_BINDER, "Duplicate column name", "42701"},
    MessageRule{DUCKDB_ERROR_BINDER, "has more expressions than target columns", "42601"},
    MessageRule{DUCKDB_ERROR_BINDER, "values were supplied", "42601"},
    MessageRule{DUCKDB_ERROR_BINDER, "Cannot mix values of type", "42804"},
    MessageRule{DUCKDB_ERROR_BINDER, "Column name/alias", "42703"},
    MessageRule{DUCKDB_ERROR_BINDER, "cannot contain window functions", "42P20"},
    MessageRule{DUCKDB_ERROR_BINDER, "conflict target are not referenced by a UNIQUE/PRIMARY KEY", "42P10"},
    MessageRule{DUCKDB_ERROR_BINDER, "Cannot concatenate types", "42883"},
    MessageRule{DUCKDB_ERROR_BINDER, "Cannot concatenate lists of types", "42883"},
    MessageRule{DUCKDB_ERROR_PARSER, "in a recursive query is not allowed", "0A000"},
    MessageRule{DUCKDB_ERROR_CATALOG, "does not exist", "42704"},
    // INSERT / UPDATE / DELETE on a view: PostgreSQL's "cannot insert into view" of a view it cannot update.
    MessageRule{DUCKDB_ERROR_CATALOG, " is not an table", "55000"},
    MessageRule{DUCKDB_ERROR_CONSTRAINT, "NOT NULL constraint", "23502"},
    MessageRule{DUCKDB_ERROR_CONSTRAINT, "foreign key", "23503"},
    MessageRule{DUCKDB_ERROR_CONSTRAINT, "CHECK constraint", "22001", "length(rtrim("},
    MessageRule{DUCKDB_ERROR_CONSTRAINT, "CHECK constraint", "23514"},
    MessageRule{DUCKDB_ERROR_CONSTRAINT, "Duplicate key", "23505"},
    MessageRule{DUCKDB_ERROR_CONSTRAINT, "unique", "23505"},
    MessageRule{DUCKDB_ERROR_CONSTRAINT, "UNIQUE", "23505"},
    MessageRule{DUCKDB_ERROR_CONSTRAINT, "PRIMARY KEY", "23505"},
    // CREATE UNIQUE INDEX over rows that already repeat a key.
    MessageRule{DUCKDB_ERROR_CONSTRAINT, "contains duplicates on indexed column", "23505"},
    MessageRule{DUCKDB_ERROR_CONVERSION, "BIGNUM -> DECIMAL", "22003"},
    MessageRule{DUCKDB_ERROR_CONVERSION, "Could not cast value", "22003", "to DECIMAL"},
    MessageRule{DUCKDB_ERROR_CONVERSION, "Unimplemented type for cast", "42846"},
    // Array input (engine/functions/array_text_functions.cpp) reads elements with PostgreSQL's input functions.
    MessageRule{DUCKDB_ERROR_CONVERSION, "numeric field overflow", "22003"},
    MessageRule{DUCKDB_ERROR_CONVERSION, "invalid input syntax for type date", "22007"},
    MessageRule{DUCKDB_ERROR_CONVERSION, "invalid input syntax for type time", "22007"},
    MessageRule{DUCKDB_ERROR_CONVERSION, "invalid input syntax for type interval", "22007"},
    MessageRule{DUCKDB_ERROR_CONVERSION, "field value out of range", "22008"},
    MessageRule{DUCKDB_ERROR_CONVERSION, "field format", "22007"},
    MessageRule{DUCKDB_ERROR_CONVERSION, "out of range", "22003"},
    MessageRule{DUCKDB_ERROR_CONVERSION, "Overflow", "22003"},
    MessageRule{DUCKDB_ERROR_CONVERSION, "date field value out of range", "22008"},
    MessageRule{DUCKDB_ERROR_CONVERSION, "timestamp field value out of range", "22008"},
    MessageRule{DUCKDB_ERROR_CONVERSION, "to type DATE", "22007"},
    MessageRule{DUCKDB_ERROR_CONVERSION, "to type TIMESTAMP", "22007"},
    MessageRule{DUCKDB_ERROR_CONVERSION, "to type TIME", "22007"},
    MessageRule{DUCKDB_ERROR_CONVERSION, "to type INTERVAL", "22007"},
    MessageRule{DUCKDB_ERROR_CONVERSION, "to INTERVAL", "22007"},
    // An unknown unit of date_trunc() / date_part(): PostgreSQL's "unit ... not recognized".
    MessageRule{DUCKDB_ERROR_CONVERSION, "specifier \"", "22023", "\" not recognized"},
    MessageRule{DUCKDB_ERROR_INVALID_INPUT, "division by zero", "22012"},
    MessageRule{DUCKDB_ERROR_INVALID_INPUT, "step size cannot equal zero", "22023"},
    MessageRule{DUCKDB_ERROR_BINDER, "interval cannot be 0!", "22023"}, // generate_series(a, b, 0) in FROM
    // Writes to a generated column (PostgreSQL's generated_always).
    MessageRule{DUCKDB_ERROR_BINDER, "Cannot insert into a generated column", "428C9"},
    MessageRule{DUCKDB_ERROR_BINDER, "because it is a generated column", "428C9"},
    MessageRule{DUCKDB_ERROR_INVALID_INPUT, "More than one row returned by a subquery", "21000"},
    MessageRule{DUCKDB_ERROR_OUT_OF_RANGE, "square root of a negative number", "2201F"},
    MessageRule{DUCKDB_ERROR_OUT_OF_RANGE, "logarithm of zero", "2201E"},
    MessageRule{DUCKDB_ERROR_OUT_OF_RANGE, "logarithm of a negative number", "2201E"},
    MessageRule{DUCKDB_ERROR_INVALID_INPUT, "date field value out of range", "22008"},
    MessageRule{DUCKDB_ERROR_INVALID_INPUT, "out of range", "22003"},
    MessageRule{DUCKDB_ERROR_INVALID_INPUT, "Malformed JSON", "22P02"},
    // Duckgres's own functions (to_number, regexp_matches) fail with PostgreSQL's messages.
    MessageRule{DUCKDB_ERROR_INVALID_INPUT, "invalid input syntax for type", "22P02"},
    MessageRule{DUCKDB_ERROR_INVALID_INPUT, "invalid regular expression", "2201B"},
    MessageRule{DUCKDB_ERROR_INVALID_INPUT, "multidimensional arrays must have array expressions", "2202E"},
    MessageRule{DUCKDB_ERROR_TRANSACTION, "conflict", "40001"},
    MessageRule{DUCKDB_ERROR_TRANSACTION, "Conflict", "40001"},
    MessageRule{DUCKDB_ERROR_TRANSACTION, "read-only", "25006"},
    MessageRule{DUCKDB_ERROR_TRANSACTION, "read only", "25006"},
    MessageRule{DUCKDB_ERROR_INVALID_INPUT, "read-only", "25006"},
    MessageRule{DUCKDB_ERROR_PARSER, "Maximum", "54001"},
    MessageRule{DUCKDB_ERROR_OUT_OF_RANGE, "STRING_LITERAL", "22001"},
    MessageRule{DUCKDB_ERROR_SEQUENCE, "reached maximum value", "2200H"},
    MessageRule{DUCKDB_ERROR_SEQUENCE, "reached minimum value", "2200H"},
};

const char *DefaultSqlState(duckdb_error_type type) {
    switch (type) {
    case DUCKDB_ERROR_PARSER:
    case DUCKDB_ERROR_SYNTAX:
        return "42601";
    case DUCKDB_ERROR_CATALOG:
        return "42704";
    case DUCKDB_ERROR_BINDER:
        return "42000";
    case DUCKDB_ERROR_CONVERSION:
        return "22P02";
    case DUCKDB_ERROR_OUT_OF_RANGE:
    case DUCKDB_ERROR_DECIMAL:
        return "22003";
    case DUCKDB_ERROR_DIVIDE_BY_ZERO:
        return "22012";
    case DUCKDB_ERROR_CONSTRAINT:
        return "23000";
    case DUCKDB_ERROR_MISMATCH_TYPE:
    case DUCKDB_ERROR_INVALID_TYPE:
    case DUCKDB_ERROR_EXPRESSION:
        return "42804";
    case DUCKDB_ERROR_UNKNOWN_TYPE:
        return "42704";
    case DUCKDB_ERROR_TRANSACTION:
        return "25000";
    case DUCKDB_ERROR_SERIALIZATION:
        return "40001";
    case DUCKDB_ERROR_NOT_IMPLEMENTED:
    case DUCKDB_ERROR_MISSING_EXTENSION:
    case DUCKDB_ERROR_AUTOLOAD:
        return "0A000";
    case DUCKDB_ERROR_INTERRUPT:
        return "57014";
    case DUCKDB_ERROR_OUT_OF_MEMORY:
        return "53200";
    case DUCKDB_ERROR_IO:
    case DUCKDB_ERROR_HTTP:
    case DUCKDB_ERROR_NETWORK:
        return "58030";
    case DUCKDB_ERROR_PERMISSION:
        return "42501";
    case DUCKDB_ERROR_DEPENDENCY:
        return "2BP01";
    case DUCKDB_ERROR_SEQUENCE:
        return "55000";
    case DUCKDB_ERROR_INVALID_INPUT:
    case DUCKDB_ERROR_SETTINGS:
    case DUCKDB_INVALID_CONFIGURATION:
        return "22023";
    case DUCKDB_ERROR_OBJECT_SIZE:
        return "54000";
    case DUCKDB_ERROR_CONNECTION:
        return "08006";
    case DUCKDB_ERROR_PARAMETER_NOT_RESOLVED:
        return "42P18";
    case DUCKDB_ERROR_PARAMETER_NOT_ALLOWED:
        return "42P02";
    default:
        return "XX000";
    }
}

//! PostgreSQL's wording for the most common errors, where DuckDB's differs.
std::string RewordMessage(const std::string &sqlstate, const std::string &message, std::string &detail) {
    static const std::regex table_missing(R"(^Table with name ([^ ]+) does not exist!)");
    static const std::regex column_missing(R"re(^Referenced column "?([^" ]+)"? not found)re");
    static const std::regex duplicate_key(
        R"re(^Duplicate key "(.+): (.*)" violates (primary key|unique) constraint)re");
    std::smatch match;
    if (sqlstate == "42P01" && std::regex_search(message, match, table_missing)) {
        return "relation \"" + match[1].str() + "\" does not exist";
    }
    if (sqlstate == "42703" && std::regex_search(message, match, column_missing)) {
        return "column \"" + match[1].str() + "\" does not exist";
    }
    if (sqlstate == "23505" && std::regex_search(message, match, duplicate_key)) {
        detail = "Key (" + match[1].str() + ")=(" + match[2].str() + ") already exists.";
        return "duplicate key value violates unique constraint";
    }
    if (sqlstate == "22012") {
        return "division by zero";
    }
    if (sqlstate == "22001") {
        if (auto check = CharacterLengthCheck(message)) {
            return "value too long for type " + check->TypeName();
        }
    }
    if (sqlstate == "22003" && Contains(message, "DECIMAL")) {
        return "numeric field overflow";
    }
    if (sqlstate == "57014" && Contains(message, "Interrupted")) {
        return "canceling statement due to user request";
    }
    return message;
}

//! Finds DuckDB's "LINE n: <text>\n<spaces>^" block; returns the 1-based character position
//! within `statement` and removes the block from `message`.
int ExtractPosition(std::string &message, std::string_view statement) {
    auto line_at = message.find("\nLINE ");
    if (line_at == std::string::npos) {
        return 0;
    }
    std::string block = message.substr(line_at + 1);
    message.erase(line_at);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
        message.pop_back();
    }
    static const std::regex line_re(R"(^LINE (\d+): ([^\n]*)\n( *)\^)");
    std::smatch match;
    if (!std::regex_search(block, match, line_re)) {
        return 0;
    }
    int line_number = std::stoi(match[1].str());
    size_t prefix = 5 + match[1].str().size() + 2; // "LINE " + n + ": "
    size_t caret = match[3].str().size();
    if (caret < prefix) {
        return 0;
    }
    std::string shown = match[2].str();
    size_t column = caret - prefix;
    // Find where line `line_number` starts in the statement.
    size_t offset = 0;
    for (int line = 1; line < line_number; line++) {
        auto next = statement.find('\n', offset);
        if (next == std::string_view::npos) {
            return 0;
        }
        offset = next + 1;
    }
    auto line_text = statement.substr(offset, statement.find('\n', offset) - offset);
    // DuckDB elides long lines ("..."); only trust positions on lines shown verbatim.
    if (line_text.substr(0, shown.size()) != shown || column > line_text.size()) {
        return 0;
    }
    // Convert the byte offset to a character count (UTF-8), as PostgreSQL reports characters.
    return static_cast<int>(Utf8CharacterCount(statement.substr(0, offset + column))) + 1;
}

//! What separates a DETAIL from the message in Duckgres's own errors ("SQLSTATE 23503: ...\nDETAIL: ...").
constexpr std::string_view kOwnDetailTag = "\nDETAIL: ";

//! Duckgres's registered functions put PostgreSQL's code in front of their messages ("SQLSTATE 22023: ...", see
//! engine/functions/function_support.hpp): the code, removed from `message`; empty when there is none.
std::string TakeOwnSqlState(std::string &message) {
    static constexpr std::string_view kTag = "SQLSTATE ";
    constexpr size_t kCodeLength = 5;
    auto at = message.find(kTag);
    if (at == std::string::npos || message.size() < at + kTag.size() + kCodeLength + 2 ||
        message.compare(at + kTag.size() + kCodeLength, 2, ": ") != 0) {
        return "";
    }
    std::string code = message.substr(at + kTag.size(), kCodeLength);
    for (char c : code) {
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
            return "";
        }
    }
    message.erase(0, at + kTag.size() + kCodeLength + 2);
    return code;
}

} // namespace

namespace {

//! A string of digits that does not fit the integer type it is cast to: PostgreSQL's "value ... is out of range"
//! (22003); DuckDB words it as any other failed conversion.
bool IsIntegerOverflowConversion(duckdb_error_type type, std::string_view message) {
    static const std::regex overflow(
        R"(^Could not convert string '\s*[+-]?[0-9]+\s*' to U?(INT(8|16|32|64|128)|HUGEINT))");
    return type == DUCKDB_ERROR_CONVERSION && std::regex_search(message.begin(), message.end(), overflow);
}

} // namespace

std::string SqlStateFor(duckdb_error_type type, std::string_view message) {
    if (IsIntegerOverflowConversion(type, message)) {
        return "22003";
    }
    for (const auto &rule : kMessageRules) {
        if (rule.type == type && Contains(message, rule.needle) && (!rule.also || Contains(message, rule.also))) {
            return rule.sqlstate;
        }
    }
    return DefaultSqlState(type);
}

SqlError MapDuckDbError(std::optional<duckdb_error_type> type, std::string_view raw_message,
                        std::string_view statement) {
    std::string message(raw_message);
    duckdb_error_type kind = type.value_or(DUCKDB_ERROR_INVALID);
    for (const auto &name : kKindNames) {
        if (message.rfind(name.prefix, 0) == 0) {
            message.erase(0, std::char_traits<char>::length(name.prefix));
            if (!type || *type == DUCKDB_ERROR_INVALID) {
                kind = name.type;
            }
            break;
        }
    }
    int position = ExtractPosition(message, statement);
    std::string hint;
    auto did_you_mean = message.find("\nDid you mean");
    if (did_you_mean != std::string::npos) {
        hint = message.substr(did_you_mean + 1);
        message.erase(did_you_mean);
    }
    auto sqlstate = TakeOwnSqlState(message);
    std::string detail;
    if (sqlstate.empty()) {
        sqlstate = SqlStateFor(kind, message);
    } else if (auto at = message.find(kOwnDetailTag); at != std::string::npos) {
        detail = message.substr(at + kOwnDetailTag.size());
        message.erase(at);
    }
    message = RewordMessage(sqlstate, message, detail);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
        message.pop_back();
    }
    return SqlError(sqlstate, message, detail, hint, position);
}

} // namespace duckgres::engine
