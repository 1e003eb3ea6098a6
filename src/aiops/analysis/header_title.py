"""A syslog tag whose process name runs over several words, up to its ``[pid]:``.

Syslog writes ``TAG[pid]: message``, where the tag is the name the process gave itself. Most
names are one word and the column statistics of `header` take them as a key field. Some are not:
macOS applications keep the spaces of their names (``Microsoft Outlook[6791]:``), and daemons that
rewrite their process title with `setproctitle` log under it (``vtund[c]: alpha connecting to
10.0.0.1[3079]:``). Such a tag holds a different number of words from line to line, so no column
lines up; the ``[digits]:`` that closes it does. Where nearly every line, after the header learnt
so far, reaches one within a few words, and the word counts before it differ, the header goes on
to it. The words of the title are left out of the template's key: a title can carry a peer's
address or a session name, and one statement logs under many titles.
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
