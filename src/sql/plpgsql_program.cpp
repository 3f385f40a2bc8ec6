// Reads libpg_query's JSON tree of a PL/pgSQL body into a Program, refusing what the interpreter does not run.
#include "sql/plpgsql_program.hpp"

#include "common/ascii.hpp"
#include "common/sql_error.hpp"
#include "types/json_document.hpp"

#include <pg_query.h>

#include <algorithm>
#include <memory>

namespace duckgres::sql::plpgsql {

namespace {

using types::JsonValue;

//! PostgreSQL's exception condition names (errcodes.txt) that scripts catch or raise, with their SQLSTATEs.
constexpr std::pair<std::string_view, std::string_view> kConditions[] = {
    {"successful_completion", "00000"},
    {"warning", "01000"},
    {"no_data", "02000"},
    {"feature_not_supported", "0A000"},
    {"cardinality_violation", "21000"},
    {"data_exception", "22000"},
    {"string_data_right_truncation", "22001"},
    {"numeric_value_out_of_range", "22003"},
    {"null_value_not_allowed", "22004"},
    {"invalid_datetime_format", "22007"},
    {"datetime_field_overflow", "22008"},
    {"division_by_zero", "22012"},
    {"invalid_parameter_value", "22023"},
    {"invalid_text_representation", "22P02"},
    {"integrity_constraint_violation", "23000"},
    {"restrict_violation", "23001"},
    {"not_null_violation", "23502"},
    {"foreign_key_violation", "23503"},
    {"unique_violation", "23505"},
    {"check_violation", "23514"},
    {"exclusion_violation", "23P01"},
    {"invalid_transaction_state", "25000"},
    {"read_only_sql_transaction", "25006"},
    {"in_failed_sql_transaction", "25P02"},
    {"invalid_schema_name", "3F000"},
    {"transaction_rollback", "40000"},
    {"serialization_failure", "40001"},
    {"deadlock_detected", "40P01"},
    {"syntax_error_or_access_rule_violation", "42000"},
    {"insufficient_privilege", "42501"},
    {"syntax_error", "42601"},
    {"invalid_name", "42602"},
    {"undefined_column", "42703"},
    {"undefined_object", "42704"},
    {"undefined_function", "42883"},
    {"undefined_table", "42P01"},
    {"undefined_parameter", "42P02"},
    {"duplicate_column", "42701"},
    {"ambiguous_column", "42702"},
    {"duplicate_object", "42710"},
    {"duplicate_function", "42723"},
    {"duplicate_database", "42P04"},
    {"duplicate_schema", "42P06"},
    {"duplicate_table", "42P07"},
    {"duplicate_alias", "42712"},
    {"invalid_table_definition", "42P16"},
    {"wrong_object_type", "42809"},
    {"datatype_mismatch", "42804"},
    {"invalid_column_reference", "42P10"},
    {"object_not_in_prerequisite_state", "55000"},
    {"object_in_use", "55006"},
    {"lock_not_available", "55P03"},
    {"query_canceled", "57014"},
    {"internal_error", "XX000"},
    {"plpgsql_error", "P0000"},
    {"raise_exception", "P0001"},
    {"no_data_found", "P0002"},
    {"too_many_rows", "P0003"},
    {"assert_failure", "P0004"},
};

//! What PL/pgSQL calls the statements outside the subset, for the 0A000 message.
constexpr std::pair<std::string_view, std::string_view> kUnsupportedNames[] = {
    {"PLpgSQL_stmt_foreach_a", "FOREACH"},
    {"PLpgSQL_stmt_forc", "FOR over a cursor"},
    {"PLpgSQL_stmt_getdiag", "GET DIAGNOSTICS"}, // items other than ROW_COUNT
    {"PLpgSQL_stmt_open", "OPEN"},
    {"PLpgSQL_stmt_fetch", "FETCH"},
    {"PLpgSQL_stmt_close", "CLOSE"},
    {"PLpgSQL_stmt_return_next", "RETURN NEXT"},
    {"PLpgSQL_stmt_return_query", "RETURN QUERY"},
    {"PLpgSQL_stmt_assert", "ASSERT"},
    {"PLpgSQL_stmt_commit", "COMMIT"},
    {"PLpgSQL_stmt_rollback", "ROLLBACK"},
    {"PLpgSQL_stmt_call", "CALL"},
};

//! PostgreSQL's elog levels as the parse tree gives RAISE's level; any other is EXCEPTION (ERROR).
constexpr std::pair<int64_t, RaiseLevel> kRaiseLevels[] = {
    {14, RaiseLevel::kDebug},  {15, RaiseLevel::kLog},     {17, RaiseLevel::kInfo},
    {18, RaiseLevel::kNotice}, {19, RaiseLevel::kWarning},
};

[[noreturn]] void Unsupported(const std::string &what) {
    throw SqlError("0A000", what + " is not supported in DO blocks",
                   "Duckgres runs DO blocks of DECLARE, SQL statements, PERFORM, SELECT INTO, assignments, IF, "
                   "LOOP, WHILE, FOR, EXIT, RAISE, EXECUTE, RETURN and EXCEPTION handlers.");
}

//! The one member of a node object {"PLpgSQL_xxx": {...}}: its name and fields.
std::pair<std::string_view, const JsonValue *> NodeOf(const JsonValue &node) {
    if (node.kind != JsonValue::Kind::Object || node.members.size() != 1) {
        throw SqlError("XX000", "unexpected PL/pgSQL parse tree");
    }
    return {node.members[0].first, &node.members[0].second};
}

std::string StringMember(const JsonValue &fields, std::string_view key) {
    const JsonValue *value = fields.Member(key);
    return value && value->kind == JsonValue::Kind::String ? value->scalar : std::string();
}

int64_t NumberMember(const JsonValue &fields, std::string_view key) {
    const JsonValue *value = fields.Member(key);
    return value && value->kind == JsonValue::Kind::Number ? std::stoll(value->scalar) : 0;
}

bool BoolMember(const JsonValue &fields, std::string_view key) {
    const JsonValue *value = fields.Member(key);
    return value && value->kind == JsonValue::Kind::True;
}

//! The query text of an expression member {"PLpgSQL_expr": {"query": "..."}}; empty when absent.
std::string ExprMember(const JsonValue &fields, std::string_view key) {
    const JsonValue *value = fields.Member(key);
    if (!value || value->kind != JsonValue::Kind::Object) {
        return {};
    }
    return StringMember(*NodeOf(*value).second, "query");
}

std::string TrimType(std::string type) {
    while (!type.empty() && IsAsciiSpace(type.back())) {
        type.pop_back();
    }
    return type == "UNKNOWN" ? std::string() : type;
}

bool IsSqlstate(std::string_view text) {
    return text.size() == 5 && std::all_of(text.begin(), text.end(), [](char c) { return IsAsciiAlnum(c); });
}

class ProgramReader {
public:
    explicit ProgramReader(Program &program) : program_(program) {}

