"""Differential tests: every corpus case on the reference PostgreSQL 15 and on Duckgres, compared,
in each protocol mode (differential.MODES): the simple query protocol, and the extended protocol
with text and with binary results (one test id per case and mode: `test_case[name-mode]`).

Compared per query message: each result's status, command tag, column names, type OIDs and typmods,
every value as raw bytes (text, or binary in extended-binary; NULL distinct from ''), the column
formats, the SQLSTATE of errors (not the message text), the severity and SQLSTATE of
notices/warnings, and the transaction status (I/T/E) after the message. An entry of
corpus/known_differences.txt names the messages of a case (in some or every mode) that differ and
what differs there (known_differences.py): the other messages must match, and the named differences
must still be there (strict): an entry that no longer fits fails until it is changed or removed.
"""

from __future__ import annotations

import psycopg
import pytest

import differential
import harness
import known_differences

CASES = differential.load_corpus()
KNOWN = differential.load_known_differences()
PARAMS = [(case, mode) for case in CASES for mode in differential.MODES]


@pytest.mark.parametrize("case, mode", PARAMS, ids=[f"{c.name}-{m}" for c, m in PARAMS])
def test_case(case: differential.Case, mode: str, pg, duckgres) -> None:
    ref = differential.run_case(pg.conninfo(), case, mode=mode)
    got = differential.run_case(duckgres.conninfo(), case, mode=mode)
    diffs = differential.compare_runs(ref, got)
    # A PostgreSQL stand-in (development mode) matches every case: no entry applies.
    entries = [] if harness.dev_mode() else known_differences.entries_for(KNOWN, case.name, mode)
    outcome = differential.record(case, mode, ref, got, diffs, entries)
    if ref.failure or any("REFERENCE" in str(d) for d in diffs):
        pytest.fail(f"case {case.name} ({case.location}) does not run on the reference PostgreSQL in mode {mode}: "
                    f"{ref.failure}\n{differential.render_run(ref)}")
    unexpected, gone = outcome["unexpected"], outcome["gone"]
    if unexpected or gone:
        problems = [f"differs where no known_differences.txt entry says (mode {mode}):"] if unexpected else []
        problems += [f"  - [{d.kind}] {d}" for d in unexpected]
        if gone:
            problems.append("known_differences.txt names a difference that is gone (change or remove the entry):")
            problems += [f"  - {g}" for g in gone]
        if entries or unexpected:
            problems.append("entries that would fit this run (every mode that ran so far; check each reason):")
            problems += ["  " + line for line in differential.suggested_entries(case.name)]
        pytest.fail(f"{case.name} ({case.location}) in mode {mode}:\n" + "\n".join(problems)
                    + "\n\nreference PostgreSQL:\n" + differential.render_run(ref)
                    + "\n\ntested server:\n" + differential.render_run(got), pytrace=False)
    if entries:
        pytest.xfail(f"known difference [{mode}]: " + " + ".join(f"{e.key}: {e.reason}" for e in entries))


def test_corpus_size_and_hygiene() -> None:
    assert len(CASES) >= 170, f"the corpus should have at least 170 cases, has {len(CASES)}"
    problems = differential.hygiene_problems(CASES)
    assert not problems, "\n".join(problems)


def test_known_differences_name_real_cases() -> None:
    names = {c.name for c in CASES}
    unknown = sorted({entry.name for entry in KNOWN} - names)
    assert not unknown, f"corpus/known_differences.txt lists cases that do not exist: {unknown}"


def test_compatibility_doc_is_current() -> None:
    """docs/compatibility.md lists every known difference with its reason and the pass counts."""
    doc = differential.COMPATIBILITY_DOC.read_text(encoding="utf-8")
    part = differential.generated_doc_part(doc)
    assert part is not None, f"{differential.COMPATIBILITY_DOC} lacks the generated known-differences part"
    expected = differential.known_differences_markdown(
        CASES, differential.KNOWN_DIFFERENCES_FILE.read_text(encoding="utf-8"))
    assert part == expected, (f"{differential.COMPATIBILITY_DOC} is out of date with corpus/known_differences.txt: "
                              "run `/usr/bin/python3 differential.py` in tests/integration")


def test_corpus_left_nothing_behind(pg) -> None:
    """Runs after the cases (same module, later in file order): the reference database holds no
    user objects, so every case cleans up after itself."""
    with psycopg.connect(pg.conninfo(), autocommit=True) as conn:
        rows = conn.execute(
            "SELECT n.nspname || '.' || c.relname || ' (' || c.relkind::text || ')' FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') "
            "AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%' "
            "UNION ALL SELECT 'schema ' || nspname FROM pg_namespace "
            "WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'public') "
            "AND nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast_temp%' "
            "ORDER BY 1").fetchall()
    assert not rows, f"objects left in the reference database by corpus cases: {[r[0] for r in rows]}"
