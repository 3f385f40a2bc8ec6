"""Query behaviour through drivers: multi-statement simple queries, empty queries, NULLs, large
results, big values, concurrent sessions, and the refusal of the extended query protocol."""

from __future__ import annotations

import struct
import threading

import psycopg
import pytest
from psycopg import pq

import harness
from clients import parse_error_fields, pg2, pg3, pg3_simple, raw_session, read_message, send_message  # noqa: F401
from differential import exec_message


def _results(conn: psycopg.Connection, sql: bytes) -> list[pq.PGresult]:
    """All results of one simple Query message (PQsendQuery + PQgetResult until NULL)."""
    pgconn = conn.pgconn
    pgconn.send_query(sql)
    out = []
    while True:
        res = pgconn.get_result()
        if res is None:
            return out
        out.append(res)


# ------------------------------------------------------------------------------------------------
# Multi-statement simple queries

def test_multi_statement_returns_every_result(duckgres) -> None:
    with pg3(duckgres) as conn:
        results = _results(conn, b"select 1 as a; select 'x' as b, 2 as c; select 3 where false")
        assert [r.status for r in results] == [pq.ExecStatus.TUPLES_OK] * 3
        assert [r.command_status for r in results] == [b"SELECT 1", b"SELECT 1", b"SELECT 0"]
        assert results[1].nfields == 2 and results[1].fname(0) == b"b"
        assert results[1].get_value(0, 0) == b"x" and results[1].get_value(0, 1) == b"2"


def test_multi_statement_stops_at_first_error_and_rolls_back(duckgres) -> None:
    with pg3(duckgres) as conn:
        conn.execute("drop table if exists q_multi_err")
        conn.execute("create table q_multi_err (v int)")
        try:
            results = _results(conn, b"insert into q_multi_err values (1); select 1/0; "
                                     b"insert into q_multi_err values (2); select 'not reached'")
            assert [r.status for r in results] == [pq.ExecStatus.COMMAND_OK, pq.ExecStatus.FATAL_ERROR]
            assert results[0].command_status == b"INSERT 0 1"
            assert results[1].error_field(pq.DiagnosticField.SQLSTATE) == b"22012"
            assert conn.info.transaction_status == pq.TransactionStatus.IDLE
            # The statements of one Query message form one implicit transaction: the first
            # INSERT is rolled back with the failed statement.
            assert conn.execute("select count(*) from q_multi_err").fetchone() == (0,)
        finally:
            conn.execute("drop table if exists q_multi_err")


def test_multi_statement_with_explicit_commit_keeps_committed_part(duckgres) -> None:
    with pg3(duckgres) as conn:
        conn.execute("drop table if exists q_multi_commit")
        conn.execute("create table q_multi_commit (v int)")
        try:
            results = _results(conn, b"begin; insert into q_multi_commit values (1); commit; "
                                     b"insert into q_multi_commit values (2); select 1/0")
            assert [r.command_status for r in results[:4]] == [b"BEGIN", b"INSERT 0 1", b"COMMIT", b"INSERT 0 1"]
            assert results[4].status == pq.ExecStatus.FATAL_ERROR
            assert conn.execute("select v from q_multi_commit order by v").fetchall() == [(1,)]
        finally:
            conn.execute("drop table if exists q_multi_commit")


def test_multi_statement_psycopg2_returns_last_result(duckgres) -> None:
    conn = pg2(duckgres)
    try:
        cur = conn.cursor()
        cur.execute("select 1; select 2 as two")
        assert [d.name for d in cur.description] == ["two"]
        assert cur.fetchall() == [(2,)]
    finally:
        conn.close()


# ------------------------------------------------------------------------------------------------
# Empty queries

@pytest.mark.parametrize("sql", [b"", b"   ", b";", b" ; ;", b"-- only a comment", b"/* block */"])
def test_empty_query(duckgres, sql: bytes) -> None:
    with pg3(duckgres) as conn:
        results = _results(conn, sql)
        assert [r.status for r in results] == [pq.ExecStatus.EMPTY_QUERY], sql
        assert conn.info.transaction_status == pq.TransactionStatus.IDLE
        assert conn.execute("select 1").fetchone() == (1,)


def test_empty_query_inside_transaction(duckgres) -> None:
    with pg3(duckgres) as conn:
        conn.execute("begin")
        res = conn.pgconn.exec_(b"")
        assert res.status == pq.ExecStatus.EMPTY_QUERY
        assert conn.info.transaction_status == pq.TransactionStatus.INTRANS
        conn.execute("rollback")


# ------------------------------------------------------------------------------------------------
# NULLs

def test_nulls_raw(duckgres) -> None:
    with pg3(duckgres) as conn:
        res = conn.pgconn.exec_(b"select null, null::int, null::text, '', null::bool, null::date, "
                                b"null::numeric, null::int[], array[null]::int[]")
        assert res.status == pq.ExecStatus.TUPLES_OK
        values = [res.get_value(0, i) for i in range(res.nfields)]
        assert values == [None, None, None, b"", None, None, None, None, b"{NULL}"]
        oids = [res.ftype(i) for i in range(res.nfields)]
        # A bare NULL in a select list is text (25), as in PostgreSQL (DuckDB alone types it integer).
        assert oids == [25, 23, 25, 25, 16, 1082, 1700, 1007, 1007]


@pytest.mark.parametrize("driver", ["psycopg", "psycopg2"])
def test_nulls_through_drivers(duckgres, driver: str) -> None:
    # psycopg 3 binds parameters client-side here (simple protocol; see clients.pg3_simple).
    conn = pg3_simple(duckgres) if driver == "psycopg" else pg2(duckgres)
    try:
        cur = conn.cursor()
        cur.execute("select v, v is null as isnull from (values (1), (null), (3)) t(v) order by v nulls first")
        assert cur.fetchall() == [(None, True), (1, False), (3, False)]
        cur.execute("select %s::text as t, %s::int as i", (None, None))
        assert cur.fetchall() == [(None, None)]
    finally:
        conn.close()


