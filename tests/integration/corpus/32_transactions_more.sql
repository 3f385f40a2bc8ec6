-- More transactions: read-only blocks, aborted blocks, chaining, locking, sequences and DDL in transactions.

-- case: tx2_read_only_block_rejects_writes
CREATE TABLE dt_tx2_read_only_block_rejects_writes (v int);
BEGIN READ ONLY;
SELECT count(*) AS n FROM dt_tx2_read_only_block_rejects_writes;
INSERT INTO dt_tx2_read_only_block_rejects_writes VALUES (1);
ROLLBACK;
SELECT count(*) AS n FROM dt_tx2_read_only_block_rejects_writes;
-- cleanup
DROP TABLE IF EXISTS dt_tx2_read_only_block_rejects_writes;

-- case: tx2_set_transaction_read_only_inside
CREATE TABLE dt_tx2_set_transaction_read_only_inside (v int);
BEGIN;
SET TRANSACTION READ ONLY;
UPDATE dt_tx2_set_transaction_read_only_inside SET v = 1;
ROLLBACK;
-- cleanup
DROP TABLE IF EXISTS dt_tx2_set_transaction_read_only_inside;

-- case: tx2_read_only_ddl_rejected
BEGIN TRANSACTION READ ONLY;
CREATE TABLE dt_tx2_read_only_ddl_rejected (v int);
ROLLBACK;
SELECT count(*) FROM dt_tx2_read_only_ddl_rejected;
-- cleanup
DROP TABLE IF EXISTS dt_tx2_read_only_ddl_rejected;

-- case: tx2_commit_in_aborted_block_rolls_back
CREATE TABLE dt_tx2_commit_in_aborted_block_rolls_back (v int);
BEGIN;
INSERT INTO dt_tx2_commit_in_aborted_block_rolls_back VALUES (1);
INSERT INTO dt_tx2_commit_in_aborted_block_rolls_back VALUES ('not a number');
SELECT count(*) FROM dt_tx2_commit_in_aborted_block_rolls_back;
COMMIT;
SELECT count(*) AS n FROM dt_tx2_commit_in_aborted_block_rolls_back;
-- cleanup
DROP TABLE IF EXISTS dt_tx2_commit_in_aborted_block_rolls_back;

-- case: tx2_end_and_abort_outside_block
END;
ABORT;
SELECT 1 AS still_fine;

-- case: tx2_commit_and_chain
CREATE TABLE dt_tx2_commit_and_chain (v int);
BEGIN;
INSERT INTO dt_tx2_commit_and_chain VALUES (1);
COMMIT AND CHAIN;
INSERT INTO dt_tx2_commit_and_chain VALUES (2);
ROLLBACK;
SELECT v FROM dt_tx2_commit_and_chain ORDER BY v;
-- cleanup
DROP TABLE IF EXISTS dt_tx2_commit_and_chain;

-- case: tx2_rollback_and_chain
BEGIN ISOLATION LEVEL REPEATABLE READ;
ROLLBACK AND CHAIN;
SHOW transaction_isolation;
COMMIT;

-- case: tx2_serializable_deferrable_syntax
BEGIN ISOLATION LEVEL SERIALIZABLE, READ ONLY, DEFERRABLE;
SELECT 1 AS one;
COMMIT;
START TRANSACTION ISOLATION LEVEL READ UNCOMMITTED READ WRITE;
SELECT 2 AS two;
COMMIT;

-- case: tx2_select_for_update_in_transaction
CREATE TABLE dt_tx2_select_for_update_in_transaction (id int PRIMARY KEY, stock int);
INSERT INTO dt_tx2_select_for_update_in_transaction VALUES (1, 5), (2, 0);
BEGIN;
SELECT id, stock FROM dt_tx2_select_for_update_in_transaction WHERE id = 1 FOR UPDATE;
UPDATE dt_tx2_select_for_update_in_transaction SET stock = stock - 1 WHERE id = 1;
COMMIT;
SELECT id, stock FROM dt_tx2_select_for_update_in_transaction ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_tx2_select_for_update_in_transaction;

