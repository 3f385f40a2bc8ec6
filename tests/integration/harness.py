"""Starts and stops the servers the integration tests talk to: Duckgres and a reference PostgreSQL 15.

Everything here is plain Python (no pytest), so it can also be used from a REPL:

    from harness import DuckgresServer, PostgresServer
    pg = PostgresServer(); pg.start(); ...; pg.cleanup()

Development mode: with DUCKGRES_TEST_AGAINST_POSTGRES=1 the "Duckgres" side is a second
PostgreSQL 15 configured to look like Duckgres (same users, auth method, TLS). It exists only to
prove the test machinery itself; it never runs unless that variable is set. Without it, the real
binary is used and a missing binary is an error.
"""

from __future__ import annotations

import atexit
import base64
import hashlib
import hmac
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import weakref
from pathlib import Path
from typing import Any, Mapping

REPO_ROOT = Path(__file__).resolve().parents[2]
PG_BINDIR = Path(os.environ.get("PG_BINDIR", "/usr/lib/postgresql/15/bin"))
DEV_MODE_ENV = "DUCKGRES_TEST_AGAINST_POSTGRES"
KEEP_DIRS_ENV = "DUCKGRES_TEST_KEEP_DIRS"  # keep temp dirs (logs, data) after the run

DEFAULT_USER = "postgres"
DEFAULT_PASSWORD = "postgres"
START_TIMEOUT = float(os.environ.get("DUCKGRES_TEST_START_TIMEOUT", "60"))
STOP_TIMEOUT = 30.0


class HarnessError(RuntimeError):
    """A server could not be started, stopped or found."""


def dev_mode() -> bool:
    """True only when the developer explicitly asked to test against PostgreSQL instead of Duckgres."""
    return os.environ.get(DEV_MODE_ENV, "").strip() not in ("", "0", "false", "no")


def _keep_dirs() -> bool:
    return os.environ.get(KEEP_DIRS_ENV, "").strip() not in ("", "0")


# ------------------------------------------------------------------------------------------------
# Ports

