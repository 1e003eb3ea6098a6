"""The evidence about every service of an incident, with the topology and change events, and the
relations the diagnosis reasons over (callers, dependencies, onsets)."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from aiops.agents.playbook.evidence import Change, MetricView, ServiceEvidence, when

HEALTH = ("error_rate", "latency_p99")
STALE_MINUTES = 3.0
"""A metric whose last sample is this much older than the others has stopped reporting."""
RATIO_UP = 1.5
"""A metric at this multiple (or fraction) of its baseline, or saturated, is anomalous now."""


@dataclass(slots=True)
class World:
    """Everything the diagnostician knows, by service."""

    services: dict[str, ServiceEvidence] = field(default_factory=dict)
    topology: dict[str, dict] = field(default_factory=dict)
    changes: list[Change] = field(default_factory=list)
    alerted: str | None = None
    recalled: list[dict] = field(default_factory=list)
    """Confirmed past incidents that resemble this evidence (search_past_incidents), best first."""
    reporters: frozenset[str] = frozenset()
    """Services that report on other objects (cluster control-plane components): their lines are
    evidence about what they name, never a failure of their own."""

    def service(self, name: str) -> ServiceEvidence:
        """The evidence of `name` (created empty on first use)."""
        if name not in self.services:
            self.services[name] = ServiceEvidence(name=name)
        return self.services[name]

    def names(self) -> list[str]:
        """Every service known from the topology or the evidence, reporters left out."""
        return [n for n in dict.fromkeys([*self.topology, *self.services]) if n not in self.reporters]

    def link(self, *, mention_signatures: Sequence[str] | None = None,
             store_signatures: Sequence[str] = ()) -> None:
        """Dependencies the evidence shows when the inventory declares none at all (a bundle, a bare
        environment file): a service whose error lines name another known service
        (`mention_signatures`: only the lines of those signatures) depends on it; a service depends on
        the nodes its pods run on; a service logging database-client failures (`store_signatures`)
        depends on the database when exactly one is in scope. A declared topology is left as it is."""
        if any((row or {}).get("depends_on") for row in self.topology.values()):
            return
        known = self.names()
        stores = [n for n in known if self.kind(n) == "database"]
        for name, ev in self.services.items():
            if name in self.reporters:
                continue
            row = self.topology.setdefault(name, {"depends_on": []})
            deps = row.setdefault("depends_on", [])
            for node in ev.nodes:
                if node in known and node not in deps and node != name:
                    deps.append(node)
            text = error_text(ev, mention_signatures)
            for other in known:
                if other == name or other in deps or name in self.dependencies(other):
                    continue
                addresses = self.services[other].ips if other in self.services else []
                if self.named_in(text, other) or any(_address(text, ip) for ip in addresses):
                    deps.append(other)
            if len(stores) == 1 and stores[0] != name and stores[0] not in deps and \
                    any(s in ev.signatures for s in store_signatures) and self.kind(name) != "database":
                deps.append(stores[0])

    def named_in(self, text: str, name: str) -> bool:
        """`name` appears in `text` as a whole name; a service nobody could observe (an external API
        declared in the inventory, with no logs, metrics or state of its own) also by the one part of
        its name no other service shares (`riskshield-api` by `RiskShield`, `RiskShieldClient`)."""
        if mentions(text, name):
            return True
        ev = self.services.get(name)
        if ev is not None and (ev.log_lines or ev.metrics or ev.coverage.get("state") in ("trouble", "healthy")):
            return False
        part = distinctive_part(name, [n for n in self.names() if n != name])
        return part is not None and re.search(rf"(?<![a-z0-9]){re.escape(part)}", text) is not None

    def kind(self, name: str) -> str:
        return str((self.topology.get(name) or {}).get("kind") or "")

    def dependencies(self, name: str, *, transitive: bool = False) -> list[str]:
        """What `name` depends on (directly, or all the way down)."""
        direct = [str(d) for d in (self.topology.get(name) or {}).get("depends_on") or []]
        if not transitive:
            return direct
        seen: list[str] = []
        todo = list(direct)
        while todo:
            dep = todo.pop(0)
            if dep not in seen and dep != name:
                seen.append(dep)
                todo.extend(self.dependencies(dep))
        return seen

    def callers(self, name: str) -> list[str]:
        """The services that depend directly on `name`."""
        return [s for s in self.topology if name in ((self.topology[s] or {}).get("depends_on") or [])]

    def related(self, name: str, relation: str) -> list[str]:
        """callers, dependencies (direct), siblings (other callers of the same dependencies), or others
        (every other service)."""
        if relation == "callers":
            return self.callers(name)
        if relation == "others":
            return [n for n in self.names() if n != name]
        if relation == "siblings":
            return list(dict.fromkeys(c for d in self.dependencies(name) for c in self.callers(d) if c != name))
        return self.dependencies(name)

    def now(self) -> datetime | None:
        """The latest sample time seen in any metric (the moment the evidence describes)."""
        ends = [when(v.end) for ev in self.services.values() for v in ev.metrics.values() if v.end]
        found = [t for t in ends if t is not None]
        return max(found) if found else None

    def stale_minutes(self, view: MetricView) -> float:
        """How long before the latest sample of the incident this metric's last sample is."""
        now, end = self.now(), when(view.end)
        if now is None or end is None:
            return 0.0
        return max(0.0, (now - end).total_seconds() / 60)

    def onset(self, name: str) -> datetime | None:
        """When `name` went wrong: the earliest change point of a metric that is off its baseline
        now, or the first line of a failure signature that started or grew recently."""
        ev = self.services.get(name)
        if ev is None:
            return None
        times = [when(m.onset) for m in ev.metrics.values() if m.onset and anomalous_now(m) and not _at_start(m)]
        times += [when(s.onset or s.first_seen) for s in ev.signatures.values() if s.marks_onset]
        times += [when(m.end) for m in ev.metrics.values() if m.end and self.stale_minutes(m) >= STALE_MINUTES]
        found = [t for t in times if t is not None]
        return min(found) if found else when(ev.onset)

    def anomalous(self) -> list[str]:
        """Services with a metric anomalous now."""
        return [n for n, ev in self.services.items() if any(anomalous_now(m) for m in ev.metrics.values())]


