"""Evaluating the diagnostics skill's named signals on one service of the world.

A signal is data (see failure_modes.yaml `signals`); this module only knows the test kinds:
logs, metric, change, relations (of callers/dependencies, named_by), onset, log counts, and
any/all combinations. Each test returns whether it holds and a short description of the facts.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from aiops.agents.playbook.evidence import MetricView, norm, num, when
from aiops.agents.playbook.world import World, error_text
from aiops.core.units import with_unit

Fact = tuple[bool, str]
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3, "critical": 4}
READ = ("read", "trouble", "healthy")
"""Coverage values that mean the source answered with something (see ServiceEvidence.coverage)."""


class SignalBook:
    """The signals of a diagnostics data file, evaluated (and memoised) over one world."""

    def __init__(self, specs: Mapping[str, Any], world: World, *, tolerance_minutes: float = 3.0) -> None:
        self.specs = {str(k): v for k, v in (specs or {}).items() if isinstance(v, Mapping)}
        self.world = world
        self.tolerance = timedelta(minutes=tolerance_minutes)
        self._memo: dict[tuple[str, str], Fact] = {}
        self._active: set[tuple[str, str]] = set()

    def holds(self, name: str, service: str) -> bool:
        """Whether signal `name` holds on `service` (unknown signals never hold)."""
        return self.fact(name, service)[0]

    def fact(self, name: str, service: str) -> Fact:
        """(holds, what was seen) for signal `name` on `service`."""
        key = (name, service)
        if key in self._memo:
            return self._memo[key]
        spec = self.specs.get(name)
        if spec is None or key in self._active:
            return False, ""
        self._active.add(key)
        try:
            result = self._test(spec, service)
        finally:
            self._active.discard(key)
        self._memo[key] = result
        return result

    def about(self, name: str) -> str:
        """The signal's own description."""
        return str((self.specs.get(name) or {}).get("about") or name.replace("_", " "))

    def is_metric(self, name: str) -> bool:
        """True for a metric test (or a combination made only of metric tests)."""
        spec = self.specs.get(name) or {}
        if "metric" in spec:
            return True
        parts = spec.get("any") or spec.get("all")
        return bool(parts) and all(self.is_metric(str(p)) for p in parts)

    def _test(self, spec: Mapping[str, Any], service: str) -> Fact:
        if "any" in spec or "all" in spec or "none" in spec:
            return self._combo(spec, service)
        if "logs" in spec:
            return self._logs(spec, service)
        if "metric" in spec:
            return self._metric(spec, service)
        if "change" in spec:
            return self._change(spec, service)
        if "of" in spec:
            return self._related(spec, service)
        if "named_by" in spec:
            return self._named_by(spec, service)
        if "names" in spec:
            return self._names(spec, service)
        if "onset" in spec:
            return self._earliest(service)
        if "state" in spec:
            found = self.world.service(service).coverage.get("state", "")
            wanted = spec["state"] if isinstance(spec["state"], list) else [spec["state"]]
            return found in wanted, f"{service} orchestrator state: {found}" if found in wanted else ""
        if "kind" in spec:
            kinds = spec["kind"] if isinstance(spec["kind"], list) else [spec["kind"]]
            ok = self.world.kind(service) in kinds
            return ok, f"{service} is a {self.world.kind(service)}" if ok else ""
        if "covered" in spec:
            coverage = self.world.service(service).coverage
            read = [s for s in spec["covered"] or [] if coverage.get(str(s)) in READ]
            return bool(read), f"{service}: {', '.join(read)} read" if read else ""
        if "log_volume_below" in spec:
            ratio = self.world.service(service).log_volume_ratio
            ok = ratio is not None and ratio < float(spec["log_volume_below"])
            return ok, f"{service} log volume at {ratio:.0%} of its earlier rate" if ok else ""
        if "log_errors" in spec:
            errors = self.world.service(service).log_errors or 0
            return errors >= int(spec["log_errors"]), f"{errors} error lines"
        if "new_error_patterns" in spec:
            new = [p for p in self.world.service(service).patterns
                   if (p.new or (spec.get("rising") and p.change in ("new", "surge"))) and p.level in ("ERROR", "FATAL")
                   and (p.active is True or not spec.get("active"))]
            shown = f": {new[0].template[:120]}" if new else ""
            return len(new) >= int(spec["new_error_patterns"]), f"{service} new error templates: {len(new)}{shown}"
        return False, ""

    def _combo(self, spec: Mapping[str, Any], service: str) -> Fact:
        """any: at least one holds; all: every one holds; none: not one holds (keys combine)."""
        ok, held = True, []
        for key in ("any", "all", "none"):
            if key not in spec:
                continue
            facts = [self.fact(str(n), service) for n in spec[key] or []]
            held += [f[1] for f in facts if f[0] and f[1] and key != "none"]
            results = [f[0] for f in facts]
            ok = ok and {"any": any(results), "all": all(results), "none": not any(results)}[key]
        return ok, "; ".join(held)

    def _logs(self, spec: Mapping[str, Any], service: str) -> Fact:
        patterns = [str(p).lower() for p in spec.get("logs") or []]
        least = int(spec.get("min_count", 1))
        floor = SEVERITY_RANK.get(str(spec.get("min_severity") or ""), 0)
        hits = [
            h
            for name, h in self.world.service(service).signatures.items()
            if h.count >= least
            and any(fnmatch.fnmatch(name.lower(), p) for p in patterns)
            and (h.rising or not spec.get("rising"))
            and (h.active is True or not spec.get("active"))
            and (h.active is not True or not spec.get("past"))
            and SEVERITY_RANK.get(h.severity, 2) >= floor
            and (not spec.get("source") or h.source == spec["source"])
        ]
        if not hits:
            return False, ""
        text = ", ".join(
            f"{h.name} x{h.count}" + (f" from {h.onset or h.first_seen}" if h.first_seen else "") for h in hits[:3]
        )
        where = "orchestrator" if all(h.source == "state" for h in hits[:3]) else "logs"
        return True, f"{service} {where}: {text}"

    def _metric(self, spec: Mapping[str, Any], service: str) -> Fact:
        names = spec["metric"] if isinstance(spec["metric"], list) else [spec["metric"]]
        metrics = self.world.service(service).metrics
        view = next((metrics[str(n)] for n in names if str(n) in metrics), None)
        if spec.get("missing"):
            stale = float(spec.get("stale_minutes", 3))
            missing = view is not None and (
                view.current is None
                or view.trend in ("missing", "no_data", "stale")
                or self.world.stale_minutes(view) >= stale
            )
            last = f" since {view.end}" if view is not None and view.end else ""
            return missing, f"{service} {view.metric if view else names[0]}: no samples{last}" if missing else ""
        if view is None or view.current is None:
            return False, ""
        return _metric_ok(spec, view), describe(view)

    def _change(self, spec: Mapping[str, Any], service: str) -> Fact:
        """A change event of one of the types on the service: within `before_onset_minutes` before its
        onset, or any time in the window with `anytime`; `summary` words must appear in its summary."""
        types = {norm(t) for t in spec.get("change") or []}
        words = [str(w).lower() for w in spec.get("summary") or []]
        onset = self.world.onset(service)
        window = timedelta(minutes=float(spec.get("before_onset_minutes", 15)))
        hits = []
        for change in self.world.changes:
            ts = when(change.ts)
            if change.service != service or not any(t in norm(change.type) for t in types) or ts is None:
                continue
            if words and not any(w in change.summary.lower() for w in words):
                continue
            if spec.get("anytime") or (onset is not None and ts - self.tolerance <= onset <= ts + window):
                hits.append(change)
        if not hits:
            return False, ""
        first = min(hits, key=lambda c: str(c.ts))
        more = f" ({len(hits)} such events)" if len(hits) > 1 else ""
        return True, f"{first.type} of {service} at {first.ts}: {first.summary}{more}".strip(": ")

    def _related(self, spec: Mapping[str, Any], service: str) -> Fact:
        related = self.world.related(service, str(spec["of"]))
        signal = str(spec.get("signal") or "")
        hits = [s for s in related if self.holds(signal, s)]
        ok = len(hits) >= int(spec.get("min", 1))
        return ok, f"{spec['of']} with {self.about(signal)}: {', '.join(hits)}" if ok else ""

    def _named_by(self, spec: Mapping[str, Any], service: str) -> Fact:
        only = [str(p).lower() for p in spec.get("in_logs") or []]
        hits = [
            c
            for c in self.world.related(service, str(spec["named_by"]))
            if self.world.named_in(self._error_text(c, only), service)
        ]
        ok = len(hits) >= int(spec.get("min", 1))
        return ok, f"errors in {', '.join(hits)} name {service}" if ok else ""

    def _names(self, spec: Mapping[str, Any], service: str) -> Fact:
        text = self._error_text(service, [str(p).lower() for p in spec.get("in_logs") or []])
        hits = [d for d in self.world.related(service, str(spec["names"])) if self.world.named_in(text, d)]
        ok = len(hits) >= int(spec.get("min", 1))
        return ok, f"errors in {service} name {', '.join(hits)}" if ok else ""

    def _error_text(self, service: str, only: list[str]) -> str:
        """Lower-cased text of the service's warning and error log lines (see `world.error_text`)."""
        return error_text(self.world.service(service), only or None)

    def _earliest(self, service: str) -> Fact:
        mine = self.world.onset(service)
        if mine is None:
            return False, ""
        others = [t for s in self.world.names() if s != service and (t := self.world.onset(s)) is not None]
        ok = all(mine <= t + self.tolerance for t in others)
        return ok, f"{service} went wrong first ({mine.isoformat()})" if ok else ""


