"""What one agent's engine knows before any message: its role, its tools, its teammates, and
where its skills live (a fallback only; skills are read through the conversation)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiops.agents.playbook.roles import Role, delegation_order, infer_role


@dataclass(frozen=True, slots=True)
class Teammate:
    """A delegate as the orchestrator sees it."""

    name: str
    role: Role
    description: str
    tools: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AgentSetup:
    """Static facts about one agent (configuration, never conversation state)."""

    agent: str
    role: Role
    description: str = ""
    tools: tuple[str, ...] = ()
    skill_dirs: dict[str, Path] = field(default_factory=dict)
    teammates: tuple[Teammate, ...] = ()
    categories: tuple[str, ...] = ()
    offered: frozenset[str] = frozenset()

    def can(self, tool: str) -> bool:
        """True when the agent is offered `tool` (or, before any binding, lists it)."""
        if self.offered:
            return tool in self.offered
        return tool in self.tools or tool in {"read_file", "ls"}


def setup_from_context(agent: str, context: Any) -> AgentSetup:
    """Build the setup from an `EngineContext` (team, agent view, extras); tolerant of None."""
    team = getattr(context, "team", None)
    view = getattr(context, "agent_spec", None)
    extras = dict(getattr(context, "extras", None) or {})
    orchestrator = getattr(team, "orchestrator", None)
    tools = tuple(getattr(view, "tools", ()) or ())
    description = str(getattr(view, "description", "") or "")
    role = infer_role(tools, description, orchestrator=agent == orchestrator)
    skills = {s.name: Path(s.path) for s in getattr(view, "skills", ()) or ()}
    mates: list[Teammate] = []
    if role is Role.ORCHESTRATOR and team is not None:
        rows = []
        for name in team.delegates:
            other = team.agents[name]
            rows.append(
                (
                    name,
                    infer_role(other.tools, other.description, orchestrator=False),
                    other.description,
                    tuple(other.tools),
                )
            )
        order = delegation_order((n, r, d) for n, r, d, _ in rows)
        by_name = {row[0]: row for row in rows}
        mates = [Teammate(*by_name[name]) for name in order]
    return AgentSetup(
        agent=agent,
        role=role,
        description=description,
        tools=tools,
        skill_dirs=skills,
        teammates=tuple(mates),
        categories=tuple(extras.get("categories") or ()),
    )
