"""TLS: libpq's sslmodes against a test CA and the generated certificate, client certificates (verified,
revoked, expired, from another CA), SCRAM-SHA-256-PLUS channel binding, tls.min_protocol_version,
certificate reload on SIGHUP, check-config's TLS checks, and pgjdbc's sslmodes."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import time
from pathlib import Path

import psycopg
import pytest

import harness
import raw_protocol as rp
from clients import PSQL, pg3, sasl_mechanisms
from tls_certificates import Pki, make_pki

pytestmark = pytest.mark.duckgres_only

USER = "certuser"
PASSWORD = "cert-password"
AUTH_SASL, AUTH_SASL_CONTINUE, AUTH_SASL_FINAL, AUTH_OK = 10, 11, 12, 0
JDBC_JAR = Path(os.environ.get("DUCKGRES_JDBC_JAR", "/usr/share/java/postgresql.jar"))


def tls_config(pki: Pki, **tls: str) -> dict:
    settings = {"mode": "files", "cert_file": str(pki.server.cert), "key_file": str(pki.server.key),
                "client_ca_file": str(pki.ca_cert), "crl_file": str(pki.crl)}
    settings.update(tls)
    return {"tls": settings, "users": [
        {"name": "postgres", "password": harness.scram_verifier("postgres")},
        {"name": USER, "password": harness.scram_verifier(PASSWORD)},
    ]}


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("tls") / "pki", USER)


@pytest.fixture(scope="module")
def tls_server(pki: Pki):
    """Certificate from the test CA; client certificates verified against the CA and its CRL."""
    server = harness.start_duckgres(tls_config(pki))
    try:
        yield server
    finally:
        server.cleanup()


def wait_for_log(server: harness.Server, text: str, timeout: float = 10) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        log = server.log_text(200000)
        if text in log:
            return log
        time.sleep(0.05)
    raise AssertionError(f"{text!r} not in the server log:\n{server.log_text(4000)}")


def connect_error(server: harness.Server, **params) -> psycopg.Error:
    try:
        conn = pg3(server, **params)
    except psycopg.Error as e:
        return e
    conn.close()
    raise AssertionError(f"connected although it should not have: {params}")


# ------------------------------------------------------------------------------------------------
# libpq sslmodes


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
@pytest.mark.parametrize("sslmode, encrypted", [("disable", False), ("allow", False), ("prefer", True),
                                                ("require", True), ("verify-ca", True), ("verify-full", True)])
def test_libpq_sslmodes(tls_server, pki: Pki, host: str, sslmode: str, encrypted: bool) -> None:
    with pg3(tls_server, host=host, sslmode=sslmode, sslrootcert=str(pki.ca_cert), user=USER,
             password=PASSWORD) as conn:
        assert conn.pgconn.ssl_in_use == encrypted
        assert conn.execute("select 1").fetchone() == (1,)


def test_psql_verify_full(tls_server, pki: Pki) -> None:
    env = tls_server.psql_env(user=USER, password=PASSWORD, sslmode="verify-full", host="localhost")
    env["PGSSLROOTCERT"] = str(pki.ca_cert)
    proc = subprocess.run([PSQL, "-X", "-c", "\\conninfo"], capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "SSL connection (protocol: TLSv1.3" in proc.stdout, proc.stdout


def test_verify_full_checks_the_host_name(tls_server, pki: Pki) -> None:
    err = connect_error(tls_server, host="db.example.com", hostaddr="127.0.0.1", sslmode="verify-full",
                        sslrootcert=str(pki.ca_cert))
    assert 'does not match host name "db.example.com"' in str(err), str(err)


def test_verify_ca_refuses_another_root(tls_server, pki: Pki) -> None:
    err = connect_error(tls_server, sslmode="verify-ca", sslrootcert=str(pki.other_ca_cert))
    assert "certificate verify failed" in str(err), str(err)


def test_generated_certificate_verifies_as_root(duckgres_factory) -> None:
    server = duckgres_factory({"tls": {"mode": "auto"}})
    root = str(Path(server.data_dir) / "server.crt")
    for host in ("localhost", "127.0.0.1"):
        with pg3(server, host=host, sslmode="verify-full", sslrootcert=root) as conn:
            assert conn.pgconn.ssl_in_use


@pytest.mark.parametrize("common_name, replaced", [("localhost", True), ("db.example.com", False)])
def test_generated_certificate_without_alt_name(duckgres_factory, tmp_path: Path, common_name: str,
                                                replaced: bool) -> None:
    """A self-signed CN=localhost pair without subjectAltName is what earlier versions generated: it is
    replaced. Any other certificate in the data directory is the operator's: kept, with a warning."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    cert, key = data_dir / "server.crt", data_dir / "server.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-subj", f"/CN={common_name}", "-days", "30", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    key.chmod(0o600)
    before = cert.read_bytes()
    server = duckgres_factory({"tls": {"mode": "auto"}}, data_dir=data_dir)
    log = server.log_text()
    if replaced:
        assert cert.read_bytes() != before
        assert "replacing the generated TLS certificate" in log, log
        with pg3(server, host="127.0.0.1", sslmode="verify-full", sslrootcert=str(cert)) as conn:
            assert conn.pgconn.ssl_in_use
    else:
        assert cert.read_bytes() == before
        assert "has no subjectAltName" in log, log
        with pg3(server, sslmode="require") as conn:
            assert conn.pgconn.ssl_in_use


