"""Extended query protocol: exact message sequences over a raw socket, and real drivers
(psycopg 3 with server-side parameters in text and binary, asyncpg) against Duckgres."""
from __future__ import annotations

import asyncio
import datetime
import decimal
import struct
import uuid

import asyncpg
import psycopg
import pytest
from psycopg import pq

from clients import parse_error_fields, pg3, raw_session, read_message, send_message

pytestmark = pytest.mark.duckgres_only


def cstr(text: str) -> bytes:
    return text.encode() + b"\0"


def parse_msg(name: str, query: str, types: tuple[int, ...] = ()) -> bytes:
    return cstr(name) + cstr(query) + struct.pack("!h", len(types)) + b"".join(struct.pack("!I", t) for t in types)


def bind_msg(portal: str, statement: str, params: list[bytes | None], formats: tuple[int, ...] = (),
             result_formats: tuple[int, ...] = ()) -> bytes:
    out = cstr(portal) + cstr(statement) + struct.pack("!h", len(formats))
    out += b"".join(struct.pack("!h", f) for f in formats)
    out += struct.pack("!h", len(params))
    for p in params:
        out += struct.pack("!i", -1) if p is None else struct.pack("!i", len(p)) + p
    out += struct.pack("!h", len(result_formats)) + b"".join(struct.pack("!h", f) for f in result_formats)
    return out


def execute_msg(portal: str, max_rows: int = 0) -> bytes:
    return cstr(portal) + struct.pack("!i", max_rows)