-- case: tx2_select_for_share_skip_locked
CREATE TABLE dt_tx2_select_for_share_skip_locked (id int, job text);
INSERT INTO dt_tx2_select_for_share_skip_locked VALUES (1, 'a'), (2, 'b');
BEGIN;
SELECT id FROM dt_tx2_select_for_share_skip_locked ORDER BY id FOR SHARE;
SELECT id, job FROM dt_tx2_select_for_share_skip_locked ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED;
SELECT id FROM dt_tx2_select_for_share_skip_locked WHERE id = 2 FOR NO KEY UPDATE NOWAIT;
COMMIT;
-- cleanup
DROP TABLE IF EXISTS dt_tx2_select_for_share_skip_locked;

-- case: tx2_lock_table
CREATE TABLE dt_tx2_lock_table (v int);
BEGIN;
LOCK TABLE dt_tx2_lock_table IN ACCESS EXCLUSIVE MODE;
INSERT INTO dt_tx2_lock_table VALUES (1);
COMMIT;
LOCK TABLE dt_tx2_lock_table;
-- cleanup
DROP TABLE IF EXISTS dt_tx2_lock_table;

-- case: tx2_sequence_not_rolled_back
CREATE SEQUENCE dt_tx2_sequence_not_rolled_back;
BEGIN;
SELECT nextval('dt_tx2_sequence_not_rolled_back') AS a;
ROLLBACK;
SELECT nextval('dt_tx2_sequence_not_rolled_back') AS b;
-- cleanup
DROP SEQUENCE IF EXISTS dt_tx2_sequence_not_rolled_back;

-- case: tx2_ddl_and_dml_commit_visible
BEGIN;
CREATE TABLE dt_tx2_ddl_and_dml_commit_visible (id int PRIMARY KEY, v text);
INSERT INTO dt_tx2_ddl_and_dml_commit_visible VALUES (1, 'a');
ALTER TABLE dt_tx2_ddl_and_dml_commit_visible ADD COLUMN w int DEFAULT 0;
COMMIT;
SELECT id, v, w FROM dt_tx2_ddl_and_dml_commit_visible;
-- cleanup
DROP TABLE IF EXISTS dt_tx2_ddl_and_dml_commit_visible;

-- case: tx2_drop_table_rolled_back
CREATE TABLE dt_tx2_drop_table_rolled_back (v int);
INSERT INTO dt_tx2_drop_table_rolled_back VALUES (42);
BEGIN;
DROP TABLE dt_tx2_drop_table_rolled_back;
ROLLBACK;
SELECT v FROM dt_tx2_drop_table_rolled_back;
-- cleanup
DROP TABLE IF EXISTS dt_tx2_drop_table_rolled_back;

-- case: tx2_truncate_rolled_back
CREATE TABLE dt_tx2_truncate_rolled_back (v int);
INSERT INTO dt_tx2_truncate_rolled_back VALUES (1), (2);
BEGIN;
TRUNCATE dt_tx2_truncate_rolled_back;
SELECT count(*) AS inside FROM dt_tx2_truncate_rolled_back;
ROLLBACK;
SELECT count(*) AS after FROM dt_tx2_truncate_rolled_back;
-- cleanup
DROP TABLE IF EXISTS dt_tx2_truncate_rolled_back;

-- case: tx2_unique_violation_then_retry
CREATE TABLE dt_tx2_unique_violation_then_retry (id int PRIMARY KEY);
INSERT INTO dt_tx2_unique_violation_then_retry VALUES (1);
BEGIN;
INSERT INTO dt_tx2_unique_violation_then_retry VALUES (1);
ROLLBACK;
BEGIN;
INSERT INTO dt_tx2_unique_violation_then_retry VALUES (2);
COMMIT;
SELECT id FROM dt_tx2_unique_violation_then_retry ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_tx2_unique_violation_then_retry;

