"""`execute_remediation`: the one tool that changes production, and its approval gate.

The gate is in the tool, not in middleware configuration, so no agent or subagent config can
switch it off (SPEC.md trap: a subagent's own `interrupt_on` silently replaces the parent's gate).
Order of checks, each in code:

1. policy: only catalogue actions on known targets with clean arguments; refusals are audited
   and never reach the human;
2. proposal recorded in the approval ledger and the audit trail;
3. `interrupt()`: the incident pauses until a human decision is recorded (approve / edit / reject);
4. the ledger claims the bound approval for exactly (incident, action, target) — single use,
   unexpired, untampered — or the tool refuses;
5. a result already recorded for that approval is returned instead of acting again; otherwise the
   executor acts with the approval id as idempotency key and the result is recorded.
"""

from __future__ import annotations

from typing import Any

from langgraph.types import interrupt

from aiops.tools.context import ToolContext

APPROVAL_REQUEST = "approval_request"


def _artifact(action: str, target: str, risk: str | None, decision: str, result: str, **extra: Any) -> dict[str, Any]:
    return {"action": action, "target": target, "risk": risk, "decision": decision, "result": result, **extra}


def _audit_result(ctx: ToolContext, action: str, target: str, approval_id: str, recorded: dict[str, Any], *,
                  only_if_missing: bool = False) -> None:
    """The `execution_result` audit line; on a re-run, written only if a crash left it out."""
    if only_if_missing:
        from aiops.safety import read_entries

        done = read_entries(ctx.audit.path, ctx.incident_id)
        if any(e.get("kind") == "execution_result" and e.get("approval_id") == approval_id for e in done):
            return
    extra = {"restored_after_crash": True} if only_if_missing else {}
    ctx.audit.append("execution_result", incident_id=ctx.incident_id, action=action, target=target,
                     approval_id=approval_id, ok=recorded["ok"], message=recorded["message"], **extra)


def _rearmed(ctx: ToolContext, approval_id: str) -> str | None:
    """Why an approval the ledger calls unused must not run: the executor already acted on its key (the
    ledger was rolled back). None when the executor cannot tell or has not seen the key."""
    from aiops.safety import ApprovalError

    seen = getattr(ctx.env.executor, "seen", None)
    if not approval_id or not callable(seen):
        return None
    try:
        state = ctx.ledger.get_approval(approval_id).state
    except ApprovalError:
        return None
    if state == "approved" and seen(approval_id):
        return (f"approval {approval_id} is recorded as unused, but the executor already acted on its idempotency "
                "key: the approval ledger was rolled back; not acting again")
    return None


def execute_remediation(
    ctx: ToolContext, action: str, target: str, reason: str = "", *, tool_call_id: str, agent: str | None = None
) -> tuple[str, dict[str, Any]]:
    """Propose `action` on `target`, wait for a human decision, execute only with a bound approval."""
    verdict = ctx.policy.check(action, target)
    if not verdict.allowed:
        ctx.audit.append("policy_refusal", incident_id=ctx.incident_id, action=str(action)[:200],
                         target=str(target)[:200], reason=verdict.reason, agent=agent)
        text = f"REFUSED by policy, nothing was executed: {verdict.reason}"
        return text, _artifact(str(action)[:200], str(target)[:200], verdict.risk, "refused", verdict.reason)
    spec = dict(ctx.catalogue.get(action, {}))
    proposal = ctx.ledger.propose(ctx.incident_id, action, target, verdict.risk, tool_call_id=tool_call_id,
                                  reason=reason, agent=agent)
    request = {
        "kind": APPROVAL_REQUEST,
        "proposal_id": proposal.id,
        "incident_id": ctx.incident_id,
        "action": action,
        "target": target,
        "risk": verdict.risk,
        "needs_senior": verdict.needs_senior,
        "reason": reason,
        "impact": spec.get("impact"),
        "recovery_time": spec.get("recovery_time"),
        "rollback": spec.get("rollback"),
        "agent": agent,
    }
    answer = interrupt(request)
    return apply_decision(ctx, proposal.id, action, target, risk=verdict.risk, answer=answer)


