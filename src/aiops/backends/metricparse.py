"""Reading metric samples from files: CSV (`timestamp,metric,labels,value`, labels as `k="v",...`)
and Prometheus / OpenMetrics text exposition with timestamps.

Each reader yields `Sample(ts, name, labels, value)`. Problems are collected per file as short
notes (line number and what was wrong) instead of stopping the read: one bad row must not hide
the rest of an incident's metrics.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from aiops.backends.logparse import epoch, parse_timestamp

MAX_NOTES = 20
_LABEL = re.compile(r'\s*([A-Za-z_][\w.:-]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*,?')
_SAMPLE = re.compile(r"^([A-Za-z_:][\w:.]*)\s*(\{.*\})?\s+(\S+)(?:\s+(\S+))?\s*(?:#.*)?$")
_ESCAPES = {"\\n": "\n", '\\"': '"', "\\\\": "\\"}


@dataclass(frozen=True, slots=True)
class Sample:
    """One sample of one series."""

    ts: datetime
    name: str
    labels: tuple[tuple[str, str], ...]
    value: float


@dataclass
class ReadNotes:
    """What a read skipped, for `aiops bundle check` and `env check`."""

    rows: int = 0
    skipped: int = 0
    notes: list[str] = field(default_factory=list)

    def skip(self, where: str, why: str) -> None:
        """Count a skipped row (its first notes are kept)."""
        self.skipped += 1
        if len(self.notes) < MAX_NOTES:
            self.notes.append(f"{where}: {why}")


def parse_labels(text: str) -> tuple[tuple[str, str], ...]:
    """`a="1",b="x"` (optionally inside braces) as sorted pairs; ValueError when malformed."""
    text = text.strip()
    if text.startswith("{") and text.endswith("}"):
        text = text[1:-1]
    pairs: list[tuple[str, str]] = []
    pos = 0
    while pos < len(text):
        match = _LABEL.match(text, pos)
        if match is None:
            if text[pos:].strip():
                raise ValueError(f"cannot read labels at {text[pos:pos + 30]!r}")
            break
        value = re.sub(r'\\[n"\\]', lambda m: _ESCAPES[m.group(0)], match.group(2))
        pairs.append((match.group(1), value))
        pos = match.end()
    return tuple(sorted(pairs))


def _time(text: str) -> datetime:
    text = text.strip()
    try:
        return epoch(float(text))
    except ValueError:
        pass
    found = parse_timestamp(text)
    if found is None:
        raise ValueError(f"unreadable timestamp {text!r}")
    return found[0]


def _value(text: str) -> float:
    value = float(text.strip())
    if math.isnan(value):
        raise ValueError("NaN")
    return value


def read_csv(path: Path, notes: ReadNotes) -> Iterator[Sample]:
    """Samples of a `timestamp,metric,labels,value` CSV (a header row is required)."""
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = {f.strip().lower(): f for f in reader.fieldnames or []}
        missing = [k for k in ("timestamp", "metric", "value") if k not in fields]
        if missing:
            notes.skip(path.name, f"no column {', '.join(missing)} (expected timestamp,metric,labels,value)")
            return
        for number, row in enumerate(reader, 2):
            try:
                yield Sample(
                    ts=_time(row[fields["timestamp"]] or ""),
                    name=(row[fields["metric"]] or "").strip(),
                    labels=parse_labels(row.get(fields.get("labels", ""), "") or ""),
                    value=_value(row[fields["value"]] or ""),
                )
                notes.rows += 1
            except (ValueError, TypeError, OverflowError, OSError) as exc:
                notes.skip(f"{path.name}:{number}", str(exc))


def read_exposition(path: Path, notes: ReadNotes) -> Iterator[Sample]:
    """Samples of Prometheus or OpenMetrics text; every sample needs its own timestamp (seconds or
    milliseconds since the epoch, told apart by size)."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, raw in enumerate(handle, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            match = _SAMPLE.match(line)
            if match is None:
                notes.skip(f"{path.name}:{number}", "not a sample line")
                continue
            name, labels, value, stamp = match.groups()
            if stamp is None:
                notes.skip(f"{path.name}:{number}", "sample without a timestamp")
                continue
            try:
                yield Sample(ts=_time(stamp), name=name, labels=parse_labels(labels or ""), value=_value(value))
                notes.rows += 1
            except (ValueError, OverflowError, OSError) as exc:
                notes.skip(f"{path.name}:{number}", str(exc))


def read_samples(path: Path, notes: ReadNotes) -> Iterator[Sample]:
    """Samples of one file, by its extension (`.csv`; `.om`, `.prom`, `.txt`, `.metrics`)."""
    if path.suffix.lower() == ".csv":
        yield from read_csv(path, notes)
    else:
        yield from read_exposition(path, notes)


def utc(ts: datetime) -> datetime:
    """`ts` as timezone-aware UTC."""
    return ts.replace(tzinfo=UTC) if ts.tzinfo is None else ts.astimezone(UTC)
