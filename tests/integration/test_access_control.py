"""Roles and the engine sandbox: what users may do, tried through psycopg and psql against a real server.

One server per module with an admin, a read_write user, a read_only user and a user limited to one database.
Every engine escape an outside probe found (profiling output over any file, DuckDB settings for everyone, the
shared catalog detached or replaced, ATTACH/USE/DETACH, FORCE CHECKPOINT, logging) is attempted and must be refused
with nothing written; every write path of a read_only user must end in 25006 (or 42501 for switching the
read-only mode off); read_write users must not reach other users' sessions.
"""

from __future__ import annotations

import os
import stat
import subprocess
import threading
import time

import psycopg
import pytest

import harness
from clients import pg3

pytestmark = pytest.mark.duckgres_only

PASSWORD = "sandbox-password"
ROLES = {"boss": "admin", "writer": "read_write", "reader": "read_only"}


def user(name: str, **extra) -> dict:
    return {"name": name, "password": harness.scram_verifier(PASSWORD), **extra}


@pytest.fixture(scope="module")
def server():
    config = {"tls": {"mode": "off"}, "create_databases": True,
              "users": [user(name, role=role) for name, role in ROLES.items()] +
              [user("limited", role="read_write", databases=["postgres"])]}
    started = harness.DuckgresServer(config=config).start()
    try:
        with connect(started, "boss", dbname="other") as conn:  # makes database "other"
            conn.execute("select 1")
        with connect(started, "boss") as conn:
            conn.execute("create table if not exists shared (id int, note text)")
            conn.execute("insert into shared values (1, 'one')")
            conn.execute("create sequence if not exists shared_seq")
        yield started
    finally:
        started.cleanup()


def connect(server: harness.Server, name: str, **params) -> psycopg.Connection:
    return pg3(server, user=name, password=PASSWORD, **params)


def sqlstate(conn: psycopg.Connection, sql: str, prepare: bool | None = None) -> str:
    try:
        conn.execute(sql, prepare=prepare)
        return "ok"
    except psycopg.Error as error:
        return error.sqlstate or "?"


# ------------------------------------------------------------------------------------------------
# Parameters change by their PostgreSQL context: superuser ones only for admins, server-wide ones for nobody

SETTING_CHANGES = [  # statement, writer's result, boss's result
    ("set deadlock_timeout = '2s'", "42501", "ok"),
    ("reset deadlock_timeout", "42501", "ok"),
    ("select set_config('deadlock_timeout', '3s', false)", "42501", "ok"),
    ("set lc_messages = 'C'", "42501", "ok"),
    ("set log_min_duration_statement = 5", "42501", "ok"),
    ("set max_connections = 5", "55P02", "55P02"),
    ("set log_connections = on", "55P02", "55P02"),
    ("set log_checkpoints = on", "55P02", "55P02"),
    ("set statement_timeout = '5s'", "ok", "ok"),
    ("set lock_timeout = '1s'", "ok", "ok"),
]


@pytest.mark.parametrize("sql,writer_result,boss_result", SETTING_CHANGES)
def test_setting_changes_follow_the_parameter_context(server, sql, writer_result, boss_result) -> None:
    with connect(server, "writer") as writer, connect(server, "boss") as boss:
        assert sqlstate(writer, sql) == writer_result
        assert sqlstate(boss, sql) == boss_result


# ------------------------------------------------------------------------------------------------
# The engine sandbox: no user (admins included) reaches DuckDB's own configuration without the grant

