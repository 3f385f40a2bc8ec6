"""Byte-level protocol robustness: exact bytes in, exact messages out, over plain sockets (and TLS).

Each test checks the server's exact reply (message types, severity, SQLSTATE, whether the
connection is closed or still usable) and, where a misbehaving client could hurt others, that a
separate session opened before the test still works afterwards and the server still accepts new
connections. Expected replies are PostgreSQL 15's (checked against the reference server), except
where Duckgres is documented to be stricter (it reports some startup framing errors that
PostgreSQL only logs).
"""

from __future__ import annotations

import signal
import socket
import struct
import threading
import time

import psycopg
import pytest

import harness
import raw_protocol as rp
from clients import pg3
from raw_protocol import RawConnection, ServerClosed, error_fields, kinds

# A server with small limits, no TLS and a short startup timeout, shared by this module.
LIMITS_CONFIG = {
    "tls": {"mode": "off"},
    "max_startup_message_size": 1000,
    "max_message_size": 65536,
    "startup_timeout": "1s",
}

# A statement that keeps a worker busy for a couple of seconds (scaled by the row count).
SLOW_QUERY = "select max(md5(i::varchar)) from generate_series(1, {n}) t(i)"


@pytest.fixture(scope="module")
def limited():
    server = harness.start_duckgres(config=LIMITS_CONFIG)
    try:
        yield server
    finally:
        server.cleanup()


@pytest.fixture
def bystander(duckgres):
    """A psycopg session on the shared server, opened before the test and checked after it."""
    conn = pg3(duckgres)
    yield conn
    conn.close()


@pytest.fixture
def limited_bystander(limited):
    conn = pg3(limited)
    yield conn
    conn.close()


def assert_healthy(server: harness.Server, *sessions: psycopg.Connection) -> None:
    """Existing sessions still answer, a brand-new connection works, and the process is up."""
    for conn in sessions:
        assert conn.execute("select 1").fetchone() == (1,), "an unrelated session was disturbed"
    with pg3(server) as fresh:
        assert fresh.execute("select 1").fetchone() == (1,)
    if isinstance(server, harness.DuckgresServer):
        assert server.running(), f"the server exited ({server.proc and server.proc.returncode})\n{server.log_text()}"


def server_pid(server: harness.Server) -> int | None:
    proc = getattr(server, "proc", None)
    return proc.pid if proc is not None else None


def proc_status(pid: int, field: str) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise KeyError(field)


def single_error(msgs: list[rp.Message]) -> dict[str, str]:
    assert kinds(msgs) == "E", f"expected exactly one ErrorResponse, got {msgs!r}"
    return error_fields(msgs[0][1])


def assert_fatal(msgs: list[rp.Message], sqlstate: str, message: str | None = None) -> dict[str, str]:
    fields = single_error(msgs)
    assert fields.get("S") == "FATAL" and fields.get("V") == "FATAL", fields
    assert fields.get("C") == sqlstate, fields
    if message is not None:
        assert fields.get("M") == message, fields
    return fields


def fatal_then_close(conn: RawConnection, sqlstate: str, message: str | None = None,
                     timeout: float = 5.0) -> dict[str, str]:
    """The server answers with one FATAL ErrorResponse and closes the connection."""
    return assert_fatal(conn.read_all_until_closed(timeout), sqlstate, message)


def rows(msgs: list[rp.Message]) -> list[list[str | None]]:
    return [[None if v is None else v.decode() for v in rp.data_row(p)] for k, p in msgs if k == b"D"]


def tags(msgs: list[rp.Message]) -> list[str]:
    return [rp.command_tag(p) for k, p in msgs if k == b"C"]


# ================================================================================================
# 1. Startup

def test_ssl_request_accepted_then_tls_login(duckgres, bystander) -> None:
    with RawConnection.open(duckgres) as conn:
        conn.send(rp.ssl_request())
        assert conn.read_bytes(1) == b"S"
        conn.start_tls()
        assert conn.sock.version() is not None and conn.sock.cipher() is not None
        conn.login(duckgres)
        msgs = conn.simple_query("select 41 + 1")
        assert kinds(msgs) == "TDCZ" and rows(msgs) == [["42"]] and msgs[-1] == (b"Z", b"I")
        conn.send(rp.terminate())
        conn.expect_closed()
    assert_healthy(duckgres, bystander)


