"""Run and resume incidents: drive the graph, stop at approval requests, record decisions through
the ledger, and finish with a verified, typed report."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from langchain_core.messages import HumanMessage
from langgraph.errors import GraphRecursionError
from langgraph.types import Command

from aiops.runtime.decisions import Decision, validate
from aiops.runtime.finish import EXIT_CODES, Outcome, action_history, finish
from aiops.runtime.home import new_incident_id
from aiops.runtime.pause import pending_notes
from aiops.runtime.session import IncidentSession
from aiops.runtime.store import IncidentRecord, IncidentStore
from aiops.tools.remediation import APPROVAL_REQUEST

__all__ = ["EXIT_CODES", "RESUMABLE", "Decider", "Outcome", "action_history", "drive", "finish", "first_message",
           "new_record", "pending_requests", "proceed", "record_decision", "recorded_decision", "start"]

Decider = Callable[[dict[str, Any]], Decision | None]
"""Given a pending approval request, return a decision, or None to pause the incident. The request
it sees also holds `choices` (the valid actions and targets, for edits). A decider that asks a
person sets `asks_again = True`: when its answer cannot be recorded it is asked again with the
request plus `problem` (why), instead of the run stopping. A `recorded(request, decision)`
attribute, when present, is called once a decision is in the ledger."""
ASK_LIMIT = 5

RESUMABLE = frozenset({"awaiting_approval", "running", "interrupted"})
"""Statuses `incidents resume` continues: paused for a decision, or stopped by Ctrl-C or a crash."""


def first_message(alert: str, *, incident_id: str, service: str | None, at: datetime) -> HumanMessage:
    """The orchestrator's opening message."""
    hint = f"\nAffected service (from the alert source): {service}" if service else ""
    return HumanMessage(content=f"Incident {incident_id}, alert received at {at.isoformat()}:\n\n{alert}{hint}")


def new_record(*, alert: str, source: dict[str, Any], team_dir: str, service: str | None = None,
               fingerprint: str | None = None, model_override: str | None = None,
               base_url: str | None = None) -> IncidentRecord:
    """A fresh incident record (not saved until the incident starts); the alert is kept as valid
    Unicode and cut to a bounded length with a note (`aiops.intake.text`)."""
    from aiops.intake.text import clean_alert

    now = datetime.now(UTC).isoformat()
    return IncidentRecord(id=new_incident_id(), alert=clean_alert(alert), status="running", created_at=now,
                          updated_at=now, source=source, team_dir=team_dir, service=service, fingerprint=fingerprint,
                          model_override=model_override, base_url=base_url)


def start(session: IncidentSession, store: IncidentStore, decider: Decider, callbacks: list[Any]) -> Outcome:
    """Stamp the alert time and the models, save the record, and drive from the opening message."""
    record = session.record
    at = session.ctx.now()
    record.alert_time = at.isoformat()
    record.models = {k: v.model for k, v in session.choices.items()}
    record.status = "running"
    store.save(record)
    return drive(session, store, _opening(session, at), decider, callbacks)


def _opening(session: IncidentSession, at: datetime) -> dict[str, Any]:
    record = session.record
    return {"messages": [first_message(record.alert, incident_id=record.id, service=record.service, at=at)]}


def has_checkpoint(session: IncidentSession) -> bool:
    """True once the graph has saved anything for the incident's thread."""
    config = {"configurable": {"thread_id": session.record.id}}
    return session.graph.checkpointer.get_tuple(config) is not None


def proceed(session: IncidentSession, store: IncidentStore, payload: Any, decider: Decider,
            callbacks: list[Any]) -> Outcome:
    """Continue an incident: with `payload` (a resume command), from its last checkpoint, or from the
    opening message when the process that started it died before the first checkpoint."""
    if payload is None and not has_checkpoint(session):
        at = datetime.fromisoformat(session.record.alert_time) if session.record.alert_time else None
        return start(session, store, decider, callbacks) if at is None else drive(
            session, store, _opening(session, at), decider, callbacks)
    return drive(session, store, payload, decider, callbacks)


