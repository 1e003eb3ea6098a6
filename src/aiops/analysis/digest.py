"""Log digests: what `fetch_logs` hands an agent instead of 100,000 raw lines.

`build_digest(records, start=, end=, signatures=, budget_tokens=2000)` mines templates from the
records' messages and returns a `LogDigest`. `LogDigest.render()` is compact text bounded by the
token budget whatever the window size (it says what it left out); `LogDigest.to_dict()` is the
same facts as JSON-able data for the offline engine and the report:

    {
      "service": str, "window": {"start": iso, "end": iso, "minutes": float, "split": iso},
      "lines": int, "templates_total": int, "timeless": bool,
      "levels": {"ERROR": int, "WARN": int, ...},          # lines per level ("" = unknown)
      "error_share": {"earlier": float, "recent": float},  # ERROR+FATAL share of lines, 0..1
      "volume": {"earlier_per_min": float, "recent_per_min": float},
      "first_error": iso | None,
      "signatures": [{"name", "category", "severity", "description", "count", "first_seen",
                      "last_seen", "templates": [group ids], "example": str}],
      "sequence": [{"template": id, "onset": iso, "offset_s": float, "level": str,
                    "change": str, "signatures": [names], "text": str}],   # by onset
      "background": [{"template": id, "level": str, "count": int, "text": str}],
      "templates": [{"id", "template", "count", "level", "levels": {level: int}, "first_seen",
                     "last_seen", "earlier": int, "recent": int, "change", "new": bool,
                     "onset": iso | None, "burst": {"at": iso, "count": int, "per_min": float}
                     | None, "signatures": [names], "examples": [str]}],   # most important first
      "omitted": {"templates": int, "lines": int, "levels": {level: int}},
      "budget_tokens": int,
    }

`burst` is the template's busiest minute when it is far busier than the template's average over
the window (`count` lines in that minute). Templates are ranked by severity (level, signatures,
problem words on unlevelled lines), volume (share of the lines), novelty (discounted for one-offs)
and bursts. One-off templates that all started within the same minute (a reboot's banner) are
grouped in `extra["together"]` and rendered as one line.

"Earlier" and "recent" split the window at two thirds: `change` compares the template's rate in
the last third with its rate before (new, surge, steady, drop, stopped). `sequence` lists the
warning/error or signature templates that started or surged in the window, in onset order (what
came first, what followed); `background` the ones that were there all along.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from aiops.analysis.digest_stats import TemplateStats, Window
from aiops.analysis.digest_summary import summarise
from aiops.analysis.signatures import Signature, as_signatures, match_signatures

MAX_TEMPLATES = 60
"""Templates kept in `to_dict()` (the most important); the rest are counted under `omitted`."""
BATCH = 4096


@dataclass(slots=True)
class LogDigest:
    """A digest of one service's logs over a window (see the module docstring for the dict)."""

    service: str
    window: Window
    lines: int
    levels: dict[str, int]
    templates: list[dict[str, Any]]
    signatures: list[dict[str, Any]]
    sequence: list[dict[str, Any]]
    background: list[dict[str, Any]]
    error_share: dict[str, float]
    volume: dict[str, float]
    first_error: str | None
    omitted: dict[str, Any]
    budget_tokens: int = 2000
    timeless: bool = False
    templates_total: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The digest as JSON-able data."""
        return {
            "service": self.service, "window": self.window.to_dict(), "lines": self.lines,
            "templates_total": self.templates_total, "timeless": self.timeless, "levels": dict(self.levels),
            "error_share": dict(self.error_share), "volume": dict(self.volume), "first_error": self.first_error,
            "signatures": list(self.signatures), "sequence": list(self.sequence),
            "background": list(self.background), "templates": list(self.templates),
            "omitted": dict(self.omitted), "budget_tokens": self.budget_tokens,
        }

    def render(self) -> str:
        """Compact text for a model, within `budget_tokens` (it says what it left out)."""
        from aiops.analysis.digest_render import render_digest

        return render_digest(self)


def build_digest(records: Iterable[Any], *, start: datetime, end: datetime,
                 signatures: Sequence[Signature] | Sequence[dict[str, Any]] | None = None,
                 budget_tokens: int = 2000, timeless: bool = False) -> LogDigest:
    """Digest `records` (core `LogRecord`s) of the window [start, end]."""
    from aiops.analysis.miner import TemplateMiner

    catalogue = as_signatures(signatures)
    window = Window(start, end)
    miner = TemplateMiner()
    stats: dict[str, TemplateStats] = {}
    services: dict[str, int] = {}
    batch: list[Any] = []

    def flush() -> None:
        templates = miner.add_batch([str(record.message) for record in batch])
        for record, template in zip(batch, templates, strict=True):
            stat = stats.get(template.id)
            if stat is None:
                stat = stats[template.id] = TemplateStats(template, match_signatures(
                    catalogue, template.text, str(record.message)))
            stat.add(record, window)
            services[record.service] = services.get(record.service, 0) + 1
        batch.clear()

    for record in records:
        batch.append(record)
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    service = max(services, key=lambda s: services[s]) if services else ""
    facts = summarise(list(stats.values()), window, max_templates=MAX_TEMPLATES)
    groups = facts.pop("together")
    return LogDigest(service=service, window=window, budget_tokens=budget_tokens, timeless=timeless,
                     extra={"together": groups}, **facts)
