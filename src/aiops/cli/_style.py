"""Colour for people at a terminal: only when the stream is a TTY, `$NO_COLOR` is unset
(https://no-color.org) and `$TERM` is not `dumb`. Everything else gets plain text."""

from __future__ import annotations

import os
import sys
from typing import TextIO

STYLES = {"prompt": "1;36", "good": "32", "warn": "33", "bad": "1;31", "dim": "2", "bold": "1"}
STATUS_STYLE = {"resolved": "good", "no_action": "good", "awaiting_approval": "warn", "interrupted": "warn",
                "running": "warn", "unresolved": "bad", "closed": "dim"}


def use_colour(stream: TextIO | None = None) -> bool:
    """True when `stream` (stderr by default) is a terminal that should get colour."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    stream = stream or sys.stderr
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def paint(text: str, style: str, stream: TextIO | None = None) -> str:
    """`text` in `style` (see STYLES) when `stream` takes colour, else unchanged."""
    return f"\033[{STYLES[style]}m{text}\033[0m" if use_colour(stream) else text


def status(text: str, stream: TextIO | None = None) -> str:
    """An incident status, coloured by what it means."""
    return paint(text, STATUS_STYLE[text], stream) if text in STATUS_STYLE else text
