"""Finishing an incident: the facts only code may state (actions and decisions from the ledger,
verified recovery, flagged inputs, the times on the telemetry clock) joined with the team's draft
into the typed report, saved next to its Markdown."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiops.core.report import ActionRecord, IncidentReport, TimelineEntry, Verification
from aiops.runtime.report import complete_follow_ups, fallback_draft, parse_time, save_report, status_for
from aiops.runtime.session import IncidentSession
from aiops.runtime.store import IncidentStore
from aiops.runtime.verify import verify_recovery

EXIT_CODES = {"resolved": 0, "no_action": 0, "awaiting_approval": 3, "unresolved": 4}


@dataclass
class Outcome:
    """Where an incident stands after a run: status, exit code, the report, pending requests."""

    incident_id: str
    status: str
    exit_code: int
    report: IncidentReport | None = None
    report_path: str | None = None
    pending: list[dict[str, Any]] = field(default_factory=list)


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
    verification = _verification(session, draft.root_cause.service, draft.root_cause.category, executed)
    status = status_for(root_cause=draft.root_cause, actions=actions, verification=verification, pending=False)
    if stopped:
        status = "unresolved"
    false_alarm = status == "no_action"
    root_cause = draft.root_cause.model_copy(update={"evidence": list(dict.fromkeys(draft.root_cause.evidence))})
    timeline = _timeline(draft.timeline)
    report = IncidentReport(
        incident_id=record.id, status=status, alert=record.alert, created_at=record.created_at,
        finished_at=datetime.now(UTC).isoformat(), alert_time=record.alert_time,
        first_sign_at=_first_sign(timeline, record.alert_time), telemetry_clock=_clock_label(record.source),
        title=draft.title, summary=draft.summary, impact=draft.impact,
        root_cause=root_cause, timeline=timeline, actions=actions, verification=verification,
        agent_verification=draft.verification,
        follow_ups=complete_follow_ups(draft.follow_ups, false_alarm=false_alarm, alert=record.alert),
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


def _clock_label(source: dict[str, Any]) -> str:
    """Which clock the telemetry times are on."""
    if source.get("kind") == "sandbox":
        return "sandbox's simulated telemetry clock"
    return "telemetry clock"


def _timeline(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    """The team's timeline without repeated events, oldest first where the times can be read."""
    unique = {(e.time, e.source, e.event): e for e in entries}
    earliest = datetime.min.replace(tzinfo=UTC)
    return sorted(unique.values(), key=lambda e: (parse_time(e.time) is None, parse_time(e.time) or earliest))


def _first_sign(timeline: list[TimelineEntry], alert_time: str | None) -> str | None:
    """The earliest event of the timeline (on the telemetry clock), when it precedes or is the alert."""
    times = [t for t in (parse_time(e.time) for e in timeline) if t is not None]
    alert = parse_time(alert_time)
    if alert is not None:
        times = [t for t in times if t <= alert] or [alert]
    return min(times).isoformat() if times else None


def _cause_metrics(session: IncidentSession, category: str) -> list[str]:
    """The metrics the diagnostics skill names for recovery from this root-cause category."""
    try:
        modes = session.team.data("failure_modes").get("failure_modes") or {}
    except Exception:  # a team without the file still gets the health check
        return []
    names = [str(m) for spec in modes.values() if isinstance(spec, dict) and spec.get("category") == category
             for m in spec.get("verify") or []]
    return list(dict.fromkeys(names))


def _verification(session: IncidentSession, cause_service: str | None, category: str,
                  executed: list[ActionRecord]) -> Verification:
    if not executed:
        return Verification(recovered=None, detail="no action was executed")
    times = [datetime.fromisoformat(a.executed_at) for a in executed if a.executed_at]
    since = max(times) if times else session.ctx.now()
    alert_time = datetime.fromisoformat(session.record.alert_time) if session.record.alert_time else since
    services = [a.target for a in executed] + [cause_service or "", *alerted_services(session)]
    causes = _cause_metrics(session, category)
    targets = dict.fromkeys(s for s in [cause_service, *(a.target for a in executed)] if s)
    return verify_recovery(session.ctx.env, services, alert_time=alert_time, since=since,
                           cause_metrics=dict.fromkeys(targets, causes))


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
