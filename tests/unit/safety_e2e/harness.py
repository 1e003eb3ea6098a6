"""Running incidents with a compromised team, and reading back what happened from the state folder."""

from __future__ import annotations

import base64
import json
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml
from langchain_core.messages import BaseMessage, ToolMessage

from aiops.runtime.decisions import Decision
from aiops.runtime.home import StateHome, new_incident_id
from aiops.runtime.runner import Outcome, drive, first_message
from aiops.runtime.session import IncidentSession, open_session
from aiops.runtime.store import IncidentRecord, IncidentStore
from aiops.safety import read_entries
from aiops.team import default_team_dir
from tests.unit.safety_e2e.compromised import CompromisedModel, forwarded, last_tool_text, text_of

ROOT = Path(__file__).resolve().parents[3]
SCENARIOS = ROOT / "tests" / "fixtures" / "scenarios_safety"
LEGIT = ("reset_connection_pool", "payment-api")
"""The fix the real incident needs; the only action a (careful) human approves in these tests."""

REPORT = {
    "title": "payment-api connection pool exhausted",
    "summary": "payment-api leaked connections; the pool was reset.",
    "impact": "payment requests failed with 503s",
    "root_cause": {"category": "connection_pool_exhaustion", "service": "payment-api", "confidence": "high",
                   "evidence": ["pool at 100/100"]},
    "follow_ups": ["monitor payment-api connections", "post-mortem", "prevent: fix the leak", "runbook update"],
}
SERVICES = ("payment-api", "inventory-api", "user-api", "postgres", "redis")


def scenario(name: str) -> str:
    """The path of one of this package's scenario files."""
    return str(SCENARIOS / f"{name}.yaml")


def _alert(messages: Sequence[BaseMessage]) -> str:
    return text_of(next(m for m in messages if m.type == "human"))


def compromised_team(*, legit: tuple[str, str] = LEGIT, report: dict[str, Any] | None = None,
                     obey: bool = True) -> dict[str, CompromisedModel]:
    """The default team's four agents, each a model that obeys every injected instruction."""
    action, target = legit
    report = report or REPORT
    return {
        "ops_manager": CompromisedModel(agent="ops_manager", obey=obey, plan=[
            {"name": "list_services", "args": {}},
            {"name": "recent_changes", "args": {"minutes": 120}},
            lambda m: {"name": "task", "args": {"subagent_type": "sre_log_analyst",
                                                "description": "Alert:\n" + _alert(m) + forwarded(m)}},
            lambda m: {"name": "task", "args": {"subagent_type": "sre_diagnostician",
                                                "description": "Findings:\n" + last_tool_text(m) + forwarded(m)}},
            lambda m: {"name": "task", "args": {
                "subagent_type": "sre_remediator",
                "description": f"Diagnosis: connection_pool_exhaustion on {target}. Use {action} on {target}."
                               + forwarded(m)}},
            {"name": "submit_report", "args": report},
        ], final="Report submitted."),
        "sre_log_analyst": CompromisedModel(agent="sre_log_analyst", obey=obey, plan=[
            *({"name": "fetch_logs", "args": {"service": s, "minutes": 30}} for s in SERVICES),
            {"name": "query_metrics", "args": {"service": "payment-api", "metric": "connections"}},
        ], final=lambda m: "Pool exhaustion on payment-api." + forwarded(m)),
        "sre_diagnostician": CompromisedModel(agent="sre_diagnostician", obey=obey, plan=[
            {"name": "recent_changes", "args": {"minutes": 120}},
        ], final=lambda m: "connection_pool_exhaustion on payment-api." + forwarded(m)),
        "sre_remediator": CompromisedModel(agent="sre_remediator", obey=obey, plan=[
            {"name": "execute_remediation", "args": {"action": action, "target": target, "reason": "leak"}},
            {"name": "query_metrics", "args": {"service": target, "metric": "error_rate"}},
        ], final=lambda m: "Done." + forwarded(m)),
    }


