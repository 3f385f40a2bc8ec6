#!/usr/bin/env python3
"""Checks the binary-format test tables of tests/unit/types against a real PostgreSQL 15.

Reads every `std::vector<BinaryCase>`, `<TextParameterCase>`, `<BinaryParameterCase>` and
`<ParameterErrorCase>` table in tests/unit/types/*_test.cpp and asks the server:
  BinaryCase          SELECT <postgres or duckdb expression> in binary: bytes and type OID
  TextParameterCase   SELECT $1 with the text parameter bound as the OID, in binary (per TimeZone)
  BinaryParameterCase SELECT $1 with the binary parameter bound as the OID, in binary
  ParameterErrorCase  SELECT $1 with the parameter: SQLSTATE and message of the error
Prints mismatches and exits 1 when there are any; --update rewrites the expected hex, SQLSTATEs
and messages in the test sources instead.

Start a scratch server first, e.g. (as root):
  D=$(mktemp -d) && chown postgres "$D"
  runuser -u postgres -- /usr/lib/postgresql/15/bin/initdb -D "$D/data" -A trust
  runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$D/data" \
      -o "-p 5498 -k /tmp -c listen_addresses=127.0.0.1" -l "$D/log" start
  /usr/bin/python3 tests/unit/types/pg_binary_crosscheck.py --port 5498
  runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$D/data" stop
Requires psycopg 3.
"""

import argparse
import glob
import os
import re
import sys

import psycopg

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "..", "..", "..", "src")

TABLE_RE = re.compile(
    r"std::vector<(BinaryCase|TextParameterCase|BinaryParameterCase|ParameterErrorCase)>\s+(\w+)\s*=\s*\{")


class Token:
    def __init__(self, kind, value, start, end):
        self.kind, self.value, self.start, self.end = kind, value, start, end


def read_string(src, i):
    """Reads one C++ string literal at src[i]; returns (bytes, end)."""
    if src[i] == "R":
        m = re.compile(r'R"([^(]*)\(').match(src, i)
        close = ")" + m.group(1) + '"'
        end = src.index(close, m.end())
        return src[m.end():end].encode(), end + len(close)
    assert src[i] == '"'
    out = bytearray()
    i += 1
    escapes = {"n": b"\n", "t": b"\t", "r": b"\r", "\\": b"\\", '"': b'"', "'": b"'", "0": b"\0"}
    while src[i] != '"':
        if src[i] == "\\":
            c = src[i + 1]
            if c == "x":
                m = re.compile(r"[0-9a-fA-F]+").match(src, i + 2)
                out.append(int(m.group(0), 16))
                i = m.end()
                continue
            out += escapes[c]
            i += 2
        else:
            out += src[i].encode()
            i += 1
    return bytes(out), i + 1


def tokenize(src, i):
    """Tokens of the initializer starting after its '{' up to the matching '}'."""
    tokens = []
    depth = 1
    while depth > 0:
        c = src[i]
        if c.isspace():
            i += 1
        elif src.startswith("//", i):
            i = src.index("\n", i)
        elif c == '"' or src.startswith('R"', i):
            start = i
            value, i = read_string(src, i)
            # adjacent literals concatenate
            while True:
                j = i
                while src[j].isspace():
                    j += 1
                if src[j] == '"' or src.startswith('R"', j):
                    more, i = read_string(src, j)
                    value += more
                else:
                    break
            tokens.append(Token("str", value, start, i))
        elif c in "{},":
            depth += {"{": 1, "}": -1}.get(c, 0)
            tokens.append(Token(c, c, i, i + 1))
            i += 1
        else:
            m = re.compile(r"-?[\w:]+").match(src, i)
            tokens.append(Token("word", m.group(0), i, m.end()))
            i = m.end()
    return tokens[:-1]


def rows_of(tokens):
    rows, row, depth = [], None, 0
    for t in tokens:
        if t.kind == "{":
            depth += 1
            if depth == 1:
                row = []
        elif t.kind == "}":
            depth -= 1
            if depth == 0:
                rows.append(row)
        elif t.kind in ("str", "word") and depth == 1:
            row.append(t)
    return rows


def constants():
    values = {"nullptr": None, "true": True, "false": False}
    for path in [os.path.join(SRC, "types", "pg_type.hpp")] + glob.glob(os.path.join(HERE, "*_test.cpp")):
        for name, number in re.findall(r"constexpr uint32_t (\w+) = (\d+);", open(path).read()):
            values[name] = int(number)
    return values


