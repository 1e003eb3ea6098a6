"""The service's own state: `server.sqlite` in the state folder (owner-only, WAL).

Tables: `jobs` (the work queue), `events` (every step of every incident, replayable), `episodes`
(alert fingerprints and the incident each firing episode opened), `tokens` (API tokens, hashed),
`nonces` (Slack request signatures seen in the replay window), `cursors` (how far the notifier got).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from aiops.storage.sql import SqliteDatabase, committed

SERVER_DB = "server.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id TEXT NOT NULL,
    state TEXT NOT NULL,
    created_at REAL NOT NULL,
    started_at REAL,
    finished_at REAL,
    worker TEXT,
    attempts INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX IF NOT EXISTS jobs_one_queued ON jobs(incident_id) WHERE state = 'queued';
CREATE INDEX IF NOT EXISTS jobs_state ON jobs(state, id);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_incident ON events(incident_id, id);
CREATE TABLE IF NOT EXISTS episodes (
    fingerprint TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    incident_id TEXT NOT NULL,
    PRIMARY KEY (fingerprint, starts_at)
);
CREATE TABLE IF NOT EXISTS tokens (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    digest TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT,
    last_used_at TEXT
);
CREATE TABLE IF NOT EXISTS nonces (
    signature TEXT PRIMARY KEY,
    seen_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS cursors (
    name TEXT PRIMARY KEY,
    position INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id TEXT NOT NULL,
    seconds REAL NOT NULL,
    status TEXT NOT NULL,
    model_calls INTEGER NOT NULL,
    tokens INTEGER NOT NULL,
    at REAL NOT NULL
);
"""


class ServerDB:
    """Connections to `server.sqlite`, one per thread and reused (intake stays fast); safe across
    threads and processes (WAL, a 30 s busy timeout, short transactions)."""

    def __init__(self, root: Path, database: Any = None) -> None:
        self.path = root / SERVER_DB
        self.pg = database
        """The PostgreSQL state database (`runtime.state.database`), shared by every node, or None."""
        if database is not None:
            return
        self._sqlite = SqliteDatabase(self.path, _SCHEMA, wal=True, durable=False)

    @contextmanager
    def connect(self, *, immediate: bool = False) -> Iterator[Any]:
        """This thread's connection inside one transaction (`immediate` takes the write lock at once:
        on PostgreSQL an advisory lock every node's service writes share)."""
        if self.pg is not None:
            with self.pg.transaction(lock="service" if immediate else None) as conn:
                yield conn
            return
        with self._sqlite.connection() as conn, committed(conn, immediate=immediate):
            yield conn
