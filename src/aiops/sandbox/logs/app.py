"""Log lines of an application service for one minute: access lines, the errors of its failure
mix, pool and GC housekeeping, warnings, startups and shutdowns, noise and literal lines."""

from __future__ import annotations

import math
import random
from bisect import bisect_right
from itertools import accumulate
from typing import Any

from aiops.sandbox.logs import app_lines as lines
from aiops.sandbox.logs.dep_templates import DEP
from aiops.sandbox.logs.draw import Draw, fill
from aiops.sandbox.logs.formats import Entry
from aiops.sandbox.logs.minute import Minute
from aiops.sandbox.logs.templates import (
    CACHE_ERRORS,
    OWN,
    SERVER_ERRORS,
    STATUS,
    T,
    cache_error,
    db_error,
)
from aiops.sandbox.logs.vocab import Vocab, vocab_for
from aiops.sandbox.model import Snap
from aiops.sandbox.physics import POOL_TIMEOUT_MS
from aiops.sandbox.rng import poisson
from aiops.sandbox.topology import ServiceSpec

NOISE_COUNTS = ("slow_requests", "retries", "benign_warnings", "noisy_errors")
SILENT = {
    "oom",
    "restart",
    "unavailable",
    "action_restart",
    "action_rollback",
    "action_kill_queries",
    "action_failover",
}