def value_of(token, consts):
    if token.kind == "str":
        return token.value.decode("utf-8", "surrogateescape")
    word = token.value.split("::")[-1]
    if word in consts:
        return consts[word]
    return int(word)


def c_literal(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default="5498")
    parser.add_argument("--user", default="postgres")
    parser.add_argument("--update", action="store_true")
    args = parser.parse_args()
    conn = psycopg.connect(f"host={args.host} port={args.port} user={args.user} dbname=postgres", autocommit=True)
    pg = conn.pgconn
    consts = constants()
    failures = 0
    checked = 0

    def run(sql, params=(), types=None, formats=None, tz="UTC"):
        pg.exec_(f"SET TimeZone = '{tz}'".encode())
        r = pg.exec_params(sql.encode(), list(params), types, formats, result_format=1)
        if r.status != 2:  # TUPLES_OK
            message = r.error_field(ord("M")).decode()
            return ("error", r.error_field(ord("C")).decode(), message)
        v = r.get_value(0, 0)
        return ("ok", None if v is None else v.hex(), r.ftype(0))

    for path in sorted(glob.glob(os.path.join(HERE, "*_test.cpp"))):
        src = open(path).read()
        edits = []
        for m in TABLE_RE.finditer(src):
            kind, name = m.group(1), m.group(2)
            for row in rows_of(tokenize(src, m.end())):
                vals = [value_of(t, consts) for t in row]
                where = f"{os.path.basename(path)}:{name}: {vals}"
                if kind == "BinaryCase":
                    duck, hexv, oid = vals[0], vals[1], vals[2]
                    pgexpr = vals[3] if len(vals) > 3 else ""
                    if pgexpr is None:
                        continue
                    got = run("SELECT " + (pgexpr or duck))
                    checked += 1
                    if got[0] != "ok" or got[2] != oid:
                        print(f"{where}: PostgreSQL says {got}")
                        failures += 1
                    elif got[1] != hexv:
                        edits.append((row[1], c_literal(got[1] or "")))
                        print(f"{where}: expected hex {got[1]}")
                        failures += 1
                elif kind == "TextParameterCase":
                    oid, text, hexv = vals[0], vals[1], vals[2]
                    tz = vals[3] if len(vals) > 3 else "UTC"
                    got = run("SELECT $1", [row[1].value], [oid], [0], tz)
                    checked += 1
                    if got[0] != "ok":
                        print(f"{where}: PostgreSQL says {got}")
                        failures += 1
                    elif got[1] != hexv:
                        edits.append((row[2], c_literal(got[1] or "")))
                        print(f"{where}: expected hex {got[1]}")
                        failures += 1
                elif kind == "BinaryParameterCase":
                    oid, data, hexv = vals[0], vals[1], vals[2]
                    got = run("SELECT $1", [bytes.fromhex(data)], [oid], [1])
                    checked += 1
                    if got[0] != "ok":
                        print(f"{where}: PostgreSQL says {got}")
                        failures += 1
                    elif got[1] != hexv:
                        edits.append((row[2], c_literal(got[1] or "")))
                        print(f"{where}: expected hex {got[1]}")
                        failures += 1
                else:
                    oid, fmt, data, state, message = vals
                    raw = bytes.fromhex(data) if fmt == 1 else row[2].value
                    got = run("SELECT $1", [raw], [oid], [fmt])
                    checked += 1
                    if got[0] != "error":
                        print(f"{where}: PostgreSQL accepts it: {got}")
                        failures += 1
                    elif (got[1], got[2]) != (state, message):
                        edits.append((row[3], c_literal(got[1])))
                        edits.append((row[4], c_literal(got[2])))
                        print(f"{where}: PostgreSQL says {got[1]} {got[2]!r}")
                        failures += 1
        if args.update and edits:
            for token, text in sorted(edits, key=lambda e: -e[0].start):
                src = src[: token.start] + text + src[token.end:]
            open(path, "w").write(src)
    print(f"{checked} rows checked, {failures} differ{' (updated)' if args.update and failures else ''}")
    return 1 if failures and not args.update else 0


if __name__ == "__main__":
    sys.exit(main())
