#!/usr/bin/python3
"""Captures the catalog queries real clients send, from a PostgreSQL 15 with statement logging, into
corpus/introspection/<client>.sql; test_introspection.py replays them on Duckgres and PostgreSQL.

    cd tests/integration && /usr/bin/python3 introspection_capture.py [CLIENT ...]   (default: every client)

Needs the clients the test suite uses (psql, SQLAlchemy, psycopg, asyncpg, pgjdbc), and for the node tools
(knex, drizzle-kit) a directory with `npm install knex pg drizzle-kit drizzle-orm` in CAPTURE_NODE_MODULES
(they are not dependencies of the project: only their captured queries are). Each client runs the
introspection its users trigger (psql's describe commands, SQLAlchemy's inspector, psycopg's TypeInfo,
asyncpg's type introspection, pgjdbc's DatabaseMetaData, knex's hasTable/columnInfo, drizzle-kit pull)
against FIXTURE; every statement the server logs becomes a corpus entry, its bound parameters kept, and the
OIDs of the fixture's objects replaced by {{oid:name}} so that the replay can put in each server's own.
"""
from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import asyncpg
import psycopg
import sqlalchemy
from psycopg.types import TypeInfo

import harness
from clients import psql

HERE = Path(__file__).resolve().parent
OUT = HERE / "corpus" / "introspection"

FIXTURE = [
    "CREATE TABLE intro_parent (id integer PRIMARY KEY, name text NOT NULL DEFAULT 'x', amount numeric(10,2), "
    "code integer UNIQUE)",
    "CREATE TABLE intro_child (id bigint, parent_id integer REFERENCES intro_parent (id))",
    "CREATE INDEX intro_parent_name ON intro_parent (name)",
    "CREATE VIEW intro_view AS SELECT id, name FROM intro_parent",
    "CREATE SEQUENCE intro_seq",
    "COMMENT ON TABLE intro_parent IS 'parents'",
]
OBJECTS = ["intro_parent", "intro_child", "intro_view", "intro_seq", "intro_parent_pkey", "intro_parent_name",
           "intro_parent_code_key"]

LOG_LINE = re.compile(r"^\S+ \S+ \S+ \[\d+\] (\w+):  (.*)$")


def _statements(log: str) -> list[dict]:
    """The statements of a PostgreSQL log, with the parameters logged in their DETAIL line."""
    entries: list[dict] = []
    current = None
    for line in log.split("\n"):
        match = LOG_LINE.match(line)
        if not match:
            if current is not None and line.startswith("\t"):
                current["sql"] += "\n" + line[1:]
            continue
        level, text = match.groups()
        current = None
        statement = re.match(r"(?:statement|execute [^:]*): (.*)$", text, re.S)
        if level == "LOG" and statement:
            current = {"sql": statement.group(1), "params": []}
            entries.append(current)
        elif level == "DETAIL" and text.startswith("parameters: ") and entries:
            entries[-1]["params"] = [None if v == "NULL" else v[1:-1].replace("''", "'")
                                     for v in re.findall(r"\$\d+ = ('(?:[^']|'')*'|NULL)", text)]
    return entries


