"""SQLSTATEs, differentially: each statement fails on PostgreSQL 15 and on Duckgres with the same code.

One case per line of the table below, grouped by the classes docs/compatibility.md lists; each runs on a
fresh connection of each server after its setup statements. Codes no single statement can produce on
both servers (out of memory, I/O, permissions, internal faults, serialization failures between two
sessions) are tested on Duckgres against the documented code, each with the reason it is not differential.
"""

from __future__ import annotations

import threading

import psycopg
import pytest

import harness
from clients import pg3

# (expected SQLSTATE, setup statements, statements: the last one must fail with the code)
CASES = [
    ("42601", [], ["SELEC 1"]),
    ("42601", [], ["SELECT (1"]),
    ("42P01", [], ["SELECT * FROM ec_missing_table"]),
    ("42P01", [], ["INSERT INTO ec_missing_table VALUES (1)"]),
    ("42703", ["CREATE TABLE ec_t (a int)"], ["SELECT b FROM ec_t"]),
    ("42703", ["CREATE TABLE ec_t (a int)"], ["UPDATE ec_t SET b = 1"]),
    ("42883", [], ["SELECT ec_no_such_function(1)"]),
    ("42883", [], ["SELECT 'a'::text + 1"]),
    ("42704", [], ["SELECT 1::ec_no_such_type"]),
    ("42704", [], ["DROP TYPE ec_no_such_type"]),
    ("42704", [], ["SET ec_no_such_setting = 1"]),
    ("3F000", [], ["CREATE TABLE ec_missing_schema.t (a int)"]),
    ("3F000", [], ["DROP SCHEMA ec_missing_schema"]),
    ("42P07", ["CREATE TABLE ec_t (a int)"], ["CREATE TABLE ec_t (a int)"]),
    ("42P07", ["CREATE TABLE ec_t (a int)"], ["CREATE VIEW ec_t AS SELECT 1"]),
    ("42P06", ["CREATE SCHEMA ec_s"], ["CREATE SCHEMA ec_s"]),
    ("42710", ["CREATE TYPE ec_mood AS ENUM ('a')"], ["CREATE TYPE ec_mood AS ENUM ('b')"]),
    ("42701", [], ["CREATE TABLE ec_t (a int, a int)"]),
    ("42702", ["CREATE TABLE ec_t (a int)", "CREATE TABLE ec_u (a int)"], ["SELECT a FROM ec_t, ec_u"]),
    ("42803", ["CREATE TABLE ec_t (a int, b int)"], ["SELECT a, count(*) FROM ec_t"]),
    ("42804", [], ["SELECT CASE WHEN true THEN 1 ELSE 'x'::text END"]),
    ("22P02", [], ["SELECT 'abc'::int"]),
    ("22P02", [], ["SELECT 'maybe'::boolean"]),
    ("22P02", [], ["SELECT 'x'::uuid"]),
    ("22003", [], ["SELECT 2147483647::int + 1"]),
    ("22003", [], ["SELECT 40000::smallint"]),
    ("22003", ["CREATE TABLE ec_t (a numeric(3,1))"], ["INSERT INTO ec_t VALUES (12345)"]),
    ("22012", [], ["SELECT 1 / 0"]),
    ("22012", [], ["SELECT 1.0 / 0"]),
    ("22007", [], ["SELECT 'not a date'::date"]),
    ("22008", [], ["SELECT '2021-13-01'::date"]),
    ("22008", [], ["SELECT '2021-02-30'::date"]),
    ("22001", ["CREATE TABLE ec_t (a varchar(3))"], ["INSERT INTO ec_t VALUES ('abcdef')"]),
    ("22001", ["CREATE TABLE ec_t (a char(2), b int)", "INSERT INTO ec_t VALUES ('x', 1)"],
     ["UPDATE ec_t SET a = 'xyz' WHERE b = 1"]),
    ("22023", [], ["SET statement_timeout = 'abc'"]),
    ("23505", ["CREATE TABLE ec_t (a int PRIMARY KEY)", "INSERT INTO ec_t VALUES (1)"], ["INSERT INTO ec_t VALUES (1)"]),
    ("23505", ["CREATE TABLE ec_t (a int UNIQUE)", "INSERT INTO ec_t VALUES (1), (2)"],
     ["UPDATE ec_t SET a = 1 WHERE a = 2"]),
    ("23502", ["CREATE TABLE ec_t (a int NOT NULL)"], ["INSERT INTO ec_t VALUES (NULL)"]),
    ("23503", ["CREATE TABLE ec_p (id int PRIMARY KEY)", "CREATE TABLE ec_c (p int REFERENCES ec_p (id))"],
     ["INSERT INTO ec_c VALUES (7)"]),
    ("23514", ["CREATE TABLE ec_t (a int CHECK (a > 0))"], ["INSERT INTO ec_t VALUES (-1)"]),
    ("25006", [], ["BEGIN READ ONLY", "CREATE TABLE ec_ro (a int)"]),
    ("25006", ["CREATE TABLE ec_t (a int)"], ["SET default_transaction_read_only = on", "INSERT INTO ec_t VALUES (1)"]),
    ("25006", ["CREATE TABLE ec_t (a int)"],
     ["SET default_transaction_read_only = on", "BEGIN", "INSERT INTO ec_t VALUES (1)"]),
    ("25P02", [], ["BEGIN", "SELECT ec_oops", "SELECT 1"]),
    ("21000", [], ["SELECT (SELECT x FROM (VALUES (1), (2)) v(x))"]),
    ("26000", [], ["EXECUTE ec_no_such_prepared"]),
    ("34000", [], ["FETCH 1 FROM ec_no_such_cursor"]),
    ("55P02", [], ["SET server_version = '1'"]),
    ("0A000", [], ["CREATE EXTENSION ec_no_such_extension_xyz"]),
]
CLEANUP = ["DROP VIEW IF EXISTS ec_v", "DROP TABLE IF EXISTS ec_c", "DROP TABLE IF EXISTS ec_p",
           "DROP TABLE IF EXISTS ec_t", "DROP TABLE IF EXISTS ec_u", "DROP TABLE IF EXISTS ec_ro",
           "DROP TYPE IF EXISTS ec_mood", "DROP SCHEMA IF EXISTS ec_s"]