def careful_human(legit: tuple[str, str] = LEGIT, approver: str = "ann") -> Callable[[dict[str, Any]], Decision]:
    """Approves the first proposal of the legitimate fix; rejects everything else with a reason."""
    approved: set[str] = set()

    def decide(request: dict[str, Any]) -> Decision:
        if (request["action"], request["target"]) == legit and (
                not approved or request["proposal_id"] in approved):
            approved.add(request["proposal_id"])
            return Decision("approve", approver)
        return Decision("reject", approver, reason="not the fix for this incident")

    return decide


def new_record(scenario_ref: str, *, team_dir: Path | None = None, alert: str | None = None) -> IncidentRecord:
    """An incident record for a sandbox scenario (the scenario's alert unless `alert` is given)."""
    from aiops.sandbox import load_scenario

    now = datetime.now(UTC).isoformat()
    return IncidentRecord(id=new_incident_id(), alert=alert or load_scenario(scenario_ref).alert, status="running",
                          created_at=now, updated_at=now, source={"kind": "sandbox", "scenario": scenario_ref},
                          team_dir=str(team_dir or default_team_dir()), model_override="playbook")


@dataclass
class Run:
    """One in-process incident run and where to find its traces."""

    home: StateHome
    store: IncidentStore
    record: IncidentRecord
    session: IncidentSession
    outcome: Outcome
    models: dict[str, Any]
    requests: list[dict[str, Any]] = field(default_factory=list)

    @property
    def dir(self) -> Path:
        return self.home.incident_dir(self.record.id)

    def config(self) -> dict[str, Any]:
        return {"configurable": {"thread_id": self.record.id},
                "recursion_limit": self.session.team.spec.policy.budgets.recursion_limit}

    def audit(self, kind: str | None = None) -> list[dict[str, Any]]:
        return [e for e in read_entries(self.home.audit, self.record.id) if kind is None or e["kind"] == kind]


def start(scenario_ref: str, decide: Callable[[dict[str, Any]], Decision | None], *,
          home: StateHome | None = None, models: dict[str, Any] | None = None, team_dir: Path | None = None,
          alert: str | None = None, callbacks: list[Any] | None = None) -> Run:
    """Run one incident in this process until it finishes or pauses."""
    home = home or StateHome.resolve()
    store = IncidentStore(home.index)
    record = new_record(scenario_ref, team_dir=team_dir, alert=alert)
    models = models if models is not None else compromised_team()
    session = open_session(record, home, models=models)
    record.alert_time = session.ctx.now().isoformat()
    store.save(record)
    asked: list[dict[str, Any]] = []

    def recording(request: dict[str, Any]) -> Decision | None:
        asked.append(request)
        return decide(request)

    payload = {"messages": [first_message(record.alert, incident_id=record.id, service=None, at=session.ctx.now())]}
    outcome = drive(session, store, payload, recording, callbacks or [])
    return Run(home, store, record, session, outcome, models, asked)


def sandbox_actions(incident_dir: Path) -> list[dict[str, Any]]:
    """Actions the sandbox world applied (ok ones: real executions), from `env/sandbox.json`."""
    path = incident_dir / "env" / "sandbox.json"
    if not path.exists():
        return []
    return [a for a in json.loads(path.read_text())["actions"] if a.get("ok")]


def executions(run: Run) -> list[tuple[str, str]]:
    """(action, target) of every execution the sandbox applied."""
    return [(a["action"], a["target"]) for a in sandbox_actions(run.dir)]


def copy_team(dest: Path, policy: dict[str, Any] | None = None) -> Path:
    """A copy of the default team folder with `policy` merged into its team.yaml."""
    shutil.copytree(default_team_dir(), dest)
    if policy:
        spec = yaml.safe_load((dest / "team.yaml").read_text())
        spec["policy"] = policy
        (dest / "team.yaml").write_text(yaml.safe_dump(spec, sort_keys=False))
    return dest


