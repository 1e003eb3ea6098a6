"""Storage of the approval ledger: the SQLite schema, transactions and the row types."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from aiops.core.private import private_dir, private_file

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


def proposal_from_row(row: sqlite3.Row) -> Proposal:
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


def approval_from_row(row: sqlite3.Row, *, resumed: bool = False) -> Approval:
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


class Store:
    """Opens a fresh connection per transaction, so one instance is safe across threads, and
    `BEGIN IMMEDIATE` serialises writers across processes.

    `prepare(conn, fresh)` runs in the transaction that creates the schema (`fresh`: the tables did
    not exist before), so a new ledger and its format record appear together."""

    def __init__(self, path: Path, prepare: Callable[[sqlite3.Connection, bool], object] | None = None) -> None:
        self.path = path
        if not path.parent.exists():
            private_dir(path.parent)
        private_file(path)  # 0600 before SQLite opens it: its journal files get the same mode
        with self.transaction() as conn:
            fresh = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='approvals'").fetchone() is None
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            self.prepared = prepare(conn, fresh) if prepare is not None else None

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 30000")
        return conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (`BEGIN IMMEDIATE`): committed on success, rolled back on error."""
        conn = self._connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        finally:
            conn.close()

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A read-only connection (a consistent snapshot per statement)."""
        conn = self._connect()
        try:
            yield conn
        finally:
            conn.close()
