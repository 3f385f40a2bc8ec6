// The table of function families registered in DuckDB: add a row per family.
#include "engine/functions/function_registry.hpp"

#include "engine/functions/array_functions.hpp"
#include "engine/functions/array_text_functions.hpp"

namespace duckgres::engine {

namespace {

using RegisterFamily = void (*)(duckdb_connection);

constexpr RegisterFamily kFamilies[] = {
    RegisterArrayTextFunctions,
    RegisterArrayFunctions,
};

} // namespace

void RegisterFunctions(duckdb_connection connection) {
    for (RegisterFamily family : kFamilies) {
        family(connection);
    }
}

} // namespace duckgres::engine
