"""Configuration of the safety controls (the `policy:` section of team.yaml)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Risk = Literal["low", "medium", "high"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ApprovalRule(_Strict):
    """Who must approve an action of one risk class."""

    require_human: bool = True
    require_senior: bool = False


def _default_rules() -> dict[Risk, ApprovalRule]:
    return {
        "low": ApprovalRule(),
        "medium": ApprovalRule(),
        "high": ApprovalRule(require_senior=True),
    }


class BudgetConfig(_Strict):
    """Per-incident limits. Exhausting any stops the incident with a partial report (exit 5)."""

    max_model_calls: int = Field(default=80, ge=1)
    max_tokens: int = Field(default=600_000, ge=1)
    max_wall_seconds: float = Field(default=1800, gt=0)
    tool_timeout_seconds: float = Field(default=60, gt=0)
    recursion_limit: int = Field(default=200, ge=10)


class RedactionPattern(_Strict):
    """An extra secret pattern: `pattern` is a Python regex; matches become `[REDACTED:<name>]`."""

    name: str = Field(pattern=r"^[A-Za-z0-9_.-]+$")
    pattern: str


class RedactionConfig(_Strict):
    """Redaction of secrets and personal data before anything reaches a model, checkpoint or audit."""

    builtin: bool = True
    patterns: list[RedactionPattern] = Field(default_factory=list)


class PolicyConfig(_Strict):
    """Approval policy per risk class, named senior approvers, approval expiry, budgets, redaction."""

    approvals: dict[Risk, ApprovalRule] = Field(default_factory=_default_rules)
    senior_approvers: list[str] = Field(default_factory=list)
    approval_ttl_minutes: float = Field(default=60, gt=0)
    budgets: BudgetConfig = Field(default_factory=BudgetConfig)
    redaction: RedactionConfig = Field(default_factory=RedactionConfig)