    void ReadDatums(const JsonValue &datums) {
        for (const auto &datum : datums.elements) {
            auto [kind, fields] = NodeOf(datum);
            Variable variable;
            variable.name = StringMember(*fields, "refname");
            if (kind == "PLpgSQL_var" || kind == "PLpgSQL_rec") {
                const JsonValue *datatype = fields->Member("datatype");
                if (datatype) {
                    variable.type = TrimType(StringMember(*NodeOf(*datatype).second, "typname"));
                }
                if (kind == "PLpgSQL_rec" || AsciiLower(variable.type) == "record") {
                    variable.is_record = true;
                    variable.type.clear();
                } else if (variable.type.find('%') != std::string::npos) {
                    Unsupported("the type " + variable.type);
                }
                variable.constant = BoolMember(*fields, "isconst");
                variable.not_null = BoolMember(*fields, "notnull");
                std::string default_expr = ExprMember(*fields, "default_val");
                if (!default_expr.empty()) {
                    variable.default_expr = std::move(default_expr);
                }
            } else if (kind == "PLpgSQL_row") {
                variable.name.clear(); // "(unnamed row)": INTO targets, which statements list themselves
            } else {
                Unsupported("the variable kind " + std::string(kind));
            }
            program_.variables.push_back(std::move(variable));
        }
    }

