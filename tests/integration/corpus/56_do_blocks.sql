-- DO blocks: anonymous PL/pgSQL as migration tools and scripts write it (declarations, SQL, SELECT INTO, IF, loops,
-- RAISE, EXECUTE, exception handlers) and the errors of what PostgreSQL refuses.

-- case: do_declare_select_into_raise
CREATE TABLE dt_do_declare_select_into_raise (id int, name text);
INSERT INTO dt_do_declare_select_into_raise VALUES (1, 'a'), (2, 'b');
DO $$ DECLARE n int; total int := 10; who text; BEGIN SELECT count(*) INTO n FROM dt_do_declare_select_into_raise; total := total + n; SELECT name INTO who FROM dt_do_declare_select_into_raise WHERE id = 2; RAISE NOTICE 'rows: %, total: %, name: %', n, total, who; INSERT INTO dt_do_declare_select_into_raise VALUES (total, who || '!'); END $$;
SELECT id, name FROM dt_do_declare_select_into_raise ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_do_declare_select_into_raise;

-- case: do_migration_guard_add_column
CREATE TABLE dt_do_migration_guard_add_column (id int);
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'dt_do_migration_guard_add_column' AND column_name = 'email') THEN ALTER TABLE dt_do_migration_guard_add_column ADD COLUMN email text; END IF; END $$;
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'dt_do_migration_guard_add_column' AND column_name = 'email') THEN ALTER TABLE dt_do_migration_guard_add_column ADD COLUMN email text; END IF; END $$;
SELECT column_name FROM information_schema.columns WHERE table_name = 'dt_do_migration_guard_add_column' ORDER BY column_name;
-- cleanup
DROP TABLE IF EXISTS dt_do_migration_guard_add_column;

-- case: do_migration_guard_create_table
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'dt_do_migration_guard_create_table') THEN CREATE TABLE dt_do_migration_guard_create_table (id int PRIMARY KEY); RAISE NOTICE 'created'; ELSE RAISE NOTICE 'exists'; END IF; END $$;
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'dt_do_migration_guard_create_table') THEN CREATE TABLE dt_do_migration_guard_create_table (id int PRIMARY KEY); RAISE NOTICE 'created'; ELSE RAISE NOTICE 'exists'; END IF; END $$;
SELECT count(*) AS n FROM dt_do_migration_guard_create_table;
-- cleanup
DROP TABLE IF EXISTS dt_do_migration_guard_create_table;

-- case: do_if_elsif_else
CREATE TABLE dt_do_if_elsif_else (v text);
DO $$ DECLARE x int := 5; BEGIN IF x > 10 THEN INSERT INTO dt_do_if_elsif_else VALUES ('big'); ELSIF x > 3 THEN INSERT INTO dt_do_if_elsif_else VALUES ('middle'); ELSE INSERT INTO dt_do_if_elsif_else VALUES ('small'); END IF; END $$;
DO $$ DECLARE x int; BEGIN IF x IS NULL THEN INSERT INTO dt_do_if_elsif_else VALUES ('null'); ELSE INSERT INTO dt_do_if_elsif_else VALUES ('set'); END IF; END $$;
SELECT v FROM dt_do_if_elsif_else ORDER BY v;
-- cleanup
DROP TABLE IF EXISTS dt_do_if_elsif_else;

-- case: do_case_statement
CREATE TABLE dt_do_case_statement (v int, label text);
DO $$ BEGIN FOR i IN 1..4 LOOP CASE i WHEN 1, 2 THEN INSERT INTO dt_do_case_statement VALUES (i, 'low'); WHEN 3 THEN INSERT INTO dt_do_case_statement VALUES (i, 'three'); ELSE INSERT INTO dt_do_case_statement VALUES (i, 'other'); END CASE; CASE WHEN i % 2 = 0 THEN INSERT INTO dt_do_case_statement VALUES (i * 10, 'even'); ELSE NULL; END CASE; END LOOP; END $$;
SELECT v, label FROM dt_do_case_statement ORDER BY v;
DO $$ DECLARE s text := 'b'; BEGIN CASE s WHEN 'a' THEN RAISE NOTICE 'a'; END CASE; END $$;
-- cleanup
DROP TABLE IF EXISTS dt_do_case_statement;

