"""Regex bodies of a learned header's bracketed and level fields: how a field seen in the sample
is matched on every later line."""

from __future__ import annotations

import re

from aiops.analysis.fields import LEVEL_WORDS

_BRACKETS = {
    "[": r"\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]", "(": r"\((?:[^()\n]|\([^()\n]*\))*\)",
    "<": r"<[^<>\n]*>", "{": r"\{[^{}\n]*\}",
}
"""One bracketed group per opening bracket (square and round ones may hold one level of nesting)."""
_TAIL = r"[^\s|]*"
BRACKET = rf"(?:{'|'.join(_BRACKETS.values())}){_TAIL}"
"""A bracketed field of any kind, with what is glued to its closing bracket (``[12]:``)."""


def bracket_body(opener: str) -> str:
    """A bracketed field opening with `opener`, or of any kind when no one bracket was seen: a
    header's bracketed field is printed by one format, so a line whose field opens with another
    bracket (a JSON object among text lines) is no record under it."""
    return _BRACKETS[opener] + _TAIL if opener in _BRACKETS else BRACKET


_WORDS = "|".join(sorted(LEVEL_WORDS, key=len, reverse=True))
_LEVEL_STYLES = {
    "bracket": r"[\[(<{][A-Za-z]+ *[\])>}]:?",
    "colon": rf"(?i:{_WORDS}):",
    "bare": rf"(?i:{_WORDS}),?|[VTDIWEF]",
    "arrow": r"[VTDIWEF!]>",
}
"""Level fields written like the ones seen: bracketed (padded inside to a column too, as a
left-justified ``%-5s`` prints ``[INFO ]`` beside ``[DEBUG]``), a label with a colon, a bare word,
or one letter with an arrow (``I>``)."""


def level_body(seen: tuple[str, ...]) -> str:
    """A level field: one of the level texts seen in the sample, or a new one written the same way
    (``[Note]`` -> any bracketed word), never a plain message word such as ``log``."""
    if seen and all(t[0] in "[(<{" for t in seen):
        style = "bracket"
    elif seen and all(t.endswith(":") for t in seen):
        style = "colon"
    elif seen and all(len(t) == 2 and t.endswith(">") for t in seen):
        style = "arrow"  # one letter and an arrow; ``!>`` is a failed system call's level
    else:
        style = "bare"
    known = "|".join(re.escape(t) for t in sorted(seen, key=len, reverse=True))
    return rf"(?:{known + '|' if known else ''}{_LEVEL_STYLES[style]})(?=[\s|]|$)"