    Statement ReadStatement(const JsonValue &node) {
        auto [kind, fields] = NodeOf(node);
        Statement out;
        out.line = static_cast<int>(NumberMember(*fields, "lineno"));
        out.label = StringMember(*fields, "label");
        if (kind == "PLpgSQL_stmt_block") {
            out.kind = StatementKind::kBlock;
            out.body = ReadList(*fields, "body");
            if (const JsonValue *exceptions = fields->Member("exceptions")) {
                ReadHandlers(*NodeOf(*exceptions).second, out);
            }
        } else if (kind == "PLpgSQL_stmt_execsql") {
            out.kind = StatementKind::kSql;
            out.text = ExprMember(*fields, "sqlstmt");
            ReadInto(*fields, out);
        } else if (kind == "PLpgSQL_stmt_perform") {
            out.kind = StatementKind::kPerform;
            out.text = ExprMember(*fields, "expr");
        } else if (kind == "PLpgSQL_stmt_assign") {
            out.kind = StatementKind::kAssign;
            out.targets.push_back(static_cast<size_t>(NumberMember(*fields, "varno")));
            out.text = ExprMember(*fields, "expr");
        } else if (kind == "PLpgSQL_stmt_if") {
            out.kind = StatementKind::kIf;
            out.branches.push_back(Branch{ExprMember(*fields, "cond"), ReadList(*fields, "then_body")});
            if (const JsonValue *elsifs = fields->Member("elsif_list")) {
                for (const auto &elsif : elsifs->elements) {
                    const JsonValue &branch = *NodeOf(elsif).second;
                    out.branches.push_back(Branch{ExprMember(branch, "cond"), ReadList(branch, "stmts")});
                }
            }
            if (fields->Member("else_body")) {
                out.branches.push_back(Branch{"", ReadList(*fields, "else_body")});
            }
        } else if (kind == "PLpgSQL_stmt_case") {
            out.kind = StatementKind::kCase;
            out.text = ExprMember(*fields, "t_expr");
            if (!out.text.empty()) {
                out.targets.push_back(static_cast<size_t>(NumberMember(*fields, "t_varno")));
            }
            if (const JsonValue *whens = fields->Member("case_when_list")) {
                for (const auto &when : whens->elements) {
                    const JsonValue &branch = *NodeOf(when).second;
                    out.branches.push_back(Branch{ExprMember(branch, "expr"), ReadList(branch, "stmts")});
                }
            }
            if (BoolMember(*fields, "have_else")) {
                out.branches.push_back(Branch{"", ReadList(*fields, "else_stmts")});
            }
        } else if (kind == "PLpgSQL_stmt_raise") {
            ReadRaise(*fields, out);
        } else if (kind == "PLpgSQL_stmt_dynexecute") {
            out.kind = StatementKind::kExecute;
            out.text = ExprMember(*fields, "query");
            ReadInto(*fields, out);
            out.arguments = ReadExprList(*fields, "params");
        } else if (kind == "PLpgSQL_stmt_fors" || kind == "PLpgSQL_stmt_dynfors") {
            out.kind = StatementKind::kForQuery;
            out.dynamic = kind == "PLpgSQL_stmt_dynfors";
            out.text = ExprMember(*fields, "query");
            out.arguments = ReadExprList(*fields, "params");
            out.targets = Targets(*fields, "var");
            out.body = ReadList(*fields, "body");
        } else if (kind == "PLpgSQL_stmt_fori") {
            out.kind = StatementKind::kForInteger;
            out.targets = Targets(*fields, "var");
            out.lower = ExprMember(*fields, "lower");
            out.upper = ExprMember(*fields, "upper");
            out.step = ExprMember(*fields, "step");
            out.reverse = BoolMember(*fields, "reverse");
            out.body = ReadList(*fields, "body");
        } else if (kind == "PLpgSQL_stmt_loop") {
            out.kind = StatementKind::kLoop;
            out.body = ReadList(*fields, "body");
        } else if (kind == "PLpgSQL_stmt_while") {
            out.kind = StatementKind::kWhile;
            out.text = ExprMember(*fields, "cond");
            out.body = ReadList(*fields, "body");
        } else if (kind == "PLpgSQL_stmt_exit") {
            out.kind = StatementKind::kExit;
            out.is_exit = BoolMember(*fields, "is_exit");
            out.text = ExprMember(*fields, "cond");
        } else if (kind == "PLpgSQL_stmt_return") {
            out.kind = StatementKind::kReturn;
        } else if (kind == "PLpgSQL_stmt_getdiag" && !BoolMember(*fields, "is_stacked")) {
            out.kind = StatementKind::kRowCount;
            if (const JsonValue *items = fields->Member("diag_items")) {
                for (const auto &item : items->elements) {
                    const JsonValue &item_fields = *NodeOf(item).second;
                    if (StringMember(item_fields, "kind") != "ROW_COUNT") {
                        Unsupported("GET DIAGNOSTICS " + StringMember(item_fields, "kind"));
                    }
                    out.targets.push_back(static_cast<size_t>(NumberMember(item_fields, "target")));
                }
            }
        } else {
            auto named = std::find_if(std::begin(kUnsupportedNames), std::end(kUnsupportedNames),
                                      [&](const auto &entry) { return entry.first == kind; });
            Unsupported(named != std::end(kUnsupportedNames) ? std::string(named->second) : std::string(kind));
        }
        return out;
    }

private:
    std::vector<Statement> ReadList(const JsonValue &fields, std::string_view key) {
        std::vector<Statement> out;
        if (const JsonValue *list = fields.Member(key)) {
            for (const auto &element : list->elements) {
                out.push_back(ReadStatement(element));
            }
        }
        return out;
    }

