"""Differential testing: the same SQL on two servers, compared, through three protocol modes.

Corpus format (tests/integration/corpus/*.sql; see corpus/README.md):

    -- case: some_name
    CREATE TABLE t_some_name (a int);
    INSERT INTO t_some_name VALUES (1), (2);
    SELECT a FROM t_some_name ORDER BY a;
    -- cleanup
    DROP TABLE IF EXISTS t_some_name;

A query message ends at a ';' that is the last thing on its line (outside quotes and comments), so
`SELECT 1; SELECT 2;` on one line is ONE simple-protocol Query message with two statements.
After a `-- raw` line, each non-blank line up to `-- cleanup` is sent verbatim as one message
(for text the splitter cannot take, such as an unterminated quote).
Every query message of a case is compared (results, errors, transaction status afterwards); the
cleanup statements run afterwards on both servers whatever happened, and are not compared.

Modes (MODES):
- `simple`: each message is one Query message.
- `extended-text` / `extended-binary`: each statement is Parse (unnamed, no parameter types) /
  Bind (no parameters, every result column in text / binary format) / Describe portal / Execute
  (no row limit) / Sync, as libpq's PQsendQueryParams sends it. A message with several statements
  (`SELECT 1; SELECT 2;` on one line) cannot go through one Parse: its statements are split at
  every ';' and sent as ONE pipeline, Parse/Bind/Describe/Execute per statement and a single Sync
  at the end, the extended-protocol counterpart of a multi-statement Query (one implicit
  transaction; after an error the server skips the rest up to the Sync, which libpq reports as
  PIPELINE_ABORTED results). `-- raw` lines are sent unsplit, one Parse each. In binary mode the
  raw bytes of every value are compared.
"""

from __future__ import annotations

import os
import re
import select
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from psycopg import pq

import known_differences
from known_differences import FAILURE, MODES, CorpusError, Difference, Entry, known_pairs, parse_known_differences

HERE = Path(__file__).resolve().parent
CORPUS_DIR = HERE / "corpus"
KNOWN_DIFFERENCES_FILE = CORPUS_DIR / "known_differences.txt"
QUERY_TIMEOUT = 60.0

#: Outcome of every case run in this pytest session: (name, mode) -> {"match", "known", ...}.
RESULTS: dict[tuple[str, str], dict[str, Any]] = {}
#: Optional file receiving the details of every differing case (set DUCKGRES_DIFF_REPORT=path).
REPORT_PATH = os.environ.get("DUCKGRES_DIFF_REPORT") or None

_CASE_RE = re.compile(r"^--\s*case:\s*(\S+)\s*$")
_CLEANUP_RE = re.compile(r"^--\s*cleanup\s*:?\s*$")
_RAW_RE = re.compile(r"^--\s*raw\s*:?\s*$")
_NAME_RE = re.compile(r"^[a-z0-9_]+$")

@dataclass
class Case:
    name: str
    topic: str
    path: Path
    line: int
    statements: list[str] = field(default_factory=list)
    cleanup: list[str] = field(default_factory=list)

    @property
    def location(self) -> str:
        return f"{self.path.name}:{self.line}"


# ------------------------------------------------------------------------------------------------
# Parsing

