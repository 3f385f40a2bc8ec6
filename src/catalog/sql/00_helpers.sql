-- Helpers of the catalog views: PostgreSQL OIDs for DuckDB's catalog entries, and every relation of the
-- current database in one place. Names inside catalog SQL are always qualified with duckgres_catalog.main,
-- as a view is bound where it is used (PostgreSQL's pg_catalog names also exist in DuckDB's own catalog).
--
-- OIDs: PostgreSQL's own for the fixed schemas (pg_catalog 11, pg_toast 99, public 2200, information_schema
-- 13207, as initdb assigns it in PostgreSQL 15) and types; 16384 + DuckDB's OID for schemas, tables, views, indexes, sequences and user types (their
-- OIDs are fixed while the server runs); constraints 1e9 + 64 * table + n, the indexes behind PRIMARY KEY and
-- UNIQUE constraints 2e9 + 64 * table + n, column defaults 3e9 + 1000 * table + column.

CREATE MACRO duckgres_object_oid(duck_oid) AS (16384 + duck_oid)::UINTEGER;

-- The value a sequence returned last (NULL: none yet), from a duckdb_sequences() row. DuckDB's last_value is right
-- while the database stays open; reopened, it shows the next value instead (the counter its CREATE SEQUENCE statement
-- then starts at), and the one returned before it is one increment back.
CREATE MACRO duckgres_sequence_last(arg_last, arg_sql, arg_increment) AS
    CASE WHEN arg_last IS NULL THEN NULL
         WHEN arg_last = regexp_extract(arg_sql, ' START (-?[0-9]+)', 1)::BIGINT THEN arg_last - arg_increment
         ELSE arg_last END;

-- The OID of one of PostgreSQL's system catalogs, by name: the tableoid of its rows.
CREATE MACRO duckgres_catalog_oid(name) AS
    (SELECT dco_c.oid FROM duckgres_catalog.static.pg_class dco_c WHERE dco_c.relname = name);

CREATE MACRO duckgres_namespace_oid(name, duck_oid) AS
    (CASE name
        WHEN 'pg_catalog' THEN 11
        WHEN 'pg_toast' THEN 99
        WHEN 'public' THEN 2200
        WHEN 'information_schema' THEN 13207
        ELSE 16384 + duck_oid
    END)::UINTEGER;

-- The constraint names given with CONSTRAINT name, which DuckDB does not keep: entries after chr(29) in the table's
-- comment (sql/constraint_metadata.hpp), each kind, key and name separated by chr(31), entries by chr(30).
CREATE VIEW duckgres_constraint_names AS
SELECT table_oid, e[1] AS contype, e[2] AS key, e[3] AS name
FROM (SELECT table_oid, string_split(entry, chr(31)) AS e
      FROM (SELECT table_oid, unnest(string_split(split_part(comment, chr(29), 2), chr(30))) AS entry
            FROM duckdb_tables() WHERE contains(comment, chr(29))))
WHERE len(e) = 3;

-- The foreign keys with ON DELETE / ON UPDATE actions, which Duckgres enforces (sql/foreign_key_actions.hpp): entries
-- of kind F in the referencing table's comment, whose key holds the actions, the columns, the referenced schema,
-- table and columns (fields separated by chr(28), lists by chr(27)); shaped as duckdb_constraints() rows, numbered
-- from 48 on in their table.
CREATE VIEW duckgres_managed_foreign_keys AS
SELECT t.database_name, t.database_oid, t.schema_name, t.schema_oid, t.table_name, t.table_oid,
       (47 + row_number() OVER (PARTITION BY t.table_oid ORDER BY t.position))::BIGINT AS constraint_index,
       'FOREIGN KEY' AS constraint_type, NULL::VARCHAR AS constraint_text, NULL::VARCHAR AS expression,
       (SELECT list(c.column_index - 1 ORDER BY k.n)
        FROM (SELECT unnest(string_split(t.f[2], chr(27))) AS name,
                     generate_subscripts(string_split(t.f[2], chr(27)), 1) AS n) k
        JOIN duckdb_columns() c ON c.table_oid = t.table_oid AND c.column_name = k.name) AS constraint_column_indexes,
       string_split(t.f[2], chr(27)) AS constraint_column_names, t.name AS constraint_name,
       t.f[4] AS referenced_table, string_split(t.f[5], chr(27)) AS referenced_column_names,
       t.f[1][1] AS confdeltype, t.f[1][2] AS confupdtype, t.f[3] AS referenced_schema, t.name AS kept_name
