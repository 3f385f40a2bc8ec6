#!/usr/bin/python3
"""Checks the expected strings of the types test tables against a real PostgreSQL 15.

Usage: DUCKGRES_TYPES_CASE_DUMP=/tmp/cases.jsonl build/tests/unit/types_tests --gtest_filter='TextCaseDump.*'
       /usr/bin/python3 tests/unit/types/pg_crosscheck.py /tmp/cases.jsonl "host=127.0.0.1 port=5499 user=postgres"
Evaluates each case's PostgreSQL expression with the case's TimeZone and extra_float_digits and
compares the raw text output (and the result type OID) with the table's expectation.
"""
import json
import logging
import sys

import psycopg


def main() -> int:
    cases_path, dsn = sys.argv[1], sys.argv[2]
    logging.getLogger("psycopg").setLevel(logging.ERROR)  # quiet about POSIX-style TimeZone names
    failures = checked = skipped = 0
    with psycopg.connect(dsn, autocommit=True) as conn:
        for line in open(cases_path, encoding="utf-8"):
            case = json.loads(line)
            if case["postgres"] is None:
                skipped += 1
                continue
            checked += 1
            cur = conn.cursor()
            cur.execute("SELECT set_config('TimeZone', %s, false), set_config('extra_float_digits', %s, false)",
                        (case["time_zone"], str(case["extra_float_digits"])))
            try:
                cur.execute("SELECT " + case["postgres"], binary=False)
            except psycopg.Error as error:
                failures += 1
                print(f"ERROR {case['postgres']}: {error}".strip())
                continue
            raw = cur.pgresult.get_value(0, 0)
            actual = None if raw is None else bytes(raw).decode("utf-8")
            oid = cur.pgresult.ftype(0)
            if actual != case["expected"] or oid != case["oid"]:
                failures += 1
                print(f"MISMATCH {case['postgres']} [{case['time_zone']}]: postgres={actual!r} ({oid}) "
                      f"expected={case['expected']!r} ({case['oid']})")
    print(f"{checked} checked, {skipped} without a PostgreSQL equivalent, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
