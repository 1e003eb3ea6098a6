"""Error texts a C library fills into a message (`error_texts.txt`: ``strerror``, ``%m``,
``gai_strerror``), as a masking rule for where programs write them: after a colon and a blank
(``Cannot write /run/x.tmp: Permission denied``), in parentheses (``Cannot create /run/x.pid
(Resource temporarily unavailable)``) or after a bracketed number (Python's ``[Errno 111]
Connection refused``). There each is one variable of its statement, however many words it has;
elsewhere (a message that is the text alone, or the text going on into more words) it is left to
the word rules."""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["ERROR_TEXT", "load"]

TEXTS_FILE = Path(__file__).resolve().parent / "error_texts.txt"


def load(path: Path = TEXTS_FILE) -> list[str]:
    """The error texts of `path`, one per line (``#`` starts a comment line)."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def _pattern(texts: list[str]) -> str:
    """A regex matching any of `texts` after a lead and before an end (see the module docstring);
    grouped by first word, so the engine tries one word per place before the rest, and only where
    a capital letter starts (each text starts with one; the cheap test comes first, since the rule is
    tried wherever a word starts)."""
    by_first: dict[str, list[str]] = {}
    for text in sorted(texts, key=len, reverse=True):
        first, _, rest = text.partition(" ")
        by_first.setdefault(first, []).append(re.escape(rest))
    words = "|".join(f"{re.escape(first)} (?:{'|'.join(rests)})" for first, rests in by_first.items())
    return rf"(?=[A-Z])(?:(?<=: )|(?<=\()|(?<=\d\] ))(?:{words})(?=$|[.,;:)\]'\"]| [(\[-]| $)"


ERROR_TEXT = _pattern(load())
"""The masking rule's regex (`masking.WORD_RULES`)."""
