"""PostgreSQL DDL and utility statements DuckDB lacks: serial columns, storage clauses, index methods,
GRANT/REVOKE, CREATE EXTENSION, DISCARD ALL, UNLISTEN, set through Duckgres and compared with PostgreSQL 15.
Statements Duckgres accepts without effect must say so with a NOTICE."""
from __future__ import annotations

import psycopg
import pytest



def _run(server, statements: list[str]) -> list:
    """Each statement's outcome: (tag or error SQLSTATE, rows), plus the notices it raised."""
    outcomes = []
    with psycopg.connect(server.conninfo(), autocommit=True) as conn:
        notices: list[str] = []
        conn.add_notice_handler(lambda diag: notices.append(diag.message_primary or ""))
        for statement in statements:
            notices.clear()
            try:
                cur = conn.execute(statement)
                rows = cur.fetchall() if cur.description else None
                outcomes.append((cur.statusmessage, rows, list(notices)))
            except psycopg.Error as error:
                outcomes.append((error.sqlstate, None, list(notices)))
    return outcomes


def test_serial_columns_match_postgres(duckgres, pg) -> None:
    script = ["DROP TABLE IF EXISTS dd_serial", "DROP SEQUENCE IF EXISTS dd_serial_id_seq",
              "DROP SEQUENCE IF EXISTS dd_serial_big_seq",
              "CREATE TABLE dd_serial (id serial PRIMARY KEY, big bigserial, note text)",
              "INSERT INTO dd_serial (note) VALUES ('a'), ('b') RETURNING id, big, note",
              "SELECT pg_get_serial_sequence('dd_serial', 'id'), pg_get_serial_sequence('public.dd_serial', 'big')",
              "SELECT attname, format_type(atttypid, atttypmod), attnotnull FROM pg_attribute "
              "WHERE attrelid = 'dd_serial'::regclass AND attnum > 0 ORDER BY attnum",
              "SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'dd_serial'::regclass ORDER BY adnum",
              "DROP TABLE dd_serial"]
    ours, theirs = _run(duckgres, script), _run(pg, script)
    assert [o[:2] for o in ours[3:]] == [t[:2] for t in theirs[3:]]
    # The sequences went with the table, as in PostgreSQL (the serial columns owned them).
    check = "SELECT count(*) FROM pg_class WHERE relname IN ('dd_serial_id_seq', 'dd_serial_big_seq')"
    assert _run(duckgres, [check])[0][1] == _run(pg, [check])[0][1] == [(0,)]


ACCEPTED = [
    # (statement, the NOTICE Duckgres gives; PostgreSQL runs them for real and says nothing)
    ("CREATE TABLE dd_store (id int) TABLESPACE pg_default", "TABLESPACE pg_default is accepted and ignored"),
    ("CREATE TABLE dd_heap (id int) USING heap", None),
    ("CREATE INDEX dd_store_i ON dd_store USING btree (id) WITH (fillfactor = 50)",
     "index storage parameters (WITH ...) are accepted and ignored by DuckDB"),
    ("CREATE EXTENSION IF NOT EXISTS plpgsql", 'extension "plpgsql" is accepted for compatibility'),
    ("UNLISTEN *", None),
    ("DISCARD PLANS", None),
    ("VACUUM dd_store", None),
    ("ANALYZE dd_store", None),
]


@pytest.mark.parametrize("statement,notice", ACCEPTED, ids=[a[0].split(" (")[0][:40] for a in ACCEPTED])
def test_accepted_statements_answer_like_postgres(duckgres, pg, statement, notice) -> None:
    setup = ["DROP TABLE IF EXISTS dd_store", "DROP TABLE IF EXISTS dd_heap", "CREATE TABLE dd_store (id int)"]
    if statement.startswith("CREATE TABLE dd_store"):
        setup = setup[:2]
    ours = _run(duckgres, setup + [statement])[-1]
    theirs = _run(pg, setup + [statement])[-1]
    assert ours[0] == theirs[0], (ours, theirs)  # the same command tag
    if notice:
        assert any(n.startswith(notice) for n in ours[2]), ours[2]
    _run(duckgres, ["DROP TABLE IF EXISTS dd_store", "DROP TABLE IF EXISTS dd_heap"])
    _run(pg, ["DROP TABLE IF EXISTS dd_store", "DROP TABLE IF EXISTS dd_heap"])