_handed_out: set[int] = set()
_port_lock = threading.Lock()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free now and that this process has not handed out before."""
    with _port_lock:
        for _ in range(200):
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
                s.bind(("127.0.0.1", 0))
                port = s.getsockname()[1]
            if port not in _handed_out:
                _handed_out.add(port)
                return port
    raise HarnessError("could not find a free port")


def port_accepts(port: int, host: str = "127.0.0.1", timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def port_bindable(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
            return True
        except OSError:
            return False


# ------------------------------------------------------------------------------------------------
# libpq connection strings

def _quote_conninfo_value(value: Any) -> str:
    s = str(value)
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


def make_conninfo(params: Mapping[str, Any]) -> str:
    return " ".join(f"{k}={_quote_conninfo_value(v)}" for k, v in params.items() if v is not None)


# ------------------------------------------------------------------------------------------------
# Password verifiers (same formats as PostgreSQL), used to check `duckgres hash-password` and to
# configure the development-mode stand-in.

def scram_verifier(password: str, salt: bytes | None = None, iterations: int = 4096) -> str:
    salt = salt if salt is not None else secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    b64 = lambda b: base64.b64encode(b).decode()  # noqa: E731
    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def check_scram_verifier(verifier: str, password: str) -> bool:
    """True when `verifier` is a well-formed SCRAM-SHA-256 verifier for `password`."""
    try:
        scheme, rest = verifier.split("$", 1)
        iter_salt, keys = rest.split("$", 1)
        iterations_s, salt_b64 = iter_salt.split(":", 1)
        stored_b64, server_b64 = keys.split(":", 1)
        if scheme != "SCRAM-SHA-256":
            return False
        salt = base64.b64decode(salt_b64, validate=True)
        expected = scram_verifier(password, salt=salt, iterations=int(iterations_s))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(expected, f"SCRAM-SHA-256${iterations_s}:{salt_b64}${stored_b64}:{server_b64}")


def md5_verifier(password: str, user: str) -> str:
    return "md5" + hashlib.md5((password + user).encode()).hexdigest()


# ------------------------------------------------------------------------------------------------
# A tiny YAML writer for the configurations the tests generate (mappings, lists, scalars).

def _yaml_scalar(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    s = str(v)
    out = ['"']
    for ch in s:
        if ch in ('"', "\\"):
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def to_yaml(value: Any, indent: int = 0) -> str:
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, Mapping):
        if not value:
            return pad + "{}\n"
        for k, v in value.items():
            if isinstance(v, Mapping) and v:
                lines.append(f"{pad}{k}:\n" + to_yaml(v, indent + 2))
            elif isinstance(v, (list, tuple)) and v:
                lines.append(f"{pad}{k}:\n" + to_yaml(v, indent + 2))
            elif isinstance(v, (list, tuple)):
                lines.append(f"{pad}{k}: []\n")
            elif isinstance(v, Mapping):
                lines.append(f"{pad}{k}: {{}}\n")
            else:
                lines.append(f"{pad}{k}: {_yaml_scalar(v)}\n")
        return "".join(lines)
    if isinstance(value, (list, tuple)):
        for item in value:
            if isinstance(item, Mapping) and item:
                body = to_yaml(item, indent + 2)
                lines.append(pad + "- " + body[indent + 2:])
            else:
                lines.append(f"{pad}- {_yaml_scalar(item)}\n")
        return "".join(lines)
    return pad + _yaml_scalar(value) + "\n"


# ------------------------------------------------------------------------------------------------
# Server base class

_live_servers: "weakref.WeakSet[Server]" = weakref.WeakSet()


def _cleanup_all() -> None:
    for srv in list(_live_servers):
        try:
            srv.cleanup()
        except Exception:  # noqa: BLE001 - best effort at exit
            pass


atexit.register(_cleanup_all)


class Server:
    """Common interface of everything the tests connect to."""

    kind = "server"
    #: True only for the real Duckgres binary.
    is_duckgres = False

    def __init__(self) -> None:
        self.host = "127.0.0.1"
        self.port: int = 0
        self.user = DEFAULT_USER
        self.password = DEFAULT_PASSWORD
        self.dbname = "postgres"
        _live_servers.add(self)

    # connection parameters ------------------------------------------------------------------
    def conn_params(self, **overrides: Any) -> dict[str, Any]:
        params: dict[str, Any] = {
            "host": self.host,
            "port": self.port,
            "user": self.user,
            "password": self.password,
            "dbname": self.dbname,
            "sslmode": "disable",
            "connect_timeout": 10,
        }
        params.update(overrides)
        return {k: v for k, v in params.items() if v is not None}

    def conninfo(self, **overrides: Any) -> str:
        return make_conninfo(self.conn_params(**overrides))

    def psql_env(self, **overrides: Any) -> dict[str, str]:
        """Environment for running psql (or any libpq tool) against this server."""
        p = self.conn_params(**overrides)
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env.update({
            "PGHOST": str(p["host"]),
            "PGPORT": str(p["port"]),
            "PGUSER": str(p["user"]),
            "PGPASSWORD": str(p.get("password", "")),
            "PGDATABASE": str(p["dbname"]),
            "PGSSLMODE": str(p.get("sslmode", "disable")),
            "PGCONNECT_TIMEOUT": str(p.get("connect_timeout", 10)),
            "PGAPPNAME": "duckgres-integration",
            "PSQLRC": "/dev/null",
            "LC_ALL": "C.UTF-8",
            "PAGER": "cat",
        })
        return env

    # lifecycle (subclasses) -----------------------------------------------------------------
    def start(self) -> "Server":
        raise NotImplementedError

    def stop(self, timeout: float = STOP_TIMEOUT) -> int | None:
        raise NotImplementedError

    def restart(self) -> "Server":
        self.stop()
        return self.start()

    def running(self) -> bool:
        raise NotImplementedError

    def log_text(self, limit: int = 20000) -> str:
        raise NotImplementedError

    def cleanup(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> "Server":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.cleanup()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.kind} {self.host}:{self.port}>"


def _tail(path: Path, limit: int) -> str:
    try:
        data = path.read_bytes()
    except OSError:
        return ""
    if len(data) > limit:
        data = b"...\n" + data[-limit:]
    return data.decode("utf-8", "replace")


# ------------------------------------------------------------------------------------------------
# Duckgres

def duckgres_binary() -> Path:
    """The server binary: $DUCKGRES_BIN or <repo>/build/duckgres. Missing is an error, not a skip."""
    override = os.environ.get("DUCKGRES_BIN")
    path = Path(override) if override else REPO_ROOT / "build" / "duckgres"
    if not path.is_file() or not os.access(path, os.X_OK):
        raise HarnessError(
            f"Duckgres binary not found or not executable: {path} "
            "(build it, or point DUCKGRES_BIN at it)")
    return path


def duckgres_test_hooks_binary() -> Path:
    """The test build (SET duckgres.inject_fault compiled in): <repo>/build/duckgres-test-hooks, which
    scripts/test.sh builds beside the server. Missing is an error, not a skip."""
    path = REPO_ROOT / "build" / "duckgres-test-hooks"
    if not path.is_file() or not os.access(path, os.X_OK):
        raise HarnessError(f"test build not found: {path} (cmake --build build --target duckgres-test-hooks)")
    return path


def run_duckgres_cli(args: list[str], input: str | None = None, timeout: float = 30) -> subprocess.CompletedProcess:
    """Runs `duckgres ARGS...` (not a server) and returns the completed process (text mode)."""
    return subprocess.run([str(duckgres_binary()), *args], input=input, capture_output=True,
                          text=True, timeout=timeout)


class DuckgresServer(Server):
    """One Duckgres process on a free port with its own data dir (and optional YAML config)."""

    kind = "duckgres"
    is_duckgres = True

    def __init__(self, config: Mapping[str, Any] | str | None = None, data_dir: str | Path | None = None,
                 base_dir: str | Path | None = None, log_level: str = "debug",
                 extra_args: list[str] | None = None, binary: Path | None = None) -> None:
        super().__init__()
        self.binary = binary or duckgres_binary()
        self._own_dir = data_dir is None
        root = Path(tempfile.mkdtemp(prefix="duckgres-", dir=base_dir))
        self.root = root
        self.data_dir = Path(data_dir) if data_dir is not None else root / "data"
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = root / "duckgres.log"
        self.config = config
        self.config_path: Path | None = None
        if config is not None:
            self.config_path = root / "duckgres.yaml"
            text = config if isinstance(config, str) else to_yaml(config)
            self.config_path.write_text(text)
        self.log_level = log_level
        self.extra_args = list(extra_args or [])
        self.proc: subprocess.Popen | None = None
        self.port = free_port()
        self.returncode: int | None = None

    def command(self) -> list[str]:
        cmd = [str(self.binary), "--host", self.host, "--port", str(self.port),
               "--data-dir", str(self.data_dir)]
        if self.config_path is not None:
            cmd += ["--config", str(self.config_path)]
        if self.log_level:
            cmd += ["--log-level", self.log_level]
        return cmd + self.extra_args

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def start(self) -> "DuckgresServer":
        if self.running():
            return self
        for attempt in range(3):
            with open(self.log_path, "ab") as log:
                log.write(f"\n=== starting: {' '.join(self.command())}\n".encode())
                log.flush()
                self.proc = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=log,
                                             stderr=log, start_new_session=True)
            deadline = time.monotonic() + START_TIMEOUT
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    break
                if port_accepts(self.port, self.host):
                    return self
                time.sleep(0.05)
            rc = self.proc.poll()
            if rc is None:
                self._kill()
                raise HarnessError(
                    f"Duckgres did not accept connections on port {self.port} within {START_TIMEOUT}s.\n"
                    f"--- duckgres stderr ---\n{self.log_text()}")
            # It exited. If someone else took our port in the meantime, retry on another one.
            if attempt < 2 and not port_bindable(self.port) and self._own_dir:
                self.port = free_port()
                continue
            raise HarnessError(
                f"Duckgres exited with code {rc} before accepting connections.\n"
                f"command: {' '.join(self.command())}\n--- duckgres stderr ---\n{self.log_text()}")
        raise AssertionError("unreachable")

    def send_signal(self, sig: int) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(sig)

    def stop(self, timeout: float = STOP_TIMEOUT, sig: int = signal.SIGTERM) -> int | None:
        """Graceful stop (SIGTERM). Returns the exit code; kills and raises if it does not exit in time."""
        if self.proc is None:
            return self.returncode
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self._kill()
                raise HarnessError(f"Duckgres did not exit within {timeout}s of signal {sig}; killed.\n"
                                   f"--- duckgres stderr ---\n{self.log_text()}")
        self.returncode = self.proc.returncode
        self.proc = None
        return self.returncode

    def _kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except OSError:
                self.proc.kill()
            self.proc.wait(timeout=10)
        if self.proc is not None:
            self.returncode = self.proc.returncode
        self.proc = None

    def log_text(self, limit: int = 20000) -> str:
        return _tail(self.log_path, limit)

    def cleanup(self) -> None:
        try:
            if self.running():
                try:
                    self.stop(timeout=10)
                except HarnessError:
                    pass
            self._kill()
        finally:
            _live_servers.discard(self)
            if not _keep_dirs():
                shutil.rmtree(self.root, ignore_errors=True)


# ------------------------------------------------------------------------------------------------
# PostgreSQL 15

def _running_as_root() -> bool:
    return os.geteuid() == 0


def _pg_cmd(args: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its programs as the `postgres` user when we are root."""
    if _running_as_root():
        return ["runuser", "-u", "postgres", "--", *args]
    return args


