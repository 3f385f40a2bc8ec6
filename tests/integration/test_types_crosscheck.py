"""Cross-checks the types unit tests against a real PostgreSQL 15.

The unit tests (tests/unit/types/*_cases_test.cpp) hold tables of {DuckDB expression, the text
PostgreSQL prints, the type OID}. `types_tests --gtest_filter=TextCaseDump.*` dumps them as JSON
lines; here every case's PostgreSQL expression is evaluated on the reference PostgreSQL (with the
case's TimeZone and extra_float_digits, through the simple query protocol) and its raw text output
and result type OID must be exactly what the table expects. So the expectations the unit tests
check Duckgres against are themselves checked against PostgreSQL.

Needs the unit test binary: `cmake --build build --target types_tests` (or $DUCKGRES_TYPES_TESTS).
A missing binary is an error, not a skip.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

import differential
import harness


def types_tests_binary() -> Path:
    override = os.environ.get("DUCKGRES_TYPES_TESTS")
    path = Path(override) if override else harness.REPO_ROOT / "build" / "tests" / "unit" / "types_tests"
    if not path.is_file() or not os.access(path, os.X_OK):
        raise harness.HarnessError(
            f"types unit test binary not found or not executable: {path} "
            "(cmake --build build --target types_tests, or point DUCKGRES_TYPES_TESTS at it)")
    return path


@pytest.fixture(scope="module")
def type_cases(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """Every case of the types tables, as dumped by the unit test binary."""
    dump = tmp_path_factory.mktemp("types") / "cases.jsonl"
    proc = subprocess.run([str(types_tests_binary()), "--gtest_filter=TextCaseDump.*"],
                          env={**os.environ, "DUCKGRES_TYPES_CASE_DUMP": str(dump)},
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, f"types_tests failed:\n{proc.stdout}\n{proc.stderr}"
    assert "[  PASSED  ] 1 test." in proc.stdout, proc.stdout
    lines = dump.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _single(conn, sql: str) -> dict[str, Any]:
    results = differential.exec_message(conn, sql)
    assert len(results) == 1, (sql, results)
    return results[0]


def test_case_dump_is_complete(type_cases: list[dict[str, Any]]) -> None:
    assert len(type_cases) >= 200, f"only {len(type_cases)} cases dumped"
    for case in type_cases:
        assert set(case) == {"duckdb", "postgres", "expected", "oid", "time_zone", "extra_float_digits"}, case
        assert case["duckdb"] and isinstance(case["oid"], int) and case["oid"] > 0, case
    # Most cases have a PostgreSQL equivalent; the others are values PostgreSQL cannot express (MAP,
    # UNION, ragged lists, timestamps beyond its range) whose text form is a Duckgres choice.
    with_postgres = sum(1 for c in type_cases if c["postgres"] is not None)
    assert with_postgres >= 0.8 * len(type_cases), f"{with_postgres} of {len(type_cases)} have a PostgreSQL expression"


def test_expected_text_and_oid_match_postgres(pg, type_cases: list[dict[str, Any]]) -> None:
    conn = differential.connect(pg.conninfo())
    mismatches: list[str] = []
    checked = 0
    try:
        settings: tuple[str, int] | None = None
        for case in type_cases:
            if case["postgres"] is None:
                continue
            wanted = (case["time_zone"], case["extra_float_digits"])
            if wanted != settings:
                for sql in (f"SET TimeZone = {_literal(wanted[0])}", f"SET extra_float_digits = {int(wanted[1])}"):
                    result = _single(conn, sql)
                    assert result["status"] == "COMMAND_OK", (sql, result)
                settings = wanted
            checked += 1
            sql = "SELECT " + case["postgres"]
            result = _single(conn, sql)
            where = f"{sql} [TimeZone={wanted[0]}, extra_float_digits={wanted[1]}]"
            if result["status"] != "TUPLES_OK":
                mismatches.append(f"{where}: ERROR {result.get('sqlstate')} {result.get('message')}")
                continue
            assert len(result["columns"]) == 1 and len(result["rows"]) == 1, (where, result)
            raw = result["rows"][0][0]
            text = None if raw is None else raw.decode("utf-8")
            oid = result["columns"][0][1]
            if text != case["expected"] or oid != case["oid"]:
                mismatches.append(f"{where}: PostgreSQL prints {text!r} (OID {oid}), the table expects "
                                  f"{case['expected']!r} (OID {case['oid']})")
    finally:
        conn.finish()
    assert checked > 0
    assert not mismatches, f"{len(mismatches)} of {checked} cases differ from PostgreSQL 15:\n" + "\n".join(mismatches)
