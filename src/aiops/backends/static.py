"""Backends written in the file itself: a static inventory, static or JSON-lines change events,
no events, and the `none` executor (a read-only environment)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from pydantic import Field, ValidationError, field_validator

from aiops.backends.context import BuildContext
from aiops.backends.options import Options
from aiops.backends.registry import BackendType
from aiops.core.errors import BackendError, ConfigError
from aiops.core.types import ActionResult, ChangeEvent, LogRecord, MetricSeries, ServiceInfo
from aiops.core.yamlsafe import parse_yaml

SERVICE_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,126}$")


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class ServiceOptions(Options):
    """One service: the same shape as a sandbox scenario's topology entry."""

    kind: str = "app"
    replicas: int = Field(default=1, ge=0)
    memory_limit_mi: int | None = Field(default=None, gt=0)
    cpu: float | None = Field(default=None, gt=0)
    pool_size: int | None = Field(default=None, gt=0)
    max_connections: int | None = Field(default=None, gt=0)
    depends_on: list[str] = Field(default_factory=list)


class StaticInventoryOptions(Options):
    """`services: {name: {kind, replicas, memory_limit_mi, cpu, pool_size, max_connections, depends_on}}`."""

    services: dict[str, ServiceOptions] = Field(min_length=1)

    @field_validator("services")
    @classmethod
    def _names(cls, services: dict[str, ServiceOptions]) -> dict[str, ServiceOptions]:
        for name, svc in services.items():
            if not SERVICE_NAME_RE.match(name):
                raise ValueError(f"service name {name!r}: letters, digits, '.', '_' or '-' only")
            for dep in svc.depends_on:
                if dep not in services:
                    raise ValueError(f"{name}.depends_on: {dep!r} is not a service here")
        return services


class StaticInventory:
    """Services listed in the environment file."""

    def __init__(self, services: list[ServiceInfo]) -> None:
        self._services = services

    def services(self) -> list[ServiceInfo]:
        return list(self._services)

    def check(self) -> str:
        return f"{len(self._services)} services"


class FileInventoryOptions(Options):
    """`path`: a JSON or YAML file with `services` as a list of `{name, kind, ...}` or a name mapping
    (the shape `aiops sim export` writes to services.json); other top-level keys are ignored."""

    path: str


