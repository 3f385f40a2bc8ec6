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


def _large_text(rows: int, bad_row: int | None = None) -> bytes:
    lines = []
    for i in range(1, rows + 1):
        value = "oops" if i == bad_row else f"{i * 0.5}"
        lines.append(f"{i}\tname {i:07d}\t2024-01-{i % 28 + 1:02d}\t{value}\n")
    return "".join(lines).encode()


def _load_outcome(server, sql: str, data: bytes, check: str, table: str = TABLE) -> list:
    """Runs one COPY FROM STDIN of `data` (sent in 64 KB pieces) and returns what a client sees."""
    got = []
    with psycopg.connect(server.conninfo(), autocommit=True) as conn:
        conn.execute("drop table if exists copy_t")
        conn.execute(table)
        try:
            with conn.cursor() as cur:
                with cur.copy(sql) as copy:
                    for start in range(0, len(data), 65536):
                        copy.write(data[start:start + 65536])
                got.append(("ok", cur.statusmessage))
        except psycopg.Error as error:
            got.append(("error", error.sqlstate, error.diag.message_primary, error.diag.context))
        got.append(conn.execute(check).fetchone())
        conn.execute("drop table copy_t")
    return got


CHECK = "select count(*), sum(id), count(distinct name), min(d), max(d), sum(v) from copy_t"


def test_copy_many_batches_and_row_groups_match_postgres(duckgres, pg) -> None:
    # 300,000 rows: many 256 KB batches and several DuckDB row groups of 122,880 rows.
    data = _large_text(300_000)
    assert _load_outcome(duckgres, "copy copy_t from stdin", data, CHECK) == \
        _load_outcome(pg, "copy copy_t from stdin", data, CHECK)


def test_copy_binary_many_batches_matches_postgres(duckgres, pg) -> None:
    rows = [(i, f"name {i}", datetime.date(2024, 1, i % 28 + 1), i / 8) for i in range(1, 200_001)]
    outcomes = []
    for server in (duckgres, pg):
        with psycopg.connect(server.conninfo(), autocommit=True) as conn:
            _reset(conn)
            with conn.cursor() as cur:
                with cur.copy("copy copy_t from stdin (format binary)") as copy:
                    copy.set_types(["int4", "text", "date", "float8"])
                    for row in rows:
                        copy.write_row(row)
                outcomes.append((cur.statusmessage, conn.execute(CHECK).fetchone()))
            conn.execute("drop table copy_t")
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0] == "COPY 200000"


def test_copy_error_in_a_late_batch_loads_nothing(duckgres, pg) -> None:
    data = _large_text(250_000, bad_row=240_001)
    got = _load_outcome(duckgres, "copy copy_t from stdin", data, "select count(*) from copy_t")
    assert got == _load_outcome(pg, "copy copy_t from stdin", data, "select count(*) from copy_t")
    assert got[0][1] == "22P02" and "line 240001" in got[0][3]


@pytest.mark.parametrize("table,data", [
    ("create table copy_t (id int not null, name text, d date, v float8)", b"1\ta\t\\N\t\\N\n\\N\tb\t\\N\t\\N\n"),
    ("create table copy_t (id int primary key, name text, d date, v float8)",
     _large_text(150_000) + b"77\tdup\t2024-01-01\t1\n"),
])
def test_copy_constraint_violation_matches_postgres(duckgres, pg, table, data) -> None:
    ours = _load_outcome(duckgres, "copy copy_t from stdin", data, "select count(*) from copy_t", table)
    theirs = _load_outcome(pg, "copy copy_t from stdin", data, "select count(*) from copy_t", table)
    # The messages differ (DuckDB words constraint errors its own way); the code and the outcome do not.
    assert (ours[0][:2], ours[1]) == (theirs[0][:2], theirs[1])