# ------------------------------------------------------------------------------------------------
# Client certificates


@pytest.mark.parametrize("kind", ["good", "other_cn"])
def test_client_certificate_verified_and_seen_by_the_session(tls_server, pki: Pki, kind: str) -> None:
    pair = pki.clients[kind]
    with pg3(tls_server, user=USER, password=PASSWORD, sslmode="verify-full", host="localhost",
             sslrootcert=str(pki.ca_cert), sslcert=str(pair.cert), sslkey=str(pair.key)) as conn:
        assert conn.execute("select 1").fetchone() == (1,)
    wait_for_log(tls_server, f'with client certificate CN "{pair.common_name}"')


def test_no_client_certificate_is_allowed(tls_server, pki: Pki) -> None:
    # Whether a certificate is required is up to the authentication rules, not the handshake.
    with pg3(tls_server, user=USER, password=PASSWORD, sslmode="require", sslcert="/nonexistent",
             sslkey="/nonexistent") as conn:
        assert conn.pgconn.ssl_in_use


@pytest.mark.parametrize("kind, reason", [("revoked", "certificate revoked"),
                                          ("expired", "certificate has expired"),
                                          ("wrong_ca", "unable to get local issuer certificate")])
def test_bad_client_certificate_fails_the_handshake(tls_server, pki: Pki, kind: str, reason: str) -> None:
    pair = pki.clients[kind]
    err = connect_error(tls_server, user=USER, password=PASSWORD, sslmode="require", sslcert=str(pair.cert),
                        sslkey=str(pair.key))
    assert "SSL" in str(err) or "ssl" in str(err) or "closed" in str(err), str(err)
    wait_for_log(tls_server, f"could not accept SSL connection from 127.0.0.1")
    wait_for_log(tls_server, f"(client certificate: {reason})")


# ------------------------------------------------------------------------------------------------
# SCRAM channel binding


def test_channel_binding_require_psycopg(tls_server) -> None:
    with pg3(tls_server, sslmode="require", channel_binding="require") as conn:
        assert conn.execute("select 1").fetchone() == (1,)


