"""Per-minute state of the simulated world: the baseline profile of each service, the symptom
channels faults write into (`Cond`) and the resulting snapshot (`Snap`) telemetry is drawn from."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from aiops.sandbox.rng import rng_for
from aiops.sandbox.topology import Topology

FANOUT = {"database": 3.0, "cache": 4.0, "app": 0.5}
"""Calls per request a caller makes to a dependency of each kind."""
CRITICAL = {"database": 0.9, "cache": 0.55, "app": 0.7}
"""Share of a caller's requests that fail when a dependency of this kind fails."""
CLIENT_TIMEOUT_MS = {"database": 10_000.0, "cache": 2_000.0, "app": 5_000.0}
DIURNAL_AMPLITUDE = 0.22


@dataclass(frozen=True, slots=True)
class Mark:
    """A one-off happening in a minute that shows in logs (and maybe events): OOM kill, startup..."""

    kind: str
    second: float = 0.0
    data: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        for k, v in self.data:
            if k == key:
                return v
        return default


def mark(kind: str, second: float = 0.0, **data: Any) -> Mark:
    """Build a `Mark` (data keys sorted so equal marks compare equal)."""
    return Mark(kind, second, tuple(sorted(data.items())))


@dataclass(frozen=True, slots=True)
class Profile:
    """Healthy baseline of one service at the alert's time of day."""

    own_rps: float
    nominal_rps: float
    cpu0: float
    mem0: float
    p99_0: float
    p50_0: float
    err0: float
    hold0: float
    disk0: float
    version: str
    ip: str


@dataclass(slots=True)
class Cond:
    """Symptom channels for one service in one minute, written by faults, noise and actions."""

    load: float = 1.0
    cpu_add: float = 0.0
    mem_add: float = 0.0
    lat_mult: float = 1.0
    lat_add: float = 0.0
    slow_frac: float = 0.0
    slow_ms: float = 0.0
    leaked: float = 0.0
    query_mult: float = 1.0
    down: float = 0.0
    dns_fail: float = 0.0
    tls_broken: float = 0.0
    disk: float | None = None
    errors: dict[str, float] = field(default_factory=dict)
    counts: dict[str, float] = field(default_factory=dict)
    marks: list[Mark] = field(default_factory=list)
    restarts: int = 0

    def add_error(self, reason: str, fraction: float) -> None:
        """Add `fraction` of requests failing for `reason` (combined as independent failures)."""
        if fraction > 0:
            prev = self.errors.get(reason, 0.0)
            self.errors[reason] = min(1.0, 1 - (1 - prev) * (1 - min(1.0, fraction)))

    def count(self, key: str, value: float) -> None:
        self.counts[key] = self.counts.get(key, 0.0) + value


@dataclass(slots=True)
class Snap:
    """What one service looked like during one minute (metrics with noise, and the log mix)."""

    rps: float
    cpu: float
    mem: float
    mem_limit: float
    conns: float
    conn_limit: float | None
    err_pct: float
    lat_p99: float
    lat_p50: float
    disk: float
    restarts_total: int
    replicas: int
    version: str
    pool_waiting: float = 0.0
    down: float = 0.0
    load: float = 1.0
    errors: dict[str, float] = field(default_factory=dict)
    counts: dict[str, float] = field(default_factory=dict)
    marks: list[Mark] = field(default_factory=list)
    scraped: bool = True


def diurnal(alert_hour: float, minute: int) -> float:
    """Traffic shape over the day, normalised to 1.0 at the alert's time (peak mid-afternoon UTC)."""

    def level(hour: float) -> float:
        return 1 + DIURNAL_AMPLITUDE * math.sin(2 * math.pi * (hour - 9.5) / 24)

    return level(alert_hour + minute / 60) / level(alert_hour)


def build_profiles(topology: Topology, seed: int) -> dict[str, Profile]:
    """Deterministic healthy baselines for every service (same seed, same numbers)."""
    own: dict[str, dict[str, Any]] = {}
    for index, name in enumerate(topology.services):
        spec = topology.services[name]
        r = rng_for(seed, name, "profile")
        major, minor, patch = r.randint(1, 3), r.randint(0, 12), r.randint(0, 9)
        base: dict[str, Any] = {
            "version": f"v{major}.{minor}.{patch}",
            "ip": f"10.0.{4 + index}.{r.randint(10, 250)}",
        }
        if spec.kind == "app":
            base |= {
                "own_rps": r.uniform(60, 200),
                "cpu0": r.uniform(26, 40),
                "mem0": r.uniform(0.42, 0.54),
                "p99_0": r.uniform(120, 280),
                "p50f": r.uniform(0.18, 0.28),
                "err0": r.uniform(0.15, 0.45),
                "conns0": (spec.pool_size or 100) * r.uniform(0.18, 0.28),
                "disk0": r.uniform(28, 52),
            }
        elif spec.kind == "database":
            base |= {
                "own_rps": r.uniform(20, 60),
                "cpu0": r.uniform(20, 32),
                "mem0": r.uniform(0.6, 0.72),
                "p99_0": r.uniform(12, 35),
                "p50f": r.uniform(0.1, 0.16),
                "err0": r.uniform(0.01, 0.05),
                "conns0": 0.0,
                "disk0": r.uniform(48, 64),
            }
        else:
            base |= {
                "own_rps": r.uniform(5, 20),
                "cpu0": r.uniform(8, 16),
                "mem0": r.uniform(0.3, 0.45),
                "p99_0": r.uniform(0.8, 2.5),
                "p50f": r.uniform(0.25, 0.35),
                "err0": r.uniform(0.0, 0.01),
                "conns0": 0.0,
                "disk0": r.uniform(15, 30),
            }
        own[name] = base
    nominal: dict[str, float] = {}
    for name in reversed(topology.order):
        callers = topology.callers(name)
        kind = topology.services[name].kind
        nominal[name] = own[name]["own_rps"] + sum(FANOUT[kind] * nominal[c] for c in callers)
    profiles = {}
    for name, spec in topology.services.items():
        b = own[name]
        hold = b["conns0"] / nominal[name] if b["conns0"] else 0.0
        profiles[name] = Profile(
            own_rps=b["own_rps"],
            nominal_rps=nominal[name],
            cpu0=b["cpu0"],
            mem0=spec.memory_limit_mi * b["mem0"],
            p99_0=b["p99_0"],
            p50_0=b["p99_0"] * b["p50f"],
            err0=b["err0"],
            hold0=hold,
            disk0=b["disk0"],
            version=b["version"],
            ip=b["ip"],
        )
    return profiles
