"""Plain data types exchanged between backends, analysis, tools and agents."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aiops.core.protocols import Clock, EventSource, Executor, Inventory, LogSource, MetricSource, StateSource

LEVELS: tuple[str, ...] = ("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL")
"""Normalised log levels, least to most severe."""


@dataclass(frozen=True, slots=True)
class LogRecord:
    """One log line. `ts` is timezone-aware UTC; `level` is one of LEVELS (or "" when unknown).

    `dated` is False for a line that carried no time of its own (plain `kubectl logs` output): its
    `ts` is then only where the source placed it (the time of the snapshot), not when it happened.
    `stream` names where the line came from when that matters (`previous` = the previous container).
    """

    ts: datetime
    service: str
    level: str
    message: str
    raw: str
    dated: bool = True
    stream: str = ""


@dataclass(slots=True)
class MetricSeries:
    """A metric as a time series. `limit` is the saturation bound in the same unit, when one is known
    (memory limit for `memory`, pool size for `connections`, 100 for percentages)."""

    service: str
    metric: str
    unit: str
    timestamps: list[datetime] = field(default_factory=list)
    values: list[float] = field(default_factory=list)
    limit: float | None = None


@dataclass(frozen=True, slots=True)
class ChangeEvent:
    """A change in the environment: deployment, config change, scaling, restart, remediation..."""

    ts: datetime
    type: str
    service: str
    summary: str
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class StateRecord:
    """One fact an orchestrator reports about a service's runtime objects: a container's state, a pod
    that cannot be scheduled, a rollout's progress, a node's condition, a warning event.

    `current` says whether it describes the present (a container waiting in CrashLoopBackOff now, a
    node NotReady now) or history (the last termination of a container that runs again, an event
    about an object that has since recovered). `healthy` is True for facts that show health (all
    replicas available, a container running and ready), False for trouble, None when neutral.
    `ts` is when it last happened (or since when it holds); `count` how often (events).
    """

    kind: str
    name: str
    service: str
    status: str
    reason: str = ""
    message: str = ""
    current: bool = True
    healthy: bool | None = None
    ts: datetime | None = None
    first_ts: datetime | None = None
    count: int = 1
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ServiceInfo:
    """A service in the topology. `kind` is app, database, cache (or anything a backend reports)."""

    name: str
    kind: str
    replicas: int = 1
    memory_limit_mi: int | None = None
    cpu: float | None = None
    pool_size: int | None = None
    max_connections: int | None = None
    depends_on: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ActionResult:
    """What an executor did. `ok` False means the action failed or was refused; `message` says why."""

    action: str
    target: str
    ok: bool
    message: str
    dry_run: bool = False
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Environment:
    """The world an incident runs against: one backend per role, plus a clock.

    `alert` is set when the environment brings its own alert (a sandbox scenario). `state` is the
    orchestrator's view of the services' runtime objects, when there is one (Kubernetes, a snapshot).
    `close` releases connections and files.
    """

    name: str
    inventory: Inventory
    logs: LogSource
    metrics: MetricSource
    events: EventSource
    executor: Executor
    clock: Clock
    alert: str | None = None
    info: dict[str, Any] = field(default_factory=dict)
    state: StateSource | None = None

    def close(self) -> None:
        """Close every backend that has a `close` method (each at most once)."""
        seen: set[int] = set()
        for backend in (self.inventory, self.logs, self.metrics, self.events, self.executor, self.clock, self.state):
            if backend is None:
                continue
            if id(backend) in seen:
                continue
            seen.add(id(backend))
            closer = getattr(backend, "close", None)
            if callable(closer):
                closer()