def _metric_ok(spec: Mapping[str, Any], view: MetricView) -> bool:
    checks: list[bool] = []
    if spec.get("at_baseline"):
        from aiops.agents.playbook.world import anomalous_now

        checks.append(not anomalous_now(view))
    if "trend" in spec:
        checks.append(view.trend in {norm(t) for t in spec["trend"]})
    if spec.get("saturated"):
        checks.append(view.saturated)
    if "min_saturation" in spec:
        checks.append(view.saturation is not None and view.saturation >= float(spec["min_saturation"]))
    ratio = view.ratio
    if "min_ratio" in spec:
        checks.append(ratio is not None and ratio >= float(spec["min_ratio"]))
    if "max_ratio" in spec:
        checks.append(ratio is not None and ratio <= float(spec["max_ratio"]))
    if "min_increase" in spec:
        increase = (view.current or 0.0) - (view.baseline or 0.0)
        checks.append(increase >= float(spec["min_increase"]))
    if "sustained" in spec:
        checks.append(view.sustained is not False)
    if "min_value" in spec:
        checks.append(view.current is not None and view.current >= float(num(spec["min_value"]) or 0))
    return bool(checks) and all(checks)


def describe(view: MetricView) -> str:
    """`payment-api connections 98 (baseline 24, 98% of limit 100), gradual_climb from 14:02Z`."""
    parts = [
        f"{view.service} {view.metric} {with_unit(view.current, view.unit, view.metric)}"
        if view.current is not None
        else f"{view.service} {view.metric}"
    ]
    extra = []
    if view.baseline is not None:
        extra.append(f"baseline {with_unit(view.baseline, view.unit, view.metric)}")
    if view.saturation is not None and view.limit and view.unit not in ("percent", "%"):
        extra.append(f"{view.saturation:.0%} of the limit {with_unit(view.limit, view.unit, view.metric)}")
    if extra:
        parts.append(f"({', '.join(extra)})")
    if view.trend:
        parts.append(view.trend)
    if view.onset:
        parts.append(f"from {view.onset}")
    return " ".join(parts)