def test_channel_binding_require_psql(tls_server) -> None:
    env = tls_server.psql_env(sslmode="require")
    env["PGCHANNELBINDING"] = "require"
    proc = subprocess.run([PSQL, "-X", "-At", "-c", "select 42"], capture_output=True, text=True, env=env,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "42"


def test_channel_binding_require_without_tls(duckgres_factory, tls_server) -> None:
    plain = duckgres_factory({"tls": {"mode": "off"}})
    for server, sslmode in ((plain, "prefer"), (tls_server, "disable")):
        err = connect_error(server, sslmode=sslmode, channel_binding="require")
        assert "channel binding required, but SSL not in use" in str(err), str(err)


def _open(server: harness.Server, tls: bool) -> rp.RawConnection:
    conn = rp.RawConnection.open(server)
    if tls:
        conn.send(rp.ssl_request())
        assert conn.read_bytes(1) == b"S"
        conn.start_tls()
    conn.send_startup({"user": server.user, "database": "postgres"})
    return conn


def _end_point(conn: rp.RawConnection) -> bytes:
    # Every certificate these tests meet is signed with SHA-256, so the binding hash is SHA-256 (RFC 5929).
    return hashlib.sha256(conn.sock.getpeercert(binary_form=True)).digest()


def _scram(conn: rp.RawConnection, password: str, mechanism: str, gs2_header: bytes,
           cbind_data: bytes = b"") -> list[rp.Message]:
    """Runs a SCRAM exchange with the given mechanism and channel binding; returns the server's messages
    through AuthenticationOk or the ErrorResponse."""
    kind, payload = conn.read_message()
    assert kind == b"R" and rp.auth_code(payload) == AUTH_SASL, (kind, payload)
    seen: list[rp.Message] = [(kind, payload)]
    client_first_bare = b"n=,r=" + base64.b64encode(secrets.token_bytes(18))
    conn.send(rp.sasl_initial_response(gs2_header + client_first_bare, mechanism))
    kind, payload = conn.read_message()
    seen.append((kind, payload))
    if kind == b"E":
        return seen
    assert rp.auth_code(payload) == AUTH_SASL_CONTINUE, payload
    server_first = payload[4:]
    attrs = dict(item.split(b"=", 1) for item in server_first.split(b","))
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(attrs[b"s"]), int(attrs[b"i"]))
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    without_proof = b"c=" + base64.b64encode(gs2_header + cbind_data) + b",r=" + attrs[b"r"]
    auth_message = client_first_bare + b"," + server_first + b"," + without_proof
    signature = hmac.new(hashlib.sha256(client_key).digest(), auth_message, hashlib.sha256).digest()
    proof = bytes(a ^ b for a, b in zip(client_key, signature))
    conn.send(rp.message(b"p", without_proof + b",p=" + base64.b64encode(proof)))
    while True:
        kind, payload = conn.read_message()
        seen.append((kind, payload))
        if kind == b"E" or (kind == b"R" and rp.auth_code(payload) == AUTH_OK):
            return seen
        if kind == b"R" and rp.auth_code(payload) == AUTH_SASL_FINAL:
            server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
            expected = b"v=" + base64.b64encode(hmac.new(server_key, auth_message, hashlib.sha256).digest())
            assert payload[4:] == expected


def _error(messages: list[rp.Message]) -> dict[str, str]:
    assert messages[-1][0] == b"E", messages
    return rp.error_fields(messages[-1][1])


@pytest.mark.parametrize("tls, expected", [(True, ["SCRAM-SHA-256-PLUS", "SCRAM-SHA-256"]),
                                           (False, ["SCRAM-SHA-256"])])
def test_sasl_mechanisms(tls_server, tls: bool, expected: list[str]) -> None:
    with _open(tls_server, tls) as conn:
        kind, payload = conn.read_message()
        assert rp.auth_code(payload) == AUTH_SASL
        assert sasl_mechanisms(payload[4:]) == expected


def test_scram_plus_with_the_right_binding(tls_server, pg_tls) -> None:
    # PostgreSQL accepting the same computation shows the test's binding data is right.
    for server in (pg_tls, tls_server):
        with _open(server, True) as conn:
            messages = _scram(conn, "postgres", "SCRAM-SHA-256-PLUS", b"p=tls-server-end-point,,", _end_point(conn))
            assert messages[-1][0] == b"R" and rp.auth_code(messages[-1][1]) == AUTH_OK, (server, messages)
            conn.read_until_ready()
            assert conn.scalar("select 7") == "7"


@pytest.fixture(scope="module")
def pg_tls():
    """A PostgreSQL 15 with TLS on, to compare channel binding errors with."""
    server = harness.PostgresServer(ssl=True)
    try:
        server.start()
        yield server
    finally:
        server.cleanup()