def _top_level_semicolons(text: str):
    """Yields the index of every ';' outside quotes ('', E'', "", $tag$..$tag$) and comments
    (--, /* */)."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "-" and text.startswith("--", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if c == "/" and text.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
            continue
        if c == "'":
            escape = i > 0 and text[i - 1] in "eE" and (i < 2 or not (text[i - 2].isalnum() or text[i - 2] == "_"))
            i += 1
            while i < n:
                if escape and text[i] == "\\":
                    i += 2
                    continue
                if text[i] == "'":
                    if i + 1 < n and text[i + 1] == "'":
                        i += 2
                        continue
                    break
                i += 1
            i += 1
            continue
        if c == '"':
            j = i + 1
            while j < n:
                if text[j] == '"':
                    if j + 1 < n and text[j + 1] == '"':
                        j += 2
                        continue
                    break
                j += 1
            i = j + 1
            continue
        if c == "$":
            m = re.match(r"\$([A-Za-z_][A-Za-z0-9_]*)?\$", text[i:])
            if m and not (i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")):
                tag = m.group(0)
                j = text.find(tag, i + len(tag))
                i = n if j < 0 else j + len(tag)
                continue
        if c == ";":
            yield i
        i += 1


def split_messages(text: str) -> list[str]:
    """Splits SQL text into query messages: each ends at a ';' followed only by blanks up to the end
    of its line. Quotes ('', E'', "", $tag$..$tag$) and comments (--, /* */) are respected. Text
    after the last such ';' that is not blank or comment is an error (a missing ';')."""
    out: list[str] = []
    start, n = 0, len(text)
    for i in _top_level_semicolons(text):
        if i < start:
            continue
        j = i + 1
        while j < n and text[j] in " \t\r":
            j += 1
        if j >= n or text[j] == "\n" or text.startswith("--", j):
            out.append(text[start:i + 1].strip())
            if text.startswith("--", j):  # a trailing comment belongs to this line, not the next message
                k = text.find("\n", j)
                j = n if k < 0 else k
            start = j
    rest = _strip_comments(text[start:]).strip()
    if rest:
        raise CorpusError(f"SQL without a terminating ';' at end of line: {rest[:80]!r}")
    return out


def split_statements(message: str) -> list[str]:
    """The statements of one query message, for the extended protocol (one Parse per statement):
    split at every ';' outside quotes and comments, each keeping its ';'. Pieces that are only
    blanks or comments are dropped, except that a message with no statement at all (an empty query
    such as ';') stays as it is."""
    out: list[str] = []
    start = 0
    for i in _top_level_semicolons(message):
        out.append(message[start:i + 1].strip())
        start = i + 1
    out.append(message[start:].strip())
    out = [piece for piece in out if _strip_comments(piece).strip().strip(";").strip()]
    return out or [message]


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.strip().startswith("--"))


def parse_corpus_text(text: str, path: Path) -> list[Case]:
    cases: list[Case] = []
    cur: Case | None = None
    body: list[str] = []
    raw_body: list[str] = []
    cleanup: list[str] = []
    in_cleanup = False
    in_raw = False

    def finish() -> None:
        if cur is None:
            return
        try:
            cur.statements = split_messages("\n".join(body)) + raw_body
            cur.cleanup = split_messages("\n".join(cleanup))
        except CorpusError as e:
            raise CorpusError(f"{path.name}:{cur.line}: case {cur.name}: {e}") from None
        if not cur.statements:
            raise CorpusError(f"{path.name}:{cur.line}: case {cur.name} has no statements")
        cases.append(cur)

    for lineno, line in enumerate(text.splitlines(), 1):
        m = _CASE_RE.match(line.strip())
        if m:
            finish()
            name = m.group(1)
            if not _NAME_RE.match(name):
                raise CorpusError(f"{path.name}:{lineno}: bad case name {name!r} (use [a-z0-9_])")
            cur = Case(name=name, topic=path.stem, path=path, line=lineno)
            body, raw_body, cleanup, in_cleanup, in_raw = [], [], [], False, False
            continue
        if cur is None:
            if line.strip() and not line.strip().startswith("--"):
                raise CorpusError(f"{path.name}:{lineno}: SQL before the first '-- case:' line")
            continue
        if _CLEANUP_RE.match(line.strip()):
            if in_cleanup:
                raise CorpusError(f"{path.name}:{lineno}: second '-- cleanup' in case {cur.name}")
            in_cleanup = True
            continue
        if _RAW_RE.match(line.strip()) and not in_cleanup:
            in_raw = True
            continue
        if in_raw and not in_cleanup:
            if line.strip():
                raw_body.append(line.strip())
            continue
        (cleanup if in_cleanup else body).append(line)
    finish()
    return cases


def load_corpus(directory: Path = CORPUS_DIR) -> list[Case]:
    cases: list[Case] = []
    seen: dict[str, Case] = {}
    for path in sorted(directory.glob("*.sql")):
        for case in parse_corpus_text(path.read_text(encoding="utf-8"), path):
            if case.name in seen:
                raise CorpusError(f"duplicate case name {case.name}: {case.location} and {seen[case.name].location}")
            seen[case.name] = case
            cases.append(case)
    return cases


def load_known_differences(path: Path = KNOWN_DIFFERENCES_FILE) -> list[Entry]:
    if not path.exists():
        return []
    return parse_known_differences(path.read_text(encoding="utf-8"))


# ------------------------------------------------------------------------------------------------
# docs/compatibility.md: the differential summary and the known differences, generated from the
# corpus and known_differences.txt (test_differential.py checks that the document is current;
# `/usr/bin/python3 differential.py` rewrites the generated part).

COMPATIBILITY_DOC = HERE.parents[1] / "docs" / "compatibility.md"
DOC_BEGIN = "<!-- generated from tests/integration/corpus/known_differences.txt: begin -->"
DOC_END = "<!-- generated from tests/integration/corpus/known_differences.txt: end -->"


def _markdown_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("<", "&lt;")


def known_differences_markdown(cases: list[Case], text: str) -> str:
    """The generated part of docs/compatibility.md."""
    known = parse_known_differences(text)
    pairs = known_pairs(known)
    topic = {c.name: c.topic for c in cases}
    total = len(cases)
    differ_total = {mode: sum(1 for c in cases if (c.name, mode) in pairs) for mode in MODES}
    lines = [
        f"**Cases matching PostgreSQL 15: {total - differ_total['simple']} of {total} through the simple "
        f"query protocol, {total - differ_total['extended-text']} of {total} through the extended protocol "
        f"with text results, {total - differ_total['extended-binary']} of {total} with binary results; "
        f"{len(known)} known-difference entries listed below.**",
        "",
        "Every case also runs through the extended protocol (`extended-text`, `extended-binary`): each "
        "statement as Parse (unnamed, no parameter types) / Bind (no parameters, text or binary results) / "
        "Describe portal / Execute / Sync, a line with several statements as one pipeline of them with a "
        "single Sync, and in binary mode the raw bytes of every value compared. \"known\" counts the cases "
        "listed as differing in a mode; in the lists below, modes \"all\" means the case differs in every mode, "
        "and \"where\" names the query messages of the case (1-based) that differ and what differs there "
        "(every other message is compared as usual).",
        "",
        "| topic | cases | " + " | ".join(f"{m} match | {m} known" for m in MODES) + " |",
        "| --- | ---: | " + " | ".join("---: | ---:" for _ in MODES) + " |",
    ]
    topics: dict[str, list[Case]] = {}
    for c in cases:
        topics.setdefault(c.topic, []).append(c)
    for name, members in topics.items():
        cells = []
        for mode in MODES:
            differ = sum(1 for c in members if (c.name, mode) in pairs)
            cells += [str(len(members) - differ), str(differ)]
        lines.append(f"| `{name}` | {len(members)} | " + " | ".join(cells) + " |")
    lines.append(f"| total | {total} | "
                 + " | ".join(f"{total - differ_total[m]} | {differ_total[m]}" for m in MODES) + " |")
    categories: dict[str, list[Entry]] = {}
    for entry in known:
        categories.setdefault(entry.category, []).append(entry)
    for category, entries in categories.items():
        lines += ["", f"### {_markdown_text(category)} ({len(entries)})", "",
                  "| case | topic | modes | where | reason |", "| --- | --- | --- | --- | --- |"]
        for entry in entries:
            shown = "all" if entry.modes == MODES else ", ".join(entry.modes)
            where = " ".join(f"`{w}`" for w in entry.where) or "(not named)"
            lines.append(f"| `{entry.name}` | {topic.get(entry.name, '?')} | {shown} | {_markdown_text(where)} | "
                         f"{_markdown_text(entry.reason)} |")
    return "\n".join(lines)


def generated_doc_part(doc: str) -> str | None:
    start, end = doc.find(DOC_BEGIN), doc.find(DOC_END)
    if start < 0 or end < start:
        return None
    return doc[start + len(DOC_BEGIN):end].strip("\n")


def update_compatibility_doc(path: Path = COMPATIBILITY_DOC) -> bool:
    """Rewrites the generated part of docs/compatibility.md; True when it changed."""
    doc = path.read_text(encoding="utf-8")
    if generated_doc_part(doc) is None:
        raise CorpusError(f"{path}: markers {DOC_BEGIN!r} ... {DOC_END!r} not found")
    start, end = doc.find(DOC_BEGIN) + len(DOC_BEGIN), doc.find(DOC_END)
    body = known_differences_markdown(load_corpus(), KNOWN_DIFFERENCES_FILE.read_text(encoding="utf-8"))
    new = doc[:start] + "\n" + body + "\n" + doc[end:]
    if new != doc:
        path.write_text(new, encoding="utf-8")
    return new != doc


# ------------------------------------------------------------------------------------------------
# Running

class QueryTimeout(Exception):
    pass


def connect(conninfo: str) -> pq.PGconn:
    """A raw libpq connection (no psycopg session setup queries)."""
    conn = pq.PGconn.connect(conninfo.encode())
    if conn.status != pq.ConnStatus.OK:
        msg = conn.error_message.decode("utf-8", "replace").strip()
        conn.finish()
        raise ConnectionError(msg)
    return conn


def _capture(res: pq.PGresult) -> dict[str, Any]:
    status = pq.ExecStatus(res.status)
    out: dict[str, Any] = {"status": status.name}
    if status in (pq.ExecStatus.FATAL_ERROR, pq.ExecStatus.NONFATAL_ERROR):
        sqlstate = res.error_field(pq.DiagnosticField.SQLSTATE)
        message = res.error_field(pq.DiagnosticField.MESSAGE_PRIMARY)
        out["sqlstate"] = sqlstate.decode() if sqlstate else None
        out["message"] = message.decode("utf-8", "replace") if message else res.error_message.decode("utf-8", "replace")
        return out
    tag = res.command_status
    out["tag"] = tag.decode("utf-8", "replace") if tag is not None else None
    if status in (pq.ExecStatus.TUPLES_OK, pq.ExecStatus.SINGLE_TUPLE):
        out["columns"] = [(res.fname(i).decode("utf-8", "replace") if res.fname(i) is not None else None,
                           res.ftype(i), res.fmod(i)) for i in range(res.nfields)]
        out["formats"] = [res.fformat(i) for i in range(res.nfields)]  # 0 text, 1 binary
        out["rows"] = [[res.get_value(r, c) for c in range(res.nfields)] for r in range(res.ntuples)]
    return out


def _wait_result(conn: pq.PGconn, deadline: float, sql: str, timeout: float) -> pq.PGresult | None:
    while conn.is_busy():
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise QueryTimeout(f"no answer within {timeout}s to {sql[:100]!r}")
        ready, _, _ = select.select([conn.socket], [], [], remaining)
        if ready:
            conn.consume_input()
    return conn.get_result()


def _flush(conn: pq.PGconn, deadline: float, sql: str, timeout: float) -> None:
    while conn.flush() == 1:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise QueryTimeout(f"could not send {sql[:100]!r} within {timeout}s")
        select.select([conn.socket], [conn.socket], [], remaining)
        conn.consume_input()


def exec_message(conn: pq.PGconn, sql: str, timeout: float = QUERY_TIMEOUT, mode: str = "simple") -> list[dict[str, Any]]:
    """Sends one query message in a mode (see MODES) and collects every result until the server is
    ready for the next query."""
    if mode == "simple":
        conn.send_query(sql.encode())
        return _collect(conn, sql, timeout)
    fmt = {"extended-text": 0, "extended-binary": 1}[mode]
    statements = split_statements(sql)
    if len(statements) == 1:  # Parse/Bind/Describe portal/Execute/Sync
        conn.send_query_params(sql.encode(), [], result_format=fmt)
        return _collect(conn, sql, timeout)
    return _exec_pipeline(conn, sql, statements, fmt, timeout)


def _exec_pipeline(conn: pq.PGconn, sql: str, statements: list[str], fmt: int,
                   timeout: float) -> list[dict[str, Any]]:
    """Several statements as one pipeline: Parse/Bind/Describe portal/Execute each, one Sync. On an
    exception the connection is left in pipeline mode; run_case's cleanup replaces it."""
    deadline = time.monotonic() + timeout
    conn.enter_pipeline_mode()
    for stmt in statements:
        conn.send_query_params(stmt.encode(), [], result_format=fmt)
    conn.pipeline_sync()
    _flush(conn, deadline, sql, timeout)
    results: list[dict[str, Any]] = []
    nulls = 0
    while True:
        res = _wait_result(conn, deadline, sql, timeout)
        if res is None:  # end of one statement's results
            nulls += 1
            if conn.status != pq.ConnStatus.OK or nulls > len(statements) + 1:
                raise ConnectionError("the pipeline ended without its Sync point: "
                                      + conn.error_message.decode("utf-8", "replace").strip())
            continue
        if res.status == pq.ExecStatus.PIPELINE_SYNC:
            break
        results.append(_capture(res))
        if conn.status != pq.ConnStatus.OK:
            return results
    conn.exit_pipeline_mode()
    return results


