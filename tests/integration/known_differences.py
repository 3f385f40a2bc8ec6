"""Known differences of the differential corpus: the entry format of corpus/known_differences.txt,
and the check that an entry still names exactly where its case differs from PostgreSQL.

One entry per line, the case, optionally its modes, then WHERE it differs, then the reason:

    case_name @3 sqlstate "22007": reason
    case_name[extended-binary] @2,4-5 type,value: reason

`@N` is a 1-based query-message number of the case (`@2,4-5`: messages 2, 4 and 5); the kinds
after it (KINDS) say what differs at those messages; an optional "quoted text" must occur in one
of those differences as the runner prints them (an SQLSTATE, a value, a type OID...). Several
`@...` groups may follow one another. Every other message of the case is compared as usual: a
difference the entry does not name fails the test, and so does a named difference that is gone
(the entry is stale). Each (case, mode, message, kind) may be named by one entry only, so that
entries merge line by line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The protocol modes every case runs in (see differential.py).
MODES = ("simple", "extended-text", "extended-binary")

#: What can differ at a query message, in the order entries list them.
KINDS = {
    "sqlstate": "an error on one side only, or another SQLSTATE",
    "status": "another result status (not an error) or another number of results",
    "tag": "the command tag",
    "columns": "column names or the number of columns",
    "type": "a column's type OID or typmod",
    "format": "a column's format (text or binary)",
    "value": "a value, or the number of rows",
    "notice": "the notices and warnings (severity, SQLSTATE)",
    "tx": "the transaction status after the message",
}
#: While entries written before `@...` existed are migrated: an entry naming no message exempts its whole case.
LEGACY_WHOLE_CASE = True
#: A difference of the whole run (a connection lost, a timeout): never covered by an entry.
FAILURE = "failure"


class CorpusError(ValueError):
    pass


@dataclass(frozen=True)
class Difference:
    """One difference between the reference run and the tested run. message is the 1-based query
    message (0: the whole run); detail is a short token an entry may quote (the SQLSTATE of an
    error difference: the tested server's, or the reference's when only it failed)."""
    message: int
    kind: str
    text: str
    detail: str | None = None

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Where:
    """`@messages kinds "text"`: at each of these messages, each of these kinds differs, and (if
    given) one of those differences contains the text."""
    messages: tuple[int, ...]
    kinds: tuple[str, ...]
    text: str | None = None

    def __str__(self) -> str:
        quoted = f' "{self.text}"' if self.text is not None else ""
        return f"@{_ranges(self.messages)} {','.join(self.kinds)}{quoted}"


@dataclass(frozen=True)
class Entry:
    name: str
    modes: tuple[str, ...]
    where: tuple[Where, ...]
    reason: str
    category: str = "Other"
    line: int = 0

    @property
    def key(self) -> str:
        """The entry as written, normalized: `case[modes] @... kinds`."""
        modes = "" if self.modes == MODES else f"[{','.join(self.modes)}]"
        return " ".join([self.name + modes] + [str(w) for w in self.where])


_ENTRY_RE = re.compile(r'^(?P<name>[a-z0-9_]+)\s*(?:\[(?P<modes>[^\]]*)\])?'
                       r'(?P<where>(?:\s*@[^:"]*(?:"[^"]*")?)*)\s*:(?P<reason>.*)$')
_WHERE_RE = re.compile(r'\s*@(?P<messages>[0-9][0-9,\-]*)\s+(?P<kinds>[a-z]+(?:,[a-z]+)*)(?:\s+"(?P<text>[^"]*)")?\s*')


def _ranges(numbers: tuple[int, ...]) -> str:
    """(2, 4, 5, 6) -> '2,4-6'."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and runs[-1][1] == n - 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ",".join(str(lo) if lo == hi else f"{lo}-{hi}" for lo, hi in runs)


