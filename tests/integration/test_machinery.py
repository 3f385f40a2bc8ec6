"""Tests of the test machinery itself (no server needed): corpus parsing, comparison, helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

import differential as d
import known_differences as k
import harness


@pytest.mark.parametrize("text, expected", [
    ("SELECT 1;", ["SELECT 1;"]),
    ("SELECT 1;\nSELECT 2;\n", ["SELECT 1;", "SELECT 2;"]),
    ("SELECT 1; SELECT 2;", ["SELECT 1; SELECT 2;"]),
    ("SELECT\n  1\n;", ["SELECT\n  1\n;"]),
    ("SELECT ';\n';", ["SELECT ';\n';"]),
    ("SELECT 'it''s;';", ["SELECT 'it''s;';"]),
    ("SELECT E'a\\';\nb';", ["SELECT E'a\\';\nb';"]),
    ("SELECT \"a;\nb\";", ["SELECT \"a;\nb\";"]),
    ("SELECT $$;\n$$;", ["SELECT $$;\n$$;"]),
    ("SELECT $x$ $$;\n $x$;", ["SELECT $x$ $$;\n $x$;"]),
    ("SELECT 1; -- trailing comment\nSELECT 2;", ["SELECT 1;", "SELECT 2;"]),
    ("SELECT /* ;\n */ 1;", ["SELECT /* ;\n */ 1;"]),
    ("-- only a comment\n", []),
    (";", [";"]),
])
def test_split_messages(text: str, expected: list[str]) -> None:
    assert d.split_messages(text) == expected


def test_split_messages_rejects_missing_semicolon() -> None:
    with pytest.raises(d.CorpusError):
        d.split_messages("SELECT 1;\nSELECT 2")


def test_parse_corpus_cases_cleanup_and_raw() -> None:
    text = """-- header comment
-- case: first
CREATE TABLE t_first (a int);
SELECT a FROM t_first;
-- cleanup
DROP TABLE IF EXISTS t_first;