ENGINE_ESCAPES = [
    ("pragma profiling_output='{target}'", "42501"),
    ("pragma enable_profiling='json'", "42501"),
    ("pragma memory_limit='5MB'", "42501"),
    ("set global memory_limit='100GB'", "42501"),
    ("set global threads=1", "42501"),
    ("set global debug_checkpoint_abort='before_header'", "42501"),
    ("set global custom_extension_repository='http://evil.invalid'", "42501"),
    ("set global allow_community_extensions=true", "42501"),
    ("set integer_division=false", "42704"),  # PostgreSQL's syntax: only Duckgres' own parameters
    ("pragma lock_configuration=true", "42501"),
    ("set global disabled_filesystems='LocalFileSystem'", "42501"),
    ("call enable_logging(storage='file', storage_path='{target}')", "42501"),
    ("select * from enable_logging()", "42501"),
    ("detach duckgres_catalog", "42501"),
    ("create or replace view duckgres_catalog.main.pg_class as select 1 as oid", "0A000"),
    ("create or replace view pg_catalog.pg_class as select 1 as oid", "42501"),
    ("drop view pg_catalog.pg_namespace", "42501"),
    ("attach ':memory:' as m", "42501"),
    ("use duckgres_catalog", "42501"),
    ("detach postgres", "42501"),
    ("force checkpoint", "42501"),
    ("call checkpoint()", "42501"),
    ("select * from force_checkpoint()", "42501"),
    ("pragma database_list", "42501"),
    ("select * from duckdb_databases()", "42501"),
    ("select * from duckdb_settings()", "42501"),
    ("from duckdb_settings()", "42501"),
    ("select current_setting('temp_directory')", "42704"),
    ("select * from query('select 1')", "42501"),
    ("select * from query_table('shared')", "42501"),
    ("select * from json_execute_serialized_sql('{{}}')", "42501"),
    ("select * from arrow_scan(1::pointer, 2::pointer, 3::pointer)", "42501"),
    ("select write_log('x')", "42501"),
    ("install httpfs", "42501"),
    ("load 'httpfs'", "42501"),
    ("export database '{target}'", "42501"),
    ("copy from database postgres to duckgres_catalog", "42501"),
    ("update extensions", "42501"),
    ("select * from system.main.duckdb_settings()", "42501"),
    ("from system.main.duckdb_tables()", "3F000"),
    ("create macro leak() as table from duckdb_settings()", "42501"),
    # Found by a red-team pass of this sandbox.
    ("explain analyze set global lock_configuration=true", "42501"),
    ("explain analyze set global memory_limit='123MB'", "42501"),
    ("explain analyze set search_path='duckgres_catalog.static'", "42501"),
    ("explain analyze pragma enable_profiling='json'", "42501"),
    ("explain (format json) analyze force checkpoint", "42501"),
    ("explain analyze load json", "42501"),
    ("select name, setting from \"PG_SETTINGS\"", "42P01"),
    ("select * from \"PG_CATALOG\".pg_settings", "3F000"),
    ("select \"CURRENT_SETTING\"('temp_directory')", "42883"),
    ("select * from duckdb_databases", "42501"),
    ("select * from pragma_database_list", "42501"),
    ("select message from duckdb_logs", "42501"),
    ("from pg_settings select name, setting", "0A000"),
    ("delete from pg_am where [1] is not null", "0A000"),
]


@pytest.mark.parametrize("statement,expected", ENGINE_ESCAPES, ids=[e[0][:50] for e in ENGINE_ESCAPES])
def test_engine_escapes_are_refused_for_every_role(server, tmp_path, statement, expected) -> None:
    target = tmp_path / "written"
    sql = statement.format(target=target)
    for name in ROLES:
        with connect(server, name) as conn:
            conn.autocommit = True
            got = sqlstate(conn, sql)
            if name == "reader" and got == "25006":
                got = expected  # a read-only user may be stopped first by the read-only rule
            assert got == expected, (name, sql, got)
            assert conn.execute("select 'still usable'").fetchone() == ("still usable",)
    assert not target.exists(), f"{sql} wrote {target}"
    # Nothing of the shared state changed: the catalog answers, DuckDB's settings are the server's.
    with connect(server, "writer") as conn:
        assert conn.execute("select count(*) > 0 from pg_class where relname = 'shared'").fetchone() == (True,)
        assert conn.execute("select * from shared order by id limit 1").fetchone() == (1, "one")


