// PostgreSQL's sequence rules as data: the options of CREATE / ALTER SEQUENCE and setval(), and the sequence they make.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace pg_query {
class Node;
} // namespace pg_query

namespace google::protobuf {
template <typename T>
class RepeatedPtrField;
} // namespace google::protobuf

namespace duckgres::sql {

//! A sequence's parameters and where it stands: all DuckDB needs to make it again.
struct SequenceState {
    int64_t increment = 1;
    int64_t minimum = 1;
    int64_t maximum = INT64_MAX;
    int64_t start = 1;
    bool cycle = false;
    //! PostgreSQL's last_value: the value nextval() gave last (is_called), or the one it gives next (not is_called).
    int64_t position = 1;
    bool is_called = false;

    bool operator==(const SequenceState &) const = default;
};

//! What CREATE SEQUENCE, ALTER SEQUENCE, setval() or TRUNCATE ... RESTART IDENTITY ask of a sequence; what is unset
//! keeps the sequence's value.
struct SequenceChange {
    std::string schema; //!< empty: found through the search path
    std::string name;
    bool missing_ok = false; //!< ALTER SEQUENCE IF EXISTS
    std::optional<int64_t> increment;
    std::optional<int64_t> minimum;
    std::optional<int64_t> maximum;
    bool no_minimum = false; //!< NO MINVALUE: the default of the direction
    bool no_maximum = false;
    std::optional<int64_t> start;
    std::optional<bool> cycle;
    std::optional<std::string> type; //!< AS smallint / integer / bigint, as int2 / int4 / int8
    bool restart = false;            //!< RESTART [WITH n]
    std::optional<int64_t> restart_with;
    std::optional<int64_t> set_value; //!< setval(seq, value [, is_called])
    bool set_is_called = true;

    bool operator==(const SequenceChange &) const = default;
};

//! Reads CREATE / ALTER SEQUENCE options (DefElem nodes) into `change`. CACHE, OWNED BY and SEQUENCE NAME are
//! accepted and have no effect (DuckDB caches nothing; a serial column's sequence goes with its table by name).
//! Throws SqlError 22023 for a type other than smallint, integer or bigint, 42601 for an option given twice.
void ReadSequenceOptions(const google::protobuf::RepeatedPtrField<pg_query::Node> &options, SequenceChange &change);

//! The sequence `change` makes of `current` (nullopt: CREATE SEQUENCE), by PostgreSQL's rules: bounds default to
//! the direction and type, START to the bound it starts from, RESTART to START. Throws SqlError as PostgreSQL:
//! 22023 for a zero increment or a START / RESTART outside the bounds or MINVALUE >= MAXVALUE, 22003 for setval()
//! outside the bounds.
SequenceState ChangedSequence(const std::optional<SequenceState> &current, const SequenceChange &change);

//! Which bounds DuckDB must be told: those other than its defaults for the direction (which are PostgreSQL's for
//! bigint; its parser does not take -9223372036854775808 written out).
struct SequenceBoundsNeeded {
    bool minimum;
    bool maximum;
};
SequenceBoundsNeeded BoundsDuckDbNeeds(const SequenceState &state);

//! How DuckDB makes a sequence stand where `state` does: created with START `start_with`, then nextval() called
//! `advance` times. From the sequence's own START when its position is at most `advance_limit` steps on (START,
//! RESTART and pg_sequences keep it, as in PostgreSQL), else from the position itself (then START shows it).
struct SequencePlan {
    int64_t start_with;
    int64_t advance;

    bool operator==(const SequencePlan &) const = default;
};
SequencePlan PlanSequence(const SequenceState &state, int64_t advance_limit);

//! The options of DuckDB's CREATE SEQUENCE that make `state`, starting with `start_with`.
std::string DuckDbSequenceOptions(const SequenceState &state, int64_t start_with);

//! `schema` and `name` of a regclass-style text ('s', 'public.s', '"My Seq"'), unquoted names folded to lower
//! case; nullopt when it is no such name. A three-part name keeps its last two parts.
std::optional<std::pair<std::string, std::string>> SplitSequenceName(const std::string &text);

} // namespace duckgres::sql