-- case: tx2_multi_statement_with_explicit_block_and_error
CREATE TABLE dt_tx2_multi_statement_with_explicit_block_and_error (v int);
BEGIN; INSERT INTO dt_tx2_multi_statement_with_explicit_block_and_error VALUES (1); COMMIT; BEGIN; INSERT INTO dt_tx2_multi_statement_with_explicit_block_and_error VALUES (2); SELECT 1 / 0; COMMIT;
ROLLBACK;
SELECT v FROM dt_tx2_multi_statement_with_explicit_block_and_error ORDER BY v;
-- cleanup
DROP TABLE IF EXISTS dt_tx2_multi_statement_with_explicit_block_and_error;

-- case: tx2_multi_statement_rollback_inside
CREATE TABLE dt_tx2_multi_statement_rollback_inside (v int);
BEGIN; INSERT INTO dt_tx2_multi_statement_rollback_inside VALUES (1); ROLLBACK; INSERT INTO dt_tx2_multi_statement_rollback_inside VALUES (2);
SELECT v FROM dt_tx2_multi_statement_rollback_inside ORDER BY v;
-- cleanup
DROP TABLE IF EXISTS dt_tx2_multi_statement_rollback_inside;

-- case: tx2_error_after_commit_in_same_message
CREATE TABLE dt_tx2_error_after_commit_in_same_message (v int);
INSERT INTO dt_tx2_error_after_commit_in_same_message VALUES (1); COMMIT; INSERT INTO dt_tx2_error_after_commit_in_same_message VALUES (2); SELECT * FROM dt_tx2_no_such_table;
SELECT v FROM dt_tx2_error_after_commit_in_same_message ORDER BY v;
-- cleanup
DROP TABLE IF EXISTS dt_tx2_error_after_commit_in_same_message;

-- case: tx2_savepoint_rollback_after_error
CREATE TABLE dt_tx2_savepoint_rollback_after_error (v int);
BEGIN;
INSERT INTO dt_tx2_savepoint_rollback_after_error VALUES (1);
SAVEPOINT before_bad;
INSERT INTO dt_tx2_savepoint_rollback_after_error VALUES (1 / 0);
ROLLBACK TO SAVEPOINT before_bad;
INSERT INTO dt_tx2_savepoint_rollback_after_error VALUES (2);
COMMIT;
SELECT v FROM dt_tx2_savepoint_rollback_after_error ORDER BY v;
-- cleanup
DROP TABLE IF EXISTS dt_tx2_savepoint_rollback_after_error;

-- case: tx2_rollback_to_missing_savepoint
BEGIN;
ROLLBACK TO SAVEPOINT never_made;
ROLLBACK;
RELEASE SAVEPOINT never_made;

-- case: tx2_set_local_reverts_after_commit
BEGIN;
SET LOCAL statement_timeout = '9s';
SHOW statement_timeout;
COMMIT;
SHOW statement_timeout;

-- case: tx2_transaction_status_after_each
CREATE TABLE dt_tx2_transaction_status_after_each (v int);
BEGIN;
SELECT 1;
INSERT INTO dt_tx2_transaction_status_after_each VALUES (1);
SELECT no_such_column FROM dt_tx2_transaction_status_after_each;
ROLLBACK;
SELECT count(*) AS n FROM dt_tx2_transaction_status_after_each;
-- cleanup
DROP TABLE IF EXISTS dt_tx2_transaction_status_after_each;

-- case: tx2_prepare_transaction_disabled
BEGIN;
PREPARE TRANSACTION 'dt_tx2_gid';
ROLLBACK;

-- case: tx2_isolation_change_after_query_error
BEGIN;
SELECT 1 AS first;
SET TRANSACTION ISOLATION LEVEL SERIALIZABLE;
ROLLBACK;