def test_engine_escapes_through_the_extended_protocol(server) -> None:
    with connect(server, "boss") as conn:
        conn.autocommit = True
        for sql in ("select * from duckdb_settings()", "pragma memory_limit='5MB'", "detach duckgres_catalog",
                    "call checkpoint()", "select * from query('select 1')"):
            assert sqlstate(conn, sql, prepare=True) == "42501", sql


def test_engine_escapes_through_psql(server, tmp_path) -> None:
    target = tmp_path / "profile.json"
    script = (f"pragma profiling_output='{target}';\npragma enable_profiling='json';\nselect 1;\n"
              "set global threads=1;\ndetach duckgres_catalog;\n\\dt\n")
    env = server.psql_env(user="boss", password=PASSWORD)
    out = subprocess.run(["psql", "-X", "-v", "ON_ERROR_STOP=0"], input=script, env=env, capture_output=True,
                         text=True, timeout=60)
    assert out.stderr.count("permission denied to run DuckDB's") == 4, out.stderr
    assert "shared" in out.stdout, out.stdout  # \dt still works: the catalog is intact
    assert not target.exists()


def test_everyone_keeps_working_after_the_attempts(server) -> None:
    with connect(server, "reader") as conn:  # a new connection: the configuration was not locked
        assert conn.execute("select count(*) from pg_am").fetchone()[0] > 0
        # DuckDB's own syntax reads data as usual for a read-only user.
        assert conn.execute("from shared select count(*)").fetchone() == (1,)
    with connect(server, "boss") as conn:
        assert conn.execute("show TimeZone").fetchone() == ("UTC",)
        # memory_limit was not lowered to 5MB: a query needing more still runs.
        assert conn.execute("select count(*) from (select range::varchar || repeat('x', 100) from range(300000))"
                            ).fetchone() == (300000,)


def test_admin_engine_access_grants_duckdb_statements_to_admins_only() -> None:
    config = {"tls": {"mode": "off"}, "admin_engine_access": True,
              "users": [user("boss", role="admin"), user("writer", role="read_write")]}
    granted = harness.DuckgresServer(config=config).start()
    if True:
        try:
            with connect(granted, "boss") as conn:
                conn.autocommit = True
                assert conn.execute("select count(*) > 0 from duckdb_settings()").fetchone() == (True,)
                assert conn.execute("pragma version").fetchone() is not None
                assert conn.execute("select current_setting('threads')").fetchone()[0] is not None
                # The system catalogs stay read-only even so.
                assert sqlstate(conn, "drop view pg_catalog.pg_class") == "42501"
            with connect(granted, "writer") as conn:
                assert sqlstate(conn, "select * from duckdb_settings()") == "42501"
        finally:
            granted.cleanup()


# ------------------------------------------------------------------------------------------------
# read_only: every write path ends in 25006, and the mode cannot be switched off

READ_ONLY_WRITES = [
    "insert into shared values (2, 'two')",
    "update shared set note = 'x'",
    "delete from shared",
    "merge into shared s using (select 1 as id) v on s.id = v.id when matched then update set note = 'm'",
    "create table mine (a int)",
    "create temp table mine (a int)",
    "create view mine as select 1",
    "create schema mine",
    "create sequence mine_seq",
    "alter table shared add column extra int",
    "drop table shared",
    "truncate shared",
    "select nextval('shared_seq')",
    "create index shared_i on shared (id)",
    "comment on table shared is 'x'",
    "select * into mine from shared",
    "create table mine as select * from shared",
    "insert into shared by name select 3 as id",
    "create table mine as from shared",
    "create macro mine() as 1",
    "with gone as (delete from shared returning *) select * from gone",
    "vacuum shared",
    "analyze shared",
]


