"""The simulated world of one scenario: minute-by-minute snapshots of every service, computed
lazily from the window start and cached; recomputed from an action's minute when one is applied."""

from __future__ import annotations

import threading
from bisect import bisect_right
from datetime import UTC, datetime, timedelta

from aiops.sandbox.actions import Applied, Timeline
from aiops.sandbox.faults import FAULTS, ChangeSpec
from aiops.sandbox.faults.deploy import previous_of
from aiops.sandbox.model import CRITICAL, FANOUT, Cond, Snap, build_profiles, diurnal, mark
from aiops.sandbox.physics import Inputs, finish_errors, service_snap
from aiops.sandbox.rng import NoiseBank, stable_seed, unit
from aiops.sandbox.scenario import Scenario

ALERT_TIME = datetime(2025, 6, 3, 14, 30, tzinfo=UTC)
"""Minute 0 of every scenario: the moment the alert fires (deterministic, UTC)."""
POD_ALPHABET = "bcdfghjklmnpqrstvwxz2456789"
ACTION_ERRORS = {"restart": 0.03, "reset_pool": 0.02, "rollback": 0.02, "kill_queries": 0.01}


class World:
    """Snapshots of every service at every minute from `-window_minutes` on."""

    def __init__(self, scenario: Scenario, timeline: Timeline | None = None) -> None:
        self.scenario = scenario
        self.seed = scenario.seed
        self.topology = scenario.topology
        self.profiles = build_profiles(self.topology, self.seed)
        self.timeline = timeline or Timeline()
        self.first_minute = -scenario.window_minutes
        self.alert_time = ALERT_TIME
        self.faults = [
            FAULTS[f.type](f.target, f.start, f.params, index=i) for i, f in enumerate(scenario.faults)
        ]
        self._bank = NoiseBank(self.seed, self.first_minute)
        self._alert_hour = ALERT_TIME.hour + ALERT_TIME.minute / 60
        self._snaps: list[dict[str, Snap]] = []
        self._tls_since: dict[str, int] = {}
        self._pods: dict[tuple[str, int, int], str] = {}
        self._lock = threading.RLock()
        self._rollouts: dict[str, list[int]] = {}
        self.changes: list[ChangeSpec] = sorted(self._scenario_changes(), key=lambda c: c.at_minute)
        extra = [
            c
            for f in self.faults
            for c in f.changes(self)
            if not any(
                e.type == c.type and e.service == c.service and e.at_minute == c.at_minute
                for e in self.changes
            )
        ]
        self.changes = sorted([*self.changes, *extra], key=lambda c: c.at_minute)

    def _scenario_changes(self) -> list[ChangeSpec]:
        out = []
        for c in sorted(self.scenario.events, key=lambda c: c.at_minute):
            if c.summary:
                out.append(c)
                continue
            attrs = dict(c.attrs)
            if c.type == "deployment":
                earlier = [e for e in out if e.service == c.service and e.type == "deployment"]
                previous = attrs.get("previous_version") or (
                    dict(earlier[-1].attrs)["version"] if earlier else previous_of(attrs["version"]))
                attrs.setdefault("previous_version", previous)
                summary = f"{c.service} deployed {attrs['version']} (was {previous})"
            else:
                summary = f"{c.type.replace('_', ' ')} on {c.service}"
            out.append(ChangeSpec(c.at_minute, c.type, c.service, summary, tuple(sorted(attrs.items()))))
        return out

    # time -----------------------------------------------------------------------------------
    def ts(self, minute: float) -> datetime:
        return self.alert_time + timedelta(minutes=minute)

    def minute_of(self, when: datetime) -> int:
        """The minute containing `when` (floor)."""
        return int((when - self.alert_time).total_seconds() // 60)

    # versions and pods ----------------------------------------------------------------------
    def version_at(self, service: str, minute: int) -> str:
        """The version running at `minute`: deployments push, completed rollbacks pop."""
        history: list[tuple[int, int, str | None]] = []
        changes = getattr(self, "changes", self.scenario.events)
        for c in changes:
            if c.service == service and c.type == "deployment" and c.at_minute <= minute:
                history.append((c.at_minute, 0, dict(c.attrs).get("version")))
        history += [(a.done, 1, None) for a in self.timeline.on(service, ["rollback"]) if a.done <= minute]
        first = next((c for c in changes if c.service == service and c.type == "deployment"), None)
        initial = dict(first.attrs).get("previous_version") if first else None
        stack = [initial or self.profiles[service].version]
        for _, kind, version in sorted(history, key=lambda h: (h[0], h[1])):
            if kind == 0 and version:
                stack.append(version)
            elif kind == 1 and len(stack) > 1:
                stack.pop()
        return stack[-1]

    def deployed_before(self, service: str, minute: int) -> bool:
        """Whether a deployment of `service` happened before `minute`."""
        return any(
            c.service == service and c.type == "deployment" and c.at_minute < minute for c in self.changes
        )

    def can_roll_back(self, service: str, minute: int) -> bool:
        deployed = sum(
            1
            for c in self.changes
            if c.service == service and c.type == "deployment" and c.at_minute <= minute
        )
        return deployed > self.timeline.count_done(service, "rollback", minute)

    def pod(self, service: str, replica: int, minute: int) -> str:
        """A Kubernetes-style pod name; the middle part changes with every rollout."""
        rollouts = bisect_right(self._rollout_minutes(service), minute)
        rollouts += sum(1 for a in self.timeline.on(service, ["restart", "rollback"]) if a.at <= minute)
        key = (service, replica, rollouts)
        name = self._pods.get(key)
        if name is None:
            rs = _alphabet(stable_seed(self.seed, service, "rs", rollouts), 10)
            name = f"{service}-{rs}-{_alphabet(stable_seed(self.seed, service, rs, replica), 5)}"
            self._pods[key] = name
        return name

    def _rollout_minutes(self, service: str) -> list[int]:
        found = self._rollouts.get(service)
        if found is None:
            found = sorted(c.at_minute for c in self.changes
                           if c.service == service and c.type in ("deployment", "restart"))
            self._rollouts[service] = found
        return found

    def not_after(self, service: str) -> str:
        """When the service's certificate stopped being valid (for client error texts), or ''."""
        minute = self._tls_since.get(service)
        return "" if minute is None else f"{self.ts(minute):%Y-%m-%dT%H:%M:%SZ}"

    # snapshots ------------------------------------------------------------------------------
    def set_timeline(self, timeline: Timeline) -> None:
        """Replace the applied actions; cached minutes from the earliest changed action are dropped."""
        old = {(a.key, a.at, a.action, a.target) for a in self.timeline.applied}
        changed = [a.at for a in timeline.applied if (a.key, a.at, a.action, a.target) not in old]
        changed += [a.at for a in self.timeline.applied if a not in timeline.applied]
        with self._lock:
            self.timeline = timeline
            if changed:
                self._snaps = self._snaps[: max(0, min(changed) - self.first_minute)]

    def snap(self, service: str, minute: int) -> Snap:
        return self.minute(minute)[service]

    def minute(self, minute: int) -> dict[str, Snap]:
        """All services at `minute` (>= the window start)."""
        index = minute - self.first_minute
        if index < 0:
            raise ValueError(f"minute {minute} is before the window start {self.first_minute}")
        snaps = self._snaps
        if index < len(snaps):
            return snaps[index]
        with self._lock:  # tools may query from several threads at once
            while len(self._snaps) <= index:
                self._snaps.append(self._compute(self.first_minute + len(self._snaps)))
            return self._snaps[index]

    def _compute(self, m: int) -> dict[str, Snap]:
        topo = self.topology
        conds = {name: Cond() for name in topo.services}
        for fault in self.faults:
            fault.apply(m, conds, self)
        for noise in self.scenario.noise:
            noise.apply(m, conds, self.seed)
        self._apply_actions(m, conds)
        self._apply_changes(m, conds)
        for name, cond in conds.items():
            if cond.tls_broken > 0:
                self._tls_since.setdefault(name, m)
        level = diurnal(self._alert_hour, m)
        offered: dict[str, float] = {}
        for name in reversed(topo.order):
            kind = topo.services[name].kind
            total = self.profiles[name].own_rps * level * conds[name].load
            for caller in topo.callers(name):
                fan = FANOUT[kind]
                if kind == "database":
                    fan += sum(
                        FANOUT["cache"] * 0.5 * conds[d].down
                        for d in topo.services[caller].depends_on
                        if topo.services[d].kind == "cache"
                    )
                total += fan * offered[caller] * (1 - conds[caller].down)
            offered[name] = total
        prev = self._snaps[-1] if self._snaps else None
        snaps: dict[str, Snap] = {}
        for name in topo.order:
            spec = topo.services[name]
            deps = {d: (topo.services[d], self.profiles[d], snaps[d], conds[d]) for d in spec.depends_on}
            inputs = Inputs(
                minute=m,
                replicas=max(1, round(spec.replicas * self.timeline.replicas_factor(name, m))),
                pool_factor=self.timeline.pool_factor(name, m),
                disk_cleared=self.timeline.count_done(name, "free_disk", m) > 0,
                noise=lambda key, _n=name: self._bank.value(f"{_n}:{key}", m),
                deps=deps,
                offered=offered[name],
                version=self.version_at(name, m),
                prev_restarts=prev[name].restarts_total if prev else 0,
                minutes_in=m - self.first_minute,
            )
            snaps[name] = service_snap(spec, self.profiles[name], conds[name], inputs)
        self._server_connections(m, snaps)
        return snaps

    def _server_connections(self, m: int, snaps: dict[str, Snap]) -> None:
        """Connections at databases (callers' pools) and caches (clients); too many clients fail."""
        for name, spec in self.topology.services.items():
            snap = snaps[name]
            callers = self.topology.callers(name)
            jitter = self._bank.value(f"{name}:conns", m)
            if spec.kind == "database":
                total = 5 + sum(snaps[c].conns for c in callers) + 1.5 * jitter
                limit = float(spec.max_connections or 0) * self.timeline.pool_factor(name, m)
                snap.conn_limit = limit
                snap.conns = max(0.0, min(limit, total)) * (1 - snap.down)
                if total > limit > 0:
                    over = (total - limit) / total
                    snap.errors["too_many_clients"] = over
                    finish_errors(snap, self.profiles[name], self._bank.value(f"{name}:err", m))
                    for c in callers:
                        snaps[c].errors[f"db:{name}:too_many_clients"] = over * CRITICAL["database"]
                        finish_errors(snaps[c], self.profiles[c], self._bank.value(f"{c}:err", m))
            elif spec.kind == "cache":
                total = 3 + sum(12 * snaps[c].replicas for c in callers) + 2 * jitter
                snap.conns = max(0.0, total) * (1 - snap.down)
                snap.conn_limit = 10_000.0

    def _apply_actions(self, m: int, conds: dict[str, Cond]) -> None:
        for a in self.timeline.applied:
            if not a.at <= m < max(a.done, a.at + 1):
                continue
            cond = conds[a.target]
            kind = self.topology.services[a.target].kind
            if a.effect in ACTION_ERRORS:
                cond.add_error(f"action_{a.effect}", ACTION_ERRORS[a.effect])
            if a.effect in ("restart", "failover") and kind != "app" and m == a.at:
                cond.down = max(cond.down, 0.5)
            if m == a.at:
                cond.marks.extend(_action_marks(a, self.topology.services[a.target].replicas, self.seed))

    def _apply_changes(self, m: int, conds: dict[str, Cond]) -> None:
        for c in self.changes:
            if c.at_minute != m:
                continue
            cond = conds[c.service]
            attrs = dict(c.attrs)
            if c.type in ("deployment", "restart"):
                cond.marks.append(mark("rollout", 1.0, version=attrs.get("version", ""), change=c.type))
                for replica in range(self.topology.services[c.service].replicas):
                    second = 6 + 48 * unit(self.seed, c.service, "rollout", m, replica)
                    cond.marks.append(mark("startup", second, replica=replica, reason=c.type))
            elif c.type in ("config_change", "feature_flag"):
                cond.marks.append(mark("config_reloaded", 3.0, what=c.type))


def _action_marks(a: Applied, replicas: int, seed: int) -> list:
    marks = [mark(f"action_{a.effect}", 0.5)]
    if a.effect in ("restart", "rollback", "scale"):
        for replica in range(replicas):
            second = 8 + 45 * unit(seed, a.target, a.key, a.at, replica)
            marks.append(mark("startup", second, replica=replica, reason=a.effect))
    return marks


def _alphabet(value: int, length: int) -> str:
    out = []
    for _ in range(length):
        value, digit = divmod(value, len(POD_ALPHABET))
        out.append(POD_ALPHABET[digit])
    return "".join(out)