def _client_runs(server) -> dict:
    conninfo = server.conninfo()

    def run_psql() -> None:
        for command in [r"\dt intro_*", r"\d intro_*", r"\d+ intro_parent", r"\dv intro_*", r"\di intro_*",
                        r"\ds intro_*", r"\dn", r"\du", r"\df intro_*", r"\dT", r"\dx", r"\l"]:
            psql(server, "-c", command)

    def run_sqlalchemy() -> None:
        engine = sqlalchemy.create_engine(f"postgresql+psycopg2://postgres:postgres@{server.host}:{server.port}/postgres")
        inspector = sqlalchemy.inspect(engine)
        inspector.get_table_names()
        inspector.get_view_names()
        inspector.get_columns("intro_parent")
        inspector.get_pk_constraint("intro_parent")
        inspector.get_foreign_keys("intro_child")
        inspector.get_indexes("intro_parent")
        inspector.get_unique_constraints("intro_parent")
        inspector.get_check_constraints("intro_parent")
        inspector.get_table_comment("intro_parent")
        inspector.get_sequence_names()
        engine.dispose()

    def run_psycopg() -> None:
        with psycopg.connect(conninfo, autocommit=True) as conn:
            for name in ("int4", "text", "_int4", "numeric", "uuid"):
                TypeInfo.fetch(conn, name)

    def run_asyncpg() -> None:
        async def go() -> None:
            conn = await asyncpg.connect(host=server.host, port=server.port, user="postgres", password="postgres",
                                         database="postgres", ssl=False)
            await conn.fetchval("SELECT $1::int[]", [1])
            await conn.fetchval("SELECT $1::numeric[]", [1])
            await conn.close()
        asyncio.run(go())

    def run_pgjdbc() -> None:
        subprocess.run(["java", "-cp", f"{HERE / 'jdbc'}:/usr/share/java/postgresql.jar", "DuckgresJdbcCheck",
                        server.host, str(server.port), "postgres", "postgres", "metadata"],
                       check=True, capture_output=True, timeout=300)

    def node_modules() -> str:
        path = os.environ.get("CAPTURE_NODE_MODULES")
        if not path:
            raise SystemExit("set CAPTURE_NODE_MODULES to a node_modules with knex, pg, drizzle-kit, drizzle-orm")
        return path

    def run_knex() -> None:
        subprocess.run(["node", str(HERE / "node" / "knex_introspect.js"), server.host, str(server.port), "postgres",
                        "postgres"], check=True, capture_output=True, timeout=120,
                       env={**os.environ, "NODE_PATH": node_modules()})

    def run_drizzle() -> None:
        with tempfile.TemporaryDirectory() as out:
            subprocess.run([str(Path(node_modules()) / ".bin" / "drizzle-kit"), "pull", "--dialect", "postgresql",
                            "--url", f"postgresql://postgres:postgres@{server.host}:{server.port}/postgres",
                            "--out", out], check=True, capture_output=True, timeout=300, cwd=out)

    return {"psql": run_psql, "sqlalchemy": run_sqlalchemy, "psycopg": run_psycopg, "asyncpg": run_asyncpg,
            "pgjdbc": run_pgjdbc, "knex": run_knex, "drizzle": run_drizzle}


def main() -> None:
    wanted = set(sys.argv[1:])
    if not wanted or "pgjdbc" in wanted:
        subprocess.run(["javac", "-d", str(HERE / "jdbc"), "-cp", "/usr/share/java/postgresql.jar",
                        str(HERE / "jdbc" / "DuckgresJdbcCheck.java")], check=True)
    server = harness.PostgresServer(settings={"log_statement": "'all'", "log_min_duration_statement": "-1"})
    server.start()
    try:
        with psycopg.connect(server.conninfo(), autocommit=True) as conn:
            for statement in FIXTURE:
                conn.execute(statement)
            oids = {name: conn.execute("SELECT %s::regclass::oid", (name,)).fetchone()[0] for name in OBJECTS}
        OUT.mkdir(parents=True, exist_ok=True)
        for client, run in _client_runs(server).items():
            if wanted and client not in wanted:
                continue
            start = len(server.log_path.read_text())
            run()
            entries, seen = [], set()
            for entry in _statements(server.log_path.read_text()[start:]):
                sql = entry["sql"].strip()
                if not re.search(r"pg_catalog|information_schema|pg_\w+|::reg", sql) or sql in seen:
                    continue  # the client's own statements (CREATE TABLE ... of the JDBC scenario, SELECT 1)
                seen.add(sql)
                for name, oid in oids.items():
                    sql = re.sub(rf"(?<![\d]){oid}(?![\d])", "{{oid:%s}}" % name, sql)
                    entry["params"] = ["{{oid:%s}}" % name if p == str(oid) else p for p in entry["params"]]
                entries.append(f"-- params: {json.dumps(entry['params'])}\n{sql}")
            (OUT / f"{client}.sql").write_text(
                f"-- Catalog queries {client} sent to PostgreSQL 15, captured by introspection_capture.py.\n\n"
                + "\n\n-- statement\n".join([""] + entries).lstrip("\n") + "\n")
            print(f"{client}: {len(entries)} statements")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