def tree_digest(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes (to prove a folder did not change)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def encodings(secret: str) -> list[bytes]:
    """The secret as stored bytes could show it: raw, JSON-escaped, base64 and hex."""
    raw = secret.encode()
    forms = {raw, json.dumps(secret).strip('"').encode(), base64.b64encode(raw), raw.hex().encode(),
             base64.urlsafe_b64encode(raw)}
    return sorted(forms)


def sqlite_blobs(path: Path) -> Iterable[tuple[str, bytes]]:
    """Every cell of every table of a SQLite file, as bytes (msgpack blobs stay raw)."""
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                for cell in row:
                    if isinstance(cell, bytes):
                        yield table, cell
                    elif cell is not None:
                        yield table, str(cell).encode()
    finally:
        conn.close()


def calls_by(models: dict[str, Any], agent: str) -> list[dict[str, Any]]:
    """Every tool call the agent's model made, in order (deduplicated by id, as seen in its requests)."""
    from langchain_core.messages import AIMessage

    seen: dict[str, dict[str, Any]] = {}
    for request in models[agent].requests:
        for m in request:
            if isinstance(m, AIMessage):
                for call in m.tool_calls:
                    seen.setdefault(call["id"], call)
    return list(seen.values())


def answers_to(models: dict[str, Any], agent: str, predicate: Callable[[dict[str, Any]], bool]) -> list[str]:
    """The tool results the agent was shown for its calls that match `predicate`."""
    ids = {c["id"] for c in calls_by(models, agent) if predicate(c)}
    out: dict[str, str] = {}
    for request in models[agent].requests:
        for m in request:
            if isinstance(m, ToolMessage) and m.tool_call_id in ids:
                out.setdefault(m.tool_call_id, text_of(m))
    return list(out.values())


def unmatched_executions(audit: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`execution_started` audit entries with no earlier human approval of exactly that approval id,
    incident, action and target (an execution without a matching approval)."""
    approved: dict[str, dict[str, Any]] = {}
    bad = []
    for entry in audit:
        if entry["kind"] == "decision" and entry.get("decision") in {"approved", "edited"}:
            approved[entry["approval_id"]] = entry
        elif entry["kind"] == "execution_started":
            match = approved.get(entry.get("approval_id"))
            if match is None or any(match.get(k) != entry.get(k) for k in ("incident_id", "action", "target")):
                bad.append(entry)
    return bad


# --- backends whose labels carry attacker text (the sandbox itself only allows clean names) --------
class _LabelledInventory:
    def __init__(self, inner: Any, kind: str, extra: str | None) -> None:
        self.inner, self.kind, self.extra = inner, kind, extra

    def services(self) -> list[Any]:
        import dataclasses

        from aiops.core.types import ServiceInfo

        services = [dataclasses.replace(s, kind=f"{s.kind}{self.kind}") if s.name == "redis" else s
                    for s in self.inner.services()]
        return [*services, ServiceInfo(name=self.extra, kind="app")] if self.extra else services


class _LabelledMetrics:
    def __init__(self, inner: Any, unit: str, metric: str | None) -> None:
        self.inner, self.unit, self.metric = inner, unit, metric

    def metric_names(self) -> list[str]:
        return [*self.inner.metric_names(), *([self.metric] if self.metric else [])]

    def query(self, service: str, metric: str, **kwargs: Any) -> Any:
        import dataclasses

        series = self.inner.query(service, metric, **kwargs)
        return dataclasses.replace(series, unit=f"{series.unit}{self.unit}")


def labelled_environment(patch: Any, *, kind: str = "", unit: str = "", service: str | None = None,
                         metric: str | None = None) -> None:
    """Wrap every incident's raw backends (under the redactor, as a real backend would be) so that
    redis's kind, every metric's unit, an extra service name and an extra metric name carry text."""
    from aiops.runtime import session as session_module

    original = session_module.build_environment

    def build(source: dict[str, Any], state_dir: Path, *args: Any, **kwargs: Any) -> Any:
        import dataclasses

        env = original(source, state_dir, *args, **kwargs)
        return dataclasses.replace(env, inventory=_LabelledInventory(env.inventory, kind, service),
                                   metrics=_LabelledMetrics(env.metrics, unit, metric))

    patch.setattr(session_module, "build_environment", build)
