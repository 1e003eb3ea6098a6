"""Test harness: run an incident in-process with scripted models for the default team."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from langchain_core.messages import BaseMessage, ToolMessage

from aiops.agents.scripted import ScriptedChatModel
from aiops.runtime import runner
from aiops.runtime.decisions import Decision
from aiops.runtime.home import StateHome
from aiops.runtime.runner import Outcome
from aiops.runtime.session import IncidentSession, open_session
from aiops.runtime.store import IncidentRecord, IncidentStore
from aiops.team import default_team_dir

ANALYST_BLOCK = '```json\n{"service": "payment-api", "signatures": ["pool_exhausted"], "hypothesis": "pool leak"}\n```'
DIAGNOSIS_BLOCK = ('```json\n{"root_cause": {"category": "connection_pool_exhaustion", "service": "payment-api", '
                   '"confidence": "high", "evidence": ["pool at 100/100"]}}\n```')


def last_tool_text(messages: Sequence[BaseMessage]) -> str:
    return next(m.content for m in reversed(messages) if isinstance(m, ToolMessage))


def orchestrator_steps(action: str = "reset_connection_pool") -> list[Any]:
    report = {
        "title": "payment-api connection pool exhausted",
        "summary": "payment-api leaked connections; the pool was reset.",
        "impact": "payment requests failed with 503s",
        "root_cause": {"category": "connection_pool_exhaustion", "service": "payment-api", "confidence": "high",
                       "evidence": ["pool at 100/100", "pool exhausted errors"]},
        "timeline": [{"time": "-20 min", "source": "payment-api", "event": "connections climb"}],
        "verification": "error rate back to baseline",
        "follow_ups": ["monitor payment-api connections", "post-mortem", "prevent: fix the leak", "runbook update"],
    }
    return [
        {"tool_calls": [{"name": "task", "args": {"subagent_type": "sre_log_analyst",
                                                  "description": "Alert: payment-api 503s. Analyse logs."}}]},
        lambda msgs: {"tool_calls": [{"name": "task", "args": {
            "subagent_type": "sre_diagnostician", "description": "Findings:\n" + last_tool_text(msgs)}}]},
        lambda msgs: {"tool_calls": [{"name": "task", "args": {
            "subagent_type": "sre_remediator", "description": "Diagnosis:\n" + last_tool_text(msgs) +
            f"\nUse {action}."}}]},
        {"tool_calls": [{"name": "submit_report", "args": report}]},
        {"content": "Report submitted."},
    ]


def team_models(action: str = "reset_connection_pool", target: str = "payment-api") -> dict[str, ScriptedChatModel]:
    return {
        "ops_manager": ScriptedChatModel(agent="ops_manager", steps=orchestrator_steps(action)),
        "sre_log_analyst": ScriptedChatModel(agent="sre_log_analyst", steps=[
            {"tool_calls": [{"name": "read_file", "args": {
                "file_path": "/team/skills/sre_log_analyst/log-analysis/SKILL.md", "limit": 1000}}]},
            {"tool_calls": [{"name": "fetch_logs", "args": {"service": "payment-api", "minutes": 30}}]},
            {"tool_calls": [{"name": "query_metrics", "args": {"service": "payment-api", "metric": "connections"}}]},
            {"content": "Pool exhaustion on payment-api.\n" + ANALYST_BLOCK},
        ]),
        "sre_diagnostician": ScriptedChatModel(agent="sre_diagnostician", steps=[
            {"tool_calls": [{"name": "incident_timeline", "args": {"minutes": 60}}]},
            {"content": "Connection pool exhaustion.\n" + DIAGNOSIS_BLOCK},
        ]),
        "sre_remediator": ScriptedChatModel(agent="sre_remediator", steps=[
            {"tool_calls": [{"name": "execute_remediation", "args": {
                "action": action, "target": target, "reason": "leaked connections"}}]},
            {"tool_calls": [{"name": "query_metrics", "args": {"service": target, "metric": "error_rate"}}]},
            {"content": f'Done.\n```json\n{{"action": "{action}", "verified": true}}\n```'},
        ]),
    }


@dataclass
class Run:
    home: StateHome
    store: IncidentStore
    record: IncidentRecord
    session: IncidentSession
    outcome: Outcome
    models: dict[str, ScriptedChatModel]


def new_record(*, scenario: str = "pool-leak-payment", team_dir: Path | None = None,
               alert: str = "payment-api returning 503s; error rate 1% -> 23% in 10 minutes") -> IncidentRecord:
    return runner.new_record(alert=alert, source={"kind": "sandbox", "scenario": scenario},
                             team_dir=str(team_dir or default_team_dir()), model_override="playbook")


def run_incident(decide: Callable[[dict[str, Any]], Decision | None], *, models: dict[str, Any] | None = None,
                 record: IncidentRecord | None = None) -> Run:
    home = StateHome.resolve()
    store = IncidentStore(home.index)
    record = record or new_record()
    models = models if models is not None else team_models()
    session = open_session(record, home, models=models)
    outcome = runner.start(session, store, decide, [])
    return Run(home, store, record, session, outcome, models)


def system_text(model: ScriptedChatModel) -> str:
    content = model.requests[0][0].content
    if isinstance(content, str):
        return content
    return "".join(block.get("text", "") for block in content if isinstance(block, dict))


def sandbox_actions(run: Run) -> list[Any]:
    state = run.session.dir / "env" / "sandbox.json"
    return json.loads(state.read_text())["actions"] if state.exists() else []