    static std::vector<std::string> ReadExprList(const JsonValue &fields, std::string_view key) {
        std::vector<std::string> out;
        if (const JsonValue *list = fields.Member(key)) {
            for (const auto &element : list->elements) {
                out.push_back(StringMember(*NodeOf(element).second, "query"));
            }
        }
        return out;
    }

    //! The variables a target names: a row's fields, or a variable itself (FOR's counter, found by name).
    std::vector<size_t> Targets(const JsonValue &fields, std::string_view key) {
        const JsonValue *target = fields.Member(key);
        if (!target) {
            return {};
        }
        auto [kind, target_fields] = NodeOf(*target);
        if (kind == "PLpgSQL_row") {
            std::vector<size_t> out;
            if (const JsonValue *list = target_fields->Member("fields")) {
                for (const auto &field : list->elements) {
                    out.push_back(static_cast<size_t>(NumberMember(field, "varno")));
                }
            }
            return out;
        }
        const std::string name = StringMember(*target_fields, "refname");
        for (size_t i = program_.variables.size(); i-- > 0;) {
            if (program_.variables[i].name == name) {
                return {i};
            }
        }
        throw SqlError("42601", "\"" + name + "\" is not a known variable");
    }

    void ReadInto(const JsonValue &fields, Statement &out) {
        out.has_into = BoolMember(fields, "into");
        out.strict = BoolMember(fields, "strict");
        if (out.has_into) {
            out.targets = Targets(fields, "target");
        }
    }

    static void ReadRaise(const JsonValue &fields, Statement &out) {
        out.kind = StatementKind::kRaise;
        const int64_t elog_level = NumberMember(fields, "elog_level");
        out.level = RaiseLevel::kException;
        for (const auto &[level, kind] : kRaiseLevels) {
            if (level == elog_level) {
                out.level = kind;
            }
        }
        if (const JsonValue *message = fields.Member("message")) {
            out.message = message->scalar;
        }
        out.condition = StringMember(fields, "condname");
        if (!out.condition.empty() && !ConditionSqlstate(out.condition) && !IsSqlstate(out.condition)) {
            Unsupported("the exception condition \"" + out.condition + "\""); // known to PostgreSQL, not here
        }
        out.arguments = ReadExprList(fields, "params");
        if (const JsonValue *options = fields.Member("options")) {
            for (const auto &option : options->elements) {
                const JsonValue &option_fields = *NodeOf(option).second;
                const int64_t type = NumberMember(option_fields, "opt_type");
                const RaiseOption kind = type <= 3 ? static_cast<RaiseOption>(type) : RaiseOption::kOther;
                out.options.emplace_back(kind, ExprMember(option_fields, "expr"));
            }
        }
    }

