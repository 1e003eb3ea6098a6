"""Per-template statistics of a digest window and their summary (counts, rates, changes, bursts,
onsets, error sequences). Constant memory per template: counters, a fixed number of time bins and
the busiest minute seen so far.

Ranking weighs severity (level, known signatures, problem words on unlevelled lines), volume (the
template's share of the lines), novelty (new or surging, discounted for a template seen once or
twice) and bursts (a minute far busier than the template's average), so a digest shows both what
dominates the logs and what is abnormal.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from aiops.analysis.fields import level_of
from aiops.analysis.miner import Template
from aiops.analysis.signatures import Signature

BINS = 60
SPLIT = 40
"""Bins before the split are "earlier", the rest (the last third of the window) "recent"."""
EXAMPLES = 2
EXAMPLE_CHARS = 400
RANK = {"": 1, "TRACE": 0, "DEBUG": 0, "INFO": 1, "WARN": 3, "ERROR": 5, "FATAL": 6}
SEVERITY_WEIGHT = {"info": 0.5, "warning": 2.0, "error": 3.0, "critical": 4.0}
CHANGE_WEIGHT = {"new": 3.0, "surge": 2.5, "stopped": 1.5, "drop": 1.0, "steady": 0.0}
_INFER = re.compile(
    r"\b(FATAL|PANIC|CRITICAL|SEVERE|ERROR|Exception|Traceback|WARN(?:ING)?)\b|\b(error|fatal|panic)\b:")
_INFERRED = {"FATAL": "FATAL", "PANIC": "FATAL", "CRITICAL": "FATAL", "SEVERE": "ERROR", "ERROR": "ERROR",
             "Exception": "ERROR", "Traceback": "ERROR", "WARN": "WARN", "WARNING": "WARN"}
_PROBLEM = re.compile(
    r"\b(fail(?:s|ed|ure|ures)?|denied|refused|invalid|abnormal(?:ly)?|unable|cannot|can't|could ?n[o']t|"
    r"timed? ?out|unreachable|not connected|rejected|illegal|violation|corrupt(?:ed)?)\b", re.IGNORECASE)
"""Words that mark a problem on a line with no level of its own (syslog, plain files): a warning."""
VOLUME_WEIGHT = 6.0
BURST_WEIGHT = 1.5
BURST_MIN = 5
BURST_FACTOR = 4.0


def iso(ts: datetime | None) -> str | None:
    """ISO 8601 in UTC with a Z (milliseconds only when there are some)."""
    if ts is None:
        return None
    ts = ts.astimezone(UTC) if ts.tzinfo else ts.replace(tzinfo=UTC)
    return ts.isoformat(timespec="milliseconds" if ts.microsecond else "seconds").replace("+00:00", "Z")


def normal_level(level: str, message: str) -> str:
    """A core level for a record's level text; inferred from the message when there is none."""
    if level in RANK:
        if level:
            return level
        for word in message[:60].split()[:3]:
            named = level_of(word)
            if named and len(word) > 1:
                return named
        found = _INFER.search(message[:300])
        if found is None:
            return "WARN" if _PROBLEM.search(message[:300]) else ""
        return _INFERRED.get(found.group(1) or "", "ERROR" if found.group(2) in ("error",) else "FATAL")
    return level_of(level) or level_of(level.upper()) or ""


