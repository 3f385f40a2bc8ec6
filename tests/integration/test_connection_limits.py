"""Connection limits, admission control for running statements, and DuckDB's memory limit.

Each scenario starts a small server of its own with the limit under test. Refusals are checked byte
by byte where it matters (53300 arrives before any authentication request) and through psycopg
otherwise; the counter duckgres_connection_limit_rejects_total must count every refusal.
"""

from __future__ import annotations

import contextlib
import tempfile
import threading
import time

import psycopg
import pytest

import harness
import raw_protocol as rp
from clients import pg3

APP_USER, APP_PASSWORD = "app", "app-password"


def users(**app_settings) -> list[dict]:
    return [
        {"name": harness.DEFAULT_USER, "password": harness.scram_verifier(harness.DEFAULT_PASSWORD)},
        {"name": APP_USER, "password": harness.scram_verifier(APP_PASSWORD), "superuser": False, **app_settings},
    ]


@contextlib.contextmanager
def server_with(config: dict, extra_args: list[str] | None = None):
    server = harness.DuckgresServer(config={"tls": {"mode": "off"}, **config}, extra_args=extra_args).start()
    try:
        yield server
    finally:
        server.cleanup()


def app(server: harness.Server) -> psycopg.Connection:
    return pg3(server, user=APP_USER, password=APP_PASSWORD)


def refusal(server: harness.Server, user: str = APP_USER, password: str = APP_PASSWORD) -> str:
    with pytest.raises(psycopg.OperationalError) as caught:
        pg3(server, user=user, password=password)
    return str(caught.value)


def rejects(server: harness.Server) -> int:
    with pg3(server) as conn:
        rows = dict(conn.execute("select * from duckgres_metrics()").fetchall())
    return int(rows["duckgres_connection_limit_rejects_total"])


def test_max_connections_with_reserved_superuser_slots() -> None:
    config = {"max_connections": 3, "superuser_reserved_connections": 1, "users": users()}
    with server_with(config) as server:
        with app(server) as first, app(server) as second:
            # Over the unreserved slots: refused before any authentication request.
            with rp.RawConnection.open(server) as raw:
                raw.send_startup({"user": APP_USER, "database": "postgres"})
                msgs = raw.read_all_until_closed(10)
            assert rp.kinds(msgs) == "E", msgs
            fields = rp.error_fields(msgs[0][1])
            assert (fields["S"], fields["C"], fields["M"]) == (
                "FATAL", "53300", "remaining connection slots are reserved for non-replication superuser connections")
            with pg3(server) as admin:  # the reserved slot
                assert admin.execute("show is_superuser").fetchone() == ("on",)
                assert "sorry, too many clients already" in refusal(server, harness.DEFAULT_USER,
                                                                    harness.DEFAULT_PASSWORD)
            assert first.execute("show is_superuser").fetchone() == ("off",)
            assert second.execute("select 1").fetchone() == (1,)
        with app(server) as again:  # slots come back when sessions end
            assert again.execute("select 2").fetchone() == (2,)
        assert rejects(server) == 2


def test_max_connections_flag() -> None:
    with server_with({"superuser_reserved_connections": 0}, extra_args=["--max-connections", "2"]) as server:
        with pg3(server), pg3(server):
            assert "sorry, too many clients already" in refusal(server, harness.DEFAULT_USER,
                                                                harness.DEFAULT_PASSWORD)


def test_per_user_per_database_and_per_address_limits() -> None:
    with server_with({"users": users(max_connections=1)}) as server:
        with app(server):
            assert 'too many connections for role "app"' in refusal(server)
            with pg3(server) as other:  # other users are not limited by it
                assert other.execute("select 1").fetchone() == (1,)
    with server_with({"databases": {"postgres": {"max_connections": 1}}}) as server:
        with pg3(server):
            assert 'too many connections for database "postgres"' in refusal(
                server, harness.DEFAULT_USER, harness.DEFAULT_PASSWORD)
    with server_with({"max_connections_per_address": 2}) as server:
        with pg3(server), pg3(server):
            assert 'too many connections from address "127.0.0.1"' in refusal(
                server, harness.DEFAULT_USER, harness.DEFAULT_PASSWORD)