@pytest.mark.parametrize("tls, mechanism, gs2_header, binding, expected", [
    (True, "SCRAM-SHA-256-PLUS", b"p=tls-server-end-point,,", hashlib.sha256(b"a relay's certificate").digest(),
     ("28000", "SCRAM channel binding check failed", None)),
    (True, "SCRAM-SHA-256", b"y,,", b"",
     ("28000", "SCRAM channel binding negotiation error",
      "The client supports SCRAM channel binding but thinks the server does not.  However, this server does "
      "support channel binding.")),
    (True, "SCRAM-SHA-256", b"p=tls-server-end-point,,", b"",
     ("08P01", "malformed SCRAM message", "The client selected SCRAM-SHA-256 without channel binding, but the "
      "SCRAM message includes channel binding data.")),
    (True, "SCRAM-SHA-256-PLUS", b"n,,", b"",
     ("08P01", "malformed SCRAM message", "The client selected SCRAM-SHA-256-PLUS, but the SCRAM message does not "
      "include channel binding data.")),
    (True, "SCRAM-SHA-256-PLUS", b"p=tls-unique,,", b"",
     ("08P01", 'unsupported SCRAM channel-binding type "tls-unique"', None)),
    (False, "SCRAM-SHA-256-PLUS", b"p=tls-server-end-point,,", b"",
     ("08P01", "client selected an invalid SASL authentication mechanism", None)),
], ids=["mismatched binding", "y flag over TLS", "p flag without PLUS", "PLUS with n flag", "tls-unique",
        "PLUS without TLS"])
def test_scram_binding_errors_as_postgres(tls_server, pg_tls, tls: bool, mechanism: str, gs2_header: bytes,
                                          binding: bytes, expected: tuple) -> None:
    for server in (pg_tls, tls_server):
        with _open(server, tls) as conn:
            error = _error(_scram(conn, "postgres", mechanism, gs2_header, binding))
            assert (error["S"], error["C"], error["M"], error.get("D")) == ("FATAL", *expected), server
            conn.expect_closed()


def test_scram_y_flag_without_tls_and_n_flag_over_tls(tls_server) -> None:
    for tls, header in ((False, b"y,,"), (True, b"n,,")):
        with _open(tls_server, tls) as conn:
            messages = _scram(conn, "postgres", "SCRAM-SHA-256", header)
            assert rp.auth_code(messages[-1][1]) == AUTH_OK, messages


# ------------------------------------------------------------------------------------------------
# tls.min_protocol_version


def _handshake(server: harness.Server, maximum: ssl.TLSVersion | None = None) -> str:
    """TLS handshake after SSLRequest; returns the negotiated version."""
    with socket.create_connection((server.host, server.port), timeout=10) as sock:
        sock.sendall(rp.ssl_request())
        assert sock.recv(1) == b"S"
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        if maximum is not None:
            context.maximum_version = maximum
        with context.wrap_socket(sock) as tls:
            return tls.version()


def test_min_protocol_version(duckgres_factory, tls_server) -> None:
    assert _handshake(tls_server, ssl.TLSVersion.TLSv1_2) == "TLSv1.2"
    strict = duckgres_factory({"tls": {"mode": "auto", "min_protocol_version": "TLSv1.3"}})
    assert _handshake(strict) == "TLSv1.3"
    with pytest.raises(ssl.SSLError):
        _handshake(strict, ssl.TLSVersion.TLSv1_2)
    err = connect_error(strict, sslmode="require", ssl_max_protocol_version="TLSv1.2")
    assert "SSL" in str(err), str(err)


# ------------------------------------------------------------------------------------------------
# Reload on SIGHUP


def _server_certificate(server: harness.Server) -> bytes:
    with socket.create_connection((server.host, server.port), timeout=10) as sock:
        sock.sendall(rp.ssl_request())
        assert sock.recv(1) == b"S"
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        with context.wrap_socket(sock) as tls:
            return tls.getpeercert(binary_form=True)


def _der(pem: Path) -> bytes:
    return ssl.PEM_cert_to_DER_cert(pem.read_text())


def test_sighup_reloads_the_certificate(duckgres_factory, pki: Pki, tmp_path: Path) -> None:
    cert, key = tmp_path / "server.crt", tmp_path / "server.key"
    shutil.copy(pki.server.cert, cert)
    shutil.copy(pki.server.key, key)
    server = duckgres_factory(tls_config(pki, cert_file=str(cert), key_file=str(key)))
    assert _server_certificate(server) == _der(pki.server.cert)
    old = pg3(server, sslmode="require")
    try:
        replacement = pki.issue_server("server-replacement")
        shutil.copy(replacement.cert, cert)
        shutil.copy(replacement.key, key)
        server.send_signal(signal.SIGHUP)
        wait_for_log(server, "received SIGHUP: reloaded TLS")
        assert _server_certificate(server) == _der(replacement.cert)
        assert old.execute("select 1").fetchone() == (1,)  # open connections keep their context
        with pg3(server, sslmode="verify-full", host="localhost", sslrootcert=str(pki.ca_cert),
                 channel_binding="require") as conn:
            assert conn.execute("select 2").fetchone() == (2,)

        # A broken file is reported and the last good context stays in use.
        cert.write_text("not a certificate\n")
        server.send_signal(signal.SIGHUP)
        wait_for_log(server, "TLS files not reloaded, keeping the previous ones")
        assert _server_certificate(server) == _der(replacement.cert)
        assert server.running()
    finally:
        old.close()