@dataclass(slots=True)
class Window:
    """The digest window, cut into BINS equal bins."""

    start: datetime
    end: datetime
    _t0: float = 0.0
    _width: float = 1.0

    def __post_init__(self) -> None:
        if self.start.tzinfo is None:
            self.start = self.start.replace(tzinfo=UTC)
        if self.end.tzinfo is None:
            self.end = self.end.replace(tzinfo=UTC)
        if self.end < self.start:
            self.start, self.end = self.end, self.start
        self._t0 = self.start.timestamp()
        self._width = max((self.end - self.start).total_seconds() / BINS, 1e-3)

    @property
    def minutes(self) -> float:
        """Length of the window in minutes (at least one bin)."""
        return max((self.end - self.start).total_seconds(), self._width * BINS) / 60

    def bin(self, ts: datetime) -> int:
        """Bin index of a timestamp (clamped into the window)."""
        index = int((ts.timestamp() - self._t0) // self._width)
        return 0 if index < 0 else BINS - 1 if index >= BINS else index

    def bin_start(self, index: int) -> datetime:
        """Start time of a bin."""
        return self.start + timedelta(seconds=self._width * index)

    def to_dict(self) -> dict[str, Any]:
        """start, end, minutes and the earlier/recent split time."""
        return {"start": iso(self.start), "end": iso(self.end), "minutes": round(self.minutes, 2),
                "split": iso(self.bin_start(SPLIT))}


@dataclass(slots=True, eq=False)
class TemplateStats:
    """Counters of one template over the window."""

    template: Template
    signatures: list[Signature]
    count: int = 0
    levels: dict[str, int] = field(default_factory=dict)
    first: datetime | None = None
    last: datetime | None = None
    first_error: datetime | None = None
    bins: list[int] = field(default_factory=lambda: [0] * BINS)
    examples: list[str] = field(default_factory=list)
    example_rank: int = -1
    minute: int = -1
    minute_count: int = 0
    peak_minute: int = -1
    peak_count: int = 0

    def add(self, record: Any, window: Window) -> None:
        """Count one record."""
        ts: datetime = record.ts
        level = normal_level(record.level, record.message)
        self.count += 1
        minute = int(ts.timestamp() // 60)
        self.minute_count = self.minute_count + 1 if minute == self.minute else 1
        self.minute = minute
        if self.minute_count > self.peak_count:
            self.peak_count, self.peak_minute = self.minute_count, minute
        self.levels[level] = self.levels.get(level, 0) + 1
        if self.first is None or ts < self.first:
            self.first = ts
        if self.last is None or ts > self.last:
            self.last = ts
        self.bins[window.bin(ts)] += 1
        rank = RANK.get(level, 1)
        if rank >= 5 and (self.first_error is None or ts < self.first_error):
            self.first_error = ts
        raw = (record.raw or record.message)[:EXAMPLE_CHARS]
        if rank > self.example_rank:
            self.examples = [raw]
            self.example_rank = rank
        elif rank == self.example_rank and len(self.examples) < EXAMPLES and raw not in self.examples:
            self.examples.append(raw)

    @property
    def level(self) -> str:
        """The most frequent level (the more severe one on a tie)."""
        return max(self.levels, key=lambda lv: (self.levels[lv], RANK.get(lv, 1))) if self.levels else ""

    @property
    def worst(self) -> int:
        """Rank of the most severe level seen."""
        return max((RANK.get(lv, 1) for lv in self.levels), default=1)


def _change(earlier: int, recent: int) -> str:
    rate_e, rate_r = earlier / SPLIT, recent / (BINS - SPLIT)
    if earlier == 0:
        return "new" if recent else "steady"
    if recent == 0:
        return "stopped" if rate_e * (BINS - SPLIT) >= 3 and earlier >= 5 else "steady"
    if recent >= 5 and rate_r >= 3 * rate_e:
        return "surge"
    if rate_e * (BINS - SPLIT) >= 6 and rate_r <= rate_e / 3:
        return "drop"
    return "steady"


def _step(bins: list[int]) -> int | None:
    """Bin where the rate steps up the most (mean after vs mean before), if it at least doubles."""
    total, before, best, best_gain = sum(bins), 0, None, 0.0
    for index in range(1, len(bins)):
        before += bins[index - 1]
        mean_before, mean_after = before / index, (total - before) / (len(bins) - index)
        gain = mean_after - mean_before
        if mean_after >= 2 * mean_before + 0.1 and gain > best_gain:
            best, best_gain = index, gain
    return best


def _burst(stat: TemplateStats, window: Window) -> dict[str, Any] | None:
    """The template's busiest minute, when it is far busier than its average over the window."""
    mean = stat.count / max(window.minutes, 1.0)
    if stat.peak_count < BURST_MIN or stat.peak_count < BURST_FACTOR * mean:
        return None
    at = datetime.fromtimestamp(stat.peak_minute * 60, tz=UTC)
    return {"at": iso(at), "count": stat.peak_count, "per_min": float(stat.peak_count)}


def template_facts(stat: TemplateStats, window: Window, total: int = 0) -> dict[str, Any]:
    """The summary dict of one template (see `digest` for the keys), plus a private `_score`;
    `total` is the number of lines in the window (for the template's share of them)."""
    earlier, recent = sum(stat.bins[:SPLIT]), sum(stat.bins[SPLIT:])
    change = _change(earlier, recent)
    onset: datetime | None = None
    if change == "new":
        onset = stat.first
    elif change == "surge":
        step = _step(stat.bins)
        if step is not None and stat.first is not None:
            onset = max(window.bin_start(step), stat.first)
    burst = _burst(stat, window)
    sig_weight = max((SEVERITY_WEIGHT.get(s.severity, 1.0) for s in stat.signatures), default=0.0)
    novelty = CHANGE_WEIGHT[change] * min(1.0, math.log10(stat.count + 1))
    share = stat.count / total if total else 0.0
    score = (stat.worst + sig_weight + novelty + (BURST_WEIGHT if burst else 0.0)
             + VOLUME_WEIGHT * math.sqrt(share))
    return {
        "id": stat.template.id, "template": stat.template.text, "count": stat.count, "level": stat.level,
        "levels": dict(stat.levels), "first_seen": iso(stat.first), "last_seen": iso(stat.last),
        "earlier": earlier, "recent": recent, "change": change, "new": change == "new", "onset": iso(onset),
        "burst": burst, "signatures": [s.name for s in stat.signatures], "examples": list(stat.examples),
        "_score": score, "_worst": stat.worst,
    }
