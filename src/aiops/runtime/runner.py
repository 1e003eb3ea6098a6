"""Run and resume incidents: drive the graph, stop at approval requests, record decisions through
the ledger, and finish with a verified, typed report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from langchain_core.messages import HumanMessage
from langgraph.errors import GraphRecursionError
from langgraph.types import Command

from aiops.core.report import ActionRecord, IncidentReport, Verification
from aiops.runtime.decisions import Decision, validate
from aiops.runtime.home import new_incident_id
from aiops.runtime.report import complete_follow_ups, fallback_draft, save_report, status_for
from aiops.runtime.session import IncidentSession
from aiops.runtime.store import IncidentRecord, IncidentStore
from aiops.runtime.verify import verify_recovery
from aiops.tools.remediation import APPROVAL_REQUEST

Decider = Callable[[dict[str, Any]], Decision | None]
"""Given a pending approval request, return a decision, or None to pause the incident. The request
it sees also holds `choices` (the valid actions and targets, for edits). A decider that asks a
person sets `asks_again = True`: when its answer cannot be recorded it is asked again with the
request plus `problem` (why), instead of the run stopping."""
ASK_LIMIT = 5

EXIT_CODES = {"resolved": 0, "no_action": 0, "awaiting_approval": 3, "unresolved": 4}
RESUMABLE = frozenset({"awaiting_approval", "running", "interrupted"})
"""Statuses `incidents resume` continues: paused for a decision, or stopped by Ctrl-C or a crash."""


@dataclass
class Outcome:
    """Where an incident stands after a run: status, exit code, the report, pending requests."""

    incident_id: str
    status: str
    exit_code: int
    report: IncidentReport | None = None
    report_path: str | None = None
    pending: list[dict[str, Any]] = field(default_factory=list)


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
    """Approval requests the thread is paused on, as (interrupt id, request)."""
    state = session.graph.get_state(config)
    return [(i.id, i.value) for i in state.interrupts
            if isinstance(i.value, dict) and i.value.get("kind") == APPROVAL_REQUEST]


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
                store.save(record)
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
            return record_decision(session, request, decision)
        except ConfigError as exc:
            if not getattr(decider, "asks_again", False) or attempt == ASK_LIMIT - 1:
                raise
            asking = {**asking, "problem": exc.message}
    return None


def _remember_usage(session: IncidentSession) -> None:
    usage = session.budget.usage()
    session.record.model_calls, session.record.tokens = usage.model_calls, usage.tokens
    session.record.wall_seconds = usage.wall_seconds


def action_history(ledger: Any, incident_id: str) -> list[dict[str, Any]]:
    """Every proposal of the incident with its decision and result, from the approval ledger."""
    approvals = {a.id: a for a in ledger.approvals(incident_id)}
    rows = []
    for p in ledger.proposals(incident_id):
        approval = approvals.get(p.approval_id) if p.approval_id else None
        result = approval.result if approval else None
        if p.status in {"approved", "edited"}:
            outcome = ("succeeded" if result.get("ok") else "failed") if result else "not executed"
        else:
            outcome = "not executed"
        rows.append({
            "action": p.final_action or p.action, "target": p.final_target or p.target,
            "risk": approval.risk if approval else p.risk,
            "decision": p.status, "result": outcome, "approver": p.decided_by,
            "reason": p.decision_reason if p.status == "rejected" else None,
            "executed_at": (result or {}).get("executed_at"),
            "proposed_action": p.action if p.status == "edited" else None,
            "proposed_target": p.target if p.status == "edited" else None,
        })
    return rows


def _actions(session: IncidentSession, evidence: list[dict[str, Any]]) -> list[ActionRecord]:
    """Ledger history plus the attempts refused before they could run (by the policy, or at the claim)."""
    rows = [ActionRecord(**row) for row in action_history(session.ctx.ledger, session.record.id)]
    for entry in evidence:
        art = entry["artifact"]
        if entry["tool"] == "execute_remediation" and art.get("decision") == "refused":
            rows.append(ActionRecord(action=str(art.get("action")), target=str(art.get("target")), risk=art.get("risk"),
                                     decision="refused", result=str(art.get("result"))[:300]))
    return rows


def finish(session: IncidentSession, store: IncidentStore, *, stopped: str | None = None,
           exit_code: int | None = None) -> Outcome:
    """Compile, verify, save the report and the record; return the outcome."""
    record, ctx = session.record, session.ctx
    evidence = ctx.evidence.entries()
    draft = session.draft or fallback_draft(record.alert, evidence, stopped or "no report submitted")
    actions = _actions(session, evidence)
    executed = [a for a in actions if a.result == "succeeded"]
    verification = _verification(session, draft.root_cause.service, executed)
    status = status_for(root_cause=draft.root_cause, actions=actions, verification=verification, pending=False)
    if stopped:
        status = "unresolved"
    follow_ups = complete_follow_ups(draft.follow_ups) if status != "no_action" else draft.follow_ups
    report = IncidentReport(
        incident_id=record.id, status=status, alert=record.alert, created_at=record.created_at,
        finished_at=datetime.now(UTC).isoformat(), title=draft.title, summary=draft.summary, impact=draft.impact,
        root_cause=draft.root_cause, timeline=draft.timeline, actions=actions, verification=verification,
        agent_verification=draft.verification, follow_ups=follow_ups,
        communications=draft.communications, suspicious_inputs=_suspicious(evidence),
        partial=session.draft is None or stopped is not None, stopped_reason=stopped,
        model_calls=session.budget.usage().model_calls, models={k: v.model for k, v in session.choices.items()},
    )
    path = save_report(report, session.dir)
    record.status, record.report_path = status, str(path)
    record.root_cause = report.root_cause.model_dump()
    store.save(record)
    code = exit_code if exit_code is not None else EXIT_CODES[status]
    return Outcome(record.id, status, code, report=report, report_path=str(path))


def _verification(session: IncidentSession, cause_service: str | None, executed: list[ActionRecord]) -> Verification:
    if not executed:
        return Verification(recovered=None, detail="no action was executed")
    times = [datetime.fromisoformat(a.executed_at) for a in executed if a.executed_at]
    since = max(times) if times else session.ctx.now()
    alert_time = datetime.fromisoformat(session.record.alert_time) if session.record.alert_time else since
    services = [a.target for a in executed] + [cause_service or "", *alerted_services(session)]
    return verify_recovery(session.ctx.env, services, alert_time=alert_time, since=since)


def alerted_services(session: IncidentSession) -> list[str]:
    """The services the alert is about: the one given with it, or those its text names."""
    if session.record.service:
        return [session.record.service]
    text = session.record.alert
    return [s.name for s in session.ctx.env.inventory.services() if s.name in text]


def _suspicious(evidence: list[dict[str, Any]]) -> list[str]:
    """Instruction-like log lines the log tools flagged, first 20, without repeats."""
    found = [line for e in evidence if e["tool"] == "fetch_logs" for line in e["artifact"].get("suspicious", [])]
    return list(dict.fromkeys(found))[:20]
