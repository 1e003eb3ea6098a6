"""A person's decision on a paused remediation, from the API, the page or Slack: recorded through
the runtime (`pending_requests`, `record_decision`: validated against the policy, bound, single use,
expiring, audited), under the incident's lock; then the incident is queued to continue.

Nothing here approves anything itself: the approver's identity comes from the caller's token,
session or mapped Slack user, and the runtime and ledger decide whether that person may approve.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiops.core.errors import ConfigError
from aiops.runtime.decisions import Decision
from aiops.runtime.home import StateHome
from aiops.runtime.state import incident_lock, open_index
from aiops.runtime.store import IncidentStore
from aiops.server.events import EventLog, EventRecorder
from aiops.server.jobqueue import WorkQueue


class DecisionError(Exception):
    """The decision was not recorded; `status` is the HTTP status that says why."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True, slots=True)
class Recorded:
    """A decision on record (never the approval's token)."""

    incident_id: str
    proposal_id: str
    decision: str
    approver: str
    action: str
    target: str
    approval_id: str | None = None


def decide(home: StateHome, log: EventLog, queue: WorkQueue, incident_id: str, decision: Decision, *,
           proposal_id: str | None = None, via: str = "api") -> Recorded:
    """Record `decision` on the incident's pending proposal (or `proposal_id`), then queue the incident."""
    store = open_index(home)
    try:
        record = store.get(incident_id)
    except ConfigError as exc:
        raise DecisionError(404, exc.message) from None
    if record.id != incident_id:
        raise DecisionError(404, f"no incident {incident_id!r}")
    try:
        with incident_lock(home, incident_id):
            done = _decide_locked(home, store, log, incident_id, decision, proposal_id=proposal_id, via=via)
    except ConfigError as exc:
        if "another process" in exc.message:
            raise DecisionError(409, "the incident is being worked on right now; try again in a moment") from None
        raise
    queue.submit(incident_id, force=True)
    return done


def _decide_locked(home: StateHome, store: IncidentStore, log: EventLog, incident_id: str, decision: Decision, *,
                   proposal_id: str | None, via: str) -> Recorded:
    from aiops.runtime.runner import pending_requests, record_decision, recorded_decision
    from aiops.runtime.session import open_session
    from aiops.safety.errors import ApprovalError, ApprovalNotSeniorError

    record = store.get(incident_id)
    if record.status != "awaiting_approval":
        raise DecisionError(409, f"incident {incident_id} is not waiting for a decision (status: {record.status})")
    session = open_session(record, home)
    try:
        pending = [r for _, r in pending_requests(session, {"configurable": {"thread_id": incident_id}})]
        open_ones = [r for r in pending if recorded_decision(session, r) is None]
        if proposal_id is not None:
            open_ones = [r for r in open_ones if r.get("proposal_id") == proposal_id]
        if not open_ones:
            raise DecisionError(409, "no proposal of this incident is waiting for a decision"
                                  + (f" with id {proposal_id}" if proposal_id else ""))
        if len(open_ones) > 1:
            ids = ", ".join(str(r.get("proposal_id")) for r in open_ones)
            raise DecisionError(409, f"several proposals wait ({ids}); name one as proposal_id")
        request = open_ones[0]
        try:
            value = record_decision(session, request, decision)
        except ConfigError as exc:
            status = 403 if "senior" in exc.message else 422
            raise DecisionError(status, exc.message) from None
        except ApprovalNotSeniorError as exc:
            raise DecisionError(403, str(exc)) from None
        except ApprovalError as exc:
            raise DecisionError(409, str(exc)) from None
        tree = EventRecorder(session.team.orchestrator, log, incident_id)
        tree.decided(request, decision)
        record.notes.pop("pending", None)
        record.notes.setdefault("decisions", []).append({"proposal_id": request["proposal_id"], "via": via,
                                                          "approver": decision.approver, "decision": decision.kind})
        store.save(record)
    finally:
        session.close()
    return Recorded(incident_id=incident_id, proposal_id=str(request["proposal_id"]), decision=decision.kind,
                    approver=decision.approver, action=str(value.get("action") or request.get("action")),
                    target=str(value.get("target") or request.get("target")), approval_id=value.get("approval_id"))


def parse_body(body: dict[str, Any], approver: str) -> tuple[Decision, str | None]:
    """`{"decision": "approve"|"edit"|"reject", "reason", "action", "target", "proposal_id"}` into a
    Decision for `approver`; DecisionError(422) when it cannot be one."""
    kind = body.get("decision")
    if kind not in ("approve", "edit", "reject"):
        raise DecisionError(422, "decision must be approve, edit or reject")
    fields = {k: body.get(k) for k in ("reason", "action", "target", "proposal_id")}
    for key, value in fields.items():
        if value is not None and (not isinstance(value, str) or len(value) > 2000):
            raise DecisionError(422, f"{key} must be a string of at most 2000 characters")
    reason = (fields["reason"] or "").strip() or None
    if kind == "reject" and not reason:
        raise DecisionError(422, "a rejection needs a reason the agents can use")
    action = (fields["action"] or "").strip() or None
    target = (fields["target"] or "").strip() or None
    if kind == "edit" and not (action or target):
        raise DecisionError(422, "an edit names a new action or target")
    if kind != "edit" and (action or target):
        raise DecisionError(422, "action and target are for edits; use decision: edit")
    return Decision(kind, approver, reason=reason, action=action, target=target), fields["proposal_id"]
