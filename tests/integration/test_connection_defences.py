"""Defences against unauthenticated and brute-force abuse: banning addresses after failed logins, limits on
connections that have not authenticated, the new-connection rate limit, and the accept loop under a flood.

Each scenario starts a small server of its own. Loopback has all of 127.0.0.0/8, so a client binds its socket to
127.0.0.2, 127.0.0.3... to come from another address than psycopg's 127.0.0.1 (what the server sees is checked
in pg_stat_activity). Logins from those addresses are raw SCRAM/md5/cleartext exchanges (raw_protocol).
Timings are printed, never asserted.
"""

from __future__ import annotations

import contextlib
import os
import resource
import socket
import statistics
import time

import psycopg
import pytest

import harness
import raw_protocol as rp
from clients import pg3

USER, PASSWORD = harness.DEFAULT_USER, harness.DEFAULT_PASSWORD
WRONG = 'password authentication failed for user "postgres"'
TOO_MANY = "sorry, too many clients already"


@contextlib.contextmanager
def server_with(config: dict, log_level: str = "debug"):
    server = harness.DuckgresServer(config={"tls": {"mode": "off"}, **config}, log_level=log_level).start()
    try:
        yield server
    finally:
        server.cleanup()


def raw_from(server: harness.Server, source: str, timeout: float = 10.0) -> rp.RawConnection:
    """A raw connection whose source address is `source` (any of 127.0.0.0/8)."""
    sock = socket.create_connection((server.host, server.port), timeout=timeout, source_address=(source, 0))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return rp.RawConnection(sock, timeout)


def login_from(server: harness.Server, source: str, password: str, user: str = USER) -> tuple[str, dict]:
    """('ok', {}) or ('error', the ErrorResponse fields) for one whole login from `source`."""
    with raw_from(server, source) as conn:
        conn.send_startup({"user": user, "database": "postgres"})
        msgs = conn.authenticate(user, password)
        if msgs[-1][0] == b"E":
            return "error", rp.error_fields(msgs[-1][1])
        conn.read_until_ready()
        return "ok", {}


def metrics(server: harness.Server) -> dict[str, int]:
    with pg3(server) as conn:
        return {name: int(value) for name, value in conn.execute("select * from duckgres_metrics()").fetchall()}


def log_lines(server: harness.Server, needle: str) -> list[str]:
    return [line for line in server.log_path.read_text(errors="replace").splitlines() if needle in line]


def assert_wrong_password(fields: dict) -> None:
    """Exactly the wrong-password error: no field may tell a ban apart."""
    assert fields == {"S": "FATAL", "V": "FATAL", "C": "28P01", "M": WRONG}, fields


def test_peer_address_is_the_bound_source(duckgres_factory) -> None:
    server = duckgres_factory({"tls": {"mode": "off"}})
    with raw_from(server, "127.0.0.2") as conn:
        conn.login(server)
        assert conn.scalar("select client_addr from pg_stat_activity where pid = pg_backend_pid()") == "127.0.0.2"


# ------------------------------------------------------------------------------------------------
# Failed-authentication limiting

def test_brute_force_ends_in_a_ban_that_looks_like_a_wrong_password() -> None:
    attempts = 300
    config = {"auth_failure_limit": 5, "auth_failure_window": "1min", "auth_ban_duration": "1h"}
    with server_with(config) as server:
        errors = []
        started = time.monotonic()
        for i in range(attempts):
            kind, fields = login_from(server, "127.0.0.2", f"guess-{i}")
            assert kind == "error", (i, fields)
            errors.append(fields)
        elapsed = time.monotonic() - started
        print(f"\n{attempts} wrong SCRAM logins from one address in {elapsed:.2f} s "
              f"({attempts / elapsed:.0f}/s, client PBKDF2 included)")
        for fields in errors:
            assert_wrong_password(fields)
        assert all(fields == errors[0] for fields in errors), "a banned attempt answered differently"
        # The right password from the banned address: the same answer.
        kind, fields = login_from(server, "127.0.0.2", PASSWORD)
        assert kind == "error" and fields == errors[0], fields
        # Another address is not affected, with libpq as with a raw exchange.
        assert login_from(server, "127.0.0.3", PASSWORD) == ("ok", {})
        with pg3(server) as conn:
            assert conn.execute("select 1").fetchone() == (1,)
        counters = metrics(server)
        assert counters["duckgres_auth_failures_total"] == attempts + 1
        assert counters["duckgres_auth_bans_total"] == 1
        assert counters["duckgres_auth_banned_logins_total"] == attempts + 1 - 5
        bans = log_lines(server, "banning address 127.0.0.2")
        assert len(bans) == 1 and "[warning]" in bans[0], bans
        # The banned attempts are not logged one by one at info level.
        assert len(log_lines(server, "[info] connection from 127.0.0.2")) == 5