@pytest.mark.parametrize("statement", ["GRANT SELECT ON dd_store TO PUBLIC", "REVOKE SELECT ON dd_store FROM PUBLIC",
                                       "REVOKE ALL ON SCHEMA public FROM PUBLIC", "GRANT pg_read_all_data TO postgres"])
def test_grant_and_revoke_are_refused_not_ignored(duckgres, statement) -> None:
    # Duckgres' rights come from each user's role in the configuration; a REVOKE that seemed to work would lie.
    outcome = _run(duckgres, ["DROP TABLE IF EXISTS dd_store", "CREATE TABLE dd_store (id int)", statement])[-1]
    _run(duckgres, ["DROP TABLE IF EXISTS dd_store"])
    assert outcome[0] == "0A000", outcome


def test_unknown_extension_is_refused(duckgres) -> None:
    outcome = _run(duckgres, ["CREATE EXTENSION no_such_extension"])[0]
    assert outcome[0] == "0A000"


def test_discard_all_resets_the_session(duckgres, pg) -> None:
    for server in (duckgres, pg):
        with psycopg.connect(server.conninfo(), autocommit=True) as conn:
            conn.execute("SET application_name = 'before discard'")
            conn.execute("PREPARE dd_p AS SELECT 1")
            cur = conn.execute("DISCARD ALL")
            assert cur.statusmessage == "DISCARD ALL"
            assert conn.execute("SHOW application_name").fetchone() == ("",)
            with pytest.raises(psycopg.errors.InvalidSqlStatementName):
                conn.execute("EXECUTE dd_p")
        with psycopg.connect(server.conninfo()) as conn:
            conn.execute("SELECT 1")
            with pytest.raises(psycopg.errors.ActiveSqlTransaction):
                conn.execute("DISCARD ALL")


def test_set_config_changes_the_setting(duckgres, pg) -> None:
    script = ["SELECT set_config('application_name', 'via set_config', false)", "SHOW application_name",
              "SELECT set_config('no_such_parameter', '1', false)"]
    assert [o[:2] for o in _run(duckgres, script)] == [o[:2] for o in _run(pg, script)]


def test_pg_get_keywords_lists_keywords(duckgres, pg) -> None:
    query = ("SELECT word, catcode FROM pg_get_keywords() WHERE word IN ('select', 'from', 'between', 'abort') "
             "ORDER BY word")
    assert _run(duckgres, [query]) == _run(pg, [query])


def test_sql_prepare_execute_deallocate(duckgres, pg) -> None:
    script = ["DROP TABLE IF EXISTS dd_prep", "CREATE TABLE dd_prep (a int)", "PREPARE dd_ins AS INSERT INTO dd_prep VALUES (1)",
              "EXECUTE dd_ins", "PREPARE dd_sel AS SELECT a FROM dd_prep", "EXECUTE dd_sel", "DEALLOCATE dd_sel",
              "EXECUTE dd_sel", "DEALLOCATE ALL", "EXECUTE dd_ins", "DROP TABLE dd_prep"]
    assert [o[:2] for o in _run(duckgres, script)] == [o[:2] for o in _run(pg, script)]


@pytest.mark.parametrize("pattern", ["YYYY-MM-DD HH24:MI:SS", "DD/MM/YY", "HH12:MI AM", 'YYYY-MM-DD"T"HH24:MI:SS.MS',
                                     "FMMonth FMDD, YYYY", "Dy DDD IW", "FMHH24h 100%", "Mon YYYY"])
def test_to_char_of_timestamps(duckgres, pg, pattern) -> None:
    query = f"SELECT to_char(timestamp '2024-03-05 04:07:09.25', '{pattern}'), to_char(date '2023-12-31', '{pattern}')"
    assert _run(duckgres, [query]) == _run(pg, [query])


