// The list of function families registered in every database: one line per family.
#include "engine/functions/function_registry.hpp"

#include "engine/functions/bytea_functions.hpp"
#include "engine/functions/text_output_functions.hpp"

namespace duckgres::engine {

namespace {

using RegisterFamily = void (*)(duckdb_connection);

constexpr RegisterFamily kFamilies[] = {
    RegisterByteaFunctions,
    RegisterTextOutputFunctions,
};

} // namespace

void RegisterFunctions(duckdb_connection connection) {
    for (auto family : kFamilies) {
        family(connection);
    }
}

} // namespace duckgres::engine
