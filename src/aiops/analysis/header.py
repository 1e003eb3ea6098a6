"""Generic header learning: which leading fields of a log format are header (timestamps, pids,
levels, hosts, program or logger names, thread brackets) and where the message starts.

Nothing here knows a particular format. From a sample of lines it measures, per leading field
position, how consistently the field has the same kind across lines (a timestamp shape, a number,
a severity word, a bracket group, a ``name:`` key, a separator) and how many distinct values a
low-variety word takes (a host, a component). The header is the longest run of consistent
positions, allowed to bridge at most two low-variety word positions (hosts, components) that lie
between consistent ones, and ending early at a consistent ``program:``/``logger:`` key. The learned
layout is compiled into one regular expression, so applying it costs one match per line.

Lines that look like continuations (leading blank, or a first field of another family than the
usual one, e.g. a stack-trace line) are left out of learning and do not match at parse time: their
whole text is the message.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from aiops.analysis.fields import FAMILIES, kind_of, shape_of, split_fields

MAX_FIELDS = 14
"""How many leading fields the learner looks at."""
LEARN_CHARS = 2_000
"""Only the first characters of a sample line are looked at."""
CONSISTENT = 0.9
"""Share of lines whose field must have the same family for the position to count as header."""
_HAS_DIGIT = re.compile(r"\d")
_CLOCK = re.compile(r"\d:\d\d")
STRONG_FAMILIES = frozenset({"var", "level", "sep", "bracket", "key"})


@dataclass(frozen=True)
class FieldSpec:
    """One learned header position: its family, the literal for separators, and roles."""

    family: str
    literal: str = ""
    needs_digit: bool = False
    strict: bool = True
    is_time: bool = False
    is_level: bool = False


@dataclass
class _Position:
    family: str
    share: float
    coverage: float
    distinct: int
    padded: float
    digit_share: float
    level_share: float
    literal: str
    time_share: float = 0.0
    purity: float = 1.0


@dataclass
class HeaderModel:
    """A learned header layout. `split(line)` returns (match or None, message)."""

    fields: tuple[FieldSpec, ...] = ()
    regex: re.Pattern[str] | None = None
    time_groups: tuple[str, ...] = ()
    json: bool = False
    logfmt: bool = False
    notes: list[str] = field(default_factory=list)

    def split(self, line: str) -> tuple[re.Match[str] | None, str]:
        """Cut `line` into its header match (None when it does not fit) and its message."""
        if self.regex is None:
            return None, line
        match = self.regex.match(line)
        if match is None:
            return None, line
        return match, line[match.end():]

    def describe(self) -> str:
        """The layout in words, e.g. ``var var level key | message``."""
        if self.json or self.logfmt:
            return "JSON lines" if self.json else "logfmt"
        parts = [spec.literal or spec.family for spec in self.fields]
        return " ".join([*parts, "| message"]) if parts else "(no header) message"


Row = list[tuple[str, int, str]]
"""A sample line's leading fields as (text, blank width after it, kind)."""


def _position(rows: list[Row], index: int) -> _Position | None:
    """Statistics of one field position over the sample rows (None past the last field)."""
    total = len(rows)
    present = [row[index] for row in rows if len(row) > index]
    if not present:
        return None
    size = len(present)
    kinds = Counter(kind for _, _, kind in present)
    families = Counter(FAMILIES[kind] for kind in kinds.elements())
    family, count = families.most_common(1)[0]
    if family == "var" and kinds["time"] + kinds["num"] < CONSISTENT * size:
        count = Counter(shape_of(text) for text, _, _ in present).most_common(1)[0][1]
    padded = sum(1 for row in rows if len(row) > index + 1 and row[index][1] >= 2)
    literal = ""
    if family == "sep":
        literal = Counter(text for text, _, kind in present if kind == "sep").most_common(1)[0][0]
    return _Position(
        family=family, share=count / size, coverage=size / total,
        distinct=len({text for text, _, _ in present}), padded=padded / total,
        digit_share=sum(1 for text, _, _ in present if _HAS_DIGIT.search(text)) / size,
        level_share=kinds["level"] / size, literal=literal,
        time_share=(kinds["time"] + kinds["num"]
                    + sum(1 for text, _, kind in present if kind == "bracket" and _CLOCK.search(text))) / size,
    )


class _Positions:
    """Field positions computed on demand (most headers end long before MAX_FIELDS)."""

    def __init__(self, rows: list[Row]) -> None:
        self.rows = rows
        self.done: list[_Position] = []

    def get(self, index: int) -> _Position | None:
        while len(self.done) <= index:
            if index >= MAX_FIELDS:
                return None
            pos = _position(self.rows, len(self.done))
            if pos is None:
                return None
            self.done.append(pos)
        return self.done[index]


def _strong(pos: _Position) -> bool:
    if pos.coverage < CONSISTENT:
        return False
    if pos.family in STRONG_FAMILIES and pos.share >= CONSISTENT:
        return True
    return pos.padded >= 0.8 and pos.family not in ("quoted",)


