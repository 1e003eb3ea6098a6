"""API tokens: created by `aiops tokens create`, shown once, stored only as a keyed digest.

A token's `name` is the identity recorded on every decision made with it (the approver), and its
role says what it may do: `viewer` reads and opens investigations, `approver` also decides on
remediations, `admin` also lists tokens. High-risk actions additionally need the name to be one of
the team policy's `senior_approvers` (checked by the runtime and the approval ledger, as for the CLI).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from aiops.core.errors import ConfigError
from aiops.safety.secret import derive_key, load_or_create_secret
from aiops.server.db import ServerDB

ROLES = ("viewer", "approver", "admin")
PREFIX = "aiops_"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$")


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """A token as listed (never the token itself)."""

    id: str
    name: str
    role: str
    created_at: str
    revoked_at: str | None = None
    last_used_at: str | None = None

    def allows(self, role: str) -> bool:
        """True when this token's role is `role` or above."""
        return ROLES.index(self.role) >= ROLES.index(role)


class TokenStore:
    """The tokens of one state folder."""

    def __init__(self, db: ServerDB, root: Path) -> None:
        self.db = db
        self._key = derive_key(load_or_create_secret(root), "api-token")

    def _digest(self, token: str) -> str:
        return hmac.new(self._key, token.encode("utf-8"), hashlib.sha256).hexdigest()

    def create(self, name: str, role: str) -> tuple[TokenInfo, str]:
        """A new token for `name` with `role`; returns its record and the token (shown once)."""
        if not _NAME.match(name):
            raise ConfigError("a token name is 1-64 letters, digits or _ . @ - (it is the approver's name)",
                              path="--name")
        if role not in ROLES:
            raise ConfigError(f"role must be one of {', '.join(ROLES)}", path="--role")
        token = PREFIX + secrets.token_urlsafe(32)
        info = TokenInfo(id="tok_" + secrets.token_hex(6), name=name, role=role,
                         created_at=datetime.now(UTC).isoformat(timespec="seconds"))
        with self.db.connect(immediate=True) as conn:
            conn.execute("INSERT INTO tokens (id, name, role, digest, created_at) VALUES (?, ?, ?, ?, ?)",
                         (info.id, name, role, self._digest(token), info.created_at))
        return info, token

    def verify(self, token: str) -> TokenInfo | None:
        """The active token record for `token`, or None."""
        if not token.startswith(PREFIX) or len(token) > 200:
            return None
        digest = self._digest(token)
        with self.db.connect() as conn:
            row = conn.execute("SELECT id, name, role, created_at, revoked_at, last_used_at, digest FROM tokens "
                               "WHERE digest=?", (digest,)).fetchone()
        if row is None or row[4] is not None or not hmac.compare_digest(row[6], digest):
            return None
        return TokenInfo(*row[:6])

    def get(self, token_id: str) -> TokenInfo | None:
        """The active token with that id (a browser session refers to its token by id)."""
        with self.db.connect() as conn:
            row = conn.execute("SELECT id, name, role, created_at, revoked_at, last_used_at FROM tokens "
                               "WHERE id=? AND revoked_at IS NULL", (token_id,)).fetchone()
        return TokenInfo(*row) if row else None

    def list(self) -> list[TokenInfo]:
        """Every token, active and revoked, oldest first."""
        with self.db.connect() as conn:
            rows = conn.execute("SELECT id, name, role, created_at, revoked_at, last_used_at FROM tokens "
                                "ORDER BY created_at, id").fetchall()
        return [TokenInfo(*r) for r in rows]

    def revoke(self, name_or_id: str) -> int:
        """Revoke the active tokens with that id or name; returns how many."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.db.connect(immediate=True) as conn:
            cur = conn.execute("UPDATE tokens SET revoked_at=? WHERE (id=? OR name=?) AND revoked_at IS NULL",
                               (now, name_or_id, name_or_id))
            return cur.rowcount

    def active(self) -> int:
        """How many tokens are active: with none, the server runs without authentication (loopback only)."""
        with self.db.connect() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM tokens WHERE revoked_at IS NULL").fetchone()[0])
