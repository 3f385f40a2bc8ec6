"""Connecting and authenticating: SCRAM (default), md5, cleartext password, verifiers from
`duckgres hash-password`, wrong passwords and unknown users (28P01), unknown databases (3D000),
TLS on and off."""

from __future__ import annotations

import os
import subprocess

import psycopg
import pytest

import harness
from clients import (asyncpg_connect_error, connect_error, connect_with, first_auth_request, pg3, raw_login,
                     sasl_mechanisms, ssl_request_answer)

DRIVERS = ["psycopg", "psycopg2"]

AUTH_SASL, AUTH_MD5, AUTH_CLEARTEXT = 10, 5, 3


def _select_one(conn) -> int:
    cur = conn.cursor()
    cur.execute("select 1")
    value = cur.fetchone()[0]
    cur.close()
    return value


def _failed_auth_message(user: str) -> str:
    return f'password authentication failed for user "{user}"'


def _hash_password(password: str, method: str = "scram-sha-256", user: str | None = None) -> str:
    """A verifier from `duckgres hash-password` (computed in Python only in development mode)."""
    if harness.dev_mode():
        return harness.scram_verifier(password) if method == "scram-sha-256" else harness.md5_verifier(password, user)
    args = ["hash-password"] if method == "scram-sha-256" else ["hash-password", "--method", "md5", "--user", user]
    proc = harness.run_duckgres_cli(args, input=password + "\n")
    assert proc.returncode == 0, f"hash-password failed ({proc.returncode}): {proc.stderr}"
    return proc.stdout.strip()


# ------------------------------------------------------------------------------------------------
# The default server: postgres/postgres with SCRAM-SHA-256

@pytest.mark.parametrize("driver", DRIVERS)
def test_connect_scram(duckgres, driver: str) -> None:
    conn = connect_with(driver, duckgres)
    try:
        assert _select_one(conn) == 1
    finally:
        conn.close()


def test_default_auth_is_scram(duckgres) -> None:
    answer = first_auth_request(duckgres, "postgres")
    assert answer[0] == "auth" and answer[1] == AUTH_SASL, answer
    assert "SCRAM-SHA-256" in sasl_mechanisms(answer[2])


@pytest.mark.parametrize("driver", DRIVERS)
def test_wrong_password(duckgres, driver: str) -> None:
    err = connect_error(driver, duckgres, password="not-the-password")
    assert _failed_auth_message("postgres") in str(err)


@pytest.mark.parametrize("driver", DRIVERS)
def test_unknown_user(duckgres, driver: str) -> None:
    # Same answer as a wrong password: the server must not reveal which users exist.
    err = connect_error(driver, duckgres, user="nobody_here", password="whatever")
    assert _failed_auth_message("nobody_here") in str(err)


@pytest.mark.parametrize("user, password", [("postgres", "wrong"), ("nobody_here", "whatever")])
def test_failed_login_error_fields(duckgres, user: str, password: str) -> None:
    """The ErrorResponse itself, read off the wire: FATAL, 28P01, PostgreSQL's message."""
    kind, fields = raw_login(duckgres, user, password)
    assert kind == "error", fields
    assert fields.get("S") == "FATAL" and fields.get("V") == "FATAL", fields
    assert fields.get("C") == "28P01", fields
    assert fields.get("M") == _failed_auth_message(user), fields


def test_raw_scram_login_and_server_signature(duckgres) -> None:
    kind, status = raw_login(duckgres, "postgres", "postgres")
    assert kind == "ok", status
    assert status.get("server_version", "").startswith("15"), status


def test_unknown_database_error_fields(duckgres) -> None:
    kind, fields = raw_login(duckgres, "postgres", "postgres", database="no_such_db")
    assert kind == "error", fields
    assert fields.get("S") == "FATAL" and fields.get("C") == "3D000", fields
    assert fields.get("M") == 'database "no_such_db" does not exist', fields


def test_wrong_password_and_unknown_user_sqlstate(duckgres) -> None:
    """The same through asyncpg, a client that exposes the SQLSTATE of startup errors."""
    for user, password in (("postgres", "wrong"), ("nobody_here", "whatever")):
        err = asyncpg_connect_error(duckgres, user=user, password=password)
        assert err is not None, f"{user} connected with a wrong password"
        assert getattr(err, "sqlstate", None) == "28P01", repr(err)
        assert _failed_auth_message(user) in str(err)