FROM (SELECT d.*, string_split(d.e[2], chr(28)) AS f, d.e[3] AS name
      FROM (SELECT t.database_name, t.database_oid, t.schema_name, t.schema_oid, t.table_name, t.table_oid,
                   generate_subscripts(string_split(split_part(t.comment, chr(29), 2), chr(30)), 1) AS position,
                   string_split(unnest(string_split(split_part(t.comment, chr(29), 2), chr(30))), chr(31)) AS e
            FROM duckdb_tables() t WHERE contains(t.comment, chr(29))) d
      WHERE len(d.e) = 3 AND d.e[1] = 'F') t
WHERE len(t.f) = 5;

-- The constraints PostgreSQL would have (NOT NULL is a column property there), with the names given to them, or
-- else PostgreSQL's names. A constraint's key (see duckgres_constraint_names) is its position among the table's
-- constraints of its kind.
CREATE VIEW duckgres_constraints AS
SELECT c.*,
       (1000000000 + 64 * c.table_oid + c.constraint_index)::UINTEGER AS oid,
       coalesce(n.name, c.generated_name) AS conname, x.pg_check,
       (CASE WHEN c.contype IN ('p', 'u') THEN 2000000000 + 64 * c.table_oid + c.constraint_index
             ELSE 0 END)::UINTEGER AS index_oid
FROM (SELECT c.*,
             -- A second t_a_check of the table is t_a_check1, as PostgreSQL names it.
             c.base_name || coalesce(nullif(row_number() OVER (PARTITION BY c.table_oid, c.base_name
                                                               ORDER BY c.constraint_index) - 1, 0)::VARCHAR, '')
                 AS generated_name,
             (row_number() OVER (PARTITION BY c.table_oid, c.contype ORDER BY c.constraint_index))::VARCHAR
                 AS constraint_key
      FROM (SELECT c.*,
                   CASE c.constraint_type
                       WHEN 'PRIMARY KEY' THEN 'p'
                       WHEN 'UNIQUE' THEN 'u'
                       WHEN 'FOREIGN KEY' THEN 'f'
                       WHEN 'CHECK' THEN 'c'
                   END AS contype,
                   coalesce(c.kept_name, CASE c.constraint_type
                       WHEN 'PRIMARY KEY' THEN c.table_name || '_pkey'
                       WHEN 'FOREIGN KEY' THEN c.table_name || '_' || array_to_string(c.constraint_column_names, '_')
                                               || '_fkey'
                       ELSE c.constraint_name
                   END) AS base_name
            FROM (SELECT c.*, 'a' AS confdeltype, 'a' AS confupdtype, c.schema_name AS referenced_schema,
                         NULL::VARCHAR AS kept_name
                  FROM duckdb_constraints() c
                  UNION ALL BY NAME
                  SELECT * FROM duckgres_catalog.main.duckgres_managed_foreign_keys) c
            WHERE c.database_name = current_database() AND c.constraint_type <> 'NOT NULL'
              -- The CHECKs that enforce varchar(n) / char(n) are part of the column's type in PostgreSQL.
              AND NOT (c.constraint_type = 'CHECK' AND c.expression LIKE '(length(rtrim(%'
                       AND len(c.constraint_column_names) = 1)) c) c
