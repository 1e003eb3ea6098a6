"""Alert text as the incident keeps it: valid Unicode and bounded in size. The alert is stored in
the index, every checkpoint, the first message to the team and both reports, so a 10 MB alert is
cut to its first `MAX_ALERT_CHARS` characters with a note saying how long it was."""

from __future__ import annotations

MAX_ALERT_CHARS = 4_000
"""Longest alert kept (a full Alertmanager alert with summary and description is well under this)."""


def valid_text(text: str) -> str:
    """`text` as valid Unicode: bytes the shell could not decode (surrogate escapes in argv) are read
    as UTF-8 where they are, and anything else invalid becomes U+FFFD."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")


def clean_alert(text: str) -> str:
    """The alert as valid Unicode, cut to `MAX_ALERT_CHARS` characters with a note when longer."""
    text = valid_text(text)
    if len(text) <= MAX_ALERT_CHARS:
        return text
    return (f"{text[:MAX_ALERT_CHARS]} … [alert truncated: {len(text):,} characters in all; "
            f"the first {MAX_ALERT_CHARS:,} are kept]")


def truncation_note(text: str) -> str | None:
    """The note `clean_alert` appended to an alert it cut, or None."""
    if not text.endswith("are kept]"):
        return None
    at = text.find("[alert truncated:", MAX_ALERT_CHARS)
    return text[at:] if at >= 0 else None