def _chown_to_postgres(path: Path) -> None:
    if not _running_as_root():
        return
    pw = pwd.getpwnam("postgres")
    for dirpath, dirnames, filenames in os.walk(path):
        os.chown(dirpath, pw.pw_uid, pw.pw_gid)
        for name in filenames:
            os.chown(os.path.join(dirpath, name), pw.pw_uid, pw.pw_gid)


class PostgresServer(Server):
    """A throw-away PostgreSQL 15 cluster: initdb in a temp dir, postgres/postgres with SCRAM."""

    kind = "postgres"

    def __init__(self, hba_method: str = "scram-sha-256", ssl: bool = False,
                 settings: Mapping[str, str] | None = None) -> None:
        super().__init__()
        if not (PG_BINDIR / "initdb").exists():
            raise HarnessError(f"PostgreSQL 15 binaries not found in {PG_BINDIR}")
        self.root = Path(tempfile.mkdtemp(prefix="duckgres-pg-"))
        if _running_as_root():
            _chown_to_postgres(self.root)
        self.pgdata = self.root / "data"
        self.log_path = self.root / "postgres.log"
        self.hba_method = hba_method
        self.ssl = ssl
        self.settings = dict(settings or {})
        self.port = free_port()
        self._initialized = False
        self._started = False

    def _run(self, args: list[str], timeout: float = 120, check: bool = True) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C.UTF-8"
        proc = subprocess.run(_pg_cmd(args), capture_output=True, text=True, timeout=timeout, env=env,
                              cwd=str(self.root), stdin=subprocess.DEVNULL)
        if check and proc.returncode != 0:
            raise HarnessError(f"command failed ({proc.returncode}): {' '.join(args)}\n"
                               f"{proc.stdout}\n{proc.stderr}\n--- server log ---\n{self.log_text()}")
        return proc

    def initdb(self) -> None:
        if self._initialized:
            return
        pwfile = self.root / "pwfile"
        pwfile.write_text(DEFAULT_PASSWORD + "\n")
        os.chmod(pwfile, 0o600)
        _chown_to_postgres(self.root)
        self._run([str(PG_BINDIR / "initdb"), "-D", str(self.pgdata), "-U", DEFAULT_USER,
                   "-A", "scram-sha-256", f"--pwfile={pwfile}", "--locale=C.UTF-8", "-E", "UTF8",
                   "--no-sync"])
        pwfile.unlink()
        hba = [
            "# written by the Duckgres integration tests",
            "local all all trust",  # the harness administers the cluster over its unix socket
            f"host all all 127.0.0.1/32 {self.hba_method}",
            f"host all all ::1/128 {self.hba_method}",
        ]
        (self.pgdata / "pg_hba.conf").write_text("\n".join(hba) + "\n")
        if self.ssl:
            self._make_certificate()
        _chown_to_postgres(self.root)
        self._initialized = True

    def _make_certificate(self) -> None:
        crt, key = self.pgdata / "server.crt", self.pgdata / "server.key"
        subprocess.run(["openssl", "req", "-new", "-x509", "-days", "3", "-nodes", "-subj", "/CN=localhost",
                        "-newkey", "rsa:2048", "-keyout", str(key), "-out", str(crt)],
                       check=True, capture_output=True, timeout=60)
        os.chmod(key, 0o600)

    def _options(self) -> str:
        opts = {
            "listen_addresses": "127.0.0.1",
            "port": str(self.port),
            "unix_socket_directories": str(self.root),
            "fsync": "off",
            "TimeZone": "UTC",
            "max_connections": "60",
            "shared_buffers": "32MB",
        }
        if self.ssl:
            opts["ssl"] = "on"
        opts.update(self.settings)
        return " ".join(f"-c {k}={v}" for k, v in opts.items())

    def running(self) -> bool:
        return self._started

    def start(self) -> "PostgresServer":
        if self._started:
            return self
        self.initdb()
        self._run([str(PG_BINDIR / "pg_ctl"), "-D", str(self.pgdata), "-l", str(self.log_path), "-w",
                   "-t", str(int(START_TIMEOUT)), "-s", "-o", self._options(), "start"],
                  timeout=START_TIMEOUT + 30)
        self._started = True
        deadline = time.monotonic() + 15
        while not port_accepts(self.port, self.host):
            if time.monotonic() > deadline:
                raise HarnessError(f"PostgreSQL not accepting TCP connections on {self.port}\n{self.log_text()}")
            time.sleep(0.05)
        return self

    def stop(self, timeout: float = STOP_TIMEOUT, mode: str = "fast") -> int | None:
        if not self._started:
            return 0
        proc = self._run([str(PG_BINDIR / "pg_ctl"), "-D", str(self.pgdata), "-m", mode, "-w",
                          "-t", str(int(timeout)), "-s", "stop"], timeout=timeout + 30, check=False)
        if proc.returncode != 0 and mode != "immediate":
            self._run([str(PG_BINDIR / "pg_ctl"), "-D", str(self.pgdata), "-m", "immediate", "-w",
                       "-s", "stop"], check=False)
        self._started = False
        return proc.returncode

    def send_signal(self, sig: int) -> None:
        pidfile = self.pgdata / "postmaster.pid"
        try:
            pid = int(pidfile.read_text().split("\n", 1)[0])
        except (OSError, ValueError):
            return
        os.kill(pid, sig)

    def admin_exec(self, sql: str, dbname: str = "postgres") -> None:
        """Runs SQL as the bootstrap superuser over the unix socket (trusted), through psql."""
        self._run([str(PG_BINDIR / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", str(self.root),
                   "-p", str(self.port), "-U", DEFAULT_USER, "-d", dbname, "-c", sql])

    def log_text(self, limit: int = 20000) -> str:
        return _tail(self.log_path, limit)

    def cleanup(self) -> None:
        try:
            if self._started:
                self.stop(timeout=20)
        finally:
            _live_servers.discard(self)
            if not _keep_dirs():
                shutil.rmtree(self.root, ignore_errors=True)


class PostgresStandIn(PostgresServer):
    """DEVELOPMENT ONLY: a PostgreSQL configured from a Duckgres YAML config (as a dict), so the test
    machinery can be proven before Duckgres runs. Only used when DUCKGRES_TEST_AGAINST_POSTGRES is set."""

    kind = "postgres-stand-in"
    is_duckgres = False

    def __init__(self, config: Mapping[str, Any] | None = None) -> None:
        config = dict(config or {})
        method = config.get("auth_method", "scram-sha-256")
        tls = config.get("tls", {"mode": "auto"}) or {}
        ssl = isinstance(tls, Mapping) and tls.get("mode", "auto") != "off"
        super().__init__(hba_method=method, ssl=ssl)
        self.config = config
        self.data_dir = self.pgdata

    def start(self) -> "PostgresStandIn":
        first = not self._initialized
        super().start()
        if first:
            method = self.config.get("auth_method", "scram-sha-256")
            for u in self.config.get("users", []) or []:
                name, password = u["name"], str(u["password"])
                enc = "md5" if method == "md5" else "scram-sha-256"
                ident = '"' + name.replace('"', '""') + '"'
                lit = "'" + password.replace("'", "''") + "'"
                self.admin_exec(f"SET password_encryption = '{enc}'; "
                                f"CREATE ROLE {ident} LOGIN SUPERUSER PASSWORD {lit}")
        return self


def start_duckgres(config: Mapping[str, Any] | str | None = None, data_dir: str | Path | None = None,
                   base_dir: str | Path | None = None) -> Server:
    """Starts a Duckgres server (or, in development mode only, its PostgreSQL stand-in)."""
    if dev_mode():
        if isinstance(config, str):
            raise HarnessError("development mode needs the config as a dict, not YAML text")
        return PostgresStandIn(config).start()
    return DuckgresServer(config=config, data_dir=data_dir, base_dir=base_dir).start()
