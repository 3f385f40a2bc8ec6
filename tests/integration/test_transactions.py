"""Transactions through real drivers: visibility across sessions, transaction status in
ReadyForQuery (I/T/E), the aborted-block error, and the ROLLBACK tag for COMMIT in a failed block."""

from __future__ import annotations

import hashlib
import re

import psycopg
import psycopg2
import pytest
from psycopg import pq

from clients import pg2, pg3, pg3_simple

ABORTED = "current transaction is aborted, commands ignored until end of transaction block"
IDLE, INTRANS, INERROR = pq.TransactionStatus.IDLE, pq.TransactionStatus.INTRANS, pq.TransactionStatus.INERROR


def _count(conn, table: str) -> int:
    return conn.execute(f"select count(*) from {table}").fetchone()[0]


@pytest.fixture
def table(duckgres, request):
    """A fresh table name for this test, dropped afterwards."""
    node = request.node.name
    name = "tx_" + re.sub(r"[^a-z0-9_]", "_", node.lower())[:40] + "_" + hashlib.sha1(node.encode()).hexdigest()[:8]
    with pg3(duckgres) as conn:
        conn.execute(f"drop table if exists {name}")
        conn.execute(f"create table {name} (id int, v text)")
    yield name
    with pg3(duckgres) as conn:
        conn.execute(f"drop table if exists {name}")


def test_commit_visibility_across_connections(duckgres, table: str) -> None:
    with pg3(duckgres) as a, pg3(duckgres) as b:
        a.execute("BEGIN")
        a.execute(f"insert into {table} values (1, 'x')")
        assert _count(a, table) == 1
        assert _count(b, table) == 0, "uncommitted row visible to another session"
        a.execute("COMMIT")
        assert _count(b, table) == 1


def test_rollback_discards(duckgres, table: str) -> None:
    with pg3(duckgres) as a, pg3(duckgres) as b:
        a.execute(f"insert into {table} values (1, 'kept')")
        a.execute("BEGIN")
        a.execute(f"insert into {table} values (2, 'discarded')")
        a.execute(f"update {table} set v = 'changed' where id = 1")
        a.execute("ROLLBACK")
        for conn in (a, b):
            assert conn.execute(f"select id, v from {table} order by id").fetchall() == [(1, "kept")]


def test_transaction_status_idle_intrans_inerror(duckgres) -> None:
    with pg3(duckgres) as conn:
        status = lambda: conn.info.transaction_status  # noqa: E731
        assert status() == IDLE
        conn.execute("BEGIN")
        assert status() == INTRANS
        conn.execute("select 1")
        assert status() == INTRANS
        with pytest.raises(psycopg.errors.DivisionByZero):
            conn.execute("select 1/0")
        assert status() == INERROR
        conn.execute("ROLLBACK")
        assert status() == IDLE
        with pytest.raises(psycopg.errors.DivisionByZero):
            conn.execute("select 1/0")
        assert status() == IDLE, "an error outside a transaction block leaves the session idle"


def test_aborted_block_rejects_every_statement(duckgres, table: str) -> None:
    with pg3(duckgres) as conn:
        conn.execute("BEGIN")
        conn.execute(f"insert into {table} values (1, 'a')")
        with pytest.raises(psycopg.errors.UndefinedTable):
            conn.execute("select * from tx_no_such_table_anywhere")
        for sql in ("select 1", f"insert into {table} values (2, 'b')", "show TimeZone",
                    "set TimeZone = 'UTC'", f"select * from {table}", "begin"):
            with pytest.raises(psycopg.errors.InFailedSqlTransaction) as ei:
                conn.execute(sql)
            assert ei.value.sqlstate == "25P02", sql
            assert ei.value.diag.message_primary == ABORTED, sql
            assert conn.info.transaction_status == INERROR
        conn.execute("ROLLBACK")
        assert _count(conn, table) == 0


def test_commit_in_failed_block_reports_rollback_psycopg(duckgres, table: str) -> None:
    with pg3(duckgres) as conn:
        conn.execute("BEGIN")
        conn.execute(f"insert into {table} values (1, 'a')")
        with pytest.raises(psycopg.Error):
            conn.execute("select 1/0")
        res = conn.pgconn.exec_(b"COMMIT")
        assert res.status == pq.ExecStatus.COMMAND_OK, res.error_message
        assert res.command_status == b"ROLLBACK"
        assert conn.info.transaction_status == IDLE
        assert _count(conn, table) == 0


