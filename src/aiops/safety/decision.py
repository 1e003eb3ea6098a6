"""Validating a human decision before it is used to resume a paused incident.

A malformed resume value saved into a LangGraph thread poisons it (SPEC trap), so the runtime
parses every decision with `parse_decision` first and resumes only with `HumanDecision.model_dump()`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from aiops.safety.errors import ApprovalError


class InvalidDecisionError(ApprovalError):
    """The decision is malformed; nothing was recorded. Exit code 2 (bad input)."""

    code = "invalid_decision"
    exit_code = 2


class HumanDecision(BaseModel):
    """One human decision on a proposal: approve, edit (approve another action or target) or reject."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: Literal["approve", "edit", "reject"]
    approver: str = Field(min_length=1, max_length=100, pattern=r"^[^\x00-\x1f\x7f]+$")
    reason: str = Field(default="", max_length=2000)
    action: str | None = Field(default=None, max_length=64)
    target: str | None = Field(default=None, max_length=64)
    proposal_id: str | None = Field(default=None, max_length=64)
    approval_id: str | None = Field(default=None, max_length=64)
    token: str | None = Field(default=None, max_length=200)

    @model_validator(mode="after")
    def _consistent(self) -> HumanDecision:
        if self.type == "edit" and not (self.action or self.target):
            raise ValueError("an edit must give a new action or target")
        if self.type == "approve" and (self.action or self.target):
            raise ValueError("an approval with another action or target is an edit: use type 'edit'")
        if self.type == "reject" and not self.reason.strip():
            raise ValueError("a rejection needs a reason (the agents see it)")
        if self.type == "reject" and (self.approval_id or self.token):
            raise ValueError("a rejection carries no approval")
        return self


def parse_decision(value: Any) -> HumanDecision:
    """A validated decision from a dict (or a `HumanDecision`).

    Raises `InvalidDecisionError` with one line.
    """
    if isinstance(value, HumanDecision):
        return value
    if not isinstance(value, dict):
        raise InvalidDecisionError(f"a decision must be a mapping, not {type(value).__name__}")
    try:
        return HumanDecision.model_validate(value)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ())) or "decision"
        raise InvalidDecisionError(f"invalid decision: {where}: {first.get('msg', 'invalid')}") from None
