"""Every type in binary, both ways, against PostgreSQL 15:

(a) asyncpg sends a Python value as a binary parameter (`SELECT $1::TYPE`) and reads the binary
    result; (b) asyncpg stores the value in a table column of that type and reads it back;
(c) psycopg 3 with `cursor(binary=True)` and `%b` parameters, the same two ways plus a bare `%b`
    (the type only declared in Parse); (d) one result with binary and text columns (per-column
    result format codes in Bind, raw protocol), parameters in text and in binary, compared
    byte-for-byte: RowDescription and DataRow.

Every answer from Duckgres is compared with PostgreSQL's answer to the same query and parameter,
for the same type. Where Duckgres cannot answer the same, EXPECTED names the difference exactly, per
type and aspect (a `$1::type` cast, a parameter only declared as the type, a table column): the type
OIDs Duckgres reports instead of PostgreSQL's (everything else equal), or the PostgreSQL type whose
answers Duckgres gives; such a difference must still be there, or the test fails.
"""
from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import json
import re
import struct
import uuid
from decimal import Decimal
from typing import Any, Callable

import asyncpg
import psycopg
import pytest
from psycopg import pq
from psycopg.adapt import Dumper
from psycopg.types.json import Json, Jsonb
from psycopg.types.numeric import Float4, Int2, Int4, Int8, Oid

from clients import parse_error_fields, raw_session, read_message, send_message

pytestmark = pytest.mark.duckgres_only


# ------------------------------------------------------------------------------------------------
# psycopg wrappers for the text-like types psycopg 3 would otherwise send as text (OID 25)

class Varchar(str):
    pass


class Bpchar(str):
    pass


class Name(str):
    pass


def _text_dumper(type_oid: int) -> type[Dumper]:
    class TextLikeBinaryDumper(Dumper):
        format = pq.Format.BINARY
        oid = type_oid

        def dump(self, obj: Any) -> bytes:
            return str(obj).encode()

    return TextLikeBinaryDumper


def psycopg_connect(server) -> psycopg.Connection:
    conn = psycopg.connect(server.conninfo(), autocommit=True)
    conn.adapters.register_dumper(Varchar, _text_dumper(1043))
    conn.adapters.register_dumper(Bpchar, _text_dumper(1042))
    conn.adapters.register_dumper(Name, _text_dumper(19))
    return conn


def _json(text: str) -> Json:
    return Json(json.loads(text))


def _jsonb(text: str) -> Jsonb:
    return Jsonb(json.loads(text))


# ------------------------------------------------------------------------------------------------
# The cases

@dataclasses.dataclass(frozen=True)
class Case:
    id: str
    type: str                   # as a client writes it in SQL
    values: tuple               # Python values for asyncpg (psycopg: after `wrap`)
    literals: tuple[str, ...]   # PostgreSQL text input, for the raw-protocol test
    wrap: Callable[[Any], Any] = lambda v: v       # Python value -> what psycopg should send
    ref_wrap: Callable[[Any], Any] | None = None   # same, for the query PostgreSQL runs (default: wrap)
    in_duckdb: bool = True      # False: DuckDB has no such type, `::type` and columns are 42704
    array_of: "Case | None" = None

    def psycopg_values(self, reference: bool = False) -> list:
        wrap = (self.ref_wrap or self.wrap) if reference else self.wrap
        return [None if v is None else wrap(v) for v in self.values]

    @property
    def has_typmod(self) -> bool:
        return "(" in self.type


D = dt.date
T = dt.time
TS = dt.datetime
TD = dt.timedelta
UTC = dt.timezone.utc


def tz(hours: int = 0, minutes: int = 0, seconds: int = 0) -> dt.timezone:
    sign = -1 if hours < 0 else 1
    return dt.timezone(sign * TD(hours=abs(hours), minutes=minutes, seconds=seconds))


