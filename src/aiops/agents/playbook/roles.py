"""Which part an agent plays, inferred from its tools and description (never from its name)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum


class Role(StrEnum):
    """The parts the engine knows how to play."""

    ORCHESTRATOR = "orchestrator"
    ANALYST = "analyst"
    DIAGNOSTICIAN = "diagnostician"
    REMEDIATOR = "remediator"
    COMMUNICATOR = "communicator"
    WRITER = "writer"


ORDER = {Role.ANALYST: 0, Role.DIAGNOSTICIAN: 1, Role.REMEDIATOR: 2, Role.COMMUNICATOR: 3, Role.WRITER: 4}
"""Delegation order: analysis first, then diagnosis, then remediation, then the others."""

_COMMUNICATION = re.compile(
    r"\b(communicat\w*|status updates?|stakeholders?|customers?|announce\w*|"
    r"notif\w*|messages?)\b",
    re.IGNORECASE,
)
_FIRST = re.compile(r"\b(use (this|it) first|always first|first, for every)\b", re.IGNORECASE)
DIAGNOSTIC_TOOLS = frozenset({"query_metrics", "incident_timeline", "recent_changes"})


def infer_role(tools: Iterable[str], description: str, *, orchestrator: bool) -> Role:
    """The role of one agent: the orchestrator is the team's; the others by what they can do."""
    names = set(tools)
    if orchestrator:
        return Role.ORCHESTRATOR
    if "execute_remediation" in names:
        return Role.REMEDIATOR
    if "fetch_logs" in names:
        return Role.ANALYST
    if names & DIAGNOSTIC_TOOLS:
        return Role.DIAGNOSTICIAN
    if _COMMUNICATION.search(description or ""):
        return Role.COMMUNICATOR
    return Role.WRITER


def delegation_order(delegates: Iterable[tuple[str, Role, str]]) -> list[str]:
    """Names of (name, role, description) in the order to delegate: by role, then a description that
    says "use this first", then file order."""
    rows = list(delegates)
    ranked = sorted(
        range(len(rows)),
        key=lambda i: (ORDER.get(rows[i][1], 5), 0 if _FIRST.search(rows[i][2] or "") else 1, i),
    )
    return [rows[i][0] for i in ranked]
