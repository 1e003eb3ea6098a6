"""The services of a sandbox world: kind, replicas, limits, pools, dependencies, log format.

The default topology is the production of SPEC.md; a scenario may declare its own (any names).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from aiops.core.types import ServiceInfo
from aiops.sandbox.validate import Checker, join

KINDS = ("app", "database", "cache")
APP_FORMATS = ("java", "go", "node", "python")
KIND_FORMATS = {"app": APP_FORMATS, "database": ("postgres",), "cache": ("redis",)}
NAME_RE = re.compile(r"^[a-z][a-z0-9-]{0,40}$")

_DEFAULTS: dict[str, dict[str, Any]] = {
    "app": {"replicas": 3, "memory_limit_mi": 512, "cpu": 1.0, "log_rate": 90},
    "database": {"replicas": 1, "memory_limit_mi": 4096, "cpu": 2.0, "log_rate": 14},
    "cache": {"replicas": 1, "memory_limit_mi": 2048, "cpu": 1.0, "log_rate": 3},
}
_FIELDS = (
    "kind",
    "replicas",
    "memory_limit_mi",
    "cpu",
    "pool_size",
    "max_connections",
    "depends_on",
    "log_format",
    "log_rate",
)


@dataclass(frozen=True, slots=True)
class ServiceSpec:
    """One service. `pool_size` (apps) is the service's total DB pool; `max_connections` (databases)."""

    name: str
    kind: str
    replicas: int
    memory_limit_mi: int
    cpu: float
    pool_size: int | None = None
    max_connections: int | None = None
    depends_on: tuple[str, ...] = ()
    log_format: str = "java"
    log_rate: int = 75

    def info(self) -> ServiceInfo:
        """The public view (`aiops.core.ServiceInfo`)."""
        return ServiceInfo(
            name=self.name,
            kind=self.kind,
            replicas=self.replicas,
            memory_limit_mi=self.memory_limit_mi,
            cpu=self.cpu,
            pool_size=self.pool_size,
            max_connections=self.max_connections,
            depends_on=self.depends_on,
        )


@dataclass(frozen=True)
class Topology:
    """Services in declaration order plus the derived call graph."""

    services: dict[str, ServiceSpec]
    order: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not self.order:
            object.__setattr__(self, "order", _dependencies_first(self.services))

    def names(self) -> list[str]:
        return list(self.services)

    def callers(self, name: str) -> list[str]:
        """Services that depend on `name`, in declaration order."""
        return [s.name for s in self.services.values() if name in s.depends_on]

    def infos(self) -> list[ServiceInfo]:
        return [s.info() for s in self.services.values()]


def _dependencies_first(services: Mapping[str, ServiceSpec]) -> tuple[str, ...]:
    done: list[str] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen:
            return
        seen.add(name)
        for dep in services[name].depends_on:
            visit(dep)
        done.append(name)

    for name in services:
        visit(name)
    return tuple(done)


DEFAULT_SPEC: dict[str, dict[str, Any]] = {
    "payment-api": {
        "kind": "app",
        "pool_size": 100,
        "depends_on": ["postgres", "redis"],
        "log_format": "java",
    },
    "inventory-api": {
        "kind": "app",
        "pool_size": 100,
        "depends_on": ["postgres", "redis"],
        "log_format": "go",
    },
    "user-api": {"kind": "app", "pool_size": 100, "depends_on": ["postgres", "redis"], "log_format": "node"},
    "postgres": {"kind": "database", "max_connections": 500},
    "redis": {"kind": "cache"},
}


def default_topology() -> Topology:
    """The production of SPEC.md: three apps, PostgreSQL and Redis."""
    return parse_topology({"services": DEFAULT_SPEC}, Checker(None), "topology")


