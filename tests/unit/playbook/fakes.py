"""A fake incident for graph tests: tools over canned artifacts (the shapes the real tools return),
the real default team, the real graph builder and the playbook engine for every agent."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from langchain_core.tools import BaseTool, StructuredTool
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import interrupt
from pydantic import BaseModel

from aiops.agents.files import incident_backend, snapshot_team
from aiops.agents.graph import AgentPlan, build_team_graph
from aiops.agents.models import EngineContext
from aiops.agents.playbook import create_playbook_model
from aiops.core.report import ReportDraft


@dataclass
class FakeWorld:
    """Canned telemetry. `digests[service]`, `findings[(service, metric)]`; after an executed action
    `recovered[(service, metric)]` replaces the finding."""

    services: list[dict[str, Any]]
    digests: dict[str, dict[str, Any]] = field(default_factory=dict)
    findings: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    recovered: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    events: list[dict[str, Any]] = field(default_factory=list)
    metrics: tuple[str, ...] = ("error_rate", "latency_p99", "cpu", "memory", "connections")
    executed: list[tuple[str, str]] = field(default_factory=list)
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    drafts: list[ReportDraft] = field(default_factory=list)

    def finding(self, service: str, metric: str) -> dict[str, Any]:
        if self.executed and (service, metric) in self.recovered:
            return self.recovered[(service, metric)]
        return self.findings.get((service, metric), {"current": 1.0, "baseline": 1.0, "trend": "steady"})


class _Logs(BaseModel):
    service: str
    minutes: int = 30


class _Metric(BaseModel):
    service: str
    metric: str
    minutes: int = 60


class _Changes(BaseModel):
    minutes: int = 120
    service: str | None = None


class _Timeline(BaseModel):
    minutes: int = 60


class _Exec(BaseModel):
    action: str
    target: str
    reason: str = ""


class _State(BaseModel):
    service: str


class _Recall(BaseModel):
    service: str | None = None


class _Empty(BaseModel):
    pass


def _tool(name: str, schema: type[BaseModel], fn: Callable[..., tuple[str, dict[str, Any]]]) -> BaseTool:
    return StructuredTool.from_function(
        func=fn, name=name, description=name, args_schema=schema, response_format="content_and_artifact"
    )


def build_tools(world: FakeWorld) -> dict[str, BaseTool]:
    """The six incident tools over `world`."""

    def fetch_logs(service: str, minutes: int = 30):
        world.calls.append(("fetch_logs", {"service": service}))
        digest = world.digests.get(service, {"signatures": [], "templates": [], "by_level": {"INFO": 100}})
        return f"logs of {service}", {"service": service, "minutes": minutes, "digest": digest}

    def query_metrics(service: str, metric: str, minutes: int = 60):
        world.calls.append(("query_metrics", {"service": service, "metric": metric}))
        return f"{service} {metric}", {
            "service": service,
            "metric": metric,
            "minutes": minutes,
            "finding": world.finding(service, metric),
        }

    def recent_changes(minutes: int = 120, service: str | None = None):
        world.calls.append(("recent_changes", {}))
        return "changes", {"minutes": minutes, "service": service, "events": world.events}

    def list_services():
        world.calls.append(("list_services", {}))
        return "services", {"services": world.services, "metrics": list(world.metrics)}

    def incident_timeline(minutes: int = 60):
        world.calls.append(("incident_timeline", {}))
        findings = [{"service": s, "metric": m, **f} for (s, m), f in world.findings.items()]
        return "timeline", {"minutes": minutes, "timeline": {"findings": findings}}

    def execute_remediation(action: str, target: str, reason: str = ""):
        answer = interrupt({"kind": "approval_request", "action": action, "target": target, "reason": reason})
        if answer.get("type") == "reject":
            return (
                f"REJECTED: {answer.get('reason')}",
                {
                    "action": action,
                    "target": target,
                    "risk": "low",
                    "decision": "rejected",
                    "result": "not executed",
                    "reason": answer.get("reason"),
                },
            )
        world.executed.append((action, target))
        return (
            f"EXECUTED {action} on {target}",
            {
                "action": action,
                "target": target,
                "risk": "low",
                "decision": "approved",
                "result": "succeeded",
                "executed_at": "2026-03-04T15:02:00+00:00",
            },
        )

    def service_state(service: str):
        return (f"{service}: this environment has no orchestrator state",
                {"service": service, "available": False, "configured": False, "verdict": "unknown",
                 "records": [], "signatures": []})

    def search_past_incidents(service: str | None = None):
        return "no confirmed past incident resembles this evidence", {"available": True, "matches": []}

    specs = {
        "search_past_incidents": (_Recall, search_past_incidents),
        "service_state": (_State, service_state),
        "fetch_logs": (_Logs, fetch_logs),
        "query_metrics": (_Metric, query_metrics),
        "recent_changes": (_Changes, recent_changes),
        "list_services": (_Empty, list_services),
        "incident_timeline": (_Timeline, incident_timeline),
        "execute_remediation": (_Exec, execute_remediation),
    }
    return {name: _tool(name, schema, fn) for name, (schema, fn) in specs.items()}


def build_graph(team: Any, world: FakeWorld, tmp: Path, *, checkpointer: Any = None) -> Any:
    """The team graph with the playbook engine for every agent."""
    tools = build_tools(world)

    def submit_report(**kwargs: Any) -> str:
        world.drafts.append(ReportDraft.model_validate(kwargs))
        return "report recorded"

    report = StructuredTool.from_function(
        func=submit_report, name="submit_report", args_schema=ReportDraft, description="submit the report"
    )
    layout = snapshot_team(
        tmp / "team",
        skills={n: {s.name: s.path for s in v.skills} for n, v in team.agents.items()},
        memory={n: list(v.memory) for n, v in team.agents.items()},
        team_dir=Path(team.dir),
    )
    backend = incident_backend(tmp / "workspace", tmp / "team")
    extras = {"categories": [], "catalogue": {}}
    plans = {}
    for name, view in team.agents.items():
        model = create_playbook_model(agent=name, context=EngineContext(team=team, agent_spec=view, extras=extras))
        agent_tools = [tools[t] for t in view.tools] + ([report] if name == team.orchestrator else [])
        plans[name] = AgentPlan(
            name=name,
            description=view.description,
            system_prompt=view.system_prompt,
            model=model,
            tools=agent_tools,
            files=layout[name],
        )
    return build_team_graph(
        plans[team.orchestrator],
        [plans[n] for n in team.delegates],
        backend=backend,
        checkpointer=checkpointer or InMemorySaver(),
    )