@pytest.mark.duckgres_only
def test_ssl_request_refused_when_tls_off(limited) -> None:
    with RawConnection.open(limited) as conn:
        conn.send(rp.ssl_request())
        assert conn.read_bytes(1) == b"N"
        # The same socket goes on unencrypted.
        conn.login(limited)
        assert conn.scalar("select 7") == "7"


@pytest.mark.duckgres_only  # Debian's PostgreSQL has GSSAPI and answers 'G'
def test_gssenc_request_refused_then_startup_on_same_socket(duckgres) -> None:
    with RawConnection.open(duckgres) as conn:
        conn.send(rp.gssenc_request())
        assert conn.read_bytes(1) == b"N"
        assert conn.buf == b"" and not conn.is_closed(0.1), "nothing else may follow the 'N'"
        conn.login(duckgres)
        assert conn.scalar("select 'after gss'") == "after gss"


@pytest.mark.duckgres_only
def test_gssenc_then_ssl_request_then_tls_login(duckgres) -> None:
    """libpq's order with gssencmode=prefer and sslmode=prefer: GSSENCRequest, then SSLRequest."""
    with RawConnection.open(duckgres) as conn:
        conn.send(rp.gssenc_request())
        assert conn.read_bytes(1) == b"N"
        conn.send(rp.ssl_request())
        assert conn.read_bytes(1) == b"S"
        conn.start_tls()
        conn.login(duckgres)
        assert conn.scalar("select 1") == "1"


def expect_repeat_rejected(conn: RawConnection, request_name: str, version: str) -> None:
    conn.is_closed(0.5)  # collect the answer (this server's startup_timeout is 1s or more)
    if conn.buf[:1] in (b"N", b"S", b"G"):
        pytest.fail(f"a repeated {request_name} was answered {conn.buf!r} and the connection left open; "
                    f"PostgreSQL answers FATAL 0A000 'unsupported frontend protocol {version}: server "
                    "supports 3.0 to 3.0' and closes")
    fatal_then_close(conn, "0A000", f"unsupported frontend protocol {version}: server supports 3.0 to 3.0")


def test_second_ssl_request_inside_tls(duckgres) -> None:
    """Encryption is negotiated once: PostgreSQL treats an SSLRequest after the handshake as an
    unknown protocol version (FATAL 0A000) and closes."""
    with RawConnection.open(duckgres) as conn:
        conn.send(rp.ssl_request())
        assert conn.read_bytes(1) == b"S"
        conn.start_tls()
        conn.send(rp.ssl_request())
        expect_repeat_rejected(conn, "SSLRequest", "1234.5679")


@pytest.mark.duckgres_only
@pytest.mark.parametrize("request_name", ["SSLRequest", "GSSENCRequest"])
def test_repeated_refused_encryption_request(limited, request_name: str) -> None:
    """After an 'N', the same request again is a protocol violation in PostgreSQL (it only lets the
    client try the other kind): FATAL 0A000 naming the request code as a protocol version."""
    packet, version = ((rp.ssl_request(), "1234.5679") if request_name == "SSLRequest"
                       else (rp.gssenc_request(), "1234.5680"))
    with RawConnection.open(limited) as conn:
        conn.send(packet)
        assert conn.read_bytes(1) == b"N"
        conn.send(packet)
        expect_repeat_rejected(conn, request_name, version)


@pytest.mark.duckgres_only
def test_data_after_ssl_request_before_handshake(duckgres, bystander) -> None:
    """Plaintext bytes pipelined behind SSLRequest could be injected by a man in the middle: the
    server must not start TLS (no 'S') and must not process them, but fail with 08P01 and close.
    (PostgreSQL 15 with TLS answers 'S' and reports the same FATAL 08P01 only after the handshake;
    without TLS it answers 'N' and then the FATAL.)"""
    with RawConnection.open(duckgres) as conn:
        conn.send(rp.ssl_request() + rp.startup_packet({"user": "postgres", "database": "postgres"}))
        msgs = conn.read_all_until_closed(5)
        fields = assert_fatal(msgs, "08P01")
        assert "unencrypted data after SSL request" in fields["M"], fields
    assert_healthy(duckgres, bystander)


@pytest.mark.duckgres_only
def test_protocol_version_2_rejected(duckgres) -> None:
    """PostgreSQL 15 answers a 2.0 startup with the error in the old 2.0 format ('E' + text);
    Duckgres uses a v3 ErrorResponse, which libpq also reads. Either way: 0A000, then closed."""
    with RawConnection.open(duckgres) as conn:
        conn.send_startup({"user": "postgres", "database": "postgres"}, version=2 << 16)
        fatal_then_close(conn, "0A000", "unsupported frontend protocol 2.0: server supports 3.0 to 3.0")


