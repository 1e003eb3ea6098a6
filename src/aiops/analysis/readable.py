"""Readable templates: digits inside words that never changed are shown as they are.

Masking hides every digit, so that ``eth0`` / ``eth1`` group together and lines of one shape mask
alike. The price is templates such as ``Failed password for <*> from <*> port <*> ssh<*>`` or
``jk<*>_init() Found child <*>``: the ``2`` in ``ssh2`` and ``jk2_init()`` is constant text. A
template therefore remembers, for each of its tokens that differs from the raw word only by
masked digits (``ssh<*>`` for ``ssh2``), the raw word of its first line, and shows it for as long
as every later line has that same word there. Templates that show such a word are kept out of the
digit-blind shape tables (which could not see a different digit), so the check sees every line.
"""

from __future__ import annotations

import re

from aiops.analysis.masking import MASK

_DIGITS = str.maketrans("", "", "0123456789")
_LETTER = re.compile(r"[^\W\d_]")
_INSIDE = re.compile(r"(?<=[^\W\d])<\*>|<\*>(?=[^\W\d])")
"""A masked digit run with a letter or underscore right next to it: part of a word, not a value."""

Shown = dict[int, tuple[str, str]]
"""Position -> (masked token, raw word shown in its place)."""


def raw_tokens(message: str, count: int) -> list[str] | None:
    """The blank-separated words of `message` when there are `count` of them (None otherwise: the
    masked tokens do not line up with the raw words, e.g. a date masked across blanks)."""
    words = message.split()
    return words if len(words) == count else None


def digit_constants(tokens: list[str], words: list[str]) -> Shown:
    """Positions whose masked token only hides digits inside a word (``ssh<*>``/``ssh2``), never a
    value after a delimiter (``uid=<*>``/``uid=0``)."""
    shown: Shown = {}
    for index, (token, word) in enumerate(zip(tokens, words, strict=True)):
        if MASK in token and token != MASK and len(_INSIDE.findall(token)) == token.count(MASK) \
                and _LETTER.search(token.replace(MASK, "")) \
                and word.translate(_DIGITS) == token.replace(MASK, "") and word != token:
            shown[index] = (token, word)
    return shown


def keep_constant(shown: Shown, words: list[str] | None) -> bool:
    """Drop the shown words this line disagrees with; True when something was dropped."""
    dropped = False
    for index, (_, word) in list(shown.items()):
        if words is None or index >= len(words) or words[index] != word:
            del shown[index]
            dropped = True
    return dropped


def render(tokens: list[str], shown: Shown) -> str:
    """The template text: tokens, with the shown words where the token is still the masked one."""
    if not shown:
        return " ".join(tokens)
    return " ".join(shown[i][1] if i in shown and shown[i][0] == token else token for i, token in enumerate(tokens))