def test_connection_queue_waits_for_a_free_slot() -> None:
    config = {"max_connections": 1, "superuser_reserved_connections": 0, "connection_queue_timeout": "20s"}
    with server_with(config) as server:
        holder = pg3(server)
        result: list = []

        def connect() -> None:
            try:
                with pg3(server) as conn:
                    result.append(conn.execute("select 'got in'").fetchone()[0])
            except Exception as error:  # noqa: BLE001 - reported by the test thread
                result.append(error)

        waiter = threading.Thread(target=connect)
        waiter.start()
        time.sleep(0.5)
        assert not result, "the second connection did not wait"
        holder.close()
        waiter.join(30)
        assert result == ["got in"]
    config["connection_queue_timeout"] = "300ms"
    with server_with(config) as server:
        with pg3(server):
            assert "sorry, too many clients already" in refusal(server, harness.DEFAULT_USER,
                                                                harness.DEFAULT_PASSWORD)
    # A full queue refuses at once: the slot freed half a second later does not help.
    with server_with({**config, "connection_queue_timeout": "20s", "connection_queue_size": 0}) as server:
        holder = pg3(server)
        threading.Timer(0.5, holder.close).start()
        assert "sorry, too many clients already" in refusal(server, harness.DEFAULT_USER, harness.DEFAULT_PASSWORD)


def test_max_concurrent_statements_queues_statements() -> None:
    with server_with({"max_concurrent_statements": 1, "users": users()}) as server:
        results: dict[str, object] = {}

        def run(name: str, sql: str) -> None:
            with app(server) as conn:
                results[name] = conn.execute(sql).fetchone()[0]

        first = threading.Thread(target=run, args=("first", "select 'first' || pg_sleep(2)"))
        first.start()
        with pg3(server) as admin:  # superusers are never queued: they can look and cancel
            seen: list = []
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and not seen:
                seen = admin.execute("select 1 from pg_stat_activity where query like 'select ''first%'").fetchall()
            second = threading.Thread(target=run, args=("second", "select 'second'"))
            second.start()
            seen = []
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and len(seen) < 2:
                seen = admin.execute(
                    "select query, state, wait_event_type, wait_event from pg_stat_activity "
                    "where query like 'select ''%' order by query").fetchall()
                time.sleep(0.05)
            # While the first statement runs, the second waits for its turn.
            assert seen == [("select 'first' || pg_sleep(2)", "active", None, None),
                            ("select 'second'", "active", "Extension", "StatementAdmission")], seen
        first.join(30)
        second.join(30)
        assert results == {"first": "first", "second": "second"}


def test_canceled_while_waiting_for_a_turn() -> None:
    with server_with({"max_concurrent_statements": 1, "users": users()}) as server:
        with app(server) as busy, app(server) as waiting:
            thread = threading.Thread(target=lambda: busy.execute("select pg_sleep(3)"))
            thread.start()
            time.sleep(0.3)
            waiting.execute("set statement_timeout = 300")
            with pytest.raises(psycopg.errors.QueryCanceled) as caught:
                waiting.execute("select 1")
            assert caught.value.diag.message_primary == "canceling statement due to statement timeout"
            thread.join(30)
            waiting.execute("set statement_timeout = 0")
            assert waiting.execute("select 'turn'").fetchone() == ("turn",)


def test_memory_limit_gives_out_of_memory_and_server_survives() -> None:
    spill = tempfile.mkdtemp(prefix="duckgres-spill-")
    # admin_engine_access: the test reads DuckDB's own settings to see the limit applied.
    config = {"duckdb_memory_limit": "2GB", "admin_engine_access": True,
              "databases": {"postgres": {"memory_limit": "64MB", "temp_directory": spill}}}
    with server_with(config) as server:
        with pg3(server) as conn, pg3(server) as bystander:
            limit = conn.execute("select value from duckdb_settings() where name = 'memory_limit'").fetchone()[0]
            assert limit.startswith("61") or limit.startswith("64"), limit
            directory = conn.execute("select value from duckdb_settings() where name = 'temp_directory'").fetchone()[0]
            assert directory == spill
            with pytest.raises(psycopg.Error) as caught:
                conn.execute("select list(i) from range(100000000) t(i)")
            assert caught.value.diag.sqlstate == "53200", caught.value
            assert conn.execute("select 'after'").fetchone() == ("after",)
            assert bystander.execute("select 'bystander'").fetchone() == ("bystander",)
        assert server.running()
