// The types of a statement's columns and expressions, as far as the rewrite can tell them from the catalog.
#pragma once

#include "sql/pass_context.hpp"

#include <pg_query.pb.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace duckgres::sql {

//! A type name as written in a cast or reported by the catalog, as PostgreSQL's format_type() names it without
//! modifiers: int4 and int -> "integer", float4 -> "real", bool -> "boolean", varchar(3) -> "character varying",
//! numeric(10,2) -> "numeric"; `array_bounds` "[]" appended. Names it does not know are returned lower-cased.
std::string CanonicalTypeName(std::string_view name, int array_bounds = 0);

//! The relations a statement reads (tables and views of its FROM clauses and its UPDATE / DELETE / INSERT
//! targets, CTEs, subqueries in FROM) and their columns' types. Built from the statement as the client wrote it,
//! so that column references resolve by name whatever the passes have changed since.
class ColumnScope {
public:
    //! Looks up the tables `statement` names through `tables` (null: nothing is known).
    ColumnScope(const pg_query::Node &statement, const TableLocator *tables);

    //! The type of the column `ref` names (canonical, see CanonicalTypeName); empty when it is not known, or when
    //! an unqualified name is a column of several relations of different types.
    const ColumnType *Find(const pg_query::ColumnRef &ref) const;
    //! Whether `ref` names a whole relation (`r` of FROM t r, where no relation has a column named r).
    bool IsWholeRow(const pg_query::ColumnRef &ref) const;

private:
    //! A relation by the name it is referenced by (its alias, else its name).
    std::map<std::string, std::vector<ColumnType>> relations_;

    void AddSubquery(const std::string &name, const pg_query::Node &query,
                     const google::protobuf::RepeatedPtrField<pg_query::Node> &column_names);
    //! A VALUES list's columns: each typed where every row's expression there has the same known type.
    void AddValues(const std::string &name, const pg_query::SelectStmt &values,
                   const google::protobuf::RepeatedPtrField<pg_query::Node> &column_names);
};

//! The type of `node` (canonical, see CanonicalTypeName) as far as its form and the columns it reads tell it: casts,
//! constants, ARRAY[...], columns of the statement's relations (looked up once per statement, the first time a pass
//! asks); empty when not known.
std::string ExpressionType(const pg_query::Node &node, PassContext &context);

//! The column `node` references, if it is a column reference whose type is known; null otherwise.
const ColumnType *ReferencedColumn(const pg_query::Node &node, PassContext &context);

//! Whether `node` is a reference to a whole row of a relation of the statement (`json_agg(r)`).
bool IsWholeRowReference(const pg_query::Node &node, PassContext &context);

} // namespace duckgres::sql
