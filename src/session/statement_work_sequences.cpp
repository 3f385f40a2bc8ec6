// StatementWork's sequence changes: setval(), ALTER SEQUENCE and TRUNCATE ... RESTART IDENTITY, which DuckDB lacks,
// made by creating the sequence again with its new parameters and position (CREATE OR REPLACE SEQUENCE).
#include "catalog/catalog_scripts.hpp"
#include "common/sql_error.hpp"
#include "common/sql_quote.hpp"
#include "engine/catalog_lookup.hpp"
#include "session/statement_work.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

namespace duckgres::session {

namespace {

//! How many values nextval() may draw to move a sequence from its START to its new position (a fraction of a second);
//! a position further on becomes the START DuckDB shows.
constexpr int64_t kAdvanceLimit = 1'000'000;

//! How many statements that may have called nextval() lastval() looks back through.
constexpr size_t kNextvalHistory = 8;

bool ContainsCaseInsensitive(const std::string &text, std::string_view word) {
    return std::search(text.begin(), text.end(), word.begin(), word.end(),
                       [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; }) != text.end();
}

//! The sequence a SequenceChange names, as DuckDB's catalog has it.
struct FoundSequence {
    std::string database;
    std::string schema;
    bool temporary = false;
    sql::SequenceState state;

    //! The name DuckDB's SQL and nextval() take for it.
    std::string Qualified(const std::string &name) const {
        return QuoteIdentifier(temporary ? "temp" : database) + "." + QuoteIdentifier(schema) + "." +
               QuoteIdentifier(name);
    }
};

} // namespace

void StatementWork::ChangeSequence(const sql::SequenceChange &change) {
    MaterializeOpenStreams();
    // Unqualified: the first schema of the search path that has it, temporary sequences first (as PostgreSQL).
    const std::string where =
        change.schema.empty()
            ? " AND (temporary OR list_position(current_schemas(false), schema_name) IS NOT NULL) ORDER BY temporary "
              "DESC, list_position(current_schemas(false), schema_name)"
            : " AND schema_name = " + QuoteLiteral(change.schema);
    auto rows = Engine().QueryStrings(
        "SELECT database_name, schema_name, temporary, increment_by, min_value, max_value, start_value, cycle, "
        "last_value IS NOT NULL, coalesce(" +
        std::string(catalog::kCatalogDatabase) +
        ".main.duckgres_sequence_last(last_value, sql, increment_by), start_value) FROM duckdb_sequences() WHERE "
        "sequence_name = " +
        QuoteLiteral(change.name) + " AND (temporary OR database_name = current_database())" + where + " LIMIT 1");
    const std::string shown = change.schema.empty() ? change.name : change.schema + "." + change.name;
    if (rows.empty()) {
        if (change.missing_ok) {
            Notice("NOTICE", "00000", "relation \"" + shown + "\" does not exist, skipping");
            return;
        }
        throw SqlError("42P01", "relation \"" + shown + "\" does not exist");
    }
    const auto &row = rows[0];
    FoundSequence found{row[0], row[1], row[2] == "true", {}};
    found.state = {std::stoll(row[3]), std::stoll(row[4]), std::stoll(row[5]), std::stoll(row[6]),
                   row[7] == "true",   std::stoll(row[9]), row[8] == "true"};
    const auto changed = sql::ChangedSequence(found.state, change);
    if (changed == found.state && !change.restart && !change.set_value) {
        return; // CACHE, OWNED BY: nothing DuckDB keeps
    }
    // DuckDB cannot move a sequence: it is made again, and drawn from up to its position.
    const auto plan = sql::PlanSequence(changed, kAdvanceLimit);
    const auto qualified = found.Qualified(change.name);
    Engine().Run("CREATE OR REPLACE " + std::string(found.temporary ? "TEMP SEQUENCE " : "SEQUENCE ") +
                 (found.temporary ? QuoteIdentifier(change.name) : qualified) + " " +
                 sql::DuckDbSequenceOptions(changed, plan.start_with));
    if (plan.advance > 0) {
        Engine().Run("SELECT max(nextval(" + QuoteLiteral(qualified) + ")) FROM range(" + std::to_string(plan.advance) +
                     ")");
    }
}

void StatementWork::ApplySequenceEffects(const sql::RewriteEffects &effects) {
    for (const auto &query : effects.setval_queries) {
        MaterializeOpenStreams();
        for (const auto &row : Engine().QueryStrings(query)) {
            // Each call: name, value, is_called. A NULL argument: setval() is strict, nothing changes.
            for (size_t i = 0; i + 2 < row.size(); i += 3) {
                if (row[i].empty() || row[i + 1].empty() || row[i + 2].empty()) {
                    continue;
                }
                auto name = sql::SplitSequenceName(row[i]);
                if (!name) {
                    throw SqlError("42602", "invalid name syntax");
                }
                sql::SequenceChange change;
                change.schema = name->first;
                change.name = name->second;
                change.set_value = std::stoll(row[i + 1]);
                change.set_is_called = row[i + 2] == "true";
                ChangeSequence(change);
            }
        }
    }
    for (const auto &change : effects.sequence_changes) {
        ChangeSequence(change);
    }
}

void StatementWork::RestartIdentities(const sql::ParsedStatement &statement) {
    if (!statement.tree || !statement.tree->has_truncate_stmt() || !statement.tree->truncate_stmt().restart_seqs()) {
        return;
    }
    engine::CatalogLookup catalog(Engine());
    for (const auto &relation : statement.tree->truncate_stmt().relations()) {
        const auto &table = relation.range_var();
        for (const auto &sequence : catalog.SerialSequencesOf(table.schemaname(), table.relname())) {
            auto name = sql::SplitSequenceName(sequence);
            if (!name) {
                continue;
            }
            sql::SequenceChange change;
            change.schema = name->first;
            change.name = name->second;
            change.restart = true;
            ChangeSequence(change);
        }
    }
}

void StatementWork::NoteNextvalSource(const sql::ParsedStatement &statement) {
    if (!statement.tree ||
        (!statement.tree->has_insert_stmt() && !ContainsCaseInsensitive(statement.text, "nextval"))) {
        return; // the common case, without copying the tree
    }
    auto source = sql::NextvalSourceOf(*statement.tree);
    if (!source) {
        return;
    }
    auto &history = lent_.engine.nextval_history;
    if (history.size() == kNextvalHistory) {
        history.erase(history.begin());
    }
    history.push_back(std::move(*source));
}

std::string StatementWork::LastSequence() {
    const auto &history = lent_.engine.nextval_history;
    for (auto source = history.rbegin(); source != history.rend(); ++source) {
        if (!source->table.empty()) {
            // The INSERT's nextval defaults filled the columns it did not list.
            MaterializeOpenStreams();
            for (const auto &filled :
                 engine::CatalogLookup(Engine()).NextvalDefaultsOf(source->table_schema, source->table)) {
                if (std::find(source->columns.begin(), source->columns.end(), filled.column) == source->columns.end()) {
                    return filled.sequence;
                }
            }
        }
        if (!source->sequence.empty()) {
            return source->sequence;
        }
    }
    return "";
}

} // namespace duckgres::session
