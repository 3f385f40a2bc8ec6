// DO blocks: a PL/pgSQL interpreter whose SQL runs as the session's own nested statements (same rewrite and checks).
#include "session/session.hpp"

#include "common/ascii.hpp"
#include "sql/plpgsql_program.hpp"
#include "sql/plpgsql_substitution.hpp"
#include "sql/statement_parser.hpp"
#include "types/pg_type.hpp"
#include "wire/captured_results.hpp"

#include <asio/post.hpp>
#include <asio/use_awaitable.hpp>

#include <exception>

namespace duckgres::session {

namespace {

using sql::plpgsql::BoundValue;
using sql::plpgsql::Program;
using sql::plpgsql::RaiseLevel;
using sql::plpgsql::RaiseOption;
using sql::plpgsql::Statement;
using sql::plpgsql::StatementKind;

//! How a statement list ended: normally, or leaving for an enclosing loop or block (EXIT, CONTINUE, RETURN).
struct Flow {
    enum class Kind : uint8_t { kNext, kExit, kContinue, kReturn };
    Kind kind = Kind::kNext;
    std::string label;
};

bool SuppressesNotices(const std::optional<std::string> &client_min_messages) {
    const std::string level = AsciiLower(client_min_messages.value_or("notice"));
    return level == "warning" || level == "error";
}

//! The type a value of a result column keeps in the block: PostgreSQL's name of it, or untyped ("") when Duckgres
//! has no SQL name for it (the literal then takes the type of where it goes).
std::string ColumnValueType(uint32_t oid) {
    constexpr uint32_t kNumeric = 1700;
    constexpr uint32_t kText = 25;
    if (oid == kNumeric) {
        return "numeric";
    }
    std::string name = types::CastTypeNameForOid(oid);
    return name == "text" && oid != kText ? std::string() : name;
}

//! Languages PostgreSQL knows but runs no DO block in.
//! How deep DO blocks may run DO blocks (through EXECUTE): each level holds a coroutine frame and its results.
constexpr int kMaxNesting = 32;
//! The output a DO block may gather (its NOTICEs) before it is sent on, while the block runs.
constexpr size_t kFlushAbove = 64 * 1024;

constexpr std::string_view kLanguagesWithoutInline[] = {"sql", "c", "internal"};

} // namespace

//! One DO block's run on the session's I/O thread.
class DoBlockRun {
public:
    DoBlockRun(Session &session, Program program) : session_(session), program_(std::move(program)) {
        values_.resize(program_.variables.size());
        for (size_t i = 0; i < values_.size(); i++) {
            const auto &variable = program_.variables[i];
            values_[i].value.type = variable.type;
            if (variable.name == "found") {
                values_[i].value = BoundValue{"f", "boolean"};
            }
        }
    }

    asio::awaitable<void> Run() {
        for (size_t i = 0; i < values_.size(); i++) {
            const auto &variable = program_.variables[i];
            if (variable.default_expr) {
                values_[i].value.text = co_await Evaluate(*variable.default_expr, variable.type);
            }
            if (variable.not_null && !values_[i].value.text) {
                throw SqlError("22004",
                               "null value cannot be assigned to variable \"" + variable.name + "\" declared NOT NULL");
            }
        }
        co_await RunStatement(program_.body);
    }

private:
    //! A variable's value; a record's columns when it holds a row.
    struct Slot {
        BoundValue value;
        std::vector<std::string> field_names;
        std::vector<BoundValue> fields;
    };

    std::optional<BoundValue> Lookup(std::string_view name, std::string_view field) const {
        for (size_t i = program_.variables.size(); i-- > 0;) {
            const auto &variable = program_.variables[i];
            if (variable.name != name) {
                continue;
            }
            const Slot &slot = values_[i];
            if (field.empty()) {
                return slot.value;
            }
            if (!variable.is_record) {
                return std::nullopt;
            }
            for (size_t f = 0; f < slot.field_names.size(); f++) {
                if (slot.field_names[f] == field) {
                    return slot.fields[f];
                }
            }
            if (slot.field_names.empty()) {
                throw SqlError("55000", "record \"" + variable.name + "\" is not assigned yet",
                               "The tuple structure of a not-yet-assigned record is indeterminate.");
            }
            throw SqlError("42703", "record \"" + variable.name + "\" has no field \"" + std::string(field) + "\"");
        }
        return std::nullopt;
    }

