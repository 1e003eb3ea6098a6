"""How one service's minute follows from its conditions and its dependencies' minutes:
capacity and CPU, queueing latency, the connection pool (Little's law), memory and GC pressure,
disk, and failures propagating from dependencies to callers."""

from __future__ import annotations

import math
from collections.abc import Callable

from aiops.sandbox.model import CLIENT_TIMEOUT_MS, CRITICAL, Cond, Mark, Profile, Snap, mark
from aiops.sandbox.topology import ServiceSpec

POOL_TIMEOUT_MS = {"java": 30_000.0, "go": 5_000.0, "node": 60_000.0, "python": 30_000.0}
REQUEST_TIMEOUT_MS = 15_000.0
DNS_TIMEOUT_MS = 5_000.0
DISK_FAILURE = {"app": 0.3, "database": 0.6, "cache": 0.5}
PREFIX = {"database": "db", "cache": "cache"}
LOCAL_SKIP = ("tls_server", "unavailable")


def overflow(demand: float, capacity: float, spread: float = 0.35) -> float:
    """Expected share of `demand` above `capacity` when demand fluctuates (normal, sd = spread x mean)."""
    if demand <= 0:
        return 0.0
    sigma = spread * demand
    z = (capacity - demand) / sigma
    pdf = math.exp(-z * z / 2) / math.sqrt(2 * math.pi)
    tail = 0.5 * math.erfc(z / math.sqrt(2))
    return max(0.0, min(1.0, (sigma * pdf - (capacity - demand) * tail) / demand))


def queue_factor(util: float) -> float:
    """Latency multiplier of a server at utilisation `util` (0..1)."""
    return 1 / (1 - 0.9 * min(util, 0.99))


class Inputs:
    """Everything `service_snap` needs besides the service's own spec, profile and conditions."""

    def __init__(
        self,
        *,
        minute: int,
        replicas: int,
        pool_factor: float,
        disk_cleared: bool,
        noise: Callable[[str], float],
        deps: dict[str, tuple[ServiceSpec, Profile, Snap, Cond]],
        offered: float,
        version: str,
        prev_restarts: int,
        minutes_in: int,
    ) -> None:
        self.minute = minute
        self.replicas = replicas
        self.pool_factor = pool_factor
        self.disk_cleared = disk_cleared
        self.noise = noise
        self.deps = deps
        self.offered = offered
        self.version = version
        self.prev_restarts = prev_restarts
        self.minutes_in = minutes_in


def _from_dependencies(cond: Cond, inp: Inputs) -> tuple[float, float, float]:
    """Apply dependency failures to `cond`; return (latency added, DB hold factor, DB reachability)."""
    lat_add, hold, reachable = 0.0, 1.0, 1.0
    for dep, (dspec, dprof, dsnap, dcond) in inp.deps.items():
        kind = dspec.kind
        crit = CRITICAL[kind]
        slowdown = max(1.0, dsnap.lat_p50 / dprof.p50_0)
        weight = 0.7 if kind == "database" else 0.4
        lat_add += min(CLIENT_TIMEOUT_MS[kind], max(0.0, dsnap.lat_p99 - dprof.p99_0) * weight)
        blocked = 0.0
        if dsnap.down > 0:
            cond.add_error(f"unreachable:{dep}", dsnap.down * crit)
            cond.slow_frac += dsnap.down * crit
            cond.slow_ms = max(cond.slow_ms, CLIENT_TIMEOUT_MS[kind])
            blocked += dsnap.down
            slowdown = max(slowdown, 1 + dsnap.down * CLIENT_TIMEOUT_MS[kind] / dprof.p50_0)
        if cond.dns_fail > 0:
            cond.add_error(f"dns:{dep}", cond.dns_fail * crit)
            cond.slow_frac += cond.dns_fail * crit * 0.5
            cond.slow_ms = max(cond.slow_ms, DNS_TIMEOUT_MS)
            blocked += cond.dns_fail
        if dcond.tls_broken > 0:
            cond.add_error(f"tls:{dep}", dcond.tls_broken * crit)
            blocked += dcond.tls_broken
        if kind == "app":
            ok = 1.0
            for reason, frac in dsnap.errors.items():
                if reason not in LOCAL_SKIP:
                    ok *= 1 - frac
            cond.add_error(f"upstream:{dep}", (1 - ok) * crit)
        else:
            for reason, frac in dsnap.errors.items():
                if ":" not in reason and reason not in LOCAL_SKIP:
                    cond.add_error(f"{PREFIX[kind]}:{dep}:{reason}", frac * crit)
        if kind == "database":
            hold = max(hold, 0.4 + 0.6 * slowdown)
            reachable *= max(0.0, 1 - min(1.0, blocked))
    return lat_add, hold, reachable


