// The statements that make a table again with other constraints, keeping its rows, defaults, indexes and comments.
#pragma once

#include <string>
#include <vector>

namespace duckgres::sql {

//! A column of the table as DuckDB describes it (duckdb_columns()).
struct RebuiltColumn {
    std::string name;
    std::string type;               //!< DuckDB's type name (INTEGER, pg_varchar_10, DECIMAL(10,2))
    std::string default_expression; //!< empty: none
    bool not_null = false;
    std::string comment; //!< empty: none
};

//! What the table is to be: DuckDB cannot add or drop most constraints of an existing table, so it is made again.
struct TableRebuild {
    std::string table;     //!< quoted and qualified as the statements name it
    std::string copy_name; //!< an unquoted name for the temporary copy of its rows
    bool temporary = false;
    std::vector<RebuiltColumn> columns;
    std::vector<std::string> constraints; //!< DuckDB's texts (CHECK((a > 0)), UNIQUE(a), FOREIGN KEY ...), in order
    std::vector<std::string> indexes;     //!< CREATE INDEX statements
    std::string comment;                  //!< the table's whole comment; empty: none
};

//! In one transaction: the rows copied aside, the table dropped and created with `rebuild.constraints` (where DuckDB
//! checks its rows against them), the rows back, the defaults set after the CREATE (a nextval default then records
//! no dependency on its sequence, as sequence_passes.cpp sets them), indexes and comments made again.
std::vector<std::string> TableRebuildStatements(const TableRebuild &rebuild);

} // namespace duckgres::sql