SCALARS: list[Case] = [
    Case("bool", "bool", (True, False, None), ("t", "f")),
    Case("int2", "int2", (-32768, 0, 32767, None), ("-32768", "0", "32767"), wrap=Int2),
    Case("int4", "int4", (-2147483648, 0, 2147483647, None), ("-2147483648", "0", "2147483647"), wrap=Int4),
    Case("int8", "int8", (-9223372036854775808, 0, 9223372036854775807, None),
         ("-9223372036854775808", "0", "9223372036854775807"), wrap=Int8),
    Case("float4", "float4",
         (1.5, 0.1, -0.0, 3.4028234663852886e38, 1e-45, float("inf"), float("-inf"), float("nan"), None),
         ("1.5", "0.1", "-0", "3.4028235e+38", "1e-45", "Infinity", "-Infinity", "NaN"), wrap=Float4),
    Case("float8", "float8",
         (0.1, 1 / 3, -0.0, 1.7976931348623157e308, 5e-324, float("inf"), float("-inf"), float("nan"), None),
         ("0.1", "0.3333333333333333", "-0", "1.7976931348623157e+308", "5e-324", "Infinity", "-Infinity", "NaN")),
    # An unconstrained numeric column is DuckDB's DECIMAL(18,3) (see EXPECTED). A parameter only declared numeric
    # (a bare `$1`) or cast to it (`$1::numeric`) keeps the value's own scale, as in PostgreSQL.
    Case("numeric", "numeric",
         (Decimal("0"), Decimal("1.5"), Decimal("-123.45"), Decimal("0.0005"), Decimal("-0.001"),
          Decimal("123456789012345.678"), Decimal("1234567890123456.5"), None),
         ("0", "1.5", "-123.45", "0.0005", "-0.001", "123456789012345.678", "1234567890123456.5")),
    Case("numeric_10_2", "numeric(10,2)",
         (Decimal("0"), Decimal("3.14"), Decimal("-3.14"), Decimal("-0.01"), Decimal("0.005"),
          Decimal("12345678.90"), Decimal("-99999999.99"), Decimal("123456789"), None),
         ("0", "3.14", "-3.14", "-0.01", "0.005", "12345678.90", "-99999999.99", "123456789")),
    Case("numeric_5_5", "numeric(5,5)",
         (Decimal("0.12345"), Decimal("-0.99999"), Decimal("0"), Decimal("0.00001"), None),
         ("0.12345", "-0.99999", "0", "0.00001")),
    Case("numeric_38_10", "numeric(38,10)",
         (Decimal("0"), Decimal("-0.0000000001"), Decimal("1234567890123456789012345678.1234567890"),
          Decimal("-9999999999999999999999999999.9999999999"), Decimal("10000"), None),
         ("0", "-0.0000000001", "1234567890123456789012345678.1234567890",
          "-9999999999999999999999999999.9999999999", "10000")),
    Case("numeric_38_0", "numeric(38,0)",
         (Decimal("0"), Decimal("1"), Decimal("-1"), Decimal("99999999999999999999999999999999999999"),
          Decimal("-12345678901234567890123456789012345678"), Decimal("1E+37"), Decimal("100000000"),
          Decimal("123456789012345678901234567890123456789"), None),
         ("0", "1", "-1", "99999999999999999999999999999999999999", "-12345678901234567890123456789012345678",
          "1e37", "100000000", "123456789012345678901234567890123456789")),
    Case("text", "text",
         ("", "héllo wörld", "tab\tnewline\n", "🦆", 'quote"back\\slash', "NULL", "  padded  ", None),
         ("", "héllo wörld", "tab\tnewline\n", "🦆", 'quote"back\\slash', "NULL", "  padded  ")),
    # A varchar column and a ::varchar cast are character varying (1043), as in PostgreSQL (VARCHARs under the
    # alias character_data); a parameter only declared varchar and arrays of varchar differ (EXPECTED).
    Case("varchar", "varchar", ("", "abc", "ünïcode", "  x  ", None), ("", "abc", "ünïcode", "  x  "),
         wrap=Varchar),
    # varchar(n) is character varying with its typmod (a DuckDB alias of VARCHAR; an overlong value is 22001, see
    # test_error_codes.py).
    Case("varchar_5", "varchar(5)", ("abc", "abcde", None), ("abc", "abcde"), wrap=Varchar),
    # Unbounded bpchar is VARCHAR too, reported as text (EXPECTED); it keeps trailing blanks in both.
    Case("bpchar", "bpchar", ("ab  ", "x", "", None), ("ab  ", "x", ""), wrap=Bpchar),
    # char(n) is character with its typmod, blank-padded; an overlong value is 22001.
    Case("char_5", "char(5)", ("ab", "abcde", None), ("ab", "abcde"), wrap=Bpchar, ref_wrap=str),
    # name is a VARCHAR under the alias name (registered by the catalog), reported as name; a table column declared
    # name is a plain VARCHAR (docs/type-mapping.md).
    Case("name", "name", ("nm", "with space", "ünï", None), ("nm", "with space", "ünï"), wrap=Name),
    Case("bytea", "bytea", (b"", b"\x00\xff\x10", bytes(range(256)), b"\\x", None),
         ("", "\\x00ff10", "\\x" + bytes(range(256)).hex(), "\\x5c78")),
    # asyncpg maps date.max/date.min to infinity/-infinity. BC dates have no Python value: they are
    # in the raw-protocol literals (text and binary parameters).
    Case("date", "date",
         (D(2024, 2, 29), D(2000, 1, 1), D(1999, 12, 31), D(1970, 1, 1), D(1, 1, 2), D.max, D.min, None),
         ("2024-02-29", "2000-01-01", "1999-12-31", "0001-01-01", "infinity", "-infinity", "0044-03-15 BC",
          "0001-12-31 BC", "4713-11-24 BC", "5874897-12-31")),
    Case("time", "time", (T(0, 0), T(13, 45, 0, 500000), T(23, 59, 59, 999999), None),
         ("00:00:00", "13:45:00.5", "23:59:59.999999", "24:00:00")),
    Case("timetz", "timetz",
         (T(13, 45, tzinfo=tz(2)), T(1, 0, tzinfo=tz(5, 30, 15)), T(23, 59, 59, 999999, tzinfo=tz(-15, 59)),
          T(0, 0, tzinfo=UTC), None),
         ("13:45:00+02", "01:00:00+05:30:15", "23:59:59.999999-15:59", "00:00:00+00", "24:00:00-01")),
    Case("timestamp", "timestamp",
         (TS(2024, 1, 31, 13, 45, 0, 123), TS(2000, 1, 1), TS(1969, 12, 31, 23, 59, 59, 999999), TS(1, 1, 1, 0, 0, 1),
          TS.max, TS.min, None),
         ("2024-01-31 13:45:00.000123", "2000-01-01 00:00:00", "1969-12-31 23:59:59.999999", "infinity",
          "-infinity", "0044-03-15 12:00:00 BC", "4713-11-24 00:00:00 BC", "1850-06-01 12:00:00")),
    Case("timestamptz", "timestamptz",
         (TS(2024, 1, 31, 13, 45, tzinfo=UTC), TS(2024, 7, 1, 12, 0, 0, 1, tzinfo=tz(5, 30)),
          TS(1850, 6, 1, tzinfo=tz(-3)), TS(1, 1, 1, 0, 0, 1, tzinfo=UTC), None),
         ("2024-01-31 13:45:00+00", "2024-07-01 12:00:00.000001+05:30", "1850-06-01 00:00:00-03", "infinity",
          "-infinity", "0044-03-15 12:00:00+00 BC")),
    Case("interval", "interval",
         (TD(days=3, seconds=5, microseconds=7), TD(days=-1, seconds=3600), TD(0), TD(microseconds=-1),
          TD(days=999999999), None),
         ("1 year 2 mons 3 days 04:05:06.789", "-1 years -2 mons +3 days -04:05:06", "00:00:00", "-00:00:00.000001",
          "178000000 years", "-2147483648 days")),
    # DuckDB stores UUIDs with the top bit flipped; both halves of the range.
    Case("uuid", "uuid",
         (uuid.UUID(int=0), uuid.UUID(int=(1 << 128) - 1), uuid.UUID("7fffffff-ffff-ffff-ffff-ffffffffffff"),
          uuid.UUID("80000000-0000-0000-0000-000000000000"), uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), None),
         ("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
          "7fffffff-ffff-ffff-ffff-ffffffffffff", "80000000-0000-0000-0000-000000000000",
          "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")),
    Case("json", "json", ('{"a": [1, 2.5, null, "x"]}', "[]", '"\\u00e9"', '  {"spaced" :  true }  ', None),
         ('{"a": [1, 2.5, null, "x"]}', "[]", '"\\u00e9"', '  {"spaced" :  true }  '), wrap=_json),
    # jsonb is a type of its own (OID 3802, binary: version byte 1 and the text), its text normalized.
    Case("jsonb", "jsonb", ('{"a": [1, 2.5, null, "x"]}', "[]", '{"b": {"c": true}}', None),
         ('{"a": [1, 2.5, null, "x"]}', "[]", '{"b": {"c": true}}'), wrap=_jsonb),
    # oid is DuckDB's UINTEGER (an unsigned 32-bit integer, as PostgreSQL's oid).
    Case("oid", "oid", (0, 1, 2147483648, 4294967295, None), ("0", "1", "2147483648", "4294967295"), wrap=Oid),
]

