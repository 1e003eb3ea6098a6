"""Small text helpers for plain-language output built from evidence."""

from __future__ import annotations

import re


def humanise(name: str) -> str:
    """`connection_pool_exhaustion` -> `connection pool exhaustion`."""
    return re.sub(r"[_-]+", " ", str(name)).strip()


def sentence(text: str) -> str:
    """`text` with a capital first letter (identifiers are left as they are) and a final full stop."""
    text = " ".join(str(text).split())
    if not text:
        return ""
    first = text.split(" ", 1)[0]
    if "_" not in first and "-" not in first:
        text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def minutes_phrase(minutes: float | None) -> str:
    """`12.0` -> `12 min ago`; None -> `at an unknown time`."""
    if minutes is None:
        return "at an unknown time"
    return f"{round(float(minutes))} min ago"
