#!/usr/bin/python3
"""Writes src/catalog/static/*.sql: the rows of PostgreSQL 15 system catalogs that do not depend on the
database (built-in types, access methods, collations, ranges, the functions types name), read from a
running PostgreSQL 15 and written as DuckDB statements that load them into Duckgres' catalog.

Run once by a developer (the output is checked in and the server never needs PostgreSQL):
    /usr/bin/python3 src/catalog/generate_static.py "host=... port=... user=postgres" [OUTPUT_DIR]
The test suite runs it against its own PostgreSQL 15 and checks that the checked-in files are current.
"""
from __future__ import annotations

import pathlib
import sys

import psycopg

# (catalog, the rows to keep). Relation row types, TOAST and internal-only rows are left out.
TABLES = [
    ("pg_type", "typnamespace = 'pg_catalog'::regnamespace AND typrelid = 0"),
    ("pg_am", "true"),
    ("pg_collation", "collprovider IN ('d', 'c') AND collname IN ('default', 'C', 'POSIX', 'ucs_basic')"),
    ("pg_range", "true"),
    ("pg_proc", """oid IN (SELECT unnest(ARRAY[typinput, typoutput, typreceive, typsend, typmodin, typmodout,
                                          typanalyze, typsubscript])::oid
                       FROM pg_type WHERE typnamespace = 'pg_catalog'::regnamespace AND typrelid = 0)
                   OR oid IN (SELECT unnest(ARRAY[rngcanonical, rngsubdiff])::oid FROM pg_range)"""),
    ("pg_tablespace", "true"),
    ("pg_language", "true"),
    # The default B-tree operator classes: what pg_index.indclass names for the columns of DuckDB's ART indexes.
    ("pg_opclass", "opcmethod = 403 AND opcdefault"),
    # The system catalogs themselves, for 'pg_class'::regclass and pg_description's classoid.
    ("pg_class", "relnamespace = 'pg_catalog'::regnamespace AND relkind IN ('r', 'v')"),
]

# Statistics of the system catalogs, which differ from one PostgreSQL to the next: written as never analyzed.
VOLATILE = {"relpages": "0", "reltuples": "-1", "relallvisible": "0"}

# (pg_depend and pg_init_privs are views of the catalog: the dependencies Duckgres knows of, the system catalogs' initial
# privileges.)
# Catalogs Duckgres has nothing to put in (no triggers, rules, policies, publications, inheritance...):
# empty, with PostgreSQL's columns, so that the queries clients send about them run.
EMPTY = ["pg_trigger", "pg_rewrite", "pg_policy", "pg_statistic_ext", "pg_statistic_ext_data", "pg_publication",
         "pg_publication_rel", "pg_publication_namespace", "pg_foreign_table", "pg_foreign_server",
         "pg_foreign_data_wrapper", "pg_user_mapping", "pg_inherits", "pg_shdepend", "pg_event_trigger",
         "pg_partitioned_table", "pg_shdescription", "pg_seclabel", "pg_shseclabel", "pg_seclabels",
         "pg_subscription", "pg_transform", "pg_default_acl", "pg_auth_members", "pg_largeobject_metadata",
         "pg_aggregate", "pg_conversion", "pg_cast", "pg_operator", "pg_opfamily", "pg_amop",
         "pg_amproc", "pg_ts_config", "pg_ts_dict", "pg_ts_parser", "pg_ts_template", "pg_policies", "pg_rules",
         "pg_prepared_xacts", "pg_replication_slots", "pg_stat_replication", "pg_locks", "pg_db_role_setting"]

# PostgreSQL column type -> (DuckDB column type, SQL to read the value as that type).
SCALARS = {
    "oid": "UINTEGER", "regproc": "VARCHAR", "name": "name", "text": "VARCHAR", "\"char\"": "pg_char",
    "smallint": "SMALLINT", "integer": "INTEGER", "boolean": "BOOLEAN", "real": "REAL",
    "oidvector": "VARCHAR", "int2vector": "VARCHAR", "pg_node_tree": "VARCHAR", "xid": "BIGINT",
}
ARRAYS = {"oid[]": "UINTEGER[]", "text[]": "VARCHAR[]", "\"char\"[]": "VARCHAR[]", "aclitem[]": "VARCHAR[]"}
# Further column types of the empty catalogs (no values to read).
EMPTY_TYPES = {"xid": "BIGINT", "regclass": "UINTEGER", "regtype": "UINTEGER", "regnamespace": "UINTEGER",
               "bigint": "BIGINT", "smallint[]": "SMALLINT[]", "int2vector": "int2vector", "oidvector": "oidvector",
               "bytea": "BLOB",
               "timestamp with time zone": "TIMESTAMPTZ", "interval": "INTERVAL", "double precision": "DOUBLE",
               "real[]": "REAL[]", "name[]": "VARCHAR[]", "boolean[]": "BOOLEAN[]", "inet": "VARCHAR",
               "pg_lsn": "VARCHAR", "anyarray": "VARCHAR", "xid8": "BIGINT", "integer[]": "INTEGER[]",
               "pg_ndistinct": "VARCHAR", "pg_dependencies": "VARCHAR", "pg_mcv_list": "VARCHAR",
               "pg_statistic[]": "VARCHAR", "regoper": "VARCHAR", "regprocedure": "VARCHAR",
               "regconfig": "UINTEGER", "regdictionary": "UINTEGER", "regrole": "UINTEGER", "character varying": "VARCHAR"}


