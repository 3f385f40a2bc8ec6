-- Catalog queries Npgsql (the .NET driver, which Power BI's PostgreSQL connector uses) sends: its
-- type-loading queries on the first connection to a database (types, composite fields, enum labels), its
-- server state checks, the GetSchema() collections (databases, schemata, tables, columns, views, users,
-- indexes, index columns, constraints, constraint columns) and Power BI's navigator queries, written from
-- their documented behaviour.

-- statement
-- params: []
SELECT version();

-- statement
-- params: []
SELECT ns.nspname, t.oid, t.typname, t.typtype, t.typnotnull, t.elemtypoid
FROM (
    -- Arrays have typtype=b - this subquery identifies them by their typreceive and converts their typtype to a
    -- We first do this for the type (innerest-most subquery), and then for its element type
    -- This also returns the array element, range subtype and domain base type as elemtypoid
    SELECT
        typ.oid, typ.typnamespace, typ.typname, typ.typtype, typ.typrelid, typ.typnotnull, typ.relkind,
        elemtyp.oid AS elemtypoid, elemtyp.typname AS elemtypname, elemcls.relkind AS elemrelkind,
        CASE WHEN elemproc.proname='array_recv' THEN 'a' ELSE elemtyp.typtype END AS elemtyptype
        , typ.typcategory
    FROM (
        SELECT typ.oid, typnamespace, typname, typrelid, typnotnull, relkind, typelem AS elemoid,
            CASE WHEN proc.proname='array_recv' THEN 'a' ELSE typ.typtype END AS typtype,
            CASE
                WHEN proc.proname='array_recv' THEN typ.typelem
                WHEN typ.typtype='r' THEN rngsubtype
                WHEN typ.typtype='m' THEN (SELECT rngtypid FROM pg_range WHERE rngmultitypid = typ.oid)
                WHEN typ.typtype='d' THEN typ.typbasetype
            END AS elemtypoid
            , typ.typcategory
        FROM pg_type AS typ
        LEFT JOIN pg_class AS cls ON (cls.oid = typ.typrelid)
        LEFT JOIN pg_proc AS proc ON proc.oid = typ.typreceive
        LEFT JOIN pg_range ON (pg_range.rngtypid = typ.oid)
    ) AS typ
    LEFT JOIN pg_type AS elemtyp ON elemtyp.oid = elemtypoid
    LEFT JOIN pg_class AS elemcls ON (elemcls.oid = elemtyp.typrelid)
    LEFT JOIN pg_proc AS elemproc ON elemproc.oid = elemtyp.typreceive
) AS t
JOIN pg_namespace AS ns ON (ns.oid = typnamespace)
WHERE
    typtype IN ('b', 'r', 'm', 'e', 'd') OR -- Base, range, multirange, enum, domain
    (typtype = 'c' AND relkind='c') OR -- User-defined free-standing composites (not table composites) by default
    (typtype = 'p' AND typname IN ('record', 'void', 'unknown')) OR -- Some special supported pseudo-types
    (typtype = 'a' AND (  -- Array of...
        elemtyptype IN ('b', 'r', 'm', 'e', 'd') OR -- Array of base, range, multirange, enum, domain
        (elemtyptype = 'p' AND elemtypname IN ('record', 'void')) OR -- Arrays of special supported pseudo-types
        (elemtyptype = 'c' AND elemrelkind='c') -- Array of user-defined free-standing composites (not table composites) by default
    ))
ORDER BY CASE
       WHEN typtype IN ('b', 'e', 'p') THEN 0           -- First base types, enums, pseudo-types
       WHEN typtype = 'r' THEN 1                        -- Ranges after
       WHEN typtype = 'm' THEN 2                        -- Multiranges after
       WHEN typtype = 'c' THEN 3                        -- Composites after
       WHEN typtype = 'd' AND elemtyptype <> 'a' THEN 4 -- Domains over non-arrays after
       WHEN typtype = 'a' THEN 5                        -- Arrays after
       WHEN typtype = 'd' AND elemtyptype = 'a' THEN 6  -- Domains over arrays last
END;

-- statement
-- params: []
-- Load field definitions for (free-standing) composite types
SELECT typ.oid, att.attname, att.atttypid
FROM pg_type AS typ
JOIN pg_namespace AS ns ON (ns.oid = typ.typnamespace)
JOIN pg_class AS cls ON (cls.oid = typ.typrelid)
JOIN pg_attribute AS att ON (att.attrelid = typ.typrelid)
WHERE
  (typ.typtype = 'c' AND cls.relkind='c') AND
  attnum > 0 AND     -- Don't load system attributes
  NOT attisdropped
ORDER BY typ.oid, att.attnum;

-- statement
-- params: []
-- Load enum fields
SELECT pg_type.oid, enumlabel
FROM pg_enum
JOIN pg_type ON pg_type.oid=enumtypid
ORDER BY oid, enumsortorder;

-- statement
-- params: []
SELECT pg_is_in_recovery()

-- statement
-- params: []
SHOW default_transaction_read_only

-- statement
-- params: []
SELECT d.datname AS database_name, u.usename AS owner, pg_catalog.pg_encoding_to_char(d.encoding) AS encoding FROM pg_catalog.pg_database d LEFT JOIN pg_catalog.pg_user u ON d.datdba = u.usesysid

-- statement
-- params: []
SELECT * FROM (
    SELECT current_database() AS catalog_name,
        nspname AS schema_name,
        r.rolname AS schema_owner
    FROM
        pg_catalog.pg_namespace LEFT OUTER JOIN pg_catalog.pg_roles r ON r.oid = nspowner
    ) tmp

-- statement
-- params: ["intro_parent"]
SELECT table_catalog, table_schema, table_name, table_type
FROM information_schema.tables
WHERE
  table_type IN ('BASE TABLE', 'FOREIGN', 'FOREIGN TABLE') AND
  table_schema NOT IN ('pg_catalog', 'information_schema') AND table_name = $1

-- statement
-- params: ["intro_parent"]
SELECT * FROM (
    SELECT table_catalog, table_schema, table_name, column_name, ordinal_position, column_default, is_nullable,
    CASE WHEN udt_schema is NULL THEN udt_name ELSE format_type(typ.oid, NULL) END AS data_type,
    character_maximum_length, character_octet_length, numeric_precision, numeric_precision_radix, numeric_scale,
    datetime_precision, character_set_catalog, character_set_schema, character_set_name, collation_catalog
    FROM information_schema.columns
    JOIN pg_namespace AS ns ON ns.nspname = udt_schema
    JOIN pg_type AS typ ON typnamespace = ns.oid AND typname = udt_name
) tmp
WHERE table_name = $1
ORDER BY ordinal_position

-- statement
-- params: []
SELECT table_catalog, table_schema, table_name, check_option, is_updatable
FROM information_schema.views
WHERE table_schema NOT IN ('pg_catalog', 'information_schema')

-- statement
-- params: []
SELECT usename as user_name, usesysid as user_sysid FROM pg_catalog.pg_user

-- statement
-- params: ["intro_parent"]
select current_database() as table_catalog, n.nspname as table_schema, t.relname as table_name, i.relname as index_name
from pg_catalog.pg_class i
  join pg_catalog.pg_index ix ON ix.indexrelid = i.oid
  join pg_catalog.pg_class t ON ix.indrelid = t.oid
  left join pg_catalog.pg_user u ON u.usesysid = i.relowner
  left join pg_catalog.pg_namespace n ON n.oid = i.relnamespace
where i.relkind = 'i' and n.nspname not in ('pg_catalog', 'pg_toast') and t.relname = $1

-- statement
-- params: ["intro_parent"]
select current_database() as constraint_catalog, t_ns.nspname as constraint_schema, ix_cls.relname as constraint_name,
       current_database() as table_catalog, t_ns.nspname as table_schema, t.relname as table_name,
       a.attname as column_name, ix_cls.relname as index_name
from pg_class t
  join pg_index ix on t.oid = ix.indrelid
  join pg_class ix_cls on ix.indexrelid = ix_cls.oid
  join pg_attribute a on t.oid = a.attrelid
  left join pg_namespace t_ns on t.relnamespace = t_ns.oid
where a.attnum = ANY(ix.indkey) and t.relkind = 'r' and t.relname = $1

-- statement
-- params: ["intro_child"]
select
  current_database() as "CONSTRAINT_CATALOG",
  pgn.nspname as "CONSTRAINT_SCHEMA",
  pgc.conname as "CONSTRAINT_NAME",
  current_database() as "TABLE_CATALOG",
  pgtn.nspname as "TABLE_SCHEMA",
  pgt.relname as "TABLE_NAME",
  "CONSTRAINT_TYPE",
  pgc.condeferrable as "IS_DEFERRABLE",
  pgc.condeferred as "INITIALLY_DEFERRED"
from pg_catalog.pg_constraint pgc
inner join pg_catalog.pg_namespace pgn on pgc.connamespace = pgn.oid
inner join pg_catalog.pg_class pgt on pgc.conrelid = pgt.oid
inner join pg_catalog.pg_namespace pgtn on pgt.relnamespace = pgtn.oid
inner join (
select 'PRIMARY KEY' as "CONSTRAINT_TYPE", 'p' as "contype" union all
select 'FOREIGN KEY' as "CONSTRAINT_TYPE", 'f' as "contype" union all
select 'UNIQUE KEY' as "CONSTRAINT_TYPE", 'u' as "contype"
) mapping_table on mapping_table.contype = pgc.contype
and 'f' = pgc.contype and pgt.relname = $1

-- statement
-- params: ["intro_parent"]
select current_database() as constraint_catalog,
       n.nspname as constraint_schema,
       c.conname as constraint_name,
       current_database() as table_catalog,
       n.nspname as table_schema,
       t.relname as table_name,
       a.attname as column_name,
       a.attnum as ordinal_number,
       mapping_table.constraint_type
from pg_constraint c
inner join pg_namespace n on n.oid = c.connamespace
inner join pg_class t on t.oid = c.conrelid and t.relkind = 'r'
inner join pg_attribute a on t.oid = a.attrelid and a.attnum = ANY(c.conkey)
inner join (
select 'PRIMARY KEY' as constraint_type, 'p' as contype union all
select 'FOREIGN KEY' as constraint_type, 'f' as contype union all
select 'UNIQUE KEY' as constraint_type, 'u' as contype
) mapping_table on mapping_table.contype = c.contype
and n.nspname not in ('pg_catalog', 'pg_toast')
and t.relname = $1

-- statement
-- params: []
select TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE
from INFORMATION_SCHEMA.tables
where TABLE_SCHEMA not in ('information_schema', 'pg_catalog')
order by TABLE_SCHEMA, TABLE_NAME

-- statement
-- params: []
select COLUMN_NAME, ORDINAL_POSITION, IS_NULLABLE, case when (data_type like '%unsigned%') then DATA_TYPE || ' unsigned' else DATA_TYPE end as DATA_TYPE
from INFORMATION_SCHEMA.columns
where TABLE_SCHEMA = 'public' and TABLE_NAME = 'intro_parent'
order by TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION

-- statement
-- params: []
select
    pkcol.COLUMN_NAME as PK_COLUMN_NAME,
    fkcol.TABLE_SCHEMA AS FK_TABLE_SCHEMA,
    fkcol.TABLE_NAME AS FK_TABLE_NAME,
    fkcol.COLUMN_NAME as FK_COLUMN_NAME,
    fkcol.ORDINAL_POSITION as ORDINAL,
    fkcon.CONSTRAINT_SCHEMA || '_' || fkcol.TABLE_NAME || '_' || 'intro_parent' || '_' || fkcon.CONSTRAINT_NAME as FK_NAME
from
    (select distinct constraint_catalog, constraint_schema, unique_constraint_schema, constraint_name, unique_constraint_name
        from INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS) fkcon
        inner join
    INFORMATION_SCHEMA.KEY_COLUMN_USAGE fkcol
        on fkcon.CONSTRAINT_SCHEMA = fkcol.CONSTRAINT_SCHEMA
        and fkcon.CONSTRAINT_NAME = fkcol.CONSTRAINT_NAME
        inner join
    INFORMATION_SCHEMA.KEY_COLUMN_USAGE pkcol
        on fkcon.UNIQUE_CONSTRAINT_SCHEMA = pkcol.CONSTRAINT_SCHEMA
        and fkcon.UNIQUE_CONSTRAINT_NAME = pkcol.CONSTRAINT_NAME
where pkcol.TABLE_SCHEMA = 'public' and pkcol.TABLE_NAME = 'intro_parent'
        and pkcol.ORDINAL_POSITION = fkcol.ORDINAL_POSITION
order by FK_NAME, fkcol.ORDINAL_POSITION
