"""Error texts a C library fills into a message (`error_texts.txt`: ``strerror``, ``%m``,
``gai_strerror``), found where programs write them: after a colon and a blank (``Cannot write
/run/x.tmp: Permission denied``), in parentheses (``Cannot create /run/x.pid (Resource temporarily
unavailable)``) or after Python's ``[Errno N]``. There each is one variable of its statement,
however many words it has; elsewhere (a message that is the text alone, or the text going on into
more words) it is left to the word rules."""

from __future__ import annotations

from pathlib import Path

__all__ = ["error_spans"]

TEXTS_FILE = Path(__file__).resolve().parent / "error_texts.txt"
_LEADS = (": ", "(", "] ")
"""What may come right before an error text."""
_ENDS = frozenset(".,;:)]'\"")
"""Characters that may come right after one (or the end of the message, or a blank before one of
``(``, ``[``, ``-``)."""


def _load(path: Path = TEXTS_FILE) -> dict[str, tuple[str, ...]]:
    """First word -> the texts starting with it, longest first."""
    by_first: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.strip()
        if text and not text.startswith("#"):
            first = text.split()[0]
            by_first.setdefault(first, []).append(text)
    return {word: tuple(sorted(texts, key=len, reverse=True)) for word, texts in by_first.items()}


_BY_FIRST = _load()


def _closed(text: str, end: int) -> bool:
    """True when an error text ending at `end` ends there (not a longer phrase going on)."""
    if end == len(text) or text[end] in _ENDS:
        return True
    return text[end] == " " and text[end + 1:end + 2] in ("(", "[", "-", "")


def error_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every library error text in `text` (see the module docstring), in order."""
    found: list[tuple[int, int]] = []
    for lead in _LEADS:
        at = text.find(lead)
        while at >= 0:
            start = at + len(lead)
            if lead == "] " and not text[:at].rstrip("-0123456789").endswith("[Errno "):
                at = text.find(lead, start)
                continue
            space = text.find(" ", start)
            first = text[start:space if space > 0 else len(text)]
            for candidate in _BY_FIRST.get(first, ()):
                end = start + len(candidate)
                if text.startswith(candidate, start) and _closed(text, end):
                    found.append((start, end))
                    break
            at = text.find(lead, start)
    return sorted(found)