@pytest.mark.parametrize("statement", READ_ONLY_WRITES, ids=[s[:40] for s in READ_ONLY_WRITES])
@pytest.mark.parametrize("prepare", [False, True], ids=["simple", "extended"])
def test_read_only_user_writes_nothing(server, statement, prepare) -> None:
    with connect(server, "reader") as conn:
        conn.autocommit = True
        got = sqlstate(conn, statement, prepare=prepare)
        assert got in ("25006", "0A000"), (statement, got)  # 0A000: DuckDB cannot express it at all
    with connect(server, "writer") as conn:
        assert conn.execute("select id, note from shared order by id").fetchall() == [(1, "one")]
        assert conn.execute("select count(*) from pg_class where relname like 'mine%'").fetchone() == (0,)


def test_read_only_user_cannot_switch_read_only_off(server) -> None:
    with connect(server, "reader") as conn:
        conn.autocommit = True
        assert conn.execute("show default_transaction_read_only").fetchone() == ("on",)
        for sql in ("set default_transaction_read_only = off", "reset default_transaction_read_only",
                    "set session characteristics as transaction read write",
                    "select set_config('default_transaction_read_only', 'off', false)",
                    "begin read write"):
            got = sqlstate(conn, sql)
            if sql.startswith("reset"):
                assert got == "ok" and conn.execute("show default_transaction_read_only").fetchone() == ("on",)
            else:
                assert got == "42501", (sql, got)
        conn.execute("begin")
        assert sqlstate(conn, "set transaction read write") == "42501"
        conn.execute("rollback")
        conn.execute("discard all")
        assert conn.execute("show default_transaction_read_only").fetchone() == ("on",)
        assert sqlstate(conn, "insert into shared values (9, 'nine')") == "25006"


def test_read_only_user_through_a_startup_option(server) -> None:
    with connect(server, "reader", options="-c default_transaction_read_only=off") as conn:
        assert conn.execute("show default_transaction_read_only").fetchone() == ("on",)
        assert sqlstate(conn, "insert into shared values (9, 'nine')") == "25006"


def test_read_only_user_prepared_statements_cursors_and_copy(server) -> None:
    with connect(server, "reader") as conn:
        conn.autocommit = True
        # PostgreSQL refuses the EXECUTE; Duckgres sees the write in PREPARE's tree already.
        assert sqlstate(conn, "prepare ins as insert into shared values (5, 'five')") == "25006"
        with conn.transaction():
            conn.execute("declare c cursor for select * from shared")
            assert conn.execute("fetch all from c").fetchall() == [(1, "one")]
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            with conn.cursor().copy("copy shared from stdin") as copy:
                copy.write("7\tseven\n")
        out = []
        with conn.cursor().copy("copy shared to stdout") as copy:
            for row in copy:
                out.append(bytes(row))
        assert b"".join(out) == b"1\tone\n"
        # Reads work as for anyone.
        assert conn.execute("select count(*) from shared").fetchone() == (1,)
        assert conn.execute("select count(*) > 0 from pg_class").fetchone() == (True,)


def test_read_only_user_through_psql(server) -> None:
    env = server.psql_env(user="reader", password=PASSWORD)
    script = "insert into shared values (8, 'eight');\ncreate table mine (a int);\nselect count(*) from shared;\n"
    out = subprocess.run(["psql", "-X", "-At"], input=script, env=env, capture_output=True, text=True, timeout=60)
    assert out.stderr.count("in a read-only transaction") == 2, out.stderr
    assert out.stdout.strip() == "1"


# ------------------------------------------------------------------------------------------------
# read_write: other users' sessions are out of reach

