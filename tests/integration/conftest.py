"""Fixtures for the integration tests: one reference PostgreSQL 15 and one Duckgres per test run,
plus a factory for extra Duckgres instances with their own YAML config."""

from __future__ import annotations

import os
import signal
import sys
import threading
from typing import Any, Callable, Mapping

import pytest

import differential
import harness

TEST_TIMEOUT = float(os.environ.get("DUCKGRES_TEST_TIMEOUT", "300"))


# ------------------------------------------------------------------------------------------------
# Session setup

def _sigterm_to_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def pytest_configure(config: pytest.Config) -> None:
    # A CI runner stopping us with SIGTERM should still run fixture finalizers (servers stopped,
    # temp dirs removed); atexit in harness covers the rest.
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _sigterm_to_interrupt)


def pytest_report_header(config: pytest.Config) -> list[str]:
    if harness.dev_mode():
        return ["DEVELOPMENT MODE (DUCKGRES_TEST_AGAINST_POSTGRES): the 'duckgres' side is a PostgreSQL 15 "
                "stand-in; these results say nothing about Duckgres"]
    try:
        return [f"duckgres binary: {harness.duckgres_binary()}"]
    except harness.HarnessError as e:
        return [f"duckgres binary: MISSING ({e})"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not harness.dev_mode():
        return
    skip = pytest.mark.skip(reason="needs the real Duckgres binary (development mode uses a PostgreSQL stand-in)")
    for item in items:
        if item.get_closest_marker("duckgres_only"):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _watchdog(request: pytest.FixtureRequest):
    """Turns a hung test into an interrupted run (with cleanup) instead of a CI job that never ends."""
    fired = threading.Event()

    def fire() -> None:
        fired.set()
        sys.stderr.write(f"\n*** {request.node.nodeid} exceeded {TEST_TIMEOUT:.0f}s "
                         "(DUCKGRES_TEST_TIMEOUT); interrupting the run ***\n")
        os.kill(os.getpid(), signal.SIGINT)

    timer = threading.Timer(TEST_TIMEOUT, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def started_postgres():
    """A reference PostgreSQL 15 (user postgres/postgres, SCRAM, TimeZone UTC), cleaned up when the generator ends."""
    server = harness.PostgresServer()
    try:
        server.start()
        yield server
    finally:
        server.cleanup()


def started_duckgres():
    """A Duckgres with no config file (postgres/postgres with SCRAM), cleaned up when the generator ends."""
    server = None
    try:
        server = harness.start_duckgres()
        yield server
    finally:
        if server is not None:
            server.cleanup()


@pytest.fixture(scope="session")
def pg():
    """The reference PostgreSQL 15 shared by the whole run."""
    yield from started_postgres()


@pytest.fixture(scope="session")
def duckgres():
    """The Duckgres server shared by the whole run."""
    yield from started_duckgres()


@pytest.fixture
def duckgres_factory() -> Callable[..., harness.Server]:
    """start(config=dict|None, data_dir=None) -> a started extra Duckgres, stopped after the test."""
    started: list[harness.Server] = []

    def start(config: Mapping[str, Any] | str | None = None, data_dir=None) -> harness.Server:
        server = harness.start_duckgres(config=config, data_dir=data_dir)
        started.append(server)
        return server

    yield start
    for server in reversed(started):
        server.cleanup()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """A failed client test shows the tail of the shared Duckgres's log (differential tests print
    both servers' answers instead)."""
    outcome = yield
    rep = outcome.get_result()
    if rep.when != "call" or not rep.failed or item.module.__name__ == "test_differential":
        return
    server = getattr(item, "funcargs", {}).get("duckgres")
    if isinstance(server, harness.Server):
        try:
            rep.sections.append(("duckgres log (tail)", server.log_text(3000)))
        except Exception:  # noqa: BLE001
            pass


# ------------------------------------------------------------------------------------------------
# Differential summary

def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    results = differential.RESULTS
    tr = terminalreporter
    if harness.dev_mode():
        tr.write_sep("=", "DEVELOPMENT MODE: compared PostgreSQL with a PostgreSQL stand-in, not Duckgres",
                     red=True)
    if not results:
        return
    tr.write_sep("-", "differential corpus")
    for line in differential.summary_lines(check_stale=not harness.dev_mode()):  # a stand-in matches everything
        tr.write_line(line)
    if differential.REPORT_PATH:
        differential.write_report(differential.REPORT_PATH)
        tr.write_line(f"differential: details written to {differential.REPORT_PATH}")
