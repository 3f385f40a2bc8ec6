"""A byte-level PostgreSQL v3 protocol client for robustness tests: send exactly the bytes a test
wants (well-formed or not) and read back exactly what the server answers, message by message.

    conn = RawConnection.open(server)
    conn.send_startup({"user": "postgres", "database": "postgres"})
    conn.authenticate("postgres")          # SCRAM-SHA-256, md5 or cleartext, whichever is asked
    conn.read_until_ready()                # ParameterStatus..., BackendKeyData, ReadyForQuery
    conn.send_query("select 1")
    msgs = conn.read_until_ready()         # [(b'T', ...), (b'D', ...), (b'C', ...), (b'Z', b'I')]

Plain sockets only (and `ssl` for TLS), no driver in the way.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import socket
import ssl
import struct
import time
from typing import Any, Iterable, Mapping

PROTOCOL_3_0 = 3 << 16
SSL_REQUEST_CODE = 80877103
GSSENC_REQUEST_CODE = 80877104
CANCEL_REQUEST_CODE = 80877102

AUTH_OK, AUTH_CLEARTEXT, AUTH_MD5, AUTH_SASL, AUTH_SASL_CONTINUE, AUTH_SASL_FINAL = 0, 3, 5, 10, 11, 12

Message = tuple[bytes, bytes]


class ServerClosed(ConnectionError):
    """The server closed the connection (EOF or reset) while we were reading."""

    def __init__(self, message: str, received: bytes = b"", messages: list | None = None) -> None:
        super().__init__(message)
        self.received = received
        #: complete messages read before the close by the call that raised
        self.messages: list = messages or []


# ------------------------------------------------------------------------------------------------
# Encoding

def cstr(s: str | bytes) -> bytes:
    return (s.encode() if isinstance(s, str) else s) + b"\0"


def startup_packet(params: Mapping[str, str] | Iterable[tuple[str, str]], version: int = PROTOCOL_3_0) -> bytes:
    items = params.items() if isinstance(params, Mapping) else params
    body = struct.pack("!I", version) + b"".join(cstr(k) + cstr(v) for k, v in items) + b"\0"
    return struct.pack("!I", len(body) + 4) + body


def ssl_request() -> bytes:
    return struct.pack("!II", 8, SSL_REQUEST_CODE)


def gssenc_request() -> bytes:
    return struct.pack("!II", 8, GSSENC_REQUEST_CODE)


def cancel_request(pid: int, key: int) -> bytes:
    return struct.pack("!IIII", 16, CANCEL_REQUEST_CODE, pid & 0xFFFFFFFF, key & 0xFFFFFFFF)


def message(kind: bytes, payload: bytes = b"") -> bytes:
    """A typed frontend message: type byte, Int32 length (counting itself), payload."""
    return kind + struct.pack("!I", len(payload) + 4) + payload


def query(sql: str) -> bytes:
    return message(b"Q", cstr(sql))


def terminate() -> bytes:
    return message(b"X")


# ------------------------------------------------------------------------------------------------
# Decoding

def error_fields(payload: bytes) -> dict[str, str]:
    """ErrorResponse / NoticeResponse fields by their one-letter code ('S', 'V', 'C', 'M', ...)."""
    fields: dict[str, str] = {}
    for part in payload.split(b"\0"):
        if part:
            fields[chr(part[0])] = part[1:].decode("utf-8", "replace")
    return fields


def auth_code(payload: bytes) -> int:
    return struct.unpack("!I", payload[:4])[0]


def negotiate_protocol_version(payload: bytes) -> tuple[int, list[str]]:
    """NegotiateProtocolVersion ('v'): (newest minor version supported, unrecognized options)."""
    newest, count = struct.unpack("!ii", payload[:8])
    names = [n.decode() for n in payload[8:].split(b"\0")[:count]]
    return newest, names


def data_row(payload: bytes) -> list[bytes | None]:
    (n,) = struct.unpack("!h", payload[:2])
    pos, values = 2, []
    for _ in range(n):
        (length,) = struct.unpack("!i", payload[pos:pos + 4])
        pos += 4
        if length < 0:
            values.append(None)
        else:
            values.append(payload[pos:pos + length])
            pos += length
    return values


def command_tag(payload: bytes) -> str:
    return payload.rstrip(b"\0").decode()


def kinds(messages: Iterable[Message]) -> str:
    """The type bytes of `messages` as a string, e.g. 'TDCZ'."""
    return "".join(k.decode() for k, _ in messages)


# ------------------------------------------------------------------------------------------------
# The connection

class RawConnection:
    def __init__(self, sock: socket.socket, timeout: float = 10.0) -> None:
        self.sock: socket.socket | ssl.SSLSocket = sock
        self.timeout = timeout
        self.buf = b""
        self.sock.settimeout(timeout)
        self.process_id: int | None = None
        self.secret_key: int | None = None
        self.parameters: dict[str, str] = {}

    @classmethod
    def open(cls, server: Any, timeout: float = 10.0) -> "RawConnection":
        sock = socket.create_connection((server.host, server.port), timeout=timeout)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return cls(sock, timeout)

    # raw bytes -------------------------------------------------------------------------------
    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def _fill(self, deadline: float) -> None:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"no complete answer within {self.timeout}s (have {self.buf[:200]!r})")
        self.sock.settimeout(remaining)
        try:
            chunk = self.sock.recv(65536)
        except socket.timeout:
            raise TimeoutError(f"no complete answer within {self.timeout}s (have {self.buf[:200]!r})") from None
        except (ConnectionResetError, BrokenPipeError) as e:
            raise ServerClosed(f"connection reset: {e}", self.buf) from None
        except ssl.SSLError as e:
            raise ServerClosed(f"TLS error: {e}", self.buf) from None
        if not chunk:
            raise ServerClosed("server closed the connection", self.buf)
        self.buf += chunk

    def read_bytes(self, n: int, timeout: float | None = None) -> bytes:
        deadline = time.monotonic() + (timeout if timeout is not None else self.timeout)
        while len(self.buf) < n:
            self._fill(deadline)
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def read_message(self, timeout: float | None = None) -> Message:
        deadline = time.monotonic() + (timeout if timeout is not None else self.timeout)
        while len(self.buf) < 5:
            self._fill(deadline)
        (length,) = struct.unpack("!I", self.buf[1:5])
        if length < 4 or length > (1 << 30):
            raise ValueError(f"bad backend message length {length} (type {self.buf[:1]!r})")
        while len(self.buf) < 1 + length:
            self._fill(deadline)
        kind, payload = self.buf[:1], self.buf[5:1 + length]
        self.buf = self.buf[1 + length:]
        return kind, payload

    def read_until(self, stop: bytes, timeout: float | None = None) -> list[Message]:
        """Messages up to and including the first one of type `stop`."""
        out: list[Message] = []
        while True:
            try:
                kind, payload = self.read_message(timeout)
            except ServerClosed as e:
                raise ServerClosed(f"{e} after {kinds(out)!r}: {out!r}", e.received, out) from None
            out.append((kind, payload))
            if kind == stop:
                return out

    def read_until_ready(self, timeout: float | None = None) -> list[Message]:
        msgs = self.read_until(b"Z", timeout)
        for kind, payload in msgs:
            if kind == b"S":
                name, value = payload.split(b"\0")[:2]
                self.parameters[name.decode()] = value.decode()
            elif kind == b"K":
                self.process_id, self.secret_key = struct.unpack("!ii", payload)
        return msgs

    def read_all_until_closed(self, timeout: float | None = None) -> list[Message]:
        """Every message until the server closes the connection (raises TimeoutError if it does not)."""
        out: list[Message] = []
        while True:
            try:
                out.append(self.read_message(timeout))
            except ServerClosed as e:
                if self.buf:
                    raise AssertionError(f"connection closed in the middle of a message: {e.received!r}")
                return out

    def expect_closed(self, timeout: float | None = None) -> None:
        """Asserts that the server closes the connection without sending anything more."""
        msgs = self.read_all_until_closed(timeout)
        assert not msgs, f"expected the connection to be closed, got {msgs!r}"

    def is_closed(self, wait: float = 0.2) -> bool:
        """True when the server has closed its side (EOF/reset) within `wait` seconds; data is kept."""
        deadline = time.monotonic() + wait
        while True:
            try:
                self._fill(deadline)
            except ServerClosed:
                return True
            except TimeoutError:
                return False

    # TLS -------------------------------------------------------------------------------------
    def start_tls(self) -> None:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        self.sock.settimeout(self.timeout)
        self.sock = ctx.wrap_socket(self.sock, server_hostname="localhost")

    # startup and authentication --------------------------------------------------------------
    def send_startup(self, params: Mapping[str, str] | Iterable[tuple[str, str]] | None = None,
                     version: int = PROTOCOL_3_0) -> None:
        self.send(startup_packet(params if params is not None else {"user": "postgres", "database": "postgres"},
                                 version))

    def authenticate(self, user: str, password: str, first: Message | None = None) -> list[Message]:
        """Answers the server's authentication requests until AuthenticationOk (returned with the
        messages before it) or an ErrorResponse (returned last)."""
        seen: list[Message] = []
        client_first_bare = server_first = b""
        salted = b""
        while True:
            kind, payload = first if first is not None else self.read_message()
            first = None
            seen.append((kind, payload))
            if kind == b"E":
                return seen
            if kind != b"R":
                continue  # NegotiateProtocolVersion, NoticeResponse
            code, data = auth_code(payload), payload[4:]
            if code == AUTH_OK:
                return seen
            if code == AUTH_CLEARTEXT:
                self.send(message(b"p", cstr(password)))
            elif code == AUTH_MD5:
                inner = hashlib.md5(password.encode() + user.encode()).hexdigest().encode()
                self.send(message(b"p", cstr(b"md5" + hashlib.md5(inner + data[:4]).hexdigest().encode())))
            elif code == AUTH_SASL:
                client_first_bare = b"n=,r=" + base64.b64encode(secrets.token_bytes(18))
                self.send(sasl_initial_response(b"n,," + client_first_bare))
            elif code == AUTH_SASL_CONTINUE:
                server_first = data
                attrs = dict(item.split(b"=", 1) for item in server_first.split(b","))
                salted = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(attrs[b"s"]),
                                             int(attrs[b"i"]))
                client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
                without_proof = b"c=biws,r=" + attrs[b"r"]
                auth_message = client_first_bare + b"," + server_first + b"," + without_proof
                signature = hmac.new(hashlib.sha256(client_key).digest(), auth_message, hashlib.sha256).digest()
                proof = bytes(a ^ b for a, b in zip(client_key, signature))
                self.send(message(b"p", without_proof + b",p=" + base64.b64encode(proof)))
            elif code == AUTH_SASL_FINAL:
                pass
            else:
                raise AssertionError(f"unexpected authentication request {code}")

    def login(self, server: Any, params: Mapping[str, str] | None = None) -> list[Message]:
        """Startup + authentication + everything up to the first ReadyForQuery (asserted)."""
        p = {"user": server.user, "database": server.dbname, **(params or {})}
        self.send_startup(p)
        msgs = self.authenticate(p["user"], server.password)
        assert msgs[-1][0] == b"R" and auth_code(msgs[-1][1]) == AUTH_OK, msgs
        rest = self.read_until_ready()
        assert rest[-1] == (b"Z", b"I"), rest
        return msgs + rest

    # queries ---------------------------------------------------------------------------------
    def send_query(self, sql: str) -> None:
        self.send(query(sql))

    def simple_query(self, sql: str, timeout: float | None = None) -> list[Message]:
        self.send_query(sql)
        return self.read_until_ready(timeout)

    def scalar(self, sql: str) -> str | None:
        msgs = self.simple_query(sql)
        rows = [data_row(p) for k, p in msgs if k == b"D"]
        errors = [error_fields(p) for k, p in msgs if k == b"E"]
        assert not errors and len(rows) == 1, msgs
        value = rows[0][0]
        return None if value is None else value.decode()

    def close(self) -> None:
        try:
            self.sock.close()
        except OSError:
            pass

    def __enter__(self) -> "RawConnection":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def sasl_initial_response(data: bytes, mechanism: str = "SCRAM-SHA-256") -> bytes:
    return message(b"p", cstr(mechanism) + struct.pack("!i", len(data)) + data)


def connect(server: Any, params: Mapping[str, str] | None = None, timeout: float = 10.0) -> RawConnection:
    """A logged-in raw connection (no TLS)."""
    conn = RawConnection.open(server, timeout)
    try:
        conn.login(server, params)
    except BaseException:
        conn.close()
        raise
    return conn

