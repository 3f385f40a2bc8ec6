// PostgreSQL's sequence rules: options read from the parse tree, bounds and positions checked as PostgreSQL does.
#include "sql/sequence_options.hpp"

#include "common/sql_error.hpp"

#include <pg_query.pb.h>

#include <charconv>
#include <utility>
#include <vector>

namespace duckgres::sql {

namespace {

//! The integer of an option's argument (Integer, or Float for what does not fit an int: PostgreSQL's NumericOnly).
std::optional<int64_t> OptionInteger(const pg_query::Node &arg) {
    if (arg.has_integer()) {
        return arg.integer().ival();
    }
    const std::string *text = nullptr;
    if (arg.has_float_()) {
        text = &arg.float_().fval();
    } else if (arg.has_a_const() && arg.a_const().has_ival()) {
        return arg.a_const().ival().ival();
    } else if (arg.has_a_const() && arg.a_const().has_fval()) {
        text = &arg.a_const().fval().fval();
    }
    int64_t value = 0;
    if (!text || std::from_chars(text->data(), text->data() + text->size(), value).ec != std::errc() ||
        text->find_first_of(".eE") != std::string::npos) {
        return std::nullopt;
    }
    return value;
}

int64_t RequireInteger(const pg_query::DefElem &option) {
    auto value = OptionInteger(option.arg());
    if (!value) {
        throw SqlError("22023", option.defname() + " requires an integer value");
    }
    return *value;
}

//! int2 / int4 / int8 for the type names PostgreSQL takes for a sequence; throws 22023 for others.
std::string SequenceType(const pg_query::TypeName &type) {
    std::string name = type.names_size() > 0 ? type.names(type.names_size() - 1).string().sval() : "";
    if (name == "int2" || name == "smallint") {
        return "int2";
    }
    if (name == "int4" || name == "integer" || name == "int") {
        return "int4";
    }
    if (name == "int8" || name == "bigint") {
        return "int8";
    }
    throw SqlError("22023", "sequence type must be smallint, integer, or bigint");
}

std::pair<int64_t, int64_t> TypeBounds(const std::optional<std::string> &type) {
    if (type == "int2") {
        return {INT16_MIN, INT16_MAX};
    }
    if (type == "int4") {
        return {INT32_MIN, INT32_MAX};
    }
    return {INT64_MIN, INT64_MAX};
}

void CheckWithinBounds(const char *what, int64_t value, const SequenceState &state) {
    if (value < state.minimum) {
        throw SqlError("22023", std::string(what) + " value (" + std::to_string(value) +
                                    ") cannot be less than MINVALUE (" + std::to_string(state.minimum) + ")");
    }
    if (value > state.maximum) {
        throw SqlError("22023", std::string(what) + " value (" + std::to_string(value) +
                                    ") cannot be greater than MAXVALUE (" + std::to_string(state.maximum) + ")");
    }
}

} // namespace

void ReadSequenceOptions(const google::protobuf::RepeatedPtrField<pg_query::Node> &options, SequenceChange &change) {
    std::vector<std::string> seen;
    for (const auto &node : options) {
        if (!node.has_def_elem()) {
            continue;
        }
        const auto &option = node.def_elem();
        const auto &name = option.defname();
        for (const auto &earlier : seen) {
            if (earlier == name) {
                throw SqlError("42601", "conflicting or redundant options");
            }
        }
        seen.push_back(name);
        const bool has_arg = option.has_arg() && option.arg().node_case() != pg_query::Node::NODE_NOT_SET;
        if (name == "increment") {
            change.increment = RequireInteger(option);
        } else if (name == "minvalue" && has_arg) {
            change.minimum = RequireInteger(option);
        } else if (name == "minvalue") {
            change.no_minimum = true;
        } else if (name == "maxvalue" && has_arg) {
            change.maximum = RequireInteger(option);
        } else if (name == "maxvalue") {
            change.no_maximum = true;
        } else if (name == "start") {
            change.start = RequireInteger(option);
        } else if (name == "restart") {
            change.restart = true;
            if (has_arg) {
                change.restart_with = RequireInteger(option);
            }
        } else if (name == "cycle") {
            change.cycle = option.arg().has_boolean() ? option.arg().boolean().boolval() : true;
        } else if (name == "as") {
            change.type = SequenceType(option.arg().type_name());
        }
        // cache, owned_by, sequence_name: no effect on DuckDB's sequence.
    }
}

SequenceState ChangedSequence(const std::optional<SequenceState> &current, const SequenceChange &change) {
    const bool creating = !current;
    SequenceState state = current.value_or(SequenceState{});
    if (change.increment) {
        if (*change.increment == 0) {
            throw SqlError("22023", "INCREMENT must not be zero");
        }
        state.increment = *change.increment;
    }
    const auto [type_min, type_max] = TypeBounds(change.type);
    const bool ascending = state.increment > 0;
    if (change.maximum) {
        state.maximum = *change.maximum;
    } else if (creating || change.no_maximum || change.type) {
        state.maximum = ascending ? type_max : -1;
    }
    if (change.minimum) {
        state.minimum = *change.minimum;
    } else if (creating || change.no_minimum || change.type) {
        state.minimum = ascending ? 1 : type_min;
    }
    const char *type_name = change.type == "int2" ? "smallint" : change.type == "int4" ? "integer" : "bigint";
    for (const auto &[label, bound] : {std::pair{"MAXVALUE", change.maximum}, std::pair{"MINVALUE", change.minimum}}) {
        if (bound && (*bound > type_max || *bound < type_min)) {
            throw SqlError("22023", std::string(label) + " (" + std::to_string(*bound) +
                                        ") is out of range for sequence data type " + type_name);
        }
    }
    if (state.minimum >= state.maximum) {
        throw SqlError("22023", "MINVALUE (" + std::to_string(state.minimum) + ") must be less than MAXVALUE (" +
                                    std::to_string(state.maximum) + ")");
    }
    if (change.start) {
        state.start = *change.start;
    } else if (creating) {
        state.start = ascending ? state.minimum : state.maximum;
    }
    CheckWithinBounds("START", state.start, state);
    if (change.cycle) {
        state.cycle = *change.cycle;
    }
    if (change.set_value) {
        if (*change.set_value < state.minimum || *change.set_value > state.maximum) {
            throw SqlError("22003", "setval: value " + std::to_string(*change.set_value) +
                                        " is out of bounds for sequence \"" + change.name + "\" (" +
                                        std::to_string(state.minimum) + ".." + std::to_string(state.maximum) + ")");
        }
        state.position = *change.set_value;
        state.is_called = change.set_is_called;
    } else if (change.restart || creating) {
        state.position = change.restart_with.value_or(state.start);
        state.is_called = false;
        CheckWithinBounds("RESTART", state.position, state);
    }
    return state;
}

SequenceBoundsNeeded BoundsDuckDbNeeds(const SequenceState &state) {
    const bool ascending = state.increment > 0;
    return {state.minimum != (ascending ? 1 : INT64_MIN), state.maximum != (ascending ? INT64_MAX : -1)};
}

SequencePlan PlanSequence(const SequenceState &state, int64_t advance_limit) {
    const __int128 distance = static_cast<__int128>(state.position) - state.start;
    if (distance % state.increment == 0) {
        const __int128 steps = distance / state.increment + (state.is_called ? 1 : 0);
        if (steps >= 0 && steps <= advance_limit) {
            return {state.start, static_cast<int64_t>(steps)};
        }
    }
    return {state.position, state.is_called ? 1 : 0};
}

std::string DuckDbSequenceOptions(const SequenceState &state, int64_t start_with) {
    const auto bounds = BoundsDuckDbNeeds(state);
    std::string sql = "INCREMENT BY " + std::to_string(state.increment);
    if (bounds.minimum) {
        sql += " MINVALUE " + std::to_string(state.minimum);
    }
    if (bounds.maximum) {
        sql += " MAXVALUE " + std::to_string(state.maximum);
    }
    sql += " START WITH " + std::to_string(start_with);
    sql += state.cycle ? " CYCLE" : " NO CYCLE";
    return sql;
}

std::optional<std::pair<std::string, std::string>> SplitSequenceName(const std::string &text) {
    std::vector<std::string> parts;
    size_t i = 0;
    while (true) {
        std::string part;
        if (i < text.size() && text[i] == '"') {
            for (i++; i < text.size(); i++) {
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        part += '"';
                        i++;
                        continue;
                    }
                    break;
                }
                part += text[i];
            }
            if (i >= text.size()) {
                return std::nullopt; // unterminated quote
            }
            i++;
        } else {
            for (; i < text.size() && text[i] != '.'; i++) {
                char c = text[i];
                part += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
            }
        }
        if (part.empty()) {
            return std::nullopt;
        }
        parts.push_back(std::move(part));
        if (i >= text.size()) {
            break;
        }
        if (text[i] != '.') {
            return std::nullopt;
        }
        i++;
    }
    if (parts.size() > 3) {
        return std::nullopt;
    }
    return std::pair{parts.size() >= 2 ? parts[parts.size() - 2] : std::string(), parts.back()};
}

} // namespace duckgres::sql