ARRAY_ELEMENTS = ["bool", "int2", "int4", "int8", "float4", "float8", "numeric", "numeric_10_2", "numeric_38_10",
                  "text", "varchar", "bpchar", "name", "bytea", "date", "time", "timetz", "timestamp", "timestamptz",
                  "interval", "uuid", "json", "jsonb", "oid"]


def _array_case(element: Case) -> Case:
    first, second = [v for v in element.values if v is not None][:2]

    def wrapper(wrap: Callable[[Any], Any]) -> Callable[[Any], Any]:
        return lambda values: [None if v is None else wrap(v) for v in values]

    return Case(f"{element.id}_array", element.type + "[]", ([first, None, second], [None], None),
                element.literals[:2], wrap=wrapper(element.wrap),
                ref_wrap=element.ref_wrap and wrapper(element.ref_wrap),
                in_duckdb=element.in_duckdb, array_of=element)


_BY_ID = {c.id: c for c in SCALARS}
CASES = SCALARS + [_array_case(_BY_ID[e]) for e in ARRAY_ELEMENTS]
CASE_IDS = [c.id for c in CASES]


# ------------------------------------------------------------------------------------------------
# Outcomes: what a client sees, in a comparable form

def _error_outcome(e: BaseException) -> tuple:
    return ("error", getattr(e, "sqlstate", None) or type(e).__name__)