def _collect(conn: pq.PGconn, sql: str, timeout: float) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = []
    deadline = time.monotonic() + timeout
    while True:
        res = _wait_result(conn, deadline, sql, timeout)
        if res is None:
            break
        status = pq.ExecStatus(res.status)
        if status == pq.ExecStatus.COPY_IN:
            conn.put_copy_end(b"COPY FROM STDIN is not supported by the differential runner")
        elif status == pq.ExecStatus.COPY_OUT:
            while True:
                nbytes, _ = conn.get_copy_data(0)
                if nbytes < 0:
                    break
        results.append(_capture(res))
    return results


_TX = {pq.TransactionStatus.IDLE: "I", pq.TransactionStatus.INTRANS: "T", pq.TransactionStatus.INERROR: "E",
       pq.TransactionStatus.ACTIVE: "active", pq.TransactionStatus.UNKNOWN: "unknown"}


@dataclass
class MessageOutcome:
    sql: str
    results: list[dict[str, Any]]
    tx: str
    notices: list[str] = field(default_factory=list)  # "SEVERITY SQLSTATE" of NoticeResponses


@dataclass
class CaseRun:
    outcomes: list[MessageOutcome]
    failure: str | None = None        # connection failure, timeout, lost connection
    cleanup_errors: list[str] = field(default_factory=list)


