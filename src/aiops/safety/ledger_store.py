"""Storage of the approval ledger: the SQLite schema (PostgreSQL: `storage.schema_pg`), the database it
opens and the row types."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from aiops.storage.sql import Database, SqliteDatabase

LEDGER_LOCK = "ledger"
"""The advisory lock every ledger write takes on PostgreSQL (SQLite's `BEGIN IMMEDIATE` does the same)."""

SCHEMA = """
CREATE TABLE IF NOT EXISTS proposals (
    id TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    risk TEXT,
    needs_senior INTEGER NOT NULL,
    tool_call_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    agent TEXT,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    decided_at TEXT,
    decided_by TEXT,
    decision_reason TEXT,
    final_action TEXT,
    final_target TEXT,
    approval_id TEXT,
    UNIQUE (incident_id, action, target, tool_call_id)
);
CREATE TABLE IF NOT EXISTS approvals (
    id TEXT PRIMARY KEY,
    proposal_id TEXT NOT NULL,
    incident_id TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    risk TEXT,
    approver TEXT NOT NULL,
    senior INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    digest TEXT NOT NULL,
    seal TEXT,
    state TEXT NOT NULL,
    claimed_at TEXT,
    result TEXT,
    finished_at TEXT
);
CREATE INDEX IF NOT EXISTS proposals_incident ON proposals (incident_id, created_at);
CREATE INDEX IF NOT EXISTS approvals_proposal ON approvals (proposal_id);
"""


@dataclass(frozen=True, slots=True)
class Proposal:
    """An action an agent asked to execute, and the human decision on it.

    `status` is pending, approved, edited (approved with another action or target, kept in
    `final_action` / `final_target`) or rejected. `approval_id` is the latest approval.
    """

    id: str
    incident_id: str
    action: str
    target: str
    risk: str | None
    needs_senior: bool
    tool_call_id: str
    reason: str
    agent: str | None
    status: str
    created_at: datetime
    decided_at: datetime | None = None
    decided_by: str | None = None
    decision_reason: str | None = None
    final_action: str | None = None
    final_target: str | None = None
    approval_id: str | None = None


@dataclass(frozen=True, slots=True)
class Approval:
    """A bound, single-use permission to execute exactly `action` on `target` for `incident_id`.

    `state` is approved (unused), executing (claimed; the action may have started) or done
    (result recorded). `token` is what a human-facing surface hands back to `claim`.
    `resumed` is True when `claim(resume=True)` returned an approval that was already executing.
    """

    id: str
    proposal_id: str
    incident_id: str
    action: str
    target: str
    risk: str | None
    approver: str
    senior: bool
    created_at: datetime
    expires_at: datetime
    digest: str
    state: str
    claimed_at: datetime | None = None
    result: dict[str, Any] | None = None
    finished_at: datetime | None = None
    resumed: bool = False

    @property
    def token(self) -> str:
        """`<approval id>.<digest>`: presenting it proves the holder saw the keyed digest."""
        return f"{self.id}.{self.digest}"


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def proposal_from_row(row: Any) -> Proposal:
    """A `Proposal` from a `proposals` row."""
    return Proposal(
        id=row["id"],
        incident_id=row["incident_id"],
        action=row["action"],
        target=row["target"],
        risk=row["risk"],
        needs_senior=bool(row["needs_senior"]),
        tool_call_id=row["tool_call_id"],
        reason=row["reason"],
        agent=row["agent"],
        status=row["status"],
        created_at=datetime.fromisoformat(row["created_at"]),
        decided_at=_time(row["decided_at"]),
        decided_by=row["decided_by"],
        decision_reason=row["decision_reason"],
        final_action=row["final_action"],
        final_target=row["final_target"],
        approval_id=row["approval_id"],
    )


def approval_from_row(row: Any, *, resumed: bool = False) -> Approval:
    """An `Approval` from an `approvals` row."""
    return Approval(
        id=row["id"],
        proposal_id=row["proposal_id"],
        incident_id=row["incident_id"],
        action=row["action"],
        target=row["target"],
        risk=row["risk"],
        approver=row["approver"],
        senior=bool(row["senior"]),
        created_at=datetime.fromisoformat(row["created_at"]),
        expires_at=datetime.fromisoformat(row["expires_at"]),
        digest=row["digest"],
        state=row["state"],
        claimed_at=_time(row["claimed_at"]),
        result=json.loads(row["result"]) if row["result"] else None,
        finished_at=_time(row["finished_at"]),
        resumed=resumed,
    )


def open_ledger_database(where: Path | Database, prepare: Callable[[Any, bool], object]) -> tuple[Database, object]:
    """The ledger's database: a SQLite file (tables created on open) or PostgreSQL (tables from
    `aiops db upgrade`), and what `prepare(conn, fresh)` returned: it runs in the transaction that opens
    the ledger, where `fresh` says it held nothing before, so a new ledger and its format record appear
    together."""
    if isinstance(where, Path):
        db = SqliteDatabase(where, SCHEMA, prepare=prepare)
        return db, db.prepared
    with where.transaction(lock=LEDGER_LOCK) as conn:
        fresh = (conn.execute("SELECT 1 FROM meta WHERE name='ledger_format'").fetchone() is None
                 and conn.execute("SELECT 1 FROM approvals LIMIT 1").fetchone() is None
                 and conn.execute("SELECT 1 FROM proposals LIMIT 1").fetchone() is None)
        prepared = prepare(conn, fresh)
    return where, prepared
