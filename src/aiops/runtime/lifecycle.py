"""Incidents that stop early: marked `interrupted` (resumable) when Ctrl-C, a crash or an
unreachable model server stops the run, and `closed` by a person when nobody will finish them."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime

from aiops.core.errors import ConfigError
from aiops.runtime.home import StateHome
from aiops.runtime.store import IncidentRecord, IncidentStore

_UNREACHABLE = frozenset({"APIConnectionError", "APITimeoutError", "ConnectError", "ConnectTimeout"})
_REFUSED = frozenset({"AuthenticationError", "PermissionDeniedError"})
_MISSING = frozenset({"NotFoundError"})


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def why_stopped(exc: BaseException) -> str:
    """One line for the record: what stopped the run."""
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted (Ctrl-C)"
    text = f"{type(exc).__name__}: {exc}".strip()
    return text if len(text) <= 300 else text[:299] + "…"


def mark_interrupted(record: IncidentRecord, store: IncidentStore, exc: BaseException) -> None:
    """Save the incident as `interrupted` with the reason, so `incidents resume` continues it."""
    record.status = "interrupted"
    record.notes["interrupted"] = {"at": datetime.now(UTC).isoformat(), "reason": why_stopped(exc)}
    store.save(record)


def model_failure(exc: BaseException, base_url: str | None = None) -> ConfigError | None:
    """A ConfigError (exit 2) the user can act on when `exc` means the model server could not be
    used: unreachable, credentials refused, or no such model. None for anything else."""
    where = base_url or os.environ.get("AIOPS_BASE_URL")
    server = f"the model server at {where}" if where else "the model provider"
    for error in _chain(exc):
        names = {cls.__name__ for cls in type(error).__mro__}
        detail = str(error).strip() or type(error).__name__
        if names & _UNREACHABLE:
            fix = "start it or correct --base-url" if where else "check the network or the provider's status"
            return ConfigError(f"{server} cannot be reached ({detail}); {fix}, then resume the incident",
                               path="--base-url" if where else "--model")
        if names & _REFUSED:
            return ConfigError(f"{server} refused the credentials ({detail}); check the API key variable, "
                               "then resume the incident", path="--model")
        if names & _MISSING:
            return ConfigError(f"{server} does not know the model ({detail}); check the name given to --model, "
                               "then resume the incident", path="--model")
    return None


def close_incident(record: IncidentRecord, home: StateHome, store: IncidentStore, *, approver: str,
                   reason: str) -> str | None:
    """Close an incident nobody will finish (call under its lock): pending proposals are rejected so
    they can never be approved, a partial report is written, and the record says who closed it and
    why. Returns the report path (None when the incident could not be reopened to write one)."""
    from aiops.runtime.runner import RESUMABLE, finish
    from aiops.runtime.session import open_session

    reason = " ".join(reason.split())
    if not reason:
        raise ConfigError("say why the incident is closed: --reason \"duplicate of INC-42\"", path="--reason")
    if record.status not in RESUMABLE:
        raise ConfigError(f"incident {record.id} is already {record.status}; only unfinished incidents are closed")
    previous = record.status
    note = f"closed by {approver}: {reason}"
    path: str | None = None
    try:
        session = open_session(record, home)
    except ConfigError as exc:
        record.notes["close_problem"] = f"no report written: {exc}"
        session = None
    if session is not None:
        try:
            ledger = session.ctx.ledger
            for proposal in ledger.proposals(record.id):
                if proposal.status == "pending":
                    ledger.reject(proposal.id, approver=approver, reason=f"incident closed: {reason}")
            path = finish(session, store, stopped=note).report_path
            session.ctx.audit.append("incident_closed", incident_id=record.id, approver=approver, reason=reason)
        finally:
            session.close()
    record.notes["closed"] = {"at": datetime.now(UTC).isoformat(), "by": approver, "reason": reason,
                              "previous_status": previous}
    record.status = "closed"
    store.save(record)
    return path
