"""The diagnosis: walk the diagnostics skill's decision tree over the world, score the candidate
failure modes, find the origin of a cascade and rate the confidence — all from the skill's data."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from aiops.agents.playbook.signals import READ, SignalBook
from aiops.agents.playbook.world import World
from aiops.core.units import with_unit


@dataclass(slots=True)
class Candidate:
    """A failure mode on a service, with its score and the facts behind it."""

    mode: str
    service: str
    category: str
    score: float
    role: str = "origin"
    facts: list[str] = field(default_factory=list)
    against: list[str] = field(default_factory=list)
    metric_agrees: bool = False
    branches: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Diagnosis:
    """The diagnostician's conclusion."""

    category: str
    service: str | None
    confidence: str
    mode: str | None = None
    score: float = 0.0
    evidence: list[str] = field(default_factory=list)
    alternatives: list[Candidate] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    spec: dict[str, Any] = field(default_factory=dict)
    origin_of: list[str] = field(default_factory=list)


def _modes(data: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    raw = data.get("failure_modes") or {}
    if isinstance(raw, list):
        raw = {str(m.get("name")): m for m in raw if isinstance(m, Mapping) and m.get("name")}
    return {str(k): dict(v) for k, v in raw.items() if isinstance(v, Mapping)}


def candidates(data: Mapping[str, Any], world: World, book: SignalBook) -> list[Candidate]:
    """Every (mode, service) a decision-tree branch points to, scored, best first."""
    modes = _modes(data)
    picked: dict[tuple[str, str], list[str]] = {}
    for step in data.get("decision_tree") or []:
        for branch in (step or {}).get("branches") or []:
            when = [str(w) for w in branch.get("when") or []]
            for service in world.names():
                if any(book.holds(w, service) for w in when):
                    for mode in branch.get("consider") or []:
                        picked.setdefault((str(mode), service), []).append(str(step.get("step") or "step"))
    out = []
    for (mode, service), steps in picked.items():
        spec = modes.get(mode)
        if spec is None or (spec.get("kinds") and world.kind(service) and world.kind(service) not in spec["kinds"]):
            continue
        candidate = _score(mode, spec, service, book)
        if candidate is not None:
            candidate.branches = list(dict.fromkeys(steps))
            out.append(candidate)
    return _deeper_first(sorted(out, key=lambda c: (-c.score, c.mode, c.service)), world)


def _with_prior(ranked: list[Candidate], world: World, weight: float) -> list[Candidate]:
    """Confirmed past incidents as a prior: a candidate already supported by the current evidence, with
    the cause and service a similar past incident was confirmed to have, gains `weight` (small next to
    the evidence weights, so it tips a close call and never overrides strong evidence)."""
    if not weight or not world.recalled:
        return ranked
    for match in world.recalled[:2]:
        strong = [t for t in match.get("shared") or [] if "sig_" in t or "shape_" in t]
        if not strong:
            continue  # similar words or services alone are no resemblance
        for cand in ranked:
            if cand.category == match.get("root_cause") and cand.service == match.get("service"):
                cand.score += weight
                cand.facts.append(f"resembles confirmed incident {match.get('incident_id')} "
                                  f"({match.get('root_cause')} on {match.get('service')}; shared: "
                                  f"{', '.join(strong[:4])})")
                break
    return _deeper_first(sorted(ranked, key=lambda c: (-c.score, c.mode, c.service)), world)


def _focus(ranked: list[Candidate], world: World, floor: float) -> list[Candidate]:
    """The alert is about its service: when a candidate strong enough to conclude sits on the alerted
    service or on what it depends on (or runs on), candidates on services with no dependency path to
    it come after them, whatever their score (they are other problems, not this alert's origin)."""
    alerted = world.alerted
    if not alerted or alerted not in world.names():
        return ranked
    near = {alerted, *world.dependencies(alerted, transitive=True), *world.callers(alerted),
            *(n for n in world.names() if world.kind(n) == "dns")}  # every service resolves names through them
    if not any(c.service in near and c.score >= floor for c in ranked):
        return ranked
    # a symptom here says its origin is elsewhere (a dependency's certificate, a dependency that is down):
    # when no known dependency carries it, an origin of the same kind on an unlinked service may
    pointed = {c.category for c in ranked if c.service in near and c.role == "symptom" and c.score >= floor}
    linked = {c.category for c in ranked if c.service in near and c.role != "symptom" and c.score >= floor}

    def close(c: Candidate) -> bool:
        return c.service in near or (c.role != "symptom" and c.category in pointed - linked)

    return [c for c in ranked if close(c)] + [c for c in ranked if not close(c)]


def _deeper_first(ranked: list[Candidate], world: World) -> list[Candidate]:
    """Among candidates with the same score, one on a dependency of another's service comes first
    (the upstream origin, not the caller that reports it)."""
    out = list(ranked)
    for i in range(len(out)):
        for j in range(i + 1, len(out)):
            if out[j].score != out[i].score:
                break
            if out[j].service in world.dependencies(out[i].service, transitive=True):
                out.insert(i, out.pop(j))
    return out


def _score(mode: str, spec: Mapping[str, Any], service: str, book: SignalBook) -> Candidate | None:
    for group in spec.get("requires") or []:
        names = [group] if isinstance(group, str) else list(group)
        if not any(book.holds(str(n), service) for n in names):
            return None
    score, metric_agrees = 0.0, False
    facts: dict[str, list[str]] = {}
    against: dict[str, list[str]] = {}
    for name, weight in (spec.get("evidence") or {}).items():
        ok, fact = book.fact(str(name), service)
        if ok:
            score += float(weight)
            facts.setdefault(fact or "", []).append(book.about(str(name)))
            metric_agrees = metric_agrees or book.is_metric(str(name))
    for name, weight in (spec.get("against") or {}).items():
        ok, fact = book.fact(str(name), service)
        if ok and float(weight):
            score -= float(weight)
            against.setdefault(fact or "", []).append(book.about(str(name)))
    return Candidate(
        mode=mode,
        service=service,
        category=str(spec.get("category") or "none"),
        score=score,
        role=str(spec.get("role") or "origin"),
        facts=_grouped(facts),
        against=_grouped(against),
        metric_agrees=metric_agrees,
    )


def _grouped(facts: dict[str, list[str]]) -> list[str]:
    """One line per observed fact, naming every signal it supports (never the same fact twice)."""
    return [f"{'; '.join(abouts)}: {fact}" if fact else "; ".join(abouts) for fact, abouts in facts.items()]


def find_origin(
    best: Candidate, ranked: Sequence[Candidate], world: World, book: SignalBook, floor: float
) -> tuple[Candidate, list[str]]:
    """Follow symptoms down to the dependency that failed first (the skill's origin rule)."""
    chain: list[str] = []
    current = best
    for _ in range(len(world.names())):
        if current.role != "symptom":
            break
        onset = world.onset(current.service)
        deps = world.dependencies(current.service, transitive=True)
        below = [
            c
            for c in ranked
            if c.service in deps
            and c.score >= floor
            and c.role != "symptom"
            and _not_later(world, c.service, onset, book)
        ]
        if not below:
            break
        chain.append(
            f"{current.service} shows {current.mode.replace('_', ' ')}, a symptom; "
            f"its dependency {below[0].service} went wrong no later"
        )
        current = below[0]
    return current, chain


def _not_later(world: World, service: str, onset: Any, book: SignalBook) -> bool:
    mine = world.onset(service)
    if onset is None or mine is None:
        return True
    return mine <= onset + book.tolerance


def diagnose(data: Mapping[str, Any], world: World) -> Diagnosis:
    """The conclusion for this world, following the data's tree, origin rule and confidence rules."""
    origin_rules = data.get("origin") or {}
    world.reporters = frozenset(str(r) for r in origin_rules.get("reporters") or [])
    world.link(mention_signatures=[str(s) for s in origin_rules.get("mention_signatures") or []] or None,
               store_signatures=[str(s) for s in origin_rules.get("store_client_signatures") or []])
    book = SignalBook(
        data.get("signals") or {},
        world,
        tolerance_minutes=float(origin_rules.get("onset_tolerance_minutes", 3)),
    )
    rules = data.get("confidence") or {}
    floor = float(rules.get("min_score", 4))
    ranked = _focus(_with_prior(candidates(data, world, book), world, float(rules.get("recall_weight", 0))), world,
                    floor)
    checks = _checks(world, book)
    if not ranked or ranked[0].score < floor or not _failing(rules, world, book):
        return _no_diagnosis(rules, world, book, ranked, checks,
                             vocabulary=[str(c) for c in data.get("categories") or []])
    winner, chain = find_origin(ranked[0], ranked, world, book, floor)
    explained = {
        winner.service,
        *[c for c in world.names() if winner.service in world.dependencies(c, transitive=True)],
    }
    rivals = [
        c
        for c in ranked
        if c is not winner
        and not (c.service in explained and c.role == "symptom")
        and not (c.service == winner.service and c.category == winner.category)
    ]
    margin = winner.score - (rivals[0].score if rivals else 0.0)
    level = _cap(_level(rules, winner, margin), world, winner.service)
    spec = _modes(data).get(winner.mode, {})
    return Diagnosis(
        category=winner.category,
        service=winner.service,
        confidence=level,
        mode=winner.mode,
        score=winner.score,
        evidence=[*winner.facts, *chain, *_gaps(world, winner.service)],
        alternatives=rivals[:4],
        checks=checks,
        spec=spec,
        origin_of=[ranked[0].service] if winner is not ranked[0] else [],
    )


def _failing(rules: Mapping[str, Any], world: World, book: SignalBook) -> bool:
    """Something is failing now (the `none.unless_any` gate; always true when the data has none)."""
    gate = [str(s) for s in (rules.get("none") or {}).get("unless_any") or []]
    return not gate or any(book.holds(g, s) for s in world.names() for g in gate)


def _level(rules: Mapping[str, Any], winner: Candidate, margin: float) -> str:
    for level in rules.get("levels") or []:
        if winner.score < float(level.get("min_score", 0)):
            continue
        if margin < float(level.get("min_margin", float("-inf"))):
            continue
        if level.get("metric_agrees") and not winner.metric_agrees:
            continue
        return str(level.get("level") or "low")
    return "low"


def _cap(level: str, world: World, service: str | None) -> str:
    """Confidence drops with coverage: from one kind of evidence at most medium, from none low."""
    coverage = world.service(service).coverage if service else {}
    read = sum(1 for value in coverage.values() if value in READ)
    if not coverage:
        return level  # nothing recorded about coverage (an older findings block): leave it as rated
    if read == 0:
        return "low"
    if read == 1 and level == "high":
        return "medium"
    return level


def _gaps(world: World, service: str | None) -> list[str]:
    """What could not be read about `service` (shown with the evidence: absence is not health)."""
    if not service:
        return []
    coverage = world.service(service).coverage
    missing = [role for role, value in coverage.items() if value in ("missing", "empty", "unknown")]
    if not missing:
        return []
    words = {"missing": "not available", "empty": "no lines in the window", "unknown": "nothing reported"}
    return [f"not seen for {service}: " + ", ".join(f"{role} ({words[coverage[role]]})" for role in missing)]


def _health_seen(world: World, book: SignalBook) -> list[str]:
    """Services for which some evidence was read and found healthy (positive evidence, not silence)."""
    del book
    out = []
    for name in world.names():
        coverage = world.service(name).coverage
        if not coverage and world.services.get(name) and world.services[name].metrics:
            out.append(name)  # metrics read before coverage was recorded
        elif any(value in READ for value in coverage.values()):
            out.append(name)
    return out


def _strongest(world: World, book: SignalBook, gate: list[str]) -> tuple[str | None, list[str]]:
    """The service the failing evidence points at most (the alerted one on a tie) and the facts."""
    scored = []
    for name in world.names():
        facts = [f"{book.about(g)}: {fact}" if fact else book.about(g)
                 for g in gate for ok, fact in [book.fact(g, name)] if ok]
        if facts:
            scored.append((len(facts), name == world.alerted, name, facts))
    if not scored:
        return None, []
    scored.sort(key=lambda row: (-row[0], not row[1], row[2]))
    return scored[0][2], scored[0][3]


def _no_diagnosis(
    rules: Mapping[str, Any], world: World, book: SignalBook, ranked: Sequence[Candidate], checks: list[str],
    *, vocabulary: Sequence[str] = (),
) -> Diagnosis:
    quiet_signals = [str(s) for s in (rules.get("none") or {}).get("requires_quiet") or []]
    gate = [str(s) for s in (rules.get("none") or {}).get("unless_any") or []]
    loud = [s for s in world.names() if any(book.holds(q, s) for q in quiet_signals)]
    if not _failing(rules, world, book):
        healthy = _health_seen(world, book)
        if not healthy:
            return Diagnosis(
                category="unknown" if "unknown" in vocabulary else "none",
                service=None,
                confidence="low",
                evidence=["no evidence could be read: no logs, metrics or orchestrator state answered for the "
                          "services in scope, so nothing shows whether they are healthy",
                          *[g for s in world.names() for g in _gaps(world, s)]],
                checks=checks,
            )
        seen = [f"seen but no longer happening: {c.facts[0]}" for c in ranked[:2] if c.facts]
        evidence = [
            "no service is failing now: " + _healthy_words(world, healthy),
            *seen,
            *[g for s in healthy[:3] for g in _gaps(world, s)],
        ]
        full = all(sum(1 for v in world.service(s).coverage.values() if v in READ) >= 2
                   or not world.service(s).coverage for s in healthy)
        return Diagnosis(
            category="none",
            service=None,
            confidence=("high" if not ranked else "medium") if full else "medium",
            evidence=evidence,
            alternatives=list(ranked[:3]),
            checks=checks,
        )
    if loud and ranked:
        best = ranked[0]
        return Diagnosis(
            category=best.category,
            service=best.service,
            confidence="low",
            mode=best.mode,
            evidence=[*best.facts, "the evidence is thin: below the skill's minimum score"],
            alternatives=list(ranked[1:4]),
            checks=checks,
            score=best.score,
        )
    service, facts = _strongest(world, book, gate)
    if service is not None and "other" in vocabulary:
        return Diagnosis(
            category="other",
            service=service,
            confidence="low",
            evidence=[*facts, "no failure mode of the decision tree explains it; the strongest evidence is "
                      "named above", *_gaps(world, service)],
            alternatives=list(ranked[:3]),
            checks=checks,
        )
    if loud:
        return Diagnosis(
            category="none",
            service=None,
            confidence="low",
            checks=checks,
            evidence=[f"{', '.join(loud)}: errors above baseline that no known failure mode explains"],
        )
    evidence = [
        "no failure mode of the decision tree matched the evidence",
        "no service has a sustained error-rate anomaly",
    ]
    return Diagnosis(
        category="none",
        service=None,
        confidence="medium",
        evidence=evidence,
        alternatives=list(ranked[:3]),
        checks=checks,
    )


def _healthy_words(world: World, healthy: list[str]) -> str:
    """What the positive evidence of health was, in words."""
    parts = []
    for name in healthy[:4]:
        coverage = world.service(name).coverage
        seen = []
        if coverage.get("metrics") == "read" or (not coverage and world.service(name).metrics):
            seen.append("metrics at baseline")
        if coverage.get("state") == "healthy":
            seen.append("orchestrator reports it healthy")
        if coverage.get("logs") == "read":
            seen.append("no failure still happening in its logs")
        parts.append(f"{name} ({', '.join(seen) or 'evidence read, nothing failing'})")
    return "; ".join(parts)


def _checks(world: World, book: SignalBook) -> list[str]:
    out = []
    for name in world.names():
        ev = world.services.get(name)
        if ev is None:
            continue
        if ev.metrics:
            shown = [
                f"{m} {with_unit(v.current, v.unit, m)} (baseline {with_unit(v.baseline, v.unit, m)})"
                for m, v in ev.metrics.items()
                if v.current is not None and v.baseline is not None
            ][:4]
            if shown:
                out.append(f"{name}: " + ", ".join(shown))
    for change in world.changes:
        out.append(f"change: {change.type} of {change.service} at {change.ts}")
    del book
    return out[:16]
