-- Catalog queries psycopg sent to PostgreSQL 15, captured by introspection_capture.py.

-- statement
-- params: ["integer"]
SELECT
    typname AS name, oid, typarray AS array_oid,
    oid::regtype::text AS regtype, typdelim AS delimiter
FROM pg_type t
WHERE t.oid = $1::regtype
ORDER BY t.oid