def apply_decision(
    ctx: ToolContext, proposal_id: str, action: str, target: str, *, risk: str | None, answer: Any
) -> tuple[str, dict[str, Any]]:
    """Act on a recorded decision: refuse, or claim the bound approval and execute exactly once."""
    from aiops.safety import ApprovalError, InvalidDecisionError, parse_decision

    try:
        decided = parse_decision(answer)
    except InvalidDecisionError as exc:
        return (f"No valid decision was recorded for this proposal ({exc}); nothing was executed.",
                _artifact(action, target, risk, "invalid", "not executed"))
    answer = decided.model_dump()
    kind = decided.type
    if kind == "reject":
        why = str(answer.get("reason") or "no reason given")
        who = str(answer.get("approver") or "operator")
        text = (f"REJECTED by {who}: {why}. Nothing was executed. Take the reason into account: propose a "
                "different action only if the evidence supports it, otherwise report the incident as unresolved.")
        return text, _artifact(action, target, risk, "rejected", "not executed", approver=who, reason=why)
    final_action = str(answer.get("action") or action)
    final_target = str(answer.get("target") or target)
    if (final_action, final_target) != (action, target):
        verdict = ctx.policy.check(final_action, final_target)
        if not verdict.allowed:
            return (f"REFUSED by policy, the edited action was not executed: {verdict.reason}",
                    _artifact(final_action, final_target, verdict.risk, "refused", verdict.reason))
        risk = verdict.risk
    decision = "edited" if kind == "edit" else "approved"
    who = str(answer.get("approver") or "operator")
    approval_id = str(answer.get("approval_id") or "")
    recorded = ctx.ledger.result_for(approval_id, incident_id=ctx.incident_id, proposal_id=proposal_id,
                                     action=final_action, target=final_target) if approval_id else None
    if recorded is None and (rearmed := _rearmed(ctx, approval_id)) is not None:
        ctx.audit.append("approval_refused", incident_id=ctx.incident_id, action=final_action,
                         target=final_target, reason=rearmed, proposal_id=proposal_id)
        return (f"REFUSED, nothing was executed: {rearmed}",
                _artifact(final_action, final_target, risk, "refused", rearmed))
    if recorded is None:
        try:
            ctx.ledger.claim(answer.get("token") or approval_id, incident_id=ctx.incident_id,
                             action=final_action, target=final_target, proposal_id=proposal_id, resume=True)
        except ApprovalError as exc:
            ctx.audit.append("approval_refused", incident_id=ctx.incident_id, action=final_action,
                             target=final_target, reason=str(exc), proposal_id=proposal_id)
            return (f"REFUSED, nothing was executed: {exc}",
                    _artifact(final_action, final_target, risk, "refused", str(exc)))
        ctx.audit.append("execution_started", incident_id=ctx.incident_id, action=final_action,
                         target=final_target, approval_id=approval_id, approver=who)
        started = ctx.now()
        result = ctx.env.executor.execute(final_action, final_target, key=approval_id)
        # A replayed key (the process died after the executor acted) returns the first run's result:
        # its own start time, not this run's clock, is when the action happened.
        executed_at = str(result.details.get("started_at") or started.isoformat())
        recorded = {"ok": result.ok, "message": result.message, "details": result.details, "executed_at": executed_at}
        ctx.ledger.record_result(approval_id, recorded)
        _audit_result(ctx, final_action, final_target, approval_id, recorded)
    else:
        _audit_result(ctx, final_action, final_target, approval_id, recorded, only_if_missing=True)
    status = "succeeded" if recorded["ok"] else "failed"
    edited = f" (edited by {who} from {action} on {target})" if decision == "edited" else f" (approved by {who})"
    text = (f"EXECUTED {final_action} on {final_target}{edited}: {status}: {recorded['message']}. "
            f"Now verify recovery with query_metrics on {final_target} (error_rate and the saturated metric).")
    if not recorded["ok"]:
        text = f"FAILED {final_action} on {final_target}{edited}: {recorded['message']}"
    return text, _artifact(final_action, final_target, risk, decision, status, approver=who,
                           message=recorded["message"], executed_at=recorded.get("executed_at"))
