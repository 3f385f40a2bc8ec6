"""Replays the catalog queries real clients send (corpus/introspection/*.sql, captured from PostgreSQL 15 by
introspection_capture.py) on Duckgres and PostgreSQL: every query must run on both and return the same
columns; a query about the fixture's own objects must also return the same rows (with each server's OIDs
of those objects put back as names). A query that cannot match is listed in
corpus/introspection/known_differences.txt with the part that differs (`error`, `columns` or `rows`) and
its reason: the other parts are still compared, and the named part must still differ (strict)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import psycopg
import pytest

from introspection_capture import FIXTURE, OBJECTS

CORPUS = Path(__file__).resolve().parent / "corpus" / "introspection"
PLACEHOLDER = re.compile(r"\{\{oid:(\w+)\}\}")
# Types a client reads the same way: PostgreSQL's name, "char" and varchar catalog columns are text in
# Duckgres (DuckDB has no such types); reg* results are names (text) or OIDs.
TYPE_GROUPS = {19: 25, 18: 25, 1043: 25, 194: 25, 2205: 25, 2206: 25, 24: 25, 4089: 25, 4096: 25, 1003: 1009,
               1002: 1009, 22: 1005, 30: 1028, 1028: 1028}


def _cases() -> list[tuple[str, int, str, list]]:
    cases = []
    for path in sorted(CORPUS.glob("*.sql")):
        for index, chunk in enumerate(path.read_text().split("\n-- statement\n")[1:], start=1):
            header, sql = chunk.split("\n", 1)
            cases.append((path.stem, index, sql.strip(), json.loads(header.removeprefix("-- params: "))))
    return cases


PARTS = ("error", "columns", "rows")


def _known() -> dict[str, tuple[str, str]]:
    """`client-n part: reason` per line -> {client-n: (part, reason)}."""
    known = {}
    path = CORPUS / "known_differences.txt"
    for line in path.read_text().splitlines() if path.exists() else []:
        if line.strip() and not line.startswith("#"):
            head, reason = line.split(": ", 1)
            key, part = head.split()
            assert part in PARTS, f"{line!r}: the part that differs is one of {PARTS}"
            known[key] = (part, reason.strip())
    return known


CASES = _cases()
KNOWN = _known()


@pytest.fixture(scope="module")
def fixture_oids(duckgres, pg):
    oids = {}
    for server in (duckgres, pg):
        with psycopg.connect(server.conninfo(), autocommit=True) as conn:
            for statement in ["DROP VIEW IF EXISTS intro_view", "DROP TABLE IF EXISTS intro_child",
                              "DROP TABLE IF EXISTS intro_parent", "DROP SEQUENCE IF EXISTS intro_seq"] + FIXTURE:
                conn.execute(statement)
            oids[server.kind] = {name: str(conn.execute("SELECT %s::regclass::oid", (name,)).fetchone()[0])
                                 for name in OBJECTS}
    yield oids
    for server in (duckgres, pg):
        with psycopg.connect(server.conninfo(), autocommit=True) as conn:
            for statement in ["DROP VIEW intro_view", "DROP TABLE intro_child", "DROP TABLE intro_parent",
                              "DROP SEQUENCE intro_seq"]:
                conn.execute(statement)


def _run(server, oids: dict[str, str], sql: str, params: list):
    def fill(text: str) -> str:
        return PLACEHOLDER.sub(lambda m: oids[m.group(1)], text)

    by_oid = {oid: name for name, oid in oids.items()}
    with psycopg.connect(server.conninfo(), autocommit=True) as conn:
        result = conn.pgconn.exec_params(fill(sql).encode(), [None if p is None else fill(p).encode() for p in params])
        if result.status not in (psycopg.pq.ExecStatus.TUPLES_OK, psycopg.pq.ExecStatus.COMMAND_OK):
            return ("error", result.error_message.decode(errors="replace").strip())
        columns = [(result.fname(i).decode(), TYPE_GROUPS.get(result.ftype(i), result.ftype(i)))
                   for i in range(result.nfields)]
        rows = []
        for r in range(result.ntuples):
            row = []
            for c in range(result.nfields):
                value = result.get_value(r, c)
                text = None if value is None else value.decode(errors="replace")
                row.append(by_oid.get(text, text))
            rows.append(tuple(row))
        return ("ok", columns, sorted(rows, key=repr))


@pytest.mark.parametrize("client,index,sql,params", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_client_introspection_query(duckgres, pg, fixture_oids, client, index, sql, params) -> None:
    part, reason = KNOWN.get(f"{client}-{index}", (None, None))
    theirs = _run(pg, fixture_oids["postgres"], sql, params)
    ours = _run(duckgres, fixture_oids["duckgres"], sql, params)
    assert theirs[0] == "ok", f"the query fails on PostgreSQL (a capture problem): {theirs}"
    about_fixture = "{{oid:" in sql or "intro_" in sql or any("{{oid:" in (p or "") or "intro_" in (p or "")
                                                              for p in params)
    differs = "error" if ours[0] != "ok" else "columns" if ours[1] != theirs[1] else \
        "rows" if about_fixture and ours[2] != theirs[2] else None
    if part is not None:
        assert differs == part, f"known difference ({part}: {reason}) is gone or changed: now {differs}\n{sql}"
        return
    assert ours[0] == "ok", f"fails on Duckgres: {ours[1]}\n{sql}"
    assert ours[1] == theirs[1], "different columns"
    assert differs is None, "different rows for the fixture's objects"