# ------------------------------------------------------------------------------------------------
# Large results and values

def _stream_simple(pgconn: pq.PGconn, sql: bytes):
    """Rows of a simple-protocol query one at a time (libpq single-row mode)."""
    pgconn.send_query(sql)
    pgconn.set_single_row_mode()
    while True:
        res = pgconn.get_result()
        if res is None:
            return
        if res.status == pq.ExecStatus.SINGLE_TUPLE:
            yield [res.get_value(0, c) for c in range(res.nfields)]
        elif res.status != pq.ExecStatus.TUPLES_OK:  # TUPLES_OK with 0 rows ends the stream
            raise AssertionError(f"{pq.ExecStatus(res.status).name}: {res.error_message!r}")


@pytest.mark.slow
def test_large_result_streamed(duckgres) -> None:
    """Rows received one at a time (libpq single-row mode, simple protocol). The 1,000,000-row
    count through psql is in test_psql.py (Python's per-row cost is the limit here)."""
    n = total = 0
    last = None
    with pg3(duckgres) as conn:
        for (g,) in _stream_simple(conn.pgconn, b"select g from generate_series(1, 300000) as t(g) order by g"):
            n += 1
            total += int(g)
            last = g
        assert conn.execute("select 'still usable'").fetchone() == ("still usable",)
    assert n == 300_000 and last == b"300000"
    assert total == 300_000 * 300_001 // 2


@pytest.mark.slow
def test_large_result_psycopg_stream(duckgres) -> None:
    """The same through psycopg's cursor.stream() (single-row mode; through the simple protocol,
    see clients.SimpleProtocolCursor)."""
    n = 0
    with pg3_simple(duckgres) as conn:
        for (g,) in conn.cursor().stream("select g from generate_series(1, 100000) as t(g) order by g"):
            n += 1
            assert g == n
    assert n == 100_000


@pytest.mark.slow
def test_large_result_buffered(duckgres) -> None:
    with pg3(duckgres) as conn:
        res = conn.pgconn.exec_(b"select g, 'row ' || g from generate_series(1, 300000) as t(g)")
        assert res.status == pq.ExecStatus.TUPLES_OK, res.error_message
        assert res.ntuples == 300000 and res.command_status == b"SELECT 300000"
        values = sorted(int(res.get_value(i, 0)) for i in range(res.ntuples))
        assert values == list(range(1, 300001))


def test_big_text_value(duckgres) -> None:
    with pg3(duckgres) as conn:
        value = conn.execute("select repeat('abcdefghij', 1000000)").fetchone()[0]
        assert len(value) == 10_000_000 and value[:20] == "abcdefghijabcdefghij"


def test_big_parameter_value(duckgres) -> None:
    """A 1 MB parameter, bound client-side into the query text (simple protocol)."""
    with pg3_simple(duckgres) as conn:
        value = conn.execute("select %s::text", ("é" * 500_000,)).fetchone()[0]
        assert value == "é" * 500_000


def test_big_query_text(duckgres) -> None:
    values = ", ".join(f"({i})" for i in range(50000))
    with pg3(duckgres) as conn:
        assert conn.execute(f"select count(*), sum(v) from (values {values}) as t(v)").fetchone() == (
            50000, sum(range(50000)))


# ------------------------------------------------------------------------------------------------
# Concurrency

def test_two_concurrent_sessions(duckgres) -> None:
    with pg3(duckgres) as a, pg3(duckgres) as b:
        a.execute("drop table if exists q_conc_a")
        a.execute("create table q_conc_a (v int)")
        try:
            a.execute("begin")
            b.execute("begin")
            a.execute("insert into q_conc_a values (1)")
            assert b.execute("select count(*) from q_conc_a").fetchone() == (0,)
            assert a.execute("select count(*) from q_conc_a").fetchone() == (1,)
            a.execute("commit")
            b.execute("commit")
            assert b.execute("select count(*) from q_conc_a").fetchone() == (1,)
        finally:
            a.execute("drop table if exists q_conc_a")


def test_parallel_sessions_in_threads(duckgres) -> None:
    errors: list[BaseException] = []
    n_threads, n_rows = 8, 200

    def worker(i: int) -> None:
        try:
            with pg3(duckgres) as conn:
                table = f"q_thread_{i}"
                conn.execute(f"drop table if exists {table}")
                conn.execute(f"create table {table} (v int)")
                for k in range(n_rows):
                    conn.execute(f"insert into {table} values ({k})")
                got = conn.execute(f"select count(*), sum(v) from {table}").fetchone()
                assert got == (n_rows, sum(range(n_rows))), got
                big = conn.execute("select count(*) from generate_series(1, 200000)").fetchone()
                assert big == (200000,)
                conn.execute(f"drop table {table}")
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n_threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=240)
    assert not any(t.is_alive() for t in threads), "a session hung"
    assert not errors, errors


def test_query_while_other_session_streams(duckgres) -> None:
    """A session reading a big result slowly must not block another session."""
    slow = pg3(duckgres)
    try:
        with pg3(duckgres) as fast:
            stream = _stream_simple(slow.pgconn, b"select g from generate_series(1, 500000) as t(g) order by g")
            assert next(stream) == [b"1"]
            for _ in range(10):
                results = exec_message(fast.pgconn, "select 42", timeout=20)
                assert results[0]["rows"] == [[b"42"]]
            assert next(stream) == [b"2"]
    finally:
        slow.close()  # mid-result: close without the commit psycopg's context manager would try
