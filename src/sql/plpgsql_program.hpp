// PL/pgSQL program of a DO block: the subset Duckgres interprets, read from libpg_query's PL/pgSQL parse tree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace duckgres::sql::plpgsql {

//! A variable of the block (DECLARE, a FOR loop's counter, FOUND). Records take the columns of a row.
struct Variable {
    std::string name;
    std::string type; //!< as declared ("int", "varchar(20)"); empty when PL/pgSQL types it (FOUND, FOR's counter)
    bool is_record = false;
    bool constant = false;
    bool not_null = false;
    std::optional<std::string> default_expr; //!< DECLARE x int := <expr>
};

enum class StatementKind : uint8_t {
    kBlock,      //!< BEGIN ... [EXCEPTION ...] END
    kSql,        //!< an SQL statement, optionally SELECT ... INTO targets
    kPerform,    //!< PERFORM query (text is the SELECT it runs)
    kAssign,     //!< var := expr
    kIf,         //!< IF / ELSIF / ELSE
    kRaise,      //!< RAISE level 'format', args [USING option = expr, ...]
    kExecute,    //!< EXECUTE expr [INTO targets] [USING args]
    kForQuery,   //!< FOR record IN query LOOP, FOR record IN EXECUTE expr [USING args] LOOP (`dynamic`)
    kForInteger, //!< FOR i IN [REVERSE] a..b [BY step] LOOP
    kLoop,       //!< LOOP ... END LOOP
    kWhile,      //!< WHILE cond LOOP
    kExit,       //!< EXIT / CONTINUE [label] [WHEN cond]
    kReturn,     //!< RETURN
    kRowCount,   //!< GET DIAGNOSTICS var = ROW_COUNT
    kCase,       //!< CASE [expr] WHEN ... THEN ... [ELSE ...] END CASE
};

//! Options of RAISE ... USING, in PL/pgSQL's numbering.
enum class RaiseOption : uint8_t { kErrcode, kMessage, kDetail, kHint, kOther };

//! Severities of RAISE (PostgreSQL's elog levels).
enum class RaiseLevel : uint8_t { kDebug, kLog, kInfo, kNotice, kWarning, kException };

struct Statement;

//! WHEN conditions THEN statements of a block's EXCEPTION part.
struct Handler {
    std::vector<std::string> sqlstates; //!< SQLSTATEs (a class when ending in "000"); "others" for OTHERS
    std::vector<Statement> body;
};

struct Branch {
    std::string condition; //!< empty for ELSE
    std::vector<Statement> body;
};

struct Statement {
    StatementKind kind = StatementKind::kBlock;
    int line = 0;
    std::string text;            //!< SQL, PERFORM's SELECT, the assigned or tested expression, EXECUTE's string
    std::vector<size_t> targets; //!< INTO targets, the assigned variable, the loop variable (Program::variables)
    bool has_into = false;       //!< SELECT / EXECUTE ... INTO
    bool strict = false;         //!< INTO STRICT
    std::vector<Statement> body; //!< block, loop bodies
    //! IF: THEN and ELSIF branches, then ELSE (condition empty); CASE: its WHENs, then ELSE. A CASE with an
    //! expression (`text`) keeps it in a hidden variable (`targets`) that its WHEN conditions read.
    std::vector<Branch> branches;
    std::vector<Handler> handlers;      //!< block: EXCEPTION WHEN ...
    std::string label;                  //!< <<label>> of a block or loop; EXIT's label
    std::string lower, upper, step;     //!< FOR i IN lower..upper BY step
    bool reverse = false;               //!< FOR ... IN REVERSE
    bool dynamic = false;               //!< FOR ... IN EXECUTE: `text` is an expression giving the query
    bool is_exit = true;                //!< EXIT (true) or CONTINUE
    std::vector<std::string> arguments; //!< RAISE's format arguments, EXECUTE's USING expressions
    RaiseLevel level = RaiseLevel::kException;
    std::optional<std::string> message;                       //!< RAISE's format string
    std::string condition;                                    //!< RAISE condition_name / SQLSTATE 'xxxxx'
    std::vector<std::pair<RaiseOption, std::string>> options; //!< RAISE ... USING
};

struct Program {
    std::vector<Variable> variables;
    Statement body; //!< the outermost block
};

//! Reads a DO block's body as PL/pgSQL. Throws SqlError: 42601 for syntax errors, 0A000 naming a construct outside
//! the subset Duckgres runs, 42704 for an unknown exception condition.
Program ParseDoBody(std::string_view body);

//! The SQLSTATE of an exception condition name ("unique_violation" -> "23505"); nullopt when unknown.
std::optional<std::string> ConditionSqlstate(std::string_view name);

//! Whether an error with `sqlstate` is caught by a handler's condition (an SQLSTATE, a class "xx000", "others").
bool ConditionMatches(std::string_view condition, std::string_view sqlstate);

//! RAISE's message: each % of `format` replaced by the next argument's text (NULL as <NULL>), %% by %.
std::string FormatRaiseMessage(std::string_view format, const std::vector<std::optional<std::string>> &arguments);

} // namespace duckgres::sql::plpgsql
