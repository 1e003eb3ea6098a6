"""One step of an incident's life in a worker: start it, continue it with the decisions on record,
or pick it up from its last checkpoint after a crash or a restart. Pauses for a person hold no
worker: the job ends, and a decision queues the next one.

This is the runtime's own loop (`runtime.runner.start` / `drive`), with a decider that always pauses:
in service mode people decide through the API, the page or Slack (`server.decide`).
"""

from __future__ import annotations

import time
from typing import Any

from langgraph.types import Command

from aiops.runtime.home import StateHome
from aiops.runtime.pause import pause_announced, pending_notes
from aiops.runtime.state import incident_lock, open_index
from aiops.runtime.store import IncidentRecord, IncidentStore
from aiops.server.events import EventLog, EventRecorder
from aiops.server.jobqueue import worker_name

FINAL = frozenset({"resolved", "unresolved", "no_action", "closed"})
"""Statuses after which nothing more runs."""
WAITING = "queued"
"""Status of an incident opened by the service whose investigation has not started yet."""


def pause(request: dict[str, Any]) -> None:  # noqa: ARG001
    """The service's decider: every approval request pauses the incident for a person."""
    return


def advance(incident_id: str, home: StateHome, log: EventLog) -> str:
    """Advance the incident as far as it goes without a person; returns its status afterwards."""
    store = open_index(home)
    with incident_lock(home, incident_id):
        record = store.get(incident_id)
        if record.status in FINAL:
            return record.status
        return _advance(record, home, store, log)


def _advance(record: IncidentRecord, home: StateHome, store: IncidentStore, log: EventLog) -> str:
    from aiops.runtime.runner import drive, has_checkpoint, pending_requests, proceed, recorded_decision, start
    from aiops.runtime.session import open_session
    from aiops.runtime.transcript import TranscriptWriter

    began, calls, tokens = time.monotonic(), record.model_calls, record.tokens
    session = open_session(record, home)
    try:
        recorder = EventRecorder(session.team.orchestrator, log, record.id)
        callbacks = [recorder, TranscriptWriter(session.dir / "transcript.jsonl")]
        config = {"configurable": {"thread_id": record.id}}
        if record.status == WAITING:
            log.append(record.id, "status", status="running", text="investigation started", worker=worker_name())
            record.status = "running"
            outcome = start(session, store, pause, callbacks)
        elif record.status == "awaiting_approval":
            requests = pending_requests(session, config)
            resume = {iid: value for iid, request in requests
                      if (value := recorded_decision(session, request)) is not None}
            if not resume:  # still waiting for a person (a stop may have come before the pause was shown)
                if not pause_announced(record.notes):
                    _paused([r for _, r in requests], record, store, log)
                return record.status
            log.append(record.id, "status", status="running", text="continuing with the decision on record",
                       worker=worker_name())
            record.status = "running"
            store.save(record)
            outcome = drive(session, store, Command(resume=resume), pause, callbacks)
        else:  # running or interrupted: a worker stopped mid-way; continue from the last checkpoint
            where = "the last checkpoint" if has_checkpoint(session) else "the alert (no checkpoint yet)"
            log.append(record.id, "status", status="running", text=f"continuing from {where} (was {record.status})",
                       worker=worker_name())
            record.status = "running"
            store.save(record)
            outcome = proceed(session, store, None, pause, callbacks)
        _after(outcome, record, store, log, session)
    finally:
        session.close()
        _account(log, record, time.monotonic() - began, calls, tokens)
    return record.status


def _after(outcome: Any, record: IncidentRecord, store: IncidentStore, log: EventLog, session: Any) -> None:
    """Record what the run ended with: the pending approval, or the result and the report."""
    from aiops.runtime.runner import action_history

    if outcome.status == "awaiting_approval":
        _paused(outcome.pending, record, store, log)
        return
    record.notes.pop("pending", None)
    store.save(record)
    report = outcome.report
    cause = report.root_cause if report is not None else None
    actions = [{k: a.get(k) for k in ("action", "target", "risk", "decision", "result", "approver")}
               for a in action_history(session.ctx.ledger, record.id)]
    log.append(record.id, "result", status=outcome.status, report_path=outcome.report_path,
               root_cause={"category": getattr(cause, "category", None), "service": getattr(cause, "service", None),
                           "confidence": getattr(cause, "confidence", None)},
               recovered=report.verification.recovered if report is not None else None, actions=actions,
               text=f"incident {outcome.status}")


def _paused(pending: list[dict[str, Any]], record: IncidentRecord, store: IncidentStore, log: EventLog) -> None:
    """Keep the pending requests (as bound in the ledger) on the record and announce each one."""
    record.notes["pending"] = pending_notes(pending, announced=True)
    store.save(record)
    for request in pending:
        line = (f"|| {request.get('action')} on {request.get('target')} ({request.get('risk')} risk): "
                "waiting for a decision")
        log.append(record.id, "approval", proposal_id=request.get("proposal_id"), action=request.get("action"),
                   target=request.get("target"), risk=request.get("risk"),
                   needs_senior=bool(request.get("needs_senior")), text=line)


def _account(log: EventLog, record: IncidentRecord, seconds: float, calls: int, tokens: int) -> None:
    """One row per run for the metrics: how long, how it ended, the model calls and tokens it used."""
    import time as _time

    with log.db.connect(immediate=True) as conn:
        conn.execute("INSERT INTO runs (incident_id, seconds, status, model_calls, tokens, at) VALUES (?,?,?,?,?,?)",
                     (record.id, seconds, record.status, max(0, record.model_calls - calls),
                      max(0, record.tokens - tokens), _time.time()))
