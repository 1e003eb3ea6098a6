"""Where a header runs on past the columns: a process title before ``[pid]:``, sections between
pipes, a fixed-width column some lines leave empty.

The column statistics of `header` line fields up by position, so a header part that holds a
different number of words from line to line stops them. Three layouts do this and end at a mark the
columns miss:

- Syslog writes ``TAG[pid]: message``, where the tag is the name the process gave itself. Most are
  one word, but macOS applications keep the spaces of their names (``Microsoft Outlook[6791]:``)
  and daemons that rewrite their process title with `setproctitle` log under it (``vtund[c]: alpha
  connecting to 10.0.0.1[3079]:``). Where nearly every line reaches a ``[digits]:`` within a few
  words, and the word counts before it differ, the header goes on to it (`has_titles`). The
  title's words key no template: a title can carry a peer's address or a session name.
- A layout of sections between pipes (``time | LEVEL | area | context | message``) may hold a
  section of ``key:'value'`` pairs on some lines and nothing on others. Where the header learnt so
  far ends at a pipe and nearly every line has more (`pipes`), the header goes on to the section
  whose text takes the most shapes, the message (`message_section`): sections after the message
  (a logger, a thread) stay out.
- A format that pads a field to a width (Python's ``%(task)-15s``) prints blanks to that width
  where the field is empty. Lines that fill it show a word and two blanks or more; lines that do
  not show their message starting where the others' message starts (`empty_column`). The header
  then takes such a padded word where a line has one.
"""

from __future__ import annotations

import re
from collections import Counter

from aiops.analysis.header_stats import CONSISTENT

MAX_TITLE_WORDS = 8
"""Most words of a process title before the one that carries the ``[pid]:``."""

_TITLE = re.compile(rf"(?:[^\s|]+[ \t]+){{0,{MAX_TITLE_WORDS}}}?[^\s|\[\]]+\[\d+\]:(?=\s|$)")
"""A process title: a few words, then a name with its process id in brackets and a colon."""
TITLE_TAIL = _TITLE.pattern + r"[ \t]*"
"""The regex that extends a header over a process title and the blanks after it."""

WORD_COUNTS = 3
"""Fewest different word counts before the ``[pid]:`` for the title to need this rule: with one or
two the columns line up (a fixed tag, or a flexible field of `header_stats.align_rows`)."""


def has_titles(messages: list[str]) -> bool:
    """Whether nearly every message (what is left of a flush line after the header learnt so far)
    opens with a process title that ends in ``[pid]:``, with at least `WORD_COUNTS` different
    numbers of words before it and none of them on nearly every such line."""
    counts: Counter[int] = Counter()
    for message in messages:
        found = _TITLE.match(message)
        if found is not None:
            counts[len(found.group().split()) - 1] += 1
    reached = sum(counts.values())
    return bool(messages) and reached >= CONSISTENT * len(messages) and len(counts) >= WORD_COUNTS \
        and counts.most_common(1)[0][1] < CONSISTENT * reached


MIN_PIPED = 10
"""Fewest lines from which a count of pipes is taken."""


def pipes(lines: list[str]) -> int:
    """The most ``|`` that nearly every one of `lines` holds (at least `CONSISTENT` of them); 0 for
    fewer than `MIN_PIPED` lines."""
    counts = sorted((line.count("|") for line in lines), reverse=True)
    return counts[int(CONSISTENT * len(counts)) - 1] if len(counts) >= MIN_PIPED else 0


_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|\d+")
"""Quoted values and numbers, set aside when the shapes of a section's text are counted."""


def message_section(lines: list[str], first: int, last: int) -> int:
    """Which section between pipes holds the message, from section `first` to `last` (section j
    follows the j-th ``|``; the last runs to the end of the line): the one whose text takes the
    most shapes (quoted values and numbers set aside). A header's sections, a context of
    ``key:'value'`` pairs, a logger or a thread name, take few; ties go to the earlier section."""
    best, most = first, -1
    for at in range(first, last + 1):
        shapes = set()
        for line in lines:
            parts = line.split("|")
            if len(parts) > at:
                shapes.add(_QUOTED.sub("", "|".join(parts[at:]) if at == last else parts[at]).strip())
        if len(shapes) > most:
            best, most = at, len(shapes)
    return best


EMPTY_COLUMN_TAIL = r"(?:[^\s|]+[ \t]{2,})?"
"""The regex that extends a header over a padded column, where a line fills it."""
FILLED = 0.2
"""Least share of the lines that fill the column for it to be one."""
EMPTY = 0.05
"""Least share of the lines that leave it empty: with none the column statistics decide."""
ALIGNED = 0.75
"""Least share of the lines whose message starts at the column's end, filled or not."""


def empty_column(lines: list[str], messages: list[str]) -> bool:
    """Whether the messages (what `lines` keep after the header learnt so far) open with a column
    padded to one width that some lines leave empty (see the module docstring): among the lines,
    at least `FILLED` hold a word and two blanks or more that end at one character column, at
    least `EMPTY` start their message at that column, and together they are `ALIGNED` of all."""
    filled: Counter[int] = Counter()
    starts: Counter[int] = Counter()
    for line, message in zip(lines, messages, strict=True):
        start = len(line) - len(message)
        starts[start] += 1
        word = message.split(" ", 1)[0]
        rest = message[len(word):]
        blanks = len(rest) - len(rest.lstrip(" "))
        if word and blanks >= 2 and rest.strip():
            filled[start + len(word) + blanks] += 1
    if not filled or not lines:
        return False
    column, full = filled.most_common(1)[0]
    empty = starts[column]
    return full >= FILLED * len(lines) and empty >= EMPTY * len(lines) and full + empty >= ALIGNED * len(lines)