def _relax_typmods(got, want):
    """As in the differential corpus: where PostgreSQL reports no type modifier (-1), Duckgres'
    more specific one (DuckDB's DECIMAL always has precision and scale) is accepted."""
    if not (isinstance(got, dict) and isinstance(want, dict) and "fields" in got and "fields" in want):
        return got
    if len(got["fields"]) != len(want["fields"]):
        return got
    fields = [g[:3] + (-1,) + g[4:] if w[3] == -1 else g for g, w in zip(got["fields"], want["fields"])]
    return {**got, "fields": fields}


def _differences(label: str, got: list, want: list, inputs: list) -> list[str]:
    """One message per input whose outcome on Duckgres differs from PostgreSQL's (`inputs` are
    shown with repr() after `label`, or as they are when `label` is empty)."""
    # A comparison in which PostgreSQL only raised errors would prove nothing.
    assert any(not (isinstance(w, dict) and "error" in w or isinstance(w, tuple) and w[0] == "error")
               for w in want), f"{label}: PostgreSQL answered nothing but errors: {want}"
    out = []
    for value, g, w in zip(inputs, got, want):
        g = _relax_typmods(g, w)
        if g != w:
            shown = f"{label} {value!r}" if label else value
            out.append(f"{shown}:\n    duckgres: {g!r}\n    postgres: {w!r}")
    return out


@dataclasses.dataclass(frozen=True)
class Expected:
    """How Duckgres' answer differs from PostgreSQL's for one type and aspect: either the type OIDs it
    reports instead of PostgreSQL's, all else (values, bytes, errors) equal, or the PostgreSQL type
    whose answers it gives, or the parameter type it describes instead of PostgreSQL's."""
    reason: str
    oids: dict[int, int] | None = None
    answers_as: str | None = None
    param_oids: dict[int, int] | None = None


# (case id, aspect) -> the difference. Aspects: "described" (`SELECT $1::type` with the parameter's type taken from
# the server's description, as asyncpg does), "cast" (`SELECT $1::type`, the client declaring the parameter's type),
# "declared" (a bare `$1` declared as the type in Parse), "column" (a table column of the type: insert, select back).
ASPECTS = ("described", "cast", "declared", "column")
EXPECTED: dict[tuple[str, str], Expected] = {
    ("numeric", "column"): Expected(
        "an unconstrained numeric column is DuckDB's DECIMAL(18,3) (DuckDB has no unconstrained decimal): values "
        "get exactly 3 fraction digits, more than 15 integer digits are 22003, the column is numeric(18,3)",
        answers_as="numeric(18,3)"),
    ("numeric_array", "described"): Expected(
        "the parameter of $1::numeric[] is bound as DuckDB's DECIMAL(18,3)[] (DuckDB arrays of DECIMAL have one fixed "
        "scale)", answers_as="numeric(18,3)[]"),
    ("numeric_array", "cast"): Expected(
        "a numeric[] cast is DuckDB's DECIMAL(18,3)[] (DuckDB arrays of DECIMAL have one fixed scale)",
        answers_as="numeric(18,3)[]"),
    ("numeric_array", "declared"): Expected(
        "a parameter only declared numeric[] is DuckDB's DECIMAL(38,10)[] (DuckDB arrays of DECIMAL have one fixed "
        "scale)", answers_as="numeric(38,10)[]"),
    **{(t, "described"): Expected(
        f"the parameter of $1::{t.replace('_5', '(5)')} is described as text (25): the cast reads it as text, then "
        "truncates or pads it", param_oids={1043: 25, 1042: 25}) for t in ("varchar_5", "char_5")},
    ("numeric_array", "column"): Expected("a numeric[] column is DuckDB's DECIMAL(18,3)[]",
                                          answers_as="numeric(18,3)[]"),
    ("varchar", "declared"): Expected(
        "a parameter only declared varchar (1043) is read as text: DuckDB's prepared parameter is a plain VARCHAR, "
        "whose result column is text (25)", oids={1043: 25}),
    **{("varchar_array", aspect): Expected(
        "arrays of varchar are VARCHAR[] in DuckDB, reported as text[] (1009), not varchar[] (1015), and their "
        "binary form names the element type text (25): the varchar alias does not survive inside a list type",
        oids={1015: 1009, 1043: 25}) for aspect in ASPECTS},
    **{("bpchar", aspect): Expected(
        "unbounded bpchar is DuckDB's VARCHAR, reported as text (25) where PostgreSQL says bpchar (1042); the "
        "values, trailing blanks included, are the same", oids={1042: 25}) for aspect in ASPECTS},
    **{("bpchar_array", aspect): Expected(
        "arrays of bpchar are VARCHAR[] in DuckDB, reported as text[] (1009), not bpchar[] (1014), and their binary "
        "form names the element type text (25)", oids={1014: 1009, 1042: 25}) for aspect in ASPECTS},
}


