"""The action policy: only runbook actions, only known targets, clean arguments, approval rules per risk.

`Policy.check` is pure and cheap; call it before anything is proposed to a human. The refusal
reason is one short line an agent can act on: it lists what is allowed.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from aiops.core.errors import ConfigError
from aiops.safety.config import RISKS, PolicyConfig

MAX_ARG_LEN = 64
_CLEAN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
_LISTED = 12


@dataclass(frozen=True, slots=True)
class PolicyDecision:
    """The verdict on one (action, target). `risk` is the catalogue risk (None when unknown)."""

    allowed: bool
    risk: str | None
    reason: str
    needs_senior: bool = False
    needs_human: bool = True


def _listing(names: Collection[str]) -> str:
    ordered = sorted(names)
    shown = ", ".join(ordered[:_LISTED])
    return (
        shown + (f", ... ({len(ordered)} in all)" if len(ordered) > _LISTED else "") if ordered else "(none)"
    )


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def argument_problem(value: object, what: str) -> str | None:
    """Why `value` is not a clean action or target name, or None when it is.

    Clean: a string of 1-64 characters, ASCII letters, digits and `_ . : -`, starting with a letter
    or digit, without `..`. This rejects shell metacharacters, whitespace, quotes, path tricks
    (`/`, `..`, `~`), control and non-ASCII characters (homoglyphs) before any lookup.
    """
    if not isinstance(value, str):
        return f"{what} must be a string, not {type(value).__name__}"
    if not value:
        return f"{what} is empty"
    if len(value) > MAX_ARG_LEN:
        return f"{what} is longer than {MAX_ARG_LEN} characters"
    if not _CLEAN.match(value) or ".." in value:
        return (
            f"{what} {_show(value)} contains characters that are not allowed (only letters, digits, _ . : -)"
        )
    return None


class Policy:
    """Decides whether an (action, target) may be proposed, and which approval it needs.

    `catalogue` is the runbook catalogue (`actions:` of remediation/runbooks.yaml): name -> spec
    with a `risk` of low / medium / high. `known_targets` are the services the environment knows.
    """

    def __init__(
        self,
        catalogue: Mapping[str, Mapping[str, Any]],
        known_targets: Collection[str],
        config: PolicyConfig | None = None,
    ) -> None:
        self.config = config or PolicyConfig()
        risks: dict[str, str] = {}
        for name, spec in catalogue.items():
            risk = spec.get("risk") if isinstance(spec, Mapping) else None
            if risk not in RISKS:
                raise ConfigError(
                    f"risk must be one of {', '.join(RISKS)}, got {risk!r}",
                    file="remediation/runbooks.yaml",
                    path=f"actions.{name}.risk",
                )
            if argument_problem(name, "action") is not None:
                raise ConfigError(
                    "action names may use only letters, digits, _ . : -",
                    file="remediation/runbooks.yaml",
                    path=f"actions.{name}",
                )
            risks[str(name)] = str(risk)
        self._risks = risks
        self._targets = frozenset(str(target) for target in known_targets)

    @property
    def actions(self) -> list[str]:
        """The catalogue actions, sorted."""
        return sorted(self._risks)

    @property
    def targets(self) -> list[str]:
        """The known targets, sorted."""
        return sorted(self._targets)

    def risk_of(self, action: str) -> str | None:
        """The catalogue risk of an action, or None when it is not in the catalogue."""
        return self._risks.get(action)

    def check(self, action: object, target: object) -> PolicyDecision:
        """The verdict for proposing `action` on `target` (refusal reasons list what is allowed)."""
        problem = argument_problem(action, "action")
        if problem is not None:
            return PolicyDecision(False, None, f"{problem}; allowed actions: {_listing(self._risks)}")
        assert isinstance(action, str)
        risk = self._risks.get(action)
        if risk is None:
            hint = next((name for name in self._risks if name.lower() == action.lower()), None)
            did = f" (did you mean {hint}?)" if hint else ""
            return PolicyDecision(
                False,
                None,
                f"action {_show(action)} is not in the runbook catalogue{did}; "
                f"allowed actions: {_listing(self._risks)}",
            )
        problem = argument_problem(target, "target")
        if problem is not None:
            return PolicyDecision(False, risk, f"{problem}; known targets: {_listing(self._targets)}")
        if target not in self._targets:
            return PolicyDecision(
                False,
                risk,
                f"target {_show(target)} is not a known service; known targets: {_listing(self._targets)}",
            )
        rule = self.config.rule(risk)
        reason = f"{action} on {target} is a {risk}-risk runbook action"
        if rule.require_senior:
            reason += "; it needs a senior approver"
            if not self.config.senior_approvers:
                reason += " and none is configured (policy.senior_approvers), so it cannot be approved"
        elif rule.require_human:
            reason += "; it needs a human approval"
        else:
            reason += "; policy allows it without a human decision"
        return PolicyDecision(
            True,
            risk,
            reason,
            needs_senior=rule.require_senior,
            needs_human=rule.require_human or rule.require_senior,
        )

    def is_senior(self, approver: str) -> bool:
        """Whether `approver` is named in `senior_approvers` (exact match)."""
        return approver in self.config.senior_approvers
