"""COPY FROM STDIN / TO STDOUT in text, CSV and binary, through psql, psycopg 3 and asyncpg,
compared with PostgreSQL 15 where both can run the same statements."""
from __future__ import annotations

import asyncio
import datetime
import subprocess

import asyncpg
import psycopg
import pytest

TABLE = "create table copy_t (id int, name text, d date, v float8)"
ROWS = [(1, "plain", datetime.date(2024, 1, 1), 1.5), (2, None, datetime.date(2024, 1, 2), -0.25),
        (3, "tab\there, \"quote\" and\nnewline \\ backslash", None, None), (4, "", datetime.date(1999, 12, 31), 1e20)]


CSV_DATA = (b'1,plain,2024-01-01,1.5\n2,,2024-01-02,-0.25\n'
            b'3,"comma, ""quote"" and\nnewline",,\n4,"",1999-12-31,1e20\n')


def _reset(conn) -> None:
    conn.execute("drop table if exists copy_t")
    conn.execute(TABLE)


@pytest.mark.parametrize("fmt", ["text", "csv", "binary"])
def test_copy_round_trip_matches_postgres(duckgres, pg, fmt) -> None:
    outputs = []
    for server in (duckgres, pg):
        with psycopg.connect(server.conninfo(), autocommit=True) as conn:
            _reset(conn)
            with conn.cursor() as cur:
                with cur.copy(f"copy copy_t from stdin (format {fmt})") as copy:
                    if fmt == "csv":
                        copy.write(CSV_DATA)
                    else:
                        if fmt == "binary":
                            copy.set_types(["int4", "text", "date", "float8"])
                        for row in ROWS:
                            copy.write_row(row)
                assert cur.statusmessage == "COPY 4"
                data = b""
                with cur.copy(f"copy (select * from copy_t order by id) to stdout (format {fmt})") as copy:
                    for block in copy:
                        data += bytes(block)
            outputs.append(data)
            conn.execute("drop table copy_t")
    assert outputs[0] == outputs[1]


def test_copy_options_and_errors_match_postgres(duckgres, pg) -> None:
    script = [
        ("copy copy_t from stdin with (format csv, header, delimiter ';', null 'NA')",
         b"id;name;d;v\n1;NA;2024-01-01;2\n2;\"a;b\";NA;3\n"),
        ("copy copy_t from stdin", b"1\tx\t2024-01-01\n"),
        ("copy copy_t from stdin", b"1\tx\tnot a date\t1\n"),
        ("copy copy_t from stdin", b"9\tx\t2024-01-01\t1\n10\tabc\t2024-01-01\tnope\n"),
        ("copy copy_t from stdin (format csv)", b"1,\"unterminated\n"),
        ("copy copy_t from stdin (format xml)", b""),
    ]
    outcomes = []
    for server in (duckgres, pg):
        got = []
        with psycopg.connect(server.conninfo(), autocommit=True) as conn:
            _reset(conn)
            for sql, data in script:
                try:
                    with conn.cursor() as cur:
                        with cur.copy(sql) as copy:
                            copy.write(data)
                        got.append(("ok", cur.statusmessage))
                except psycopg.Error as error:
                    got.append(("error", error.sqlstate, error.diag.context))
            got.append(conn.execute("select count(*) from copy_t").fetchone())
            conn.execute("drop table copy_t")
        outcomes.append(got)
    assert outcomes[0] == outcomes[1]


def test_copy_through_psql(duckgres) -> None:
    env = {"PGPASSWORD": "postgres", "PATH": "/usr/bin:/bin"}
    conninfo = duckgres.conninfo()
    subprocess.run(["psql", "-X", conninfo, "-c", "create table copy_psql (id int, s text)"], check=True, env=env,
                   capture_output=True)
    data = "".join(f"{i}\tvalue {i}\n" for i in range(10000))
    done = subprocess.run(["psql", "-X", conninfo, "-c", "copy copy_psql from stdin"], input=data.encode(),
                          env=env, capture_output=True, check=True)
    assert done.stdout.strip() == b"COPY 10000"
    out = subprocess.run(["psql", "-X", conninfo, "-c", "copy copy_psql to stdout"], env=env, capture_output=True,
                         check=True)
    assert out.stdout.decode() == data
    subprocess.run(["psql", "-X", conninfo, "-c", "drop table copy_psql"], check=True, env=env, capture_output=True)


@pytest.mark.duckgres_only
def test_asyncpg_copy_records_to_table(duckgres) -> None:
    async def run() -> None:
        conn = await asyncpg.connect(host=duckgres.host, port=duckgres.port, user="postgres", password="postgres",
                                     ssl=False)
        try:
            await conn.execute("create table copy_async (id int, name text, v float8)")
            result = await conn.copy_records_to_table("copy_async", records=[(i, f"n{i}", i / 4) for i in range(500)],
                                                      columns=["id", "name", "v"])
            assert result == "COPY 500"
            assert await conn.fetchval("select sum(id) from copy_async") == sum(range(500))
            await conn.execute("drop table copy_async")
        finally:
            await conn.close()

    asyncio.run(run())


@pytest.mark.duckgres_only
def test_copy_to_server_file_is_refused(duckgres) -> None:
    with psycopg.connect(duckgres.conninfo(), autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("copy (select 1) to '/tmp/duckgres-copy-test.csv'")
