"""`GET /metrics` (Prometheus text format): read from the state at scrape time, so the figures are
the same whichever process (server or worker) did the work.

- `aiops_incidents{status}`                     incidents by status
- `aiops_investigation_duration_seconds`        histogram of worker runs (intake to pause or end)
- `aiops_model_calls_total`, `aiops_model_tokens_total`   used by the investigations
- `aiops_approvals_pending`, `aiops_approval_pending_age_seconds` (oldest) and its sum
- `aiops_queue_depth`, `aiops_queue_running`, `aiops_workers_alive`
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily

from aiops.runtime.store import IncidentStore
from aiops.server.db import ServerDB
from aiops.server.jobqueue import WorkQueue

STATUSES = ("queued", "running", "awaiting_approval", "resolved", "unresolved", "no_action", "interrupted",
            "closed")
BUCKETS = (0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800)


class StateCollector:
    """A Prometheus collector over the incident index, the runs table and the queue."""

    def __init__(self, store: IncidentStore, db: ServerDB, queue: WorkQueue, alive: Callable[[], int]) -> None:
        self.store, self.db, self.queue, self.alive = store, db, queue, alive

    def collect(self) -> Iterator[Any]:
        incidents = GaugeMetricFamily("aiops_incidents", "Incidents by status", labels=["status"])
        counts = self._counts()
        for status in sorted(set(STATUSES) | set(counts)):
            incidents.add_metric([status], counts.get(status, 0))
        yield incidents
        yield from self._runs()
        yield from self._approvals()
        yield GaugeMetricFamily("aiops_queue_depth", "Investigations waiting for a worker", value=self.queue.depth())
        yield GaugeMetricFamily("aiops_queue_running", "Investigations a worker is advancing",
                                value=self.queue.running())
        yield GaugeMetricFamily("aiops_workers_alive", "Worker processes alive", value=self.alive())

    def _counts(self) -> dict[str, int]:
        with self.store.db.reading() as conn:
            return {r[0]: r[1] for r in conn.execute("SELECT status, COUNT(*) FROM incidents GROUP BY status")
                    .fetchall()}

    def _runs(self) -> Iterator[Any]:
        with self.db.connect() as conn:
            rows = conn.execute("SELECT seconds, model_calls, tokens FROM runs").fetchall()
        buckets = [sum(1 for s, _, _ in rows if s <= b) for b in BUCKETS]
        hist = HistogramMetricFamily("aiops_investigation_duration_seconds",
                                     "Wall time of one worker run of an investigation (to its pause or end)")
        hist.add_metric([], [(str(b), c) for b, c in zip(BUCKETS, buckets, strict=True)] + [("+Inf", len(rows))],
                        sum_value=sum(s for s, _, _ in rows))
        yield hist
        yield CounterMetricFamily("aiops_model_calls", "Model calls made by investigations",
                                  value=sum(c for _, c, _ in rows))
        yield CounterMetricFamily("aiops_model_tokens", "Model tokens used by investigations",
                                  value=sum(t for _, _, t in rows))

    def _approvals(self) -> Iterator[Any]:
        now = time.time()
        ages = []
        for record in self.store.list(status="awaiting_approval", limit=10_000):
            for item in record.notes.get("pending") or [{}]:
                since = datetime.fromisoformat(item.get("waiting_since") or record.updated_at).timestamp()
                ages.append(now - since)
        yield GaugeMetricFamily("aiops_approvals_pending", "Remediations waiting for a person", value=len(ages))
        yield GaugeMetricFamily("aiops_approval_pending_age_seconds", "Age of the oldest pending approval",
                                value=max(ages, default=0.0))
        yield GaugeMetricFamily("aiops_approval_pending_age_seconds_sum", "Summed age of pending approvals",
                                value=sum(ages))


def registry_for(collector: StateCollector) -> CollectorRegistry:
    """A registry of its own (not the global one), so several servers can live in one process."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(collector)  # type: ignore[arg-type]
    return registry


def render(registry: CollectorRegistry) -> bytes:
    """The exposition text."""
    return generate_latest(registry)