# ------------------------------------------------------------------------------------------------
# check-config


@pytest.mark.parametrize("case", ["garbage_ca", "garbage_crl", "ciphers", "key_mismatch", "version", "crl_only"])
def test_check_config_reports_tls_errors(pki: Pki, tmp_path: Path, case: str) -> None:
    garbage = tmp_path / "garbage.pem"
    garbage.write_text("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n")
    tls = {"mode": "files", "cert_file": str(pki.server.cert), "key_file": str(pki.server.key),
           "client_ca_file": str(pki.ca_cert), "crl_file": str(pki.crl)}
    expected = {
        "garbage_ca": ("client_ca_file", str(garbage), "tls.client_ca_file"),
        "garbage_crl": ("crl_file", str(garbage), "tls.crl_file"),
        "ciphers": ("ciphers", "NO-SUCH-CIPHER", 'tls.ciphers: no usable cipher in "NO-SUCH-CIPHER"'),
        "key_mismatch": ("key_file", str(pki.clients["good"].key), "does not match the certificate"),
        "version": ("min_protocol_version", "TLSv1.1", "expected TLSv1.2 or TLSv1.3"),
        "crl_only": ("client_ca_file", "", "tls.crl_file: needs tls.client_ca_file"),
    }[case]
    good = tmp_path / "good.yaml"
    good.write_text(harness.to_yaml({"tls": tls}))
    proc = harness.run_duckgres_cli(["check-config", str(good)])
    assert proc.returncode == 0, proc.stderr
    tls[expected[0]] = expected[1]
    bad = tmp_path / "bad.yaml"
    bad.write_text(harness.to_yaml({"tls": tls}))
    proc = harness.run_duckgres_cli(["check-config", str(bad)])
    assert proc.returncode == 1, proc.stdout
    assert expected[2] in proc.stderr, proc.stderr


# ------------------------------------------------------------------------------------------------
# pgjdbc


@pytest.fixture(scope="module")
def jdbc_tls_classes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    javac = shutil.which("javac")
    if javac is None or not JDBC_JAR.is_file():
        pytest.fail(f"javac or the pgjdbc jar ({JDBC_JAR}) is missing", pytrace=False)
    out = tmp_path_factory.mktemp("jdbc-tls")
    source = Path(__file__).resolve().parent / "jdbc" / "DuckgresJdbcTls.java"
    proc = subprocess.run([javac, "-d", str(out), "-cp", str(JDBC_JAR), str(source)], capture_output=True,
                          text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.mark.parametrize("host, sslmode, root, expected", [
    ("127.0.0.1", "require", "ca", "ok 1"),
    ("127.0.0.1", "verify-ca", "ca", "ok 1"),
    ("localhost", "verify-full", "ca", "ok 1"),
    ("127.0.0.1", "verify-full", "ca", "ok 1"),
    ("127.0.0.1", "verify-ca", "other", "error 08006"),
])
def test_jdbc_sslmodes(tls_server, pki: Pki, jdbc_tls_classes: Path, host: str, sslmode: str, root: str,
                       expected: str) -> None:
    rootcert = pki.ca_cert if root == "ca" else pki.other_ca_cert
    url = f"jdbc:postgresql://{host}:{tls_server.port}/postgres?sslmode={sslmode}&sslrootcert={rootcert}"
    proc = subprocess.run(["java", "-cp", f"{jdbc_tls_classes}{os.pathsep}{JDBC_JAR}", "DuckgresJdbcTls", url,
                           USER, PASSWORD], capture_output=True, text=True, timeout=120)
    assert proc.stdout.startswith(expected), proc.stdout + proc.stderr
