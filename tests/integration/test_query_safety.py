"""Query safety: cancellation, statement and idle timeouts, pg_cancel_backend / pg_terminate_backend,
statements whose client vanished, and the counters that record them.

Every cancel goes through a real client's own mechanism (psql's Ctrl+C, psycopg's cancel(), asyncpg's
timeout, pgjdbc's Statement.cancel() in test_jdbc.py) or raw protocol bytes where no client can express it.
Messages and SQLSTATEs are PostgreSQL 15's; where a test runs on both servers they must agree.
"""

from __future__ import annotations

import asyncio
import signal
import subprocess
import threading
import time

import psycopg
import pytest

import harness
import raw_protocol as rp
from clients import pg3

# Work that keeps DuckDB busy for minutes unless interrupted (never run on PostgreSQL).
ENDLESS = "select count(*) from range(1000000000000) a"
TIMEOUT_USER = "timeout_user"

SAFETY_CONFIG = {
    "tls": {"mode": "off"},
    "statement_timeout": "1min",
    "client_connection_check_interval": "200ms",
    "users": [
        {"name": harness.DEFAULT_USER, "password": harness.scram_verifier(harness.DEFAULT_PASSWORD)},
        {"name": TIMEOUT_USER, "password": harness.scram_verifier("pw"), "statement_timeout": "300ms"},
    ],
}


@pytest.fixture(scope="module")
def safety():
    server = harness.start_duckgres(config=SAFETY_CONFIG)
    try:
        yield server
    finally:
        server.cleanup()


def metrics(server: harness.Server) -> dict[str, int]:
    with pg3(server) as conn:
        return {name: int(value) for name, value in conn.execute("select * from duckgres_metrics()").fetchall()}


def show(conn: psycopg.Connection, name: str) -> str:
    return conn.execute(f"show {name}").fetchone()[0]


