// Test harness for CopyReader: feeds an input split at every possible chunk boundary and compares outcomes.
#pragma once

#include "common/sql_error.hpp"
#include "copy/copy_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace duckgres::copy::testing {

using Pairs = std::vector<std::pair<std::string, std::string>>;
//! A row that owns its bytes (CopyRow's views last only for the sink's call).
using OwnedRow = std::vector<std::optional<std::string>>;

inline OwnedRow Own(const CopyRow &row) {
    OwnedRow owned;
    for (const auto &field : row) {
        owned.push_back(field ? std::optional<std::string>(*field) : std::nullopt);
    }
    return owned;
}
inline const auto N = std::nullopt;

//! One reader table row: the input and either the rows or the rows before an error plus the error.
struct ReadCase {
    Pairs options;
    std::vector<std::string> columns;
    std::string data;
    std::vector<OwnedRow> rows;
    const char *sqlstate = nullptr; //!< nullptr: no error expected
    std::string message = "";
    std::string context = ""; //!< ErrorContext() after the error
    std::string hint = "";
};

//! What one run produced.
struct Outcome {
    std::vector<OwnedRow> rows;
    std::string sqlstate;
    std::string message;
    std::string context;
    std::string hint;

    bool operator==(const Outcome &other) const = default;
};

inline std::ostream &operator<<(std::ostream &out, const Outcome &outcome) {
    out << outcome.rows.size() << " rows [";
    for (const auto &row : outcome.rows) {
        out << "(";
        for (const auto &field : row) {
            out << (field ? "'" + *field + "'" : "NULL") << " ";
        }
        out << ")";
    }
    return out << "] error " << outcome.sqlstate << " '" << outcome.message << "' context '" << outcome.context
               << "' hint '" << outcome.hint << "'";
}

inline Outcome Read(const ReadCase &c, const std::vector<std::string_view> &chunks) {
    Outcome outcome;
    auto options = ParseCopyOptions(c.options, CopyDirection::From);
    CopyReader reader(options, CopyColumns{c.columns, "", {}});
    auto sink = [&](const CopyRow &row) { outcome.rows.push_back(Own(row)); };
    try {
        for (auto chunk : chunks) {
            reader.Feed(chunk, sink);
        }
        reader.Finish(sink);
    } catch (const SqlError &error) {
        outcome.sqlstate = error.sqlstate;
        outcome.message = error.what();
        outcome.context = reader.ErrorContext();
        outcome.hint = error.hint;
    }
    return outcome;
}

//! Every way to cut `data` into two chunks, into three when short, and into single bytes.
inline std::vector<std::vector<std::string_view>> AllSplits(std::string_view data) {
    std::vector<std::vector<std::string_view>> splits;
    for (size_t i = 0; i <= data.size(); i++) {
        splits.push_back({data.substr(0, i), data.substr(i)});
    }
    if (data.size() <= 40) {
        for (size_t i = 1; i < data.size(); i++) {
            for (size_t j = i + 1; j < data.size(); j++) {
                splits.push_back({data.substr(0, i), data.substr(i, j - i), data.substr(j)});
            }
        }
    }
    std::vector<std::string_view> bytes;
    for (size_t i = 0; i < data.size(); i++) {
        bytes.push_back(data.substr(i, 1));
    }
    splits.push_back(bytes);
    return splits;
}

//! Runs each case with every split of its input; all must give the expected outcome.
template <size_t Count>
void ExpectReads(const ReadCase (&cases)[Count]) {
    for (size_t i = 0; i < Count; i++) {
        const auto &c = cases[i];
        Outcome expected{c.rows, c.sqlstate ? c.sqlstate : "", c.message, c.context, c.hint};
        for (const auto &chunks : AllSplits(c.data)) {
            auto outcome = Read(c, chunks);
            if (outcome != expected) {
                ADD_FAILURE() << "case " << i << " split into " << chunks.size() << " chunks, first "
                              << chunks[0].size() << " bytes\n  got      " << outcome << "\n  expected " << expected;
                break;
            }
        }
    }
}

} // namespace duckgres::copy::testing