def _with_oids(outcome: Any, oids: dict[int, int]) -> Any:
    """PostgreSQL's outcome with these type OIDs replaced: the only integers of an outcome that can be OIDs,
    and in a raw result the element OID in the header of a binary array value."""
    if isinstance(outcome, dict) and "fields" in outcome:
        binary = [f[4] == 1 for f in outcome["fields"]]
        rows = [[_with_element_oid(v, oids) if is_binary else v for v, is_binary in zip(row, binary)]
                for row in outcome["rows"]]
        return {**outcome, "fields": _with_oids(outcome["fields"], oids), "rows": rows}
    if isinstance(outcome, bool):
        return outcome
    if isinstance(outcome, int):
        return oids.get(outcome, outcome)
    if isinstance(outcome, (list, tuple)):
        return type(outcome)(_with_oids(x, oids) for x in outcome)
    if isinstance(outcome, dict):
        return {k: _with_oids(v, oids) for k, v in outcome.items()}
    return outcome


def _with_element_oid(value: bytes | None, oids: dict[int, int]) -> bytes | None:
    """A binary array (ndim, has-null flag, element OID, ...) with its element OID replaced."""
    if value is None or len(value) < 12:
        return value
    element = struct.unpack_from("!I", value, 8)[0]
    return value[:8] + struct.pack("!I", oids.get(element, element)) + value[12:]


def _against_postgres(case: Case, aspect: str, label: str, got: list, want: list, inputs: list,
                      want_as: Callable[[str], list]) -> list[str]:
    """The differences from PostgreSQL's answers for the same type; with an EXPECTED difference for this
    type and aspect, the differences from PostgreSQL's answers changed exactly by it, which must still
    differ from the real ones."""
    record = EXPECTED.get((case.id, aspect))
    differences = _differences(label, got, want, inputs)
    if record is None:
        return differences
    if not differences:
        return [f"{case.id} {aspect}: the expected difference is gone, remove it from EXPECTED ({record.reason})"]
    changed = want_as(record.answers_as) if record.answers_as else want
    if record.oids:
        changed = _with_oids(changed, record.oids)
    if record.param_oids:  # asyncpg's ('ok', parameter OIDs, column OIDs, values)
        changed = [(w[0], _with_oids(w[1], record.param_oids), *w[2:]) if w[0] == "ok" else w for w in changed]
    return [f"{case.id} {aspect}, beyond its expected difference ({record.reason}): {d}"
            for d in _differences(label, got, changed, inputs)]


def _check(differences: list[str]) -> None:
    assert not differences, f"{len(differences)} differences from PostgreSQL:\n" + "\n".join(differences)


def _table_name(prefix: str, case: Case) -> str:
    return f"bt_{prefix}_{case.id}"


def _table_steps(case: Case, values: list) -> list[str]:
    """Labels of the outcomes of _asyncpg_table / _psycopg_table."""
    return [f"column {case.type}: insert {v!r}" for v in values] + [f"column {case.type}: select back"]


# ------------------------------------------------------------------------------------------------
# (a) and (b): asyncpg

async def _asyncpg_connect(server) -> asyncpg.Connection:
    return await asyncpg.connect(host=server.host, port=server.port, user="postgres", password="postgres",
                                 database="postgres", ssl=False, timeout=30)


async def _asyncpg_selects(server, sql: str, values: tuple) -> list[tuple]:
    conn = await _asyncpg_connect(server)
    try:
        out = []
        for value in values:
            try:
                statement = await conn.prepare(sql)
                rows = await statement.fetch(value)
                out.append(("ok", [p.oid for p in statement.get_parameters()],
                            [a.type.oid for a in statement.get_attributes()], [repr(tuple(r)) for r in rows]))
            except (asyncpg.PostgresError, asyncpg.InterfaceError) as e:
                out.append(_error_outcome(e))
        return out
    finally:
        await conn.close(timeout=10)


