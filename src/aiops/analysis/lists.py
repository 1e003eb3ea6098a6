"""Statements that print each name of a fixed list after a label.

A loop over a list of names (start-up steps, loaded plugins, configuration options) prints
``Plugin loaded: version``, ``Plugin loaded: rand``, ... from one statement. Each name is constant
text, often of several words, so the miner first gives every name its own template. The file shows
the loop by its counts: every template after that label was printed equally often (once per pass
over the list), and no other template shares the words up to the label. Such templates are one
statement's, ``Plugin loaded: <*>``.

Distinct statements that share a label look otherwise: the label opens the message (a component
or level prefix such as ``pinger:`` or ``debug:``, used by many statements printed at different
rates), names a severity (the text after ``error:`` is the statement's reason), or is followed by
a sentence (a full stop, a further label, a ``key=`` field)."""

from __future__ import annotations

import re
from collections import defaultdict

from aiops.analysis.template import WILD, Template
from aiops.analysis.variables import VALUE_SETS

MIN_NAMES = 3
"""Fewest templates after one label before their equal counts say "one loop", not chance."""
MIN_PASSES = 2
"""Fewest passes over the list: a list printed once is a start-up sequence as much as a loop."""

_LABEL = re.compile(r"[A-Za-z][\w.-]*:")
_LEVELS = frozenset(word.lower() for word, name in VALUE_SETS.items() if name == "level-upper")
_SEVERITY = _LEVELS | {"failed", "failure"}
"""Labels after which the text is a statement's reason, not a name from a list."""


def label_at(tokens: list[str]) -> int:
    """Index of the first label (``loaded:``) that has a constant word after it and a word of text
    (not a value, not an upper-case tag) before it, or -1."""
    for index, word in enumerate(tokens[:-1]):
        if _LABEL.fullmatch(word) and any(WILD not in after for after in tokens[index + 1:]):
            text = any(before.isalpha() and len(before) > 1 and not before.isupper() for before in tokens[:index])
            return index if text else -1
    return -1


def _named(tokens: list[str], at: int) -> bool:
    """Whether the words after the label at `at` read as a name: no label, ``key=`` field or
    sentence end among them (an ellipsis is no sentence end), and a label that names no severity."""
    if tokens[at][:-1].lower() in _SEVERITY:
        return False
    return not any(word.endswith(":") or "=" in word or (word[-1] in ".!;" and not word.endswith("..."))
                   for word in tokens[at + 1:])


def listed(templates: list[Template]) -> list[tuple[int, list[Template]]]:
    """Groups of templates (each in the order of `templates`) that one statement printed over a
    list of names (see the module docstring), each with the index of their shared label."""
    by_stem: dict[tuple[str, ...], list[tuple[Template, int]]] = defaultdict(list)
    for template in templates:
        if template.into is None and template.count:
            at = label_at(template.tokens)
            if at >= 0:
                by_stem[tuple(template.tokens[:at + 1])].append((template, at))
    found = []
    for stem, members in by_stem.items():
        counts = {template.count for template, _ in members}
        if (len(members) >= MIN_NAMES and len(counts) == 1 and counts.pop() >= MIN_PASSES
                and all(_named(template.tokens, at) for template, at in members)):
            found.append((len(stem) - 1, [template for template, _ in members]))
    return found