-- case: do_for_integer_loop
CREATE TABLE dt_do_for_integer_loop (i int, sq int);
DO $$ BEGIN FOR i IN 1..5 LOOP INSERT INTO dt_do_for_integer_loop VALUES (i, i * i); END LOOP; FOR i IN REVERSE 10..1 BY 4 LOOP INSERT INTO dt_do_for_integer_loop VALUES (i, -i); END LOOP; END $$;
SELECT i, sq FROM dt_do_for_integer_loop ORDER BY i, sq;
-- cleanup
DROP TABLE IF EXISTS dt_do_for_integer_loop;

-- case: do_for_query_loop
CREATE TABLE dt_do_for_query_loop (id int, name text, score int);
INSERT INTO dt_do_for_query_loop VALUES (1, 'ann', 10), (2, 'bob', 20), (3, 'cy', 30);
DO $$ DECLARE r record; total int := 0; BEGIN FOR r IN SELECT id, name, score FROM dt_do_for_query_loop ORDER BY id LOOP total := total + r.score; UPDATE dt_do_for_query_loop SET name = upper(r.name) || ':' || total WHERE id = r.id; END LOOP; RAISE NOTICE 'total %', total; END $$;
SELECT id, name FROM dt_do_for_query_loop ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_do_for_query_loop;

-- case: do_for_execute_loop
CREATE TABLE dt_do_for_execute_loop (id int, name text);
INSERT INTO dt_do_for_execute_loop VALUES (1, 'a'), (2, 'b'), (3, 'c');
DO $$ DECLARE r record; total int := 0; BEGIN FOR r IN EXECUTE 'SELECT id, name FROM ' || quote_ident('dt_do_for_execute_loop') || ' WHERE id >= $1 ORDER BY id' USING 2 LOOP total := total + r.id; INSERT INTO dt_do_for_execute_loop VALUES (r.id * 10, r.name || total); END LOOP; END $$;
SELECT id, name FROM dt_do_for_execute_loop ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_do_for_execute_loop;

-- case: do_loop_while_exit_continue
CREATE TABLE dt_do_loop_while_exit_continue (v int);
DO $$ DECLARE i int := 0; BEGIN LOOP i := i + 1; EXIT WHEN i > 6; CONTINUE WHEN i % 2 = 0; INSERT INTO dt_do_loop_while_exit_continue VALUES (i); END LOOP; WHILE i < 10 LOOP i := i + 1; INSERT INTO dt_do_loop_while_exit_continue VALUES (i * 10); END LOOP; END $$;
SELECT v FROM dt_do_loop_while_exit_continue ORDER BY v;
-- cleanup
DROP TABLE IF EXISTS dt_do_loop_while_exit_continue;

-- case: do_execute_dynamic_sql
DO $$ DECLARE tbl text := 'dt_do_execute_dynamic_sql'; BEGIN EXECUTE format('CREATE TABLE %I (id int, label text)', tbl); EXECUTE 'INSERT INTO ' || quote_ident(tbl) || ' VALUES ($1, $2)' USING 7, 'seven'; END $$;
SELECT id, label FROM dt_do_execute_dynamic_sql;
DO $$ DECLARE n int; BEGIN EXECUTE 'SELECT count(*) FROM dt_do_execute_dynamic_sql WHERE id = $1' INTO n USING 7; RAISE NOTICE 'found %', n; END $$;
-- cleanup
DROP TABLE IF EXISTS dt_do_execute_dynamic_sql;

-- case: do_perform_and_found
CREATE TABLE dt_do_perform_and_found (v int);
INSERT INTO dt_do_perform_and_found VALUES (1);
DO $$ BEGIN PERFORM 1 FROM dt_do_perform_and_found WHERE v = 1; IF FOUND THEN INSERT INTO dt_do_perform_and_found VALUES (2); END IF; PERFORM 1 FROM dt_do_perform_and_found WHERE v = 99; IF NOT FOUND THEN INSERT INTO dt_do_perform_and_found VALUES (3); END IF; END $$;
SELECT v FROM dt_do_perform_and_found ORDER BY v;
-- cleanup
DROP TABLE IF EXISTS dt_do_perform_and_found;