def test_protocol_3_5_negotiated_down(duckgres) -> None:
    """PostgreSQL answers a newer 3.x minor version / unknown `_pq_.` options with
    NegotiateProtocolVersion carrying the newest version it supports as a full version number
    (3 << 16 | 0 = 196608: major 3, minor 0; libpq 17+ rejects anything below 3.0 there) and the
    unrecognized options, then goes on with authentication."""
    with RawConnection.open(duckgres) as conn:
        conn.send_startup({"user": "postgres", "database": "postgres", "_pq_.foo": "bar"}, version=(3 << 16) | 5)
        kind, payload = conn.read_message()
        assert kind == b"v", (kind, payload)
        newest, options = rp.negotiate_protocol_version(payload)
        assert options == ["_pq_.foo"], payload
        assert newest & 0xFFFF == 0, f"newest minor version should be 0, got {newest:#x}"
        assert newest == 196608, (f"NegotiateProtocolVersion carries {newest:#010x}; PostgreSQL sends "
                                  f"the full version 0x00030000 (3.0)")
        # Authentication follows, and the connection works at 3.0.
        kind, payload = conn.read_message()
        assert kind == b"R" and rp.auth_code(payload) == rp.AUTH_SASL, (kind, payload)
        msgs = conn.authenticate("postgres", duckgres.password, first=(kind, payload))
        assert msgs[-1][0] == b"R" and rp.auth_code(msgs[-1][1]) == rp.AUTH_OK, msgs
        conn.read_until_ready()
        assert conn.scalar("select 3") == "3"


def test_startup_without_user(duckgres) -> None:
    with RawConnection.open(duckgres) as conn:
        conn.send_startup({"database": "postgres", "application_name": "no-user"})
        fatal_then_close(conn, "28000", "no PostgreSQL user name specified in startup packet")


@pytest.mark.duckgres_only
def test_startup_packet_over_limit(limited, limited_bystander) -> None:
    # A well-formed startup packet just over max_startup_message_size (1000 bytes).
    with RawConnection.open(limited) as conn:
        conn.send(rp.startup_packet({"user": "postgres", "database": "postgres", "application_name": "x" * 1000}))
        fatal_then_close(conn, "08P01")
    # One well under it still works.
    with RawConnection.open(limited) as conn:
        conn.login(limited, {"application_name": "y" * 800})
        assert conn.parameters.get("application_name") == "y" * 800


@pytest.mark.duckgres_only
def test_startup_packet_huge_announced_length(limited, limited_bystander) -> None:
    """A length word of 2^30 with no body: refused at once from the header alone, nothing allocated."""
    pid = server_pid(limited)
    peak_before = proc_status(pid, "VmHWM") if pid else 0
    with RawConnection.open(limited) as conn:
        started = time.monotonic()
        conn.send(struct.pack("!II", 1 << 30, rp.PROTOCOL_3_0))
        fields = fatal_then_close(conn, "08P01", timeout=3)
        assert time.monotonic() - started < 2, "the server waited for the announced body"
        assert "too large" in fields["M"] or "length" in fields["M"], fields
    if pid:
        grown_kb = proc_status(pid, "VmHWM") - peak_before
        assert grown_kb < 64 * 1024, f"peak RSS grew by {grown_kb} kB after a 1 GB length word"
    assert_healthy(limited, limited_bystander)


@pytest.mark.parametrize("length", [0, 3, 4, 7])
def test_startup_length_below_8(duckgres, length: int) -> None:
    """PostgreSQL logs 'invalid length of startup packet' and just closes; Duckgres also tells the
    client (FATAL 08P01). Either way nothing else is sent and the connection is closed."""
    with RawConnection.open(duckgres) as conn:
        conn.send(struct.pack("!I", length) + b"\0" * max(0, length - 4))
        msgs = conn.read_all_until_closed(5)
        if msgs:
            fields = assert_fatal(msgs, "08P01")
            assert "invalid length of startup packet" in fields["M"], fields


