"""`MetricSource` over the simulated world: one sample per simulated minute up to `clock.now()`.

| metric | unit | limit |
| --- | --- | --- |
| cpu | percent of the CPU limit | 100 |
| memory | MiB (working set of the largest replica) | memory limit (MiB) |
| connections | in use (apps: DB pool; databases: server side; caches: clients) | pool / max_conn. / 10000 |
| error_rate | percent of requests failing (5xx, timeouts, refused) | 100 |
| latency_p99 / latency_p50 | milliseconds | - |
| request_rate | requests (queries, commands) per second | - |
| disk_usage | percent of the data volume | 100 |
| restarts | container restarts (crashes) since the window start | - |
| replicas | running replicas | - |

A service that stops answering is not scraped: its samples are missing for those minutes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from aiops.core.errors import UnknownMetricError, UnknownServiceError
from aiops.core.types import MetricSeries
from aiops.sandbox.model import Snap

METRICS: dict[str, tuple[str, Callable[[Snap], float], Callable[[Snap], float | None]]] = {
    "cpu": ("percent", lambda s: s.cpu, lambda _: 100.0),
    "memory": ("MiB", lambda s: s.mem, lambda s: s.mem_limit),
    "connections": ("connections", lambda s: s.conns, lambda s: s.conn_limit),
    "error_rate": ("percent", lambda s: s.err_pct, lambda _: 100.0),
    "latency_p99": ("ms", lambda s: s.lat_p99, lambda _: None),
    "latency_p50": ("ms", lambda s: s.lat_p50, lambda _: None),
    "request_rate": ("req/s", lambda s: s.rps, lambda _: None),
    "disk_usage": ("percent", lambda s: s.disk, lambda _: 100.0),
    "restarts": ("count", lambda s: float(s.restarts_total), lambda _: None),
    "replicas": ("count", lambda s: float(s.replicas), lambda _: None),
}
DIGITS = {"ms": 1, "MiB": 1, "percent": 2, "req/s": 1, "connections": 0, "count": 0}


class SandboxMetrics:
    """Metric time series of the sandbox services."""

    def __init__(self, world: Any, clock: Any) -> None:
        self.world = world
        self.clock = clock

    def metric_names(self) -> list[str]:
        return list(METRICS)

    def query(
        self, service: str, metric: str, *, start: datetime, end: datetime, step_s: int = 60
    ) -> MetricSeries:
        world = self.world
        if service not in world.topology.services:
            raise UnknownServiceError(service, list(world.topology.services))
        if metric not in METRICS:
            raise UnknownMetricError(metric, list(METRICS))
        unit, value, limit = METRICS[metric]
        series = MetricSeries(service=service, metric=metric, unit=unit)
        first = max(world.first_minute, -(-int((start - world.alert_time).total_seconds()) // 60))
        last = min(world.minute_of(self.clock.now()), world.minute_of(end))
        step = max(1, int(step_s) // 60)
        digits = DIGITS[unit]
        latest: Snap | None = None
        for minute in range(first, last + 1, step):
            snap = world.snap(service, minute)
            latest = snap
            if not snap.scraped:
                continue
            series.timestamps.append(world.ts(minute))
            series.values.append(round(value(snap), digits) if digits else float(round(value(snap))))
        if latest is None and last >= world.first_minute:
            latest = world.snap(service, max(world.first_minute, last))
        series.limit = limit(latest) if latest is not None else None
        return series