-- case: second
-- raw
SELECT 'unterminated;
SELECT 2
"""
    cases = d.parse_corpus_text(text, Path("x.sql"))
    assert [c.name for c in cases] == ["first", "second"]
    assert cases[0].statements == ["CREATE TABLE t_first (a int);", "SELECT a FROM t_first;"]
    assert cases[0].cleanup == ["DROP TABLE IF EXISTS t_first;"]
    assert cases[1].statements == ["SELECT 'unterminated;", "SELECT 2"]
    assert cases[1].cleanup == []
    assert d.hygiene_problems(cases) == []


def test_parse_corpus_errors() -> None:
    with pytest.raises(d.CorpusError):
        d.parse_corpus_text("SELECT 1;\n", Path("x.sql"))  # SQL before any case
    with pytest.raises(d.CorpusError):
        d.parse_corpus_text("-- case: Bad-Name\nSELECT 1;\n", Path("x.sql"))
    with pytest.raises(d.CorpusError):
        d.parse_corpus_text("-- case: empty\n-- cleanup\nSELECT 1;\n", Path("x.sql"))


def test_hygiene_flags_leaks_and_shared_names() -> None:
    cases = d.parse_corpus_text(
        "-- case: a\nCREATE TABLE t_shared (x int);\n-- cleanup\nDROP TABLE t_shared;\n"
        "-- case: b\nCREATE TABLE t_shared (x int);\nCREATE VIEW v_leak AS SELECT 1;\n"
        "-- cleanup\nDROP TABLE t_shared;\n", Path("x.sql"))
    problems = d.hygiene_problems(cases)
    assert any("also created by a" in p for p in problems)
    assert any("v_leak" in p for p in problems)


def test_known_differences_format() -> None:
    text = ('# comment\n\ncase_one @3 sqlstate "22007": DuckDB rejects it: really\n'
            'case_two @2,4-5 type,value @7 tx: needs savepoints\n')
    one, two = k.parse_known_differences(text)
    assert (one.name, one.modes, one.reason) == ("case_one", d.MODES, "DuckDB rejects it: really")
    assert one.where == (k.Where((3,), ("sqlstate",), "22007"),)
    assert two.where == (k.Where((2, 4, 5), ("type", "value")), k.Where((7,), ("tx",)))
    assert two.key == "case_two @2,4-5 type,value @7 tx"
    for bad in ("case_one\n", "case_one:\n", "Case One: x\n", "a @0 value: x\n", "a @3 colour: x\n",
                "a @3: x\n", "a @3 value,value: x\n", "a @3-2 value: x\n", "a @3 value: x\na @3 value: y\n",
                "a @3 value: x\na[simple] @3 value,tx: y\n", "a: x\na[simple] @4 tx: y\n", "a @3 tx: x\na: y\n"):
        with pytest.raises(d.CorpusError):
            k.parse_known_differences(bad)


@pytest.mark.parametrize("message, expected", [
    ("SELECT 1;", ["SELECT 1;"]),
    ("SELECT 1; SELECT 2;", ["SELECT 1;", "SELECT 2;"]),
    ("SELECT ';'; SELECT $$;$$;", ["SELECT ';';", "SELECT $$;$$;"]),
    ("SELECT 1 /* ; */; SELECT \"a;b\";", ["SELECT 1 /* ; */;", "SELECT \"a;b\";"]),
    ("SELECT 1;; SELECT 2; -- done", ["SELECT 1;", "SELECT 2;"]),
    (";", [";"]),
    ("-- just a comment\n;", ["-- just a comment\n;"]),
    ("SELECT 'abc;", ["SELECT 'abc;"]),  # a raw line the lexer cannot close stays whole
])
def test_split_statements(message: str, expected: list[str]) -> None:
    assert d.split_statements(message) == expected


def test_known_differences_modes() -> None:
    text = ("## A\ncase_one @1 value: everywhere\ncase_two[extended-binary] @1 value: binary only\n"
            "## B\ncase_two[ simple , extended-text ] @1 type: elsewhere\ncase_two @2 tx: second cause\n")
    known = k.parse_known_differences(text)
    assert [(e.key, e.category) for e in known] == [
        ("case_one @1 value", "A"), ("case_two[extended-binary] @1 value", "A"),
        ("case_two[simple,extended-text] @1 type", "B"), ("case_two @2 tx", "B")]
    assert [e.reason for e in k.entries_for(known, "case_two", "simple")] == ["elsewhere", "second cause"]
    assert [e.reason for e in k.entries_for(known, "case_two", "extended-binary")] == ["binary only", "second cause"]
    assert k.entries_for(known, "case_three", "simple") == []
    assert k.known_pairs(known) == {("case_one", m) for m in d.MODES} | {("case_two", m) for m in d.MODES}
    for bad in ("case_one[] @1 value: x\n", "case_one[binary] @1 value: x\n",
                "case_one[simple,simple] @1 value: x\n", "case_one @1 value: x\ncase_one[simple] @1 value: y\n"):
        with pytest.raises(d.CorpusError):
            k.parse_known_differences(bad)


def _diff(message: int, kind: str, text: str = "", detail: str | None = None) -> k.Difference:
    return k.Difference(message, kind, text or f"message {message} differs in {kind}", detail)


@pytest.mark.parametrize("entry, diffs, unexpected, gone", [
    # the named difference is there, nothing else: fits
    ('c @2 sqlstate "22007": r', [_diff(2, "sqlstate", "got ERROR 22007 (x)", "22007")], 0, 0),
    # another message differs too: not named
    ("c @2 value: r", [_diff(2, "value"), _diff(3, "value")], 1, 0),
    # another kind at the named message: not named
    ("c @2 value: r", [_diff(2, "value"), _diff(2, "type")], 1, 0),
    # the named difference is gone (the case matches, or differs elsewhere)
    ("c @2 value: r", [], 0, 1),
    ("c @2-3 value: r", [_diff(2, "value")], 0, 1),
    ("c @2 type,value: r", [_diff(2, "value")], 0, 1),
    # the quoted text must still be in the difference
    ('c @2 sqlstate "22007": r', [_diff(2, "sqlstate", "got ERROR 22P02 (x)", "22P02")], 0, 1),
    # a failure of the run is never covered
    ("c @1 value: r", [_diff(1, "value"), _diff(0, "failure")], 1, 0),
    # an entry naming no message covers nothing (it must be written with @...)
    ("c: r", [_diff(1, "value")], 1, 0),
    ("c: r", [], 0, 1),
])
def test_known_difference_check(entry: str, diffs: list, unexpected: int, gone: int,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(k, "LEGACY_WHOLE_CASE", False)
    got_unexpected, got_gone = k.check(k.parse_known_differences(entry), diffs)
    assert (len(got_unexpected), len(got_gone)) == (unexpected, gone), (got_unexpected, got_gone)


_PG = ("ok", [("name", 25), ("owner", 25)], [("a", "x"), ("b", "y"), ("template0", "x")])


@pytest.mark.parametrize("entries,ours,ordered,unexpected,gone", [
    ("", _PG, False, False, 0),
    # rows are a multiset unless the query orders them
    ("", ("ok", _PG[1], list(reversed(_PG[2]))), False, False, 0),
    ("", ("ok", _PG[1], list(reversed(_PG[2]))), True, True, 0),
    ("q-1 order: r", ("ok", _PG[1], list(reversed(_PG[2]))), True, False, 0),
    ("q-1 order: r", _PG, True, False, 1),
    # a value entry covers its column only, and must still differ
    ("q-1 value owner: r", ("ok", _PG[1], [("a", "z"), ("b", "y"), ("template0", "x")]), False, False, 0),
    ("q-1 value owner: r", ("ok", _PG[1], [("c", "z"), ("b", "y"), ("template0", "x")]), False, True, 1),
    ("q-1 value owner: r", _PG, False, False, 1),
    # missing rows must match the entry's regular expression, and some must still be missing
    ('q-1 missing name "template[01]": r', ("ok", _PG[1], _PG[2][:2]), False, False, 0),
    ('q-1 missing name "template[01]": r', ("ok", _PG[1], _PG[2][1:]), False, True, 1),
    ('q-1 missing name "template[01]": r', _PG, False, False, 1),
    ('q-1 extra name "pg_.*": r', ("ok", _PG[1], _PG[2] + [("pg_x", None)]), False, False, 0),
    ("", ("ok", _PG[1], _PG[2] + [("pg_x", None)]), False, True, 0),
    # columns and errors
    ("", ("ok", [("name", 25), ("owner", 26)], _PG[2]), False, True, 0),
    ("q-1 column owner: r", ("ok", [("name", 25), ("owner", 26)], _PG[2]), False, False, 0),
    ('q-1 error "boom": r', ("error", "ERROR: boom"), False, False, 0),
    ('q-1 error "boom": r', _PG, False, False, 1),
    ("", ("error", "ERROR: boom"), False, True, 0),
])
def test_introspection_check(entries: str, ours: tuple, ordered: bool, unexpected: bool, gone: int) -> None:
    got_unexpected, got_gone = k.check_introspection(k.parse_introspection_entries(entries), _PG, ours, ordered)
    assert (bool(got_unexpected), len(got_gone)) == (unexpected, gone), (got_unexpected, got_gone)


@pytest.mark.parametrize("line", ["q-1 value: r", "q-1 missing name: r", "q-1 order name: r", "q-1 wrong x: r",
                                  "q-1 value x:", "q value x: r"])
def test_introspection_entry_errors(line: str) -> None:
    with pytest.raises(k.CorpusError):
        k.parse_introspection_entries(line)


def test_suggested_entries_name_each_difference() -> None:
    spots = k.spots([_diff(2, "sqlstate", "x", "22007"), _diff(3, "sqlstate", "x", "22007"), _diff(3, "tx"),
                     _diff(5, "value"), _diff(0, "failure")])
    binary = spots | {(6, "value", None)}
    lines = k.suggest_lines("c", {"simple": spots, "extended-text": spots, "extended-binary": binary}, "why")
    assert lines == ['c @2 sqlstate "22007" @3 sqlstate,tx "22007" @5 value: why', "c[extended-binary] @6 value: why"]
    known = k.parse_known_differences("\n".join(lines))  # the suggestion parses and fits
    assert k.check(k.entries_for(known, "c", "extended-binary"), [_diff(6, "value"), _diff(5, "value"),
                   _diff(2, "sqlstate", "22007"), _diff(3, "sqlstate", "22007"), _diff(3, "tx")]) == ([], [])
    assert k.suggest_lines("c", {"simple": frozenset()}, "why") == []


def test_compatibility_markdown_counts_per_mode() -> None:
    cases = d.parse_corpus_text("-- case: a\nSELECT 1;\n-- case: b\nSELECT 2;\n", Path("01_x.sql"))
    md = d.known_differences_markdown(cases, "## Cat\na[extended-binary] @1 value: reason | pipe\n")
    assert "2 of 2 through the simple query protocol" in md
    assert "1 of 2 with binary results" in md
    assert "| `01_x` | 2 | 2 | 0 | 2 | 0 | 1 | 1 |" in md
    assert "| `a` | 01_x | extended-binary | `@1 value` | reason \\| pipe |" in md


def test_binary_values_are_shown_as_hex() -> None:
    ref = _run({**_rows(rows=((b"\x00\x00\x00\x01",),)), "formats": [1]})
    got = _run({**_rows(rows=((b"\x00\x00\x00\x02",),)), "formats": [1]})
    assert any("expected x'00000001', got x'00000002'" in x for x in map(str, d.compare_runs(ref, got)))
    text = _run({**_rows(rows=((b"\x00\x00\x00\x01",),)), "formats": [0]})
    assert any("column formats" in x for x in map(str, d.compare_runs(ref, text)))


def _run(*results: dict, tx: str = "I", notices: list[str] | None = None) -> d.CaseRun:
    return d.CaseRun(outcomes=[d.MessageOutcome("SELECT x;", list(results), tx, notices or [])])


def _rows(tag="SELECT 1", columns=(("a", 23, -1),), rows=((b"1",),)) -> dict:
    return {"status": "TUPLES_OK", "tag": tag, "columns": list(columns), "rows": [list(r) for r in rows]}


def test_compare_identical_runs_match() -> None:
    assert d.compare_runs(_run(_rows()), _run(_rows())) == []


@pytest.mark.parametrize("other, needle, kind", [
    (_run(_rows(rows=((b"2",),))), "expected '1', got '2'", "value"),
    (_run(_rows(rows=((None,),))), "expected '1', got NULL", "value"),
    (_run(_rows(columns=(("a", 20, -1),))), "oid=20", "type"),
    (_run(_rows(columns=(("b", 23, -1),))), "name expected 'a', got 'b'", "columns"),
    (_run(_rows(tag="SELECT 2")), "command tag", "tag"),
    (_run(_rows(rows=((b"1",), (b"1",)))), "1 rows expected, got 2", "value"),
    (_run({"status": "FATAL_ERROR", "sqlstate": "22012", "message": "x"}), "ERROR 22012", "sqlstate"),
    (_run({"status": "COMMAND_OK", "tag": "SELECT 1"}), "COMMAND_OK", "status"),
    (_run(_rows(), tx="T"), "transaction status", "tx"),
    (_run(_rows(), notices=["WARNING 25P01"]), "notices", "notice"),
    (_run(_rows(), _rows()), "1 results expected, got 2", "status"),
    (d.CaseRun(outcomes=[], failure="ConnectionError: refused"), "tested server failed", "failure"),
])
def test_compare_detects_each_kind_of_difference(other: d.CaseRun, needle: str, kind: str) -> None:
    diffs = d.compare_runs(_run(_rows()), other)
    assert diffs and any(needle in str(x) and x.kind == kind for x in diffs), diffs
    assert all(x.message == (0 if kind == "failure" else 1) for x in diffs), diffs


def test_compare_error_difference_quotes_the_sqlstate() -> None:
    error = {"status": "FATAL_ERROR", "sqlstate": "22007", "message": "bad date"}
    assert [(x.kind, x.detail) for x in d.compare_runs(_run(_rows()), _run(error))] == [("sqlstate", "22007")]
    assert [(x.kind, x.detail) for x in d.compare_runs(_run(error), _run(_rows()))] == [("sqlstate", "22007")]


def test_compare_typmods() -> None:
    """A typmod the reference reports must match; where it reports none (-1), a specific one is
    accepted (DuckDB's DECIMAL always carries precision and scale)."""
    ref = _run(_rows(columns=(("a", 1043, 7),)))
    assert any("typmod=9" in x for x in map(str, d.compare_runs(ref, _run(_rows(columns=(("a", 1043, 9),))))))
    assert any("typmod=-1" in x for x in map(str, d.compare_runs(ref, _run(_rows(columns=(("a", 1043, -1),))))))
    untyped = _run(_rows(columns=(("a", 1700, -1),)))
    assert d.compare_runs(untyped, _run(_rows(columns=(("a", 1700, 1179655),)))) == []
    assert any("oid=1043" in x for x in map(str, d.compare_runs(untyped, _run(_rows(columns=(("a", 1043, 7),))))))


def test_compare_errors_by_sqlstate_not_message() -> None:
    a = _run({"status": "FATAL_ERROR", "sqlstate": "42P01", "message": "relation \"t\" does not exist"})
    b = _run({"status": "FATAL_ERROR", "sqlstate": "42P01", "message": "Catalog Error: Table t does not exist"})
    c = _run({"status": "FATAL_ERROR", "sqlstate": "XX000", "message": "relation \"t\" does not exist"})
    assert d.compare_runs(a, b) == []
    assert d.compare_runs(a, c)


def test_yaml_writer() -> None:
    text = harness.to_yaml({
        "auth_method": "md5",
        "allow_plaintext_passwords": True,
        "users": [{"name": "alice", "password": 'se"cret\\'}, {"name": "bob", "password": "x"}],
        "tls": {"mode": "off"},
        "max_message_size": 1024,
    })
    assert text == ('auth_method: "md5"\n'
                    'allow_plaintext_passwords: true\n'
                    'users:\n'
                    '  - name: "alice"\n'
                    '    password: "se\\"cret\\\\"\n'
                    '  - name: "bob"\n'
                    '    password: "x"\n'
                    'tls:\n'
                    '  mode: "off"\n'
                    'max_message_size: 1024\n')


def test_scram_verifier_roundtrip() -> None:
    v = harness.scram_verifier("secret", salt=b"0123456789abcdef", iterations=4096)
    assert v.startswith("SCRAM-SHA-256$4096:MDEyMzQ1Njc4OWFiY2RlZg==$")
    assert harness.check_scram_verifier(v, "secret")
    assert not harness.check_scram_verifier(v, "Secret")
    assert not harness.check_scram_verifier("garbage", "secret")
    assert harness.md5_verifier("secret", "alice") == "md5" + __import__("hashlib").md5(b"secretalice").hexdigest()


def test_dev_mode_is_opt_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(harness.DEV_MODE_ENV, raising=False)
    assert not harness.dev_mode()
    monkeypatch.setenv(harness.DEV_MODE_ENV, "0")
    assert not harness.dev_mode()
    monkeypatch.setenv(harness.DEV_MODE_ENV, "1")
    assert harness.dev_mode()


def test_missing_binary_is_an_error_not_a_skip(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DUCKGRES_BIN", str(tmp_path / "no-such-duckgres"))
    with pytest.raises(harness.HarnessError):
        harness.duckgres_binary()