def test_cancel_request_wrong_key_or_unknown_pid(duckgres, bystander) -> None:
    with rp.connect(duckgres, timeout=30) as target:
        pid, key = target.process_id, target.secret_key
        assert pid is not None and key is not None
        target.send_query(SLOW_QUERY.format(n=6_000_000))
        time.sleep(0.2)
        for bad_pid, bad_key in [(pid, key ^ 1), (pid, key ^ (1 << 31)), (pid ^ 0x5A5A5A, key), (0, 0)]:
            with RawConnection.open(duckgres) as canceller:
                canceller.send(rp.cancel_request(bad_pid, bad_key))
                canceller.expect_closed(5)
        msgs = target.read_until_ready(30)
        assert kinds(msgs) == "TDCZ", f"the running statement was disturbed: {msgs!r}"
        assert msgs[-1] == (b"Z", b"I")
        assert target.scalar("select 'still here'") == "still here"

        # Control: the right key does cancel (57014, connection stays usable).
        target.send_query(SLOW_QUERY.format(n=60_000_000))
        time.sleep(0.3)
        with RawConnection.open(duckgres) as canceller:
            canceller.send(rp.cancel_request(pid, key))
            canceller.expect_closed(5)
        msgs = target.read_until_ready(30)
        errors = [error_fields(p) for k, p in msgs if k == b"E"]
        assert len(errors) == 1 and errors[0]["C"] == "57014", msgs
        assert errors[0]["S"] == "ERROR" and msgs[-1] == (b"Z", b"I")
        assert target.scalar("select 2") == "2"
    assert_healthy(duckgres, bystander)


# ================================================================================================
# 2. Authentication

def _scram_attempt(server: harness.Server, user: str, password: str) -> tuple[list[rp.Message], dict[str, str]]:
    """A SCRAM login read off the wire: the authentication requests seen and the final error fields."""
    with RawConnection.open(server) as conn:
        conn.send_startup({"user": user, "database": "postgres"})
        msgs = conn.authenticate(user, password)
        assert msgs[-1][0] == b"E", msgs
        conn.expect_closed(5)
    return msgs[:-1], error_fields(msgs[-1][1])


def test_wrong_password_and_unknown_user_answer_alike(duckgres) -> None:
    steps_known, known = _scram_attempt(duckgres, "postgres", "wrong password")
    steps_unknown, unknown = _scram_attempt(duckgres, "no_such_user", "whatever")
    # Same exchange: SASL, SASLContinue (same iteration count and salt size), then the error.
    for steps in (steps_known, steps_unknown):
        assert [rp.auth_code(p) for _, p in steps] == [rp.AUTH_SASL, rp.AUTH_SASL_CONTINUE], steps

    def shape(server_first: bytes) -> tuple:
        attrs = dict(item.split(b"=", 1) for item in server_first[4:].split(b","))
        return sorted(attrs), attrs[b"i"], len(attrs[b"s"])

    assert shape(steps_known[1][1]) == shape(steps_unknown[1][1])
    for fields, user in ((known, "postgres"), (unknown, "no_such_user")):
        assert fields["S"] == "FATAL" and fields["V"] == "FATAL", fields
        assert fields["C"] == "28P01", fields
        assert fields["M"] == f'password authentication failed for user "{user}"', fields
    assert sorted(known) == sorted(unknown), (known, unknown)
    assert {k: v for k, v in known.items() if k != "M"} == {k: v for k, v in unknown.items() if k != "M"}


def test_query_instead_of_sasl_initial_response(duckgres) -> None:
    with RawConnection.open(duckgres) as conn:
        conn.send_startup({"user": "postgres", "database": "postgres"})
        kind, payload = conn.read_message()
        assert kind == b"R" and rp.auth_code(payload) == rp.AUTH_SASL
        conn.send(rp.query("select 1"))
        fatal_then_close(conn, "08P01")


def test_query_instead_of_sasl_response(duckgres) -> None:
    with RawConnection.open(duckgres) as conn:
        conn.send_startup({"user": "postgres", "database": "postgres"})
        assert rp.auth_code(conn.read_message()[1]) == rp.AUTH_SASL
        conn.send(rp.sasl_initial_response(b"n,,n=,r=abcdefghijklmnopqrstuvwx"))
        kind, payload = conn.read_message()
        assert kind == b"R" and rp.auth_code(payload) == rp.AUTH_SASL_CONTINUE, (kind, payload)
        conn.send(rp.query("select 1"))
        fatal_then_close(conn, "08P01")


