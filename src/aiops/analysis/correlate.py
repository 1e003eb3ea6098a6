"""Correlation across services: one timeline of metric anomalies, log signatures and change events,
which service went wrong first, what followed, and the changes near each onset.

`correlate(findings=, events=, services=, digests=)` takes `MetricFinding`s (or their dicts), core
`ChangeEvent`s, core `ServiceInfo`s (for dependencies) and optionally log digests, and returns a
`Correlation`. `render()` is compact text; `to_dict()` is what the offline engine reasons over:

    {
      "window": {"start": iso | None, "end": iso | None},
      "entries": [{"ts": iso, "kind": "anomaly" | "log" | "change", "service": str,
                   "metric": str | None, "trend": str | None, "signature": str | None,
                   "type": str | None, "summary": str}],            # everything, in time order
      "findings": [finding dicts of the anomalous metrics, onset order],
      "changes": [{"ts", "type", "service", "summary", "attrs", "minutes_before_first_onset",
                   "minutes_before_service_onset", "near_onset": bool}],   # near its service's
                                                                    # onset, or the first onset
      "services": {name: {"onset": iso | None, "rank": int | None, "first_signal": str | None,
                          "anomalies": [metric], "saturated": [metric], "signatures": [name],
                          "steady": [metric], "missing": [metric], "depends_on": [name],
                          "callers": [name], "upstream_trouble": [name],   # deps that went wrong no later
                          "changes_before_onset": [change index]}},
      "order": [service names by onset],
      "first": {"service", "ts", "signal"} | None,
      "cascade": [{"from": dependency, "to": caller, "lag_s": float}],   # along depends_on
      "origin_candidates": [service],   # anomalous, with no dependency that went wrong no later
      "tolerance_s": float,
    }
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

NEAR_BEFORE = timedelta(minutes=30)
NEAR_AFTER = timedelta(minutes=2)
"""A change this close to its service's onset (before it, or just after) is reported as near it."""
NEAR_OTHER = timedelta(minutes=10)
"""A change on a service that did not go wrong is near when this close before the first onset."""
SHAPES = ("sudden_jump", "sudden_drop", "gradual_climb", "gradual_decline", "spike", "dip", "sawtooth")


def _when(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
    return None


def _as_dict(item: Any) -> dict[str, Any]:
    if isinstance(item, Mapping):
        return dict(item)
    to_dict = getattr(item, "to_dict", None)
    return dict(to_dict()) if callable(to_dict) else {}


@dataclass(slots=True)
class Correlation:
    """The merged timeline (see the module docstring for `to_dict()`)."""

    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able facts."""
        return self.data

    def render(self) -> str:
        """Compact text: onset order, changes near the onsets, origin candidates, steady services."""
        from aiops.analysis.correlate_render import render_correlation

        return render_correlation(self.data)


def _service_graph(services: Iterable[Any] | None) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    deps: dict[str, list[str]] = {}
    callers: dict[str, list[str]] = {}
    for svc in services or ():
        name = getattr(svc, "name", None) or (svc.get("name") if isinstance(svc, Mapping) else None)
        if not name:
            continue
        raw = getattr(svc, "depends_on", None)
        if raw is None and isinstance(svc, Mapping):
            raw = svc.get("depends_on")
        deps[str(name)] = [str(d) for d in (raw or ())]
    for name, targets in deps.items():
        for target in targets:
            callers.setdefault(target, []).append(name)
    return deps, callers


def _transitive(deps: dict[str, list[str]], start: str) -> list[str]:
    seen: list[str] = []
    stack = list(deps.get(start, ()))
    while stack:
        name = stack.pop()
        if name in seen or name == start:
            continue
        seen.append(name)
        stack.extend(deps.get(name, ()))
    return seen


def correlate(*, findings: Iterable[Any] = (), events: Iterable[Any] = (), services: Iterable[Any] | None = None,
              digests: Iterable[Any] | Mapping[str, Any] | None = None,
              tolerance_s: float | None = None) -> Correlation:
    """Merge metric findings, change events and log digests into one cross-service timeline."""
    from aiops.analysis.correlate_build import build

    rows = [_as_dict(f) for f in findings]
    rows = [r for r in rows if r.get("service") and r.get("metric")]
    logs: list[dict[str, Any]] = []
    named = digests.items() if isinstance(digests, Mapping) else (("", d) for d in digests or ())
    for name, digest in named:
        row = _as_dict(digest)
        row["service"] = row.get("service") or name
        if row["service"]:
            logs.append(row)
    changes = []
    for ev in events:
        item = _as_dict(ev) if isinstance(ev, Mapping) else {
            "ts": getattr(ev, "ts", None), "type": getattr(ev, "type", ""), "service": getattr(ev, "service", ""),
            "summary": getattr(ev, "summary", ""), "attrs": dict(getattr(ev, "attrs", {}) or {})}
        stamp = _when(item.get("ts"))
        if stamp is not None:
            changes.append({**item, "ts": stamp})
    deps, callers = _service_graph(services)
    return Correlation(build(rows, logs=logs, changes=changes, deps=deps, callers=callers, tolerance_s=tolerance_s))