def run_case(conninfo: str, case: Case, timeout: float = QUERY_TIMEOUT, mode: str = "simple") -> CaseRun:
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    run = CaseRun(outcomes=[])
    conn: pq.PGconn | None = None
    notices: list[str] = []

    def on_notice(res: pq.PGresult) -> None:
        sev = res.error_field(pq.DiagnosticField.SEVERITY_NONLOCALIZED) or res.error_field(pq.DiagnosticField.SEVERITY)
        code = res.error_field(pq.DiagnosticField.SQLSTATE)
        notices.append(f"{(sev or b'?').decode()} {(code or b'?').decode()}")

    try:
        conn = connect(conninfo)
        conn.notice_handler = on_notice
        for sql in case.statements:
            notices.clear()
            results = exec_message(conn, sql, timeout, mode)
            if conn.status != pq.ConnStatus.OK:
                run.outcomes.append(MessageOutcome(sql, results, "lost", list(notices)))
                run.failure = "connection lost: " + conn.error_message.decode("utf-8", "replace").strip()
                break
            run.outcomes.append(MessageOutcome(sql, results, _TX.get(conn.transaction_status, "?"), list(notices)))
    except Exception as e:  # noqa: BLE001 - connection failure, timeout...: reported as a difference
        run.failure = f"{type(e).__name__}: {e}"
    finally:
        run.cleanup_errors = _cleanup(conninfo, conn, case, timeout)
    return run