def test_commit_in_failed_block_reports_rollback_psycopg2(duckgres, table: str) -> None:
    conn = pg2(duckgres)
    try:
        cur = conn.cursor()
        cur.execute("BEGIN")
        assert cur.statusmessage == "BEGIN"
        cur.execute(f"insert into {table} values (1, 'a')")
        assert cur.statusmessage == "INSERT 0 1"
        with pytest.raises(psycopg2.Error) as ei:
            cur.execute("select 1/0")
        assert ei.value.pgcode == "22012"
        with pytest.raises(psycopg2.Error) as ei:
            cur.execute("select 1")
        assert ei.value.pgcode == "25P02"
        assert ei.value.pgerror.startswith(f"ERROR:  {ABORTED}")
        cur.execute("COMMIT")
        assert cur.statusmessage == "ROLLBACK"
        cur.execute(f"select count(*) from {table}")
        assert cur.fetchone() == (0,)
    finally:
        conn.close()


def test_status_messages_psycopg2(duckgres, table: str) -> None:
    conn = pg2(duckgres)
    try:
        cur = conn.cursor()
        expected = [
            ("BEGIN", "BEGIN"),
            (f"insert into {table} values (1, 'a'), (2, 'b'), (3, 'c')", "INSERT 0 3"),
            (f"update {table} set v = 'z' where id >= 2", "UPDATE 2"),
            (f"delete from {table} where id = 3", "DELETE 1"),
            (f"select * from {table}", "SELECT 2"),
            ("COMMIT", "COMMIT"),
            ("START TRANSACTION", "START TRANSACTION"),
            ("ROLLBACK", "ROLLBACK"),
        ]
        for sql, tag in expected:
            cur.execute(sql)
            assert cur.statusmessage == tag, sql
    finally:
        conn.close()


def test_psycopg2_implicit_transactions(duckgres, table: str) -> None:
    """psycopg2's default (non-autocommit) mode sends BEGIN itself; commit()/rollback() end it."""
    conn = pg2(duckgres, autocommit=False)
    other = pg2(duckgres)
    try:
        cur = conn.cursor()
        cur.execute(f"insert into {table} values (1, 'a')")
        assert conn.info.transaction_status == psycopg2.extensions.TRANSACTION_STATUS_INTRANS
        ocur = other.cursor()
        ocur.execute(f"select count(*) from {table}")
        assert ocur.fetchone() == (0,)
        conn.commit()
        ocur.execute(f"select count(*) from {table}")
        assert ocur.fetchone() == (1,)
        cur.execute(f"insert into {table} values (2, 'b')")
        conn.rollback()
        ocur.execute(f"select count(*) from {table}")
        assert ocur.fetchone() == (1,)
    finally:
        conn.close()
        other.close()


def test_psycopg3_transaction_block(duckgres, table: str) -> None:
    """conn.transaction() and the non-autocommit mode; psycopg's own BEGIN/COMMIT/ROLLBACK travel
    through the simple protocol (clients.SimpleProtocolConnection)."""
    with pg3_simple(duckgres, autocommit=False) as conn:
        with conn.transaction():
            conn.execute(f"insert into {table} values (1, 'a')")
        with pytest.raises(ZeroDivisionError):
            with conn.transaction():
                conn.execute(f"insert into {table} values (2, 'b')")
                raise ZeroDivisionError("abort the block")
        conn.commit()
        assert conn.execute(f"select id from {table} order by id").fetchall() == [(1,)]
        conn.rollback()


def test_error_outside_block_does_not_stick(duckgres) -> None:
    with pg3(duckgres) as conn:
        with pytest.raises(psycopg.errors.UndefinedColumn):
            conn.execute("select no_such_column")
        assert conn.execute("select 'fine'").fetchone() == ("fine",)


def test_rollback_and_commit_outside_block(duckgres) -> None:
    with pg3(duckgres) as conn:
        for sql, tag in ((b"COMMIT", b"COMMIT"), (b"ROLLBACK", b"ROLLBACK")):
            res = conn.pgconn.exec_(sql)
            assert res.status == pq.ExecStatus.COMMAND_OK and res.command_status == tag
            assert conn.info.transaction_status == IDLE


# ------------------------------------------------------------------------------------------------
# Savepoints (docs/compatibility.md): SAVEPOINT / RELEASE always; ROLLBACK TO restores the parameters and, after a
# write or an error that aborted DuckDB's transaction, runs the transaction's writes before the savepoint again.

SAVEPOINT_SCRIPT = [
    "savepoint a", "release savepoint a", "rollback to savepoint a",
    "begin", "insert into {t} values (1)", "savepoint s1", "select nosuch from {t}", "select 1",
    "rollback to savepoint s1", "select count(*) from {t}", "savepoint s2", "set statement_timeout = '7s'",
    "rollback to s2", "show statement_timeout", "release s2", "release s2", "select 2", "rollback",
    "begin", "savepoint z", "savepoint z2", "release z", "insert into {t} values (6)", "commit",
    "select count(*) from {t}",
]


