"""What clients see about the session: ParameterStatus values after startup and after SET,
BackendKeyData, and the same values through SHOW."""

from __future__ import annotations

import pytest

from clients import pg2, pg3

EXPECTED_STATIC = {
    "server_encoding": "UTF8",
    "client_encoding": "UTF8",
    "DateStyle": "ISO, MDY",
    "IntervalStyle": "postgres",
    "integer_datetimes": "on",
    "standard_conforming_strings": "on",
    "is_superuser": "on",
    "session_authorization": "postgres",
}


def test_parameter_status_psycopg(duckgres) -> None:
    with pg3(duckgres, application_name="it-psycopg3") as conn:
        ps = conn.info.parameter_status
        version = ps("server_version") or ""
        assert version.startswith("15"), version
        # (PostgreSQL 15 does not report server_version_num at startup; SHOW has it.)
        version_num = conn.execute("SHOW server_version_num").fetchone()[0]
        assert version_num.startswith("15") and len(version_num) == 6, version_num
        for name, expected in EXPECTED_STATIC.items():
            assert ps(name) == expected, (name, ps(name))
        assert ps("TimeZone"), "TimeZone missing"
        assert ps("application_name") == "it-psycopg3"
        assert 150000 <= conn.info.server_version < 160000


def test_parameter_status_psycopg2(duckgres) -> None:
    conn = pg2(duckgres, application_name="it-psycopg2")
    try:
        get = conn.get_parameter_status
        assert get("server_version").startswith("15")
        for name, expected in EXPECTED_STATIC.items():
            assert get(name) == expected, (name, get(name))
        assert get("TimeZone")
        assert get("application_name") == "it-psycopg2"
        assert 150000 <= conn.server_version < 160000
    finally:
        conn.close()


def test_parameter_status_matches_show(duckgres) -> None:
    with pg3(duckgres) as conn:
        for name in ("server_version", "server_encoding", "client_encoding", "DateStyle", "TimeZone",
                     "integer_datetimes", "standard_conforming_strings", "IntervalStyle"):
            shown = conn.execute(f"SHOW {name}").fetchone()[0]
            assert shown == conn.info.parameter_status(name), name


def test_application_name_default_and_set(duckgres) -> None:
    with pg3(duckgres) as conn:
        assert conn.info.parameter_status("application_name") in ("", None)
        conn.execute("SET application_name = 'renamed by SET'")
        # The server must report the change with a ParameterStatus message.
        assert conn.info.parameter_status("application_name") == "renamed by SET"
        assert conn.execute("SHOW application_name").fetchone() == ("renamed by SET",)


def test_timezone_set_reported(duckgres) -> None:
    with pg3(duckgres) as conn:
        conn.execute("SET TimeZone = 'Europe/Berlin'")
        assert conn.info.parameter_status("TimeZone") == "Europe/Berlin"
        assert conn.execute("SHOW TimeZone").fetchone() == ("Europe/Berlin",)
        conn.execute("SET TimeZone = 'UTC'")
        assert conn.info.parameter_status("TimeZone") == "UTC"


def test_datestyle_set_reported(duckgres) -> None:
    with pg3(duckgres) as conn:
        conn.execute("SET DateStyle = 'ISO, DMY'")
        assert conn.info.parameter_status("DateStyle") == "ISO, DMY"


def test_timezone_in_startup_options(duckgres) -> None:
    with pg3(duckgres, options="-c TimeZone=America/New_York") as conn:
        assert conn.info.parameter_status("TimeZone") == "America/New_York"
        assert conn.execute("SHOW TimeZone").fetchone() == ("America/New_York",)


def test_backend_key_data(duckgres) -> None:
    with pg3(duckgres) as a, pg3(duckgres) as b:
        assert a.info.backend_pid != 0 and b.info.backend_pid != 0
        assert a.info.backend_pid != b.info.backend_pid
        assert a.execute("select pg_backend_pid()").fetchone() == (a.info.backend_pid,)


@pytest.mark.parametrize("query, expected", [
    ("select current_user", "postgres"),
    ("select session_user", "postgres"),
    ("select current_database()", "postgres"),
    ("select current_schema()", "public"),
])
def test_session_identity(duckgres, query: str, expected: str) -> None:
    with pg3(duckgres) as conn:
        assert conn.execute(query).fetchone() == (expected,)


def test_search_path_is_applied(duckgres, pg) -> None:
    """Unqualified names resolve through search_path and CREATE goes to its first schema, in both protocols
    (statements cached before the change resolve again), as in PostgreSQL."""
    outcomes = []
    for server in (pg, duckgres):
        seen = []
        with pg3(server) as conn:
            conn.execute("DROP SCHEMA IF EXISTS sp_app CASCADE")
            conn.execute("CREATE TABLE IF NOT EXISTS sp_where (v text)")
            conn.execute("DELETE FROM sp_where")
            conn.execute("INSERT INTO sp_where VALUES ('public')")
            seen.append(conn.execute("SELECT v FROM sp_where", prepare=True).fetchall())
            conn.execute("SET search_path = sp_app, public")  # sp_app does not exist yet
            conn.execute("CREATE SCHEMA sp_app")
            conn.execute("CREATE TABLE sp_where (v text)")  # goes to sp_app
            conn.execute("INSERT INTO sp_where VALUES ('sp_app')")
            with conn.cursor().copy("COPY sp_where FROM STDIN") as copy:  # COPY finds the table the same way
                copy.write_row(("copied",))
            seen.append(conn.execute("SELECT v FROM sp_where ORDER BY v", prepare=True).fetchall())
            seen.append(conn.execute("SELECT table_schema::text FROM information_schema.tables "
                                     "WHERE table_name = 'sp_where' ORDER BY 1").fetchall())
            conn.execute("RESET search_path")
            seen.append(conn.execute("SELECT v FROM sp_where", prepare=True).fetchall())
            conn.execute("DROP SCHEMA sp_app CASCADE")
            conn.execute("DROP TABLE sp_where")
        with pg3(server, options="-c search_path=pg_catalog,public") as conn:
            seen.append(conn.execute("SHOW search_path").fetchone())
        outcomes.append(seen)
    assert outcomes[0] == [[("public",)], [("copied",), ("sp_app",)], [("public",), ("sp_app",)], [("public",)],
                           ("pg_catalog,public",)], outcomes[0]
    assert outcomes[1] == outcomes[0]