def exchange(sock, messages: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    for kind, payload in messages:
        send_message(sock, kind, payload)
    replies = []
    while True:
        kind, payload = read_message(sock)
        replies.append((kind, payload))
        if kind == b"Z":
            return replies


def kinds(replies) -> list[bytes]:
    return [k for k, _ in replies]


def test_parse_bind_describe_execute_sync(duckgres) -> None:
    with raw_session(duckgres) as sock:
        replies = exchange(sock, [
            (b"P", parse_msg("", "select $1::int + 1 as answer, 'x' as s")),
            (b"B", bind_msg("", "", [b"41"])),
            (b"D", b"P\0"),
            (b"E", execute_msg("")),
            (b"S", b""),
        ])
        assert kinds(replies) == [b"1", b"2", b"T", b"D", b"C", b"Z"], replies
        row = replies[3][1]
        assert row == struct.pack("!hi", 2, 2) + b"42" + struct.pack("!i", 1) + b"x"
        assert replies[4][1] == b"SELECT 1\0"
        assert replies[5][1] == b"I"


def test_describe_statement_reports_parameter_types_without_executing(duckgres) -> None:
    with raw_session(duckgres) as sock:
        exchange(sock, [(b"Q", cstr("create table ext_describe (id int, v text)"))])
        replies = exchange(sock, [
            (b"P", parse_msg("ins", "insert into ext_describe values ($1, $2) returning id")),
            (b"D", b"Sins\0"),
            (b"S", b""),
        ])
        assert kinds(replies) == [b"1", b"t", b"T", b"Z"], replies
        count = struct.unpack("!h", replies[1][1][:2])[0]
        oids = struct.unpack(f"!{count}I", replies[1][1][2:])
        assert oids == (23, 25)
        # Describe ran nothing: the table is still empty.
        replies = exchange(sock, [(b"Q", cstr("select count(*) from ext_describe"))])
        assert replies[1][1] == struct.pack("!hi", 1, 1) + b"0"
        # The named statement is reused across Syncs.
        for i in range(3):
            replies = exchange(sock, [(b"B", bind_msg("", "ins", [str(i).encode(), b"v"])), (b"E", execute_msg("")),
                                      (b"S", b"")])
            assert kinds(replies) == [b"2", b"D", b"C", b"Z"], replies
            assert replies[2][1] == b"INSERT 0 1\0"
        exchange(sock, [(b"Q", cstr("drop table ext_describe"))])


def test_portal_suspended_and_resumed(duckgres) -> None:
    with raw_session(duckgres) as sock:
        exchange(sock, [(b"Q", cstr("begin"))])
        replies = exchange(sock, [
            (b"P", parse_msg("", "select i from range(10) t(i) order by i")),
            (b"B", bind_msg("c1", "", [])),
            (b"E", execute_msg("c1", 4)),
            (b"E", execute_msg("c1", 4)),
            (b"E", execute_msg("c1", 4)),
            (b"S", b""),
        ])
        assert kinds(replies) == [b"1", b"2"] + [b"D"] * 4 + [b"s"] + [b"D"] * 4 + [b"s"] + [b"D"] * 2 + [b"C", b"Z"]
        assert replies[-2][1] == b"SELECT 2\0"
        assert replies[-1][1] == b"T"
        exchange(sock, [(b"Q", cstr("commit"))])


def test_error_skips_until_sync(duckgres) -> None:
    with raw_session(duckgres) as sock:
        replies = exchange(sock, [
            (b"P", parse_msg("", "select * from no_such_table")),
            (b"B", bind_msg("", "", [])),
            (b"E", execute_msg("")),
            (b"S", b""),
        ])
        assert kinds(replies) == [b"E", b"Z"], replies
        assert parse_error_fields(replies[0][1])["C"] == "42P01"
        replies = exchange(sock, [(b"B", bind_msg("", "nope", [])), (b"S", b"")])
        assert kinds(replies) == [b"E", b"Z"]
        assert parse_error_fields(replies[0][1])["C"] == "26000"
        replies = exchange(sock, [(b"P", parse_msg("", "select 1")), (b"B", bind_msg("", "", [b"1"])), (b"S", b"")])
        assert parse_error_fields(replies[1][1])["C"] == "08P01"
        replies = exchange(sock, [(b"C", b"Sunknown\0"), (b"C", b"Punknown\0"), (b"S", b"")])
        assert kinds(replies) == [b"3", b"3", b"Z"]


def test_binary_results_and_parameters(duckgres) -> None:
    with raw_session(duckgres) as sock:
        replies = exchange(sock, [
            (b"P", parse_msg("", "select $1::int8 * 2 as a, $2::text as b", (20, 25))),
            (b"B", bind_msg("", "", [struct.pack("!q", 21), b"hello"], (1, 0), (1,))),
            (b"E", execute_msg("")),
            (b"S", b""),
        ])
        assert kinds(replies) == [b"1", b"2", b"D", b"C", b"Z"], replies
        assert replies[2][1] == struct.pack("!hi", 2, 8) + struct.pack("!q", 42) + struct.pack("!i", 5) + b"hello"


def test_psycopg_server_side_parameters_text_and_binary(duckgres) -> None:
    with pg3(duckgres) as conn:
        conn.execute("create table ext_psycopg (id int primary key, name text, v double, d date)")
        try:
            with conn.cursor() as cur:
                cur.executemany("insert into ext_psycopg values (%s, %s, %s, %s)",
                                [(i, f"n{i}", i * 0.5, datetime.date(2024, 1, 1 + i)) for i in range(10)])
                cur.execute("select id, name, v, d from ext_psycopg where id = %s", (3,))
                assert cur.fetchall() == [(3, "n3", 1.5, datetime.date(2024, 1, 4))]
            with conn.cursor(binary=True) as cur:
                cur.execute("select id, name, v, d, 1.25::numeric(5,2), [1, 2] from ext_psycopg where id < %s "
                            "order by id", (2,))
                assert cur.fetchall() == [(0, "n0", 0.0, datetime.date(2024, 1, 1), decimal.Decimal("1.25"), [1, 2]),
                                          (1, "n1", 0.5, datetime.date(2024, 1, 2), decimal.Decimal("1.25"), [1, 2])]
            with pytest.raises(psycopg.errors.UndefinedTable):
                conn.execute("select * from no_such_table where a = %s", (1,))
            assert conn.info.transaction_status == pq.TransactionStatus.IDLE
            assert conn.execute("select %s::int + 1", (41,)).fetchone() == (42,)
        finally:
            conn.execute("drop table ext_psycopg")


def test_numeric_cast_parameter_keeps_the_value_scale(duckgres) -> None:
    """$1::numeric of an untyped text parameter is numeric with the scale of the value bound, as PostgreSQL prints it
    (DuckDB alone would make it DECIMAL(18,3): 1.250)."""
    with pg3(duckgres) as conn:
        for query, params, expected in [
            (b"select $1::numeric", [b"1.25"], [b"1.25"]),
            (b"select $1::numeric + 1, $2::int", [b"0.1", b"3"], [b"1.1", b"3"]),
            (b"select $1::numeric", [b"2.500"], [b"2.500"]),
            (b"select $1::numeric", [None], [None]),
        ]:
            result = conn.pgconn.exec_params(query, params)
            assert result.status == pq.ExecStatus.TUPLES_OK, result.error_message
            assert [result.get_value(0, i) for i in range(result.nfields)] == expected, query
            assert result.ftype(0) == 1700


def test_asyncpg_queries_prepared_statements_and_cursors(duckgres) -> None:
    async def run() -> None:
        conn = await asyncpg.connect(host=duckgres.host, port=duckgres.port, user="postgres", password="postgres",
                                     ssl=False)
        try:
            await conn.execute("create table ext_asyncpg (id int, name text)")
            await conn.executemany("insert into ext_asyncpg values ($1, $2)", [(i, f"n{i}") for i in range(20)])
            assert await conn.fetchval("select count(*) from ext_asyncpg") == 20
            statement = await conn.prepare("select id from ext_asyncpg where id >= $1 order by id")
            assert [r["id"] for r in await statement.fetch(17)] == [17, 18, 19]
            async with conn.transaction():
                cursor = await conn.cursor("select id from ext_asyncpg order by id")
                assert [r["id"] for r in await cursor.fetch(3)] == [0, 1, 2]
                assert [r["id"] for r in await cursor.fetch(2)] == [3, 4]
            value = uuid.UUID("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
            assert await conn.fetchval("select $1::uuid", value) == value
            moment = datetime.datetime(2024, 1, 1, 12, tzinfo=datetime.timezone.utc)
            assert await conn.fetchval("select $1::timestamptz", moment) == moment
            await conn.execute("drop table ext_asyncpg")
        finally:
            await conn.close()

    asyncio.run(run())


def test_flush_then_sync(duckgres) -> None:
    """Flush sends what is pending without ending the pipeline; the Sync after it then gives
    ReadyForQuery, as in PostgreSQL."""
    with raw_session(duckgres) as sock:
        for kind, payload in ((b"P", parse_msg("", "select 7 as n")), (b"B", bind_msg("", "", [])),
                              (b"E", execute_msg("")), (b"H", b"")):
            send_message(sock, kind, payload)
        replies = [read_message(sock) for _ in range(4)]
        assert kinds(replies) == [b"1", b"2", b"D", b"C"], replies
        replies = exchange(sock, [(b"S", b"")])
        assert replies == [(b"Z", b"I")]
        # Describe and Close of unknown names: errors for Describe (26000 / 34000), none for Close.
        replies = exchange(sock, [(b"D", b"Snope\0"), (b"S", b"")])
        assert parse_error_fields(replies[0][1])["C"] == "26000"
        replies = exchange(sock, [(b"D", b"Pnope\0"), (b"S", b"")])
        assert parse_error_fields(replies[0][1])["C"] == "34000"


def test_prepared_statement_after_ddl_changes_its_columns(duckgres, pg) -> None:
    """A named statement whose result columns changed since Parse fails with 0A000, as in PostgreSQL,
    instead of sending rows that do not match the RowDescription the client holds."""
    outcomes = []
    for server in (duckgres, pg):
        got = []
        with psycopg.connect(server.conninfo(), autocommit=True) as conn:
            conn.execute("drop table if exists ddl_prep")
            conn.execute("create table ddl_prep (a int, b text)")
            conn.execute("insert into ddl_prep values (1, 'x')")
            got.append(conn.execute("select * from ddl_prep", prepare=True).fetchall())
            for ddl in ("alter table ddl_prep add column z int", "alter table ddl_prep drop column b"):
                conn.execute(ddl)
                try:
                    got.append(conn.execute("select * from ddl_prep", prepare=True).fetchall())
                except psycopg.Error as error:
                    got.append((error.sqlstate, str(error)))
            # A statement prepared after the change works.
            got.append(conn.execute("select a, z from ddl_prep", prepare=True).fetchall())
            conn.execute("drop table ddl_prep")
        outcomes.append(got)
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][1] == ("0A000", "cached plan must not change result type")


def _columns_and_rows(conn, query: str) -> tuple:
    cur = conn.execute(query, [1])
    return [d.name for d in cur.description], cur.fetchall()


def test_fresh_parse_after_ddl_describes_the_new_columns(duckgres, pg) -> None:
    """A new Parse of a statement text run before (unnamed, as psycopg sends queries with parameters) describes
    the table as it is now, whether this session or another one changed it, in a transaction or not."""
    query = "select * from ddl_fresh where a = %s"
    outcomes = []
    for server in (duckgres, pg):
        got = []
        with psycopg.connect(server.conninfo(), autocommit=True) as conn, \
                psycopg.connect(server.conninfo(), autocommit=True) as other:
            conn.execute("drop table if exists ddl_fresh")
            conn.execute("create table ddl_fresh (a int)")
            conn.execute("insert into ddl_fresh values (1)")
            got.append(_columns_and_rows(conn, query))
            other.execute("alter table ddl_fresh add column b text default 'x'")
            got.append(_columns_and_rows(conn, query))
            conn.execute("alter table ddl_fresh add column c int default 7")
            got.append(_columns_and_rows(conn, query))
            with other.transaction():
                other.execute("alter table ddl_fresh drop column b")
            got.append(_columns_and_rows(conn, query))
            conn.execute("drop table ddl_fresh")
        outcomes.append(got)
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][-1] == (["a", "c"], [(1, 7)])


