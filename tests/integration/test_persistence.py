"""Durability across restarts: committed data survives a SIGTERM shutdown and restart on the same
data dir; uncommitted data does not. Each test uses its own server (never the shared one)."""

from __future__ import annotations

import time

import psycopg
import pytest

from clients import pg3


def _stop(server) -> None:
    rc = server.stop()
    if server.is_duckgres:
        assert rc == 0, f"Duckgres exited with {rc} after SIGTERM\n{server.log_text()}"


@pytest.mark.slow
def test_committed_data_survives_restart(duckgres_factory) -> None:
    server = duckgres_factory({"tls": {"mode": "off"}})
    with pg3(server) as conn:
        conn.execute("create table persist_a (id int primary key, v text, d date, n numeric(10,2))")
        conn.execute("insert into persist_a values (1, 'one', '2024-01-01', 1.5), (2, 'two', null, -2.25)")
        conn.execute("begin")
        conn.execute("insert into persist_a values (3, 'three', '2024-03-03', 3)")
        conn.execute("commit")
        conn.execute("create view persist_a_view as select id, upper(v) as v from persist_a")
        conn.execute("create sequence persist_seq")
        assert conn.execute("select nextval('persist_seq')").fetchone() == (1,)
    _stop(server)
    server.start()
    with pg3(server) as conn:
        rows = conn.execute("select id, v, d::text, n::text from persist_a order by id").fetchall()
        assert rows == [(1, "one", "2024-01-01", "1.50"), (2, "two", None, "-2.25"), (3, "three", "2024-03-03", "3.00")]
        assert conn.execute("select v from persist_a_view where id = 2").fetchone() == ("TWO",)
        assert conn.execute("select nextval('persist_seq')").fetchone()[0] > 1
        # The primary key survived too.
        with pytest.raises(psycopg.errors.UniqueViolation):
            conn.execute("insert into persist_a values (1, 'dup', null, null)")


@pytest.mark.slow
def test_constraint_names_survive_restart(duckgres_factory) -> None:
    server = duckgres_factory({"tls": {"mode": "off"}})
    with pg3(server) as conn:
        conn.execute("create table persist_c (id int constraint persist_c_pk primary key, q int, e text)")
        conn.execute("comment on table persist_c is 'kept'")
        conn.execute("alter table persist_c add constraint persist_c_q check (q > 0)")
        conn.execute("alter table persist_c add constraint persist_c_e unique (e)")
        conn.execute("insert into persist_c values (1, 1, 'a')")
    _stop(server)
    server.start()
    with pg3(server) as conn:
        names = conn.execute(
            "select conname from pg_constraint where conrelid = 'persist_c'::regclass order by 1"
        ).fetchall()
        assert names == [("persist_c_e",), ("persist_c_pk",), ("persist_c_q",)]
        assert conn.execute("select obj_description('persist_c'::regclass, 'pg_class')").fetchone() == ("kept",)
        conn.execute(
            "insert into persist_c values (1, 2, 'b') on conflict on constraint persist_c_pk do update set q = excluded.q"
        )
        assert conn.execute("select q, e from persist_c").fetchall() == [(2, "a")]
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute("insert into persist_c values (2, 0, 'c')")


@pytest.mark.slow
def test_uncommitted_data_is_lost_on_shutdown(duckgres_factory) -> None:
    server = duckgres_factory({"tls": {"mode": "off"}})
    with pg3(server) as conn:
        conn.execute("create table persist_b (v int)")
        conn.execute("insert into persist_b values (1)")
    open_tx = pg3(server)
    try:
        open_tx.execute("begin")
        open_tx.execute("insert into persist_b values (2)")
        open_tx.execute("create table persist_b_uncommitted (v int)")
        # Shut down with the transaction still open: a graceful shutdown must end the session
        # (not wait for it forever) and must not commit its work.
        started = time.monotonic()
        _stop(server)
        assert time.monotonic() - started < 30
    finally:
        open_tx.close()
    server.start()
    with pg3(server) as conn:
        assert conn.execute("select v from persist_b order by v").fetchall() == [(1,)]
        with pytest.raises(psycopg.errors.UndefinedTable):
            conn.execute("select * from persist_b_uncommitted")


@pytest.mark.slow
def test_session_sees_termination_on_shutdown(duckgres_factory) -> None:
    server = duckgres_factory({"tls": {"mode": "off"}})
    conn = pg3(server)
    try:
        assert conn.execute("select 1").fetchone() == (1,)
        _stop(server)
        with pytest.raises(psycopg.OperationalError):
            conn.execute("select 1")
    finally:
        conn.close()


@pytest.mark.slow
def test_restart_many_times(duckgres_factory) -> None:
    server = duckgres_factory({"tls": {"mode": "off"}})
    with pg3(server) as conn:
        conn.execute("create table persist_c (round int)")
    for i in range(3):
        with pg3(server) as conn:
            conn.execute(f"insert into persist_c values ({i})")
        _stop(server)
        server.start()
    with pg3(server) as conn:
        assert conn.execute("select round from persist_c order by round").fetchall() == [(0,), (1,), (2,)]