    //! Runs `text` (variables replaced by their values) as statements of the session and reads their results back.
    asio::awaitable<wire::CapturedResults> RunSql(const std::string &text, const std::vector<BoundValue> &parameters) {
        const std::string substituted = sql::plpgsql::SubstituteVariables(
            text, [this](std::string_view name, std::string_view field) { return Lookup(name, field); }, parameters);
        const sql::ParsedQuery parsed = sql::ParseQuery(substituted);
        if (!parsed.postgres_syntax_ok) {
            throw SqlError("42601", parsed.syntax_error);
        }
        wire::CapturedResults results;
        for (const auto &statement : parsed.statements) {
            if (statement.Is<sql::TransactionStatement>() || statement.Is<sql::SavepointStatement>()) {
                throw SqlError("0A000", "transaction control is not supported in DO blocks");
            }
            if (statement.Is<sql::CopyFromStatement>() || statement.Is<sql::CopyToStatement>()) {
                throw SqlError("0A000", "cannot COPY to/from client in PL/pgSQL");
            }
            if (session_.capture_depth_ >= kMaxNesting) { // DO blocks running DO blocks through EXECUTE
                throw SqlError("54001", "stack depth limit exceeded", "",
                               "DO blocks may nest " + std::to_string(kMaxNesting) + " deep.");
            }
            std::string &out = session_.stream_.Out();
            const size_t mark = out.size();
            std::exception_ptr failure;
            session_.capture_depth_++;
            try {
                co_await session_.RunStatement(statement, ExecutionMode{});
            } catch (...) {
                failure = std::current_exception();
            }
            session_.capture_depth_--;
            auto captured = wire::CaptureResults(std::string_view(out).substr(mark));
            out.resize(mark);
            out += captured.passed_on;
            if (failure) {
                try {
                    std::rethrow_exception(failure);
                } catch (SqlError &error) {
                    error.position = 0; // a position in the block's statement, not in the client's query
                    throw;
                }
            }
            results.columns = std::move(captured.columns);
            results.rows = std::move(captured.rows);
            results.tags.insert(results.tags.end(), captured.tags.begin(), captured.tags.end());
        }
        co_return results;
    }

    //! The one value of an expression, cast to `type` when given.
    asio::awaitable<std::optional<std::string>> Evaluate(const std::string &expression, const std::string &type) {
        co_return (co_await EvaluateTyped(expression, type)).text;
    }

    //! The one value of an expression with the type of its result.
    asio::awaitable<BoundValue> EvaluateTyped(const std::string &expression, const std::string &type) {
        const std::string query =
            type.empty() ? "SELECT " + expression : "SELECT CAST((" + expression + ") AS " + type + ")";
        auto results = co_await RunSql(query, {});
        if (results.columns.size() != 1) {
            throw SqlError("42601",
                           "query \"" + query + "\" returned " + std::to_string(results.columns.size()) + " columns");
        }
        if (results.rows.size() > 1) {
            throw SqlError("21000", "query \"" + query + "\" returned more than one row");
        }
        co_return BoundValue{results.rows.empty() ? std::nullopt : results.rows[0][0],
                             ColumnValueType(results.columns[0].type_oid)};
    }

    asio::awaitable<bool> Condition(const std::string &expression) {
        auto value = co_await Evaluate(expression, "boolean");
        co_return value &&*value == "t";
    }

    void SetFound(bool found) {
        for (size_t i = 0; i < program_.variables.size(); i++) {
            if (program_.variables[i].name == "found" && program_.variables[i].type.empty()) {
                values_[i].value = BoundValue{found ? "t" : "f", "boolean"};
                return;
            }
        }
    }

    void CheckAssignable(size_t target) const {
        if (program_.variables[target].constant) {
            throw SqlError("22005", "variable \"" + program_.variables[target].name + "\" is declared CONSTANT");
        }
    }