@pytest.mark.parametrize("user", ["postgres", "no_such_user"])
@pytest.mark.parametrize("client_first", [b"garbage", b"", b"n,,", b"p=tls-server-end-point,,n=,r=abc", b"n,,r=abc", b"\xff\xfe\x00zz"])
def test_garbage_scram_client_first(duckgres, user: str, client_first: bytes) -> None:
    with RawConnection.open(duckgres) as conn:
        conn.send_startup({"user": user, "database": "postgres"})
        assert rp.auth_code(conn.read_message()[1]) == rp.AUTH_SASL
        conn.send(rp.sasl_initial_response(client_first))
        fatal_then_close(conn, "08P01")


def test_unknown_sasl_mechanism(duckgres) -> None:
    with RawConnection.open(duckgres) as conn:
        conn.send_startup({"user": "postgres", "database": "postgres"})
        assert rp.auth_code(conn.read_message()[1]) == rp.AUTH_SASL
        conn.send(rp.sasl_initial_response(b"n,,n=,r=abc", mechanism="SCRAM-SHA-1"))
        fatal_then_close(conn, "08P01")


@pytest.mark.duckgres_only
def test_startup_timeout_closes_stalled_connections(limited, limited_bystander) -> None:
    """startup_timeout (1s here) closes connections that never finish startup or authentication,
    whatever stage they stall at; nothing else is disturbed."""
    results: dict[str, object] = {}

    def stall(name: str, prepare) -> None:
        try:
            with RawConnection.open(limited, timeout=10) as conn:
                prepare(conn)
                started = time.monotonic()
                msgs = conn.read_all_until_closed(8)
                results[name] = (msgs, time.monotonic() - started)
        except Exception as e:  # noqa: BLE001 - reported below
            results[name] = e

    def nothing(conn: RawConnection) -> None:
        pass

    def half_startup(conn: RawConnection) -> None:
        conn.send(rp.startup_packet({"user": "postgres", "database": "postgres"})[:10])

    def at_sasl(conn: RawConnection) -> None:
        conn.send_startup({"user": "postgres", "database": "postgres"})
        assert rp.auth_code(conn.read_message()[1]) == rp.AUTH_SASL

    def at_sasl_continue(conn: RawConnection) -> None:
        at_sasl(conn)
        conn.send(rp.sasl_initial_response(b"n,,n=,r=abcdefghijklmnopqrstuvwx"))
        assert rp.auth_code(conn.read_message()[1]) == rp.AUTH_SASL_CONTINUE

    threads = [threading.Thread(target=stall, args=(name, fn)) for name, fn in
               [("nothing", nothing), ("half_startup", half_startup), ("at_sasl", at_sasl),
                ("at_sasl_continue", at_sasl_continue)]]
    for t in threads:
        t.start()
    for t in threads:
        t.join(15)
    for name in ("nothing", "half_startup", "at_sasl", "at_sasl_continue"):
        result = results.get(name)
        assert isinstance(result, tuple), f"{name}: {result!r}"
        msgs, elapsed = result
        assert 0.5 <= elapsed <= 4.0, f"{name}: closed after {elapsed:.2f}s with startup_timeout 1s"
        # PostgreSQL exits silently on authentication_timeout; a FATAL 08P01/57P05-style notice
        # before the close would also be acceptable, any other reply is not.
        assert not msgs or (kinds(msgs) == "E" and error_fields(msgs[0][1])["S"] == "FATAL"), (name, msgs)
    # A session that completed authentication is not subject to the startup timeout.
    with rp.connect(limited) as conn:
        time.sleep(1.5)
        assert conn.scalar("select 'past the timeout'") == "past the timeout"
    assert_healthy(limited, limited_bystander)


# ================================================================================================
# 3. After authentication

@pytest.mark.duckgres_only
def test_message_over_max_message_size(limited, limited_bystander) -> None:
    with rp.connect(limited) as conn:
        # Under the limit (65536): fine.
        text = "a" * 60000
        assert conn.scalar(f"select length('{text}')") == "60000"
        # Over it: FATAL 08P01, closed.
        conn.send_query("select '" + "b" * 70000 + "'")
        fields = fatal_then_close(conn, "08P01")
        assert "too large" in fields["M"] or "length" in fields["M"], fields
    # Announcing 2^30 bytes is refused from the header alone.
    with rp.connect(limited) as conn:
        started = time.monotonic()
        conn.send(b"Q" + struct.pack("!I", 1 << 30) + b"select")
        fatal_then_close(conn, "08P01", timeout=3)
        assert time.monotonic() - started < 2
    assert_healthy(limited, limited_bystander)


