// CatalogObject: a catalog object by kind and name, as IF [NOT] EXISTS statements name them.
#pragma once

#include <string>

namespace duckgres {

enum class CatalogObjectKind { Table, View, Sequence, Index, Schema, Type, Relation, Column };

struct CatalogObject {
    CatalogObjectKind kind = CatalogObjectKind::Table;
    std::string schema; //!< empty: unqualified (the first schema of the search path that has it)
    std::string name;
    std::string table; //!< Column: the column's table
};

} // namespace duckgres