@pytest.mark.duckgres_only
def test_fresh_parse_during_and_after_another_sessions_ddl_transaction(duckgres) -> None:
    """DuckDB does not lock: while another session's ALTER is uncommitted a query sees the old columns, and
    once it commits the same query text sees the new ones (PostgreSQL would wait for the lock instead)."""
    query = "select * from ddl_pending where a = %s"
    with psycopg.connect(duckgres.conninfo(), autocommit=True) as conn, \
            psycopg.connect(duckgres.conninfo(), autocommit=True) as other:
        conn.execute("drop table if exists ddl_pending")
        conn.execute("create table ddl_pending (a int, b text)")
        conn.execute("insert into ddl_pending values (1, 'x')")
        assert _columns_and_rows(conn, query) == (["a", "b"], [(1, "x")])
        with other.transaction():
            other.execute("alter table ddl_pending add column c int default 7")
            assert _columns_and_rows(conn, query) == (["a", "b"], [(1, "x")])
        assert _columns_and_rows(conn, query) == (["a", "b", "c"], [(1, "x", 7)])
        conn.execute("drop table ddl_pending")


def test_fresh_parse_after_search_path_change_reads_the_other_table(duckgres, pg) -> None:
    """The same query text Parsed again after SET search_path names another schema's table."""
    outcomes = []
    for server in (duckgres, pg):
        with psycopg.connect(server.conninfo(), autocommit=True) as conn:
            for schema, columns in (("sp_one", "a int"), ("sp_two", "a int, b text")):
                conn.execute(f"drop schema if exists {schema} cascade")
                conn.execute(f"create schema {schema}")
                conn.execute(f"create table {schema}.sp_t ({columns})")
                conn.execute(f"insert into {schema}.sp_t (a) values (1)")
            got = []
            for schema in ("sp_one", "sp_two", "sp_one"):
                conn.execute(f"set search_path = {schema}")
                got.append(_columns_and_rows(conn, "select * from sp_t where a = %s"))
            conn.execute("reset search_path")
            conn.execute("drop schema sp_one cascade")
            conn.execute("drop schema sp_two cascade")
        outcomes.append(got)
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][1] == (["a", "b"], [(1, None)])