def wait_for(condition, timeout: float = 15.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def active_pids(server: harness.Server, query_like: str) -> list[int]:
    with pg3(server) as conn:
        return [row[0] for row in conn.execute(
            "select pid from pg_stat_activity where query like %s and pid <> pg_backend_pid()",
            (query_like,)).fetchall()]


# ------------------------------------------------------------------------------------------------
# statement_timeout: its sources, its units, its error


@pytest.mark.parametrize("value", ["1500", "1.5s", "60000", "5 s", "0", "1d", "25h", "600us", " 250ms "])
def test_statement_timeout_shows_like_postgres(pg, duckgres, value) -> None:
    shown = []
    for server in (pg, duckgres):
        with pg3(server) as conn:
            conn.execute(f"set statement_timeout = '{value}'")
            shown.append(show(conn, "statement_timeout"))
    assert shown[0] == shown[1], shown


@pytest.mark.parametrize("value", ["5S", "-1", "3000000000", "abc"])
def test_statement_timeout_invalid_values_like_postgres(pg, duckgres, value) -> None:
    errors = []
    for server in (pg, duckgres):
        with pg3(server) as conn:
            with pytest.raises(psycopg.Error) as caught:
                conn.execute(f"set statement_timeout = '{value}'")
            diag = caught.value.diag
            errors.append((diag.sqlstate, diag.message_primary, diag.message_hint))
    assert errors[0] == errors[1]


def test_statement_timeout_set_cancels_and_session_goes_on(duckgres) -> None:
    with pg3(duckgres) as conn:
        before = metrics(duckgres)["duckgres_query_timeouts_total"]
        conn.execute("set statement_timeout = '300ms'")
        started = time.monotonic()
        with pytest.raises(psycopg.errors.QueryCanceled) as caught:
            conn.execute(ENDLESS)
        assert caught.value.diag.message_primary == "canceling statement due to statement timeout"
        assert time.monotonic() - started < 60, "the timeout did not stop the statement"
        assert conn.execute("select 1").fetchone() == (1,)
        assert metrics(duckgres)["duckgres_query_timeouts_total"] == before + 1
        conn.execute("reset statement_timeout")
        assert show(conn, "statement_timeout") == "0"


def test_statement_timeout_covers_pg_sleep_on_both(pg, duckgres) -> None:
    for server in (pg, duckgres):
        with pg3(server) as conn:
            conn.execute("set statement_timeout = 200")
            with pytest.raises(psycopg.errors.QueryCanceled) as caught:
                conn.execute("select pg_sleep(30)")
            assert caught.value.diag.sqlstate == "57014"
            assert caught.value.diag.message_primary == "canceling statement due to statement timeout"
            assert conn.execute("select pg_sleep(0.01)").fetchone() == ("",)


def test_statement_timeout_set_local_ends_with_transaction(duckgres) -> None:
    with pg3(duckgres) as conn:
        conn.execute("begin")
        conn.execute("set local statement_timeout = '200ms'")
        assert show(conn, "statement_timeout") == "200ms"
        with pytest.raises(psycopg.errors.QueryCanceled):
            conn.execute(ENDLESS)
        with pytest.raises(psycopg.errors.InFailedSqlTransaction):
            conn.execute("select 1")
        conn.execute("rollback")
        assert show(conn, "statement_timeout") == "0"
        assert conn.execute("select 2").fetchone() == (2,)


def test_statement_timeout_from_server_user_and_startup_options(safety) -> None:
    with pg3(safety) as conn:
        assert show(conn, "statement_timeout") == "1min"  # the server's default
    with pg3(safety, user=TIMEOUT_USER, password="pw") as conn:
        assert show(conn, "statement_timeout") == "300ms"  # the user's own
        with pytest.raises(psycopg.errors.QueryCanceled) as caught:
            conn.execute(ENDLESS)
        assert caught.value.diag.message_primary == "canceling statement due to statement timeout"
        conn.execute("set statement_timeout = 0")
        conn.execute("reset statement_timeout")
        assert show(conn, "statement_timeout") == "300ms"  # RESET returns to the user's value
    with pg3(safety, user=TIMEOUT_USER, password="pw", options="-c statement_timeout=2s") as conn:
        assert show(conn, "statement_timeout") == "2s"  # startup options win
        conn.execute("reset statement_timeout")
        assert show(conn, "statement_timeout") == "2s"


def test_statement_timeout_in_extended_protocol(duckgres) -> None:
    with pg3(duckgres, options="-c statement_timeout=250") as conn:
        with pytest.raises(psycopg.errors.QueryCanceled):
            conn.execute("select count(*) from range(%s) a", (10**12,), prepare=True)
        assert conn.execute("select %s::int + 1", (1,)).fetchone() == (2,)


# ------------------------------------------------------------------------------------------------
# Cancellation by clients


def test_psycopg_cancel(duckgres) -> None:
    with pg3(duckgres) as conn:
        before = metrics(duckgres)["duckgres_query_cancellations_total"]
        timer = threading.Timer(0.5, conn.cancel)
        timer.start()
        with pytest.raises(psycopg.errors.QueryCanceled) as caught:
            conn.execute(ENDLESS)
        timer.join()
        assert caught.value.diag.message_primary == "canceling statement due to user request"
        assert conn.execute("select 'usable'").fetchone() == ("usable",)
        assert metrics(duckgres)["duckgres_query_cancellations_total"] == before + 1


def test_psql_ctrl_c(duckgres) -> None:
    proc = subprocess.Popen(["psql", "-X", "-v", "ON_ERROR_STOP=1", "-c", ENDLESS], env=duckgres.psql_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(lambda: active_pids(duckgres, "%range(1000000000000)%"), what="the statement to start")
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert "Cancel request sent" in err, err
    assert "ERROR:  canceling statement due to user request" in err, err
    assert proc.returncode == 1


def test_asyncpg_timeout_cancels(duckgres) -> None:
    import asyncpg

    async def scenario() -> int:
        conn = await asyncpg.connect(host=duckgres.host, port=duckgres.port, user=duckgres.user,
                                     password=duckgres.password, database="postgres", ssl=False)
        try:
            with pytest.raises(asyncio.TimeoutError):
                await conn.fetchval(ENDLESS, timeout=0.5)
            return await conn.fetchval("select 41 + 1")
        finally:
            await conn.close()

    assert asyncio.run(scenario()) == 42
    wait_for(lambda: not active_pids(duckgres, "%range(1000000000000)%"), what="the statement to stop")


def test_cancel_between_statements_is_harmless(duckgres) -> None:
    with rp.connect(duckgres) as conn:
        for _ in range(3):
            with rp.RawConnection.open(duckgres) as canceller:
                canceller.send(rp.cancel_request(conn.process_id, conn.secret_key))
                canceller.expect_closed(5)
        time.sleep(0.2)
        assert conn.scalar("select 'untouched'") == "untouched"


# ------------------------------------------------------------------------------------------------
# pg_cancel_backend / pg_terminate_backend


def test_pg_cancel_backend(duckgres) -> None:
    with pg3(duckgres) as victim, pg3(duckgres) as admin:
        pid = victim.info.backend_pid
        # Idle: signalled (true, as PostgreSQL answers), and nothing happens.
        assert admin.execute("select pg_cancel_backend(%s)", (pid,)).fetchone() == (True,)
        assert victim.execute("select 'idle'").fetchone() == ("idle",)
        outcome: list[BaseException] = []

        def run() -> None:
            try:
                victim.execute(ENDLESS)
            except BaseException as error:  # noqa: BLE001 - handed to the test thread
                outcome.append(error)

        thread = threading.Thread(target=run)
        thread.start()
        wait_for(lambda: active_pids(duckgres, "%range(1000000000000)%"), what="the statement to start")
        assert admin.execute("select pg_cancel_backend(%s)", (pid,)).fetchone() == (True,)
        thread.join(60)
        assert outcome and isinstance(outcome[0], psycopg.errors.QueryCanceled), outcome
        assert victim.execute("select 3").fetchone() == (3,)
        assert admin.execute("select pg_cancel_backend(0)").fetchone() == (False,)


def test_pg_cancel_backend_of_itself(pg, duckgres) -> None:
    for server in (pg, duckgres):
        with pg3(server) as conn:
            with pytest.raises(psycopg.errors.QueryCanceled) as caught:
                conn.execute("select pg_cancel_backend(pg_backend_pid()), pg_sleep(5)")
            assert caught.value.diag.message_primary == "canceling statement due to user request"
            assert conn.execute("select 1").fetchone() == (1,)


def test_pg_terminate_backend_running_and_idle(duckgres) -> None:
    with pg3(duckgres) as admin:
        with rp.connect(duckgres) as busy:
            busy.send_query(ENDLESS)
            wait_for(lambda: active_pids(duckgres, "%range(1000000000000)%"), what="the statement to start")
            assert admin.execute("select pg_terminate_backend(%s)", (busy.process_id,)).fetchone() == (True,)
            msgs = busy.read_all_until_closed(30)
            errors = [rp.error_fields(p) for k, p in msgs if k == b"E"]
            assert [(e["S"], e["C"]) for e in errors] == [("FATAL", "57P01")], msgs
            assert errors[0]["M"] == "terminating connection due to administrator command"
        with rp.connect(duckgres) as idle:
            assert admin.execute("select pg_terminate_backend(%s, 1000)", (idle.process_id,)).fetchone() == (True,)
            msgs = idle.read_all_until_closed(30)
            assert [(rp.error_fields(p)["C"]) for k, p in msgs if k == b"E"] == ["57P01"], msgs
        assert admin.execute("select 'admin still here'").fetchone() == ("admin still here",)


# ------------------------------------------------------------------------------------------------
# A client that vanishes mid-statement


def test_vanished_client_statement_is_stopped(safety) -> None:
    conn = rp.connect(safety)
    conn.send_query(ENDLESS)
    wait_for(lambda: active_pids(safety, "%range(1000000000000)%"), what="the statement to start")
    conn.sock.close()
    wait_for(lambda: not active_pids(safety, "%range(1000000000000)%"), timeout=30,
             what="the abandoned statement to stop")
    assert "disconnected during a statement" in safety.log_text()
    with pg3(safety) as other:
        assert other.execute("select 'fine'").fetchone() == ("fine",)


# ------------------------------------------------------------------------------------------------
# Idle timeouts


def _idle_fatal(server: harness.Server, options: str, begin: bool) -> dict[str, str]:
    with rp.connect(server, {"user": server.user, "database": "postgres", "options": options}) as conn:
        if begin:
            assert rp.kinds(conn.simple_query("begin")) == "CZ"
        msgs = conn.read_all_until_closed(30)
        errors = [rp.error_fields(p) for k, p in msgs if k == b"E"]
        assert len(errors) == 1, msgs
        return errors[0]


def test_idle_in_transaction_session_timeout(pg, duckgres) -> None:
    for server in (pg, duckgres):
        fields = _idle_fatal(server, "-c idle_in_transaction_session_timeout=300", begin=True)
        assert (fields["S"], fields["C"], fields["M"]) == (
            "FATAL", "25P03", "terminating connection due to idle-in-transaction timeout"), server


def test_idle_session_timeout(pg, duckgres) -> None:
    for server in (pg, duckgres):
        fields = _idle_fatal(server, "-c idle_session_timeout=300", begin=False)
        assert (fields["S"], fields["C"], fields["M"]) == (
            "FATAL", "57P05", "terminating connection due to idle-session timeout"), server


def test_idle_timeouts_do_not_touch_busy_or_active_sessions(duckgres) -> None:
    with pg3(duckgres, options="-c idle_session_timeout=400 -c idle_in_transaction_session_timeout=400") as conn:
        for _ in range(4):
            assert conn.execute("select pg_sleep(0.2)").fetchone() == ("",)
        assert conn.execute("select pg_sleep(0.6)").fetchone() == ("",)  # running is not idle
        assert conn.execute("select 1").fetchone() == (1,)


# ------------------------------------------------------------------------------------------------
# Monitoring views answer afresh on every execution (statements are cached per session)


def test_session_views_are_live_on_repeated_execution(duckgres) -> None:
    with pg3(duckgres) as conn:
        query = "select count(*) from pg_stat_activity where application_name = 'live-check'"
        assert conn.execute(query).fetchone() == (0,)
        with pg3(duckgres, application_name="live-check"):
            assert conn.execute(query).fetchone() == (1,)
        wait_for(lambda: conn.execute(query).fetchone() == (0,), what="the closed session to leave")
        setting = "select setting, unit, vartype from pg_settings where name = 'statement_timeout'"
        assert conn.execute(setting).fetchone() == ("0", "ms", "integer")
        conn.execute("set statement_timeout = '2s'")
        assert conn.execute(setting).fetchone() == ("2000", "ms", "integer")  # as PostgreSQL shows it


# ------------------------------------------------------------------------------------------------
# Crash containment: SET duckgres.inject_fault exists only in the test build (build/duckgres-test-hooks)


def panics(server: harness.Server) -> int:
    return metrics(server)["duckgres_panics_total"]


@pytest.fixture(scope="module")
def test_build():
    """A server of the test build, with fault injection."""
    server = harness.DuckgresServer(binary=harness.duckgres_test_hooks_binary())
    try:
        server.start()
        yield server
    finally:
        server.cleanup()


@pytest.mark.duckgres_only
def test_the_server_build_has_no_fault_injection(duckgres) -> None:
    # In the server build the name is only a placeholder parameter, as any "x.y" name in PostgreSQL: no fault.
    before = panics(duckgres)
    with pg3(duckgres) as conn:
        for fault in ("exception", "worker", "assertion"):
            conn.execute(f"set duckgres.inject_fault = '{fault}'")
            assert conn.execute("select 'no fault'").fetchone() == ("no fault",)
    assert panics(duckgres) == before


@pytest.mark.parametrize("fault, message", [("exception", "internal error: injected fault"),
                                            ("worker", "internal error: injected fault on a worker")])
def test_fault_in_a_statement_ends_only_that_statement(test_build, fault, message) -> None:
    duckgres = test_build
    before = panics(duckgres)
    with pg3(duckgres) as bystander, pg3(duckgres) as conn:
        conn.execute("begin")
        conn.execute(f"set duckgres.inject_fault = '{fault}'")
        with pytest.raises(psycopg.errors.InternalError_) as caught:
            conn.execute("select 1")
        assert caught.value.diag.sqlstate == "XX000" and caught.value.diag.message_primary == message
        with pytest.raises(psycopg.errors.InFailedSqlTransaction):
            conn.execute("select 1")
        conn.execute("rollback")
        assert conn.execute("select 'same session'").fetchone() == ("same session",)
        assert bystander.execute("select 'bystander'").fetchone() == ("bystander",)
    assert panics(duckgres) == before + 1
    log = duckgres.log_text()
    assert message.removeprefix("internal error: ") in log and "#0 " in log, log[-3000:]


def test_failed_assertion_ends_only_its_session(test_build) -> None:
    duckgres = test_build
    before = panics(duckgres)
    with pg3(duckgres) as bystander:
        with rp.connect(duckgres) as conn:
            assert rp.kinds(conn.simple_query("set duckgres.inject_fault = 'assertion'")) == "CZ"
            conn.send_query("select 1")
            msgs = conn.read_all_until_closed(30)
            errors = [rp.error_fields(p) for k, p in msgs if k == b"E"]
            assert [(e["S"], e["C"]) for e in errors] == [("FATAL", "XX000")], msgs
            assert "assertion failed" in errors[0]["M"]
        assert bystander.execute("select 'bystander'").fetchone() == ("bystander",)
    with pg3(duckgres) as fresh:
        assert fresh.execute("select 'new session'").fetchone() == ("new session",)
    assert panics(duckgres) == before + 1
    assert "ended by an internal fault: assertion failed" in duckgres.log_text()


def test_fault_in_an_io_handler_is_contained(test_build) -> None:
    duckgres = test_build
    before = panics(duckgres)
    with pg3(duckgres) as conn:
        conn.execute("set duckgres.inject_fault = 'io'")
        assert conn.execute("select 'unaffected'").fetchone() == ("unaffected",)
        wait_for(lambda: panics(duckgres) == before + 1, what="the I/O fault to be counted")
        assert conn.execute("select 'still serving'").fetchone() == ("still serving",)
    assert duckgres.running()


@pytest.mark.duckgres_only
def test_do_block_cannot_hold_a_large_result(duckgres) -> None:
    """A DO block's statements keep their rows until the block reads them: a PERFORM of a large query fails with
    54000 instead of holding the whole result in the server's memory, and the session goes on."""
    with pg3(duckgres, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.ProgramLimitExceeded):
            conn.execute("DO $$ BEGIN PERFORM repeat('x', 1000) FROM range(200000); END $$")
        assert conn.execute("select 1").fetchone() == (1,)