def test_unknown_user_gets_a_sasl_challenge_too(duckgres) -> None:
    answer = first_auth_request(duckgres, "nobody_here")
    assert answer[0] == "auth" and answer[1] == AUTH_SASL, answer


@pytest.mark.parametrize("driver", DRIVERS)
def test_unknown_database(duckgres, driver: str) -> None:
    err = connect_error(driver, duckgres, dbname="no_such_db")
    assert 'database "no_such_db" does not exist' in str(err)


def test_unknown_database_sqlstate(duckgres) -> None:
    err = asyncpg_connect_error(duckgres, dbname="no_such_db")
    assert err is not None and getattr(err, "sqlstate", None) == "3D000", repr(err)


def test_empty_password_is_rejected(duckgres) -> None:
    err = asyncpg_connect_error(duckgres, password="")
    assert err is not None, "connected with an empty password"


def test_many_sequential_connections(duckgres) -> None:
    for _ in range(30):
        with pg3(duckgres) as conn:
            assert conn.execute("select 1").fetchone() == (1,)


# ------------------------------------------------------------------------------------------------
# Extra servers with YAML configs

def _users_config(method: str, users: list[dict], **extra) -> dict:
    config = {"auth_method": method, "allow_plaintext_passwords": True, "users": users, "tls": {"mode": "off"}}
    config.update(extra)
    return config


@pytest.mark.parametrize("driver", DRIVERS)
def test_md5_auth(duckgres_factory, driver: str) -> None:
    server = duckgres_factory(_users_config("md5", [{"name": "alice", "password": "secret"}]))
    answer = first_auth_request(server, "alice")
    assert answer[0] == "auth" and answer[1] == AUTH_MD5, answer
    conn = connect_with(driver, server, user="alice", password="secret")
    try:
        assert _select_one(conn) == 1
    finally:
        conn.close()
    err = connect_error(driver, server, user="alice", password="wrong")
    assert _failed_auth_message("alice") in str(err)
    err = connect_error(driver, server, user="mallory", password="secret")
    assert _failed_auth_message("mallory") in str(err)


@pytest.mark.parametrize("driver", DRIVERS)
def test_password_auth(duckgres_factory, driver: str) -> None:
    server = duckgres_factory(_users_config("password", [{"name": "alice", "password": "s3cr3t pass"}]))
    answer = first_auth_request(server, "alice")
    assert answer[0] == "auth" and answer[1] == AUTH_CLEARTEXT, answer
    conn = connect_with(driver, server, user="alice", password="s3cr3t pass")
    try:
        assert _select_one(conn) == 1
    finally:
        conn.close()
    err = connect_error(driver, server, user="alice", password="s3cr3t")
    assert _failed_auth_message("alice") in str(err)


def test_md5_and_password_auth_sqlstate(duckgres_factory) -> None:
    for method in ("md5", "password"):
        server = duckgres_factory(_users_config(method, [{"name": "alice", "password": "secret"}]))
        assert raw_login(server, "alice", "secret")[0] == "ok"
        kind, fields = raw_login(server, "alice", "nope")
        assert kind == "error" and fields.get("C") == "28P01", (method, fields)
        assert fields.get("M") == _failed_auth_message("alice")
        assert asyncpg_connect_error(server, user="alice", password="secret") is None
        err = asyncpg_connect_error(server, user="alice", password="nope")
        assert err is not None and getattr(err, "sqlstate", None) == "28P01", (method, repr(err))


def test_scram_with_configured_users(duckgres_factory) -> None:
    server = duckgres_factory(_users_config("scram-sha-256", [
        {"name": "alice", "password": "secret"},
        {"name": "Bob Smith", "password": "pä$$wörd"},
    ]))
    with pg3(server, user="alice", password="secret") as conn:
        assert conn.execute("select current_user").fetchone() == ("alice",)
        assert conn.info.parameter_status("session_authorization") == "alice"
    with pg3(server, user="Bob Smith", password="pä$$wörd") as conn:
        assert conn.execute("select 1").fetchone() == (1,)
    err = connect_error("psycopg", server, user="alice", password="SECRET")
    assert _failed_auth_message("alice") in str(err)


def test_hash_password_scram_verifier_accepted_in_config(duckgres_factory) -> None:
    verifier = _hash_password("correct horse")
    assert verifier.startswith("SCRAM-SHA-256$4096:"), verifier
    server = duckgres_factory({"auth_method": "scram-sha-256", "allow_plaintext_passwords": False,
                               "users": [{"name": "bob", "password": verifier}], "tls": {"mode": "off"}})
    with pg3(server, user="bob", password="correct horse") as conn:
        assert conn.execute("select 42").fetchone() == (42,)
    err = connect_error("psycopg2", server, user="bob", password="correct horse!")
    assert _failed_auth_message("bob") in str(err)