@pytest.mark.parametrize("length", [0, 3])
def test_message_length_below_4(duckgres, bystander, length: int) -> None:
    """PostgreSQL logs 'invalid message length' and closes without a word; Duckgres says FATAL
    08P01 first. Either way: no other reply, connection closed."""
    with rp.connect(duckgres) as conn:
        conn.send(b"Q" + struct.pack("!I", length))
        msgs = conn.read_all_until_closed(5)
        if msgs:
            assert_fatal(msgs, "08P01")
    assert_healthy(duckgres, bystander)


@pytest.mark.parametrize("type_byte", [b"!", b"z", b"\x00", b"\xff"])
def test_unknown_message_type(duckgres, bystander, type_byte: bytes) -> None:
    with rp.connect(duckgres) as conn:
        conn.send(rp.message(type_byte, b"whatever\0"))
        fatal_then_close(conn, "08P01", f"invalid frontend message type {type_byte[0]}")
    assert_healthy(duckgres, bystander)


def test_query_without_terminator(duckgres, bystander) -> None:
    """A Query whose string has no NUL: PostgreSQL raises ERROR 08P01 'invalid string in message'
    (not FATAL), sends ReadyForQuery and the session goes on."""
    with rp.connect(duckgres) as conn:
        conn.send(rp.message(b"Q", b"select 1"))
        try:
            msgs = conn.read_until_ready(5)
        except ServerClosed as e:
            pytest.fail(f"the server closed the connection after {e.messages!r}; PostgreSQL answers "
                        "ERROR 08P01 'invalid string in message' + ReadyForQuery 'I' and keeps the session")
        assert kinds(msgs) == "EZ", msgs
        fields = error_fields(msgs[0][1])
        assert fields["S"] == "ERROR" and fields["C"] == "08P01", fields
        assert fields["M"].startswith("invalid string in message"), fields
        assert msgs[-1] == (b"Z", b"I")
        assert conn.scalar("select 'usable'") == "usable"
    assert_healthy(duckgres, bystander)


def test_query_with_trailing_garbage_after_terminator(duckgres, bystander) -> None:
    """Bytes after the Query string's NUL: PostgreSQL 15 reports ERROR 08P01 'invalid message
    format' and keeps the session; the server must at least not run the query nor crash."""
    with rp.connect(duckgres) as conn:
        conn.send(rp.message(b"Q", b"select 1\0junk"))
        try:
            msgs = conn.read_until_ready(5)
        except ServerClosed as e:
            msgs = e.messages
            assert_fatal(msgs, "08P01")
        else:
            assert kinds(msgs) == "EZ", msgs
            fields = error_fields(msgs[0][1])
            assert fields["C"] == "08P01", fields
    assert_healthy(duckgres, bystander)


@pytest.mark.parametrize("sql", ["", " ", ";", " ; ;\n", "-- only a comment", "/* block */"])
def test_empty_query(duckgres, sql: str) -> None:
    with rp.connect(duckgres) as conn:
        msgs = conn.simple_query(sql)
        assert msgs == [(b"I", b""), (b"Z", b"I")], msgs
        assert conn.scalar("select 1") == "1"


def test_pipelined_queries_answered_in_order(duckgres) -> None:
    with rp.connect(duckgres) as conn:
        batch = [rp.query(f"select {i} as n") for i in range(20)]
        batch.insert(5, rp.query("select 1/0"))
        batch.insert(10, rp.query(""))
        batch.append(rp.query("select 'last'"))
        conn.send(b"".join(batch))
        answers = [conn.read_until_ready(15) for _ in batch]
        expected_values = iter(range(20))
        for i, msgs in enumerate(answers):
            assert msgs[-1] == (b"Z", b"I"), (i, msgs)
            if i == 5:
                assert kinds(msgs) == "EZ" and error_fields(msgs[0][1])["C"] == "22012", msgs
            elif i == 10:
                assert kinds(msgs) == "IZ", msgs
            elif i == len(batch) - 1:
                assert rows(msgs) == [["last"]], msgs
            else:
                assert kinds(msgs) == "TDCZ" and rows(msgs) == [[str(next(expected_values))]], (i, msgs)
        assert conn.buf == b"" and not conn.is_closed(0.2)


def test_pipelined_queries_then_terminate(duckgres) -> None:
    """Queries and a Terminate in one write: every query is answered before the close."""
    with rp.connect(duckgres) as conn:
        conn.send(rp.query("select 1") + rp.query("select 2") + rp.terminate())
        assert rows(conn.read_until_ready()) == [["1"]]
        assert rows(conn.read_until_ready()) == [["2"]]
        conn.expect_closed(5)


