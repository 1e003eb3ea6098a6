"""Column statistics of a log's leading fields, the evidence the header learner decides on.

Sample lines are cut into fields (`fields.split_fields`) and each field gets a kind. Per field
position we measure: which family most lines have there and how consistently (a lone ``-`` is a
nil value, as in syslog, Apache or RAS records, and fits any family), how many distinct values the
position takes, whether the values are padded to a column, and how many look like times or levels.

Optional and two-word fields (a user@db that background lines lack, a program name followed by an
architecture tag such as ``Teams.exe *64``) shift every later position. `align_rows` finds an
anchor (a level word or a separator) that sits at one position in most lines and one position
off in the rest, and re-aligns the others by joining or padding the field just before it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from aiops.analysis.fields import FAMILIES, SEPARATORS, shape_of

Row = list[tuple[str, int, str]]
"""A sample line's leading fields as (text, blank width after it, kind)."""

NIL = "-"
"""The nil value many formats write for an absent field."""
CONSISTENT = 0.9
_HAS_DIGIT = re.compile(r"\d")
_CLOCK = re.compile(r"\d:\d\d")
SEVERITY_LIKE = re.compile(r"[A-Z][A-Z_]{2,}:")
"""An upper-case label ending in a colon where a level sits (``STATEMENT:``, ``DETAIL:``, ``HINT:``)."""
LEVEL_AMONG_LABELS = 0.5
"""Share of real level words (``ERROR:``, ``LOG:``) the upper-case labels at a position must hold for
it to be a level field: labels alone (``ALERT:``, ``COMMAND:``) end the names of events."""
PLAIN_KEY = re.compile(r"[a-z]+:")
"""A plain lower-case word and a colon (``spawned:``, ``exited:``): the first word of a message, not
a program or logger name (``sshd[12]:``, ``dfs.DataNode:``, ``ActivityManager:``)."""
FUNCTION_KEY = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+:")
"""A lower-case identifier of several parts and a colon (``copy_option:``, ``srs_forward:``): a C
function's name that a statement prints before its text (``__func__``)."""
PAIR = re.compile(r"[A-Za-z_][\w.-]*=[^=\s]")
"""A ``key=value`` field (``conn=1000``, ``op=1``): message structure, never a header field."""
ANCHOR_SPAN = 8
"""Fields searched for an alignment anchor."""
MAX_SHIFT = 2
"""Most extra words a flexible field may hold."""


@dataclass
class Position:
    """Statistics of one field position over the sample rows."""

    family: str
    share: float
    coverage: float
    distinct: int
    padded: float
    digit_share: float
    level_share: float
    literal: str
    time_share: float = 0.0
    family_share: float = 0.0
    purity: float = 1.0
    flex: int = 0
    nil: float = 0.0
    levels: tuple[str, ...] = ()
    comma_share: float = 0.0
    """Share of values that end in a comma (``DENY,``): joined to the text after them."""
    colon_share: float = 0.0
    """Share of values that end in a colon (``12:00:01:``, ``prog:``): a field that closes with one."""
    time_led: bool = False
    """The first position, where the file's records open with a time and were learnt without the
    lines that do not (set by the header learner)."""
    plain_share: float = 0.0
    function_share: float = 0.0
    """Share of C function names with a colon (`FUNCTION_KEY`)."""
    pair_share: float = 0.0
    opener: str = ""
    """The bracket every bracketed value opens with (``[``), where they all open with the same one."""
    top_share: float = 0.0
    """Share of the rows present that hold the commonest value, digits aside (a program's name holds nearly
    all, whatever its pid: ``(cockpit-ws:32347):``)."""


_DIGITS = re.compile(r"\d+")


def _top_count(values: Counter[str]) -> int:
    """Rows holding the commonest value once digits are set aside, counted over the distinct values."""
    masked: Counter[str] = Counter()
    for text, count in values.items():
        masked[_DIGITS.sub("0", text)] += count
    return masked.most_common(1)[0][1]


def position(rows: list[Row], index: int) -> Position | None:
    """Statistics of field `index` over `rows` (None past the last field of every row)."""
    total = len(rows)
    present = [row[index] for row in rows if len(row) > index]
    if not present:
        return None
    size = len(present)
    kinds = Counter(kind for _, _, kind in present)
    families = Counter(FAMILIES[kind] for kind in kinds.elements())
    nil = sum(1 for text, _, _ in present if text == NIL)
    family, count = families.most_common(1)[0]
    if family != "sep":
        count += nil
    elif count < CONSISTENT * size and len(families) > 1:
        family, count = next((f, c) for f, c in families.most_common() if f != "sep")
        count += nil
    severe = kinds["level"] + sum(1 for text, _, kind in present if kind == "key" and SEVERITY_LIKE.fullmatch(text))
    if family in ("level", "key") and severe > kinds["level"] >= LEVEL_AMONG_LABELS * severe \
            and severe >= CONSISTENT * size:
        family, count = "level", severe
    family_count = count
    if family == "var" and kinds["time"] + kinds["num"] < CONSISTENT * size:
        count = Counter(shape_of(text) for text, _, _ in present).most_common(1)[0][1] + nil
    padded = sum(1 for row in rows if len(row) > index + 1 and row[index][1] >= 2)
    values = Counter(text for text, _, _ in present)
    literal = ""
    if family == "sep":
        literal = Counter(text for text, _, kind in present if kind == "sep").most_common(1)[0][0]
    openers = {text[0] for text, _, kind in present if kind == "bracket"} if family == "bracket" else set()
    return Position(
        family=family, share=count / size, coverage=size / total,
        distinct=len(values), padded=padded / total,
        digit_share=sum(1 for text, _, _ in present if _HAS_DIGIT.search(text)) / size,
        level_share=severe / size, literal=literal,
        time_share=(kinds["time"] + kinds["num"]
                    + sum(1 for text, _, kind in present if kind == "bracket" and _CLOCK.search(text))) / size,
        family_share=family_count / size, nil=nil / size,
        levels=tuple(sorted({text for text, _, kind in present if kind == "level"}))[:20],
        plain_share=sum(1 for text, _, _ in present if PLAIN_KEY.fullmatch(text)) / size,
        function_share=sum(1 for text, _, _ in present if FUNCTION_KEY.fullmatch(text)) / size,
        pair_share=sum(1 for text, _, _ in present if PAIR.match(text)) / size,
        comma_share=sum(1 for text, _, _ in present if text.endswith(",")) / size,
        colon_share=sum(1 for text, _, _ in present if text.endswith(":")) / size,
        top_share=_top_count(values) / size,
        opener=next(iter(openers)) if len(openers) == 1 else "",
    )