def service_snap(spec: ServiceSpec, prof: Profile, cond: Cond, inp: Inputs) -> Snap:
    """The service's minute: metrics (with noise) and the error/log mix."""
    kind, noise = spec.kind, inp.noise
    lat_add, hold, reachable = _from_dependencies(cond, inp)
    lat_add += cond.lat_add
    up = 1 - cond.down
    load_ratio = inp.offered / prof.nominal_rps
    per_replica = load_ratio * spec.replicas / inp.replicas
    mem, cpu_demand = _memory_and_cpu(spec, prof, cond, inp, per_replica=per_replica, up=up)
    util = min(cpu_demand / 100, 0.99)
    factor = queue_factor(util) / queue_factor(prof.cpu0 / 100) * cond.lat_mult * cond.query_mult
    p50 = prof.p50_0 * factor + lat_add * 0.5
    p99 = prof.p99_0 * factor + lat_add
    conns, conn_limit, waiting = _connections(
        spec, prof, cond, inp, hold=hold * cond.query_mult, reachable=reachable, up=up
    )
    if waiting > 0.5:
        p50 += POOL_TIMEOUT_MS[spec.log_format] * 0.3 * min(1.0, cond.errors.get("pool_timeout", 0.0) * 2)
    disk = _disk(prof, cond, inp)
    if disk >= 99.5:
        cond.add_error("disk", DISK_FAILURE[kind])
        cond.count("disk_full", 1.0)
    if cond.tls_broken > 0:
        cond.add_error("tls_server", cond.tls_broken * 0.85)
    if 0 < cond.down < 0.99:
        cond.add_error("unavailable", cond.down)
    if cond.slow_frac > 0.01:
        p99 = max(p99, cond.slow_ms * (0.92 + 0.04 * noise("slow")))
    if cond.slow_frac > 0.5:
        p50 = max(p50, cond.slow_ms * 0.7)
    served = inp.offered * up * (1 - cond.errors.get("tls_server", 0.0))
    snap = Snap(
        rps=max(0.0, served * (1 + 0.03 * noise("rps"))),
        cpu=min(100.0, max(0.3, min(cpu_demand, 99.5) * (1 + 0.04 * noise("cpu")))),
        mem=max(1.0, mem * (1 + 0.008 * noise("mem"))),
        mem_limit=float(spec.memory_limit_mi),
        conns=conns,
        conn_limit=conn_limit,
        err_pct=0.0,
        lat_p99=max(0.1, p99 * (1 + 0.06 * noise("p99"))),
        lat_p50=max(0.05, p50 * (1 + 0.05 * noise("p50"))),
        disk=disk,
        restarts_total=inp.prev_restarts + cond.restarts,
        replicas=inp.replicas,
        version=inp.version,
        pool_waiting=waiting,
        down=cond.down,
        load=cond.load,
        errors=dict(cond.errors),
        counts=dict(cond.counts),
        marks=sorted(cond.marks, key=_mark_order),
        scraped=cond.down < 0.99,
    )
    finish_errors(snap, prof, noise("err"))
    return snap


def _memory_and_cpu(
    spec: ServiceSpec, prof: Profile, cond: Cond, inp: Inputs, *, per_replica: float, up: float
) -> tuple[float, float]:
    """Memory of the largest replica and CPU demand (%), with GC pressure, OOM kills and overload."""
    noise = inp.noise
    mem_slope = {"app": 0.35, "database": 0.05, "cache": 0.02}[spec.kind]
    mem = prof.mem0 * (1 + mem_slope * (per_replica - 1)) + cond.mem_add
    limit = float(spec.memory_limit_mi)
    cpu_demand = prof.cpu0 * per_replica * up + cond.cpu_add
    pressure = mem / limit
    if pressure > 0.85:
        over = min(1.0, (pressure - 0.85) / 0.15)
        cond.lat_mult *= 1 + 4 * over
        cpu_demand += 30 * over
        cond.count("gc_pressure", over)
        cond.add_error("gc_timeout", 0.01 * over)
    if mem >= limit:
        if inp.minute % 2 == 0:
            replica = inp.minute // 2 % spec.replicas
            cond.marks.append(mark("oom_kill", 20.0, replica=replica))
            cond.marks.append(mark("startup", 26.0, replica=replica, reason="crash"))
            cond.restarts += 1
            cond.add_error("oom", 0.5 / spec.replicas)
        mem = limit * (0.96 + 0.02 * abs(noise("memcap")))
    if cpu_demand > 100:
        over = 1 - 100 / cpu_demand
        cond.add_error("overload", over * 0.8)
        cond.slow_frac += over
        cond.slow_ms = max(cond.slow_ms, REQUEST_TIMEOUT_MS)
    return mem, cpu_demand


def _mark_order(item: Mark) -> float:
    return item.second


def finish_errors(snap: Snap, prof: Profile, noise: float) -> None:
    """Set `err_pct` from the baseline and the failure fractions (independent causes)."""
    ok = 1.0
    for frac in snap.errors.values():
        ok *= 1 - min(1.0, frac)
    base = max(0.0, prof.err0 * (1 + 0.25 * noise))
    snap.err_pct = min(100.0, base + 100 * (1 - ok))


def _connections(
    spec: ServiceSpec, prof: Profile, cond: Cond, inp: Inputs, *, hold: float, reachable: float, up: float
) -> tuple[float, float | None, float]:
    """(in use, limit, waiting) — apps: their DB pool; databases and caches: filled in by the world."""
    if spec.kind != "app":
        return 0.0, None, 0.0
    pool = (spec.pool_size or 0) * inp.replicas / spec.replicas * inp.pool_factor
    demand = inp.offered * up * prof.hold0 * hold * reachable
    leaked = min(cond.leaked, pool)
    free = pool - leaked
    frac = min(0.97, overflow(demand, free))
    waiting = frac * demand
    if frac > 0.002:
        cond.add_error("pool_timeout", frac)
        cond.slow_frac += frac
        cond.slow_ms = max(cond.slow_ms, POOL_TIMEOUT_MS[spec.log_format])
    in_use = min(pool, demand + leaked + waiting)
    jitter = 1.2 * inp.noise("conns")
    return max(0.0, min(pool, in_use + jitter)), pool, waiting


def _disk(prof: Profile, cond: Cond, inp: Inputs) -> float:
    if cond.disk is not None:
        return min(100.0, max(0.0, cond.disk + 0.15 * inp.noise("disk")))
    base = prof.disk0 * (0.75 if inp.disk_cleared else 1.0) + 0.04 * inp.minutes_in / 60
    return min(100.0, max(0.0, base + 0.2 * inp.noise("disk")))
