"""The log analyst's part: read its skill, pull logs and metrics of the affected service, its
dependencies and its callers, and hand over the timeline, patterns, signatures and anomalies."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiops.agents.playbook import blocks
from aiops.agents.playbook.artifacts import add_digest, add_metric, add_state, note_missing
from aiops.agents.playbook.conversation import Conversation
from aiops.agents.playbook.handoff import DEFAULT_METRICS, TaskContext, evidence_to_dict, scope, task_context
from aiops.agents.playbook.reply import Reply
from aiops.agents.playbook.setup import AgentSetup
from aiops.agents.playbook.signals import describe
from aiops.agents.playbook.skills import read_calls_needed, skill_data
from aiops.agents.playbook.world import HEALTH, World, anomalous_now

WINDOW = 60
ANOMALY_KIND = {"error_rate": "frequency", "latency_p99": "timing", "requests": "volume"}


def step(conv: Conversation, setup: AgentSetup) -> Reply:
    """The next analyst turn."""
    if setup.can("read_file") and (reads := read_calls_needed(conv)):
        return Reply(text="Reading my log-analysis skill first.", calls=reads)
    ctx = task_context(conv)
    if not ctx.topology and setup.can("list_services") and not conv.has_call("list_services"):
        return Reply.call("list_services", text="Listing the services to place the alert.")
    targets = scope(ctx.service, ctx.topology)
    logs = [
        {"name": "fetch_logs", "args": {"service": s, "minutes": WINDOW}}
        for s in targets
        if not conv.has_call("fetch_logs", service=s)
    ] if setup.can("fetch_logs") else []
    if ctx.state and setup.can("service_state"):
        logs += [{"name": "service_state", "args": {"service": s}} for s in targets
                 if not conv.has_call("service_state", service=s)]
    if logs:
        return Reply(text=f"Fetching the logs{' and orchestrator state' if ctx.state else ''} of "
                          f"{', '.join(targets)}.", calls=logs)
    vocabulary = set(DEFAULT_METRICS) | set(skill_data(conv, setup.skill_dirs).get("metrics") or {})
    queries = [
        {"name": "query_metrics", "args": {"service": s, "metric": m, "minutes": WINDOW}}
        for s, m in _metric_plan(conv, ctx, targets, vocabulary)
        if not conv.has_call("query_metrics", service=s, metric=m)
    ]
    if queries and setup.can("query_metrics"):
        return Reply(text="Comparing their metrics with the baselines.", calls=queries)
    return _findings(conv, setup, ctx, targets)


def _metric_plan(
    conv: Conversation, ctx: TaskContext, targets: list[str], vocabulary: set[str]
) -> list[tuple[str, str]]:
    """Where the source lists each service's metrics: every one of them the skill has a name for.
    Otherwise: health metrics of every service in scope; every metric of the affected service and of
    any service whose logs or health metrics show trouble."""
    metrics = list(ctx.metrics or DEFAULT_METRICS)
    health = [m for m in metrics if m in HEALTH] or metrics[:2]
    world = gather(conv, ctx)
    plan = []
    for service in targets:
        own = (ctx.topology.get(service) or {}).get("metrics")
        if isinstance(own, list):  # the source lists each service's metrics: read what it has, by name
            plan += [(service, str(m)) for m in own if str(m) in vocabulary]
            continue
        ev = world.services.get(service)
        troubled = service == ctx.service or (
            ev is not None
            and (any(h.rising for h in ev.signatures.values()) or any(anomalous_now(v) for v in ev.metrics.values()))
        )
        plan += [(service, m) for m in (metrics if troubled else health)]
    return plan


def gather(conv: Conversation, ctx: TaskContext) -> World:
    """The world as this agent's own tool results show it."""
    world = World(topology=ctx.topology, alerted=ctx.service)
    for result in conv.results("fetch_logs"):
        digest = result.data.get("digest")
        if isinstance(digest, Mapping):
            add_digest(world, str(result.data.get("service") or result.args.get("service")), digest)
    for result in conv.results("query_metrics"):
        add_metric(world, result.data)
        checked = world.service(str(result.args.get("service"))).checked
        if result.args.get("metric") not in checked:
            checked.append(str(result.args.get("metric")))
    for result in conv.results("service_state"):
        add_state(world, result.data)
    for name in ("fetch_logs", "query_metrics", "service_state"):
        for result in conv.results(name):
            if result.data.get("error"):
                note_missing(world, str(result.args.get("service") or ""), name, str(result.data["error"]))
    return world


