"""Index of incidents (SQLite in the state folder, or PostgreSQL): what ran, against what, and where it stands."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiops.core.errors import ConfigError
from aiops.storage.sql import Database, SqliteDatabase

_SCHEMA = """
CREATE TABLE IF NOT EXISTS incidents (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    status TEXT NOT NULL,
    alert TEXT NOT NULL,
    service TEXT,
    fingerprint TEXT,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS incidents_fingerprint ON incidents(fingerprint);
"""


@dataclass
class IncidentRecord:
    """One incident. `source` says how to rebuild its environment in another process:
    `{"kind": "sandbox", "scenario": PATH}` or `{"kind": "env", "file": PATH}`."""

    id: str
    alert: str
    status: str
    created_at: str
    updated_at: str
    source: dict[str, Any]
    team_dir: str
    service: str | None = None
    fingerprint: str | None = None
    model_override: str | None = None
    base_url: str | None = None
    alert_time: str | None = None
    models: dict[str, str] = field(default_factory=dict)
    model_calls: int = 0
    tokens: int = 0
    wall_seconds: float = 0.0
    report_path: str | None = None
    root_cause: dict[str, Any] | None = None
    notes: dict[str, Any] = field(default_factory=dict)


class IncidentStore:
    """Create, update, look up and list incidents. Safe for several processes and machines: a SQLite
    file in the state folder (WAL, short writes) or the `incidents` table of the PostgreSQL database."""

    def __init__(self, where: Path | Database) -> None:
        if isinstance(where, Path):
            # not waiting for the disk on commit: the ledger and the audit trail (durable) are what
            # guard actions; a record a power cut rolls back shows an older status, nothing runs twice
            where = SqliteDatabase(where, _SCHEMA, wal=True, durable=False)
        self.db: Database = where
        self.path = where.path if isinstance(where, SqliteDatabase) else None

    @property
    def shown(self) -> str:
        """Where the index lives (a path, or the database URL without its password)."""
        return self.db.shown

    def save(self, record: IncidentRecord) -> None:
        """Insert or replace the record (updated_at is stamped now)."""
        record.updated_at = datetime.now(UTC).isoformat()
        data = json.dumps(asdict(record), sort_keys=True, default=str)
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO incidents (id, created_at, updated_at, status, alert, service, fingerprint, data)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET created_at=excluded.created_at,"
                " updated_at=excluded.updated_at, status=excluded.status, alert=excluded.alert,"
                " service=excluded.service, fingerprint=excluded.fingerprint, data=excluded.data",
                (record.id, record.created_at, record.updated_at, record.status, record.alert, record.service,
                 record.fingerprint, data),
            )

    def get(self, incident_id: str) -> IncidentRecord:
        """The record, or ConfigError (exit 2) naming close matches."""
        with self.db.reading() as conn:
            row = conn.execute("SELECT data FROM incidents WHERE id = ?", (incident_id,)).fetchone()
            if row is None:
                rows = conn.execute("SELECT id FROM incidents WHERE id LIKE ? ORDER BY id",
                                    (f"%{incident_id}%",)).fetchall()
        if row is not None:
            return IncidentRecord(**json.loads(row[0]))
        if len(rows) == 1:
            return self.get(rows[0][0])
        hint = f"; did you mean one of: {', '.join(r[0] for r in rows[:5])}" if rows else "; see `aiops incidents list`"
        where = self.path.parent if self.path is not None else self.db.shown
        raise ConfigError(f"no incident {incident_id!r} in {where}{hint}")

    def by_fingerprint(self, fingerprint: str) -> IncidentRecord | None:
        """The newest incident opened for an alert fingerprint, if any."""
        with self.db.reading() as conn:
            row = conn.execute("SELECT data FROM incidents WHERE fingerprint = ? ORDER BY created_at DESC LIMIT 1",
                               (fingerprint,)).fetchone()
        return IncidentRecord(**json.loads(row[0])) if row else None

    def list(self, *, status: str | None = None, limit: int = 50, offset: int = 0) -> list[IncidentRecord]:
        """Newest first; `offset` skips that many (for paging)."""
        with self.db.reading() as conn:
            if status:
                rows = conn.execute("SELECT data FROM incidents WHERE status = ? ORDER BY created_at DESC, id DESC"
                                    " LIMIT ? OFFSET ?", (status, limit, offset)).fetchall()
            else:
                rows = conn.execute("SELECT data FROM incidents ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                                    (limit, offset)).fetchall()
        return [IncidentRecord(**json.loads(r[0])) for r in rows]

    def count(self, *, status: str | None = None) -> int:
        """How many incidents there are (with `status`, when given)."""
        with self.db.reading() as conn:
            if status:
                return int(conn.execute("SELECT COUNT(*) FROM incidents WHERE status = ?", (status,)).fetchone()[0])
            return int(conn.execute("SELECT COUNT(*) FROM incidents").fetchone()[0])

    def statuses(self) -> list[tuple[str, str]]:
        """`(id, status)` of every incident (for the audit cross-checks)."""
        with self.db.reading() as conn:
            return [(str(r[0]), str(r[1])) for r in conn.execute("SELECT id, status FROM incidents").fetchall()]