def failing_sqlstate(server: harness.Server, setup: list[str], statements: list[str]) -> str | None:
    with pg3(server) as conn:
        for statement in CLEANUP + setup:
            conn.execute(statement)
        code = None
        for statement in statements:  # the code of the last one (earlier ones may fail, as in 25P02)
            try:
                conn.execute(statement)
                code = None
            except psycopg.Error as error:
                code = error.diag.sqlstate
    return code


def cleanup(server: harness.Server) -> None:
    with pg3(server) as conn:
        for statement in CLEANUP:
            conn.execute(statement)


@pytest.mark.parametrize("sqlstate, setup, statements", CASES,
                         ids=[f"{code}-{i}" for i, (code, _, _) in enumerate(CASES)])
def test_same_sqlstate_as_postgres(pg, duckgres, sqlstate, setup, statements) -> None:
    try:
        codes = {server.kind: failing_sqlstate(server, setup, statements) for server in (pg, duckgres)}
    finally:
        cleanup(pg)
        cleanup(duckgres)
    assert codes == {pg.kind: sqlstate, duckgres.kind: sqlstate}, statements


def test_serialization_failure_40001(pg, duckgres) -> None:
    """Two transactions update the same row: the later one fails with 40001 on both (PostgreSQL at
    REPEATABLE READ, DuckDB's snapshot isolation)."""
    codes = {}
    for server in (pg, duckgres):
        with pg3(server) as setup:
            setup.execute("DROP TABLE IF EXISTS ec_conflict")
            setup.execute("CREATE TABLE ec_conflict (id int PRIMARY KEY, v int)")
            setup.execute("INSERT INTO ec_conflict VALUES (1, 0)")
        with pg3(server) as first, pg3(server) as second:
            first.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
            second.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
            second.execute("SELECT v FROM ec_conflict")  # takes the snapshot
            first.execute("UPDATE ec_conflict SET v = 1 WHERE id = 1")
            first.execute("COMMIT")
            try:
                second.execute("UPDATE ec_conflict SET v = 2 WHERE id = 1")
                second.execute("COMMIT")
                codes[server.kind] = None
            except psycopg.Error as error:
                codes[server.kind] = error.diag.sqlstate
        with pg3(server) as done:
            done.execute("DROP TABLE ec_conflict")
    assert codes == {pg.kind: "40001", duckgres.kind: "40001"}


def test_codes_only_duckgres_can_show(duckgres) -> None:
    """Not differential: PostgreSQL's test user is a superuser that may read server files (42501), and
    its missing-file code is 58P01 where DuckDB's I/O errors are one class (58030, with external access on)."""
    with pg3(duckgres) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("COPY (SELECT 1) TO '/tmp/duckgres-error-codes.csv'")
    server = harness.start_duckgres(config={"allow_external_access": True})
    try:
        with pg3(server) as conn:
            with pytest.raises(psycopg.Error) as caught:
                conn.execute("SELECT * FROM read_csv('/nonexistent/duckgres/file.csv')")
            assert caught.value.diag.sqlstate == "58030"
    finally:
        server.cleanup()


def _pipeline_outcomes(server: harness.Server) -> list:
    """An explicit transaction whose statements go in pipelines (extended protocol, one Sync each): after an
    error the rest of its pipeline is skipped, the block is aborted (25P02 for the next pipeline) until ROLLBACK."""
    outcomes: list = []
    with pg3(server, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS ec_pipe")
        conn.execute("CREATE TABLE ec_pipe (a int)")
        conn.execute("BEGIN")
        for batch in (["INSERT INTO ec_pipe VALUES (1)", "SELECT 1 / 0", "INSERT INTO ec_pipe VALUES (2)"],
                      ["SELECT count(*) FROM ec_pipe"]):
            try:
                with conn.pipeline():
                    for statement in batch:
                        conn.execute(statement)
                outcomes.append("ok")
            except psycopg.Error as error:
                outcomes.append(error.diag.sqlstate or type(error).__name__)
            outcomes.append(conn.info.transaction_status.name)
        conn.execute("ROLLBACK")
        outcomes.append(conn.execute("SELECT count(*) FROM ec_pipe").fetchone()[0])
        conn.execute("DROP TABLE ec_pipe")
    return outcomes


def test_aborted_transaction_in_pipelines_like_postgres(pg, duckgres) -> None:
    expected = _pipeline_outcomes(pg)
    assert expected == ["22012", "INERROR", "25P02", "INERROR", 0], expected
    assert _pipeline_outcomes(duckgres) == expected