async def _asyncpg_table(server, table: str, column_type: str, values: tuple) -> list[tuple]:
    conn = await _asyncpg_connect(server)
    try:
        await conn.execute(f"drop table if exists {table}")
        try:
            await conn.execute(f"create table {table} (id int4, v {column_type})")
        except asyncpg.PostgresError as e:
            return [_error_outcome(e)]
        try:
            out: list[tuple] = []
            for i, value in enumerate(values):
                try:
                    out.append(("insert", await conn.execute(f"insert into {table} values ($1, $2)", i, value)))
                except (asyncpg.PostgresError, asyncpg.InterfaceError) as e:
                    out.append(_error_outcome(e))
            try:
                statement = await conn.prepare(f"select id, v from {table} order by id")
                rows = await statement.fetch()
                out.append(("select", [a.type.oid for a in statement.get_attributes()],
                            [repr(tuple(r)) for r in rows]))
            except (asyncpg.PostgresError, asyncpg.InterfaceError) as e:
                out.append(_error_outcome(e))
            return out
        finally:
            await conn.execute(f"drop table {table}")
    finally:
        await conn.close(timeout=10)


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_asyncpg_binary_parameter_and_result(request, duckgres, pg, case: Case) -> None:
    """`SELECT $1::TYPE`: asyncpg encodes the value in binary as the type Duckgres describes for $1
    and decodes the binary result; the Python values, parameter and column type OIDs must be
    PostgreSQL's."""
    if not case.in_duckdb:
        # DuckDB has no such type (see the case): Duckgres answers 42704, PostgreSQL the value.
        got = asyncio.run(_asyncpg_selects(duckgres, f"select $1::{case.type} as v", case.values))
        assert got == [("error", "42704")] * len(case.values)
        want = asyncio.run(_asyncpg_selects(pg, f"select $1::{case.type} as v", case.values))
        assert all(w[0] == "ok" for w in want), want
        return
    got = asyncio.run(_asyncpg_selects(duckgres, f"select $1::{case.type} as v", case.values))
    want = asyncio.run(_asyncpg_selects(pg, f"select $1::{case.type} as v", case.values))
    _check(_against_postgres(case, "described", f"select $1::{case.type} with", got, want, list(case.values),
                             lambda t: asyncio.run(_asyncpg_selects(pg, f"select $1::{t} as v", case.values))))


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_asyncpg_binary_table_round_trip(request, duckgres, pg, case: Case) -> None:
    """INSERT into a column of the type with a binary parameter, SELECT it back in binary."""
    table = _table_name("asyncpg", case)
    if not case.in_duckdb:
        # No such column type in DuckDB (see the case): CREATE TABLE is 42704.
        assert asyncio.run(_asyncpg_table(duckgres, table, case.type, case.values)) == [("error", "42704")]
        want = asyncio.run(_asyncpg_table(pg, table, case.type, case.values))
        assert want[-1][0] == "select" and len(want[-1][2]) == len(case.values), want
        return
    got = asyncio.run(_asyncpg_table(duckgres, table, case.type, case.values))
    want = asyncio.run(_asyncpg_table(pg, table, case.type, case.values))
    assert len(got) == len(want), (got, want)
    _check(_against_postgres(case, "column", "", got, want, _table_steps(case, list(case.values)),
                             lambda t: asyncio.run(_asyncpg_table(pg, table, t, case.values))))


# ------------------------------------------------------------------------------------------------
# (c): psycopg 3, binary cursors and %b parameters

def _psycopg_selects(conn: psycopg.Connection, sql: str | Callable[[Any], str], values: list) -> list[tuple]:
    out = []
    for value in values:
        try:
            with conn.cursor(binary=True) as cur:
                cur.execute(sql if isinstance(sql, str) else sql(value), (value,))
                rows = cur.fetchall()
                out.append(("ok", [(d.type_code, cur.pgresult.fformat(i)) for i, d in enumerate(cur.description)],
                            [repr(r) for r in rows]))
        except psycopg.Error as e:
            out.append(_error_outcome(e))
    return out