def load_services(path: Path) -> list[ServiceInfo]:
    """Services from an inventory file; ConfigError naming the file and entry when one is invalid."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read inventory file: {exc.strerror}", file=str(path)) from None
    data = parse_yaml(text, str(path), what="inventory file").data
    rows = data.get("services") if isinstance(data, dict) else None
    if isinstance(rows, list):
        rows = {str(r.get("name")): {k: v for k, v in r.items() if k != "name"} for r in rows if isinstance(r, dict)}
    if not isinstance(rows, dict) or not rows:
        raise ConfigError("needs `services`: a list of {name, kind, ...} or a mapping", file=str(path), path="services")
    cleaned = {name: {k: v for k, v in (row or {}).items() if v is not None} for name, row in rows.items()}
    try:
        options = StaticInventoryOptions.model_validate({"services": cleaned})
    except ValidationError as exc:
        first = exc.errors()[0]
        raise ConfigError(first["msg"], file=str(path), path=".".join(str(p) for p in first["loc"])) from None
    return _services(options)


def _services(options: StaticInventoryOptions) -> list[ServiceInfo]:
    return [
        ServiceInfo(
            name=name,
            kind=s.kind,
            replicas=s.replicas,
            memory_limit_mi=s.memory_limit_mi,
            cpu=s.cpu,
            pool_size=s.pool_size,
            max_connections=s.max_connections,
            depends_on=tuple(s.depends_on),
        )
        for name, s in options.services.items()
    ]


def build_file_inventory(options: FileInventoryOptions, ctx: BuildContext) -> StaticInventory:
    """Factory for `inventory: {type: file}` (read once, when the environment is built)."""
    return StaticInventory(load_services(ctx.resolve(options.path)))


def build_static_inventory(options: StaticInventoryOptions, ctx: BuildContext) -> StaticInventory:  # noqa: ARG001
    """Factory for `inventory: {type: static}`."""
    return StaticInventory(_services(options))


class EventOptions(Options):
    """One change event."""

    ts: datetime
    type: str
    service: str
    summary: str = ""
    attrs: dict[str, str] = Field(default_factory=dict)


class StaticEventsOptions(Options):
    """`events: [{ts, type, service, summary, attrs}]`."""

    events: list[EventOptions] = Field(default_factory=list)


class FileEventsOptions(Options):
    """`path`: a JSON-lines file, one `{ts, type, service, summary, attrs}` object per line."""

    path: str


class ListEvents:
    """Change events from a list (static) or re-read from a JSON-lines file on every call."""

    def __init__(self, events: list[ChangeEvent] | None = None, path: Path | None = None) -> None:
        self._events = sorted(events or [], key=lambda ev: ev.ts)
        self._path = path

    def _load(self) -> list[ChangeEvent]:
        if self._path is None:
            return self._events
        out = []
        try:
            with self._path.open(encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    if line.strip():
                        out.append(_event_from_json(line, number, self._path))
        except OSError as exc:
            raise BackendError(f"cannot read events file {self._path}: {exc.strerror}") from exc
        return sorted(out, key=lambda ev: ev.ts)

    def events(self, *, start: datetime, end: datetime, service: str | None = None) -> list[ChangeEvent]:
        return [ev for ev in self._load() if start <= ev.ts <= end and (service is None or ev.service == service)]

    def check(self) -> str:
        return f"{len(self._load())} events"


EVENT_KEYS = {
    "ts": ("ts", "time", "timestamp", "date", "at", "@timestamp"),
    "type": ("type", "kind", "event", "event_type", "action"),
    "service": ("service", "target", "component", "source_identifier", "app"),
    "summary": ("summary", "message", "description", "title", "text"),
    "attrs": ("attrs", "attributes", "labels", "tags"),
}
"""Field names accepted in an events file (the first present wins), so change events exported by
other tools (deploy logs, CI, cloud event feeds) load without rewriting."""


def _event_fields(raw: object) -> object:
    if not isinstance(raw, dict):
        return raw
    out = {}
    for field, names in EVENT_KEYS.items():
        value = next((raw[n] for n in names if raw.get(n) not in (None, "")), None)
        if field == "attrs" and isinstance(value, dict):
            value = {str(k): str(v) for k, v in value.items()}
        elif field == "attrs":
            value = None
        if value is not None:
            out[field] = value
    return out


def _event_from_json(line: str, number: int, path: Path) -> ChangeEvent:
    try:
        item = EventOptions.model_validate(_event_fields(json.loads(line)))
    except ValueError as exc:
        raise BackendError(f"{path}:{number}: not a valid event: {str(exc).splitlines()[0]}") from exc
    return ChangeEvent(
        ts=_utc(item.ts), type=item.type, service=item.service, summary=item.summary, attrs=dict(item.attrs)
    )


def build_static_events(options: StaticEventsOptions, ctx: BuildContext) -> ListEvents:  # noqa: ARG001
    """Factory for `events: {type: static}`."""
    return ListEvents(
        [
            ChangeEvent(ts=_utc(e.ts), type=e.type, service=e.service, summary=e.summary, attrs=dict(e.attrs))
            for e in options.events
        ]
    )


def build_file_events(options: FileEventsOptions, ctx: BuildContext) -> ListEvents:
    """Factory for `events: {type: file}`."""
    return ListEvents(path=ctx.resolve(options.path))


class NoOptions(Options):
    """No options."""


def build_no_events(options: NoOptions, ctx: BuildContext) -> ListEvents:  # noqa: ARG001
    """Factory for `events: none`."""
    return ListEvents([])


class NoLogs:
    """No logs were collected: every fetch says so (the evidence is unknown, not empty)."""

    def fetch(self, service: str, *, start: datetime, end: datetime, limit: int = 200_000) -> Iterator[LogRecord]:
        del start, end, limit
        raise BackendError(f"no logs were collected for {service!r} in this environment")

    def check(self) -> str:
        return "no logs configured"


class NoMetrics:
    """No metrics were collected: every query says so."""

    def metric_names(self) -> list[str]:
        return []

    def query(self, service: str, metric: str, *, start: datetime, end: datetime, step_s: int = 60) -> MetricSeries:
        del metric, start, end, step_s
        raise BackendError(f"no metrics were collected for {service!r} in this environment")

    def check(self) -> str:
        return "no metrics configured"


def build_no_logs(options: NoOptions, ctx: BuildContext) -> NoLogs:  # noqa: ARG001
    """Factory for `logs: none`."""
    return NoLogs()


def build_no_metrics(options: NoOptions, ctx: BuildContext) -> NoMetrics:  # noqa: ARG001
    """Factory for `metrics: none`."""
    return NoMetrics()


class NoExecutor:
    """A read-only environment: every action is refused."""

    def supported_actions(self) -> list[str]:
        return []

    def execute(
        self,
        action: str,
        target: str,
        *,
        dry_run: bool = False,
        key: str | None = None,  # noqa: ARG002
    ) -> ActionResult:
        return ActionResult(
            action,
            target,
            ok=False,
            dry_run=dry_run,
            message="this environment has no executor configured (read-only); act by hand",
        )

    def check(self) -> str:
        return "read-only (no executor)"


def build_no_executor(options: NoOptions, ctx: BuildContext) -> NoExecutor:  # noqa: ARG001
    """Factory for `executor: none`."""
    return NoExecutor()


FILE_INVENTORY = BackendType(
    "inventory", "file", FileInventoryOptions, build_file_inventory, "services from a JSON/YAML file"
)
INVENTORY = BackendType(
    "inventory", "static", StaticInventoryOptions, build_static_inventory, "services listed in the file"
)
NO_EVENTS = BackendType("events", "none", NoOptions, build_no_events, "no change events")
STATIC_EVENTS = BackendType("events", "static", StaticEventsOptions, build_static_events, "events listed in the file")
FILE_EVENTS = BackendType("events", "file", FileEventsOptions, build_file_events, "a JSON-lines events file")
NO_LOGS = BackendType("logs", "none", NoOptions, build_no_logs, "no logs (every fetch says none were collected)")
NO_METRICS = BackendType("metrics", "none", NoOptions, build_no_metrics, "no metrics (every query says so)")
NO_EXECUTOR = BackendType("executor", "none", NoOptions, build_no_executor, "read-only: refuses every action")