def test_jsonb_and_json_operators(duckgres, pg) -> None:
    script = ["DROP TABLE IF EXISTS dd_json", "CREATE TABLE dd_json (id int, doc jsonb)",
              """INSERT INTO dd_json VALUES (1, '{"a": {"b": [1, 2]}, "k": "v"}'), (2, '{"a": 3}')""",
              "SELECT id, doc #> '{a,b}', doc #>> '{a,b,1}', doc ? 'k', doc @> '{\"a\": 3}'::jsonb, "
              "'{\"a\": 3}'::jsonb <@ doc, doc -> 'a', doc ->> 'k' FROM dd_json ORDER BY id",
              "DROP TABLE dd_json"]
    assert [o[:2] for o in _run(duckgres, script)] == [o[:2] for o in _run(pg, script)]


def test_unqualified_foreign_key_targets_follow_the_search_path(duckgres, pg) -> None:
    """REFERENCES without a schema finds its table through the search path, as in PostgreSQL: in the path's first
    schema, in a later one, and not at all once the path no longer has that schema."""
    script = ["DROP SCHEMA IF EXISTS dd_fk CASCADE", "CREATE SCHEMA dd_fk", "SET search_path = dd_fk, public",
              "CREATE TABLE dd_parent (id int PRIMARY KEY)", "CREATE TABLE dd_child (p int REFERENCES dd_parent (id))",
              "INSERT INTO dd_parent VALUES (1)", "INSERT INTO dd_child VALUES (1)", "INSERT INTO dd_child VALUES (2)",
              "CREATE TABLE dd_fk.dd_self (id int PRIMARY KEY, up int REFERENCES dd_self (id))",
              "INSERT INTO dd_self VALUES (1, NULL)", "INSERT INTO dd_self VALUES (2, 1)", "INSERT INTO dd_self VALUES (3, 9)",
              "SET search_path = public, dd_fk", "CREATE TABLE dd_fk.dd_child2 (p int REFERENCES dd_parent (id))",
              "INSERT INTO dd_fk.dd_child2 VALUES (1)", "INSERT INTO dd_fk.dd_child2 VALUES (2)",
              "RESET search_path", "CREATE TABLE dd_fk.dd_child3 (p int REFERENCES dd_parent (id))",
              "SELECT count(*) FROM dd_fk.dd_child", "DROP SCHEMA dd_fk CASCADE"]
    assert [o[:2] for o in _run(duckgres, script)] == [o[:2] for o in _run(pg, script)]


def test_drop_schema_cascade_names_what_goes(duckgres, pg) -> None:
    """DROP SCHEMA ... CASCADE names the dropped objects as PostgreSQL does: one NOTICE for one object, else a count
    with the objects in DETAIL (a serial column's sequence goes unnamed with its table)."""
    script = ["DROP SCHEMA IF EXISTS dd_cascade CASCADE", "DROP SCHEMA IF EXISTS dd_cascade1 CASCADE",
              "CREATE SCHEMA dd_cascade", "CREATE TABLE dd_cascade.a (id serial, v int)",
              "CREATE VIEW dd_cascade.\"V x\" AS SELECT v FROM dd_cascade.a", "CREATE SEQUENCE dd_cascade.q",
              "CREATE TYPE dd_cascade.e AS ENUM ('x')", "DROP SCHEMA dd_cascade CASCADE",
              "CREATE SCHEMA dd_cascade1", "CREATE TABLE dd_cascade1.t (x int)", "DROP SCHEMA dd_cascade1 CASCADE"]
    outcomes = []
    for server in (duckgres, pg):
        with psycopg.connect(server.conninfo(), autocommit=True) as conn:
            notices = []
            conn.add_notice_handler(lambda diag: notices.append((diag.sqlstate, diag.message_primary,
                                                                 diag.message_detail)))
            for statement in script:
                conn.execute(statement)
            outcomes.append([n for n in notices if n[1].startswith("drop cascades")])
    assert outcomes[0] == outcomes[1]
    assert len(outcomes[0]) == 2