def test_copy_value_by_value_types_many_batches(duckgres, pg) -> None:
    # Array and timetz columns take the value-by-value path rather than Arrow batches.
    table = "create table copy_t (id int, a int[], z timetz)"
    data = "".join(f"{i}\t{{{i},{i + 1}}}\t12:00:00+0{i % 10}\n" for i in range(1, 60_001)).encode()
    check = "select count(*), sum(a[2]), count(distinct z::text), max(z::text) from copy_t"
    assert _load_outcome(duckgres, "copy copy_t from stdin", data, check, table) == \
        _load_outcome(pg, "copy copy_t from stdin", data, check, table)


def test_copy_in_transaction_rolls_back(duckgres) -> None:
    with psycopg.connect(duckgres.conninfo()) as conn:
        conn.execute("create table copy_tx (id int)")
        conn.commit()
        with conn.cursor() as cur:
            with cur.copy("copy copy_tx from stdin") as copy:
                copy.write(b"".join(b"%d\n" % i for i in range(5000)))
            assert conn.execute("select count(*) from copy_tx").fetchone() == (5000,)
        conn.rollback()
        assert conn.execute("select count(*) from copy_tx").fetchone() == (0,)
        conn.execute("drop table copy_tx")
        conn.commit()


TYPES_TABLE = ("create table {name} (n int, b bool, i2 int2, i4 int4, i8 int8, f4 float4, f8 float8, t text, "
               "vc varchar(10), ba bytea, d date, tm time, ts timestamp, tstz timestamptz, iv interval, "
               "nu numeric(20,4), u uuid)")
TYPES_TEXT = (
    "1\tt\t-32768\t-2147483648\t-9223372036854775808\t1.5\t-1e300\th\u00e9llo\tabc\t\\\\x00ff\t2024-02-29\t"
    "23:59:59.999999\t2024-01-01 12:00:00.5\t2024-01-01 12:00:00+02\t1 year 2 mons 3 days 04:05:06.7\t"
    "-9999999999999999.9999\ta0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\n"
    "2\tf\t32767\t2147483647\t9223372036854775807\tNaN\tInfinity\t\t\t\\\\x\tinfinity\t00:00\tinfinity\t"
    "-infinity\t-3000000 hours\t0.00005\t{A0EEBC99-9C0B4EF8-BB6D6BB9-BD380A11}\n"
    "3\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\t\\N\n"
    "4\tf\t0\t0\t0\t-0\t-Infinity\ttab\\there\tx\t\\\\x41\t-infinity\t24:00:00\t-infinity\tinfinity\t"
    "-1 mons -2 days 3000000:00:00\t-0.00005\t00000000-0000-0000-0000-000000000000\n"
    "5\tt\t1\t1\t1\t3.4e38\t1e-300\t\\\\\t\\N\t\\N\t4713-01-01 BC\t12:30\t4713-01-01 00:00:00 BC\t"
    "290000-12-31 23:59:59.999999+00\t0\t1e15\tffffffffffffffffffffffffffffffff\n"
    + "".join(f"{n}\t{'t' if n % 3 == 0 else 'f' if n % 3 == 1 else chr(92) + 'N'}\t{n}\t{n}\t{n}\t{n}.25\t{n}.5\t"
              f"row {n}\tv{n}\t\\\\x{n:02x}\t2000-01-{n % 28 + 1:02d}\t01:02:{n % 60:02d}\t2000-01-01 00:00:{n % 60:02d}\t"
              f"2000-01-01 00:00:{n % 60:02d}+05\t{n} days\t{n}.{n:04d}\t{n:032x}\n" for n in range(6, 40))
).encode()


