"""Safety controls: policy, bound approvals, audit trail, redaction, untrusted-data marking, budgets.

Everything is per instance (no module-level mutable state), so two incidents share nothing.
Importing this package does not import LangChain; `BudgetMiddleware` is loaded on first access.

Typical wiring for one incident (the runtime does this):

    secret = load_or_create_secret(state_dir)
    redactor = Redactor(policy_config.redaction, key=derive_key(secret, f"redaction:{incident_id}"))
    env = redact_environment(raw_env, redactor)
    policy = Policy(catalogue, [s.name for s in env.inventory.services()], policy_config)
    audit = AuditLog(state_dir / "audit.jsonl", redactor)
    ledger = ApprovalLedger(state_dir / "approvals.sqlite", secret=secret, policy=policy,
                            audit=audit, redactor=redactor)
    budget = Budget(policy_config.budgets)      # + BudgetMiddleware(budget) on every agent

Execution protocol (exactly once, given an executor that honours its idempotency key):

    1. verdict = policy.check(action, target); refused -> audit "policy_refusal", stop.
    2. proposal = ledger.propose(incident_id, action, target, tool_call_id=...)   (idempotent)
    3. pause for a human; validate the answer with parse_decision; record it with
       ledger.approve / ledger.reject (the approving process; writes the "decision" audit line).
    4. if (r := ledger.result_for(approval.id)) is not None: return r       (already done)
    5. approval = ledger.claim(token, incident_id=..., action=..., target=..., resume=True)
       -> refusals are typed ApprovalError subclasses; audit "approval_refused", stop.
    6. audit "execution_started"; result = executor.execute(action, target, key=approval.id)
    7. ledger.record_result(approval.id, result); audit "execution_result".
    A crash between 5 and 7 leaves the approval "executing": the re-run passes step 4 (no
    result), step 5 returns it with `resumed=True`, and step 6 re-sends the same key, which the
    executor deduplicates. Without an idempotent executor the guarantee is at most once only if
    the caller passes resume=False (then ApprovalInFlightError) and a human checks `in_flight()`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiops.safety.audit import AUDIT_KINDS, AuditLog, AuditVerification, read_entries, verify
from aiops.safety.budget import Budget, BudgetUsage, estimate_tokens
from aiops.safety.config import (
    ApprovalRule,
    BudgetConfig,
    PolicyConfig,
    RedactionConfig,
    RedactionPattern,
)
from aiops.safety.decision import HumanDecision, InvalidDecisionError, parse_decision
from aiops.safety.errors import (
    ApprovalCrossIncidentError,
    ApprovalError,
    ApprovalExpiredError,
    ApprovalInFlightError,
    ApprovalMismatchError,
    ApprovalNotFoundError,
    ApprovalNotSeniorError,
    ApprovalReplayedError,
    ApprovalStateError,
    ApprovalTamperedError,
    BudgetExceeded,
    PolicyRefusedError,
    SafetyError,
    ToolTimeoutError,
)
from aiops.safety.injection import Finding, find_instruction_like
from aiops.safety.ledger import AUTO_APPROVER, ApprovalLedger
from aiops.safety.ledger_store import Approval, Proposal
from aiops.safety.policy import Policy, PolicyDecision
from aiops.safety.redact_env import redact_environment
from aiops.safety.redaction import Redactor
from aiops.safety.secret import derive_key, load_or_create_secret
from aiops.safety.timeout import run_with_timeout
from aiops.safety.untrusted import unwrap_untrusted, wrap_untrusted

if TYPE_CHECKING:
    from aiops.safety.middleware import BudgetMiddleware

__all__ = [
    "AUDIT_KINDS",
    "AUTO_APPROVER",
    "Approval",
    "ApprovalCrossIncidentError",
    "ApprovalError",
    "ApprovalExpiredError",
    "ApprovalInFlightError",
    "ApprovalLedger",
    "ApprovalMismatchError",
    "ApprovalNotFoundError",
    "ApprovalNotSeniorError",
    "ApprovalReplayedError",
    "ApprovalRule",
    "ApprovalStateError",
    "ApprovalTamperedError",
    "AuditLog",
    "AuditVerification",
    "Budget",
    "BudgetConfig",
    "BudgetExceeded",
    "BudgetMiddleware",
    "BudgetUsage",
    "Finding",
    "HumanDecision",
    "InvalidDecisionError",
    "Policy",
    "PolicyConfig",
    "PolicyDecision",
    "PolicyRefusedError",
    "Proposal",
    "RedactionConfig",
    "RedactionPattern",
    "Redactor",
    "SafetyError",
    "ToolTimeoutError",
    "derive_key",
    "estimate_tokens",
    "find_instruction_like",
    "load_or_create_secret",
    "parse_decision",
    "read_entries",
    "redact_environment",
    "run_with_timeout",
    "unwrap_untrusted",
    "verify",
    "wrap_untrusted",
]


def __getattr__(name: str) -> Any:
    if name == "BudgetMiddleware":
        from aiops.safety.middleware import BudgetMiddleware

        return BudgetMiddleware
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
