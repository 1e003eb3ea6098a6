"""The page for people, served by the same process: server-rendered (Jinja2), with htmx (vendored,
no CDN) for partial refreshes and a small script that follows the live investigation (SSE).
Forms work without JavaScript; every form carries the session's CSRF token."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from aiops.core.termtext import safe_text
from aiops.server.advance import FINAL
from aiops.server.api import confirm, get_record, svc
from aiops.server.auth import check_csrf, csrf_token, describe, login
from aiops.server.decide import DecisionError, decide, parse_body
from aiops.server.metrics import STATUSES
from aiops.server.views import incident_json, summary_json

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
PAGE = 25


def _render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    service = svc(request)
    who = service.auth.identify(request)
    base = {"who": describe(who), "csrf": csrf_token(request), "auth_enabled": service.auth.enabled}
    return templates.TemplateResponse(request, name, {**base, **context}, status_code=status_code)


def _viewer(request: Request) -> Any:
    """The logged-in person, or a redirect to the login page."""
    service = svc(request)
    try:
        return service.auth.require(request, "viewer")
    except HTTPException as exc:
        if exc.status_code == 401:
            raise _LoginNeeded(request.url.path) from None
        raise


class _LoginNeeded(HTTPException):
    def __init__(self, path: str) -> None:
        super().__init__(303, "log in", headers={"Location": f"/login?next={quote(path)}"})


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/incidents", status_code=303)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/incidents") -> HTMLResponse:
    return _render(request, "login.html", next=_local(next), problem=None)


@router.post("/login")
async def login_post(request: Request) -> Response:
    form = await request.form()
    check_csrf(request, str(form.get("csrf_token") or ""))
    info = login(request, svc(request).tokens, str(form.get("token") or ""))
    if info is None:
        return _render(request, "login.html", status_code=401, next=_local(str(form.get("next") or "/")),
                       problem="that token is not valid (or was revoked)")
    return RedirectResponse(_local(str(form.get("next") or "/incidents")), status_code=303)


@router.post("/logout")
async def logout(request: Request) -> RedirectResponse:
    form = await request.form()
    check_csrf(request, str(form.get("csrf_token") or ""))
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


def _local(path: str) -> str:
    """Only redirect within this site."""
    return path if path.startswith("/") and not path.startswith("//") and "\\" not in path else "/incidents"


@router.get("/incidents", response_class=HTMLResponse)
def incident_list(request: Request, status: str | None = None, page: int = 0, partial: bool = False) -> HTMLResponse:
    _viewer(request)
    service = svc(request)
    status = status if status in STATUSES else None
    page = max(0, page)
    records = service.store.list(status=status, limit=PAGE, offset=page * PAGE)
    total = service.store.count(status=status)
    context = {"incidents": [summary_json(r) for r in records], "status": status, "statuses": STATUSES,
               "page": page, "pages": max(1, -(-total // PAGE)), "total": total}
    return _render(request, "_rows.html" if partial else "list.html", **context)


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident_page(request: Request, incident_id: str, partial: bool = False, problem: str | None = None,
                  done: str | None = None) -> HTMLResponse:
    who = _viewer(request)
    service = svc(request)
    record = get_record(service, incident_id)
    data = incident_json(record, service.ledger)
    diagnosis = service.events.last(record.id, "diagnosis")
    report = None
    if data["report_available"]:
        report = safe_text(Path(str(record.report_path)).read_text(encoding="utf-8"))
    senior = _senior(record)
    context = {"i": data, "diagnosis": diagnosis, "report": report, "can_decide": who.allows("approver"),
               "is_senior": who.name in senior, "problem": problem, "done": done,
               "label": record.notes.get("label"), "finished": record.status in FINAL}
    return _render(request, "_panel.html" if partial else "incident.html", **context)


def _senior(record: Any) -> list[str]:
    """The team policy's senior approvers (to say on the page whether you are one)."""
    try:
        from aiops.team import load_team

        return list(load_team(Path(record.team_dir)).spec.policy.senior_approvers)
    except Exception:
        return []


async def _approver_form(request: Request, incident_id: str) -> tuple[Any, Any, Any]:
    """(form, service, who) of a form post by an approver about an existing incident, CSRF checked."""
    form = await request.form()
    request.state.csrf_form = str(form.get("csrf_token") or "")
    check_csrf(request, request.state.csrf_form)
    service = svc(request)
    who = service.auth.require(request, "approver")
    get_record(service, incident_id)
    return form, service, who


@router.post("/incidents/{incident_id}/label")
async def label_form(request: Request, incident_id: str) -> Response:
    """The "what really happened" form: recorded for the logged-in approver, then back to the page."""
    form, service, who = await _approver_form(request, incident_id)
    body = {k: str(v).strip() for k, v in form.items() if k in ("root_cause", "service", "fix", "note")}
    try:
        await run_in_threadpool(confirm, service, incident_id, body, who.name)
    except HTTPException as exc:
        return RedirectResponse(f"/incidents/{incident_id}?problem={quote(str(exc.detail)[:300])}", status_code=303)
    return RedirectResponse(f"/incidents/{incident_id}?done=label", status_code=303)


@router.post("/incidents/{incident_id}/decision")
async def decision_form(request: Request, incident_id: str) -> Response:
    """The approve / edit / reject forms: recorded for the logged-in approver, then back to the page."""
    form, service, who = await _approver_form(request, incident_id)
    body = {k: str(v) for k, v in form.items() if k in ("decision", "reason", "action", "target", "proposal_id")
            and str(v).strip()}
    try:
        decision, proposal = parse_body(body, who.name)
        await run_in_threadpool(decide, service.home, service.events, service.queue, incident_id, decision,
                                proposal_id=proposal, via="web")
    except DecisionError as exc:
        return RedirectResponse(f"/incidents/{incident_id}?problem={quote(exc.message[:300])}", status_code=303)
    return RedirectResponse(f"/incidents/{incident_id}?done={quote(decision.kind)}", status_code=303)