@pytest.mark.parametrize("fmt", ["text", "csv", "binary"])
def test_copy_every_fast_path_type_matches_postgres(duckgres, pg, fmt) -> None:
    # PostgreSQL writes the rows in `fmt`; both servers load that and write it back as text.
    with psycopg.connect(pg.conninfo(), autocommit=True) as conn:
        conn.execute("set timezone = 'UTC'")
        conn.execute("drop table if exists copy_types_src")
        conn.execute(TYPES_TABLE.format(name="copy_types_src"))
        with conn.cursor() as cur:
            with cur.copy("copy copy_types_src from stdin") as copy:
                copy.write(TYPES_TEXT)
            payload = b""
            with cur.copy(f"copy copy_types_src to stdout (format {fmt})") as copy:
                for block in copy:
                    payload += bytes(block)
        conn.execute("drop table copy_types_src")
    outputs = []
    for server in (duckgres, pg):
        with psycopg.connect(server.conninfo(), autocommit=True) as conn:
            conn.execute("set timezone = 'UTC'")
            conn.execute("drop table if exists copy_types")
            conn.execute(TYPES_TABLE.format(name="copy_types"))
            with conn.cursor() as cur:
                with cur.copy(f"copy copy_types from stdin (format {fmt})") as copy:
                    copy.write(payload)
                assert cur.statusmessage == "COPY 39"
                data = b""
                with cur.copy("copy (select * from copy_types order by n) to stdout") as copy:
                    for block in copy:
                        data += bytes(block)
            outputs.append(data)
            conn.execute("drop table copy_types")
    assert outputs[0] == outputs[1]
    assert outputs[0].count(b"\n") == 39


ORDER_CHECK = "select count(*) from (select id, row_number() over () as rn from copy_t) s where id <> rn"


@pytest.mark.parametrize("fmt", ["text", "binary"])
def test_copy_keeps_the_row_order_across_batches(duckgres, pg, fmt) -> None:
    # 400,000 rows: several Arrow batches of a row group each, inserted a few at a time and in parallel; a plain
    # scan must still return them in the order of the data, as PostgreSQL's heap does.
    outcomes = []
    for server in (duckgres, pg):
        with psycopg.connect(server.conninfo(), autocommit=True) as conn:
            conn.execute("drop table if exists copy_t")
            conn.execute("create table copy_t (id int8, name text)")
            with conn.cursor() as cur:
                with cur.copy(f"copy copy_t from stdin (format {fmt})") as copy:
                    if fmt == "binary":
                        copy.set_types(["int8", "text"])
                        for i in range(1, 400_001):
                            copy.write_row((i, f"n{i}"))
                    else:
                        copy.write("".join(f"{i}\tn{i}\n" for i in range(1, 400_001)).encode())
                outcomes.append((cur.statusmessage, conn.execute(ORDER_CHECK).fetchone(),
                                 conn.execute("select min(id), max(id), count(distinct name) from copy_t").fetchone()))
            conn.execute("drop table copy_t")
    assert outcomes[0] == outcomes[1]
    assert outcomes[0] == ("COPY 400000", (0,), (1, 400000, 400000))


def _binary_copy(fields: list[bytes | None]) -> bytes:
    tuple_ = len(fields).to_bytes(2, "big", signed=True)
    for field in fields:
        tuple_ += (-1).to_bytes(4, "big", signed=True) if field is None else len(field).to_bytes(4, "big") + field
    return b"PGCOPY\n\xff\r\n\x00" + bytes(8) + tuple_ + (-1).to_bytes(2, "big", signed=True)


def _copy_error(server, table: str, sql: str, data: bytes) -> tuple:
    """Runs one COPY FROM STDIN that must fail into a fresh copy_err table; returns the error and the row count."""
    with psycopg.connect(server.conninfo(), autocommit=True) as conn:
        conn.execute("drop table if exists copy_err")
        conn.execute(table)
        with pytest.raises(psycopg.Error) as raised:
            with conn.cursor() as cur:
                with cur.copy(sql) as copy:
                    copy.write(data)
        error = raised.value
        count = conn.execute("select count(*) from copy_err").fetchone()
        conn.execute("drop table copy_err")
    return (error.sqlstate, error.diag.message_primary, error.diag.message_detail, error.diag.context, count)


