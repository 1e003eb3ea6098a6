"""Generic header learning: which leading fields of a log format are header (timestamps in any
shape, epoch seconds, hosts, ids, levels, program or component names, bracketed fields) and where
the message starts -- from the statistics of the file's own lines, never from a list of formats.

Per leading field position (`header_stats`): the family most lines have there and how consistently
(a lone ``-`` is a nil that fits any family), the number of distinct values, padding, digits,
time and level shapes. Rows are first re-aligned around an anchor (a level, a separator, a
``name:`` key) that sits one or two fields off in some lines, so optional and multi-word fields do
not shift every later position. A header is a run of consistent positions that may bridge up to
`MAX_BRIDGE` positions of low variety (hosts, components, states) or of ids (``node-12``,
``gige7``) between consistent ones, and ends early at a consistent key. A word right after the
header that varies within events (lines whose next words agree disagree there) is a per-line name
and joins the header; so does a component's name (``router:layer``, ``body-parser:json``: names,
two or more of them of colon-joined parts, each opening many different messages), as the debug
output of modules prints it.

`header_hypotheses` returns every layout the evidence allows, best first, down to "no header";
`header_choice` tries them on the first lines and keeps the first that does not collapse. A
layout is compiled into one regular expression, so applying it costs one match per line. Lines
that look like continuations (leading blank, a first field of another family than the usual one,
or, where most lines open with a time, no time-shaped first field) are left out of learning and do
not match at parse time: their whole text is the message.
A header may also stand on a line of its own, a time with its numbers and one name at most, the
message on the lines below it (`_header_alone`): such a line is a record with an empty message.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from aiops.analysis.fields import FAMILIES, kind_of, split_fields
from aiops.analysis.frames import outside_tracebacks
from aiops.analysis.header_model import FieldSpec, HeaderModel, compile_header, from_specs
from aiops.analysis.header_reach import EMPTY_COLUMN_TAIL, TITLE_TAIL, empty_column, has_titles, message_section, pipes
from aiops.analysis.header_stats import (
    CONSISTENT,
    Position,
    Row,
    align_rows,
    names_components,
    position,
    varies_within_events,
)
from aiops.analysis.jsonlines import looks_like_json, looks_like_logfmt, message_keys
from aiops.analysis.masking import SOURCE_RE

__all__ = ["FieldSpec", "HeaderModel", "compile_header", "header_hypotheses", "learn_header"]

MAX_FIELDS = 14
"""How many leading fields the learner looks at."""
LEARN_CHARS = 2_000
"""Only the first characters of a sample line are looked at for header fields."""
STRUCTURED_CHARS = 100_000
"""A JSON record must parse whole to count, so this much of a line is kept to test for one."""
MAX_BRIDGE = 3
"""Most consecutive low-variety or id positions a header may hold between consistent ones."""
STRONG_FAMILIES = frozenset({"var", "level", "sep", "bracket", "key"})


class _Positions:
    """Field positions computed on demand (most headers end long before MAX_FIELDS)."""

    def __init__(self, rows: list[Row], flex: int = -1, extra: int = 0) -> None:
        self.rows = rows
        self.flex = flex
        self.extra = extra
        self.done: list[Position] = []

    def get(self, index: int) -> Position | None:
        while len(self.done) <= index:
            if index >= MAX_FIELDS:
                return None
            pos = position(self.rows, len(self.done))
            if pos is None:
                return None
            if len(self.done) == self.flex:
                pos.flex = self.extra
            self.done.append(pos)
        return self.done[index]


def _strong(pos: Position) -> bool:
    """A consistent position: one family in nearly every line, or padded to a column."""
    if pos.coverage < CONSISTENT:
        return False
    if pos.family in STRONG_FAMILIES and pos.share >= CONSISTENT:
        return True
    return pos.padded >= 0.8 and pos.family not in ("quoted",)


def _bridgeable(pos: Position, total: int) -> bool:
    """A position that may sit inside a header between consistent ones: a low-variety word (host,
    component, state), a field that always carries digits (node ids, hosts like ``gige7``) or the
    flexible field of a re-alignment."""
    if pos.coverage < CONSISTENT:
        return False
    if pos.flex or (pos.family == "var" and pos.family_share >= CONSISTENT):
        return True
    return pos.family in ("word", "var", "key", "level") and pos.distinct <= max(3, 0.05 * total)


def _named_field(pos: Position, after: Position | None, total: int) -> bool:
    """A component or module name of more variety (``bridge``, ``rconn``, ``ofproto_dpif``) that a
    separator or a level field closes in every line (``...|00062|rconn|DBG|...``)."""
    return (pos.coverage >= CONSISTENT and pos.family in ("word", "var") and pos.distinct <= NAMES * total
            and after is not None and _strong(after) and after.family in ("sep", "level"))


NAMES = 0.2
"""Most distinct values, as a share of the lines, of a name field closed by a separator or level."""
PAIRS = 0.5
"""Share of ``key=value`` fields, or of words ending in a comma (``DENY,``), at a position from which
the message has begun."""
PLAIN_WORDS = 0.5
"""Share of plain lower-case words with a colon (``command:``, ``exited:``) at a key position from
which the key is the message's first word: names of programs and loggers carry pids, dots, brackets
or capitals on most lines. A file whose program names are mostly bare words (``kernel:`` alone)
then shows the name in its templates: the grouping is the same, the template one word longer."""


def _header_ends(positions: _Positions, total: int, *, tagged: bool = False) -> list[int]:
    """Every header length the evidence allows, longest last: each ends at a consistent position.
    `tagged`: the lines open with a program tag, left out of `positions`."""
    ends: list[int] = []
    index = 0
    while (pos := positions.get(index)) is not None:
        before = positions.get(index - 1) if index >= 2 else None
        after_separator = before is not None and before.family == "sep" and before.literal != "|"
        if after_separator and not (_strong(pos) and pos.family in ("level", "bracket", "sep", "key")):
            reach = _separated_fields(positions, index, before.literal)  # type: ignore[union-attr]
            if reach is not None:
                ends.append(reach)
            break
        program = pos.family == "key" and _level_follows(positions, index, tagged=tagged)
        if pos.family == "key" and pos.plain_share >= PLAIN_WORDS and not program:
            break  # plain words with a colon start the message (``exited: web (...)``)
        if pos.family == "key" and pos.plain_share + pos.function_share >= PLAIN_WORDS and not program \
                and any(positions.get(at).family == "key"  # type: ignore[union-attr]
                        or positions.get(at).colon_share >= CONSISTENT for at in range(index)):  # type: ignore[union-attr]
            break  # after a program's tag (or a time ending in a colon), a function's name opens the message
        if pos.pair_share >= PAIRS:
            break  # ``conn=1000 op=1 SRCH ...``: key=value pairs are the message's own fields
        if pos.family == "word" and pos.comma_share >= PAIRS:
            break  # ``DENY, 10.0.0.2 was at ...``: a word joined by a comma to what follows opens the message
        if _strong(pos):
            ends.append(index + 1)
            nxt = positions.get(index + 1)
            # a label's colon closes the header, and so does a colon after a time or a level (GLib's
            # ``domain-DEBUG:``), never a separator's (``::``)
            closed = pos.family == "key" or (pos.family != "sep" and pos.colon_share >= CONSISTENT)
            if closed and not (nxt is not None and nxt.family == "key" and _strong(nxt)) \
                    and not _colon_in_value(positions, index) and not program:
                break
            index += 1
            continue
        ahead = index
        while ahead < index + MAX_BRIDGE and (nxt := positions.get(ahead)) is not None and not _strong(nxt) \
                and (_bridgeable(nxt, total) or _named_field(nxt, positions.get(ahead + 1), total)):
            ahead += 1
        target = positions.get(ahead)
        if ahead == index or target is None or not _strong(target):
            break
        index = ahead
    return ends


def _level_follows(positions: _Positions, index: int, *, tagged: bool = False) -> bool:
    """A consistent level field comes within `MAX_BRIDGE` fields after the key at `index`, and a key
    at or before it holds one value on nearly every line (``nbdkit: memory[1]: debug:``, ``munged:
    Info:``): that key is the program's name, not the message's first word, so the header goes on
    to the level. A program tag before the fields (`tagged`) is such a key."""
    named = tagged or any((pos := positions.get(at)) is not None and pos.family == "key"
                          and pos.top_share >= CONSISTENT for at in range(index + 1))
    if not named:
        return False
    for ahead in range(index + 1, index + 1 + MAX_BRIDGE):
        pos = positions.get(ahead)
        if pos is None:
            return False
        if pos.family == "level" and _strong(pos):
            return True
    return False


_LETTERLESS = re.compile(r"[^A-Za-z]*\d[^A-Za-z]*")
"""A field of digits and punctuation, with no letter."""


def _separated_fields(positions: _Positions, index: int, literal: str) -> int | None:
    """The header length after a run of fields from `index`, each closed by the separator `literal`
    (``name - 388 - INFO - main - ``), when a level is among them; None when none is."""
    end, level, at = None, False, index
    while (field := positions.get(at)) is not None and (closing := positions.get(at + 1)) is not None \
            and closing.family == "sep" and closing.literal == literal and _strong(closing):
        level = level or (field.family == "level" and _strong(field))
        at += 2
        if level:
            end = at
    return end


def _colon_in_value(positions: _Positions, index: int) -> bool:
    """Whether the colon ending the field at `index` is a value's punctuation, not a label's end, so
    the header goes on: the field is digits and punctuation with no letter (a time
    ``(2026-12-05  8:48:41):`` before ``[domain] [function] (level):``, ``11:09:07.790:`` before
    ``app pid 8868: LOG:``, a process id ``[22815]:`` before a level). A bracketed source location
    after it stays in the message, where it joins the variants of its statement."""
    nxt = positions.get(index + 1)
    values = [row[index][0] for row in positions.rows if len(row) > index]
    if nxt is None or sum(1 for value in values if _LETTERLESS.fullmatch(value)) < CONSISTENT * len(values):
        return False
    after = [row[index + 1][0] for row in positions.rows if len(row) > index + 1]
    return nxt.family != "bracket" or sum(1 for value in after if SOURCE_RE.search(value)) <= len(after) / 2


def _row(line: str) -> Row:
    """The classified leading fields of one line."""
    return [(text, gap, kind_of(text)) for text, gap in split_fields(line, MAX_FIELDS)]


def _rows(sample: list[str], indented: bool) -> list[Row]:
    """The classified leading fields of the sample lines (continuations left out)."""
    rows = [_row(line) for line in sample if indented or not line[0].isspace()]
    return [row for row in rows if row]


TIME_LED = 0.5
"""Share of the lines that must open with a time-shaped field (``12:00:01``, ``2026-12-07``, ``Mon``;
a bare number is no such evidence) for the file's records to be taken to open with one: the other
lines are continuations, left out of learning, and a line is only read as a header where its first
field has that shape."""


PROGRAM_TAG = 0.98
"""Share of the lines whose first field must be one and the same ``name:`` for it to be the
program's tag (``nslcd:``, ``fetchmail:``, as C's ``error(3)`` and ``warn(3)`` print it)."""


def _program_tag(rows: list[Row]) -> Position | None:
    """The first field when it is one ``name:`` on nearly every line: the program's tag, not a
    message's first word (no one event opens nearly every line of a log). Where the file shows no
    header otherwise, the fields after the tag are learnt as if it were not there."""
    first = position(rows, 0)
    if first is None or first.family != "key" or first.top_share < PROGRAM_TAG or first.coverage < CONSISTENT:
        return None
    return first


FLUSH_RECORDS = 0.25
"""Share of the sample lines that must start flush for them alone to be tried as the records, where
most lines are indented (see `_flush_records`)."""


def _flush_records(sample: list[str]) -> list[HeaderModel] | None:
    """Header layouts learnt from the flush lines alone, when they are at least `FLUSH_RECORDS` of a
    sample that is mostly indented and their best layout holds a time or a bracketed field: records
    that open with one at the margin, with indented continuation lines (dumps, wrapped text, help)
    between them, even when those outnumber them. None when the flush lines show no such header."""
    flush = _rows(sample, False)
    if len(flush) < FLUSH_RECORDS * len(sample):
        return None
    models = _layouts(flush, indented=False)
    return models if models[0].regex is not None and (models[0].time_groups or models[0].bracket_groups) else None


def _names_only(fields: list[Position]) -> bool:
    """A layout of ``name:`` keys alone, with no time, level, id, bracket or separator: nothing tells
    it from a message that starts with an event word and a colon (``save: box=...``,
    ``Disconnected: ...``), so the message is taken to start at the beginning."""
    return bool(fields) and all(pos.family == "key" for pos in fields)


def header_hypotheses(lines: Iterable[str]) -> list[HeaderModel]:
    """Header layouts for sample lines, best first: the longest layout the column statistics
    support, then shorter ones that also end at a consistent field, then no header at all."""
    whole = [line[:STRUCTURED_CHARS] for line in lines if line.strip()]
    if not whole:
        return [HeaderModel(notes=["no lines to learn from"])]
    for prefixed in (False, True):
        note = "behind a text prefix" if prefixed else "one record per line"
        if looks_like_json(whole, prefixed=prefixed):
            return [HeaderModel(json=True, prefixed=prefixed, message_keys=message_keys(whole, prefixed=prefixed),
                                notes=[f"JSON lines, {note}"])]
        if looks_like_logfmt(whole, prefixed=prefixed):
            return [HeaderModel(logfmt=True, prefixed=prefixed, notes=[f"logfmt, {note}"])]
    sample = [line[:LEARN_CHARS] for line in outside_tracebacks(whole)] or [line[:LEARN_CHARS] for line in whole]
    indented = sum(1 for line in sample if line[0].isspace()) > 0.5 * len(sample)
    rows = _rows(sample, indented)
    if not rows:
        return [HeaderModel(notes=["only indented lines"])]
    models = _layouts(rows, indented=indented)
    if indented and (flush_models := _flush_records(sample)) is not None:
        indented, models = False, flush_models
    alone = _header_alone(sample, len(whole))
    if alone is not None and not _empties(models[0], alone.lines):
        return [alone.model, *models]
    tag = _program_tag(rows) if models[0].regex is None else None
    if tag is not None:
        rest = [row[1:] for row in rows if len(row) > 1]
        models = _layouts(rest, indented=indented, tag=tag) if rest \
            else [compile_header([tag], indented=indented), *models]
    flush = [line for line in sample if not line[0].isspace()]
    split = [(line, *models[0].split(line)) for line in flush]
    longer = _titled(models[0], split) or _sectioned(models[0], flush, indented=indented) \
        or _padded(models[0], split)
    return [longer, *models] if longer is not None else models


def _sectioned(model: HeaderModel, flush: list[str], *, indented: bool) -> HeaderModel | None:
    """`model` carried on to the last ``|`` that nearly every line reaches (`header_reach.pipes`),
    when its fields already hold a ``|``: a layout of sections between pipes, one of which holds a
    varying number of words (``| DEBUG | env | url:'...' id:'...' | message``; an empty section on
    other lines), so the columns could not line it up."""
    cuts = [i for i, spec in enumerate(model.fields) if spec.family == "sep" and spec.literal == "|"]
    if not cuts:
        return None
    reached = pipes(flush)
    if reached <= len(cuts):
        return None
    reached = message_section(flush, len(cuts), reached)  # a layout may put sections after its message too
    if reached <= len(cuts):
        return None
    specs = [*model.fields[:cuts[-1] + 1], FieldSpec(family="sections", strict=False)]
    longer = from_specs(specs[:-1], indented=indented)
    learnt = longer.regex.pattern + rf"(?:[^|\n]*\|){{{reached - len(cuts)}}}[ \t]*"  # type: ignore[union-attr]
    # a line whose fields differ from the ones learnt (a level word not in the sample) still has its sections
    longer.regex = re.compile(rf"(?:{learnt}|[ \t]*(?:[^|\n]*\|){{{reached}}}[ \t]*)")
    longer.fields = tuple(specs)
    longer.notes.append(f"sections between pipes: the header runs to the pipe number {reached} of each line")
    return longer


def _padded(model: HeaderModel, split: list[tuple[str, re.Match[str] | None, str]]) -> HeaderModel | None:
    """`model` carried on over a padded column that some lines leave empty (`header_reach`), when
    the sample's flush lines, `split` under it, show one after it; else None."""
    if model.regex is None or not split:
        return None
    kept = [(line, message) for line, match, message in split if match is not None and message]
    if len(kept) < CONSISTENT * len(split) or not empty_column([line for line, _ in kept], [text for _, text in kept]):
        return None
    return replace(model, fields=(*model.fields, FieldSpec(family="column", strict=False)),
                   regex=re.compile(model.regex.pattern + EMPTY_COLUMN_TAIL),
                   notes=[*model.notes, "a padded column that some lines leave empty"])