def _cleanup(conninfo: str, conn: pq.PGconn | None, case: Case, timeout: float) -> list[str]:
    errors: list[str] = []
    try:
        if conn is None or conn.status != pq.ConnStatus.OK or conn.transaction_status not in (
                pq.TransactionStatus.IDLE, pq.TransactionStatus.INTRANS, pq.TransactionStatus.INERROR):
            if conn is not None:
                conn.finish()
            conn = connect(conninfo) if case.cleanup else None
        elif conn.transaction_status != pq.TransactionStatus.IDLE:
            exec_message(conn, "ROLLBACK", timeout)
        for sql in case.cleanup:
            for r in exec_message(conn, sql, timeout):  # type: ignore[arg-type]
                if "sqlstate" in r:
                    errors.append(f"{sql}: {r['sqlstate']} {r.get('message')}")
    except Exception as e:  # noqa: BLE001
        errors.append(f"cleanup failed: {type(e).__name__}: {e}")
    finally:
        if conn is not None:
            conn.finish()
    return errors


# ------------------------------------------------------------------------------------------------
# Comparing

def _show_value(v: bytes | None, fmt: int = 0) -> str:
    if v is None:
        return "NULL"
    if fmt == 1:  # binary format: the raw bytes
        return "x'" + v.hex() + "'"
    s = v.decode("utf-8", "backslashreplace")
    return repr(s)


def _formats(r: dict[str, Any]) -> list[int]:
    return r.get("formats") or [0] * len(r.get("columns") or [])


def _comparable(r: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in r.items() if k != "message"}