def parse_topology(data: Any, check: Checker, path: str) -> Topology:
    """Validate `topology:` (`default` or `{services: {name: {...}}}`) into a `Topology`."""
    if data == "default":
        return default_topology()
    if isinstance(data, str):
        raise check.fail(path, f"expected 'default' or a mapping of services, got {data!r}")
    body = check.mapping(data, path)
    check.keys(body, path, allowed=["services"], required=["services"])
    raw = check.mapping(body["services"], join(path, "services"))
    if not raw:
        raise check.fail(join(path, "services"), "at least one service is needed")
    specs: dict[str, ServiceSpec] = {}
    app_index = 0
    for name, entry in raw.items():
        where = join(join(path, "services"), name)
        if not NAME_RE.match(name):
            raise check.fail(where, f"service names are lower-case letters, digits and '-', got {name!r}")
        spec = _parse_service(name, entry, check, where, app_index)
        app_index += spec.kind == "app"
        specs[name] = spec
    for name, spec in specs.items():
        for i, dep in enumerate(spec.depends_on):
            where = f"{join(join(path, 'services'), name)}.depends_on[{i}]"
            if dep == name:
                raise check.fail(where, "a service cannot depend on itself")
            check.choice(dep, where, specs, what="service")
    _check_cycles(specs, check, join(path, "services"))
    return Topology(specs)


def _parse_service(name: str, entry: Any, check: Checker, where: str, app_index: int) -> ServiceSpec:
    body = check.mapping(entry if entry is not None else {}, where)
    check.keys(body, where, allowed=_FIELDS, required=["kind"])
    kind = check.choice(body["kind"], join(where, "kind"), KINDS, what="kind")
    values = dict(_DEFAULTS[kind])
    if "replicas" in body:
        values["replicas"] = check.integer(body["replicas"], join(where, "replicas"), low=1, high=200)
    if "memory_limit_mi" in body:
        values["memory_limit_mi"] = check.integer(
            body["memory_limit_mi"], join(where, "memory_limit_mi"), low=64, high=1_048_576
        )
    if "cpu" in body:
        values["cpu"] = check.number(body["cpu"], join(where, "cpu"), low=0.1, high=256)
    if "log_rate" in body:
        values["log_rate"] = check.integer(body["log_rate"], join(where, "log_rate"), low=1, high=5000)
    pool = max_conn = None
    if kind == "app":
        pool = check.integer(body.get("pool_size", 100), join(where, "pool_size"), low=1, high=10_000)
    elif "pool_size" in body:
        raise check.fail(join(where, "pool_size"), "only app services have a connection pool")
    if kind == "database":
        max_conn = check.integer(
            body.get("max_connections", 500), join(where, "max_connections"), low=5, high=100_000
        )
    elif "max_connections" in body:
        raise check.fail(join(where, "max_connections"), "only database services have max_connections")
    formats = KIND_FORMATS[kind]
    log_format = formats[app_index % len(formats)]
    if "log_format" in body:
        log_format = check.choice(body["log_format"], join(where, "log_format"), formats, what="log format")
    deps = check.list(body.get("depends_on"), join(where, "depends_on"))
    for i, dep in enumerate(deps):
        check.text(dep, f"{join(where, 'depends_on')}[{i}]")
    if len(set(deps)) != len(deps):
        raise check.fail(join(where, "depends_on"), "a dependency is listed twice")
    return ServiceSpec(
        name=name,
        kind=kind,
        replicas=values["replicas"],
        memory_limit_mi=values["memory_limit_mi"],
        cpu=float(values["cpu"]),
        pool_size=pool,
        max_connections=max_conn,
        depends_on=tuple(deps),
        log_format=log_format,
        log_rate=values["log_rate"],
    )


def _check_cycles(specs: Mapping[str, ServiceSpec], check: Checker, path: str) -> None:
    state: dict[str, int] = {}

    def visit(name: str, trail: list[str]) -> None:
        if state.get(name) == 2:
            return
        if state.get(name) == 1:
            cycle = " -> ".join([*trail[trail.index(name) :], name])
            raise check.fail(join(path, name), f"dependency cycle: {cycle}")
        state[name] = 1
        for dep in specs[name].depends_on:
            visit(dep, [*trail, name])
        state[name] = 2

    for name in specs:
        visit(name, [])