@pytest.mark.parametrize("fields", [
    [b"\x00\x01", b"x"],                      # int4 field two bytes short
    [b"\x00\x00\x00\x01\x00\x00", b"x"],      # int4 field two bytes long
    [b"\x00\x00\x00\x01", b"\xff\xfe"],       # text field not UTF-8
])
def test_copy_binary_field_errors_match_postgres(duckgres, pg, fields) -> None:
    table = "create table copy_err (id int4, name text)"
    sql = "copy copy_err from stdin (format binary)"
    assert _copy_error(duckgres, table, sql, _binary_copy(fields)) == _copy_error(pg, table, sql, _binary_copy(fields))


@pytest.mark.parametrize("value", [b"123456789012.5", b"99999999.995", b"Infinity", b"-Infinity", b"1e400", b"abc"])
def test_copy_numeric_errors_match_postgres(duckgres, pg, value) -> None:
    table = "create table copy_err (id int, a numeric(10,2))"
    data = b"1\t1.5\n2\t" + value + b"\n"
    assert _copy_error(duckgres, table, "copy copy_err from stdin", data) == \
        _copy_error(pg, table, "copy copy_err from stdin", data)


def test_copy_in_read_only_transactions_matches_postgres(duckgres, pg) -> None:
    script = [
        ["begin read only", "copy copy_ro from stdin"],
        ["set default_transaction_read_only = on", "copy copy_ro from stdin"],
        ["begin", "set transaction read only", "copy copy_ro from stdin"],
        ["begin", "set transaction read only", "copy (select 1) to stdout"],
        ["begin read only", "copy copy_ro to stdout"],
    ]
    outcomes = []
    for server in (duckgres, pg):
        got = []
        for statements in script:
            with psycopg.connect(server.conninfo(), autocommit=True) as conn:
                conn.execute("create table if not exists copy_ro (a int)")
                try:
                    with conn.cursor() as cur:
                        for sql in statements[:-1]:
                            cur.execute(sql)
                        with cur.copy(statements[-1]) as copy:
                            if "from stdin" in statements[-1]:
                                copy.write(b"1\n")
                            else:
                                got.append(b"".join(bytes(block) for block in copy))
                        got.append(("ok", cur.statusmessage))
                except psycopg.Error as error:
                    got.append((error.sqlstate, error.diag.message_primary))
        with psycopg.connect(server.conninfo(), autocommit=True) as conn:
            got.append(conn.execute("select count(*) from copy_ro").fetchone())
            conn.execute("drop table copy_ro")
        outcomes.append(got)
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0] == ("25006", "cannot execute COPY FROM in a read-only transaction")


@pytest.mark.parametrize("rows", [ROWS, []], ids=["rows", "empty"])
def test_copy_to_binary_rows_read_by_psycopg(duckgres, pg, rows) -> None:
    """psycopg 3 reads binary COPY rows expecting PostgreSQL's framing: the header in the first row's CopyData (in
    the trailer's when there is no row)."""
    outputs = []
    for server in (duckgres, pg):
        with psycopg.connect(server.conninfo(), autocommit=True) as conn:
            _reset(conn)
            with conn.cursor() as cur:
                for row in rows:
                    cur.execute("insert into copy_t values (%s, %s, %s, %s)", row)
                read = []
                # (psycopg 3.1 cannot read_row() an empty binary COPY from PostgreSQL either: only the framing of
                # that one is compared.)
                if rows:
                    with cur.copy("copy (select id, name, d, v from copy_t order by id) to stdout (format binary)") as copy:
                        copy.set_types(["int4", "text", "date", "float8"])
                        while (row := copy.read_row()) is not None:
                            read.append(row)
                with cur.copy("copy copy_t to stdout (format binary)") as copy:
                    blocks = [bytes(block) for block in copy]
                outputs.append((read, [len(block) for block in blocks]))
            conn.execute("drop table copy_t")
    assert outputs[0] == outputs[1]
    assert outputs[0][0] == rows


