"""Client-side helpers shared by the client tests: connect with each driver, run psql, and speak
just enough raw protocol to see what the server answers at startup."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
import subprocess
from typing import Any, Iterator

import psycopg
import psycopg2
from psycopg import pq

from harness import Server

PSQL = "psql"


def pg3(server: Server, autocommit: bool = True, **overrides: Any) -> psycopg.Connection:
    """psycopg 3 connection (autocommit by default, so tests send BEGIN/COMMIT themselves)."""
    return psycopg.connect(server.conninfo(**overrides), autocommit=autocommit)


class SimpleProtocolCursor(psycopg.ClientCursor):
    """A psycopg 3 cursor that never uses the extended query protocol, which Duckgres does not
    support yet: parameters are bound client-side (ClientCursor), and stream() sends a simple Query
    in libpq's single-row mode instead of psycopg 3.1's forced PQsendQueryParams."""

    def _execute_send(self, query, *, force_extended: bool = False, binary=None) -> None:
        super()._execute_send(query, force_extended=False, binary=binary)


class SimpleProtocolConnection(psycopg.Connection):
    """A psycopg 3 connection whose own commands (BEGIN, COMMIT, ROLLBACK from commit(), rollback(),
    transaction() and the non-autocommit mode) travel as simple Query messages: psycopg 3.1 sends
    them with PQsendQueryParams, i.e. the extended query protocol. Its cursors are
    SimpleProtocolCursors. Drop both classes once Duckgres speaks the extended protocol."""

    def _exec_command(self, command, result_format=pq.Format.TEXT):
        from psycopg import errors
        from psycopg._encodings import pgconn_encoding
        from psycopg.generators import execute
        from psycopg.sql import Composable

        self._check_connection_ok()
        if isinstance(command, str):
            command = command.encode(pgconn_encoding(self.pgconn))
        elif isinstance(command, Composable):
            command = command.as_bytes(self)
        if self._pipeline:
            raise AssertionError("pipeline mode needs the extended query protocol")
        self.pgconn.send_query(command)
        result = (yield from execute(self.pgconn))[-1]
        if result.status not in (pq.ExecStatus.COMMAND_OK, pq.ExecStatus.TUPLES_OK):
            if result.status == pq.ExecStatus.FATAL_ERROR:
                raise errors.error_from_result(result, encoding=pgconn_encoding(self.pgconn))
            raise errors.InterfaceError(f"unexpected result {pq.ExecStatus(result.status).name} "
                                        f"from command {command.decode()!r}")
        return result


def pg3_simple(server: Server, autocommit: bool = True, **overrides: Any) -> SimpleProtocolConnection:
    """psycopg 3 restricted to the simple query protocol (see SimpleProtocolConnection): for tests
    of parameters, stream(), transaction() and the non-autocommit mode."""
    return SimpleProtocolConnection.connect(server.conninfo(**overrides), autocommit=autocommit,
                                            cursor_factory=SimpleProtocolCursor)


def pg2(server: Server, autocommit: bool = True, **overrides: Any):
    """psycopg2 connection (autocommit by default)."""
    conn = psycopg2.connect(server.conninfo(**overrides))
    conn.autocommit = autocommit
    return conn


def connect_with(driver: str, server: Server, **overrides: Any):
    return pg3(server, **overrides) if driver == "psycopg" else pg2(server, **overrides)


def connect_error(driver: str, server: Server, **overrides: Any) -> Exception:
    """Connects expecting failure; returns the exception (fails the test if it connects)."""
    try:
        conn = connect_with(driver, server, **overrides)
    except (psycopg.Error, psycopg2.Error) as e:
        return e
    conn.close()
    raise AssertionError(f"{driver} connected although it should not have: {overrides}")


def asyncpg_connect_error(server: Server, **overrides: Any) -> BaseException | None:
    """Connects with asyncpg (which exposes the SQLSTATE of startup errors); returns the error or None."""
    import asyncpg

    p = server.conn_params(**overrides)

    async def go() -> BaseException | None:
        try:
            conn = await asyncpg.connect(host=p["host"], port=p["port"], user=p["user"], password=p.get("password"),
                                         database=p["dbname"], ssl=False, timeout=15)
        except Exception as e:  # noqa: BLE001 - returned to the caller
            return e
        try:
            await conn.close(timeout=5)
        except Exception:  # noqa: BLE001
            pass
        return None

    return asyncio.run(go())


def psql(server: Server, *args: str, input: str | None = None, timeout: float = 120,
         **conn_overrides: Any) -> subprocess.CompletedProcess:
    """Runs psql (no psqlrc) against `server`; connection parameters go through PG* variables."""
    env = server.psql_env(**conn_overrides)
    return subprocess.run([PSQL, "-X", "--no-password", *args], input=input, capture_output=True, text=True,
                          env=env, timeout=timeout)


# ------------------------------------------------------------------------------------------------
# Raw protocol: what does the server say right after StartupMessage / SSLRequest?

def _recv_exact(sock: socket.socket, n: int) -> bytes:
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise ConnectionError(f"server closed the connection after {len(buf)} of {n} bytes")
        buf += chunk
    return buf


def _read_message(sock: socket.socket) -> tuple[bytes, bytes]:
    header = _recv_exact(sock, 5)
    length = struct.unpack("!I", header[1:])[0]
    if length < 4 or length > 1 << 20:
        raise ValueError(f"bad message length {length}")
    return header[:1], _recv_exact(sock, length - 4)


def parse_error_fields(payload: bytes) -> dict[str, str]:
    fields: dict[str, str] = {}
    for part in payload.split(b"\0"):
        if part:
            fields[chr(part[0])] = part[1:].decode("utf-8", "replace")
    return fields


def first_auth_request(server: Server, user: str, database: str = "postgres") -> tuple[str, Any]:
    """Sends a StartupMessage and returns the server's first answer:
    ("auth", code, payload) for AuthenticationXXX (0 ok, 3 cleartext, 5 md5, 10 SASL) or ("error", fields)."""
    params = b"user\0" + user.encode() + b"\0database\0" + database.encode() + b"\0\0"
    body = struct.pack("!I", 196608) + params
    with socket.create_connection((server.host, server.port), timeout=10) as sock:
        sock.sendall(struct.pack("!I", len(body) + 4) + body)
        kind, payload = _read_message(sock)
    if kind == b"R":
        return ("auth", struct.unpack("!I", payload[:4])[0], payload[4:])
    if kind == b"E":
        return ("error", parse_error_fields(payload))
    return (kind.decode(), payload)


def sasl_mechanisms(payload: bytes) -> list[str]:
    return [m.decode() for m in payload.split(b"\0") if m]


def ssl_request_answer(server: Server) -> bytes:
    """Sends SSLRequest; returns the one-byte answer (b'S' or b'N')."""
    with socket.create_connection((server.host, server.port), timeout=10) as sock:
        sock.sendall(struct.pack("!II", 8, 80877103))
        return _recv_exact(sock, 1)


def _send(sock: socket.socket, kind: bytes, payload: bytes) -> None:
    sock.sendall(kind + struct.pack("!I", len(payload) + 4) + payload)


def raw_login(server: Server, user: str, password: str, database: str = "postgres",
              extra_params: dict[str, str] | None = None) -> tuple[str, dict[str, str]]:
    """Logs in speaking the protocol directly (SCRAM-SHA-256, md5 or cleartext, whichever the server
    asks for). Returns ("ok", ParameterStatus values) after ReadyForQuery, or ("error", ErrorResponse
    fields: 'S' severity, 'C' SQLSTATE, 'M' message...). No TLS."""
    with socket.create_connection((server.host, server.port), timeout=15) as sock:
        kind, result = _login(sock, user, password, database, extra_params)
        if kind == "ok":
            _send(sock, b"X", b"")
        return kind, result


@contextlib.contextmanager
def raw_session(server: Server, user: str = "postgres", password: str = "postgres",
                database: str = "postgres") -> Iterator[socket.socket]:
    """A socket logged in over the raw protocol (ReadyForQuery already read), for tests that send
    messages no driver sends on its own. Use send_message() and read_message(); Terminate at the end."""
    with socket.create_connection((server.host, server.port), timeout=15) as sock:
        kind, result = _login(sock, user, password, database, None)
        if kind != "ok":
            raise AssertionError(f"raw login failed: {result}")
        yield sock
        try:
            _send(sock, b"X", b"")
        except OSError:
            pass


def send_message(sock: socket.socket, kind: bytes, payload: bytes = b"") -> None:
    _send(sock, kind, payload)


def read_message(sock: socket.socket) -> tuple[bytes, bytes]:
    """The next backend message as (type byte, payload)."""
    return _read_message(sock)


def _login(sock: socket.socket, user: str, password: str, database: str,
           extra_params: dict[str, str] | None) -> tuple[str, dict[str, str]]:
    """The startup and authentication exchange of raw_login() on an open socket; returns after
    ReadyForQuery (or the ErrorResponse), leaving the socket open."""
    import base64
    import hashlib
    import hmac
    import secrets

    params = {"user": user, "database": database, **(extra_params or {})}
    body = struct.pack("!I", 196608) + b"".join(k.encode() + b"\0" + v.encode() + b"\0" for k, v in params.items()) + b"\0"
    status: dict[str, str] = {}
    sock.sendall(struct.pack("!I", len(body) + 4) + body)
    client_first_bare = server_first = b""
    salted = b""
    while True:
        kind, payload = _read_message(sock)
        if kind == b"E":
            return ("error", parse_error_fields(payload))
        if kind == b"S":
            name, value = payload.split(b"\0")[:2]
            status[name.decode()] = value.decode()
            continue
        if kind == b"Z":
            return ("ok", status)
        if kind != b"R":
            continue  # BackendKeyData, NoticeResponse
        code = struct.unpack("!I", payload[:4])[0]
        data = payload[4:]
        if code == 0:
            continue
        if code == 3:
            _send(sock, b"p", password.encode() + b"\0")
        elif code == 5:
            inner = hashlib.md5(password.encode() + user.encode()).hexdigest().encode()
            _send(sock, b"p", b"md5" + hashlib.md5(inner + data[:4]).hexdigest().encode() + b"\0")
        elif code == 10:
            if b"SCRAM-SHA-256" not in data.split(b"\0"):
                raise AssertionError(f"no SCRAM-SHA-256 among SASL mechanisms {data!r}")
            nonce = base64.b64encode(secrets.token_bytes(18))
            client_first_bare = b"n=,r=" + nonce
            first = b"n,," + client_first_bare
            _send(sock, b"p", b"SCRAM-SHA-256\0" + struct.pack("!i", len(first)) + first)
        elif code == 11:
            server_first = data
            attrs = dict(item.split(b"=", 1) for item in server_first.split(b","))
            salted = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(attrs[b"s"]),
                                         int(attrs[b"i"]))
            client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
            stored_key = hashlib.sha256(client_key).digest()
            without_proof = b"c=biws,r=" + attrs[b"r"]
            auth_message = client_first_bare + b"," + server_first + b"," + without_proof
            signature = hmac.new(stored_key, auth_message, hashlib.sha256).digest()
            proof = bytes(a ^ b for a, b in zip(client_key, signature))
            _send(sock, b"p", without_proof + b",p=" + base64.b64encode(proof))
        elif code == 12:
            server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
            auth_message = client_first_bare + b"," + server_first + b"," + b"c=biws,r=" + \
                dict(item.split(b"=", 1) for item in server_first.split(b","))[b"r"]
            expected = base64.b64encode(hmac.new(server_key, auth_message, hashlib.sha256).digest())
            if data.strip() != b"v=" + expected:
                raise AssertionError(f"server signature does not verify: {data!r}")
        else:
            raise AssertionError(f"unexpected authentication request {code}")