def test_terminate_closes_cleanly(duckgres, bystander) -> None:
    with rp.connect(duckgres) as conn:
        conn.send(rp.terminate())
        conn.expect_closed(5)
    # Terminate inside an open transaction: rolled back, connection closed without a word.
    with rp.connect(duckgres) as conn:
        assert conn.simple_query("begin")[-1] == (b"Z", b"T")
        conn.send(rp.terminate())
        conn.expect_closed(5)
    assert_healthy(duckgres, bystander)


@pytest.mark.parametrize("abort", ["close", "reset"])
def test_disconnect_during_large_result(duckgres, bystander, abort: str) -> None:
    conn = rp.connect(duckgres)
    try:
        # (PostgreSQL materializes generate_series in FROM; in the target list it streams.)
        conn.send_query("select * from range(10000000)" if duckgres.is_duckgres
                        else "select generate_series(1, 10000000)")
        received = len(conn.buf)
        deadline = time.monotonic() + 15
        while received < 2_000_000:
            assert time.monotonic() < deadline, f"only {received} bytes of the result arrived"
            chunk = conn.sock.recv(65536)
            assert chunk, "the server closed the connection in the middle of the result"
            received += len(chunk)
        if abort == "reset":
            conn.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    finally:
        conn.close()
    # Other sessions work at once, and keep working while the abandoned statement winds down.
    for _ in range(3):
        assert bystander.execute("select count(*) from generate_series(1, 1000)").fetchone() == (1000,)
        time.sleep(0.1)
    assert_healthy(duckgres, bystander)


@pytest.mark.duckgres_only  # the reference PostgreSQL allows 60 connections
def test_many_idle_connections() -> None:
    """200 idle sessions (over PostgreSQL's default max_connections, so the limit is raised) cost no threads."""
    server = harness.start_duckgres(config={"max_connections": 300})
    idle: list[RawConnection] = []
    try:
        bystander = pg3(server)
        pid = server_pid(server)
        threads_before = proc_status(pid, "Threads") if pid else 0
        for _ in range(200):
            idle.append(rp.connect(server, timeout=20))
        # Queries still run, on an existing and on a new session.
        assert bystander.execute("select sum(i) from generate_series(0, 99999) t(i)").fetchone() == (4999950000,)
        with pg3(server) as other:
            assert other.execute("select 2").fetchone() == (2,)
        if pid:
            threads = proc_status(pid, "Threads")
            assert threads < threads_before + 20 and threads < 100, (
                f"{threads} threads with 200 idle connections (before: {threads_before})")
        # Every idle session is still alive and answers (all asked at once).
        for conn in idle:
            conn.send_query("select 1")
        for conn in idle:
            assert kinds(conn.read_until_ready(30)) == "TDCZ"
        for conn in idle:
            conn.close()
        assert_healthy(server, bystander)
        bystander.close()
    finally:
        for conn in idle:
            conn.close()
        server.cleanup()


# ================================================================================================
# 4. ReadyForQuery transaction status

def test_ready_for_query_status_bytes(duckgres) -> None:
    with rp.connect(duckgres) as conn:
        msgs = conn.simple_query("select 1")
        assert tags(msgs) == ["SELECT 1"] and msgs[-1] == (b"Z", b"I")
        msgs = conn.simple_query("BEGIN")
        assert tags(msgs) == ["BEGIN"] and msgs[-1] == (b"Z", b"T")
        msgs = conn.simple_query("select 2")
        assert tags(msgs) == ["SELECT 1"] and msgs[-1] == (b"Z", b"T")
        msgs = conn.simple_query("select 1/0")
        assert kinds(msgs) == "EZ" and msgs[-1] == (b"Z", b"E"), msgs
        assert error_fields(msgs[0][1])["C"] == "22012"
        for sql in ("select 3", "select 1/0", "create table never_created(i int)"):
            msgs = conn.simple_query(sql)
            assert kinds(msgs) == "EZ" and msgs[-1] == (b"Z", b"E"), (sql, msgs)
            fields = error_fields(msgs[0][1])
            assert fields["C"] == "25P02" and fields["S"] == "ERROR", fields
            assert fields["M"] == ("current transaction is aborted, commands ignored until end of "
                                   "transaction block"), fields
        msgs = conn.simple_query("ROLLBACK")
        assert tags(msgs) == ["ROLLBACK"] and msgs[-1] == (b"Z", b"I"), msgs
        msgs = conn.simple_query("select 4")
        assert rows(msgs) == [["4"]] and msgs[-1] == (b"Z", b"I")