def literal(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    return "'" + str(value).replace("'", "''") + "'"


def table_sql(conn, table: str, where: str) -> str:
    columns = conn.execute(
        "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
        "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum", (table,)).fetchall()
    definitions, reads = [], []
    for name, pg_type in columns:
        if where == "false" and pg_type in EMPTY_TYPES:
            duck = EMPTY_TYPES[pg_type]
            reads.append(name)
        elif pg_type == "xid" or name in VOLATILE:
            # Transaction ids and statistics depend on the cluster's age and use: written as constants, so that every
            # PostgreSQL 15 gives the same files.
            duck = SCALARS[pg_type]
            reads.append(f"{VOLATILE.get(name, '0')} AS {name}")
        elif pg_type in SCALARS:
            duck = SCALARS[pg_type]
            reads.append(f"{name}::text" if duck in ("VARCHAR", "name", "pg_char") else name)
        elif pg_type in ARRAYS:
            duck = ARRAYS[pg_type]
            reads.append(f"{name}::text[]" if duck == "VARCHAR[]" else name)
        else:
            raise SystemExit(f"{table}.{name}: no DuckDB type for {pg_type}")
        definitions.append(f"    {name} {duck}")
    rows = [] if where == "false" else conn.execute(
        f"SELECT {', '.join(reads)} FROM pg_catalog.{table} WHERE {where} ORDER BY 1").fetchall()
    what = f"{len(rows)} rows of" if where != "false" else "the columns of"
    lines = [f"-- {table}: {what} PostgreSQL 15's {table} (generated by generate_static.py).",
             f"CREATE TABLE {table} (", ",\n".join(definitions), ");"]
    for start in range(0, len(rows), 200):
        values = ",\n".join("(" + ", ".join(literal(v) for v in row) + ")" for row in rows[start:start + 200])
        lines.append(f"INSERT INTO {table} VALUES\n{values};")
    return "\n".join(lines) + "\n"


# The columns of pg_catalog and information_schema relations whose PostgreSQL types DuckDB lacks, by the DuckDB
# type (a VARCHAR under an alias, see catalog_builder.cpp) the catalog gives them so that clients see PostgreSQL's
# type: name (and information_schema's sql_identifier, a domain over name), "char" (pg_char), and
# information_schema's character_data and yes_or_no (varchar, varchar(3)). information_schema.x is
# information_schema_x in Duckgres' catalog.
TYPED_COLUMNS = """
SELECT CASE WHEN n.nspname = 'information_schema' THEN 'information_schema_' || c.relname ELSE c.relname END,
       a.attname::text,
       CASE a.atttypid WHEN 'name'::regtype THEN 'name' WHEN 'information_schema.sql_identifier'::regtype THEN 'name'
                       WHEN '"char"'::regtype THEN 'pg_char'
                       WHEN 'information_schema.character_data'::regtype THEN 'character_data'
                       ELSE 'yes_or_no' END
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname IN ('pg_catalog', 'information_schema') AND c.relkind IN ('r', 'v') AND a.attnum > 0
  AND NOT a.attisdropped
  AND a.atttypid IN ('name'::regtype, 'information_schema.sql_identifier'::regtype, '"char"'::regtype,
                     'information_schema.character_data'::regtype, 'information_schema.yes_or_no'::regtype)
ORDER BY 1, 2"""


def typed_columns_sql(conn) -> str:
    rows = conn.execute(TYPED_COLUMNS).fetchall()
    lines = ["-- duckgres_typed_columns: the catalog columns of types DuckDB lacks, by the type Duckgres gives them "
             "(generated by generate_static.py).",
             "CREATE TABLE duckgres_typed_columns (relation VARCHAR, column_name VARCHAR, type_name VARCHAR);"]
    for start in range(0, len(rows), 200):
        values = ",\n".join("(" + ", ".join(literal(v) for v in row) + ")" for row in rows[start:start + 200])
        lines.append(f"INSERT INTO duckgres_typed_columns VALUES\n{values};")
    return "\n".join(lines) + "\n"


def main() -> None:
    conninfo = sys.argv[1]
    out = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else pathlib.Path(__file__).parent / "static")
    out.mkdir(parents=True, exist_ok=True)
    with psycopg.connect(conninfo) as conn:
        version = conn.execute("SHOW server_version_num").fetchone()[0]
        if not version.startswith("15"):
            raise SystemExit(f"needs PostgreSQL 15, got {version}")
        for table, where in TABLES:
            (out / f"{table}.sql").write_text(table_sql(conn, table, where))
        (out / "empty.sql").write_text("\n".join(table_sql(conn, table, "false") for table in EMPTY))
        (out / "typed_columns.sql").write_text(typed_columns_sql(conn))


if __name__ == "__main__":
    main()
