// The table of function families registered in every database: one Register<Family>Functions each.
#include "engine/functions/function_registry.hpp"

#include "engine/functions/array_functions.hpp"
#include "engine/functions/array_text_functions.hpp"
#include "engine/functions/bytea_functions.hpp"
#include "engine/functions/case_mapping.hpp"
#include "engine/functions/datetime_functions.hpp"
#include "engine/functions/float_statistics.hpp"
#include "engine/functions/geometric_functions.hpp"
#include "engine/functions/jsonb_functions.hpp"
#include "engine/functions/money_functions.hpp"
#include "engine/functions/network_functions.hpp"
#include "engine/functions/numeric_functions.hpp"
#include "engine/functions/range_functions.hpp"
#include "engine/functions/regexp_functions.hpp"
#include "engine/functions/string_functions.hpp"
#include "engine/functions/template_functions.hpp"
#include "engine/functions/text_output_functions.hpp"
#include "engine/functions/text_search_functions.hpp"

namespace duckgres::engine {

namespace {

using RegisterFamily = void (*)(duckdb_connection);

constexpr RegisterFamily kFamilies[] = {
    // The range types before the array casts, which register casts to lists of them.
    RegisterTemplateFunctions,    RegisterRegexpFunctions,    RegisterByteaFunctions,    RegisterTextOutputFunctions,
    RegisterRangeFunctions,       RegisterArrayTextFunctions, RegisterArrayFunctions,    RegisterStringFunctions,
    RegisterCaseMappingFunctions, RegisterJsonbFunctions,     RegisterDateTimeFunctions, RegisterNumericFunctions,
    RegisterFloatStatistics,      RegisterNetworkFunctions,   RegisterMoneyFunctions,    RegisterGeometricFunctions,
    RegisterTextSearchFunctions,
};

} // namespace

void RegisterFunctions(duckdb_connection connection) {
    for (auto family : kFamilies) {
        family(connection);
    }
}

} // namespace duckgres::engine
