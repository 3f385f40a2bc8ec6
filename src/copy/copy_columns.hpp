// CopyColumns: the columns a COPY reads or writes, and resolving FORCE_* column lists against them.
#pragma once

#include <string>
#include <vector>

namespace duckgres::copy {

//! The columns of one COPY, in COPY order, and where they come from (for PostgreSQL's error messages).
struct CopyColumns {
    std::vector<std::string> names;          //!< the copied columns, in order
    std::string relation;                    //!< the table's name; empty for COPY (query) TO
    std::vector<std::string> relation_names; //!< all columns of the table; empty: the same as `names`
};

//! One flag per copied column: whether `option_label` (e.g. "FORCE_QUOTE") names it. Throws SqlError as
//! PostgreSQL: 42703 for an unknown column, 42701 for a repeated one, 42P10 for a column not being copied.
std::vector<bool> ResolveForceColumns(const std::vector<std::string> &names, const CopyColumns &columns,
                                      const std::string &option_label);

} // namespace duckgres::copy