def _titled(model: HeaderModel, split: list[tuple[str, re.Match[str] | None, str]]) -> HeaderModel | None:
    """`model` carried on over a process title of several words up to its ``[pid]:``
    (`header_reach`), when the sample's flush lines, `split` under it, show one after it; else None."""
    if not has_titles([message for _line, _match, message in split]):
        return None
    head = model.regex.pattern if model.regex is not None else ""
    return replace(model, fields=(*model.fields, FieldSpec(family="title", strict=False)),
                   regex=re.compile(head + TITLE_TAIL),
                   notes=[*model.notes, "a process title of several words before its [pid]:"])


HEADER_ALONE = 0.15
"""Share of the lines that must hold a header and nothing else for a header on a line of its own."""
MOST_ALONE = 0.6
"""Largest share of such lines: beyond it too few lines are left to carry the messages."""
OTHERS_FIT = 0.25
"""Largest share of the other flush lines that may open with such a header: where more do, the
lines of one shape are one statement's messages behind the file's usual header, not headers alone."""


@dataclass
class _Alone:
    """A header found on lines of its own (`_header_alone`), with those lines."""

    model: HeaderModel
    lines: list[str]


def _header_alone(sample: list[str], total: int) -> _Alone | None:
    """A header on a line of its own, the message on the lines below it (Firebird's host and
    ``ctime``; an alert log's bare timestamps): at least `HEADER_ALONE` of the lines, starting at
    their first column, share one shape of fields with a time among them and nothing after it.
    Such a line is one record's header, its message empty; the lines below carry no header."""
    shaped = [(tuple(kind for _text, _gap, kind in row), row, line)
              for line in sample if not line[0].isspace() and (row := _row(line))]
    if not shaped:
        return None
    shape, count = Counter(kinds for kinds, _fields, _line in shaped).most_common(1)[0]
    if not HEADER_ALONE * total <= count <= MOST_ALONE * total:
        return None  # too few to be a layout, or so many that few lines would be left for messages
    if "time" not in shape or sum(kind not in ("time", "num") for kind in shape) > 1:
        return None  # a time and its numbers, with one host or name at most: no words of a message
    lines = [line for key, _fields, line in shaped if key == shape]
    aligned, flex, extra = align_rows([row for key, row, _line in shaped if key == shape])
    positions = _Positions(aligned, flex, extra)
    ends = _header_ends(positions, len(aligned))
    if not ends:
        return None
    model = compile_header(positions.done[: max(ends)])
    others = [line for key, _fields, line in shaped if key != shape]
    if (not model.time_groups or not _empties(model, lines)
            or sum(model.split(line)[0] is not None for line in others) > OTHERS_FIT * len(others)):
        return None  # the other lines open with this header too: it is every line's, with messages
    model.notes.append("a header on a line of its own: the message follows on the lines below")
    return _Alone(model, lines)