def _psycopg_table(conn: psycopg.Connection, table: str, column_type: str, values: list) -> list[tuple]:
    conn.execute(f"drop table if exists {table}")
    try:
        conn.execute(f"create table {table} (id int4, v {column_type})")
    except psycopg.Error as e:
        return [_error_outcome(e)]
    try:
        out: list[tuple] = []
        with conn.cursor(binary=True) as cur:
            for i, value in enumerate(values):
                try:
                    cur.execute(f"insert into {table} values (%b, %b)", (Int4(i), value))
                    out.append(("insert", cur.rowcount))
                except psycopg.Error as e:
                    out.append(_error_outcome(e))
            try:
                cur.execute(f"select id, v from {table} order by id")
                out.append(("select", [d.type_code for d in cur.description], [repr(r) for r in cur.fetchall()]))
            except psycopg.Error as e:
                out.append(_error_outcome(e))
        return out
    finally:
        conn.execute(f"drop table {table}")


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_psycopg_binary_cursor(request, duckgres, pg, case: Case) -> None:
    """psycopg 3 `cursor(binary=True)` with `%b` parameters: `SELECT %b::TYPE`, a bare `SELECT %b`
    (the type only declared in Parse, as psycopg does for every parameter), and a table column."""
    values = case.psycopg_values()
    ref_values = case.psycopg_values(reference=True)
    differences: list[str] = []
    with psycopg_connect(duckgres) as dconn, psycopg_connect(pg) as pconn:
        if case.in_duckdb:
            got = _psycopg_selects(dconn, f"select %b::{case.type} as v", values)
            want = _psycopg_selects(pconn, f"select %b::{case.type} as v", ref_values)
            differences += _against_postgres(case, "cast", f"select %b::{case.type} with", got, want, values,
                                             lambda t: _psycopg_selects(pconn, f"select %b::{t} as v", ref_values))
        else:
            # `::TYPE` does not exist in DuckDB (see the case).
            got = _psycopg_selects(dconn, f"select %b::{case.type} as v", values)
            assert got == [("error", "42704")] * len(values)
        if not case.has_typmod:
            def as_type(type_name: str) -> Callable[[Any], str]:
                # psycopg sends None and a list of only NULLs untyped (OID 0), so a bare `$1` is text in both.
                return lambda value: "select %b as v" if value is None or value == [None] \
                    else f"select %b::{type_name} as v"

            got = _psycopg_selects(dconn, "select %b as v", values)
            want = _psycopg_selects(pconn, "select %b as v", ref_values)
            differences += _against_postgres(case, "declared", "select %b (declared type only) with", got, want,
                                             values, lambda t: _psycopg_selects(pconn, as_type(t), ref_values))
        table = _table_name("psycopg", case)
        got = _psycopg_table(dconn, table, case.type, values)
        want = _psycopg_table(pconn, table, case.type, ref_values)
        assert len(got) == len(want), (got, want)
        differences += _against_postgres(case, "column", "", got, want, _table_steps(case, values),
                                         lambda t: _psycopg_table(pconn, table, t, ref_values))
    _check(differences)


# ------------------------------------------------------------------------------------------------
# (d): binary and text columns in one result, raw protocol, byte for byte

def _cstr(text: str) -> bytes:
    return text.encode() + b"\0"


def _bind(params: list[bytes | None], param_formats: tuple[int, ...], result_formats: tuple[int, ...]) -> bytes:
    out = _cstr("") + _cstr("") + struct.pack("!h", len(param_formats))
    out += b"".join(struct.pack("!h", f) for f in param_formats)
    out += struct.pack("!h", len(params))
    for p in params:
        out += struct.pack("!i", -1) if p is None else struct.pack("!i", len(p)) + p
    return out + struct.pack("!h", len(result_formats)) + b"".join(struct.pack("!h", f) for f in result_formats)


def _row_description(payload: bytes) -> list[tuple]:
    count = struct.unpack_from("!h", payload)[0]
    pos, fields = 2, []
    for _ in range(count):
        end = payload.index(b"\0", pos)
        name = payload[pos:end].decode()
        _table, _attnum, oid, typlen, typmod, fmt = struct.unpack_from("!IhIhih", payload, end + 1)
        fields.append((name, oid, typlen, typmod, fmt))
        pos = end + 1 + 18
    return fields


def _data_row(payload: bytes) -> list[bytes | None]:
    count = struct.unpack_from("!h", payload)[0]
    pos, values = 2, []
    for _ in range(count):
        length = struct.unpack_from("!i", payload, pos)[0]
        pos += 4
        if length < 0:
            values.append(None)
        else:
            values.append(payload[pos:pos + length])
            pos += length
    return values


def _raw_query(sock, sql: str, param_oids: list[int], params: list[bytes | None], param_formats: tuple[int, ...],
               result_formats: tuple[int, ...]) -> dict:
    """Parse / Bind / Describe portal / Execute / Sync; returns the error or the fields and rows."""
    parse = _cstr("") + _cstr(sql) + struct.pack("!h", len(param_oids)) + b"".join(struct.pack("!I", o)
                                                                                   for o in param_oids)
    # One write for the whole batch (separate small writes meet Nagle and delayed ACKs: 40 ms each).
    sock.sendall(b"".join(kind + struct.pack("!I", len(payload) + 4) + payload for kind, payload in
                          [(b"P", parse), (b"B", _bind(params, param_formats, result_formats)), (b"D", b"P\0"),
                           (b"E", _cstr("") + struct.pack("!i", 0)), (b"S", b"")]))
    result: dict = {"rows": []}
    while True:
        kind, payload = read_message(sock)
        if kind == b"E":
            result = {"error": parse_error_fields(payload).get("C")}
        elif kind == b"T":
            result["fields"] = _row_description(payload)
        elif kind == b"D":
            result["rows"].append(_data_row(payload))
        elif kind == b"Z":
            return result


