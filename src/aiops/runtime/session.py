"""Wires one incident together: team, environment, safety controls, tools, models and the graph.

Everything is built per incident from the incident record, so a paused incident can be reopened
in another process with the same team snapshot, the same environment state and the same thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiops.agents.files import incident_backend, snapshot_team
from aiops.agents.graph import AgentPlan, build_team_graph
from aiops.agents.models import EngineContext, ModelChoice, create_chat_model, plan_models
from aiops.core.errors import ConfigError
from aiops.core.private import harden_tree, private_dir, write_private_text
from aiops.core.types import Environment
from aiops.runtime.home import StateHome
from aiops.runtime.store import IncidentRecord
from aiops.tools.context import EvidenceLog, ToolContext
from aiops.tools.registry import build_report_tool, build_tools

DRAFT_FILE = "report_draft.json"


def _saved_draft(path: Path) -> Any:
    """The report draft an earlier process of the incident submitted (None when there is none), so
    that finishing after a crash or in another process keeps the team's report."""
    from pydantic import ValidationError

    from aiops.core.report import ReportDraft

    try:
        return ReportDraft.model_validate_json(path.read_bytes()) if path.is_file() else None
    except (OSError, ValidationError):
        return None


def read_skill_data(team: Any, kind: str, key: str) -> Any:
    """A top-level key of one of the team's skill data files (checked when the team loaded), e.g.
    `read_skill_data(team, "runbooks", "actions")`."""
    from aiops.team.skilldata import data_path

    data = team.data(kind)
    if key not in data:
        raise ConfigError(f"missing top-level key {key!r}", file=str(data_path(team.skills_root, kind)), path=key)
    return data[key]


def build_environment(source: dict[str, Any], state_dir: Path, catalogue: Any = None) -> Environment:
    """Rebuild the incident's environment from its recorded source (sandbox scenario, env file or
    evidence bundle);
    `catalogue` is the team's runbook catalogue, so the sandbox can apply the team's own actions."""
    kind = source.get("kind")
    if kind == "sandbox":
        from aiops.sandbox import build_environment as sandbox_env
        from aiops.sandbox import load_scenario

        return sandbox_env(load_scenario(source["scenario"], catalogue=catalogue), state_dir=state_dir,
                           catalogue=catalogue)
    if kind == "bundle":
        from aiops.backends import build_environment as backend_env
        from aiops.backends.bundle import bundle_environment

        spec, bundle, _ = bundle_environment(source["dir"])
        env = backend_env(spec, state_dir=state_dir, catalogue=catalogue)
        env.alert = bundle.alert
        env.info["bundle"] = str(bundle.root)
        return env
    if kind == "env":
        from aiops.backends import build_environment as backend_env
        from aiops.backends import load_environment_file

        return backend_env(load_environment_file(Path(source["file"])), state_dir=state_dir, catalogue=catalogue)
    raise ConfigError(f"unknown environment source {source!r}")


def _shared_keys(env: Environment, home: StateHome) -> None:
    """On PostgreSQL, every executor acts at most once per idempotency key across all workers on all
    machines: the keys live in the state database (the sandbox's own record stays as well)."""
    from aiops.runtime.state import open_keys

    keys = open_keys(home)
    if keys is None:
        return
    from aiops.backends.idempotency import IdempotentExecutor

    if isinstance(env.executor, IdempotentExecutor):
        env.executor.store.close()
        env.executor.store = keys
    else:
        env.executor = IdempotentExecutor(env.executor, keys)


def read_metric_names(team: Any) -> dict[str, Any]:
    """The team's metric-name aliases (log-analysis/metric_names.yaml, checked when the team loaded), or
    none when it has no such file."""
    from aiops.backends.aliases import parse_metric_names

    raw = team.skill_data.get("metric_names")
    return parse_metric_names(raw, file="log-analysis/metric_names.yaml") if raw is not None else {}


