"""Evidence as the engine reasons over it, normalised from tool artifacts and findings blocks.

Artifacts are read by meaning with tolerant key lookups, so the engine keeps working when an
analysis field is renamed or missing; anything absent is simply not evidence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

RISING = ("new", "surge")
WARNING_ONSET_LINES = 20
"""Template changes (earlier part of the window vs the recent part) that mean "started or grew"."""


def pick(data: Mapping[str, Any] | None, *keys: str, default: Any = None) -> Any:
    """The first present, non-None value among `keys`."""
    if not isinstance(data, Mapping):
        return default
    for key in keys:
        if data.get(key) is not None:
            return data[key]
    return default


def num(value: Any) -> float | None:
    """A float from a number or numeric string (None otherwise)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        match = re.match(r"\s*(-?\d+(?:\.\d+)?)", value)
        return float(match.group(1)) if match else None
    return None


def when(value: Any) -> datetime | None:
    """A timezone-aware datetime from an ISO string or datetime (None otherwise)."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, str) and value:
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def norm(word: Any) -> str:
    """`Gradual climb` -> `gradual_climb`."""
    return re.sub(r"[^a-z0-9]+", "_", str(word or "").lower()).strip("_")


def _compact(data: Mapping[str, Any]) -> dict[str, Any]:
    """Drop empty values (None, False, "", [], {}); zeros are kept: a zero baseline is a fact."""
    return {
        k: v for k, v in data.items() if not (v is None or v is False or (isinstance(v, str | list | dict) and not v))
    }


@dataclass(slots=True)
class MetricView:
    """One metric of one service, as the analysis summarised it."""

    service: str
    metric: str
    current: float | None = None
    baseline: float | None = None
    peak: float | None = None
    trend: str = ""
    onset: str | None = None
    saturated: bool = False
    saturation: float | None = None
    limit: float | None = None
    anomalous: bool = False
    sustained: bool | None = None
    unit: str = ""
    end: str | None = None
    start: str | None = None

    @property
    def ratio(self) -> float | None:
        """current / baseline: None when unknown; from a zero baseline, 1.0 when still zero and
        infinite when it rose."""
        if self.current is None or self.baseline is None:
            return None
        if self.baseline == 0:
            return 1.0 if self.current == 0 else (math.inf if self.current > 0 else None)
        return self.current / self.baseline

    @property
    def notable(self) -> bool:
        """Worth handing on: off its baseline, saturated, shaped, or missing."""
        ratio = self.ratio
        off = ratio is not None and not 0.67 <= ratio <= 1.5
        shaped = self.trend not in ("", "steady")
        return self.current is None or self.anomalous or self.saturated or off or shaped

    def to_dict(self) -> dict[str, Any]:
        data = _compact(asdict(self))
        if self.sustained is False:
            data["sustained"] = False
        return data


@dataclass(slots=True)
class SignatureHit:
    """A known failure signature flagged in a service's logs; `change` says whether it started or
    grew in the recent part of the window (new, surge) or was there all along (steady)."""

    name: str
    count: int = 1
    first_seen: str | None = None
    last_seen: str | None = None
    example: str = ""
    change: str = ""
    onset: str | None = None
    appeared: bool = False
    severity: str = ""
    source: str = ""
    """Where it was seen: `logs` (a log digest) or `state` (the orchestrator's report)."""
    active: bool | None = None
    """Still happening at the moment the evidence describes: a current orchestrator fact, a log line
    without time of its own, or a line near the end of the window. None when unknown."""

    @property
    def marks_onset(self) -> bool:
        """Rising, and more than a handful of warning-level lines (a few slow statements that
        happen to start late do not date an incident)."""
        return self.rising and (self.severity not in ("warning", "info") or self.count >= WARNING_ONSET_LINES)

    @property
    def rising(self) -> bool:
        """Started during the window or grew recently (an unknown change counts as rising: nothing
        says it is old)."""
        return self.change in RISING or self.appeared or not self.change


@dataclass(slots=True)
class PatternView:
    """A log template with its level, count, change and first occurrence."""

    template: str
    level: str = ""
    count: int = 0
    first_seen: str | None = None
    example: str = ""
    new: bool = False
    change: str = ""
    signatures: list[str] = field(default_factory=list)
    last_seen: str | None = None
    active: bool | None = None
    """Still appearing at the end of the window (see SignatureHit.active)."""


@dataclass(slots=True)
class ServiceEvidence:
    """Everything seen about one service."""

    name: str
    signatures: dict[str, SignatureHit] = field(default_factory=dict)
    patterns: list[PatternView] = field(default_factory=list)
    metrics: dict[str, MetricView] = field(default_factory=dict)
    log_lines: int | None = None
    log_errors: int | None = None
    log_volume_ratio: float | None = None
    onset: str | None = None
    checked: list[str] = field(default_factory=list)
    coverage: dict[str, str] = field(default_factory=dict)
    """What could be read about the service: `logs` (`read`, `empty` = no lines in the window,
    `missing`), `metrics` (`read` with the names in `checked`, `missing`), `state` (`trouble`,
    `healthy`, `unknown`, `missing`). Absent keys were not looked at."""
    nodes: list[str] = field(default_factory=list)
    ips: list[str] = field(default_factory=list)
    """Addresses of its pods (callers' errors often name an address, not a service)."""

    def to_dict(self) -> dict[str, Any]:
        """Compact JSON for a findings block (only notable metrics)."""
        return _compact(
            {
                "signatures": {k: _compact(asdict(v)) for k, v in self.signatures.items()},
                "patterns": [_compact(asdict(p)) for p in sorted(self.patterns, key=_severity)[:8]],
                "metrics": {k: v.to_dict() for k, v in self.metrics.items() if v.notable},
                "log_lines": self.log_lines,
                "log_errors": self.log_errors,
                "log_volume_ratio": self.log_volume_ratio,
                "onset": self.onset,
                "checked": self.checked,
                "coverage": self.coverage,
                "nodes": self.nodes,
                "ips": self.ips,
            }
        )


def _severity(pattern: PatternView) -> tuple[int, int]:
    rank = {"FATAL": 0, "CRITICAL": 0, "ERROR": 1, "WARN": 2, "WARNING": 2}
    return rank.get(pattern.level, 3), -pattern.count


@dataclass(slots=True)
class Change:
    """A change event (deployment, config change, scaling, restart...)."""

    type: str
    service: str
    ts: str | None
    summary: str = ""


def metric_view(artifact: Mapping[str, Any] | None) -> MetricView | None:
    """The MetricView of a query_metrics artifact (None when it holds no finding)."""
    if not isinstance(artifact, Mapping):
        return None
    finding = artifact.get("finding") if isinstance(artifact.get("finding"), Mapping) else artifact
    service = str(pick(artifact, "service", default="") or pick(finding, "service", default=""))
    metric = str(pick(artifact, "metric", default="") or pick(finding, "metric", default=""))
    if not metric or not isinstance(finding, Mapping):
        return None
    return finding_view(service, metric, finding)


def finding_view(service: str, metric: str, finding: Mapping[str, Any]) -> MetricView:
    """A MetricView from one metric finding dict."""
    limit = num(pick(finding, "limit"))
    current = num(pick(finding, "current", "value", "last"))
    saturation = num(pick(finding, "saturation", "utilisation", "utilization"))
    if saturation is None and limit and current is not None:
        saturation = current / limit
    saturated = bool(pick(finding, "saturated", default=False)) or (saturation is not None and saturation >= 0.95)
    sustained = pick(finding, "sustained")
    return MetricView(
        service=service,
        metric=metric,
        current=current,
        baseline=num(pick(finding, "baseline", "median")),
        peak=num(pick(finding, "peak", "max")),
        trend=norm(pick(finding, "trend", "shape", default="")),
        onset=pick(finding, "change_point", "change_at", "onset", "changed_at", "change_ts"),
        saturated=saturated,
        saturation=saturation,
        limit=limit,
        anomalous=bool(pick(finding, "anomalous", "anomaly", default=False)),
        sustained=bool(sustained) if sustained is not None else None,
        unit=str(pick(finding, "unit", default="")),
        end=pick(finding, "end", "last_at", "last_ts"),
        start=pick(finding, "start", "first_at", "first_ts"),
    )