def _simple(sock, sql: str) -> None:
    send_message(sock, b"Q", _cstr(sql))
    while True:
        kind, payload = read_message(sock)
        if kind == b"E":
            raise AssertionError(f"{sql}: {parse_error_fields(payload)}")
        if kind == b"Z":
            return


class _Reference:
    """PostgreSQL's view of a type: OIDs, text and binary forms of literals."""

    def __init__(self, sock) -> None:
        self.sock = sock
        self.oids: dict[str, int] = {}

    def oid(self, type_name: str) -> int:
        if type_name not in self.oids:
            r = _raw_query(self.sock, f"select '{type_name}'::regtype::oid", [], [], (), (0,))
            assert "error" not in r, r
            self.oids[type_name] = int(r["rows"][0][0])
        return self.oids[type_name]

    def value(self, expression: str, fmt: int) -> bytes:
        r = _raw_query(self.sock, f"select {expression}", [], [], (), (fmt,))
        assert "error" not in r, (expression, r)
        return r["rows"][0][0]

    def binary(self, literal: str, type_name: str) -> bytes:
        """PostgreSQL's binary form of `literal` as `type_name` without its typmod, as a client
        sends it (char(5) 'ab' unpadded, numeric(10,2) '0.005' with its own scale)."""
        base = re.sub(r"[(][^)]*[)]", "", type_name)
        base = re.sub(r"^char\b", "bpchar", base)  # bare char is char(1)
        return self.value(f"{_quote(literal)}::{base}", 1)


def _quote(literal: str) -> str:
    return "'" + literal.replace("'", "''") + "'"


def _literals(case: Case, ref: _Reference) -> list[str]:
    """Text input for the case's type; for arrays PostgreSQL's text of an array with a NULL element."""
    if case.array_of is None:
        return list(case.literals)
    element = case.array_of.type
    items = [f"{_quote(lit)}::{element}" for lit in case.literals]
    out = []
    for combination in ([items[0], "NULL", items[1]], ["NULL"]):
        out.append(ref.value(f"ARRAY[{', '.join(combination)}]::{element}[]::text", 0).decode())
    return out


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_mixed_binary_and_text_columns_byte_for_byte(request, duckgres, pg, case: Case) -> None:
    """`SELECT $1::TYPE AS b, $1::TYPE AS t` with per-column result formats (binary, text) and
    (text, binary), the parameter sent as text and as binary (PostgreSQL's own binary form of the
    literal), session TimeZone Europe/Berlin; RowDescription and DataRow bytes must be
    PostgreSQL's. Types without a typmod also run as `SELECT $1 AS b, $1 AS t` with the type only
    declared in Parse."""
    with raw_session(pg) as psock, raw_session(duckgres) as dsock:
        for sock in (psock, dsock):
            _simple(sock, "set timezone = 'Europe/Berlin'")
        ref = _Reference(psock)
        literals = _literals(case, ref)
        forms = []
        if case.in_duckdb:
            forms.append(("cast", f"select $1::{case.type} as b, $1::{case.type} as t"))
        if not case.has_typmod:
            forms.append(("declared", "select $1 as b, $1 as t"))
        assert forms

        def inputs() -> list[tuple[str | None, int, tuple[int, int]]]:
            return [(literal, param_format, result_formats) for literal in [*literals, None] for param_format in (0, 1)
                    for result_formats in ((1, 0), (0, 1))]

        def reference(ref_type: str) -> list[dict]:
            ref_sql = f"select $1::{ref_type} as b, $1::{ref_type} as t"
            return [_raw_query(psock, ref_sql, [ref.oid(ref_type)],
                               [None if literal is None else literal.encode() if param_format == 0
                                else ref.binary(literal, ref_type)], (param_format,), result_formats)
                    for literal, param_format, result_formats in inputs()]

        differences = []
        for aspect, duck_sql in forms:
            labels, gots = [], []
            for literal, param_format, result_formats in inputs():
                duck_param = None if literal is None else literal.encode() if param_format == 0 \
                    else ref.binary(literal, case.type)
                gots.append(_raw_query(dsock, duck_sql, [ref.oid(case.type)], [duck_param], (param_format,),
                                       result_formats))
                sent = "NULL" if duck_param is None else \
                    f"{literal!r} as " + ("binary " + duck_param.hex() if param_format else "text")
                labels.append(f"{duck_sql} [$1 = {sent}, result formats {result_formats}]")
            differences += _against_postgres(case, aspect, "", gots, reference(case.type), labels, reference)
    _check(differences)
