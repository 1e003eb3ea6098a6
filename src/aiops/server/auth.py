"""Who is asking, and may they: API tokens (`Authorization: Bearer`), a browser session made by
logging in with a token, CSRF tokens on every form and page request that changes something, and,
without any token configured, a loopback-only server whose one user is the person at the machine.

Rules:
- With tokens configured, every endpoint but `/healthz`, `/readyz`, the login page and the Slack
  endpoint (which has its own signature check) needs a token or a session; roles are
  viewer < approver < admin.
- A request authenticated by the session cookie must carry the session's CSRF token (form field
  `csrf_token` or header `X-CSRF-Token`) when it changes something. A bearer token is never sent by
  a browser on its own, so API calls with one need no CSRF token.
- Without tokens, requests must name a loopback host (`Host:`), which stops DNS rebinding, and
  changes from a browser (any request with a cookie, an `Origin` or a form body) need the CSRF token.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, Request

from aiops.server.config import is_loopback
from aiops.server.tokens import ROLES, TokenInfo, TokenStore

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True, slots=True)
class Identity:
    """The person (or system) behind a request: the name recorded on decisions, and the role."""

    name: str
    role: str
    via: str  # "token", "session" or "local"

    def allows(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


class Auth:
    """Resolves identities for one server."""

    def __init__(self, tokens: TokenStore, *, local_user: str) -> None:
        self.tokens = tokens
        self.local_user = local_user

    @property
    def enabled(self) -> bool:
        """True once any token exists (checked per request: revoking the last one locks the API,
        it never opens it to the network, since the bind address is fixed at start)."""
        return self.tokens.active() > 0

    def identify(self, request: Request) -> Identity | None:
        """The caller, or None when not authenticated."""
        header = request.headers.get("authorization", "")
        if header.lower().startswith("bearer "):
            info = self.tokens.verify(header[7:].strip())
            return _identity(info, "token") if info else None
        token_id = request.session.get("token_id") if "session" in request.scope else None
        if token_id:
            info = self.tokens.get(str(token_id))
            if info is not None:
                return _identity(info, "session")
        if not self.enabled:
            return Identity(self.local_user, "admin", "local")
        return None

    def require(self, request: Request, role: str) -> Identity:
        """The caller with at least `role`; 401 or 403 otherwise; CSRF checked for changes."""
        if not self.enabled and not _loopback_host(request):
            raise HTTPException(403, "this server runs without authentication and answers loopback host names "
                                     "only; create a token with `aiops tokens create` to serve other hosts")
        who = self.identify(request)
        if who is None:
            raise HTTPException(401, "authentication required: send Authorization: Bearer TOKEN "
                                     "(create one with `aiops tokens create`) or log in at /login",
                                headers={"WWW-Authenticate": "Bearer"})
        if request.method not in SAFE_METHODS and needs_csrf(request, who):
            check_csrf(request)
        if not who.allows(role):
            raise HTTPException(403, f"{who.name} has the {who.role} role; this needs {role} or above")
        return who


def _identity(info: TokenInfo, via: str) -> Identity:
    return Identity(info.name, info.role, via)


def _loopback_host(request: Request) -> bool:
    host = request.headers.get("host", "")
    name = host.rsplit(":", 1)[0] if not host.startswith("[") else host.split("]")[0] + "]"
    return is_loopback(name)


def needs_csrf(request: Request, who: Identity) -> bool:
    """Session and local callers from a browser need the CSRF token; bearer-token callers do not."""
    if who.via == "token":
        return False
    if who.via == "session":
        return True
    browserish = bool(request.cookies) or "origin" in request.headers or "sec-fetch-site" in request.headers
    form = request.headers.get("content-type", "").split(";")[0].strip() in (
        "application/x-www-form-urlencoded", "multipart/form-data", "text/plain")
    return browserish or form


def csrf_token(request: Request) -> str:
    """The session's CSRF token (created on first use)."""
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(24)
        request.session["csrf"] = token
    return str(token)


def check_csrf(request: Request, sent: str | None = None) -> None:
    """403 unless the request carries the session's CSRF token."""
    expected = request.session.get("csrf") if "session" in request.scope else None
    given = sent or request.headers.get("x-csrf-token") or getattr(request.state, "csrf_form", None)
    if not expected or not given or not hmac.compare_digest(str(expected), str(given)):
        raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")


def login(request: Request, tokens: TokenStore, token: str) -> TokenInfo | None:
    """Start a browser session for the holder of `token` (a fresh session: no fixation)."""
    info = tokens.verify(token.strip())
    if info is None:
        return None
    request.session.clear()
    request.session.update(token_id=info.id, csrf=secrets.token_urlsafe(24))
    return info


def describe(who: Identity | None) -> dict[str, Any]:
    """For templates: who is logged in."""
    return {"name": who.name, "role": who.role, "via": who.via} if who else {}