class AppLogs:
    """Generates an app's minute of log entries from its snapshot."""

    def __init__(self, world: Any, spec: ServiceSpec) -> None:
        self.world = world
        self.spec = spec
        self.flavor = spec.log_format
        self.vocab: Vocab = vocab_for(spec)
        self.profile = world.profiles[spec.name]
        self.deps = {d: vocab_for(world.topology.services[d]) for d in spec.depends_on}
        self.dep_kind = {d: world.topology.services[d].kind for d in spec.depends_on}
        self._templates: dict[str, tuple[T, ...]] = {}
        self._cum = list(accumulate(e[2] for e in self.vocab.endpoints))
        v = self.vocab
        self.base: dict[str, Any] = {
            "service": spec.name,
            "module": v.module,
            "pkg": v.pkg,
            "cap": v.cap,
            "noun": v.noun,
            "plural": v.plural,
            "app_class": v.app_class,
            "self_ip": self.profile.ip,
            "pool_timeout": int(POOL_TIMEOUT_MS[self.flavor]),
            "pool_timeout_s": int(POOL_TIMEOUT_MS[self.flavor] / 1000),
        }

    # templates per failure reason -------------------------------------------------------------
    def templates(self, reason: str) -> tuple[T, ...]:
        if reason not in self._templates:
            self._templates[reason] = self._lookup(reason)
        return self._templates[reason]

    def _lookup(self, reason: str) -> tuple[T, ...]:
        parts = reason.split(":")
        flavor = self.flavor
        if len(parts) == 1:
            return () if reason in SILENT else OWN.get(reason, {}).get(flavor, ())
        kind, dep = parts[0], parts[1]
        if kind == "db":
            state, text = SERVER_ERRORS.get(parts[2], ("08006", "server closed the connection unexpectedly"))
            return db_error(flavor, state, text)
        if kind == "cache":
            return cache_error(flavor, CACHE_ERRORS.get(parts[2], "ERR internal error"))
        table = DEP.get(kind, {})
        dep_kind = self.dep_kind.get(dep, "app")
        return table.get(dep_kind, table.get("any", {})).get(flavor, ())

    def values(self, rng: random.Random, snap: Snap, minute: int, reason: str = "", **extra: Any) -> Draw:
        base = dict(self.base)
        base["pool"] = round(snap.conn_limit or 0)
        base["active"] = round(snap.conns)
        base["waiting"] = round(snap.pool_waiting)
        parts = reason.split(":")
        if len(parts) > 1 and parts[1] in self.deps:
            dep = self.deps[parts[1]]
            base.update(
                dep=dep.service,
                host=dep.host,
                ip=self.world.profiles[dep.service].ip,
                dcap=dep.cap,
                dplural=dep.plural.replace("_", "-"),
                user=self.vocab.db_user,
                db=self.vocab.db_name,
                now=f"{self.world.ts(minute):%Y-%m-%dT%H:%M:%SZ}",
                not_after=self.world.not_after(dep.service),
            )
        base.update(extra)
        return Draw(base, rng)

    def expected(self, snap: Snap) -> float:
        """An upper bound of the mean number of lines `minute` produces for `snap`."""
        if not snap.scraped:
            return 0.0
        reqs = self.spec.log_rate * snap.rps / self.profile.nominal_rps
        ok = 1.0
        for frac in snap.errors.values():
            ok *= 1 - frac
        noise = sum(snap.counts.get(k, 0.0) for k in NOISE_COUNTS)
        return reqs * (1.02 + (1 - ok)) + 13 + noise + 10 * len(snap.marks)

    # one minute -------------------------------------------------------------------------------
    def minute(self, minute: int, snap: Snap, rng: random.Random) -> list[Entry]:
        m = Minute(minute, snap, rng)
        if not snap.scraped:
            return m.out
        load = snap.rps / self.profile.nominal_rps
        n_req = poisson(rng, self.spec.log_rate * load)
        reasons = [(r, f) for r, f in snap.errors.items() if f > 0]
        ok = 1.0
        for _, f in reasons:
            ok *= 1 - f
        failing = 1 - ok
        weights = [f for _, f in reasons]
        hot = snap.counts.get("hot_path", 0.0)
        p50 = max(0.5, snap.lat_p50)
        mu = math.log(p50)
        sigma = max(0.05, math.log(max(snap.lat_p99, p50 * 1.01) / p50) / 2.326)
        cap = snap.lat_p99 * 1.05
        access, rand, gauss, exp = lines.access, rng.random, rng.gauss, math.exp
        for _ in range(n_req):
            second = rand() * 60
            method, path = self.endpoint(rng, hot)
            if reasons and rand() < failing:
                reason = rng.choices(reasons, weights)[0][0]
                self._failure(m, second, reason, method=method, path=path)
                continue
            status = self._status(rng, method)
            if status >= 500:
                self.emit(m, second, lines.baseline_error(self.flavor), method=method, path=path)
            access(
                self,
                m,
                second,
                method=method,
                path=path,
                status=status,
                duration=min(cap, exp(gauss(mu, sigma))),
            )
        lines.housekeeping(self, m)
        lines.warnings(self, m)
        lines.marks(self, m)
        return m.out

    def endpoint(self, rng: random.Random, hot: float) -> tuple[str, str]:
        """A (method, path) of this service; `hot` biases towards the create endpoint."""
        endpoints = self.vocab.endpoints
        if hot > 0 and rng.random() < 0.55 * hot:
            method, path, _ = endpoints[2]
        else:
            method, path, _ = endpoints[bisect_right(self._cum, rng.random() * self._cum[-1])]
        if "{id}" in path:
            path = path.replace("{id}", str(100_000 + int(rng.random() * 9_900_000)))
        elif "{page}" in path:
            path = path.replace("{page}", str(1 + int(rng.random() * 40)))
        return method, path

    def _status(self, rng: random.Random, method: str) -> int:
        roll = rng.random() * 100
        if roll < self.profile.err0:
            return rng.choice((500, 502))
        if roll < self.profile.err0 + 3.0:
            return rng.choice((400, 401, 404, 404, 409, 422))
        return 201 if method == "POST" else 200

    def _failure(self, m: Minute, second: float, reason: str, *, method: str, path: str) -> None:
        templates = self.templates(reason)
        if templates:
            self.emit(m, second, m.rng.choice(templates), reason=reason, method=method, path=path)
        if reason == "tls_server":
            return
        kind = reason.split(":", maxsplit=1)[0]
        if kind == "pool_timeout":
            duration = POOL_TIMEOUT_MS[self.flavor] + m.rng.uniform(0, 40)
        elif kind in ("unreachable", "overload", "gc_timeout"):
            duration = min(m.snap.lat_p99, 15_000.0) * m.rng.uniform(0.9, 1.0)
        else:
            duration = m.rng.uniform(2, 60)
        lines.access(
            self,
            m,
            min(59.999, second + 0.002),
            method=method,
            path=path,
            status=STATUS.get(kind, 500),
            duration=duration,
        )

    def emit(
        self,
        m: Minute,
        second: float,
        template: T,
        *,
        reason: str = "",
        thread: str | None = None,
        **extra: Any,
    ) -> None:
        """Fill `template` and add it at `second`."""
        level, logger, msg, fields = fill(template, self.values(m.rng, m.snap, m.minute, reason, **extra))
        m.out.append((second, level, logger, msg, fields, self.ctx(m.rng, m.minute, thread), None))

    def ctx(self, rng: random.Random, minute: int, thread: str | None = None) -> str:
        """Per-line context for the renderer (java: app|thread|trace; node: pod name)."""
        if self.flavor == "java":
            if thread:
                return f"{self.spec.name}|{thread}|"
            return f"{self.spec.name}|nio-8080-exec-{1 + int(rng.random() * 200)}|{rng.getrandbits(64):016x}"
        if self.flavor == "node":
            return self.world.pod(self.spec.name, int(rng.random() * self.spec.replicas), minute)
        return ""