def _at_start(view: MetricView) -> bool:
    """The change point is the first sample: the series was already off when the window began, so it
    says nothing about when this service went wrong."""
    onset, start = when(view.onset), when(view.start)
    return onset is not None and start is not None and onset <= start + timedelta(minutes=1)


def anomalous_now(view: MetricView) -> bool:
    """Off its baseline now (and not a blip that came back): saturated, or sustained far from the
    baseline (for percentages, by at least one point)."""
    if view.saturated:
        return True
    if view.sustained is False or view.current is None:
        return False
    ratio = view.ratio
    if ratio is None:
        return bool(view.anomalous and view.sustained)
    far = ratio >= RATIO_UP or ratio <= 1 / RATIO_UP
    if view.unit == "percent" and view.baseline is not None:
        far = far and abs(view.current - view.baseline) >= 1.0
    return far and bool(view.sustained or view.anomalous)


def _address(text: str, ip: str) -> bool:
    """`ip` appears in `text` as a whole address (optionally with a port)."""
    return re.search(rf"(?<![\d.]){re.escape(ip)}(?![\d])", text) is not None


GENERIC_PARTS = frozenset({
    "api", "apis", "svc", "service", "services", "server", "client", "app", "web", "worker", "workers", "backend",
    "frontend", "gateway", "proxy", "prod", "production", "staging", "primary", "replica", "master", "main",
    "internal", "external", "public", "private", "cluster", "grpc", "http", "https", "rest", "core", "default",
})
"""Name parts that say what a service is, not which one."""


def distinctive_part(name: str, others: Sequence[str]) -> str | None:
    """The longest part of `name` (five letters or more, not generic) that no other name has."""
    taken = {p for other in others for p in re.split(r"[-_.]", other.lower())}
    parts = [p for p in re.split(r"[-_.]", name.lower())
             if len(p) >= 5 and p.isalpha() and p not in GENERIC_PARTS and p not in taken]
    return max(parts, key=len) if parts else None


def mentions(text: str, name: str) -> bool:
    """`name` appears in `text` as a whole name (not inside a longer one, nor as part of a path)."""
    return re.search(rf"(?<![\w-])(?<![^/]/){re.escape(name.lower())}(?![\w-])", text) is not None


def error_text(ev: ServiceEvidence, only: Sequence[str] | None = None) -> str:
    """Lower-cased text of a service's warning and error log lines: templates, examples, signature
    examples (with `only`, signature globs, just the lines of those signatures)."""
    patterns = [p.lower() for p in only or []]

    def wanted(names: list[str]) -> bool:
        return not patterns or any(fnmatch.fnmatch(n.lower(), p) for n in names for p in patterns)

    texts = [p.template + " " + p.example for p in ev.patterns
             if p.level in ("ERROR", "FATAL", "WARN") and wanted(p.signatures or ([] if patterns else [""]))]
    texts += [h.example for h in ev.signatures.values() if h.source != "state" and wanted([h.name])]
    return "\n".join(texts).lower()
