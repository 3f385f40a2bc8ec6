// Runs the embedded catalog scripts and registers the C++ functions they call.
#include "engine/catalog_builder.hpp"

#include "catalog/catalog_scripts.hpp"
#include "common/duckdb_handles.hpp"
#include "common/sql_error.hpp"
#include "engine/functions/function_registry.hpp"
#include "engine/functions/function_support.hpp"
#include "types/pg_type.hpp"
#include "types/type_mapping.hpp"
#include "types/type_name.hpp"
#include "types/typmod_alias.hpp"

#include <string>
#include <string_view>

namespace duckgres::engine {

namespace {

using ScalarFunctionHandle = DuckDbHandle<duckdb_scalar_function, duckdb_destroy_scalar_function>;
using CastFunctionHandle = DuckDbHandle<duckdb_cast_function, duckdb_destroy_cast_function>;

void Run(duckdb_connection connection, const std::string &sql, const char *what) {
    ResultHandle result;
    if (duckdb_query(connection, sql.c_str(), result.Out()) != DuckDBSuccess) {
        const char *error = duckdb_result_error(result.Get());
        throw SqlError("XX000",
                       std::string("could not build the catalog (") + what + "): " + (error ? error : "unknown error"));
    }
}

//! Applies `map` to every VARCHAR of the input column, writing T results (NULL in, NULL out).
template <class T, class Map>
void MapTypeNames(duckdb_data_chunk input, duckdb_vector output, Map map) {
    auto rows = duckdb_data_chunk_get_size(input);
    auto names = duckdb_data_chunk_get_vector(input, 0);
    auto *strings = static_cast<duckdb_string_t *>(duckdb_vector_get_data(names));
    auto *validity = duckdb_vector_get_validity(names);
    auto *out = static_cast<T *>(duckdb_vector_get_data(output));
    duckdb_vector_ensure_validity_writable(output);
    auto *out_validity = duckdb_vector_get_validity(output);
    for (idx_t row = 0; row < rows; row++) {
        if (validity && !duckdb_validity_row_is_valid(validity, row)) {
            duckdb_validity_set_row_invalid(out_validity, row);
            continue;
        }
        std::string_view name(duckdb_string_t_data(&strings[row]), duckdb_string_t_length(strings[row]));
        out[row] = map(types::PgTypeForDuckDbTypeName(name));
    }
}

void TypeOid(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    try {
        MapTypeNames<int64_t>(input, output, [](const types::PgType &type) { return int64_t{type.oid}; });
    } catch (const std::exception &error) {
        duckdb_scalar_function_set_error(info, error.what());
    }
}

void TypeTypmod(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    try {
        MapTypeNames<int32_t>(input, output, [](const types::PgType &type) { return type.typmod; });
    } catch (const std::exception &error) {
        duckdb_scalar_function_set_error(info, error.what());
    }
}

//! duckgres_interval_qualifier(typmod): what format_type writes after "interval" for an interval typmod (" day",
//! " year to month", " day to second(3)", "(2)"), from the same table as the typmod aliases.
void IntervalQualifier(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
    auto rows = duckdb_data_chunk_get_size(input);
    auto typmods = duckdb_data_chunk_get_vector(input, 0);
    const auto *values = static_cast<const int32_t *>(duckdb_vector_get_data(typmods));
    auto *validity = duckdb_vector_get_validity(typmods);
    duckdb_vector_ensure_validity_writable(output);
    auto *out_validity = duckdb_vector_get_validity(output);
    constexpr std::string_view kInterval = "interval";
    for (idx_t row = 0; row < rows; row++) {
        if (validity && !duckdb_validity_row_is_valid(validity, row)) {
            duckdb_validity_set_row_invalid(out_validity, row);
            continue;
        }
        const std::string name = types::TypmodAliasPgType({types::TypmodBase::Interval, values[row]}).name;
        const std::string_view qualifier = std::string_view(name).substr(kInterval.size());
        duckdb_vector_assign_string_element_len(output, row, qualifier.data(), qualifier.size());
    }
}

void RegisterTypeFunction(duckdb_connection connection, const char *name, duckdb_type result,
                          duckdb_scalar_function_t callback, duckdb_type parameter = DUCKDB_TYPE_VARCHAR) {
    ScalarFunctionHandle function(duckdb_create_scalar_function());
    LogicalTypeHandle argument(duckdb_create_logical_type(parameter));
    LogicalTypeHandle result_type(duckdb_create_logical_type(result));
    duckdb_scalar_function_set_name(function.Get(), name);
    duckdb_scalar_function_add_parameter(function.Get(), argument.Get());
    duckdb_scalar_function_set_return_type(function.Get(), result_type.Get());
    duckdb_scalar_function_set_function(function.Get(), callback);
    if (duckdb_register_scalar_function(connection, function.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", std::string("could not register ") + name);
    }
}

//! A DuckDB type under a PostgreSQL name the catalog's columns use, so that clients see that type: xid
//! (UINTEGER), aclitem (VARCHAR; aclitem[] lists keep it) and anyarray (VARCHAR, pg_attribute.attmissingval).
void RegisterAliasType(duckdb_connection connection, duckdb_type base, const char *name) {
    LogicalTypeHandle type(duckdb_create_logical_type(base));
    duckdb_logical_type_set_alias(type.Get(), name);
    if (duckdb_register_logical_type(connection, type.Get(), nullptr) != DuckDBSuccess) {
        throw SqlError("XX000", std::string("could not register type ") + name);
    }
}

//! PostgreSQL's int2vector and oidvector (pg_index.indkey, pg_proc.proargtypes): lists of `element` under that name,
//! which clients get as those types ("1 3", types/nested_encoders.cpp).
void RegisterListAlias(duckdb_connection connection, duckdb_type element, const char *name) {
    LogicalTypeHandle child(duckdb_create_logical_type(element));
    LogicalTypeHandle type(duckdb_create_list_type(child.Get()));
    duckdb_logical_type_set_alias(type.Get(), name);
    if (duckdb_register_logical_type(connection, type.Get(), nullptr) != DuckDBSuccess) {
        throw SqlError("XX000", std::string("could not register type ") + name);
    }
}

//! A string type PostgreSQL has and DuckDB lacks, as a VARCHAR under `alias` (see types/type_mapping.cpp): name
//! (relname, nspname, information_schema's identifiers), pg_char (PostgreSQL's one-byte "char": relkind, contype...),
//! character_data and yes_or_no (information_schema's varchar domains). It casts to VARCHAR implicitly (the same
//! strings, referenced), so every string function takes it.
void RegisterStringAlias(duckdb_connection connection, const char *alias) {
    RegisterAliasType(connection, DUCKDB_TYPE_VARCHAR, alias);
    LogicalTypeHandle source(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    duckdb_logical_type_set_alias(source.Get(), alias);
    LogicalTypeHandle varchar(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    CastFunctionHandle cast(duckdb_create_cast_function());
    duckdb_cast_function_set_source_type(cast.Get(), source.Get());
    duckdb_cast_function_set_target_type(cast.Get(), varchar.Get());
    duckdb_cast_function_set_implicit_cast_cost(cast.Get(), 1);
    duckdb_cast_function_set_function(cast.Get(),
                                      [](duckdb_function_info, idx_t, duckdb_vector input, duckdb_vector output) {
                                          duckdb_vector_reference_vector(output, input);
                                          return true;
                                      });
    if (duckdb_register_cast_function(connection, cast.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", std::string("could not register the cast from ") + alias + " to varchar");
    }
}

//! regtype (pg_typeof()'s result, a type's name) -> oid, implicitly, so that pg_typeof(x) = 'integer'::regtype
//! compares OIDs as in PostgreSQL (0 for a name Duckgres' type table lacks).
void RegisterRegtypeToOid(duckdb_connection connection) {
    LogicalTypeHandle source(duckdb_create_logical_type(DUCKDB_TYPE_VARCHAR));
    duckdb_logical_type_set_alias(source.Get(), "regtype");
    LogicalTypeHandle oid(duckdb_create_logical_type(DUCKDB_TYPE_UINTEGER));
    CastFunctionHandle cast(duckdb_create_cast_function());
    duckdb_cast_function_set_source_type(cast.Get(), source.Get());
    duckdb_cast_function_set_target_type(cast.Get(), oid.Get());
    duckdb_cast_function_set_implicit_cast_cost(cast.Get(), 1);
    duckdb_cast_function_set_function(
        cast.Get(), [](duckdb_function_info info, idx_t count, duckdb_vector input, duckdb_vector output) {
            auto *out = static_cast<uint32_t *>(duckdb_vector_get_data(output));
            return CastTextRows(info, count, input, output,
                                [out](std::string_view name, idx_t row) { out[row] = types::TypeOidForName(name); });
        });
    if (duckdb_register_cast_function(connection, cast.Get()) != DuckDBSuccess) {
        throw SqlError("XX000", "could not register the cast from regtype to oid");
    }
}

} // namespace

void BuildCatalog(duckdb_connection connection) {
    for (const char *alias : types::kStringTypeAliases) {
        RegisterStringAlias(connection, alias);
    }
    // pg_typeof()'s result: the type's name, sent as regtype (its OID in binary; types/scalar_encoders.cpp).
    RegisterStringAlias(connection, "regtype");
    RegisterRegtypeToOid(connection);
    RegisterAliasType(connection, DUCKDB_TYPE_UINTEGER, "xid");
    RegisterAliasType(connection, DUCKDB_TYPE_VARCHAR, "aclitem");
    RegisterAliasType(connection, DUCKDB_TYPE_VARCHAR, "anyarray");
    RegisterListAlias(connection, DUCKDB_TYPE_SMALLINT, "int2vector");
    RegisterListAlias(connection, DUCKDB_TYPE_UINTEGER, "oidvector");
    RegisterTypeFunction(connection, "duckgres_type_oid", DUCKDB_TYPE_BIGINT, TypeOid);
    RegisterTypeFunction(connection, "duckgres_type_typmod", DUCKDB_TYPE_INTEGER, TypeTypmod);
    RegisterTypeFunction(connection, "duckgres_interval_qualifier", DUCKDB_TYPE_VARCHAR, IntervalQualifier,
                         DUCKDB_TYPE_INTEGER);
    RegisterFunctions(connection);
    const std::string catalog(catalog::kCatalogDatabase);
    Run(connection, "ATTACH ':memory:' AS " + catalog, "attach");
    Run(connection, "CREATE SCHEMA " + catalog + ".static", "schema static");
    for (const auto &file : catalog::Scripts()) {
        const std::string name(file.name);
        const bool fixed_rows = name.starts_with("static/");
        Run(connection, "USE " + catalog + (fixed_rows ? ".static" : ".main"), file.name);
        Run(connection, file.contents, file.name);
        for (const auto &table : catalog::StaticTables(file)) {
            Run(connection,
                "CREATE VIEW " + catalog + ".main." + table + " AS SELECT * FROM " + catalog + ".static." + table,
                file.name);
        }
    }
    // oid[]::regtype[] (pg_proc.proargtypes::regtype[]) names each element inside a lambda, where DuckDB
    // allows no subquery: the fixed types' names become a MAP literal (user types show their OID).
    ResultHandle names;
    const std::string names_query = "SELECT string_agg(oid::VARCHAR || ': ''' || replace(" + catalog +
                                    ".main.format_type(oid, NULL), '''', '''''') || '''', ', ') FROM " + catalog +
                                    ".static.pg_type";
    if (duckdb_query(connection, names_query.c_str(), names.Out()) != DuckDBSuccess) {
        throw SqlError("XX000",
                       std::string("could not build the catalog (type names): ") + duckdb_result_error(names.Get()));
    }
    char *map = duckdb_value_varchar(names.Get(), 0, 0);
    std::string entries = map ? map : "";
    duckdb_free(map);
    Run(connection,
        "CREATE MACRO " + catalog +
            ".main.duckgres_regtype_names(arg_oids) AS list_transform(arg_oids, drns_x -> coalesce(MAP {" + entries +
            "}[drns_x], drns_x::VARCHAR))",
        "duckgres_regtype_names");
    // A regproc column (kept as the function's name) as its OID, 0 for '-': a MAP literal of the fixed
    // functions' names, so that it works in join conditions, where a subquery would not.
    ResultHandle functions;
    const std::string functions_query = "SELECT string_agg('''' || proname || ''': ' || oid, ', ') FROM (SELECT "
                                        "proname, min(oid) AS oid FROM " +
                                        catalog + ".static.pg_proc GROUP BY proname)";
    if (duckdb_query(connection, functions_query.c_str(), functions.Out()) != DuckDBSuccess) {
        throw SqlError("XX000", std::string("could not build the catalog (function names): ") +
                                    duckdb_result_error(functions.Get()));
    }
    char *function_map = duckdb_value_varchar(functions.Get(), 0, 0);
    std::string function_entries = function_map ? function_map : "";
    duckdb_free(function_map);
    Run(connection,
        "CREATE MACRO " + catalog + ".main.duckgres_regproc_lookup(arg_name) AS coalesce(MAP {" + function_entries +
            "}[replace(arg_name::VARCHAR, 'pg_catalog.', '')], 0)::UINTEGER",
        "duckgres_regproc_lookup");
}

} // namespace duckgres::engine