    //! INTO targets (or a FOR loop's record) take a row: a record all its columns, variables one column each.
    void AssignRow(const std::vector<size_t> &targets, const std::vector<wire::FieldDescription> &columns,
                   const std::vector<std::optional<std::string>> *row) {
        if (targets.size() == 1 && program_.variables[targets[0]].is_record) {
            Slot &slot = values_[targets[0]];
            slot.field_names.clear();
            slot.fields.clear();
            for (size_t i = 0; i < columns.size(); i++) {
                slot.field_names.push_back(columns[i].name);
                slot.fields.push_back(BoundValue{row ? (*row)[i] : std::nullopt, ColumnValueType(columns[i].type_oid)});
            }
            return;
        }
        for (size_t i = 0; i < targets.size(); i++) {
            CheckAssignable(targets[i]);
            const auto &variable = program_.variables[targets[i]];
            if (variable.is_record) {
                throw SqlError("0A000", "a record among several INTO targets is not supported in DO blocks");
            }
            std::optional<std::string> text = row && i < row->size() ? (*row)[i] : std::nullopt;
            if (text && !variable.type.empty() && i < columns.size() &&
                ColumnValueType(columns[i].type_oid) != variable.type) {
                // The column's text read as the variable's type, as PL/pgSQL's assignment casts do.
                std::string cast_query =
                    "SELECT CAST(" + sql::plpgsql::BoundLiteral(BoundValue{text, ""}) + " AS " + variable.type + ")";
                pending_casts_.push_back({targets[i], std::move(cast_query)});
            }
            values_[targets[i]].value.text = std::move(text);
        }
    }

    asio::awaitable<void> FinishCasts() {
        auto casts = std::move(pending_casts_);
        pending_casts_.clear();
        for (const auto &[target, query] : casts) {
            auto results = co_await RunSql(query, {});
            values_[target].value.text = results.rows.empty() ? std::nullopt : results.rows[0][0];
        }
    }

    asio::awaitable<void> AssignInto(const Statement &statement, const wire::CapturedResults &results) {
        if (statement.strict && results.rows.empty()) {
            throw SqlError("P0002", "query returned no rows");
        }
        if (statement.strict && results.rows.size() > 1) {
            throw SqlError("P0003", "query returned more than one row");
        }
        AssignRow(statement.targets, results.columns, results.rows.empty() ? nullptr : &results.rows[0]);
        co_await FinishCasts();
        SetFound(!results.rows.empty());
    }

    static uint64_t RowCountOfTag(const std::vector<std::string> &tags) {
        if (tags.empty()) {
            return 0;
        }
        const std::string &tag = tags.back();
        const size_t space = tag.rfind(' ');
        if (space == std::string::npos) {
            return 0;
        }
        try {
            return std::stoull(tag.substr(space + 1));
        } catch (const std::exception &) {
            return 0;
        }
    }

    //! EXECUTE's query string, evaluated, run with its USING arguments as $1, $2...
    asio::awaitable<wire::CapturedResults> RunDynamic(const Statement &statement) {
        auto query = co_await Evaluate(statement.text, "text");
        if (!query) {
            throw SqlError("22004", "query string argument of EXECUTE is null");
        }
        std::vector<BoundValue> parameters;
        for (const auto &argument : statement.arguments) {
            parameters.push_back(co_await EvaluateTyped(argument, ""));
        }
        co_return co_await RunSql(*query, parameters);
    }

    //! What GET DIAGNOSTICS ... ROW_COUNT reports after an SQL statement: the rows it returned or changed.
    void NoteRowCount(const wire::CapturedResults &results) {
        row_count_ = results.rows.empty() ? RowCountOfTag(results.tags) : results.rows.size();
    }

    asio::awaitable<Flow> RunList(const std::vector<Statement> &statements) {
        for (const auto &statement : statements) {
            Flow flow = co_await RunStatement(statement);
            if (flow.kind != Flow::Kind::kNext) {
                co_return flow;
            }
        }
        co_return Flow{};
    }

    //! A loop body's flow: whether the loop stops, and the flow it passes on when it does.
    static bool LeavesLoop(Flow &flow, const std::string &label) {
        if (flow.kind == Flow::Kind::kNext) {
            return false;
        }
        if (flow.kind == Flow::Kind::kReturn || (!flow.label.empty() && flow.label != label)) {
            return true; // to an enclosing loop or block
        }
        const bool leaves = flow.kind == Flow::Kind::kExit;
        flow = Flow{};
        return leaves;
    }

