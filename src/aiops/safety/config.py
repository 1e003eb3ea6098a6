"""Configuration of the safety controls (the `policy:` section of team.yaml)."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from aiops.core.regexcheck import ADVICE, nested_repetition

Risk = Literal["low", "medium", "high"]
RISKS: tuple[Risk, ...] = ("low", "medium", "high")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ApprovalRule(_Strict):
    """Who must approve an action of one risk class.

    `require_human: false` lets the caller record an automatic approval (`ApprovalLedger.auto_approve`);
    `require_senior: true` needs an approver named in `senior_approvers`.
    """

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
    """An extra secret pattern: `pattern` is a Python regex; matches become `[REDACTED:<name>]`.

    When the regex has a named group `secret`, only that group is replaced (keep the key visible:
    `order_token=(?P<secret>\\w+)`); otherwise the whole match is.
    """

    name: str = Field(pattern=r"^[A-Za-z0-9_.-]+$")
    pattern: str

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            compiled = re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression: {exc}") from exc
        if compiled.match(""):
            raise ValueError("the pattern matches the empty string; it would redact nothing useful")
        if nested_repetition(value):
            raise ValueError(ADVICE)
        return value


BUILTIN_KINDS: tuple[str, ...] = (
    "private_key",
    "url_password",
    "auth_header",
    "aws_key",
    "api_key",
    "github_token",
    "jwt",
    "password",
    "secret",
    "email",
    "card_number",
)
"""Names of the built-in redaction rules (the `<kind>` in `[REDACTED:<kind>]`); see `redaction_rules`."""


class RedactionConfig(_Strict):
    """Redaction of secrets and personal data before anything reaches a model, checkpoint or audit.

    - `builtin`: apply the built-in rules (secrets, emails, card numbers);
    - `disable`: built-in kinds to switch off (e.g. `[email]` when emails are service accounts);
    - `patterns`: extra rules;
    - `stable_tags`: add a short keyed tag so the same secret gets the same placeholder within an
      incident (`[REDACTED:password#3fa9c1]`); the tag reveals nothing without the incident key;
    - `public_ips`: also mask public IPv4 addresses (client addresses are personal data in some
      jurisdictions). Private, loopback and link-local addresses are never masked: they name
      infrastructure and are needed for diagnosis.
    """

    builtin: bool = True
    disable: list[str] = Field(default_factory=list)
    patterns: list[RedactionPattern] = Field(default_factory=list)
    stable_tags: bool = True
    public_ips: bool = False

    @field_validator("disable")
    @classmethod
    def _known_kinds(cls, values: list[str]) -> list[str]:
        unknown = [value for value in values if value not in BUILTIN_KINDS]
        if unknown:
            raise ValueError(f"unknown built-in kinds {unknown}; known: {', '.join(BUILTIN_KINDS)}")
        return values


class PolicyConfig(_Strict):
    """Approval policy per risk class, named senior approvers, approval expiry, budgets, redaction."""

    approvals: dict[Risk, ApprovalRule] = Field(default_factory=_default_rules)
    senior_approvers: list[str] = Field(default_factory=list)
    approval_ttl_minutes: float = Field(default=60, gt=0)
    budgets: BudgetConfig = Field(default_factory=BudgetConfig)
    redaction: RedactionConfig = Field(default_factory=RedactionConfig)

    def rule(self, risk: str | None) -> ApprovalRule:
        """The approval rule of a risk class: the configured one, else the default for that class;
        an unknown or missing risk gets the strictest rule (human and senior)."""
        if risk in self.approvals:
            return self.approvals[risk]  # type: ignore[index]
        defaults = _default_rules()
        if risk in defaults:
            return defaults[risk]  # type: ignore[index]
        return ApprovalRule(require_human=True, require_senior=True)
