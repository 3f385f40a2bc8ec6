"""Replays the catalog queries real clients send (corpus/introspection/*.sql, captured from PostgreSQL 15 by
introspection_capture.py or written from the clients' documented queries) on Duckgres and PostgreSQL: every
query must run on both and return the same columns and the same rows (in the same order when the query has a
top-level ORDER BY, else sorted). Only the values in NORMALISED, which differ between any two servers, are
replaced before comparing. A difference that cannot go is listed in corpus/introspection/known_differences.txt,
naming the column or the rows that differ (known_differences.INTROSPECTION_KINDS); the rest of the answer is
still compared, and an entry whose difference is gone fails."""
from __future__ import annotations

import json
import re
from pathlib import Path

import psycopg
import pytest

from conftest import started_duckgres, started_postgres

from introspection_capture import FIXTURE, OBJECTS
from known_differences import check_introspection, parse_introspection_entries

CORPUS = Path(__file__).resolve().parent / "corpus" / "introspection"
PLACEHOLDER = re.compile(r"\{\{oid:(\w+)\}\}")

# What is normalised before comparing, and why: each of these differs between two PostgreSQL servers as well.
NORMALISED = {
    "user object OIDs": "the OIDs of the fixture's objects (relations, indexes, constraints, the tables' row types) "
                        "are assigned by each server: a value equal to one is replaced by the object's name",
    "xid": "columns of type xid (xmin, relfrozenxid, datfrozenxid...) are transaction counters of each server's own "
           "history: replaced by <xid>",
    "version": "version() names the server's build ('PostgreSQL 15.18 (Debian...) ...'): kept up to 'PostgreSQL 15'",
    "sizes": "int8 columns named ...size (pg_relation_size, pg_total_relation_size) are bytes on each server's own "
             "storage: replaced by <size>",
    "string types": "column types: PostgreSQL's name, \"char\" and varchar catalog columns are text in Duckgres "
                    "(DuckDB has no such types) and reg* results are names or OIDs (TYPE_GROUPS): compared as one type",
}
TYPE_GROUPS = {19: 25, 18: 25, 1043: 25, 194: 25, 2205: 25, 2206: 25, 24: 25, 4089: 25, 4096: 25, 1003: 1009,
               1002: 1009, 22: 1005, 30: 1028, 1028: 1028}
XID = 28
INT8 = 20
VERSION = re.compile(r"^PostgreSQL 15\b.*$", re.S)


def _cases() -> list[tuple[str, int, str, list]]:
    cases = []
    for path in sorted(CORPUS.glob("*.sql")):
        for index, chunk in enumerate(path.read_text().split("\n-- statement\n")[1:], start=1):
            header, sql = chunk.split("\n", 1)
            cases.append((path.stem, index, sql.strip(), json.loads(header.removeprefix("-- params: "))))
    return cases


def _ordered(sql: str) -> bool:
    """Whether the statement ends in an ORDER BY of its own (outside parentheses, strings and comments)."""
    text = re.sub(r"--[^\n]*|'(?:[^']|'')*'|\"[^\"]*\"", " ", sql)
    depth, top = 0, []
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        top.append(ch if depth == 0 and ch not in "()" else " ")
    return re.search(r"\border\s+by\b", "".join(top), re.I) is not None


CASES = _cases()
ENTRIES = parse_introspection_entries((CORPUS / "known_differences.txt").read_text())


def test_entries_name_captured_queries() -> None:
    ids = {f"{c[0]}-{c[1]}" for c in CASES}
    assert not [str(e) for e in ENTRIES if e.case not in ids]


@pytest.fixture(scope="module")
def pg():
    """A reference PostgreSQL of this module's own: rows are compared, so other tests' leftovers (their tables, the
    pg_temp_N schemas their temporary tables create) must not be in the catalogs."""
    yield from started_postgres()


@pytest.fixture(scope="module")
def duckgres():
    """A Duckgres of this module's own, for the same reason."""
    yield from started_duckgres()


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
            # The fixture's other objects: constraints and the tables' row types (and their array types).
            others = conn.execute("SELECT oid, conname FROM pg_constraint WHERE conname LIKE 'intro%' UNION ALL "
                                  "SELECT oid, typname FROM pg_type WHERE typname ~ '^_?intro_'").fetchall()
            for oid, name in others:
                oids[server.kind].setdefault(f"{name}#{oid}", str(oid))
    yield oids
    for server in (duckgres, pg):
        with psycopg.connect(server.conninfo(), autocommit=True) as conn:
            for statement in ["DROP VIEW intro_view", "DROP TABLE intro_child", "DROP TABLE intro_parent",
                              "DROP SEQUENCE intro_seq"]:
                conn.execute(statement)


def _normalised(value: str | None, column_type: int, column_name: str, by_oid: dict[str, str]) -> str | None:
    if value is None:
        return None
    if column_type == XID:
        return "<xid>"
    if column_type == INT8 and column_name.endswith("size"):
        return "<size>"
    if VERSION.match(value):
        return "PostgreSQL 15"
    return by_oid.get(value, value)


def _run(server, oids: dict[str, str], sql: str, params: list):
    def fill(text: str) -> str:
        return PLACEHOLDER.sub(lambda m: oids[m.group(1)], text)

    by_oid = {oid: name.split("#")[0] for name, oid in oids.items()}
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
                row.append(_normalised(None if value is None else value.decode(errors="replace"), result.ftype(c),
                                       columns[c][0], by_oid))
            rows.append(tuple(row))
        return ("ok", columns, rows)


@pytest.mark.parametrize("client,index,sql,params", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_client_introspection_query(duckgres, pg, fixture_oids, client, index, sql, params) -> None:
    entries = [e for e in ENTRIES if e.case == f"{client}-{index}"]
    theirs = _run(pg, fixture_oids["postgres"], sql, params)
    ours = _run(duckgres, fixture_oids["duckgres"], sql, params)
    assert theirs[0] == "ok", f"the query fails on PostgreSQL (a capture problem): {theirs}"
    unexpected, gone = check_introspection(entries, theirs, ours, _ordered(sql))
    assert not gone and not unexpected, "\n".join(
        (["known differences that are gone (remove or narrow them):"] + gone if gone else [])
        + (["differences from PostgreSQL:"] + unexpected if unexpected else []) + [sql])