LEFT JOIN duckgres_catalog.main.duckgres_constraint_names n
  ON n.table_oid = c.table_oid AND n.contype = c.contype AND n.key = c.constraint_key
-- A CHECK's expression as the client wrote it (kind C, sql/constraint_metadata.hpp), while the columns it reads exist.
LEFT JOIN (SELECT x.table_oid, split_part(x.key, chr(27), 1) AS check_key, x.name AS pg_check
           FROM duckgres_catalog.main.duckgres_constraint_names x
           WHERE x.contype = 'C'
             AND list_has_all((SELECT list(dc.column_name) FROM duckdb_columns() dc WHERE dc.table_oid = x.table_oid),
                              string_split(x.key, chr(27))[2:])) x
  ON c.contype = 'c' AND x.table_oid = c.table_oid AND x.check_key = c.constraint_key;

-- The CHECK constraints Duckgres adds to enforce varchar(n) and char(n) (sql/ddl_passes.cpp): per column,
-- the declared length and whether it is char(n) (rtrim without ' ').
CREATE VIEW duckgres_length_checks AS
SELECT c.table_oid, c.constraint_column_names[1] AS column_name,
       regexp_extract(c.expression, '<= (\d+)\)?$', 1)::INTEGER AS length,
       c.expression NOT LIKE '%, '' '')) <= %' AS blank_padded
FROM duckdb_constraints() c
WHERE c.database_name = current_database() AND c.constraint_type = 'CHECK'
  AND c.expression LIKE '(length(rtrim(%' AND len(c.constraint_column_names) = 1;

-- The columns of each index: CREATE INDEX expressions that are plain columns, or a constraint's columns.
CREATE VIEW duckgres_index_columns AS
SELECT duckgres_catalog.main.duckgres_object_oid(i.index_oid) AS indexrelid,
       duckgres_catalog.main.duckgres_object_oid(i.table_oid) AS indrelid,
       i.index_name, i.schema_name, i.table_name, i.is_unique, i.is_primary, e.position,
       trim(e.expression, ' "''') AS column_name
FROM duckdb_indexes() i,
     (SELECT unnest(string_split(trim(i.expressions, '[]'), ', ')) AS expression,
             generate_subscripts(string_split(trim(i.expressions, '[]'), ', '), 1) AS position) e
WHERE i.database_name = current_database()
UNION ALL
SELECT c.index_oid, duckgres_catalog.main.duckgres_object_oid(c.table_oid), c.conname, c.schema_name, c.table_name,
       true, c.contype = 'p', k.position, k.column_name
FROM duckgres_catalog.main.duckgres_constraints c,
     (SELECT unnest(c.constraint_column_names) AS column_name,
             generate_subscripts(c.constraint_column_names, 1) AS position) k
WHERE c.contype IN ('p', 'u');