def varies_within_events(rows: list[Row], index: int) -> bool:
    """True when field `index` takes many values that do not follow from the text after it: lines
    whose next two fields agree (one event, roughly) still disagree here. That is how a per-line
    name (a host, a session, a program) differs from the first word of a message."""
    from aiops.analysis.masking import mask

    values: dict[tuple[str, ...], set[str]] = {}
    counts: Counter[tuple[str, ...]] = Counter()
    for row in rows:
        if len(row) > index + 2 and row[index][2] == "word":
            key = tuple(mask(text) for text, _, _ in row[index + 1:index + 3])
            values.setdefault(key, set()).add(row[index][0])
            counts[key] += 1
    common = [key for key, count in counts.items() if count >= 3]
    lines = sum(counts[key] for key in common)
    distinct = len(set().union(*values.values())) if values else 0
    if lines < 0.5 * len(rows) or distinct < 0.1 * len(rows):
        return False
    varying = sum(counts[key] for key in common if len(values[key]) > 1)
    return varying >= 0.8 * lines


BRANCHES = 3
"""Different next words a component name opens, at least (a statement's first word opens one or two)."""
_NAMESPACED = re.compile(r"[a-z][\w.-]*(?::[a-z][\w.-]*)+")
"""A name of parts joined by colons (``express:router``, ``socket.io:client``), as debug namespaces are."""


def names_components(rows: list[Row], index: int) -> bool:
    """True when field `index` holds names, two or more of them of colon-joined parts, and most
    lines' name opens at least `BRANCHES` different next words: a component or module name
    (``router:layer``, ``express:application``) that every line of a module carries, whatever its
    statement. The first word of a message opens one or two texts."""
    from aiops.analysis.masking import mask

    follow: dict[str, set[str]] = {}
    counts: Counter[str] = Counter()
    for row in rows:
        if len(row) > index + 1 and row[index][2] == "word":
            follow.setdefault(row[index][0], set()).add(mask(row[index + 1][0]))
            counts[row[index][0]] += 1
    total = sum(counts.values())
    if total < 0.5 * len(rows) or sum(_NAMESPACED.fullmatch(value) is not None for value in counts) < 2:
        return False
    branching = sum(count for value, count in counts.items() if len(follow[value]) >= BRANCHES)
    return branching >= 0.8 * total


def _is_anchor(text: str, kind: str, test: str, index: int) -> bool:
    if test == "level":
        return kind == "level" or (kind == "key" and SEVERITY_LIKE.fullmatch(text) is not None)
    if test == "key":
        return kind == "key"
    return text == test and index > 0


def _anchor_positions(rows: list[Row], test: str) -> list[int]:
    """Where each row first has the anchor (`level`, `key` or a separator literal), -1 if nowhere."""
    out = []
    for row in rows:
        where = -1
        for index, (text, _, kind) in enumerate(row[:ANCHOR_SPAN]):
            if _is_anchor(text, kind, test, index):
                where = index
                break
        out.append(where)
    return out


def align_rows(rows: list[Row]) -> tuple[list[Row], int, int]:
    """Re-align rows around the first anchor that is off by a field or two in a minority of them.

    Returns (rows, index of the flexible field, most extra words) when re-aligned, else
    (rows, -1, 0). The flexible field is the one just before the anchor: joined with the next one
    or two fields in rows where the anchor comes later (``Teams.exe *64 -``, ``prog[1] (detail):``),
    padded with a nil in rows where it comes one earlier (a field some lines lack).
    """
    for test in ("level", *sorted(SEPARATORS - {":", "|"}), "key"):
        where = _anchor_positions(rows, test)
        found = [w for w in where if w >= 0]
        if len(found) < CONSISTENT * len(rows):
            continue
        if test in SEPARATORS and sum(1 for row in rows if sum(t == test for t, _, _ in row[:ANCHOR_SPAN]) == 1) \
                < CONSISTENT * len(rows):
            continue  # the literal also fills other columns (a nil "-"): no single anchor
        main, main_count = Counter(found).most_common(1)[0]
        near = sum(1 for w in found if -1 <= w - main <= MAX_SHIFT and w != main)
        if main < 2 or main_count == len(found) or main_count < 0.5 * len(found) \
                or main_count + near < CONSISTENT * len(rows):
            continue
        flex = main - 1
        aligned: list[Row] = []
        for row, at in zip(rows, where, strict=True):
            shift = at - main
            if 1 <= shift <= MAX_SHIFT:
                joined = " ".join(text for text, _, _ in row[flex:flex + shift + 1])
                aligned.append([*row[:flex], (joined, row[flex + shift][1], "word"), *row[flex + shift + 1:]])
            elif shift == -1:
                aligned.append([*row[:flex], (NIL, 1, "sep"), *row[flex:]])
            else:
                aligned.append(row)
        return aligned, flex, max(1, max(found) - main)
    return rows, -1, 0
