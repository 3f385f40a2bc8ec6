"""Concurrent writers: a write that collides with another open transaction's write waits for it, as
PostgreSQL's row locks make it wait (serialize_writers, the default: a database's writers take turns), honouring
lock_timeout and statement_timeout and shown in pg_stat_activity; with serialize_writers off, DuckDB's optimistic
concurrency fails the second writer with 40001."""
from __future__ import annotations

import os
import re
import subprocess
import threading
import time

import psycopg
import pytest


def _hammer(server, threads: int, updates: int, statement: str) -> list[str]:
    errors: list[str] = []

    def work() -> None:
        try:
            with psycopg.connect(server.conninfo(), autocommit=True) as conn:
                for _ in range(updates):
                    conn.execute(statement)
        except psycopg.Error as error:
            errors.append(f"{error.sqlstate}: {error}")

    workers = [threading.Thread(target=work) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return errors


def test_autocommit_updates_of_one_row_all_succeed(duckgres, pg) -> None:
    for server in (duckgres, pg):
        with psycopg.connect(server.conninfo(), autocommit=True) as conn:
            conn.execute("drop table if exists hot_counter")
            conn.execute("create table hot_counter (id int primary key, n int)")
            conn.execute("insert into hot_counter values (1, 0)")
        errors = _hammer(server, 6, 100, "update hot_counter set n = n + 1 where id = 1")
        with psycopg.connect(server.conninfo(), autocommit=True) as conn:
            assert (errors, conn.execute("select n from hot_counter").fetchone()) == ([], (600,)), server
            conn.execute("drop table hot_counter")


def _table(server, name: str) -> None:
    with psycopg.connect(server.conninfo(), autocommit=True) as setup:
        setup.execute(f"drop table if exists {name}")
        setup.execute(f"create table {name} (id int primary key, n int)")
        setup.execute(f"insert into {name} values (1, 0), (2, 0)")


def _in_thread(fn) -> tuple[threading.Thread, list]:
    outcome: list = []

    def run() -> None:
        try:
            outcome.append(fn())
        except Exception as error:  # noqa: BLE001 - the test inspects it
            outcome.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def _wait_until(condition, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def test_colliding_writer_waits_for_the_first_transaction(duckgres, pg) -> None:
    for server in (duckgres, pg):
        _table(server, "hot_tx")
        first = psycopg.connect(server.conninfo())
        second = psycopg.connect(server.conninfo())
        watcher = psycopg.connect(server.conninfo(), autocommit=True)
        try:
            first.execute("update hot_tx set n = n + 1 where id = 1")
            second_pid = second.execute("select pg_backend_pid()").fetchone()[0]
            second.commit()
            thread, outcome = _in_thread(lambda: second.execute("update hot_tx set n = n + 10 where id = 1").rowcount)

            def waiting() -> bool:
                row = watcher.execute("select wait_event_type, wait_event, state from pg_stat_activity "
                                      "where pid = %s", (second_pid,)).fetchone()
                return row == ("Lock", "transactionid", "active")

            assert _wait_until(waiting), (server, "the second writer does not wait on a lock")
            assert thread.is_alive()
            first.commit()
            thread.join(10)
            assert outcome == [1], server
            second.commit()
            assert watcher.execute("select n from hot_tx where id = 1").fetchone() == (11,), server
        finally:
            for conn in (first, second, watcher):
                conn.close()
        with psycopg.connect(server.conninfo(), autocommit=True) as cleanup:
            cleanup.execute("drop table hot_tx")


def test_read_committed_write_sees_what_committed_after_the_first_read(duckgres, pg) -> None:
    for server in (duckgres, pg):
        _table(server, "rc_tx")
        reader = psycopg.connect(server.conninfo())
        try:
            assert reader.execute("select n from rc_tx where id = 1").fetchone() == (0,)
            with psycopg.connect(server.conninfo(), autocommit=True) as other:
                other.execute("update rc_tx set n = n + 10 where id = 1")
            # A new statement of a READ COMMITTED transaction sees the commit, and its write builds on it.
            reader.execute("update rc_tx set n = n + 1 where id = 1")
            assert reader.execute("select n from rc_tx where id = 1").fetchone() == (11,), server
            reader.commit()
        finally:
            reader.close()
        with psycopg.connect(server.conninfo(), autocommit=True) as cleanup:
            cleanup.execute("drop table rc_tx")


def test_writers_driven_by_one_thread_do_not_wait_forever(duckgres, pg) -> None:
    # One thread, two connections, two write transactions on different rows: PostgreSQL never makes the second
    # wait. The write lock is per database, so Duckgres' second writer waits, but only for deadlock_timeout: the
    # first cannot end while the thread waits for the second. It then goes on optimistically (no conflict here).
    for server in (duckgres, pg):
        _table(server, "one_thread_tx")
        first = psycopg.connect(server.conninfo())
        second = psycopg.connect(server.conninfo())
        try:
            second.execute("set deadlock_timeout = '200ms'")
            first.execute("insert into one_thread_tx values (10, 1)")
            second.execute("insert into one_thread_tx values (20, 2)")
            second.execute("update one_thread_tx set n = 5 where id = 2")
            first.commit()
            second.commit()
            assert first.execute("select count(*), sum(n) from one_thread_tx").fetchone() == (4, 8), server
            first.rollback()
        finally:
            first.close()
            second.close()
        with psycopg.connect(server.conninfo(), autocommit=True) as cleanup:
            cleanup.execute("drop table one_thread_tx")


def test_select_for_update_holds_the_row_until_commit(duckgres, pg) -> None:
    # The classic read-modify-write: SELECT ... FOR UPDATE, then UPDATE from what was read. A second transaction
    # doing the same waits for the first to commit and then reads its result, so no update is lost.
    for server in (duckgres, pg):
        _table(server, "for_update_tx")
        first = psycopg.connect(server.conninfo())
        second = psycopg.connect(server.conninfo())
        try:
            n = first.execute("select n from for_update_tx where id = 1 for update").fetchone()[0]

            def read_then_write() -> int:
                got = second.execute("select n from for_update_tx where id = 1 for update").fetchone()[0]
                second.execute("update for_update_tx set n = %s where id = 1", (got + 10,))
                second.commit()
                return got

            thread, outcome = _in_thread(read_then_write)
            time.sleep(0.3)
            assert thread.is_alive(), server
            first.execute("update for_update_tx set n = %s where id = 1", (n + 1,))
            first.commit()
            thread.join(10)
            assert outcome == [1], server
            assert first.execute("select n from for_update_tx where id = 1").fetchone() == (11,), server
            first.rollback()
        finally:
            first.close()
            second.close()
        with psycopg.connect(server.conninfo(), autocommit=True) as cleanup:
            cleanup.execute("drop table for_update_tx")


@pytest.mark.parametrize("statement, message", [
    ("select n from nowait_tx where id = 1 for update nowait", 'could not obtain lock on row in relation "nowait_tx"'),
    ("lock table nowait_tx in exclusive mode nowait", 'could not obtain lock on relation "nowait_tx"'),
])
def test_nowait_fails_at_once_while_another_transaction_holds_the_lock(duckgres, pg, statement: str,
                                                                        message: str) -> None:
    for server in (duckgres, pg):
        _table(server, "nowait_tx")
        first = psycopg.connect(server.conninfo())
        second = psycopg.connect(server.conninfo())
        try:
            first.execute("lock table nowait_tx in share row exclusive mode")
            first.execute("select n from nowait_tx where id = 1 for update")
            with pytest.raises(psycopg.Error) as failure:
                second.execute(statement)
            assert (failure.value.sqlstate, failure.value.diag.message_primary) == ("55P03", message), server
            second.rollback()
            first.commit()
            second.execute(statement)
            second.commit()
        finally:
            first.close()
            second.close()
        with psycopg.connect(server.conninfo(), autocommit=True) as cleanup:
            cleanup.execute("drop table nowait_tx")


@pytest.mark.parametrize("setting, sqlstate, message", [
    ("lock_timeout", "55P03", "canceling statement due to lock timeout"),
    ("statement_timeout", "57014", "canceling statement due to statement timeout"),
])
def test_waiting_writer_gives_up_after_its_timeout(duckgres, pg, setting: str, sqlstate: str,
                                                   message: str) -> None:
    for server in (duckgres, pg):
        _table(server, "timeout_tx")
        first = psycopg.connect(server.conninfo())
        second = psycopg.connect(server.conninfo(), autocommit=True)
        try:
            first.execute("update timeout_tx set n = 1 where id = 1")
            second.execute(f"set {setting} = '300ms'")
            started = time.monotonic()
            with pytest.raises(psycopg.Error) as failure:
                second.execute("update timeout_tx set n = 2 where id = 1")
            assert (failure.value.sqlstate, failure.value.diag.message_primary) == (sqlstate, message), server
            assert time.monotonic() - started < 10
            first.commit()
            second.execute(f"reset {setting}")
            second.execute("update timeout_tx set n = n + 1 where id = 1")
            assert second.execute("select n from timeout_tx where id = 1").fetchone() == (2,), server
        finally:
            first.close()
            second.close()
        with psycopg.connect(server.conninfo(), autocommit=True) as cleanup:
            cleanup.execute("drop table timeout_tx")


def test_optimistic_writers_fail_with_40001_when_serialize_writers_is_off(duckgres_factory) -> None:
    server = duckgres_factory({"serialize_writers": "false"})
    _table(server, "hot_opt")
    first = psycopg.connect(server.conninfo())
    second = psycopg.connect(server.conninfo())
    try:
        first.execute("update hot_opt set n = n + 1 where id = 1")
        with pytest.raises(psycopg.errors.SerializationFailure):
            second.execute("update hot_opt set n = n + 10 where id = 1")
        second.rollback()
        first.commit()
        second.execute("update hot_opt set n = n + 10 where id = 1")
        second.commit()
        assert second.execute("select n from hot_opt where id = 1").fetchone() == (11,)
        second.rollback()
    finally:
        first.close()
        second.close()


@pytest.mark.slow
def test_pgbench_several_clients_without_retries(duckgres) -> None:
    env = dict(os.environ, PGPASSWORD="postgres")

    def pgbench(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["pgbench", *args, duckgres.conninfo()], env=env, capture_output=True, text=True,
                              timeout=300)

    init = pgbench("-i", "-q", "-s", "1")
    assert init.returncode == 0, init.stderr
    for mode in ("simple", "extended", "prepared"):
        run = pgbench("-n", "-M", mode, "-c", "8", "-j", "2", "-t", "40")
        assert run.returncode == 0, (mode, run.stderr)
        assert re.search(r"number of failed transactions: 0 \(0\.000%\)", run.stdout), (mode, run.stdout)
        assert "number of transactions actually processed: 320/320" in run.stdout, (mode, run.stdout)
    check = subprocess.run(
        ["psql", "-X", "-A", "-t", duckgres.conninfo(), "-c",
         "select (select count(*) from pgbench_history), "
         "(select sum(abalance) from pgbench_accounts) = (select sum(delta) from pgbench_history), "
         "(select sum(bbalance) from pgbench_branches) = (select sum(delta) from pgbench_history)"],
        env=env, capture_output=True, text=True, check=True)
    assert check.stdout.strip() == "960|t|t"
    assert pgbench("-i", "-I", "d").returncode == 0