def test_ban_expires_and_a_success_does_not_clear_failures() -> None:
    config = {"auth_failure_limit": 2, "auth_failure_window": "1min", "auth_ban_duration": "2s"}
    with server_with(config) as server:
        assert login_from(server, "127.0.0.4", "nope")[0] == "error"
        assert login_from(server, "127.0.0.4", PASSWORD) == ("ok", {})  # does not reset the count
        kind, fields = login_from(server, "127.0.0.4", "nope again")
        banned_at = time.monotonic()
        assert kind == "error"
        assert_wrong_password(fields)
        kind, fields = login_from(server, "127.0.0.4", PASSWORD)
        assert kind == "error", "the right password got in during the ban"
        assert_wrong_password(fields)
        time.sleep(max(0.0, banned_at + 2.3 - time.monotonic()))
        assert login_from(server, "127.0.0.4", PASSWORD) == ("ok", {})
        assert metrics(server)["duckgres_auth_bans_total"] == 1


@pytest.mark.parametrize("method", ["md5", "password"])
def test_ban_with_md5_and_cleartext(method: str) -> None:
    config = {"auth_method": method, "allow_plaintext_passwords": True, "auth_failure_limit": 2,
              "users": [{"name": USER, "password": PASSWORD}]}
    with server_with(config) as server:
        assert login_from(server, "127.0.0.5", PASSWORD) == ("ok", {})
        for _ in range(2):
            kind, fields = login_from(server, "127.0.0.5", "wrong")
            assert kind == "error"
            assert_wrong_password(fields)
        kind, fields = login_from(server, "127.0.0.5", PASSWORD)
        assert kind == "error"
        assert_wrong_password(fields)
        assert login_from(server, "127.0.0.6", PASSWORD) == ("ok", {})


def test_unknown_user_and_wrong_password_timings() -> None:
    """Prints how long failures take (server and client work together), per exchange; asserts only the answers."""
    rounds = 30
    for method, users in (("scram-sha-256", None),
                          ("password", [{"name": USER, "password": harness.scram_verifier(PASSWORD)}]),
                          ("md5", [{"name": USER, "password": harness.md5_verifier(PASSWORD, USER)}])):
        config = {"auth_method": method, "auth_failure_limit": 0}
        if users:
            config["users"] = users
        with server_with(config, log_level="info") as server:
            times: dict[str, list[float]] = {"wrong password": [], "unknown user": []}
            for _ in range(rounds):
                for case, user in (("wrong password", USER), ("unknown user", "nobody_here")):
                    started = time.perf_counter()
                    kind, fields = login_from(server, "127.0.0.7", "not it", user=user)
                    times[case].append((time.perf_counter() - started) * 1000)
                    assert kind == "error" and fields["C"] == "28P01", fields
            print(f"\n{method}: median failure time over {rounds} tries: " + ", ".join(
                f"{case} {statistics.median(values):.2f} ms" for case, values in times.items()))


# ------------------------------------------------------------------------------------------------
# Connections before authentication

def open_bare(server: harness.Server, count: int, source: str = "127.0.0.1") -> list[socket.socket]:
    """`count` connections that never send anything."""
    sockets = []
    for _ in range(count):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind((source, 0))
        sock.connect((server.host, server.port))
        sockets.append(sock)
    return sockets


def refused_count(sockets: list[socket.socket], wait: float) -> tuple[int, int]:
    """(refused with FATAL 53300, still open) among `sockets`, reading what arrived within `wait` seconds."""
    refused = still_open = 0
    deadline = time.monotonic() + wait
    for sock in sockets:
        sock.settimeout(max(0.001, deadline - time.monotonic()))
        try:
            data = sock.recv(1024)
        except (socket.timeout, BlockingIOError):
            still_open += 1
            continue
        except ConnectionResetError:
            continue
        if data[:1] == b"E":
            fields = rp.error_fields(data[5:])
            assert (fields["S"], fields["C"], fields["M"]) == ("FATAL", "53300", TOO_MANY), fields
            refused += 1
    return refused, still_open


