"""Digest raw log lines (a file, a pipe) whose times and levels come from header learning.

`records_from_lines(lines)` turns text lines into core `LogRecord`s: the learned header gives the
message part, the level and the timestamp. A line without a timestamp of its own (a stack-trace
line, a continuation) takes the time and level of the line before it. `digest_lines(lines)` keeps
the newest `limit` records (bounded memory, like `LogSource.fetch`) and digests them over the span
they cover.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from aiops.analysis.digest import LogDigest, build_digest
from aiops.analysis.fields import level_of
from aiops.analysis.logparse import LogParser
from aiops.analysis.timeparse import TimeParser
from aiops.core.types import LogRecord

DEFAULT_LIMIT = 200_000
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


LEADING_UNTIMED = 1_000
"""Lines before the first timestamped one wait (up to this many) to take its time, so one odd first
line does not stretch the window back to 1970."""


def records_from_lines(lines: Iterable[str], *, service: str = "", default_year: int | None = None,
                       parser: LogParser | None = None) -> Iterator[tuple[LogRecord, bool]]:
    """(record, whether its time came from the line) for every non-blank line."""
    parser = parser or LogParser()
    clock = TimeParser(default_year=default_year)
    last_ts: datetime | None = None
    last_level = ""
    waiting: list[tuple[str, str, str, int]] = []
    for parsed in parser.parse(lines):
        if not parsed.raw.strip():
            continue
        stamp = clock.parse(parsed.time_text) if parsed.time_text else None
        own = stamp is not None
        level = level_of(parsed.level_text) if parsed.level_text else ""
        if parsed.header:
            last_level = level
        else:
            level = last_level
        if own:
            last_ts = stamp
            for w_level, w_message, w_raw, _ in waiting:
                yield LogRecord(ts=stamp, service=service, level=w_level, message=w_message, raw=w_raw), False
            waiting.clear()
        elif last_ts is None and len(waiting) < LEADING_UNTIMED:
            waiting.append((level, parsed.message, parsed.raw, parsed.number))
            continue
        ts = stamp or last_ts or (_EPOCH + timedelta(seconds=parsed.number))
        yield LogRecord(ts=ts, service=service, level=level, message=parsed.message,
                        raw=parsed.raw), own
    for w_level, w_message, w_raw, number in waiting:
        yield LogRecord(ts=_EPOCH + timedelta(seconds=number), service=service, level=w_level, message=w_message,
                        raw=w_raw), False


def digest_lines(lines: Iterable[str], *, service: str = "", signatures: Sequence[Any] | None = None,
                 budget_tokens: int = 2000, limit: int = DEFAULT_LIMIT,
                 default_year: int | None = None) -> LogDigest:
    """Digest the newest `limit` records of raw text lines."""
    kept: deque[LogRecord] = deque(maxlen=limit)
    timed = 0
    total = 0
    for record, own in records_from_lines(lines, service=service, default_year=default_year):
        kept.append(record)
        total += 1
        timed += own
    if kept:
        start = min(r.ts for r in kept)
        end = max(r.ts for r in kept)
    else:
        start = end = _EPOCH
    if end <= start:
        end = start + timedelta(seconds=1)
    digest = build_digest(kept, start=start, end=end, signatures=signatures, budget_tokens=budget_tokens,
                          timeless=timed == 0)
    digest.extra["input_records"] = total
    return digest
