"""What travels between agents inside findings blocks: the task's context (alert, service,
topology) and the structured evidence per service, so the next agent reasons on the same facts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from aiops.agents.playbook import blocks
from aiops.agents.playbook.conversation import Conversation
from aiops.agents.playbook.evidence import MetricView, PatternView, ServiceEvidence, SignatureHit
from aiops.agents.playbook.intake import affected_service, alert_text, topology_of
from aiops.agents.playbook.world import World

DEFAULT_METRICS = ("error_rate", "latency_p99", "cpu", "memory", "connections")


@dataclass(slots=True)
class TaskContext:
    """The incident as a delegate's task describes it, completed by its own list_services call."""

    alert: str
    service: str | None
    topology: dict[str, dict[str, Any]] = field(default_factory=dict)
    metrics: list[str] = field(default_factory=list)
    found: list[dict[str, Any]] = field(default_factory=list)
    state: bool = False
    """The environment has an orchestrator view (`service_state` answers)."""


def task_context(conv: Conversation) -> TaskContext:
    """Read the task text (and a list_services result, if the agent made one)."""
    found = blocks.find_blocks(conv.task)
    topo_block = blocks.latest(found, "topology") or {}
    topology = {str(k): dict(v) for k, v in (topo_block.get("services") or {}).items() if isinstance(v, Mapping)}
    metrics = [str(m) for m in topo_block.get("metrics") or []]
    listing = next((r.data for r in conv.results("list_services") if r.data.get("services")), None)
    state = bool(topo_block.get("state"))
    if listing:
        topology = topology or topology_of(listing.get("services") or [])
        metrics = metrics or [str(m) for m in listing.get("metrics") or []]
        state = state or bool(listing.get("state"))
    analysis = blocks.latest(found, "analysis") or {}
    service = affected_service(conv.task, topology) or (str(analysis["service"]) if analysis.get("service") else None)
    return TaskContext(alert=alert_text(conv.task), service=service, topology=topology, metrics=metrics, found=found,
                       state=state)


MAX_UNLINKED = 20
"""Services read when the topology says nothing about dependencies (the alerted one first)."""


def scope(service: str | None, topology: Mapping[str, Any]) -> list[str]:
    """Services worth reading: the affected one, everything it depends on, and its direct callers
    (all services when the affected one is unknown, or when no dependency is declared at all: then
    nothing says where a failure could come from, so every service is a suspect)."""
    if not topology:
        return [service] if service else []
    if service is None or service not in topology:
        return list(topology)
    if not any((row or {}).get("depends_on") for row in topology.values()):
        return list(dict.fromkeys([service, *topology]))[:MAX_UNLINKED]
    world = World(topology={k: dict(v) for k, v in topology.items()})
    callers = world.callers(service)
    return list(dict.fromkeys([service, *world.dependencies(service, transitive=True), *callers]))


def evidence_to_dict(world: World, services: Sequence[str]) -> dict[str, Any]:
    """Structured evidence of `services` for a findings block."""
    return {s: world.services[s].to_dict() for s in services if s in world.services}


def evidence_from_blocks(world: World, found: Sequence[Mapping[str, Any]]) -> None:
    """Load structured evidence (and plain signature lists) from earlier findings blocks."""
    for block in found:
        if blocks.block_kind(block) != "analysis":
            continue
        evidence = block.get("evidence")
        if isinstance(evidence, Mapping):
            for name, data in evidence.items():
                if isinstance(data, Mapping):
                    _load_service(world.service(str(name)), data)
        elif block.get("service"):
            ev = world.service(str(block["service"]))
            for sig in block.get("signatures") or []:
                if isinstance(sig, str) and sig not in ev.signatures:
                    ev.signatures[sig] = SignatureHit(name=sig)


def _load_service(ev: ServiceEvidence, data: Mapping[str, Any]) -> None:
    for name, hit in (data.get("signatures") or {}).items():
        if isinstance(hit, Mapping):
            ev.signatures[str(name)] = SignatureHit(**{k: hit[k] for k in SignatureHit.__slots__ if k in hit})
    ev.patterns = [
        PatternView(**{k: p[k] for k in PatternView.__slots__ if k in p})
        for p in data.get("patterns") or []
        if isinstance(p, Mapping) and "template" in p
    ]
    for metric, view in (data.get("metrics") or {}).items():
        if isinstance(view, Mapping):
            fields = {k: view[k] for k in MetricView.__slots__ if k in view}
            fields.setdefault("service", ev.name)
            fields.setdefault("metric", str(metric))
            ev.metrics[str(metric)] = MetricView(**fields)
    ev.checked = [str(m) for m in data.get("checked") or []]
    ev.coverage = {str(k): str(v) for k, v in (data.get("coverage") or {}).items()}
    ev.nodes = [str(n) for n in data.get("nodes") or []]
    ev.ips = [str(a) for a in data.get("ips") or []]
    for key in ("log_lines", "log_errors", "log_volume_ratio", "onset"):
        if data.get(key) is not None:
            setattr(ev, key, data[key])