def test_read_write_user_cannot_signal_or_watch_an_admin(server) -> None:
    with connect(server, "boss") as boss, connect(server, "writer") as writer:
        boss.autocommit = writer.autocommit = True
        boss_pid = boss.execute("select pg_backend_pid()").fetchone()[0]
        boss.execute("select 'secret query text'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege) as caught:
            writer.execute("select pg_cancel_backend(%s)", (boss_pid,))
        assert caught.value.diag.message_primary == "permission denied to cancel query"
        with pytest.raises(psycopg.errors.InsufficientPrivilege) as caught:
            writer.execute("select pg_terminate_backend(%s)", (boss_pid,))
        assert caught.value.diag.message_primary == "permission denied to terminate process"
        row = writer.execute("select usename, query, client_addr from pg_stat_activity where pid = %s",
                             (boss_pid,)).fetchone()
        assert row == ("boss", "<insufficient privilege>", None)
        assert boss.execute("select 'boss is fine'").fetchone() == ("boss is fine",)
        # The admin sees the writer's query and may cancel or terminate it.
        writer_pid = writer.execute("select pg_backend_pid()").fetchone()[0]
        assert boss.execute("select query from pg_stat_activity where pid = %s", (writer_pid,)).fetchone() == (
            "select pg_backend_pid()",)
        assert boss.execute("select pg_cancel_backend(%s)", (writer_pid,)).fetchone() == (True,)


def test_read_write_user_signals_its_own_sessions(server) -> None:
    with connect(server, "writer") as first, connect(server, "writer") as second:
        second.autocommit = True
        pid = first.execute("select pg_backend_pid()").fetchone()[0]
        first.rollback()
        done = threading.Event()

        def sleep() -> None:
            with pytest.raises(psycopg.errors.QueryCanceled):
                first.execute("select pg_sleep(30)")
            done.set()

        thread = threading.Thread(target=sleep)
        thread.start()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and second.execute(
                "select state from pg_stat_activity where pid = %s", (pid,)).fetchone() != ("active",):
            time.sleep(0.05)
        assert second.execute("select pg_cancel_backend(%s)", (pid,)).fetchone() == (True,)
        thread.join(20)
        assert done.is_set()


def test_roles_show_in_is_superuser_and_checkpoint(server) -> None:
    with connect(server, "boss") as boss, connect(server, "writer") as writer:
        assert boss.info.parameter_status("is_superuser") == "on"
        assert writer.info.parameter_status("is_superuser") == "off"
        boss.autocommit = writer.autocommit = True
        assert sqlstate(boss, "checkpoint") == "ok"
        assert sqlstate(writer, "checkpoint") == "42501"


def test_grant_and_revoke_are_refused(server) -> None:
    with connect(server, "boss") as conn:
        conn.autocommit = True
        assert sqlstate(conn, "revoke select on shared from writer") == "0A000"


# ------------------------------------------------------------------------------------------------
# databases: a user limited to some databases learns nothing of the others

def test_database_outside_the_users_list_is_refused_alike(server) -> None:
    messages = []
    for dbname in ("other", "no_such_database"):
        with pytest.raises(psycopg.OperationalError) as caught:
            connect(server, "limited", dbname=dbname)
        messages.append(str(caught.value).replace(dbname, "X"))
    assert messages[0] == messages[1] and 'permission denied for database "X"' in messages[0], messages
    with connect(server, "limited") as conn:
        assert conn.execute("select current_database()").fetchone() == ("postgres",)


# ------------------------------------------------------------------------------------------------
# Files the server writes are its own

def test_database_files_are_private(server) -> None:
    files = [p for p in server.data_dir.iterdir() if p.is_file()]
    assert any(p.name == "postgres.duckdb" for p in files)
    for path in files:
        mode = stat.S_IMODE(os.stat(path).st_mode)
        assert mode & 0o077 == 0, f"{path.name} is {oct(mode)}"


# ------------------------------------------------------------------------------------------------
# The catalog tells each user's rights

def test_roles_in_the_catalog(server) -> None:
    with connect(server, "reader") as conn:
        roles = dict(conn.execute("select rolname, rolsuper from pg_roles where rolcanlogin").fetchall())
        assert roles == {"boss": True, "writer": False, "reader": False, "limited": False}
        # PostgreSQL's predefined roles are listed too; they cannot log in, and no user is a member of them.
        assert conn.execute("select count(*), bool_or(rolcanlogin) from pg_roles where rolname like 'pg\\_%'"
                            ).fetchone() == (12, False)
        assert conn.execute("select pg_has_role('pg_monitor', 'member')").fetchone() == (False,)
        assert conn.execute("select usename, usesuper from pg_user where usename = current_user").fetchone() == (
            "reader", False)
        assert conn.execute("select current_user, session_user").fetchone() == ("reader", "reader")
        assert conn.execute("select oid from pg_roles where rolname = current_user").fetchone() == (10,)
        assert conn.execute("select has_table_privilege('shared', 'SELECT'), has_table_privilege('shared', 'INSERT'),"
                            " has_table_privilege('shared', 'INSERT, SELECT'), has_schema_privilege('public', 'CREATE'),"
                            " has_database_privilege(current_database(), 'CONNECT')").fetchone() == (
            True, False, True, False, True)
    with connect(server, "boss") as conn:
        assert conn.execute("select has_table_privilege('reader', 'shared', 'UPDATE'), "
                            "has_table_privilege('writer', 'shared', 'UPDATE'), "
                            "has_table_privilege('shared', 'UPDATE')").fetchone() == (False, True, True)
        owner = conn.execute("select pg_get_userbyid(oid) from pg_roles where rolname = 'writer'").fetchone()
        assert owner == ("writer",)
        # An admin is a member of every role; others only of their own.
        assert conn.execute("select pg_has_role('writer', 'member'), pg_has_role('writer', 'reader', 'member'), "
                            "pg_has_role('reader', 'reader', 'usage'), "
                            "pg_has_role(current_user, (select oid from pg_roles where rolname = 'writer'), 'member')"
                            ).fetchone() == (True, False, True, True)
        with pytest.raises(psycopg.errors.UndefinedObject):
            conn.execute("select pg_has_role('nobody', 'member')")


def test_psql_du_shows_the_roles(server) -> None:
    env = server.psql_env(user="writer", password=PASSWORD)
    out = subprocess.run(["psql", "-X", "-c", "\\du"], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    lines = {line.split("|")[0].strip(): line for line in out.stdout.splitlines() if "|" in line}
    assert "Superuser" in lines["boss"] and "Superuser" not in lines["writer"], out.stdout
    assert {"boss", "writer", "reader", "limited"} <= set(lines), out.stdout


def test_passwords_and_verifiers_stay_out_of_logs_errors_and_settings(server) -> None:
    with pytest.raises(psycopg.OperationalError) as caught:
        pg3(server, user="writer", password="a-wrong-password")
    assert "a-wrong-password" not in str(caught.value)
    with connect(server, "boss") as conn:
        settings = " ".join(f"{name}={value}" for name, value in
                            conn.execute("select name, setting from pg_settings").fetchall())
        metrics = str(conn.execute("select * from duckgres_metrics()").fetchall())
    log = server.log_text(limit=10_000_000)  # the server runs with log_level debug
    for text in (log, settings, metrics):
        assert PASSWORD not in text and "a-wrong-password" not in text
        assert "SCRAM-SHA-256$" not in text  # no verifier either


def test_macros_cannot_stand_in_for_the_catalogs_functions(server) -> None:
    # The shared catalog's views call functions unqualified: a user's macro of the same name would change what
    # every session's pg_roles, pg_class... show (found by a red-team pass).
    with connect(server, "writer") as conn:
        conn.autocommit = True
        for sql in ("create macro duckgres_roles() as table select 'writer' as rolname, 'admin' as role",
                    "create or replace temp macro hash(x) as 42", "create macro duckdb_tables() as table select 1",
                    "create function duckgres_session_user() as 'boss'"):
            assert sqlstate(conn, sql) == "42723", sql
        assert sqlstate(conn, "create macro my_double(x) as x * 2") == "ok"
        assert conn.execute("select my_double(21)").fetchone() == (42,)
    with connect(server, "reader") as conn:
        assert dict(conn.execute("select rolname, rolsuper from pg_roles").fetchall())["writer"] is False
