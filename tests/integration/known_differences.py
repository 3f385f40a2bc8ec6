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