-- case: do_get_diagnostics_row_count
CREATE TABLE dt_do_get_diagnostics_row_count (v int, tag text);
INSERT INTO dt_do_get_diagnostics_row_count VALUES (1, 'a'), (2, 'a'), (3, 'b');
DO $$ DECLARE n int; BEGIN UPDATE dt_do_get_diagnostics_row_count SET tag = 'c' WHERE tag = 'a'; GET DIAGNOSTICS n = ROW_COUNT; INSERT INTO dt_do_get_diagnostics_row_count VALUES (n * 100, 'updated'); DELETE FROM dt_do_get_diagnostics_row_count WHERE v > 1000; GET DIAGNOSTICS n = ROW_COUNT; INSERT INTO dt_do_get_diagnostics_row_count VALUES (n, 'deleted'); END $$;
SELECT v, tag FROM dt_do_get_diagnostics_row_count ORDER BY v, tag;
-- cleanup
DROP TABLE IF EXISTS dt_do_get_diagnostics_row_count;

-- case: do_raise_levels_and_exception
DO $$ BEGIN RAISE NOTICE 'a notice %', 1; RAISE WARNING 'a warning'; RAISE INFO 'some info'; END $$;
DO $$ BEGIN RAISE EXCEPTION 'failed with %', 42; END $$;
DO $$ BEGIN RAISE EXCEPTION 'custom code' USING ERRCODE = '22012', HINT = 'a hint'; END $$;
DO $$ BEGIN RAISE unique_violation USING MESSAGE = 'duplicate thing'; END $$;
DO $$ BEGIN RAISE SQLSTATE '23503'; END $$;

-- case: do_exception_handler
CREATE TABLE dt_do_exception_handler (id int PRIMARY KEY, v text);
INSERT INTO dt_do_exception_handler VALUES (1, 'one');
DO $$ BEGIN INSERT INTO dt_do_exception_handler VALUES (2, 'two'); INSERT INTO dt_do_exception_handler VALUES (1, 'again'); EXCEPTION WHEN unique_violation THEN RAISE NOTICE 'duplicate key'; INSERT INTO dt_do_exception_handler VALUES (3, 'handled'); END $$;
SELECT id, v FROM dt_do_exception_handler ORDER BY id;
DO $$ DECLARE x int; BEGIN x := 1 / 0; EXCEPTION WHEN division_by_zero OR numeric_value_out_of_range THEN INSERT INTO dt_do_exception_handler VALUES (4, 'divided'); WHEN others THEN INSERT INTO dt_do_exception_handler VALUES (5, 'other'); END $$;
DO $$ BEGIN RAISE EXCEPTION 'mine'; EXCEPTION WHEN SQLSTATE 'P0001' THEN INSERT INTO dt_do_exception_handler VALUES (6, 'caught'); END $$;
DO $$ BEGIN INSERT INTO dt_do_exception_handler VALUES (1, 'dup'); EXCEPTION WHEN check_violation THEN NULL; END $$;
SELECT id, v FROM dt_do_exception_handler ORDER BY id;
-- cleanup
DROP TABLE IF EXISTS dt_do_exception_handler;

-- case: do_exception_reraise_and_others
CREATE TABLE dt_do_exception_reraise_and_others (v int);
DO $$ BEGIN INSERT INTO dt_do_exception_reraise_and_others VALUES (1); PERFORM 1 / 0; EXCEPTION WHEN others THEN RAISE; END $$;
DO $$ BEGIN BEGIN INSERT INTO dt_do_exception_reraise_and_others VALUES (2); RAISE EXCEPTION 'inner'; EXCEPTION WHEN others THEN INSERT INTO dt_do_exception_reraise_and_others VALUES (3); END; INSERT INTO dt_do_exception_reraise_and_others VALUES (4); END $$;
SELECT v FROM dt_do_exception_reraise_and_others ORDER BY v;
-- cleanup
DROP TABLE IF EXISTS dt_do_exception_reraise_and_others;

-- case: do_exception_sqlstate_sqlerrm
CREATE TABLE dt_do_exception_sqlstate_sqlerrm (code text, message text);
DO $$ BEGIN PERFORM 1 / 0; EXCEPTION WHEN others THEN INSERT INTO dt_do_exception_sqlstate_sqlerrm VALUES (SQLSTATE, 'len>0: ' || (length(SQLERRM) > 0)); END $$;
DO $$ BEGIN RAISE EXCEPTION 'custom %', 7 USING ERRCODE = '22P02'; EXCEPTION WHEN invalid_text_representation THEN INSERT INTO dt_do_exception_sqlstate_sqlerrm VALUES (SQLSTATE, SQLERRM); END $$;
SELECT code, message FROM dt_do_exception_sqlstate_sqlerrm ORDER BY code;
-- cleanup
DROP TABLE IF EXISTS dt_do_exception_sqlstate_sqlerrm;

