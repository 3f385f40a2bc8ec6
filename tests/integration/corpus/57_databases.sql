-- CREATE DATABASE, DROP DATABASE and ALTER DATABASE ... RENAME TO, as migration tools, test runners and pg_dump --create send them.

-- case: db_create_and_drop
CREATE DATABASE dt_db_create_and_drop;
SELECT datname, encoding, datallowconn, datconnlimit FROM pg_database WHERE datname = 'dt_db_create_and_drop';
DROP DATABASE dt_db_create_and_drop;
SELECT count(*) AS n FROM pg_database WHERE datname = 'dt_db_create_and_drop';
-- cleanup
DROP DATABASE IF EXISTS dt_db_create_and_drop;

-- case: db_create_as_pg_dump_writes_it
CREATE DATABASE dt_db_create_as_pg_dump WITH TEMPLATE = template0 ENCODING = 'UTF8' LOCALE_PROVIDER = libc LOCALE = 'C.UTF-8';
CREATE DATABASE "dt_db_create_quoted" WITH OWNER = postgres TEMPLATE template1 ENCODING 'utf-8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' CONNECTION LIMIT = -1 TABLESPACE = pg_default STRATEGY = wal_log;
SELECT datname FROM pg_database WHERE datname LIKE 'dt_db_create_%' ORDER BY datname;
-- cleanup
DROP DATABASE IF EXISTS dt_db_create_as_pg_dump;
DROP DATABASE IF EXISTS dt_db_create_quoted;

-- case: db_create_errors
CREATE DATABASE dt_db_create_errors;
CREATE DATABASE dt_db_create_errors;
CREATE DATABASE dt_db_create_errors_2 WITH COLOUR = 'blue';
CREATE DATABASE dt_db_create_errors_2 ENCODING 'NO_SUCH_ENCODING';
CREATE DATABASE dt_db_create_errors_2 TEMPLATE dt_db_no_such_template;
CREATE DATABASE dt_db_create_errors_2 STRATEGY = fancy;
CREATE DATABASE dt_db_create_errors_2 TABLESPACE dt_no_such_space;
CREATE DATABASE dt_db_create_errors_2 OWNER dt_no_such_role;
CREATE DATABASE dt_db_create_errors_2 LOCALE 'C' LC_COLLATE 'C';
CREATE DATABASE dt_db_create_errors_2 LC_CTYPE 'C';
CREATE DATABASE dt_db_create_errors_2 TEMPLATE template0 LOCALE 'C.UTF-8' LC_COLLATE 'C';
DROP DATABASE dt_db_create_errors_2;
CREATE DATABASE dt_db_create_errors_2 TEMPLATE template0 TEMPLATE template0;
CREATE DATABASE dt_db_create_errors_2 CONNECTION LIMIT = -5;
SELECT count(*) AS n FROM pg_database WHERE datname LIKE 'dt_db_create_errors%';
-- cleanup
DROP DATABASE IF EXISTS dt_db_create_errors;
DROP DATABASE IF EXISTS dt_db_create_errors_2;

-- case: db_drop_missing
DROP DATABASE dt_db_drop_missing;
DROP DATABASE IF EXISTS dt_db_drop_missing;
DROP DATABASE IF EXISTS dt_db_drop_missing WITH (FORCE);

-- case: db_not_in_transaction_block
BEGIN;
CREATE DATABASE dt_db_not_in_transaction_block;
ROLLBACK;
BEGIN;
DROP DATABASE IF EXISTS dt_db_not_in_transaction_block;
ROLLBACK;
SELECT count(*) AS n FROM pg_database WHERE datname = 'dt_db_not_in_transaction_block';
-- cleanup
DROP DATABASE IF EXISTS dt_db_not_in_transaction_block;

-- case: db_rename
CREATE DATABASE dt_db_rename_a;
CREATE DATABASE dt_db_rename_c;
ALTER DATABASE dt_db_rename_a RENAME TO dt_db_rename_b;
SELECT datname FROM pg_database WHERE datname LIKE 'dt_db_rename_%' ORDER BY datname;
ALTER DATABASE dt_db_rename_missing RENAME TO dt_db_rename_d;
ALTER DATABASE dt_db_rename_b RENAME TO dt_db_rename_c;
-- cleanup
DROP DATABASE IF EXISTS dt_db_rename_a;
DROP DATABASE IF EXISTS dt_db_rename_b;
DROP DATABASE IF EXISTS dt_db_rename_c;