def _findings(conv: Conversation, setup: AgentSetup, ctx: TaskContext, targets: list[str]) -> Reply:
    world = gather(conv, ctx)
    knowledge = skill_data(conv, setup.skill_dirs)
    timeline, anomalies, patterns = _timeline(world), _anomalies(world), _patterns(world)
    signatures = list(dict.fromkeys(n for ev in world.services.values() for n in ev.signatures))
    suspects = sorted(
        (s for s in world.services if world.services[s].signatures or s in world.anomalous()),
        key=lambda s: (world.onset(s) is None, world.onset(s) or 0),
    )
    alerted = world.services.get(ctx.service or "")
    data = {
        "kind": "analysis",
        "service": ctx.service,
        "window_minutes": WINDOW,
        "timeline": timeline,
        "patterns": patterns,
        "anomalies": anomalies,
        "signatures": signatures,
        "metrics": {m: describe(v) for m, v in (alerted.metrics.items() if alerted else [])},
        "suspect_services": suspects,
        "degraded_services": world.anomalous(),
        "hypothesis": _hypothesis(world, suspects, knowledge),
        "services_checked": targets,
        "evidence": evidence_to_dict(world, targets),
    }
    text = (
        f"Checked {', '.join(targets) or 'no service'}: {len(signatures)} known signature(s) flagged, "
        f"{len(anomalies)} anomalous metric(s). {data['hypothesis']}"
    )
    return Reply(text=f"{text}\n\n{blocks.render_block(data)}")


def _timeline(world: World) -> list[dict[str, str]]:
    """When each failure signature started and each metric left its baseline (background lines that
    were there all along are not events)."""
    rows = []
    for name, ev in world.services.items():
        for hit in ev.signatures.values():
            when = hit.onset or hit.first_seen
            if when and hit.rising:
                rows.append(
                    {
                        "time": str(when),
                        "service": name,
                        "event": f"'{hit.name}' log lines start ({hit.count} in the window)",
                    }
                )
        for view in ev.metrics.values():
            if view.onset and anomalous_now(view):
                rows.append(
                    {
                        "time": str(view.onset),
                        "service": name,
                        "event": f"{view.metric} leaves its baseline: {describe(view)}",
                    }
                )
    return sorted(rows, key=lambda r: r["time"])[:20]


def _anomalies(world: World) -> list[dict[str, Any]]:
    out = []
    for name, ev in world.services.items():
        for metric, view in ev.metrics.items():
            if anomalous_now(view):
                kind = ANOMALY_KIND.get(metric, "saturation" if view.saturated else "resource")
                row = {
                    "kind": kind,
                    "service": name,
                    "metric": metric,
                    "detail": describe(view),
                    "current": view.current,
                    "baseline": view.baseline,
                    "unit": view.unit or None,
                    "since": view.onset,
                }
                out.append({k: v for k, v in row.items() if v is not None})
    return out


def _patterns(world: World) -> list[dict[str, Any]]:
    rows = [(p, name) for name, ev in world.services.items() for p in ev.patterns if p.level in ("ERROR", "FATAL")]
    rows.sort(key=lambda r: -r[0].count)
    return [
        {
            "service": name,
            "pattern": p.template,
            "level": p.level,
            "count": p.count,
            "first_seen": p.first_seen,
            "example": p.example,
        }
        for p, name in rows[:8]
    ]


def _hypothesis(world: World, suspects: list[str], knowledge: Mapping[str, Any]) -> str:
    if not suspects:
        return "No known failure signature and no sustained anomaly: this may be a false alarm."
    first = suspects[0]
    ev = world.services[first]
    described = _signature_meanings(knowledge)
    if ev.signatures:
        top = max(ev.signatures.values(), key=lambda h: h.count)
        meaning = described.get(top.name, top.name.replace("_", " "))
        return f"Most likely pattern: {meaning} on {first} ({top.name} x{top.count}), the earliest suspect."
    views = [v for v in ev.metrics.values() if anomalous_now(v)]
    shown = describe(views[0]) if views else "anomalous metrics"
    return f"{first} went wrong first: {shown}; no known signature in its logs."


def _signature_meanings(knowledge: Mapping[str, Any]) -> dict[str, str]:
    raw = knowledge.get("signatures")
    items = (
        raw.items() if isinstance(raw, Mapping) else ((s.get("name"), s) for s in raw or [] if isinstance(s, Mapping))
    )
    out = {}
    for name, spec in items:
        if name and isinstance(spec, Mapping):
            out[str(name)] = str(spec.get("pattern") or spec.get("family") or spec.get("description") or name)
    return out