-- case: do_exception_handler_in_transaction_block
CREATE TABLE dt_do_exception_handler_in_transaction_block (v int);
BEGIN;
INSERT INTO dt_do_exception_handler_in_transaction_block VALUES (10);
DO $$ BEGIN INSERT INTO dt_do_exception_handler_in_transaction_block VALUES (11); PERFORM 1 / 0; EXCEPTION WHEN division_by_zero THEN INSERT INTO dt_do_exception_handler_in_transaction_block VALUES (12); END $$;
SELECT v FROM dt_do_exception_handler_in_transaction_block ORDER BY v;
COMMIT;
SELECT v FROM dt_do_exception_handler_in_transaction_block ORDER BY v;
-- cleanup
DROP TABLE IF EXISTS dt_do_exception_handler_in_transaction_block;

-- case: do_in_transaction_block
CREATE TABLE dt_do_in_transaction_block (v int);
BEGIN;
DO $$ BEGIN INSERT INTO dt_do_in_transaction_block VALUES (1); END $$;
SELECT count(*) AS n FROM dt_do_in_transaction_block;
ROLLBACK;
SELECT count(*) AS n FROM dt_do_in_transaction_block;
DO $$ BEGIN INSERT INTO dt_do_in_transaction_block VALUES (2); RAISE EXCEPTION 'undo'; END $$;
SELECT count(*) AS n FROM dt_do_in_transaction_block;
-- cleanup
DROP TABLE IF EXISTS dt_do_in_transaction_block;

-- case: do_read_only_transaction_and_quoted_body
CREATE TABLE dt_do_read_only_transaction_and_quoted_body (v int);
BEGIN READ ONLY;
DO $$ BEGIN INSERT INTO dt_do_read_only_transaction_and_quoted_body VALUES (1); END $$;
ROLLBACK;
DO 'BEGIN INSERT INTO dt_do_read_only_transaction_and_quoted_body VALUES (2); RAISE NOTICE ''it''''s %'', 2; END';
DO $body$ DECLARE s text := $$a 'quoted' $x$ text$$; BEGIN INSERT INTO dt_do_read_only_transaction_and_quoted_body VALUES (length(s)); END $body$ LANGUAGE plpgsql;
SELECT v FROM dt_do_read_only_transaction_and_quoted_body ORDER BY v;
-- cleanup
DROP TABLE IF EXISTS dt_do_read_only_transaction_and_quoted_body;

-- case: do_return_early
CREATE TABLE dt_do_return_early (v int);
DO $$ BEGIN INSERT INTO dt_do_return_early VALUES (1); IF (SELECT count(*) FROM dt_do_return_early) > 0 THEN RETURN; END IF; INSERT INTO dt_do_return_early VALUES (2); END $$;
SELECT v FROM dt_do_return_early ORDER BY v;
-- cleanup
DROP TABLE IF EXISTS dt_do_return_early;

-- case: do_errors
DO $$ BEGIN SELECT 1; END $$;
DO $$ BEGIN x := 1; END $$;
DO $$ BEGIN INSERT INTO dt_do_errors_missing VALUES (1); END $$;
DO LANGUAGE sql $$ SELECT 1 $$;
DO LANGUAGE plperlx $$ 1 $$;
DO LANGUAGE plpgsql $$ BEGIN RAISE NOTICE 'explicit language'; END $$;
DO $$ DECLARE c CONSTANT int := 1; BEGIN c := 2; END $$;
DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = 'no_such_condition'; END $$;

-- case: do_endless_loop_times_out
SET statement_timeout = '300ms';
DO $$ BEGIN LOOP END LOOP; END $$;
DO $$ BEGIN LOOP PERFORM 1; END LOOP; END $$;
RESET statement_timeout;
SELECT 1 AS still_here;

-- case: do_for_integer_bounds
DO $$ BEGIN FOR i IN 2147483646..2147483647 LOOP RAISE NOTICE 'i = %', i; END LOOP; END $$;
DO $$ BEGIN FOR i IN REVERSE -2147483647..-2147483648 LOOP RAISE NOTICE 'i = %', i; END LOOP; END $$;
DO $$ BEGIN FOR i IN 1..3000000000 LOOP END LOOP; END $$;

-- case: do_perform_of_a_small_query_keeps_working
DO $$ DECLARE n bigint; BEGIN PERFORM * FROM generate_series(1, 100000); SELECT count(*) INTO n FROM generate_series(1, 100000); RAISE NOTICE 'n = %', n; END $$;