def _savepoint_outcomes(server, table: str) -> list:
    out = []
    with pg3(server) as conn:
        conn.execute(f"create table if not exists {table} (a int primary key)")
        for template in SAVEPOINT_SCRIPT:
            sql = template.format(t=table)
            try:
                cur = conn.execute(sql)
                out.append((sql, cur.fetchall() if cur.description else cur.statusmessage,
                            conn.info.transaction_status.name))
            except psycopg.Error as error:
                out.append((sql, error.diag.sqlstate, conn.info.transaction_status.name))
        conn.execute(f"drop table {table}")
    return out


def test_savepoints_like_postgres(pg, duckgres, table: str) -> None:
    assert _savepoint_outcomes(duckgres, table + "_sp") == _savepoint_outcomes(pg, table + "_sp")


def test_psycopg_nested_transaction_recovers_from_a_bind_error(duckgres, table: str) -> None:
    with pg3(duckgres) as conn:
        with conn.transaction():
            conn.execute(f"insert into {table} values (1, 'a')")
            with pytest.raises(psycopg.errors.UndefinedColumn):
                with conn.transaction():  # SAVEPOINT ... ROLLBACK TO SAVEPOINT on the error
                    conn.execute(f"select nosuch from {table}")
            conn.execute(f"insert into {table} values (2, 'b')")
        assert _count(conn, table) == 2


def test_rollback_to_savepoint_undoes_writes_like_postgres(pg, duckgres) -> None:
    # psycopg's nested transaction around a failing INSERT after earlier writes (Django's get_or_create does this),
    # parameters bound through the extended protocol: the earlier writes stay, the failed block's go.
    outcomes = []
    for server in (pg, duckgres):
        with pg3(server) as conn:
            conn.execute("drop table if exists sp_replay")
            conn.execute("create table sp_replay (id int primary key, v text)")
            conn.commit()
            with conn.transaction():
                conn.execute("insert into sp_replay values (%s, %s)", (1, "a"))
                conn.execute("update sp_replay set v = v || %s where id = %s", ("!", 1))
                with pytest.raises(psycopg.errors.UniqueViolation):
                    with conn.transaction():
                        conn.execute("insert into sp_replay values (%s, %s)", (2, "b"))
                        conn.execute("insert into sp_replay values (%s, %s)", (1, "dup"))
                with conn.transaction():
                    conn.execute("insert into sp_replay values (%s, %s)", (3, "c"))
                with conn.transaction():
                    conn.execute("delete from sp_replay where id = %s", (1,))
                    raise psycopg.Rollback()  # ROLLBACK TO SAVEPOINT, and the outer block goes on
            outcomes.append(conn.execute("select id, v from sp_replay order by id").fetchall())
            conn.execute("drop table sp_replay")
            conn.commit()
    assert outcomes[0] == outcomes[1] == [(1, "a!"), (3, "c")]


def test_rollback_to_savepoint_refuses_what_cannot_run_again(duckgres, table: str) -> None:
    with pg3(duckgres) as conn:
        conn.execute("begin")
        conn.execute(f"insert into {table} values (5, md5(random()::text))")
        conn.execute("savepoint x")
        conn.execute(f"insert into {table} values (6, 'f')")
        with pytest.raises(psycopg.errors.FeatureNotSupported) as caught:
            conn.execute("rollback to savepoint x")
        assert "cannot be run again" in caught.value.diag.message_primary
        assert conn.info.transaction_status == INERROR
        conn.execute("rollback")
        assert _count(conn, table) == 0


def test_set_transaction_read_only_refuses_writes(pg, duckgres) -> None:
    outcomes = []
    for server in (pg, duckgres):
        seen = []
        with pg3(server) as conn:
            conn.execute("DROP TABLE IF EXISTS tx_ro")
            conn.execute("CREATE TABLE tx_ro (a int)")
            conn.execute("PREPARE tx_ro_read AS SELECT count(*) FROM tx_ro")
            conn.execute("PREPARE tx_ro_write AS INSERT INTO tx_ro VALUES (1)")
            for script in (["BEGIN", "SET TRANSACTION READ ONLY", "SELECT count(*) FROM tx_ro", "EXECUTE tx_ro_read",
                            "EXECUTE tx_ro_write"],
                           ["BEGIN", "SET TRANSACTION READ ONLY", "UPDATE tx_ro SET a = 2"],
                           ["BEGIN", "INSERT INTO tx_ro VALUES (3)", "COMMIT AND CHAIN", "INSERT INTO tx_ro VALUES (4)"]):
                for statement in script:
                    try:
                        conn.execute(statement)
                        seen.append(conn.info.transaction_status.name)
                    except psycopg.Error as error:
                        seen.append((error.diag.sqlstate, error.diag.message_primary))
                conn.execute("ROLLBACK")
            seen.append(conn.execute("SELECT a FROM tx_ro ORDER BY a").fetchall())
            conn.execute("DROP TABLE tx_ro")
        outcomes.append(seen)
    assert ("25006", "cannot execute INSERT in a read-only transaction") in outcomes[0]
    assert outcomes[1] == outcomes[0]