def _parse_messages(text: str) -> tuple[int, ...]:
    out: list[int] = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        if not first.isdigit() or (last and not last.isdigit()):
            raise CorpusError(f"bad message numbers {text!r} (use @3, @3,5 or @3-5)")
        lo, hi = int(first), int(last or first)
        if lo < 1 or hi < lo:
            raise CorpusError(f"bad message numbers {text!r} (1-based, ranges low-high)")
        out.extend(range(lo, hi + 1))
    if len(set(out)) != len(out):
        raise CorpusError(f"message numbers {text!r} repeat a message")
    return tuple(out)


def _parse_where(text: str) -> tuple[Where, ...]:
    out: list[Where] = []
    pos = 0
    for m in _WHERE_RE.finditer(text):
        if m.start() != pos:
            break
        pos = m.end()
        kinds = tuple(m.group("kinds").split(","))
        bad = [k for k in kinds if k not in KINDS]
        if bad or len(set(kinds)) != len(kinds):
            raise CorpusError(f"bad kinds {m.group('kinds')!r}: use distinct kinds among {', '.join(KINDS)}")
        out.append(Where(_parse_messages(m.group("messages")), tuple(k for k in KINDS if k in kinds), m.group("text")))
    if pos != len(text):
        raise CorpusError(f"cannot read {text[pos:].strip()!r} (expected @N kind[,kind] [\"text\"])")
    return tuple(out)


def _parse_modes(text: str | None) -> tuple[str, ...]:
    if text is None:
        return MODES
    modes = [x.strip() for x in text.split(",")]
    bad = [x for x in modes if x not in MODES]
    if bad or not modes or len(set(modes)) != len(modes):
        raise CorpusError(f"bad modes [{text}]: use distinct modes among {', '.join(MODES)}")
    return tuple(x for x in MODES if x in modes)


def parse_entry_line(line: str, category: str = "Other", lineno: int = 0) -> Entry:
    m = _ENTRY_RE.match(line.strip())
    if not m or not m.group("reason").strip():
        raise CorpusError(f"expected 'case_name[modes] @N kind[,kind] [\"text\"]: reason', got {line.strip()!r}")
    return Entry(m.group("name"), _parse_modes(m.group("modes")), _parse_where(m.group("where")),
                 m.group("reason").strip(), category, lineno)


def parse_known_differences(text: str) -> list[Entry]:
    """The entries of known_differences.txt in file order. '#' starts a comment line, a `## Title`
    comment starts a category; blank lines are ignored. An entry without `@...` still exempts its
    whole case while LEGACY_WHOLE_CASE is set (entries not yet migrated); the failing test of such a
    case prints the `@...` lines that fit it."""
    entries: list[Entry] = []
    claimed: dict[tuple[str, str, tuple[int, str] | None], str] = {}  # (case, mode, spot) -> entry
    category = "Other"
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("## "):
            category = line[3:].strip()
        if not line or line.startswith("#"):
            continue
        try:
            entry = parse_entry_line(line, category, lineno)
        except CorpusError as e:
            raise CorpusError(f"known_differences.txt:{lineno}: {e}") from None
        for mode in entry.modes:
            for spot in [(m, k) for w in entry.where for m in w.messages for k in w.kinds] or [None]:
                other = claimed.get((entry.name, mode, None)) or claimed.get((entry.name, mode, spot))
                if other is None and spot is None:
                    other = next((v for (n, md, _), v in claimed.items() if n == entry.name and md == mode), None)
                if other is not None:
                    what = "" if spot is None else f" message {spot[0]} {spot[1]}"
                    raise CorpusError(f"known_differences.txt:{lineno}: {entry.name} [{mode}]{what} is already "
                                      f"named by {other}")
                claimed[entry.name, mode, spot] = entry.key
        entries.append(entry)
    return entries


def entries_for(entries: list[Entry], case_name: str, mode: str) -> list[Entry]:
    return [e for e in entries if e.name == case_name and mode in e.modes]


