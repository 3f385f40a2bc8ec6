-- Transactions: command tags, transaction status after each message, aborted blocks.

-- case: tx_begin_commit
CREATE TABLE dt_tx_commit (v int);
BEGIN;
INSERT INTO dt_tx_commit VALUES (1);
COMMIT;
SELECT v FROM dt_tx_commit;
-- cleanup
DROP TABLE IF EXISTS dt_tx_commit;

-- case: tx_begin_rollback
CREATE TABLE dt_tx_rollback (v int);
BEGIN;
INSERT INTO dt_tx_rollback VALUES (1);
SELECT count(*) AS inside FROM dt_tx_rollback;
ROLLBACK;
SELECT count(*) AS after FROM dt_tx_rollback;
-- cleanup
DROP TABLE IF EXISTS dt_tx_rollback;

-- case: tx_start_transaction_end
START TRANSACTION;
SELECT 1 AS one;
END;
BEGIN TRANSACTION;
ABORT;
BEGIN WORK;
COMMIT WORK;

-- case: tx_isolation_level_syntax
BEGIN ISOLATION LEVEL READ COMMITTED;
SELECT 1 AS x;
COMMIT;
START TRANSACTION READ ONLY;
SELECT 2 AS y;
ROLLBACK;

-- case: tx_commit_without_transaction
COMMIT;
ROLLBACK;

-- case: tx_begin_twice
BEGIN;
BEGIN;
COMMIT;

-- case: tx_error_aborts_block
CREATE TABLE dt_tx_abort (v int);
BEGIN;
INSERT INTO dt_tx_abort VALUES (1);
SELECT 1 / 0;
SELECT 1;
INSERT INTO dt_tx_abort VALUES (2);
COMMIT;
SELECT count(*) AS n FROM dt_tx_abort;
-- cleanup
DROP TABLE IF EXISTS dt_tx_abort;

-- case: tx_rollback_after_error
BEGIN;
SELECT * FROM dt_tx_no_such_table;
SELECT 2;
ROLLBACK;
SELECT 3 AS after_rollback;

-- case: tx_ddl_rollback
BEGIN;
CREATE TABLE dt_tx_ddl (v int);
INSERT INTO dt_tx_ddl VALUES (1);
ROLLBACK;
SELECT count(*) FROM dt_tx_ddl;
-- cleanup
DROP TABLE IF EXISTS dt_tx_ddl;

-- case: tx_multi_statement_implicit_rollback
CREATE TABLE dt_tx_implicit (v int);
INSERT INTO dt_tx_implicit VALUES (1); SELECT 1 / 0; INSERT INTO dt_tx_implicit VALUES (2);
SELECT count(*) AS n FROM dt_tx_implicit;
-- cleanup
DROP TABLE IF EXISTS dt_tx_implicit;

-- case: tx_multi_statement_with_commit
CREATE TABLE dt_tx_explicit (v int);
BEGIN; INSERT INTO dt_tx_explicit VALUES (1); COMMIT; INSERT INTO dt_tx_explicit VALUES (2); SELECT 1 / 0;
SELECT v FROM dt_tx_explicit ORDER BY v;
-- cleanup
DROP TABLE IF EXISTS dt_tx_explicit;

-- case: tx_multi_statement_begin_left_open
BEGIN; SELECT 1 AS inside;
SELECT 2 AS still_inside;
COMMIT;

-- case: tx_error_in_multi_statement_block
BEGIN; SELECT 1 / 0; SELECT 1;
SELECT 2;
ROLLBACK;

-- case: tx_savepoint
CREATE TABLE dt_tx_savepoint (v int);
BEGIN;
INSERT INTO dt_tx_savepoint VALUES (1);
SAVEPOINT sp1;
INSERT INTO dt_tx_savepoint VALUES (2);
ROLLBACK TO SAVEPOINT sp1;
RELEASE SAVEPOINT sp1;
COMMIT;
SELECT v FROM dt_tx_savepoint ORDER BY v;
-- cleanup
DROP TABLE IF EXISTS dt_tx_savepoint;

-- case: tx_visibility_inside_transaction
CREATE TABLE dt_tx_visible (v int);
BEGIN;
INSERT INTO dt_tx_visible VALUES (1), (2);
UPDATE dt_tx_visible SET v = v + 10;
SELECT v FROM dt_tx_visible ORDER BY v;
DELETE FROM dt_tx_visible WHERE v = 11;
SELECT v FROM dt_tx_visible ORDER BY v;
COMMIT;
-- cleanup
DROP TABLE IF EXISTS dt_tx_visible;