    void ReadHandlers(const JsonValue &exceptions, Statement &out) {
        const JsonValue *list = exceptions.Member("exc_list");
        if (!list) {
            return;
        }
        for (const auto &exception : list->elements) {
            const JsonValue &fields = *NodeOf(exception).second;
            Handler handler;
            if (const JsonValue *conditions = fields.Member("conditions")) {
                for (const auto &condition : conditions->elements) {
                    const std::string name = StringMember(*NodeOf(condition).second, "condname");
                    if (AsciiLower(name) == "others") {
                        handler.sqlstates.push_back("others");
                    } else if (auto sqlstate = ConditionSqlstate(name)) {
                        handler.sqlstates.push_back(*sqlstate);
                    } else if (IsSqlstate(name)) {
                        handler.sqlstates.push_back(AsciiUpper(name));
                    } else {
                        Unsupported("the exception condition \"" + name + "\""); // known to PostgreSQL, not here
                    }
                }
            }
            handler.body = ReadList(fields, "action");
            out.handlers.push_back(std::move(handler));
        }
    }

    Program &program_;
};

} // namespace

std::optional<std::string> ConditionSqlstate(std::string_view name) {
    const std::string lower = AsciiLower(std::string(name));
    for (const auto &[condition, sqlstate] : kConditions) {
        if (condition == lower) {
            return std::string(sqlstate);
        }
    }
    return std::nullopt;
}

bool ConditionMatches(std::string_view condition, std::string_view sqlstate) {
    if (condition == "others") {
        // OTHERS catches every error but a cancel and a failed ASSERT, as in PostgreSQL.
        return sqlstate != "57014" && sqlstate != "P0004";
    }
    if (condition.size() == 5 && condition.substr(2) == "000") {
        return sqlstate.substr(0, 2) == condition.substr(0, 2);
    }
    return condition == sqlstate;
}

std::string FormatRaiseMessage(std::string_view format, const std::vector<std::optional<std::string>> &arguments) {
    std::string out;
    size_t next = 0;
    for (size_t i = 0; i < format.size(); i++) {
        if (format[i] != '%') {
            out += format[i];
        } else if (i + 1 < format.size() && format[i + 1] == '%') {
            out += '%';
            i++;
        } else if (next < arguments.size()) {
            out += arguments[next] ? *arguments[next] : "<NULL>";
            next++;
        }
    }
    return out;
}

Program ParseDoBody(std::string_view body) {
    // libpg_query reads PL/pgSQL from a CREATE FUNCTION statement: the body goes in a dollar quote it cannot end.
    std::string tag = "$do$";
    while (body.find(tag) != std::string_view::npos) {
        tag.insert(tag.size() - 1, "_");
    }
    const std::string function =
        "CREATE FUNCTION inline_code_block() RETURNS void LANGUAGE plpgsql AS " + tag + std::string(body) + tag;
    std::unique_ptr<PgQueryPlpgsqlParseResult, void (*)(PgQueryPlpgsqlParseResult *)> result(
        new PgQueryPlpgsqlParseResult(pg_query_parse_plpgsql(function.c_str())), [](PgQueryPlpgsqlParseResult *r) {
            pg_query_free_plpgsql_parse_result(*r);
            delete r;
        });
    if (result->error) {
        // PL/pgSQL's compile errors: unknown conditions and assignments to constants have codes of their own.
        const std::string message = result->error->message ? result->error->message : "syntax error";
        const std::string sqlstate = message.starts_with("unrecognized exception condition") ? "42704"
                                     : message.ends_with("is declared CONSTANT")             ? "22005"
                                                                                             : "42601";
        throw SqlError(sqlstate, message);
    }
    const JsonValue tree = types::ParseJson(result->plpgsql_funcs ? result->plpgsql_funcs : "[]", false);
    if (tree.kind != JsonValue::Kind::Array || tree.elements.size() != 1) {
        throw SqlError("42601", "a DO block must hold one PL/pgSQL body");
    }
    const JsonValue &function_fields = *NodeOf(tree.elements[0]).second;
    Program program;
    ProgramReader reader(program);
    if (const JsonValue *datums = function_fields.Member("datums")) {
        reader.ReadDatums(*datums);
    }
    const JsonValue *action = function_fields.Member("action");
    if (!action) {
        throw SqlError("42601", "a DO block must hold one PL/pgSQL body");
    }
    program.body = reader.ReadStatement(*action);
    return program;
}

} // namespace duckgres::sql::plpgsql