def test_hash_password_md5_verifier_accepted_in_config(duckgres_factory) -> None:
    verifier = _hash_password("tr0ub4dor", method="md5", user="carol")
    assert verifier == harness.md5_verifier("tr0ub4dor", "carol")
    server = duckgres_factory({"auth_method": "md5", "allow_plaintext_passwords": False,
                               "users": [{"name": "carol", "password": verifier}], "tls": {"mode": "off"}})
    with pg3(server, user="carol", password="tr0ub4dor") as conn:
        assert conn.execute("select 1").fetchone() == (1,)
    err = connect_error("psycopg", server, user="carol", password="tr0ub4dor2")
    assert _failed_auth_message("carol") in str(err)


# ------------------------------------------------------------------------------------------------
# TLS

def test_tls_offered_by_default(duckgres) -> None:
    assert ssl_request_answer(duckgres) == b"S"
    with pg3(duckgres, sslmode="require") as conn:
        assert conn.pgconn.ssl_in_use
        assert conn.execute("select 'secure'").fetchone() == ("secure",)
    with pg3(duckgres, sslmode="disable") as conn:
        assert not conn.pgconn.ssl_in_use


def test_tls_auto_config(duckgres_factory) -> None:
    server = duckgres_factory({"tls": {"mode": "auto"}})
    assert ssl_request_answer(server) == b"S"
    with pg3(server, sslmode="require") as conn:
        assert conn.pgconn.ssl_in_use
        assert conn.execute("select 1").fetchone() == (1,)


def test_tls_off_config(duckgres_factory) -> None:
    server = duckgres_factory({"tls": {"mode": "off"}})
    assert ssl_request_answer(server) == b"N"
    err = connect_error("psycopg", server, sslmode="require")
    assert "SSL" in str(err) or "ssl" in str(err), str(err)
    with pg3(server, sslmode="prefer") as conn:
        assert not conn.pgconn.ssl_in_use
        assert conn.execute("select 1").fetchone() == (1,)


# ------------------------------------------------------------------------------------------------
# Databases

@pytest.mark.duckgres_only
def test_create_databases_on_demand(duckgres_factory) -> None:
    server = duckgres_factory({"create_databases": True, "tls": {"mode": "off"}})
    with pg3(server, dbname="analytics") as conn:
        assert conn.execute("select current_database()").fetchone() == ("analytics",)
        conn.execute("create table only_in_analytics (a int)")
        conn.execute("insert into only_in_analytics values (1)")
    assert (server.data_dir / "analytics.duckdb").exists(), sorted(p.name for p in server.data_dir.iterdir())
    with pg3(server, dbname="postgres") as conn:
        with pytest.raises(psycopg.errors.UndefinedTable):
            conn.execute("select * from only_in_analytics")
    with pg3(server, dbname="analytics") as conn:
        assert conn.execute("select count(*) from only_in_analytics").fetchone() == (1,)
    # pg_database lists every database of the server, from any of them, with the same OIDs everywhere (psql's \l).
    listings = []
    for dbname in ("postgres", "analytics"):
        with pg3(server, dbname=dbname) as conn:
            listings.append(conn.execute("select oid, datname from pg_database order by datname").fetchall())
            assert conn.execute("select datname from pg_database where oid = (select datid from pg_stat_activity "
                                "where pid = pg_backend_pid())").fetchone() == (dbname,)
    assert listings[0] == listings[1]
    assert [name for _, name in listings[0]] == ["analytics", "postgres"]
    assert dict((name, oid) for oid, name in listings[0])["postgres"] == 5
    psql = subprocess.run(["psql", "-X", "-l", "-A", "-t", "-h", server.host, "-p", str(server.port), "-U", "postgres"],
                          env={**os.environ, "PGPASSWORD": "postgres"}, capture_output=True, text=True, timeout=60)
    assert psql.returncode == 0, psql.stderr
    assert [line.split("|")[0] for line in psql.stdout.splitlines()] == ["analytics", "postgres"]


@pytest.mark.duckgres_only
def test_postgres_database_file(duckgres) -> None:
    with pg3(duckgres) as conn:
        assert conn.execute("select current_database()").fetchone() == ("postgres",)
    assert (duckgres.data_dir / "postgres.duckdb").exists()