def known_pairs(entries: list[Entry]) -> set[tuple[str, str]]:
    """Every (case name, mode) with an entry."""
    return {(e.name, mode) for e in entries for mode in e.modes}


def check(entries: list[Entry], diffs: list[Difference]) -> tuple[list[Difference], list[str]]:
    """(differences no entry names, named differences that are gone) for one case in one mode."""
    named = {(m, k) for e in entries for w in e.where for m in w.messages for k in w.kinds}
    if LEGACY_WHOLE_CASE and any(not e.where for e in entries):  # an entry naming no message: the whole case
        return [], ([] if diffs else [f"{entries[0].key}: the case matches PostgreSQL"])
    unexpected = [d for d in diffs if (d.message, d.kind) not in named]
    gone: list[str] = []
    for entry in entries:
        if not entry.where and not diffs:
            gone.append(f"{entry.key}: the case matches PostgreSQL")
        for w in entry.where:
            for m in w.messages:
                here = [d for d in diffs if d.message == m and d.kind in w.kinds]
                missing = [k for k in w.kinds if not any(d.kind == k for d in here)]
                if missing:
                    gone.append(f"{entry.key}: message {m} has no {'/'.join(missing)} difference any more")
                elif w.text is not None and not any(w.text in d.text for d in here):
                    gone.append(f"{entry.key}: no difference at message {m} contains {w.text!r} any more: "
                                + "; ".join(d.text for d in here))
    return unexpected, gone


# ------------------------------------------------------------------------------------------------
# Suggesting entries from a run (DUCKGRES_DIFF_REPORT)

Spot = tuple[int, str, "str | None"]  # (message, kind, detail)


def spots(diffs: list[Difference]) -> frozenset[Spot]:
    return frozenset((d.message, d.kind, d.detail if d.kind == "sqlstate" else None) for d in diffs if d.message)


def where_of(found: frozenset[Spot] | set[Spot]) -> list[Where]:
    """The shortest `@...` groups naming these differences: messages with the same kinds (and the
    same quoted SQLSTATE) share a group."""
    per_message: dict[int, tuple[set[str], set[str]]] = {}
    for message, kind, detail in found:
        kinds, details = per_message.setdefault(message, (set(), set()))
        kinds.add(kind)
        if detail:
            details.add(detail)
    groups: dict[tuple[tuple[str, ...], str | None], list[int]] = {}
    for message in sorted(per_message):
        kinds, details = per_message[message]
        text = next(iter(details)) if len(details) == 1 else None
        groups.setdefault((tuple(k for k in KINDS if k in kinds), text), []).append(message)
    out = [Where(tuple(ms), kinds, text) for (kinds, text), ms in groups.items()]
    return sorted(out, key=lambda w: w.messages[0])


def suggest_lines(name: str, per_mode: dict[str, frozenset[Spot]], reason: str) -> list[str]:
    """Entry lines for a case from the differences of each mode in which it differs: one line for
    what every such mode shares, one per group of modes for the rest."""
    modes = [m for m in MODES if per_mode.get(m)]
    if not modes:
        return []
    common = frozenset.intersection(*(per_mode[m] for m in modes))
    groups: dict[frozenset[Spot], list[str]] = {}
    for mode in modes:
        groups.setdefault(per_mode[mode] - common, []).append(mode)

    def line(mode_list: list[str], found: frozenset[Spot]) -> str:
        label = name if tuple(mode_list) == MODES else f"{name}[{','.join(mode_list)}]"
        return " ".join([label] + [str(w) for w in where_of(found)]) + f": {reason}"

    out = [line(modes, common)] if common else []
    out += [line(group_modes, rest) for rest, group_modes in groups.items() if rest]
    return out