def compare_runs(ref: CaseRun, got: CaseRun) -> list[Difference]:
    """Differences between the reference run and the tested run, each with its query message
    (1-based; 0 for the whole run), its kind (known_differences.KINDS) and a human-readable line."""
    diffs: list[Difference] = []
    if ref.failure:
        diffs.append(Difference(0, FAILURE, f"REFERENCE PostgreSQL failed (the case itself is broken): {ref.failure}"))
    if got.failure:
        diffs.append(Difference(0, FAILURE, f"tested server failed: {got.failure}"))
    for idx, (a, b) in enumerate(zip(ref.outcomes, got.outcomes), 1):
        where = f"message {idx} {a.sql[:70]!r}"
        if len(a.results) != len(b.results):
            diffs.append(Difference(idx, "status", f"{where}: {len(a.results)} results expected, got "
                                    f"{len(b.results)}: {summarize(a.results)} vs {summarize(b.results)}"))
        for ridx, (ra, rb) in enumerate(zip(a.results, b.results), 1):
            diffs.extend(Difference(idx, kind, text, detail)
                         for kind, text, detail in _compare_result(f"{where} result {ridx}", ra, rb))
        if a.tx != b.tx:
            diffs.append(Difference(idx, "tx", f"{where}: transaction status afterwards expected {a.tx}, got {b.tx}"))
        if a.notices != b.notices:
            diffs.append(Difference(idx, "notice", f"{where}: notices (severity, SQLSTATE) expected {a.notices}, "
                                    f"got {b.notices}"))
    if len(ref.outcomes) != len(got.outcomes) and not (ref.failure or got.failure):
        diffs.append(Difference(0, FAILURE, f"{len(ref.outcomes)} query messages ran on the reference, "
                                f"{len(got.outcomes)} on the tested server"))
    return diffs