-- Every relation of the current database as pg_class sees it: tables, views, sequences, indexes made by
-- CREATE INDEX and the indexes behind PRIMARY KEY and UNIQUE constraints. The session's temporary tables are in
-- PostgreSQL's temporary schema, pg_temp_<n>.
CREATE VIEW duckgres_relations AS
SELECT duckgres_catalog.main.duckgres_object_oid(t.table_oid) AS oid, table_name AS relname,
       (CASE WHEN temporary THEN 'pg_temp_3' ELSE schema_name END) AS nspname,
       duckgres_catalog.main.duckgres_namespace_oid(schema_name, schema_oid) AS relnamespace, 'r' AS relkind,
       column_count AS relnatts,
       -- The CHECKs pg_constraint shows (not those that enforce varchar(n), part of the column's type there). A
       -- subquery of the select list, which queries that do not read relchecks leave out.
       (SELECT count(*) FROM duckdb_constraints() k
        WHERE k.table_oid = t.table_oid AND k.constraint_type = 'CHECK'
          AND k.expression NOT LIKE '(length(rtrim(%') AS relchecks,
       -- Indexes PostgreSQL would list (DuckDB also counts the one behind a foreign key).
       (has_primary_key OR EXISTS (SELECT 1 FROM duckgres_catalog.main.duckgres_constraints u
                                   WHERE u.contype = 'u' AND u.table_oid = t.table_oid)
        OR EXISTS (SELECT 1 FROM duckdb_indexes() i
                   WHERE i.database_name = t.database_name AND i.table_oid = t.table_oid)) AS relhasindex,
       estimated_size AS reltuples, split_part(comment, chr(29), 1) AS comment, sql, table_name AS table_name,
       -- PostgreSQL implements foreign keys with triggers, and psql looks for them only then.
       EXISTS (SELECT 1 FROM duckgres_catalog.main.duckgres_constraints f
               WHERE f.contype = 'f' AND ((f.schema_name = t.schema_name AND f.table_name = t.table_name)
                                          OR (f.referenced_schema = t.schema_name
                                              AND f.referenced_table = t.table_name))) AS relhastriggers
FROM duckdb_tables() t
WHERE t.database_name = current_database() OR t.temporary
UNION ALL
SELECT duckgres_catalog.main.duckgres_object_oid(view_oid), view_name, schema_name,
       duckgres_catalog.main.duckgres_namespace_oid(schema_name, schema_oid), 'v', column_count, 0, false, 0,
       split_part(comment, chr(29), 1), sql, view_name, false
FROM duckdb_views() WHERE database_name = current_database() AND NOT internal
UNION ALL
SELECT duckgres_catalog.main.duckgres_object_oid(sequence_oid), sequence_name, schema_name,
       duckgres_catalog.main.duckgres_namespace_oid(schema_name, schema_oid), 'S', 3, 0, false, 1, comment, sql,
       sequence_name, false
FROM duckdb_sequences() WHERE database_name = current_database()
UNION ALL
SELECT duckgres_catalog.main.duckgres_object_oid(index_oid), index_name, schema_name,
       duckgres_catalog.main.duckgres_namespace_oid(schema_name, schema_oid), 'i',
       len(string_split(trim(expressions, '[]'), ',')), 0, false, 0, comment, sql, table_name, false
FROM duckdb_indexes() WHERE database_name = current_database()
UNION ALL
SELECT index_oid, conname, schema_name, duckgres_catalog.main.duckgres_namespace_oid(schema_name, schema_oid), 'i',
       len(constraint_column_names), 0, false, 0, NULL, NULL, table_name, false
FROM duckgres_catalog.main.duckgres_constraints WHERE contype IN ('p', 'u');

-- Every relation's OID, name and schema and nothing else: what reg* lookups read (pg_class computes much more).
CREATE VIEW duckgres_relation_names AS
SELECT oid, relname::VARCHAR AS relname, 'pg_catalog' AS nspname FROM duckgres_catalog.static.pg_class
UNION ALL
SELECT duckgres_catalog.main.duckgres_object_oid(table_oid), table_name,
       CASE WHEN temporary THEN 'pg_temp_3' ELSE schema_name END
FROM duckdb_tables() WHERE database_name = current_database() OR temporary
UNION ALL
SELECT duckgres_catalog.main.duckgres_object_oid(view_oid), view_name, schema_name
FROM duckdb_views() WHERE database_name = current_database() AND NOT internal
UNION ALL
SELECT duckgres_catalog.main.duckgres_object_oid(sequence_oid), sequence_name, schema_name
FROM duckdb_sequences() WHERE database_name = current_database()
UNION ALL
SELECT duckgres_catalog.main.duckgres_object_oid(index_oid), index_name, schema_name
FROM duckdb_indexes() WHERE database_name = current_database()
UNION ALL
SELECT index_oid, conname, schema_name FROM duckgres_catalog.main.duckgres_constraints WHERE contype IN ('p', 'u');