def pending_requests(session: IncidentSession, config: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Approval requests the thread is paused on, as (interrupt id, request bound to the ledger)."""
    state = session.graph.get_state(config)
    return [(i.id, bound_request(session.ctx.ledger, i.value)) for i in state.interrupts
            if isinstance(i.value, dict) and i.value.get("kind") == APPROVAL_REQUEST]


def bound_request(ledger: Any, request: dict[str, Any]) -> dict[str, Any]:
    """The request as a person sees it: action, target, risk and reason from the ledger's proposal, which
    is what an approval of it will allow (a checkpoint is just a file; the claim checks the approval
    against the call). `mismatch` says when the paused request disagrees with the ledger."""
    from aiops.safety import ApprovalNotFoundError

    try:
        proposal = ledger.get_proposal(str(request.get("proposal_id")))
    except ApprovalNotFoundError:
        return {**request, "bound": False, "mismatch": "the approval ledger has no such proposal"}
    shown = {**request, "action": proposal.action, "target": proposal.target, "risk": proposal.risk,
             "needs_senior": proposal.needs_senior, "reason": proposal.reason, "bound": True}
    if (request.get("action"), request.get("target"), request.get("incident_id")) != (
            proposal.action, proposal.target, proposal.incident_id):
        shown["mismatch"] = (f"the paused request ({request.get('action')} on {request.get('target')}) does not "
                             "match the ledger's proposal shown here; an approval allows only the ledger's")
    return shown


def record_decision(session: IncidentSession, request: dict[str, Any], decision: Decision) -> dict[str, Any]:
    """Validate, record in the ledger and audit trail; return the resume value for the tool."""
    from aiops.safety import parse_decision

    ledger = session.ctx.ledger
    decision = validate(decision, request, session.ctx.policy)
    proposal = request["proposal_id"]
    if decision.kind == "reject":
        rejected = ledger.reject(proposal, approver=decision.approver, reason=decision.reason or "")
        value = {"type": "reject", "reason": rejected.decision_reason, "approver": decision.approver,
                 "proposal_id": proposal}
    else:
        edited = decision.kind == "edit"
        approval = ledger.approve(proposal, approver=decision.approver, action=decision.action if edited else None,
                                  target=decision.target if edited else None)
        value = {"type": decision.kind, "approval_id": approval.id, "token": approval.token,
                 "approver": decision.approver, "proposal_id": proposal}
        if edited:
            value.update(action=approval.action, target=approval.target)
    return parse_decision(value).model_dump(exclude_none=True)


def recorded_decision(session: IncidentSession, request: dict[str, Any]) -> dict[str, Any] | None:
    """The resume value of a proposal that already has a decision in the ledger (a run that crashed
    after the decision, or a replayed tool call), so it is never put to a human twice."""
    from aiops.safety import parse_decision

    ledger = session.ctx.ledger
    proposal = ledger.get_proposal(request["proposal_id"])
    if proposal.status == "pending":
        return None
    if proposal.status == "rejected":
        value = {"type": "reject", "reason": proposal.decision_reason or "rejected", "approver": proposal.decided_by,
                 "proposal_id": proposal.id}
    else:
        approval = ledger.get_approval(proposal.approval_id)
        value = {"type": "edit" if proposal.status == "edited" else "approve", "approval_id": approval.id,
                 "token": approval.token, "approver": approval.approver, "proposal_id": proposal.id}
        if proposal.status == "edited":
            value.update(action=approval.action, target=approval.target)
    return parse_decision(value).model_dump(exclude_none=True)


def drive(session: IncidentSession, store: IncidentStore, payload: Any, decider: Decider,
          callbacks: list[Any]) -> Outcome:
    """Invoke the graph until it finishes or pauses; record everything in the incident store.

    Whatever stops the run early (Ctrl-C, a model server that cannot be reached, a crash in a tool)
    leaves the incident `interrupted`, resumable from its last checkpoint."""
    from aiops.runtime.lifecycle import mark_interrupted, model_failure

    try:
        return _drive(session, store, payload, decider, callbacks)
    except BaseException as exc:
        mark_interrupted(session.record, store, exc)
        if (problem := model_failure(exc, session.record.base_url)) is not None:
            raise problem from exc
        raise


def _drive(session: IncidentSession, store: IncidentStore, payload: Any, decider: Decider,
           callbacks: list[Any]) -> Outcome:
    from aiops.safety import BudgetExceeded

    record = session.record
    config = {"configurable": {"thread_id": record.id},
              "recursion_limit": session.team.spec.policy.budgets.recursion_limit, "callbacks": callbacks}
    while True:
        try:
            session.graph.invoke(payload, config)
        except BudgetExceeded as exc:
            _remember_usage(session)
            session.ctx.audit.append("budget_exhausted", incident_id=record.id, reason=str(exc))
            return finish(session, store, stopped=str(exc), exit_code=5)
        except GraphRecursionError:
            _remember_usage(session)
            return finish(session, store, stopped="step budget (recursion limit) exhausted", exit_code=5)
        _remember_usage(session)
        pending = pending_requests(session, config)
        if not pending:
            return finish(session, store)
        resume: dict[str, Any] = {}
        for interrupt_id, request in pending:
            if (known := recorded_decision(session, request)) is None:
                known = _decide(session, request, decider)
            if known is None:
                record.status = "awaiting_approval"
                record.notes["pending"] = pending_notes([r for _, r in pending], announced=False)
                store.save(record)  # the pause and what it waits on in one save: never one without the other
                return Outcome(record.id, "awaiting_approval", 3, pending=[r for _, r in pending])
            resume[interrupt_id] = known
        payload = Command(resume=resume)


def _decide(session: IncidentSession, request: dict[str, Any], decider: Decider) -> dict[str, Any] | None:
    """Put the request to the decider and record its decision; None when it pauses the incident.
    A decider that asks a person is asked again (with the problem) when its answer is refused."""
    from aiops.core.errors import ConfigError

    policy = session.ctx.policy
    asking = {**request, "choices": {"actions": policy.actions, "targets": policy.targets}}
    for attempt in range(ASK_LIMIT):
        decision = decider(asking)
        if decision is None:
            return None
        try:
            value = record_decision(session, request, decision)
        except ConfigError as exc:
            if not getattr(decider, "asks_again", False) or attempt == ASK_LIMIT - 1:
                raise
            asking = {**asking, "problem": exc.message}
            continue
        if (recorded := getattr(decider, "recorded", None)) is not None:
            recorded(request, decision)
        return value
    return None


def _remember_usage(session: IncidentSession) -> None:
    usage = session.budget.usage()
    session.record.model_calls, session.record.tokens = usage.model_calls, usage.tokens
    session.record.wall_seconds = usage.wall_seconds