    //! One pass of a loop's body: nullopt when the loop goes on, else the flow it ends with.
    asio::awaitable<std::optional<Flow>> Iterate(const Statement &loop) {
        // Each pass gives the I/O thread back, so that the thread's other sessions, the statement's timeout and a
        // cancel request run even when the body runs no SQL; the NOTICEs sent so far go out.
        co_await asio::post(session_.stream_.Channel().GetExecutor(), asio::use_awaitable);
        session_.ThrowIfCanceled();
        if (session_.capture_depth_ == 0 && session_.stream_.Out().size() > kFlushAbove) {
            co_await session_.stream_.Flush();
        }
        Flow flow = co_await RunList(loop.body);
        if (LeavesLoop(flow, loop.label)) {
            co_return flow;
        }
        co_return std::nullopt;
    }

    asio::awaitable<Flow> RunBlock(const Statement &block) {
        if (block.handlers.empty()) {
            Flow flow = co_await RunList(block.body);
            if (flow.kind == Flow::Kind::kExit && !flow.label.empty() && flow.label == block.label) {
                flow = Flow{};
            }
            co_return flow;
        }
        // The block runs in a subtransaction: an error it catches undoes what the block did.
        const std::string savepoint = "\x01do_block_" + std::to_string(++savepoint_count_);
        session_.DefineSavepoint(savepoint);
        std::optional<SqlError> caught;
        Flow flow;
        try {
            flow = co_await RunList(block.body);
        } catch (const SqlError &error) {
            caught = error;
        }
        auto &savepoints = session_.tx_.Savepoints();
        size_t index = savepoints.size();
        while (index-- > 0 && savepoints[index].name != savepoint) {
        }
        if (!caught) {
            session_.ReleaseSavepoint(index);
            co_return flow;
        }
        const auto *handler = FindHandler(block, caught->sqlstate);
        if (!handler || session_.cancel_reason_ != CancelReason::None) {
            throw *caught;
        }
        co_await session_.RollBackToSavepoint(index, true);
        session_.ReleaseSavepoint(index);
        handling_.push_back(*caught);
        const auto outer_values = values_;
        SetErrorVariables(*caught);
        std::exception_ptr failure;
        try {
            flow = co_await RunList(handler->body);
        } catch (...) {
            failure = std::current_exception();
        }
        handling_.pop_back();
        for (size_t i = 0; i < values_.size(); i++) {
            if (IsErrorVariable(i)) {
                values_[i] = outer_values[i]; // an enclosing handler's SQLSTATE and SQLERRM again
            }
        }
        if (failure) {
            std::rethrow_exception(failure);
        }
        co_return flow;
    }

    //! SQLSTATE and SQLERRM, which PL/pgSQL declares for each block with an EXCEPTION part.
    bool IsErrorVariable(size_t i) const {
        const auto &variable = program_.variables[i];
        return variable.constant && variable.type.empty() &&
               (variable.name == "sqlstate" || variable.name == "sqlerrm");
    }

    void SetErrorVariables(const SqlError &error) {
        for (size_t i = 0; i < values_.size(); i++) {
            if (IsErrorVariable(i)) {
                const bool code = program_.variables[i].name == "sqlstate";
                values_[i].value = BoundValue{code ? error.sqlstate : std::string(error.what()), "text"};
            }
        }
    }

    static const sql::plpgsql::Handler *FindHandler(const Statement &block, const std::string &sqlstate) {
        for (const auto &handler : block.handlers) {
            for (const auto &condition : handler.sqlstates) {
                if (sql::plpgsql::ConditionMatches(condition, sqlstate)) {
                    return &handler;
                }
            }
        }
        return nullptr;
    }

