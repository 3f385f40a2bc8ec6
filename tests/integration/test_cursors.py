"""SQL cursors (DECLARE / FETCH / MOVE / CLOSE), through psql-style simple queries and the
named cursors of psycopg2 and psycopg 3, compared with PostgreSQL 15 where both can run them."""
from __future__ import annotations

import psycopg
import psycopg2
import pytest

from differential import exec_message

SCRIPT = [
    "begin",
    "declare c cursor for select i, i * 2 as d from generate_series(0, 9) as t(i) order by i",
    "fetch 3 from c",
    "move 2 in c",
    "fetch next from c",
    "fetch all in c",
    "fetch 1 in c",
    "close c",
    "commit",
    "declare h cursor with hold for select 42 as x",
    "fetch 2048 in h",
    "close all",
    "fetch 1 in h",
    "declare x cursor for select 1",
]


def run_script(server) -> list[tuple]:
    outcome = []
    with psycopg.connect(server.conninfo(), autocommit=True) as conn:
        for sql in SCRIPT:
            result = exec_message(conn.pgconn, sql, timeout=20)[0]
            outcome.append((sql, result.get("tag"), result.get("sqlstate"), result.get("rows"),
                            [c[:2] for c in result.get("columns") or []]))
    return outcome


def test_cursor_script_matches_postgres(duckgres, pg) -> None:
    got = run_script(duckgres)
    expected = run_script(pg)
    for g, e in zip(got, expected):
        # generate_series yields bigint in Duckgres (a known difference): compare names, values, tags.
        assert (g[0], g[1], g[2], g[3], [c[0] for c in g[4]]) == (e[0], e[1], e[2], e[3], [c[0] for c in e[4]])


@pytest.mark.duckgres_only
def test_psycopg2_named_cursor_streams_in_batches(duckgres) -> None:
    conn = psycopg2.connect(duckgres.conninfo())
    try:
        cur = conn.cursor(name="batches")
        cur.itersize = 100
        cur.execute("select i from range(1000) t(i) order by i")
        assert sum(1 for _ in cur) == 1000
        cur.close()
        conn.commit()
    finally:
        conn.close()


@pytest.mark.duckgres_only
def test_tableau_style_hold_cursor(duckgres) -> None:
    with psycopg.connect(duckgres.conninfo(), autocommit=True) as conn:
        conn.execute("declare tab cursor with hold for select i from range(5000) t(i) order by i")
        total = 0
        while True:
            rows = conn.execute("fetch 2048 in tab").fetchall()
            if not rows:
                break
            total += len(rows)
        conn.execute("close tab")
        assert total == 5000


@pytest.mark.duckgres_only
@pytest.mark.parametrize("binary", [False, True])
def test_psycopg3_named_cursor(duckgres, binary) -> None:
    with psycopg.connect(duckgres.conninfo()) as conn:
        with conn.cursor("named_cursor", binary=binary) as cur:
            cur.itersize = 1000
            cur.execute("select i, i * 2 as d from range(5000) t(i) order by i")
            assert cur.fetchmany(3) == [(0, 0), (1, 2), (2, 4)]
            assert [d.name for d in cur.description] == ["i", "d"]
            rest = list(cur)
            assert len(rest) == 4997 and rest[-1] == (4999, 9998)


def test_pg_cursors_lists_the_sessions_cursors(duckgres, pg) -> None:
    outputs = []
    for server in (duckgres, pg):
        with psycopg.connect(server.conninfo(), autocommit=True) as conn:
            conn.execute("begin")
            conn.execute("declare c1 cursor for select 1")
            conn.execute("declare c2 binary cursor with hold for select 2")
            rows = conn.execute("select name, statement, is_holdable, is_binary, is_scrollable "
                                "from pg_catalog.pg_cursors order by name").fetchall()
            conn.execute("commit")
            after = conn.execute("select name from pg_cursors").fetchall()
            conn.execute("close all")
            outputs.append((rows, after))
    # PostgreSQL calls a cursor without NO SCROLL scrollable when its plan allows it; Duckgres
    # cursors are forward-only.
    got, want = outputs
    assert [r[:4] for r in got[0]] == [r[:4] for r in want[0]]
    assert got[1] == want[1] == [("c2",)]