RANGE_TABLE = ("create table copy_ranges (id int, r int4range, b int8range, n numrange, d daterange, t tsrange, "
               "z tstzrange)")
RANGE_TEXT = (b'1\t[1,5]\t(,10)\t[1.50,2)\t[2024-01-01,2024-01-31]\t["2024-01-01 10:00",)\t'
              b'["2024-01-01 10:00+02","2024-01-02 00:00+00")\n'
              b'2\tempty\t(,)\t(,5.0]\t(,infinity)\t\\N\tempty\n')


@pytest.mark.parametrize("fmt", ["text", "csv", "binary"])
def test_copy_range_columns_match_postgres(duckgres, pg, fmt) -> None:
    """Range columns go in and out as PostgreSQL's: text and CSV through range_in/range_out, binary through its
    flags byte and bounds (the binary rows are PostgreSQL's own)."""
    outputs = []
    with psycopg.connect(pg.conninfo(), autocommit=True) as conn:
        conn.execute("set timezone = 'UTC'")
        conn.execute("drop table if exists copy_ranges")
        conn.execute(RANGE_TABLE)
        with conn.cursor() as cur:
            with cur.copy("copy copy_ranges from stdin") as copy:
                copy.write(RANGE_TEXT)
            data = b""
            with cur.copy(f"copy copy_ranges to stdout (format {fmt})") as copy:
                for chunk in copy:
                    data += bytes(chunk)
        conn.execute("drop table copy_ranges")
    for server in (duckgres, pg):
        with psycopg.connect(server.conninfo(), autocommit=True) as conn:
            conn.execute("set timezone = 'UTC'")
            conn.execute("drop table if exists copy_ranges")
            conn.execute(RANGE_TABLE)
            with conn.cursor() as cur:
                with cur.copy(f"copy copy_ranges from stdin (format {fmt})") as copy:
                    copy.write(data)
                out = b""
                with cur.copy(f"copy (select * from copy_ranges order by id) to stdout (format {fmt})") as copy:
                    for chunk in copy:
                        out += bytes(chunk)
                outputs.append(out)
                rows = cur.execute("select id, r::text, n::text, z::text from copy_ranges order by id").fetchall()
                outputs.append(rows)
            conn.execute("drop table copy_ranges")
    assert outputs[0] == outputs[2]
    assert outputs[1] == outputs[3]


def test_copy_into_a_table_with_foreign_key_actions_is_checked(duckgres, pg) -> None:
    # Duckgres enforces foreign keys with ON DELETE actions itself (DuckDB has none): a COPY is checked after it.
    outcomes = []
    for server in (duckgres, pg):
        with psycopg.connect(server.conninfo(), autocommit=True) as conn:
            conn.execute("drop table if exists copy_fk_c")
            conn.execute("drop table if exists copy_fk_p")
            conn.execute("create table copy_fk_p (id int primary key)")
            conn.execute("create table copy_fk_c (id int, p_id int references copy_fk_p on delete cascade)")
            conn.execute("insert into copy_fk_p values (1), (2)")
            got = []
            for data in (b"1\t1\n2\t\\N\n3\t2\n", b"4\t1\n5\t9\n"):
                try:
                    with conn.cursor() as cur:
                        with cur.copy("copy copy_fk_c from stdin") as copy:
                            copy.write(data)
                        got.append(cur.statusmessage)
                except psycopg.Error as error:
                    got.append((error.sqlstate, error.diag.message_primary, error.diag.message_detail))
            # Parameters reach the statements that act on the referencing rows.
            with conn.cursor() as cur:
                cur.execute("delete from copy_fk_p where id = %s", (1,))
                got.append(cur.statusmessage)
            got.append(conn.execute("select id, p_id from copy_fk_c order by id").fetchall())
            conn.execute("drop table copy_fk_c")
            conn.execute("drop table copy_fk_p")
            outcomes.append(got)
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][1][0] == "23503"