    asio::awaitable<void> Raise(const Statement &statement) {
        if (!statement.message && statement.condition.empty() && statement.options.empty()) {
            if (handling_.empty()) {
                throw SqlError("0Z002", "RAISE without parameters cannot be used outside an exception handler");
            }
            throw handling_.back();
        }
        std::vector<std::optional<std::string>> arguments;
        for (const auto &argument : statement.arguments) {
            arguments.push_back(co_await Evaluate(argument, ""));
        }
        std::string sqlstate = statement.level == RaiseLevel::kException ? "P0001" : "00000";
        std::string message;
        if (statement.message) {
            message = sql::plpgsql::FormatRaiseMessage(*statement.message, arguments);
        }
        if (!statement.condition.empty()) {
            auto named = sql::plpgsql::ConditionSqlstate(statement.condition);
            sqlstate = named ? *named : statement.condition;
            if (!statement.message) {
                message = statement.condition;
            }
        }
        std::string detail;
        std::string hint;
        for (const auto &[option, expression] : statement.options) {
            auto value = co_await Evaluate(expression, "");
            if (!value) {
                throw SqlError("22004", "RAISE statement option cannot be null");
            }
            switch (option) {
            case RaiseOption::kErrcode: {
                auto named = sql::plpgsql::ConditionSqlstate(*value);
                if (!named && value->size() != 5) {
                    throw SqlError("42704", "unrecognized exception condition \"" + *value + "\"");
                }
                sqlstate = named ? *named : *value;
                break;
            }
            case RaiseOption::kMessage:
                message = *value;
                break;
            case RaiseOption::kDetail:
                detail = *value;
                break;
            case RaiseOption::kHint:
                hint = *value;
                break;
            case RaiseOption::kOther:
                break;
            }
        }
        if (!statement.message && statement.condition.empty() && message.empty()) {
            message = sqlstate; // RAISE USING ERRCODE = '...' alone: PostgreSQL's message is the code
        }
        switch (statement.level) {
        case RaiseLevel::kException:
            throw SqlError(sqlstate, message, detail, hint);
        case RaiseLevel::kWarning:
            session_.WriteNotice("WARNING", sqlstate == "00000" ? "01000" : sqlstate, message, detail);
            break;
        case RaiseLevel::kNotice:
        case RaiseLevel::kInfo:
            // client_min_messages decides whether a notice goes to the client; INFO always does.
            if (statement.level == RaiseLevel::kInfo ||
                !SuppressesNotices(session_.settings_.Get("client_min_messages"))) {
                session_.WriteNotice(statement.level == RaiseLevel::kInfo ? "INFO" : "NOTICE", sqlstate, message,
                                     detail);
            }
            break;
        case RaiseLevel::kLog:
        case RaiseLevel::kDebug:
            break; // below client_min_messages' default
        }
    }

    asio::awaitable<Flow> RunStatement(const Statement &statement) {
        switch (statement.kind) {
        case StatementKind::kBlock:
            co_return co_await RunBlock(statement);
        case StatementKind::kSql: {
            auto results = co_await RunSql(statement.text, {});
            NoteRowCount(results);
            if (statement.has_into) {
                co_await AssignInto(statement, results);
            } else if (!results.columns.empty() && results.tags.size() == 1 &&
                       results.tags[0].rfind("SELECT", 0) == 0) {
                throw SqlError("42601", "query has no destination for result data", "",
                               "If you want to discard the results of a SELECT, use PERFORM instead.");
            } else {
                SetFound(RowCountOfTag(results.tags) > 0);
            }
            co_return Flow{};
        }
        case StatementKind::kPerform: {
            auto results = co_await RunSql(statement.text, {});
            NoteRowCount(results);
            SetFound(!results.rows.empty());
            co_return Flow{};
        }
        case StatementKind::kAssign: {
            const size_t target = statement.targets.at(0);
            CheckAssignable(target);
            auto expression = sql::plpgsql::AssignedExpression(statement.text);
            if (!expression || program_.variables[target].is_record) {
                throw SqlError("0A000", "assignments to fields, elements or records are not supported in DO blocks");
            }
            values_[target].value.text = co_await Evaluate(*expression, program_.variables[target].type);
            co_return Flow{};
        }
        case StatementKind::kIf:
        case StatementKind::kCase:
            if (!statement.text.empty()) {
                values_[statement.targets.at(0)].value = co_await EvaluateTyped(statement.text, "");
            }
            for (const auto &branch : statement.branches) {
                if (branch.condition.empty() || co_await Condition(branch.condition)) {
                    co_return co_await RunList(branch.body);
                }
            }
            if (statement.kind == StatementKind::kCase) {
                throw SqlError("20000", "case not found", "", "CASE statement is missing ELSE part.");
            }
            co_return Flow{};
        case StatementKind::kRaise:
            co_await Raise(statement);
            co_return Flow{};
        case StatementKind::kExecute: {
            auto results = co_await RunDynamic(statement);
            NoteRowCount(results);
            if (statement.has_into) {
                co_await AssignInto(statement, results);
            }
            co_return Flow{};
        }
        case StatementKind::kForQuery: {
            wire::CapturedResults results;
            if (statement.dynamic) { // no co_await in a conditional expression: GCC 12 miscompiles it
                results = co_await RunDynamic(statement);
            } else {
                results = co_await RunSql(statement.text, {});
            }
            for (const auto &row : results.rows) {
                AssignRow(statement.targets, results.columns, &row);
                co_await FinishCasts();
                if (auto end = co_await Iterate(statement)) {
                    SetFound(true);
                    co_return *end;
                }
            }
            SetFound(!results.rows.empty());
            co_return Flow{};
        }
        case StatementKind::kForInteger:
            co_return co_await RunForInteger(statement);
        case StatementKind::kLoop:
        case StatementKind::kWhile:
            while (statement.kind == StatementKind::kLoop || co_await Condition(statement.text)) {
                if (auto end = co_await Iterate(statement)) {
                    co_return *end;
                }
            }
            co_return Flow{};
        case StatementKind::kExit:
            if (!statement.text.empty() && !co_await Condition(statement.text)) {
                co_return Flow{};
            }
            co_return Flow{statement.is_exit ? Flow::Kind::kExit : Flow::Kind::kContinue, statement.label};
        case StatementKind::kReturn:
            co_return Flow{Flow::Kind::kReturn, ""};
        case StatementKind::kRowCount:
            for (size_t target : statement.targets) {
                CheckAssignable(target);
                values_[target].value.text =
                    co_await Evaluate(std::to_string(row_count_), program_.variables[target].type);
            }
            co_return Flow{};
        }
        co_return Flow{};
    }

