"""Text from models, telemetry and alerts, made safe to show on a terminal or in a report.

Untrusted text could otherwise drive the terminal: move the cursor and erase lines (ANSI CSI), set
the window title or hyperlinks (OSC), return to the line start (a bare CR) or reorder what is shown
(bidi overrides). Every such character is shown escaped instead (`\\x1b`, `\\r`, `\\u202e`), so the
text is still readable and nothing in it acts. `safe_line` also escapes newlines, for text that must
stay on its own labelled line; `safe_text` keeps newlines (paragraphs, a report file).
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\ufff9-\ufffb]"
)
"""C0 controls but tab, DEL, C1 controls, invisible and direction-changing characters, line separators."""


_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _cut(text: str, limit: int | None) -> str:
    return text if limit is None or len(text) <= limit else text[: max(0, limit - 1)] + "…"


def safe_line(value: object, *, limit: int | None = None) -> str:
    """`value` as one line of inert text: every control character (newlines too) shown escaped."""
    return _cut(_UNSAFE.sub(_escape, str(value)), limit)


def safe_text(value: object, *, limit: int | None = None) -> str:
    """`value` as inert text that keeps its line breaks (CRLF becomes LF; a bare CR is escaped)."""
    text = str(value).replace("\r\n", "\n")
    return _cut("\n".join(_UNSAFE.sub(_escape, line) for line in text.split("\n")), limit)