def _empties(model: HeaderModel, lines: list[str]) -> bool:
    """Whether `model` leaves most of `lines` with no message."""
    empty = sum(not model.split(line)[1].strip() for line in lines) if model.regex is not None else 0
    return empty >= CONSISTENT * len(lines) > 0


def _layouts(rows: list[Row], *, indented: bool, tag: Position | None = None) -> list[HeaderModel]:
    """The header layouts of `rows`, best first (see `header_hypotheses`); with `tag`, the rows
    follow a program tag, which every layout opens with."""
    lead = [tag] if tag is not None else []
    first = Counter(FAMILIES[row[0][2]] for row in rows).most_common(1)[0][0]
    starts = [row for row in rows if FAMILIES[row[0][2]] == first]
    if len(starts) < 0.3 * len(rows):
        starts = rows
    timed = [row for row in starts if row[0][2] == "time"]
    time_led = len(timed) >= TIME_LED * len(rows)
    if time_led:
        starts = timed
    aligned, flex, extra = align_rows(starts)
    positions = _Positions(aligned, flex, extra)
    ends = _header_ends(positions, len(aligned), tagged=tag is not None)
    if positions.done:
        positions.done[0].purity = len(starts) / len(rows)
        positions.done[0].time_led = time_led
    ends = [n for n in ends if sum(len(row) > n for row in aligned) >= 0.5 * len(aligned)]
    models = [compile_header([*lead, *positions.done[:n]], indented=indented) for n in reversed(ends)
              if not _names_only(positions.done[:n])]
    if lead:
        models.append(compile_header(lead, indented=indented))
    models.append(HeaderModel(notes=["no consistent header"]))
    last = ends[-1] if ends else 0
    extra = positions.get(last)
    if extra is not None and extra.family == "word" and extra.coverage >= CONSISTENT \
            and sum(len(row) > last + 1 for row in aligned) >= 0.5 * len(aligned):
        longer = compile_header([*lead, *positions.done[:last], extra], indented=indented)
        per_line = varies_within_events(aligned, last)
        component = not per_line and names_components(aligned, last)
        longer.notes.append("the field after the header names a component: a few namespaced names, each opening"
                            " many messages" if component else
                            "the field after the header varies within events: a per-line name")
        models.insert(0 if per_line or component else 1, longer)
    return models


def learn_header(lines: Iterable[str]) -> HeaderModel:
    """Learn the header layout from sample lines (a few hundred are plenty): the best hypothesis."""
    return header_hypotheses(lines)[0]