# ------------------------------------------------------------------------------------------------
# Known differences of the captured introspection queries (corpus/introspection/known_differences.txt)
#
# Same rules as the corpus: an entry names exactly where one query differs, the rest of its answer is
# compared, and an entry whose difference is gone fails. A line is
#
#     <client>-<n> <kind> [<column>] ["text"]: reason
#
# where <column> is a column of PostgreSQL's answer (written 'in quotes' when it has blanks).

#: What can differ in the answer to a captured query.
INTROSPECTION_KINDS = {
    "error": "the query fails on Duckgres (\"text\": a part of its message)",
    "column": "the column's name or type differs",
    "value": "the column's values differ: the rows match once it is left out, not with it",
    "missing": "rows PostgreSQL returns and Duckgres does not; the column's value (NULL for a null) matches the "
               "quoted regular expression in each of them",
    "extra": "rows Duckgres returns and PostgreSQL does not; same column and regular expression",
    "order": "the same rows in another order, for a query with a top-level ORDER BY",
}
_NEEDS_COLUMN = ("column", "value", "missing", "extra")

_INTRO_RE = re.compile(r"""^(?P<case>[a-z0-9_]+-[0-9]+)\s+(?P<kind>[a-z]+)(?:\s+(?P<column>'[^']*'|[^\s:"']+))?"""
                       r"""(?:\s+"(?P<text>[^"]*)")?\s*:(?P<reason>.*)$""")


@dataclass(frozen=True)
class IntrospectionEntry:
    case: str
    kind: str
    column: str | None
    text: str | None
    reason: str
    line: int = 0

    def __str__(self) -> str:
        column = "" if self.column is None else " " + (f"'{self.column}'" if " " in self.column else self.column)
        text = "" if self.text is None else f' "{self.text}"'
        return f"{self.case} {self.kind}{column}{text}"


def parse_introspection_entries(text: str) -> list[IntrospectionEntry]:
    entries: list[IntrospectionEntry] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = _INTRO_RE.match(line)
        where = f"introspection known_differences.txt:{lineno}"
        if not m or not m.group("reason").strip():
            raise CorpusError(f"{where}: expected '<client>-<n> <kind> [<column>] [\"text\"]: reason', got {line!r}")
        kind, column = m.group("kind"), m.group("column")
        if kind not in INTROSPECTION_KINDS:
            raise CorpusError(f"{where}: kind {kind!r} is not one of {', '.join(INTROSPECTION_KINDS)}")
        if (column is not None) != (kind in _NEEDS_COLUMN):
            raise CorpusError(f"{where}: {kind} " + ("names a column" if kind in _NEEDS_COLUMN else "names no column"))
        if kind in ("missing", "extra") and m.group("text") is None:
            raise CorpusError(f"{where}: {kind} needs the \"regular expression\" its rows' {column} matches")
        entry = IntrospectionEntry(m.group("case"), kind, column and column.strip("'"), m.group("text"),
                                   m.group("reason").strip(), lineno)
        if any(str(e) == str(entry) for e in entries):
            raise CorpusError(f"{where}: {entry} is already listed")
        entries.append(entry)
    return entries


Answer = tuple  # ("error", message) or ("ok", [(column name, type), ...], [row tuple of str | None, ...])


def _unmatched(pg_rows: list[tuple], dg_rows: list[tuple], masked: set[int]) -> tuple[list[tuple], list[tuple]]:
    """(rows only PostgreSQL returns, rows only Duckgres returns), with the masked columns left out."""
    def key(row: tuple) -> tuple:
        return tuple("*" if i in masked else v for i, v in enumerate(row))

    remaining: dict[tuple, int] = {}
    for row in dg_rows:
        remaining[key(row)] = remaining.get(key(row), 0) + 1
    missing = []
    for row in pg_rows:
        if remaining.get(key(row)):
            remaining[key(row)] -= 1
        else:
            missing.append(row)
    extra = []
    for row in dg_rows:
        if remaining.get(key(row)):
            remaining[key(row)] -= 1
            extra.append(row)
    return missing, extra