@dataclass
class IncidentSession:
    """An opened incident: its graph, tool context and the controls shared by its agents."""

    record: IncidentRecord
    home: StateHome
    team: Any
    ctx: ToolContext
    graph: Any
    choices: dict[str, ModelChoice]
    budget: Any
    categories: list[str]
    notice: str | None = None
    draft: Any = None
    _conn: Any = field(default=None, repr=False)

    @property
    def dir(self) -> Path:
        return self.home.incident_dir(self.record.id)

    def set_draft(self, draft: Any) -> None:
        """Keep the orchestrator's report draft (also on disk, so a crash loses nothing)."""
        self.draft = draft
        write_private_text(self.dir / DRAFT_FILE, draft.model_dump_json(indent=2))

    def close(self) -> None:
        """Release the checkpoint connection and the environment's backends."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self.ctx.env.close()


def open_session(record: IncidentRecord, home: StateHome, *, extra_middleware: list[Any] | None = None,
                 models: dict[str, Any] | None = None, read_only: bool = False) -> IncidentSession:
    """Build everything for `record`; raises ConfigError before any agent runs if anything is wrong.

    `models` replaces the chat model of the named agents (tests drive trajectories this way).
    `read_only` is for looking at a saved incident (its pending approvals): no model is built, so a
    missing API key or script does not stop `incidents show`; the session must not run agents.
    """
    from aiops.analysis.signatures import parse_signatures
    from aiops.safety import (
        Budget,
        BudgetMiddleware,
        BudgetUsage,
        Policy,
        Redactor,
        derive_key,
        load_or_create_secret,
        redact_environment,
    )
    from aiops.team import load_team

    team = load_team(Path(record.team_dir))
    policy_cfg = team.spec.policy
    incident_dir = private_dir(home.incident_dir(record.id))
    secret = load_or_create_secret(home.root)
    redactor = Redactor(policy_cfg.redaction, key=derive_key(secret, f"redaction:{record.id}"))
    catalogue = read_skill_data(team, "runbooks", "actions")
    raw_env = build_environment(record.source, incident_dir / "env", catalogue)
    _shared_keys(raw_env, home)
    aliases = read_metric_names(team)
    if aliases:
        from aiops.backends.aliases import AliasedMetrics

        raw_env.metrics = AliasedMetrics(raw_env.metrics, aliases)
    record.alert = redactor.text(record.alert)
    from aiops.backends.bundle.recorder import record_environment

    env = record_environment(redact_environment(raw_env, redactor), incident_dir / "bundle", alert=record.alert)
    categories = list(read_skill_data(team, "failure_modes", "categories"))
    signatures = parse_signatures(team.data("signatures"), file="log-analysis/signatures.yaml")
    policy = Policy(catalogue, [s.name for s in env.inventory.services()], policy_cfg)
    from aiops.runtime import state

    audit = state.open_audit(home, redactor)
    ledger = state.open_ledger(home, secret=secret, policy=policy, audit=audit, redactor=redactor)
    ctx = ToolContext(
        incident_id=record.id, env=env, catalogue=catalogue, signatures=signatures, policy=policy,
        ledger=ledger, audit=audit, redactor=redactor, evidence=EvidenceLog(incident_dir / "evidence.jsonl"),
        incident_dir=incident_dir,
        tool_timeout_s=policy_cfg.budgets.tool_timeout_seconds,
    )
    ctx.extras.update(memory=state.open_memory(home), alert=record.alert)
    budget = Budget(policy_cfg.budgets, used=BudgetUsage(record.model_calls, record.tokens, record.wall_seconds))
    agents = {name: (view.model, view.model_options) for name, view in team.agents.items()}
    if read_only:
        from aiops.agents.scripted import ScriptedChatModel

        models = {name: ScriptedChatModel(agent=name, steps=[]) for name in team.agents}
    choices, notice = plan_models(agents, override=record.model_override, base_url=record.base_url)
    session = IncidentSession(record=record, home=home, team=team, ctx=ctx, graph=None, choices=choices,
                              budget=budget, categories=categories, notice=notice,
                              draft=_saved_draft(incident_dir / DRAFT_FILE))
    tools = build_tools(ctx)
    report_tool = build_report_tool(ctx, categories, session.set_draft)
    layout = snapshot_team(
        incident_dir / "team",
        skills={name: {s.name: s.path for s in view.skills} for name, view in team.agents.items()},
        memory={name: list(view.memory) for name, view in team.agents.items()},
        team_dir=Path(team.dir),
    )
    harden_tree(incident_dir / "team")  # copies keep the team folder's modes; the snapshot is private
    backend = incident_backend(incident_dir / "workspace", incident_dir / "team")
    plans = {}
    for name, view in team.agents.items():
        engine = EngineContext(team=team, agent_spec=view, extras={"categories": categories, "catalogue": catalogue})
        agent_tools = [tools[t] for t in view.tools]
        if name == team.orchestrator:
            agent_tools.append(report_tool)
        plans[name] = AgentPlan(name=name, description=view.description, system_prompt=view.system_prompt,
                                model=(models or {}).get(name) or create_chat_model(choices[name], context=engine),
                                tools=agent_tools,
                                files=layout[name], middleware=[BudgetMiddleware(budget), *(extra_middleware or [])],
                                recursion_limit=policy_cfg.budgets.recursion_limit)
    checkpointer, session._conn = state.open_checkpointer(home)
    session.graph = build_team_graph(
        plans[team.orchestrator], [plans[n] for n in team.delegates], backend=backend,
        checkpointer=checkpointer,
    )
    return session

