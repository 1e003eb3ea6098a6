"""Protocols for the pluggable parts: where logs, metrics and change events come from, who acts.

The sandbox and every real integration implement these; tools and analysis only see these.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Protocol, runtime_checkable

from aiops.core.types import ActionResult, ChangeEvent, LogRecord, MetricSeries, ServiceInfo, StateRecord


@runtime_checkable
class Clock(Protocol):
    """Current time of the environment (wall time for real systems, simulated for the sandbox)."""

    def now(self) -> datetime: ...


@runtime_checkable
class Inventory(Protocol):
    """The services the environment knows, with their limits and dependencies."""

    def services(self) -> list[ServiceInfo]: ...


@runtime_checkable
class LogSource(Protocol):
    """Log lines of one service in a time window, oldest first, at most `limit` of the newest.

    Raises `UnknownServiceError` for a service it does not know, `BackendError` when it cannot answer.
    """

    def fetch(self, service: str, *, start: datetime, end: datetime, limit: int = 200_000) -> Iterator[LogRecord]: ...


@runtime_checkable
class MetricSource(Protocol):
    """Metric time series. Names are the team's vocabulary (`cpu`, `memory`, `connections`,
    `error_rate`, `latency_p99`, ...); `metric_names` lists what this source can answer.

    Raises `UnknownServiceError` / `UnknownMetricError` / `BackendError`.
    """

    def metric_names(self) -> list[str]: ...

    def query(
        self, service: str, metric: str, *, start: datetime, end: datetime, step_s: int = 60
    ) -> MetricSeries: ...


@runtime_checkable
class EventSource(Protocol):
    """Change events (deployments, config changes, scaling, restarts) in a window, oldest first."""

    def events(self, *, start: datetime, end: datetime, service: str | None = None) -> list[ChangeEvent]: ...


@runtime_checkable
class StateSource(Protocol):
    """What the orchestrator reports about the services' runtime objects (pods and containers,
    rollouts, scheduling, nodes, warning events), current facts and recent history.

    `records(service)` gives the facts about one service (with `None`, every fact, cluster-wide ones
    included); raises `UnknownServiceError` / `BackendError`.
    """

    def records(self, service: str | None = None) -> list[StateRecord]: ...


@runtime_checkable
class Executor(Protocol):
    """Applies a remediation action to a target service.

    `key` is an idempotency key (the approval id): an executor that has already acted for a key
    returns that first result again instead of acting twice. With `dry_run` it only reports
    what it would do. Unknown actions or targets come back as `ok=False` with a clear message.
    """

    def supported_actions(self) -> list[str]: ...

    def execute(self, action: str, target: str, *, dry_run: bool = False, key: str | None = None) -> ActionResult: ...
