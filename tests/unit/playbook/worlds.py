"""Hand-built worlds for diagnosis tests: a service's evidence as the analysis would report it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from aiops.agents.playbook.evidence import Change, MetricView, SignatureHit
from aiops.agents.playbook.world import World

FAILURE_MODES = Path(__file__).resolve().parents[3] / "src/aiops/team/default/skills/diagnostics/failure_modes.yaml"
NOW = datetime(2026, 3, 4, 15, 0, tzinfo=UTC)


def knowledge() -> dict[str, Any]:
    """The default diagnostics data."""
    return yaml.safe_load(FAILURE_MODES.read_text(encoding="utf-8"))


def at(minutes: float) -> str:
    """ISO time `minutes` relative to the alert (negative = before)."""
    return (NOW + timedelta(minutes=minutes)).isoformat()


def world(topology: dict[str, tuple[str, list[str]]], alerted: str | None = None) -> World:
    """A world over `{name: (kind, depends_on)}` with healthy baselines everywhere."""
    w = World(topology={n: {"kind": k, "depends_on": d} for n, (k, d) in topology.items()}, alerted=alerted)
    for name, (kind, _) in topology.items():
        healthy(w, name, kind)
    return w


def healthy(w: World, name: str, kind: str) -> None:
    """Steady metrics at baseline."""
    ev = w.service(name)
    base = {
        "error_rate": 0.3,
        "latency_p99": 180.0 if kind == "app" else 20.0,
        "cpu": 30.0,
        "requests": 120.0,
    }
    for metric, value in base.items():
        ev.metrics[metric] = MetricView(name, metric, current=value * 1.05, baseline=value, trend="steady")
    ev.metrics["memory"] = MetricView(
        name, "memory", current=250, baseline=245, trend="steady", limit=512, saturation=250 / 512
    )
    if kind == "app":
        ev.metrics["connections"] = MetricView(
            name, "connections", current=24, baseline=23, trend="steady", limit=100, saturation=0.24
        )
    ev.metrics["disk"] = MetricView(name, "disk", current=45, baseline=44, trend="steady", limit=100, saturation=0.45)
    ev.log_errors = 2


def metric(
    w: World,
    name: str,
    metric_name: str,
    current: float,
    *,
    trend: str,
    onset: float,
    limit: float | None = None,
    baseline: float | None = None,
) -> None:
    """Set one metric's finding."""
    old = w.service(name).metrics.get(metric_name)
    base = baseline if baseline is not None else (old.baseline if old else 1.0)
    lim = limit if limit is not None else (old.limit if old else None)
    w.service(name).metrics[metric_name] = MetricView(
        name,
        metric_name,
        current=current,
        baseline=base,
        peak=current,
        trend=trend,
        onset=at(onset),
        limit=lim,
        saturation=current / lim if lim else None,
        saturated=bool(lim and current / lim >= 0.95),
        anomalous=True,
    )


def signature(w: World, name: str, sig: str, count: int, first: float, example: str = "") -> None:
    """Flag one log signature."""
    w.service(name).signatures[sig] = SignatureHit(sig, count, at(first), at(-1), example)
    w.service(name).log_errors = (w.service(name).log_errors or 0) + count


def change(w: World, kind: str, service: str, minute: float, summary: str = "") -> None:
    """Add a change event."""
    w.changes.append(Change(kind, service, at(minute), summary or f"{service} {kind}"))