    asio::awaitable<Flow> RunForInteger(const Statement &statement) {
        // integer bounds, as in PostgreSQL (22003 beyond them): the loop's arithmetic in 64 bits cannot overflow.
        auto lower = co_await Evaluate(statement.lower, "integer");
        auto upper = co_await Evaluate(statement.upper, "integer");
        std::optional<std::string> step = "1";
        if (!statement.step.empty()) {
            step = co_await Evaluate(statement.step, "integer");
        }
        if (!lower || !upper) {
            throw SqlError("22004", std::string(lower ? "upper" : "lower") + " bound of FOR loop cannot be null");
        }
        if (!step) {
            throw SqlError("22004", "BY value of FOR loop cannot be null");
        }
        const int64_t by = std::stoll(*step);
        if (by <= 0) {
            throw SqlError("22023", "BY value of FOR loop must be greater than zero");
        }
        const int64_t from = std::stoll(*lower);
        const int64_t to = std::stoll(*upper);
        const size_t target = statement.targets.at(0);
        for (int64_t i = from; statement.reverse ? i >= to : i <= to; i += statement.reverse ? -by : by) {
            values_[target].value = BoundValue{std::to_string(i), "integer"};
            if (auto end = co_await Iterate(statement)) {
                SetFound(true);
                co_return *end;
            }
        }
        SetFound(statement.reverse ? from >= to : from <= to);
        co_return Flow{};
    }

    Session &session_;
    Program program_;
    std::vector<Slot> values_; //!< by variable number
    std::vector<std::pair<size_t, std::string>> pending_casts_;
    std::vector<SqlError> handling_; //!< the errors of the exception handlers running, innermost last
    int savepoint_count_ = 0;
    uint64_t row_count_ = 0; //!< rows the last SQL statement processed, for GET DIAGNOSTICS ... ROW_COUNT
};

asio::awaitable<void> Session::RunDoBlock(const sql::ParsedStatement &statement, const sql::DoStatement &block) {
    const std::string language = AsciiLower(block.language);
    if (language != "plpgsql") {
        for (auto known : kLanguagesWithoutInline) {
            if (language == known) {
                throw SqlError("0A000", "language \"" + language + "\" does not support inline code execution");
            }
        }
        throw SqlError("42704", "language \"" + language + "\" does not exist");
    }
    DoBlockRun run(*this, sql::plpgsql::ParseDoBody(block.body));
    if (tx_.IsIdle()) {
        co_await BeginImplicit(); // all or nothing, as PostgreSQL's one statement
    }
    co_await run.Run();
    WriteComplete(statement.tag);
}

} // namespace duckgres::session