def _bridgeable(pos: _Position, total: int) -> bool:
    return (pos.coverage >= CONSISTENT and pos.family in ("word", "var", "key", "level")
            and pos.distinct <= max(3, 0.05 * total))


def _header_length(positions: _Positions, total: int) -> int:
    length, index = 0, 0
    while (pos := positions.get(index)) is not None:
        before = positions.get(index - 1) if index >= 2 else None
        after_separator = before is not None and before.family == "sep" and before.literal != "|"
        if after_separator and not (_strong(pos) and pos.family in ("level", "bracket", "sep", "key")):
            break
        if _strong(pos):
            length = index + 1
            if pos.family == "key":
                break
            index += 1
            continue
        ahead = index
        while ahead < index + 2 and (nxt := positions.get(ahead)) is not None and not _strong(nxt) \
                and _bridgeable(nxt, total):
            ahead += 1
        target = positions.get(ahead)
        if ahead == index or target is None or not _strong(target):
            break
        index = ahead
    return length


def _row_has_message(row: Row, length: int) -> bool:
    return len(row) > length


def learn_header(lines: Iterable[str]) -> HeaderModel:
    """Learn the header layout from sample lines (a few hundred are plenty)."""
    sample = [line[:LEARN_CHARS] for line in lines if line.strip()]
    if not sample:
        return HeaderModel(notes=["no lines to learn from"])
    from aiops.analysis.jsonlines import looks_like_json, looks_like_logfmt

    if looks_like_json(sample):
        return HeaderModel(json=True, notes=["JSON lines"])
    if looks_like_logfmt(sample):
        return HeaderModel(logfmt=True, notes=["logfmt"])
    indented = sum(1 for line in sample if line[0].isspace()) > 0.5 * len(sample)
    rows: list[Row] = [
        [(text, gap, kind_of(text)) for text, gap in split_fields(line, MAX_FIELDS)]
        for line in sample if indented or not line[0].isspace()
    ]
    rows = [row for row in rows if row]
    if not rows:
        return HeaderModel(notes=["only indented lines"])
    first = Counter(FAMILIES[row[0][2]] for row in rows).most_common(1)[0][0]
    starts = [row for row in rows if FAMILIES[row[0][2]] == first]
    if len(starts) < 0.3 * len(rows):
        starts = rows
    positions = _Positions(starts)
    length = _header_length(positions, len(starts))
    if positions.done:
        positions.done[0].purity = len(starts) / len(rows)
    while length and sum(_row_has_message(row, length) for row in starts) < 0.5 * len(starts):
        length -= 1
    if length == 0:
        return HeaderModel(notes=["no consistent header"])
    return compile_header(positions.done[:length], indented=indented)


def _pattern(spec: FieldSpec, index: int) -> str:
    if spec.family == "sep":
        body = re.escape(spec.literal) if spec.strict else rf"(?:{re.escape(spec.literal)}|[^\s|]+)"
    elif spec.family == "bracket":
        body = (r"(?:\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]|\((?:[^()\n]|\([^()\n]*\))*\)|<[^<>\n]*>|\{[^{}\n]*\})"
                r"[^\s|]*")
    elif spec.family == "key":
        body = r"[^\s|]+?:(?=\s|$)"
    elif spec.family == "quoted":
        body = r'"[^"\n]*"'
    elif spec.needs_digit:
        body = r"[^\s|]*\d[^\s|]*"
    else:
        body = r"[^\s|]+"
    if spec.is_level:
        return f"(?P<lv>{body})"
    if spec.is_time:
        return f"(?P<t{index}>{body})"
    return body


def compile_header(positions: list[_Position], *, indented: bool = False) -> HeaderModel:
    """Turn learned positions into a `HeaderModel` with one anchored regex."""
    specs: list[FieldSpec] = []
    level_taken = False
    for pos in positions:
        is_level = pos.level_share >= 0.5 and not level_taken
        level_taken = level_taken or is_level
        specs.append(FieldSpec(
            family=pos.family, literal=pos.literal,
            needs_digit=pos.family == "var" and pos.digit_share >= 0.98,
            strict=pos.share * pos.purity >= 0.99,
            is_time=not is_level and pos.family in ("var", "bracket") and pos.time_share >= 0.5,
            is_level=is_level,
        ))
    glue_tight = {"sep", "bracket", "quoted"}
    parts = [r"[ \t]*" if indented else ""]
    for index, spec in enumerate(specs):
        if index:
            prev = specs[index - 1]
            tight = prev.family in glue_tight or spec.family in glue_tight
            parts.append(r"[ \t]*" if tight else r"[ \t]+")
        parts.append(_pattern(spec, index))
    last = specs[-1]
    parts.append(r"[ \t]*" if last.family in glue_tight | {"key"} else r"(?:[ \t]+|$)")
    regex = re.compile("".join(parts))
    time_groups = tuple(f"t{i}" for i, spec in enumerate(specs) if spec.is_time)
    return HeaderModel(fields=tuple(specs), regex=regex, time_groups=time_groups)
