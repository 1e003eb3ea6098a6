"""The JSON API, versioned under `/api/v1`, plus `/healthz`, `/readyz` and `/metrics`."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from aiops.core.errors import ConfigError
from aiops.core.termtext import safe_text
from aiops.runtime.store import IncidentRecord
from aiops.server.advance import FINAL
from aiops.server.decide import DecisionError, decide, parse_body
from aiops.server.jobqueue import QueueFullError
from aiops.server.service import Service
from aiops.server.views import incident_json, summary_json

router = APIRouter()
V1 = "/api/v1"
MAX_BODY = 1_000_000
KEEPALIVE_SECONDS = 15.0


def svc(request: Request) -> Service:
    return request.app.state.svc  # type: ignore[no-any-return]


def get_record(service: Service, incident_id: str) -> IncidentRecord:
    """The incident with exactly this id, or 404."""
    try:
        record = service.store.get(incident_id)
    except ConfigError:
        record = None
    if record is None or record.id != incident_id:
        raise HTTPException(404, f"no incident {incident_id[:80]!r}")
    return record


def too_busy(exc: QueueFullError, handled: list[dict[str, Any]] | None = None) -> JSONResponse:
    """429 with Retry-After: intake never waits for a worker."""
    body: dict[str, Any] = {"detail": str(exc), "queue_depth": exc.depth}
    if handled is not None:
        body["handled"] = handled
    return JSONResponse(body, status_code=429, headers={"Retry-After": str(exc.retry_after)})


async def json_body(request: Request) -> dict[str, Any]:
    """A JSON object body (Content-Type application/json), at most 1 MB; 415/413/400 otherwise."""
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise HTTPException(415, "send JSON with Content-Type: application/json")
    raw = await request.body()
    if len(raw) > MAX_BODY:
        raise HTTPException(413, "the body is larger than 1 MB")
    try:
        data = json.loads(raw)
    except ValueError as exc:
        raise HTTPException(400, f"not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise HTTPException(400, "the body must be a JSON object")
    return data


@router.get("/healthz")
def healthz() -> dict[str, bool]:
    """The process answers."""
    return {"ok": True}


@router.get("/readyz")
def readyz(request: Request) -> JSONResponse:
    """Ready: the state folder answers, workers are alive, and the server is not stopping."""
    service = svc(request)
    problems = []
    try:
        depth = service.queue.depth()
    except Exception as exc:
        problems.append(f"state folder: {exc}")
        depth = None
    if service.start_workers and service.pool.alive() == 0:
        problems.append("no worker is alive")
    if service.stopping:
        problems.append("shutting down")
    body = {"ready": not problems, "problems": problems, "queue_depth": depth, "workers": service.pool.alive()}
    return JSONResponse(body, status_code=200 if not problems else 503)


@router.get("/metrics")
def metrics(request: Request) -> Response:
    """Prometheus text format (a viewer token when authentication is on)."""
    from aiops.server.metrics import render

    service = svc(request)
    service.auth.require(request, "viewer")
    return Response(render(service.registry), media_type="text/plain; version=0.0.4; charset=utf-8")


@router.post(f"{V1}/alerts/alertmanager")
async def alertmanager(request: Request) -> JSONResponse:
    """Alertmanager webhook (v4): each firing alert opens or joins an incident by fingerprint, each
    resolved alert is recorded on its incident. 429 with Retry-After when the queue is full."""
    from aiops.intake import parse_alertmanager

    service = svc(request)
    service.auth.require(request, "viewer")
    raw = await request.body()
    if len(raw) > MAX_BODY * 16:
        raise HTTPException(413, "the payload is larger than 16 MB")
    try:
        alerts = parse_alertmanager(raw, include_resolved=True, source="webhook payload")
    except ConfigError as exc:
        raise HTTPException(400, str(exc)) from None
    source = service.source_for(None)
    try:
        done = await run_in_threadpool(service.intake.alertmanager, alerts, source)
    except QueueFullError as exc:
        handled = [_opened(o) for o in getattr(exc, "handled", [])]
        return too_busy(exc, handled)
    return JSONResponse({"incidents": [_opened(o) for o in done]})


def _opened(o: Any) -> dict[str, Any]:
    return {"outcome": o.outcome, "incident_id": o.incident_id, "fingerprint": o.fingerprint}


@router.post(f"{V1}/incidents", status_code=202)
async def open_incident(request: Request) -> JSONResponse:
    """Open an incident from a typed alert: `{"alert": TEXT, "service": NAME?, "env": NAME?}`."""
    service = svc(request)
    who = service.auth.require(request, "viewer")
    body = await json_body(request)
    alert, name, env = body.get("alert"), body.get("service"), body.get("env")
    if not isinstance(alert, str) or not alert.strip():
        raise HTTPException(422, "alert must be the alert text (a non-empty string)")
    for key, value in (("service", name), ("env", env)):
        if value is not None and (not isinstance(value, str) or not value or len(value) > 200):
            raise HTTPException(422, f"{key} must be a non-empty string")
    try:
        source = service.source_for(env)
    except ConfigError as exc:
        raise HTTPException(422, exc.message) from None
    try:
        record = await run_in_threadpool(service.intake.open, alert, source=source, service=name,
                                         via=f"api:{who.name}")
    except QueueFullError as exc:
        return too_busy(exc)
    return JSONResponse({"incident_id": record.id, "status": record.status,
                         "links": {"self": f"{V1}/incidents/{record.id}",
                                   "events": f"{V1}/incidents/{record.id}/events",
                                   "page": f"/incidents/{record.id}"}}, status_code=202)


@router.get(f"{V1}/incidents")
def list_incidents(request: Request, status: str | None = None, limit: int = Query(50, ge=1, le=500),
                   offset: int = Query(0, ge=0)) -> dict[str, Any]:
    """Incidents, newest first, paged; `status` filters."""
    service = svc(request)
    service.auth.require(request, "viewer")
    records = service.store.list(status=status, limit=limit, offset=offset)
    return {"incidents": [summary_json(r) for r in records], "total": service.store.count(status=status),
            "limit": limit, "offset": offset}


@router.get(f"{V1}/incidents/{{incident_id}}")
def get_incident(request: Request, incident_id: str) -> dict[str, Any]:
    """The `aiops respond --json` contract, plus the pending approval."""
    service = svc(request)
    service.auth.require(request, "viewer")
    return incident_json(get_record(service, incident_id), service.ledger)


@router.get(f"{V1}/incidents/{{incident_id}}/report")
def get_report(request: Request, incident_id: str) -> PlainTextResponse:
    """The Markdown report, once there is one."""
    service = svc(request)
    service.auth.require(request, "viewer")
    record = get_record(service, incident_id)
    if not record.report_path or not Path(record.report_path).is_file():
        raise HTTPException(404, f"incident {record.id} has no report yet (status {record.status})")
    text = safe_text(Path(record.report_path).read_text(encoding="utf-8"))
    return PlainTextResponse(text, media_type="text/markdown; charset=utf-8")


@router.post(f"{V1}/incidents/{{incident_id}}/decision")
async def post_decision(request: Request, incident_id: str) -> JSONResponse:
    """`{"decision": "approve"|"edit"|"reject", "reason"?, "action"?, "target"?, "proposal_id"?}`: recorded
    for the caller (an approver) through the same bound, single-use, expiring approvals as the CLI."""
    service = svc(request)
    who = service.auth.require(request, "approver")
    body = await json_body(request)
    get_record(service, incident_id)
    try:
        decision, proposal = parse_body(body, who.name)
        done = await run_in_threadpool(decide, service.home, service.events, service.queue, incident_id, decision,
                                       proposal_id=proposal, via=f"api:{who.via}")
    except DecisionError as exc:
        raise HTTPException(exc.status, exc.message) from None
    return JSONResponse({"incident_id": done.incident_id, "proposal_id": done.proposal_id, "decision": done.decision,
                         "approver": done.approver, "action": done.action, "target": done.target,
                         "approval_id": done.approval_id, "status": "queued to continue"})


@router.post(f"{V1}/incidents/{{incident_id}}/label")
async def post_label(request: Request, incident_id: str) -> JSONResponse:
    """`{"root_cause", "service"?, "fix"?, "note"?}`: what really happened, confirmed by the caller (an
    approver), as `aiops incidents label`; labelling again replaces the label."""
    service = svc(request)
    who = service.auth.require(request, "approver")
    body = await json_body(request)
    get_record(service, incident_id)
    return JSONResponse(await run_in_threadpool(confirm, service, incident_id, body, who.name))


def confirm(service: Service, incident_id: str, body: dict[str, Any], by: str) -> dict[str, Any]:
    """Record a label from a request body (400 naming the field when it is wrong)."""
    from dataclasses import asdict

    from aiops.runtime.labels import label_incident

    fields = {k: body.get(k) for k in ("root_cause", "service", "fix", "note")}
    for key, value in fields.items():
        if value is not None and (not isinstance(value, str) or len(value) > 2000):
            raise HTTPException(400, f"{key}: text of at most 2000 characters")
    if not fields["root_cause"]:
        raise HTTPException(400, "root_cause: required (a root-cause category, none or other)")
    try:
        label = label_incident(service.home, incident_id, root_cause=str(fields["root_cause"]),
                               service=fields["service"] or None, by=by, fix=fields["fix"] or None,
                               note=fields["note"] or None)
    except ConfigError as exc:
        raise HTTPException(400, str(exc)) from None
    return asdict(label)


@router.get(f"{V1}/incidents/{{incident_id}}/events")
async def events(request: Request, incident_id: str, after: int = Query(0, ge=0)) -> StreamingResponse:
    """Server-Sent Events: every step from the start (or after `Last-Event-ID` / `after`); the stream
    ends with `event: end` once the incident is finished and everything was sent."""
    service = svc(request)
    service.auth.require(request, "viewer")
    get_record(service, incident_id)
    last = request.headers.get("last-event-id", "")
    start = int(last) if last.isdigit() else after
    return StreamingResponse(_stream(request, service, incident_id, start), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


async def _stream(request: Request, service: Service, incident_id: str, last: int) -> AsyncIterator[str]:
    yield "retry: 2000\n\n"
    idle = 0.0
    while not service.stopping:
        batch = await run_in_threadpool(service.events.since, incident_id, last)
        for event in batch:
            last = event["id"]
            yield f"id: {event['id']}\ndata: {json.dumps(event)}\n\n"
        if batch:
            idle = 0.0
            if batch[-1]["kind"] == "result":
                yield "event: end\ndata: {}\n\n"
                return
            continue
        if await request.is_disconnected():
            return
        record = await run_in_threadpool(service.store.get, incident_id)
        if record.status in FINAL and idle >= 2.0:
            yield "event: end\ndata: {}\n\n"
            return
        await asyncio.sleep(0.25)
        idle += 0.25
        if idle % KEEPALIVE_SECONDS < 0.25:
            yield ": keep-alive\n\n"


@router.get(f"{V1}/tokens")
def list_tokens(request: Request) -> dict[str, Any]:
    """The tokens (names, roles, dates; never the tokens): admins only."""
    service = svc(request)
    service.auth.require(request, "admin")
    return {"tokens": [_token(t) for t in service.tokens.list()]}


def _token(t: Any) -> dict[str, Any]:
    return {k: getattr(t, k) for k in ("id", "name", "role", "created_at", "revoked_at", "last_used_at")}


@router.post(f"{V1}/slack/interactions")
async def slack_interactions(request: Request) -> JSONResponse:
    """A Slack app's button press (approve / reject): signed with the app's signing secret, within the
    replay window, never seen before, by a Slack user mapped to an approver."""
    from aiops.runtime.decisions import Decision
    from aiops.server import slack

    service = svc(request)
    secret = service.settings.slack_signing_secret
    if secret is None:
        raise HTTPException(404, "Slack interactivity is not configured (notify.slack.signing_secret_env)")
    raw = await request.body()
    if len(raw) > MAX_BODY:
        raise HTTPException(413, "the body is larger than 1 MB")
    try:
        await run_in_threadpool(slack.verify, service.db, secret, request.headers.get("x-slack-request-timestamp"),
                                request.headers.get("x-slack-signature"), raw, window=service.settings.slack_window)
    except slack.SignatureError as exc:
        raise HTTPException(401, f"not a valid Slack request: {exc}") from None
    try:
        payload = slack.parse_interaction(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise HTTPException(400, f"not a Slack interaction payload: {exc}") from None
    pressed = slack.button(payload)
    if pressed is None:
        return JSONResponse({"text": "nothing to do"})
    kind, incident_id, proposal_id, user = pressed
    approver = service.settings.slack_approvers.get(user)
    if approver is None:
        text = f"<@{user}> is not mapped to an aiops approver (notify.slack.approvers); nothing was recorded"
        _reply(service, payload, text)
        return JSONResponse({"response_type": "ephemeral", "text": text}, status_code=200)
    reason = f"rejected in Slack by {approver}" if kind == "reject" else None
    try:
        done = await run_in_threadpool(decide, service.home, service.events, service.queue, incident_id,
                                       Decision(kind, approver, reason=reason), proposal_id=proposal_id, via="slack")
        text = f"{done.decision} of {done.action} on {done.target} recorded for {approver}"
    except DecisionError as exc:
        text = f"not recorded: {exc.message}"
    _reply(service, payload, text)
    return JSONResponse({"response_type": "ephemeral", "text": text})


def _reply(service: Service, payload: dict[str, Any], text: str) -> None:
    """Tell the person in Slack what happened (through the interaction's response_url, off the request)."""
    import threading

    from aiops.server.notify import post_json

    url = payload.get("response_url")
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        return
    body = json.dumps({"response_type": "ephemeral", "replace_original": False, "text": text}).encode()

    def send() -> None:
        try:
            post_json(url, body, {}, service.settings.notify_timeout)
        except Exception as exc:
            import logging

            logging.getLogger("aiops.notify").warning("Slack response_url failed: %s", exc)

    threading.Thread(target=send, daemon=True).start()
