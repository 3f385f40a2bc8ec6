"""Concurrent writers: autocommit writes that collide wait and succeed as in PostgreSQL, explicit
transactions that collide fail with 40001 (DuckDB's optimistic concurrency) and succeed when retried,
as pgbench --max-tries does."""
from __future__ import annotations

import os
import re
import subprocess
import threading

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


def test_colliding_explicit_transactions_fail_with_40001_and_retry(duckgres) -> None:
    with psycopg.connect(duckgres.conninfo(), autocommit=True) as setup:
        setup.execute("create table hot_tx (id int primary key, n int)")
        setup.execute("insert into hot_tx values (1, 0)")
    first = psycopg.connect(duckgres.conninfo())
    second = psycopg.connect(duckgres.conninfo())
    try:
        first.execute("update hot_tx set n = n + 1 where id = 1")
        with pytest.raises(psycopg.errors.SerializationFailure):
            second.execute("update hot_tx set n = n + 10 where id = 1")
        second.rollback()
        first.commit()
        second.execute("update hot_tx set n = n + 10 where id = 1")
        second.commit()
        assert second.execute("select n from hot_tx").fetchone() == (11,)
        second.rollback()
    finally:
        first.close()
        second.close()
    with psycopg.connect(duckgres.conninfo(), autocommit=True) as cleanup:
        cleanup.execute("drop table hot_tx")


@pytest.mark.slow
def test_pgbench_several_clients_with_retries(duckgres) -> None:
    env = dict(os.environ, PGPASSWORD="postgres")

    def pgbench(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["pgbench", *args, duckgres.conninfo()], env=env, capture_output=True, text=True,
                              timeout=300)

    init = pgbench("-i", "-q", "-s", "1")
    assert init.returncode == 0, init.stderr
    for mode in ("extended", "prepared"):
        run = pgbench("-n", "-M", mode, "-c", "4", "-j", "2", "-t", "50", "--max-tries", "1000")
        assert run.returncode == 0, (mode, run.stderr)
        assert re.search(r"number of failed transactions: 0 \(0\.000%\)", run.stdout), (mode, run.stdout)
        assert "number of transactions actually processed: 200/200" in run.stdout, (mode, run.stdout)
    check = subprocess.run(
        ["psql", "-X", "-A", "-t", duckgres.conninfo(), "-c",
         "select (select count(*) from pgbench_history), "
         "(select sum(abalance) from pgbench_accounts) = (select sum(delta) from pgbench_history), "
         "(select sum(bbalance) from pgbench_branches) = (select sum(delta) from pgbench_history)"],
        env=env, capture_output=True, text=True, check=True)
    assert check.stdout.strip() == "400|t|t"
    assert pgbench("-i", "-I", "d").returncode == 0
