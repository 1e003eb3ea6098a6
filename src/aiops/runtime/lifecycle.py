"""Incidents that stop early: marked `interrupted` (resumable) when Ctrl-C, a crash or an
unreachable model server stops the run, and `closed` by a person when nobody will finish them."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import UTC, datetime

from aiops.core.errors import ConfigError
from aiops.runtime.home import StateHome
from aiops.runtime.store import IncidentRecord, IncidentStore

_UNREACHABLE = frozenset({"APIConnectionError", "APITimeoutError", "ConnectError", "ConnectTimeout"})
_REFUSED = frozenset({"AuthenticationError", "PermissionDeniedError"})
_MISSING = frozenset({"NotFoundError"})
_SERVER_ERROR = frozenset({"APIStatusError", "APIResponseValidationError", "OpenAIAPIError", "InternalServerError",
                           "RateLimitError", "ServiceUnavailableError", "OverloadedError"})
_MODEL_CLIENTS = frozenset({"openai", "anthropic", "langchain_openai", "langchain_anthropic", "langchain_ollama",
                            "ollama"})
_HTTP = frozenset({"httpx", "httpx2", "httpcore"})
"""Model clients and the HTTP layer under them: an error raised there while a client reads an answer
means the answer was not what the protocol says (a proxy's HTML page, truncated JSON, wrong types)."""


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
        if names & _SERVER_ERROR:
            return ConfigError(f"{server} answered with an error ({_short(detail)}); check its logs or try again "
                               "later, then resume the incident", path="--base-url" if where else "--model")
    for error in _chain(exc):
        if _raised_in_client(error):
            return ConfigError(f"{server} sent an answer that is not a valid chat completion "
                               f"({type(error).__name__}: {_short(str(error))}); check that --base-url points at "
                               "an OpenAI-compatible /v1 endpoint, then resume the incident",
                               path="--base-url" if where else "--model")
    return None


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _raised_in_client(error: BaseException) -> bool:
    """True when a model client is on the stack and the innermost frame outside the standard library
    belongs to it (or to the HTTP library it reads with)."""
    if not isinstance(error, ValueError | TypeError | KeyError | AttributeError | IndexError):
        return False
    packages: list[str] = []
    tb = error.__traceback__
    while tb is not None:
        package = str(tb.tb_frame.f_globals.get("__name__", "")).partition(".")[0]
        if package and package not in sys.stdlib_module_names:
            packages.append(package)
        tb = tb.tb_next
    return bool(_MODEL_CLIENTS.intersection(packages)) and packages[-1] in _MODEL_CLIENTS | _HTTP


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