def _relax_typmods(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Where PostgreSQL reports no type modifier (-1, an unconstrained numeric literal, say), a
    more specific one from the tested server is accepted: DuckDB's DECIMAL always carries its
    precision and scale. Where PostgreSQL does report one, it must match."""
    ca, cb = a.get("columns"), b.get("columns")
    if not ca or not cb or len(ca) != len(cb):
        return b
    relaxed = [tuple(y[:2]) + (-1,) + tuple(y[3:]) if x[2] == -1 else y for x, y in zip(ca, cb)]
    return {**b, "columns": [type(y)(r) for y, r in zip(cb, relaxed)]}


def _compare_result(where: str, a: dict[str, Any], b: dict[str, Any]) -> list[tuple[str, str, str | None]]:
    """(kind, line, detail) for each difference between two results of one message."""
    b = _relax_typmods(a, b)
    if _comparable(a) == _comparable(b):
        return []
    if "sqlstate" in a or "sqlstate" in b:  # an error on either side: the SQLSTATE tells it all
        code = b.get("sqlstate") or a.get("sqlstate")
        if a["status"] != b["status"]:
            return [("sqlstate", f"{where}: expected {describe(a)}; got {describe(b)}", code)]
        return [("sqlstate", f"{where}: expected SQLSTATE {a['sqlstate']} ({a.get('message')}), "
                 f"got {b.get('sqlstate')} ({b.get('message')})", code)]
    if a["status"] != b["status"]:
        return [("status", f"{where}: expected {describe(a)}; got {describe(b)}", None)]
    out: list[tuple[str, str, str | None]] = []
    if a.get("tag") != b.get("tag"):
        out.append(("tag", f"{where}: command tag expected {a.get('tag')!r}, got {b.get('tag')!r}", None))
    ca, cb = a.get("columns"), b.get("columns")
    if ca != cb:
        if ca is None or cb is None or len(ca) != len(cb):
            out.append(("columns", f"{where}: columns expected {ca}, got {cb}", None))
        else:
            for i, (x, y) in enumerate(zip(ca, cb)):
                if x[0] != y[0]:
                    out.append(("columns", f"{where}: column {i + 1} name expected {x[0]!r}, got {y[0]!r}", None))
                if x[1:] != y[1:]:
                    out.append(("type", f"{where}: column {i + 1} {x[0]!r} expected (oid={x[1]}, typmod={x[2]}), "
                                f"got (oid={y[1]}, typmod={y[2]})", None))
    fa, fb = _formats(a), _formats(b)
    if a.get("formats") != b.get("formats"):
        out.append(("format", f"{where}: column formats (0 text, 1 binary) expected {fa}, got {fb}", None))
    ra, rb = a.get("rows"), b.get("rows")
    if ra != rb:
        ra, rb = ra or [], rb or []
        if len(ra) != len(rb):
            out.append(("value", f"{where}: {len(ra)} rows expected, got {len(rb)}", None))
        shown = 0
        for i, (x, y) in enumerate(zip(ra, rb)):
            if x != y:
                cells = [f"col {c + 1}: expected {_show_value(p, fa[c] if c < len(fa) else 0)}, "
                         f"got {_show_value(q, fb[c] if c < len(fb) else 0)}"
                         for c, (p, q) in enumerate(zip(x, y)) if p != q]
                if len(x) != len(y):
                    cells.append(f"{len(x)} values expected, got {len(y)}")
                out.append(("value", f"{where}: row {i + 1}: " + "; ".join(cells), None))
                shown += 1
                if shown >= 10:
                    out.append(("value", f"{where}: ... more rows differ", None))
                    break
    return out


def describe(r: dict[str, Any]) -> str:
    if "sqlstate" in r:
        return f"ERROR {r['sqlstate']} ({r.get('message')})"
    if r.get("columns") is not None:
        return f"{r['status']} {r.get('tag')!r} with {len(r['rows'])} rows"
    return f"{r['status']} {r.get('tag')!r}"


def summarize(results: list[dict[str, Any]]) -> str:
    return "[" + ", ".join(describe(r) for r in results) + "]"


def render_run(run: CaseRun) -> str:
    lines: list[str] = []
    for o in run.outcomes:
        lines.append(f"  > {o.sql}")
        for r in o.results:
            lines.append(f"    {describe(r)}")
            if r.get("columns") is not None:
                lines.append("      columns: " + ", ".join(f"{n}:{oid}({mod})" for n, oid, mod in r["columns"]))
                fmts = _formats(r)
                for row in r["rows"][:20]:
                    lines.append("      | " + " | ".join(_show_value(v, fmts[c] if c < len(fmts) else 0)
                                                         for c, v in enumerate(row)))
                if len(r["rows"]) > 20:
                    lines.append(f"      ... {len(r['rows']) - 20} more rows")
        if o.notices:
            lines.append(f"    notices: {', '.join(o.notices)}")
        lines.append(f"    transaction status: {o.tx}")
    if run.failure:
        lines.append(f"  FAILURE: {run.failure}")
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------------
# Corpus hygiene: objects a case creates must be unique to it and dropped by its cleanup.

_CREATE_RE = re.compile(
    r"\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:(TEMP|TEMPORARY)\s+)?(?:UNIQUE\s+)?"
    r"(TABLE|VIEW|SEQUENCE|SCHEMA|INDEX|MACRO|TYPE|FUNCTION)\s+(?:IF\s+NOT\s+EXISTS\s+)?([A-Za-z_][A-Za-z0-9_.]*)",
    re.IGNORECASE)


def created_objects(case: Case) -> list[tuple[str, str, bool]]:
    """(kind, name, temporary) for each CREATE in the case body."""
    out = []
    for sql in case.statements:
        for m in _CREATE_RE.finditer(_strip_comments(sql)):
            out.append((m.group(2).upper(), m.group(3).lower(), bool(m.group(1))))
    return out


def hygiene_problems(cases: list[Case]) -> list[str]:
    problems: list[str] = []
    owner: dict[str, str] = {}
    for case in cases:
        cleanup_text = " ".join(case.cleanup).lower()
        for kind, name, temp in created_objects(case):
            if kind == "INDEX":
                continue  # dropped with its table
            prev = owner.get(name)
            if prev is not None and prev != case.name:
                problems.append(f"{case.location}: {case.name} creates {name}, also created by {prev}")
            owner[name] = case.name
            if temp:
                continue  # vanishes with the session
            dropped = re.search(r"\bdrop\s+" + kind.lower() + r"\b[^;]*\b" + re.escape(name) + r"\b", cleanup_text)
            if not dropped and "." in name:  # schema.object: dropping the schema (CASCADE) is enough
                schema = name.split(".", 1)[0]
                dropped = re.search(r"\bdrop\s+schema\b[^;]*\b" + re.escape(schema) + r"\b[^;]*\bcascade\b",
                                    cleanup_text)
            if not dropped:
                problems.append(f"{case.location}: {case.name} creates {kind} {name} but its cleanup "
                                f"does not DROP {kind} it")
    return problems


# ------------------------------------------------------------------------------------------------
# Recording and reporting

def record(case: Case, mode: str, ref: CaseRun, got: CaseRun, diffs: list[Difference],
           entries: list[Entry]) -> dict[str, Any]:
    """Keeps the outcome of a (case, mode) for the summary and the report, and returns it:
    unexpected (differences no entry names) and gone (named differences no longer there)."""
    unexpected, gone = known_differences.check(entries, diffs)
    r = RESULTS[case.name, mode] = {
        "case": case, "mode": mode, "match": not diffs, "entries": entries, "unexpected": unexpected,
        "gone": gone, "diffs": diffs, "ref": ref, "got": got, "cleanup_errors": got.cleanup_errors,
    }
    return r


def summary_lines(check_stale: bool = True) -> list[str]:
    """The differential part of the pytest summary: counts per mode, unexpected and stale entries."""
    lines: list[str] = []
    for mode in MODES:
        results = {name: r for (name, m), r in RESULTS.items() if m == mode}
        if not results:
            continue
        match = sum(1 for r in results.values() if r["match"])
        known = sum(1 for r in results.values() if r["entries"] and not r["unexpected"] and not r["gone"])
        lines.append(f"differential [{mode}]: {len(results)} cases, {match} match, {known} differ only where "
                     "known_differences.txt says")
        unexpected = sorted(name for name, r in results.items() if r["unexpected"])
        if unexpected:
            lines.append(f"differential [{mode}]: {len(unexpected)} with differences no entry names: "
                         f"{', '.join(unexpected)}")
        stale = sorted(name for name, r in results.items() if r["gone"])
        if stale and check_stale:
            lines.append(f"differential [{mode}]: {len(stale)} with a known difference that is gone (fix or remove "
                         f"the entry): {', '.join(stale)}")
    cleanup = sorted({f"{name}[{mode}]" for (name, mode), r in RESULTS.items() if r.get("cleanup_errors")})
    if cleanup:
        lines.append(f"differential: cleanup errors on the tested server in: {', '.join(cleanup)}")
    return lines


def suggested_entries(name: str) -> list[str]:
    """known_differences.txt lines naming every difference of a case in the modes that ran, with
    the reasons of its current entries (or the first difference, to be replaced by the reason)."""
    runs = [r for (n, _), r in RESULTS.items() if n == name]
    reasons = list(dict.fromkeys(e.reason for r in runs for e in r["entries"]))
    first = next((str(d) for r in runs for d in r["diffs"] if d.message), "")
    reason = " + ".join(reasons) or "REASON? " + first.replace("\n", " ")[:200]
    per_mode = {r["mode"]: known_differences.spots(r["diffs"]) for r in runs}
    return known_differences.suggest_lines(name, per_mode, reason)


def write_report(path: str | os.PathLike[str]) -> None:
    """Writes every differing (case, mode) with both servers' answers, and known_differences.txt
    lines for every case whose entries do not fit (replace all of its lines with them)."""
    lines: list[str] = []
    misfits: list[str] = []
    for (name, mode), r in RESULTS.items():
        if r["match"] and not r["cleanup_errors"] and not r["entries"]:
            continue
        case: Case = r["case"]
        fits = not r["unexpected"] and not r["gone"]
        state = "matches" if r["match"] and not r["entries"] else (
            "differs where its entry says" if fits and r["entries"] else "DOES NOT FIT known_differences.txt")
        lines.append("=" * 100)
        lines.append(f"{name} [{mode}]  ({case.location})  {state}")
        for e in r["entries"]:
            lines.append(f"  entry: {e.key}: {e.reason}")
        for d in r["diffs"]:
            mark = " (UNEXPECTED)" if d in r["unexpected"] else ""
            lines.append(f"  - [{d.kind}{mark}] {d}")
        for g in r["gone"]:
            lines.append(f"  - GONE: {g}")
        for e in r["cleanup_errors"]:
            lines.append(f"  cleanup error on tested server: {e}")
        lines.append("reference PostgreSQL:")
        lines.append(render_run(r["ref"]))
        lines.append("tested server:")
        lines.append(render_run(r["got"]))
        if not fits and name not in misfits:
            misfits.append(name)
    if misfits:
        lines.append("=" * 100)
        lines.append("# suggested known_differences.txt lines: replace every line of these cases (check each reason)")
        for name in misfits:
            lines.extend(suggested_entries(name))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    changed = update_compatibility_doc()
    print(f"{COMPATIBILITY_DOC}: {'updated' if changed else 'already current'}")