def check_introspection(entries: list[IntrospectionEntry], pg: Answer, dg: Answer,
                        ordered: bool) -> tuple[list[str], list[str]]:
    """(differences no entry names, entries whose difference is gone) for one query; pg and dg are
    the normalised answers, their rows in the order the servers sent them."""
    by_kind = {k: [e for e in entries if e.kind == k] for k in INTROSPECTION_KINDS}
    unexpected: list[str] = []
    gone: list[str] = []
    if dg[0] != "ok":
        if not any(e.text is None or e.text in dg[1] for e in by_kind["error"]):
            unexpected.append(f"fails on Duckgres: {dg[1]}")
        gone += [f"{e}: not checked, the query fails" for e in entries if e.kind != "error"]
        return unexpected, gone
    gone += [f"{e}: the query runs" for e in by_kind["error"]]
    pg_columns, dg_columns = pg[1], dg[1]
    names = [name for name, _ in pg_columns]
    for e in entries:
        if e.column is not None and e.column not in names:
            gone.append(f"{e}: PostgreSQL's answer has no column {e.column!r}")
    if len(pg_columns) != len(dg_columns):
        unexpected.append(f"{len(dg_columns)} columns where PostgreSQL has {len(pg_columns)}: {dg_columns} / "
                          f"{pg_columns}")
        return unexpected, gone
    differing = {names[i] for i, (p, d) in enumerate(zip(pg_columns, dg_columns)) if p != d}
    for name in sorted(differing):
        if not any(e.column == name for e in by_kind["column"]):
            i = names.index(name)
            unexpected.append(f"column {name}: {dg_columns[i]} where PostgreSQL has {pg_columns[i]}")
    gone += [f"{e}: the column's name and type match" for e in by_kind["column"] if e.column not in differing]

    masked = {i for i, name in enumerate(names) if any(e.column == name for e in by_kind["value"])}
    pg_rows, dg_rows = pg[2], dg[2]
    missing, extra = _unmatched(pg_rows, dg_rows, masked)
    for e in by_kind["value"]:
        mine = {i for i, name in enumerate(names) if name == e.column}
        if sum(map(len, _unmatched(pg_rows, dg_rows, masked - mine))) == len(missing) + len(extra):
            gone.append(f"{e}: the column's values match")
    for kind, rows in (("missing", missing), ("extra", extra)):
        def covered(entry: IntrospectionEntry, row: tuple) -> bool:
            value = row[names.index(entry.column)] if entry.column in names else None
            return re.fullmatch(entry.text, "NULL" if value is None else value, re.S) is not None

        for row in rows:
            if not any(covered(e, row) for e in by_kind[kind]):
                side = "PostgreSQL" if kind == "missing" else "Duckgres"
                unexpected.append(f"a row only {side} returns: {dict(zip(names, row))}")
        gone += [f"{e}: no such row any more" for e in by_kind[kind] if not any(covered(e, r) for r in rows)]
    if ordered and not missing and not extra:
        def key(row: tuple) -> tuple:
            return tuple("*" if i in masked else v for i, v in enumerate(row))

        in_order = [key(r) for r in pg_rows] == [key(r) for r in dg_rows]
        if not in_order and not by_kind["order"]:
            unexpected.append("the rows come in another order")
        gone += [f"{e}: the rows come in PostgreSQL's order" for e in by_kind["order"] if in_order]
    else:
        gone += [f"{e}: not checked, the query has no ORDER BY or its rows differ" for e in by_kind["order"]]
    if unexpected and pg_rows and len(pg_rows) == len(dg_rows):
        columns = [names[i] for i in range(len(names)) if i not in masked
                   and sorted((r[i] or "") for r in pg_rows) != sorted((r[i] or "") for r in dg_rows)]
        if columns:
            unexpected.append("(the values of " + ", ".join(columns) + " differ)")
    return unexpected, gone
