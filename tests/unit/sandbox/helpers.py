"""Helpers for the sandbox tests: synthetic one-fault scenarios and a recovery check that follows
the runtime's rule (error rate and p99 back near the pre-incident baseline)."""

from __future__ import annotations

import statistics
from datetime import datetime, timedelta
from typing import Any

from aiops.core.types import Environment
from aiops.sandbox import FAULTS, build_environment, parse_scenario
from aiops.sandbox._data import default_catalogue

TARGETS = {
    "memory_leak": "payment-api",
    "traffic_spike": "payment-api",
    "connection_leak": "payment-api",
    "slow_database": "postgres",
    "db_deadlock": "postgres",
    "disk_fill": "user-api",
    "dns_failure": "inventory-api",
    "cert_expiry": "redis",
    "bad_deployment": "user-api",
    "dependency_down": "redis",
}
PARAMS: dict[str, dict[str, Any]] = {
    "memory_leak": {"per_minute": 12},
    "connection_leak": {"per_minute": 8},
    "disk_fill": {"per_minute": 2.0, "from_pct": 70},
}
STARTS = {"memory_leak": -40, "connection_leak": -40}


def one_fault(kind: str, *, target: str | None = None, seed: int = 5, **params: Any) -> dict[str, Any]:
    """Scenario data with one fault of `kind` on the default topology (starting at -20 by default)."""
    return {
        "name": f"t-{kind.replace('_', '-')}",
        "seed": seed,
        "window_minutes": 90,
        "alert": "something is wrong",
        "topology": "default",
        "faults": [
            {
                "type": kind,
                "target": target or TARGETS[kind],
                "start_minute": STARTS.get(kind, -20),
                "params": {**PARAMS.get(kind, {}), **params},
            }
        ],
    }


def env_for(kind: str, **kwargs: Any) -> Environment:
    """A fresh environment with one fault of `kind` (expected block filled to pass validation)."""
    data = one_fault(kind, **kwargs)
    scenario = parse_scenario(data | {"expected": _expected(data)})
    return build_environment(scenario)


def _expected(data: dict[str, Any]) -> dict[str, Any]:
    """Any valid expected block for a one-fault scenario (scoring is not under test here)."""
    fault = data["faults"][0]
    cls = FAULTS[fault["type"]]
    effects = cls(fault["target"], 0, {}).fix_effects(_kind(fault["target"]))
    fixes = [name for name, spec in default_catalogue().items() if spec["effect"] in effects]
    return {"root_cause": "dependency_failure", "service": fault["target"], "fixes": fixes[:1]}


def _kind(service: str) -> str:
    return {"postgres": "database", "redis": "cache"}.get(service, "app")


def degraded(env: Environment, *, since: datetime) -> list[str]:
    """The (service metric) pairs still above the runtime's recovery threshold."""
    alert = datetime.fromisoformat(env.info["alert_time"])
    rules = {"error_rate": (2.0, 1.0), "latency_p99": (1.5, 50.0)}
    bad = []
    for svc in env.inventory.services():
        for metric, (factor, slack) in rules.items():
            series = env.metrics.query(
                svc.name, metric, start=alert - timedelta(minutes=90), end=env.clock.now()
            )
            pairs = list(zip(series.timestamps, series.values, strict=True))
            before = [v for t, v in pairs if t <= alert - timedelta(minutes=45)]
            after = [v for t, v in pairs if t > since]
            if len(before) < 3 or len(after) < 3:
                bad.append(f"{svc.name} {metric} (no samples)")
                continue
            baseline, now = statistics.median(before), statistics.median(after[-3:])
            if now > max(baseline * factor, baseline + slack):
                bad.append(f"{svc.name} {metric} {now:.1f} vs {baseline:.1f}")
    return bad


def all_text(env: Environment, *, minutes: int = 24 * 60) -> str:
    """Every log line, metric value, event and inventory fact the environment can give, as text."""
    now = env.clock.now()
    start = now - timedelta(minutes=minutes)
    parts = [env.name, str(env.alert), repr(env.info)]
    for svc in env.inventory.services():
        parts.append(repr(svc))
        parts.extend(
            f"{r.level} {r.message}\n{r.raw}" for r in env.logs.fetch(svc.name, start=start, end=now)
        )
        for metric in env.metrics.metric_names():
            series = env.metrics.query(svc.name, metric, start=start, end=now)
            parts.append(f"{series.unit} {series.limit} {series.values}")
    parts.extend(f"{e.type} {e.summary} {e.attrs}" for e in env.events.events(start=start, end=now))
    return "\n".join(parts)