def raise_own_fd_limit(wanted: int) -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = min(hard, max(soft, wanted)) if hard != resource.RLIM_INFINITY else max(soft, wanted)
    if target > soft:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def test_a_flood_of_idle_sockets_does_not_keep_clients_out() -> None:
    limit = raise_own_fd_limit(8000)
    flood = min(4000, limit - 200)
    config = {"max_startup_connections": 100, "max_startup_connections_per_address": 30,
              "startup_packet_timeout": "1min"}
    with server_with(config, log_level="info") as server:
        assert log_lines(server, "open file limit:"), server.log_text()
        lines_before = len(server.log_path.read_text(errors="replace").splitlines())
        started = time.monotonic()
        sockets = open_bare(server, flood)
        opened = time.monotonic() - started
        try:
            # A client from another address logs in at once; one from the flooding address is refused.
            started = time.monotonic()
            assert login_from(server, "127.0.0.2", PASSWORD) == ("ok", {})
            login_time = time.monotonic() - started
            with pytest.raises(psycopg.OperationalError, match=TOO_MANY):
                pg3(server)
            refused, still_open = refused_count(sockets, 2.0)
            print(f"\n{flood} idle sockets opened in {opened:.2f} s; {refused} refused with 53300, {still_open} held; "
                  f"a login from another address took {login_time * 1000:.0f} ms")
            assert still_open == 30, (refused, still_open)
            assert refused == flood - 30
        finally:
            for sock in sockets:
                sock.close()
        # The held slots come back when their clients leave.
        deadline = time.monotonic() + 10
        retries = 0
        while True:
            try:
                with pg3(server) as conn:
                    assert conn.execute("select 1").fetchone() == (1,)
                break
            except psycopg.OperationalError:
                assert time.monotonic() < deadline, "the flooding address never got its slots back"
                retries += 1
                time.sleep(0.05)
        assert metrics(server)["duckgres_startup_limit_rejects_total"] == refused + 1 + retries
        lines = server.log_path.read_text(errors="replace").splitlines()[lines_before:]
        print(f"log lines during the flood: {len(lines)}")
        assert len(lines) < 50, lines[:60]


def test_connections_that_send_nothing_are_closed_after_startup_packet_timeout() -> None:
    with server_with({"startup_packet_timeout": "500ms"}) as server:
        with raw_from(server, "127.0.0.1") as idle, raw_from(server, "127.0.0.1") as started:
            started.send(rp.ssl_request())
            assert started.read_bytes(1) == b"N"
            began = time.monotonic()
            idle.expect_closed(10)
            started.expect_closed(10)
            print(f"\nclosed {time.monotonic() - began:.2f} s after the test began waiting")
        # A client that sends its startup packet at once goes on to authenticate as usual.
        assert login_from(server, "127.0.0.1", PASSWORD) == ("ok", {})


def test_connection_rate_limit_per_address() -> None:
    config = {"max_connection_rate_per_address": 1, "connection_rate_burst": 5}
    with server_with(config) as server:
        started = time.monotonic()
        answers = []
        for _ in range(20):
            with raw_from(server, "127.0.0.8") as conn:
                conn.send_startup({"user": USER, "database": "postgres"})
                answers.append(conn.read_message())
        elapsed = time.monotonic() - started
        admitted = sum(1 for kind, _ in answers if kind == b"R")
        refused = [rp.error_fields(payload) for kind, payload in answers if kind == b"E"]
        print(f"\n20 connections in {elapsed:.2f} s: {admitted} admitted, {len(refused)} refused")
        assert admitted + len(refused) == 20
        # The burst, plus a token per second that passed.
        assert 5 <= admitted <= 5 + int(elapsed) + 1, (admitted, elapsed)
        for fields in refused:
            assert (fields["S"], fields["C"], fields["M"]) == ("FATAL", "53300", TOO_MANY), fields
        assert login_from(server, "127.0.0.9", PASSWORD) == ("ok", {})  # other addresses have their own
        assert metrics(server)["duckgres_connection_rate_rejects_total"] == len(refused)
        assert len(log_lines(server, "over max_connection_rate_per_address")) <= int(elapsed) + 2


def test_accept_loop_backs_off_when_out_of_descriptors() -> None:
    """With the startup limits off and the server's descriptor limit lowered, a flood runs it out of descriptors:
    the accept loop must pause instead of spinning and writing a line per failure."""
    raise_own_fd_limit(3000)
    config = {"max_startup_connections": 0, "max_startup_connections_per_address": 0,
              "startup_packet_timeout": "1min"}
    with server_with(config, log_level="info") as server:
        pid = server.proc.pid
        _, hard = resource.prlimit(pid, resource.RLIMIT_NOFILE)
        resource.prlimit(pid, resource.RLIMIT_NOFILE, (256, hard))
        sockets = open_bare(server, 1500)
        try:
            time.sleep(0.5)  # the server runs out of descriptors
            cpu_before = server_cpu_seconds(pid)
            time.sleep(3)
            cpu = server_cpu_seconds(pid) - cpu_before
            failures = log_lines(server, "accept failed")
            print(f"\nserver CPU while out of descriptors: {cpu:.3f} s in 3 s; {len(failures)} accept-failure lines")
            assert failures, server.log_text()
            assert len(failures) <= 8, failures
            assert "Too many open files" in failures[0]
        finally:
            for sock in sockets:
                sock.close()
        deadline = time.monotonic() + 20
        while True:
            try:
                counters = metrics(server)
                break
            except psycopg.OperationalError:
                assert time.monotonic() < deadline, "the server did not recover after the flood"
                time.sleep(0.1)
        assert counters["duckgres_accept_failures_total"] > 0
        assert len(log_lines(server, "accept failed")) <= 12


def server_cpu_seconds(pid: int) -> float:
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / float(os.sysconf("SC_CLK_TCK"))
