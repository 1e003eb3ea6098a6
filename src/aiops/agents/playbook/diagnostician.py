"""The diagnostician's part: read its skill, check recent changes and the incident timeline, query
the metrics its failure modes need, walk the decision tree and name the root cause."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiops.agents.playbook import blocks
from aiops.agents.playbook.artifacts import add_changes, add_metric, add_timeline
from aiops.agents.playbook.conversation import Conversation
from aiops.agents.playbook.diagnose import Diagnosis, diagnose
from aiops.agents.playbook.handoff import DEFAULT_METRICS, TaskContext, evidence_from_blocks, task_context
from aiops.agents.playbook.reply import Reply
from aiops.agents.playbook.setup import AgentSetup
from aiops.agents.playbook.skills import read_calls_needed, skill_data
from aiops.agents.playbook.text import humanise
from aiops.agents.playbook.world import World

CHANGES_WINDOW = 180
TIMELINE_WINDOW = 60


def step(conv: Conversation, setup: AgentSetup) -> Reply:
    """The next diagnostician turn."""
    if setup.can("read_file") and (reads := read_calls_needed(conv)):
        return Reply(text="Reading my diagnostics skill and its failure modes first.", calls=reads)
    ctx = task_context(conv)
    first: list[dict[str, Any]] = []
    if not ctx.topology and setup.can("list_services") and not conv.has_call("list_services"):
        first.append({"name": "list_services", "args": {}})
    if setup.can("recent_changes") and not conv.has_call("recent_changes"):
        first.append({"name": "recent_changes", "args": {"minutes": CHANGES_WINDOW}})
    if setup.can("incident_timeline") and not conv.has_call("incident_timeline"):
        first.append({"name": "incident_timeline", "args": {"minutes": TIMELINE_WINDOW}})
    if setup.can("search_past_incidents") and not conv.has_call("search_past_incidents"):
        first.append({"name": "search_past_incidents", "args": {}})
    if first:
        return Reply(text="Decision tree, step 1: what changed, and what went wrong first.", calls=first)
    knowledge = skill_data(conv, setup.skill_dirs)
    world = build_world(conv, ctx)
    wanted = _validation_queries(conv, ctx, world, knowledge)
    if wanted and setup.can("query_metrics"):
        return Reply(text="Validating the hypotheses against the metrics they predict.", calls=wanted)
    if not knowledge.get("failure_modes") and not knowledge.get("decision_tree"):
        return _report(_without_skill(conv, ctx), world)
    return _report(diagnose(knowledge, world), world)


def build_world(conv: Conversation, ctx: TaskContext) -> World:
    """The analyst's evidence plus this agent's own changes, timeline and metric queries."""
    world = World(topology=ctx.topology, alerted=ctx.service)
    evidence_from_blocks(world, ctx.found)
    for result in conv.results("recent_changes"):
        add_changes(world, result.data.get("events") or [])
    for result in conv.results("incident_timeline"):
        timeline = result.data.get("timeline")
        if isinstance(timeline, Mapping):
            add_timeline(world, timeline)
    for result in conv.results("query_metrics"):
        add_metric(world, result.data)
    for result in conv.results("search_past_incidents"):
        world.recalled = [m for m in result.data.get("matches") or [] if isinstance(m, Mapping)]
    return world


def _validation_queries(
    conv: Conversation, ctx: TaskContext, world: World, knowledge: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """Metrics the skill's signals test that nobody has looked at yet, for every service that shows
    anything at all (a healthy, quiet service cannot be the origin)."""
    available = set(ctx.metrics or DEFAULT_METRICS)
    needed: set[str] = set()
    for spec in (knowledge.get("signals") or {}).values():
        if isinstance(spec, Mapping) and spec.get("metric"):
            names = spec["metric"] if isinstance(spec["metric"], list) else [spec["metric"]]
            needed.update(str(n) for n in names)
    out = []
    for service in world.names():
        ev = world.service(service)
        involved = service == ctx.service or any(v.notable for v in ev.metrics.values()) or ev.signatures
        if not involved:
            continue
        have = set(ev.metrics) | set(ev.checked)
        own = (ctx.topology.get(service) or {}).get("metrics")
        here = set(own) if isinstance(own, list) else available  # what this service has, when the source says
        for metric in sorted((needed & here) - have):
            if not conv.has_call("query_metrics", service=service, metric=metric):
                out.append(
                    {
                        "name": "query_metrics",
                        "args": {"service": service, "metric": metric, "minutes": TIMELINE_WINDOW},
                    }
                )
    return out


def _without_skill(conv: Conversation, ctx: TaskContext) -> Diagnosis:
    del conv
    return Diagnosis(
        category="none",
        service=ctx.service,
        confidence="low",
        evidence=["no diagnostics knowledge is available to this agent (no skill data was found)"],
    )


def _report(found: Diagnosis, world: World) -> Reply:
    spec = found.spec
    alternatives = [
        {"category": c.category, "service": c.service, "score": c.score, "why_not": _why_not(c, found)}
        for c in found.alternatives
    ]
    verify = _verify_plan(world, found.service, [str(m) for m in spec.get("verify") or ["error_rate"]])
    data: dict[str, Any] = {
        "kind": "diagnosis",
        "root_cause": {
            "category": found.category,
            "service": found.service,
            "confidence": found.confidence,
            "evidence": found.evidence[:10],
        },
        "alternatives": alternatives,
        "checks": found.checks,
        "recommendation": str(spec.get("summary") or "no fix needed")
        if found.category != "none"
        else "no remediation: nothing abnormal needs fixing",
        "failure_mode": found.mode,
        "recommended_actions": list(spec.get("remedies") or []),
        "plain_language": spec.get("plain_language"),
        "prevention": spec.get("prevention"),
        "verify": verify,
    }
    if found.category == "none":
        head = "Root cause: none. Nothing abnormal needs fixing."
    else:
        head = (
            f"Root cause: {humanise(found.category)} on {found.service} ({found.confidence} confidence), "
            f"failure mode {humanise(found.mode or '')}."
        )
    return Reply(text=f"{head}\n\n{blocks.render_block(data)}")


def _limits(world: World, service: str, metrics: list[str]) -> dict[str, dict[str, float]]:
    views = world.services[service].metrics if service in world.services else {}
    out: dict[str, dict[str, float]] = {}
    for metric in metrics:
        view = views.get(metric)
        pairs = (("baseline", view.baseline if view else None), ("peak", (view.peak or view.current) if view else None))
        out[metric] = {k: v for k, v in pairs if v is not None}
    return out


def _verify_plan(world: World, service: str | None, metrics: list[str]) -> dict[str, Any]:
    """What recovery looks like: the failing metrics of the origin and the alerted service's errors."""
    plan: dict[str, Any] = {"service": service, "metrics": _limits(world, service, metrics) if service else {}}
    if world.alerted and world.alerted != service:
        plan["also"] = {world.alerted: _limits(world, world.alerted, ["error_rate"])}
    return plan


def _why_not(other: Any, found: Diagnosis) -> str:
    against = f"; against it: {other.against[0]}" if other.against else ""
    if other.score > found.score:
        return (f"more evidence ({other.score:g} vs {found.score:g}) but on a service with no known path to the "
                f"alerted one: likely a separate problem{against}")
    return f"weaker evidence ({other.score:g} vs {found.score:g}){against}"
