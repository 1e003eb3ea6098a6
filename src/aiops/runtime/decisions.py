"""Human decisions on a paused remediation: parsed and validated *before* they touch the incident.

A malformed decision never reaches the checkpointed thread (SPEC.md trap: a bad resume value is
saved into the thread and poisons it). Only a validated decision is recorded in the approval
ledger, and only the ledger's answer (a bound approval or a recorded rejection) is resumed with.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from aiops.core.errors import ConfigError

Kind = Literal["approve", "edit", "reject"]
_EDIT_KEYS = {"action", "target"}


@dataclass(frozen=True, slots=True)
class Decision:
    """approve, edit (new action and/or target) or reject (with a reason the agents will see)."""

    kind: Kind
    approver: str
    reason: str | None = None
    action: str | None = None
    target: str | None = None


def parse_edit(spec: str) -> dict[str, str]:
    """`action=scale_up,target=payment-api` -> {"action": ..., "target": ...}."""
    out: dict[str, str] = {}
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        key, sep, value = part.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or key not in _EDIT_KEYS or not value:
            raise ConfigError(f"cannot read {part!r}: write --edit action=NAME,target=SERVICE (either or both)",
                              path="--edit")
        if key in out:
            raise ConfigError(f"{key} given twice", path="--edit")
        out[key] = value
    if not out:
        raise ConfigError("empty edit: write --edit action=NAME,target=SERVICE", path="--edit")
    return out


def validate(decision: Decision, request: dict[str, Any], policy: Any) -> Decision:
    """Check a decision against the pending request and the policy; raise ConfigError (exit 2) if bad."""
    if not decision.approver.strip():
        raise ConfigError("a decision needs the approver's name (--approver or $AIOPS_APPROVER)", path="--approver")
    if decision.kind == "reject":
        if not (decision.reason or "").strip():
            raise ConfigError("a rejection needs a reason the agents can use: --reject \"why\"", path="--reject")
        return decision
    action = decision.action or request["action"]
    target = decision.target or request["target"]
    if decision.kind == "edit" and (action, target) == (request["action"], request["target"]):
        raise ConfigError("the edit changes nothing; use --approve", path="--edit")
    verdict = policy.check(action, target)
    if not verdict.allowed:
        raise ConfigError(f"cannot approve {action} on {target}: {verdict.reason}", path="--edit")
    if verdict.needs_senior and not policy.is_senior(decision.approver):
        raise ConfigError(
            f"{action} is {verdict.risk} risk and needs a senior approver; {decision.approver!r} is not one "
            f"(policy.senior_approvers in team.yaml)", path="--approver")
    return Decision(decision.kind, decision.approver, decision.reason, action, target)