def test_commit_in_failed_block_reports_rollback(duckgres) -> None:
    with rp.connect(duckgres) as conn:
        conn.simple_query("drop table if exists rq_commit_failed")
        assert conn.simple_query("create table rq_commit_failed(i int)")[-1] == (b"Z", b"I")
        try:
            assert conn.simple_query("begin")[-1] == (b"Z", b"T")
            assert conn.simple_query("insert into rq_commit_failed values (1)")[-1] == (b"Z", b"T")
            assert conn.simple_query("select 1/0")[-1] == (b"Z", b"E")
            msgs = conn.simple_query("commit")
            assert kinds(msgs) == "CZ" and tags(msgs) == ["ROLLBACK"] and msgs[-1] == (b"Z", b"I"), msgs
            assert conn.scalar("select count(*) from rq_commit_failed") == "0"
            # An error in a multi-statement Query with BEGIN inside leaves the block failed too.
            msgs = conn.simple_query("begin; select 1/0; select 2")
            assert kinds(msgs) == "CEZ" and msgs[-1] == (b"Z", b"E"), msgs
            msgs = conn.simple_query("end")
            assert tags(msgs) == ["ROLLBACK"] and msgs[-1] == (b"Z", b"I"), msgs
        finally:
            conn.simple_query("drop table if exists rq_commit_failed")


# ================================================================================================
# 5. Graceful shutdown

@pytest.mark.duckgres_only
def test_sigterm_graceful_shutdown(duckgres_factory) -> None:
    shutdown_timeout = 5.0
    server = duckgres_factory({"tls": {"mode": "off"}, "shutdown_timeout": "5s"})
    assert isinstance(server, harness.DuckgresServer)
    with rp.connect(server) as setup:
        for sql in ("create table kept(i int)", "insert into kept values (1), (2)",
                    "create table lost(i int)"):
            msgs = setup.simple_query(sql)
            assert kinds(msgs) == "CZ", (sql, msgs)
    idle = rp.connect(server)
    in_tx = rp.connect(server)
    busy = rp.connect(server, timeout=30)
    try:
        for sql in ("begin", "insert into lost values (42)", "insert into kept values (3)"):
            assert in_tx.simple_query(sql)[-1] == (b"Z", b"T"), sql
        # Keeps the server up for a moment, the same on a busy machine (a query that computes would not).
        busy.send_query("select pg_sleep(1.5)")
        time.sleep(0.2)

        started = time.monotonic()
        server.send_signal(signal.SIGTERM)

        # The idle sessions (in a transaction or not) are told why, then closed.
        for name, conn in (("idle", idle), ("in transaction", in_tx)):
            msgs = conn.read_all_until_closed(shutdown_timeout)
            assert_fatal(msgs, "57P01", "terminating connection due to administrator command")

        # New connections are refused while the server winds down (the busy statement keeps it up).
        assert server.running(), "the server exited before its running statement finished"
        try:
            with RawConnection.open(server, timeout=3) as late:
                late.send_startup()
                assert_fatal(late.read_all_until_closed(3), "57P03", "the database system is shutting down")
        except ConnectionRefusedError:
            pass

        # The running statement may finish (well within shutdown_timeout); then 57P01 and close.
        msgs = busy.read_all_until_closed(shutdown_timeout + 5)
        assert kinds(msgs) == "TDCZE" and msgs[3] == (b"Z", b"I"), msgs
        assert_fatal(msgs[-1:], "57P01", "terminating connection due to administrator command")

        rc = server.proc.wait(timeout=shutdown_timeout + 5)
        elapsed = time.monotonic() - started
        assert rc == 0, f"exit code {rc}\n{server.log_text()}"
        assert elapsed <= shutdown_timeout + 2, f"took {elapsed:.1f}s to exit"
    finally:
        for conn in (idle, in_tx, busy):
            conn.close()

    server.stop()  # collects the exit code; the process is gone
    assert not harness.port_accepts(server.port)
    server.start()
    with rp.connect(server) as conn:
        assert rows(conn.simple_query("select i from kept order by i")) == [["1"], ["2"]]
        assert rows(conn.simple_query("select count(*) from lost")) == [["0"]]
