"""CREATE DATABASE, DROP DATABASE and ALTER DATABASE ... RENAME TO on a server of its own: the database files, the
sessions that use them (55006, WITH (FORCE)), templates, a restart, and who may do it. The SQL-visible behaviour
that PostgreSQL shares is compared in the corpus (57_databases.sql)."""

from __future__ import annotations

import psycopg
import pytest

import harness
from clients import pg3

PASSWORD = "sandbox-password"


@pytest.fixture
def server(duckgres_factory):
    users = [{"name": "boss", "password": harness.scram_verifier(PASSWORD), "role": "admin"},
             {"name": "writer", "password": harness.scram_verifier(PASSWORD), "role": "read_write"},
             {"name": "limited", "password": harness.scram_verifier(PASSWORD), "role": "admin",
              "databases": ["postgres", "scratch"]}]
    return duckgres_factory({"tls": {"mode": "off"}, "users": users})


def connect(server: harness.Server, user: str = "boss", dbname: str = "postgres") -> psycopg.Connection:
    return pg3(server, user=user, password=PASSWORD, dbname=dbname, autocommit=True)


def sqlstate_of(conn: psycopg.Connection, sql: str) -> tuple[str, str]:
    with pytest.raises(psycopg.Error) as caught:
        conn.execute(sql)
    return caught.value.sqlstate, caught.value.diag.message_detail or ""


@pytest.mark.duckgres_only
def test_created_database_is_a_file_that_clients_connect_to(server) -> None:
    with connect(server) as admin:
        admin.execute("CREATE DATABASE sales")
        assert (server.data_dir / "sales.duckdb").exists()
        with connect(server, dbname="sales") as conn:
            conn.execute("create table orders (id int, amount numeric(10,2))")
            conn.execute("insert into orders values (1, 9.50), (2, 20)")
        # The connection to sales is closed: it may go now, and its file with it.
        admin.execute("DROP DATABASE sales")
        assert not (server.data_dir / "sales.duckdb").exists()
        with pytest.raises(psycopg.OperationalError, match="does not exist"):
            connect(server, dbname="sales")


@pytest.mark.duckgres_only
def test_database_in_use_is_kept_until_force(server) -> None:
    with connect(server) as admin:
        admin.execute("CREATE DATABASE busy")
        user_a = connect(server, dbname="busy")
        user_b = connect(server, dbname="busy")
        try:
            assert sqlstate_of(admin, "DROP DATABASE busy") == (
                "55006", "There are 2 other sessions using the database.")
            assert sqlstate_of(admin, "ALTER DATABASE busy RENAME TO quiet")[0] == "55006"
            assert sqlstate_of(admin, "CREATE DATABASE copy_of_busy TEMPLATE busy")[0] == "55006"
            # The sessions kept working meanwhile.
            assert user_a.execute("select 1").fetchone() == (1,)
            admin.execute("DROP DATABASE busy WITH (FORCE)")
            with pytest.raises(psycopg.OperationalError) as ended:
                user_a.execute("select 1")
            assert ended.value.sqlstate in (None, "57P01"), ended.value
        finally:
            user_a.close()
            user_b.close()
        assert not (server.data_dir / "busy.duckdb").exists()
        # Its own database cannot go.
        assert sqlstate_of(admin, "DROP DATABASE postgres")[0] == "55006"
        assert sqlstate_of(admin, "ALTER DATABASE postgres RENAME TO other")[0] == "0A000"


@pytest.mark.duckgres_only
def test_template_copies_rows_and_rename_keeps_them(server) -> None:
    with connect(server) as admin:
        admin.execute("CREATE DATABASE origin")
        with connect(server, dbname="origin") as conn:
            conn.execute("create table t (v text)")
            conn.execute("insert into t values ('kept')")
        admin.execute("CREATE DATABASE copied WITH TEMPLATE = origin ENCODING = 'UTF8'")
        admin.execute("ALTER DATABASE copied RENAME TO renamed")
        with connect(server, dbname="renamed") as conn:
            assert conn.execute("select v from t").fetchall() == [("kept",)]
        names = [row[0] for row in admin.execute("select datname from pg_database order by 1").fetchall()]
        assert names == ["origin", "postgres", "renamed"]
    server.restart()
    with connect(server, dbname="renamed") as conn:
        assert conn.execute("select v from t").fetchall() == [("kept",)]
    with connect(server) as admin:
        admin.execute("DROP DATABASE renamed")
        admin.execute("DROP DATABASE origin")
        assert admin.execute("select count(*) from pg_database").fetchone() == (1,)


@pytest.mark.duckgres_only
def test_only_admins_change_databases(server) -> None:
    with connect(server, user="writer") as conn:
        for sql in ("CREATE DATABASE mine", "DROP DATABASE IF EXISTS mine", "ALTER DATABASE postgres RENAME TO x"):
            assert sqlstate_of(conn, sql)[0] == "42501", sql
    assert not (server.data_dir / "mine.duckdb").exists()
    with connect(server) as admin:
        assert sqlstate_of(admin, "CREATE DATABASE \"../escape\"")[0] == "0A000"
        assert sqlstate_of(admin, "CREATE DATABASE x OWNER nobody")[0] == "42704"
        admin.execute("CREATE DATABASE owned OWNER writer")
        admin.execute("DROP DATABASE owned")


@pytest.mark.duckgres_only
def test_admin_limited_to_databases_reaches_no_other(server) -> None:
    with connect(server) as admin:
        admin.execute("CREATE DATABASE private")
    with connect(server, user="limited") as conn:
        for sql in ("CREATE DATABASE scratch TEMPLATE private", "DROP DATABASE private",
                    "ALTER DATABASE private RENAME TO scratch", "CREATE DATABASE elsewhere"):
            assert sqlstate_of(conn, sql)[0] == "42501", sql
        conn.execute("CREATE DATABASE scratch")
        conn.execute("DROP DATABASE scratch")
    assert (server.data_dir / "private.duckdb").exists()
