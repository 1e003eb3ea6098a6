"""The one place that opens the state's stores for a state folder: SQLite files in the folder, or the
PostgreSQL database it is configured with (`StateHome.database`). Every store has one interface for
both; the runtime, the CLI and the service open them here.

On PostgreSQL, opening checks once per process that the schema is current (else: run
`aiops db upgrade`) and that this node's `secret.key` is the one the database was first used with
(approvals and the audit chain are keyed with it, so every node needs the same key).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import TYPE_CHECKING, Any

from aiops.core.errors import ConfigError
from aiops.runtime.home import StateHome
from aiops.runtime.store import IncidentStore

if TYPE_CHECKING:
    from aiops.backends.idempotency import KeyStore
    from aiops.memory import IncidentMemory
    from aiops.safety import ApprovalLedger, AuditLog, Policy, Redactor
    from aiops.safety.audit_pg import PgAuditLog
    from aiops.storage.postgres import PostgresDatabase

_KEY_CHECK = "key_check"
_CHECKED: set[tuple[str, str]] = set()


def database(home: StateHome) -> PostgresDatabase | None:
    """The PostgreSQL state database of `home` (schema and key checked), or None for SQLite."""
    if home.database is None:
        return None
    from aiops.storage.migrations import require_current
    from aiops.storage.postgres import PostgresDatabase

    require_current(home.database)
    db = PostgresDatabase(home.database)
    if (home.database.url.dsn, str(home.root)) not in _CHECKED:
        _check_key(home, db)
        _CHECKED.add((home.database.url.dsn, str(home.root)))
    return db


def _check_key(home: StateHome, db: PostgresDatabase) -> None:
    """The first node to use the database records a keyed check value; every other node's key must match."""
    from aiops.safety.secret import load_or_create_secret

    mine = hmac.new(load_or_create_secret(home.root), b"aiops state database key check", hashlib.sha256).hexdigest()
    with db.transaction() as conn:
        conn.execute("INSERT INTO meta (name, value, seal) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING",
                     (_KEY_CHECK, mine, mine))
        recorded = conn.execute("SELECT value FROM meta WHERE name = ?", (_KEY_CHECK,)).fetchone()[0]
    if not hmac.compare_digest(recorded, mine):
        raise ConfigError(f"this node's key {home.secret} is not the key the state database {db.shown} was first "
                          "used with; approvals and the audit trail are keyed with it, so every node needs the same "
                          "secret.key: copy it (owner-only, mode 0600) from a node that already works")


def shown(home: StateHome) -> str:
    """Where the state lives, as it may be printed."""
    return home.database.shown if home.database is not None else str(home.root)


def open_index(home: StateHome) -> IncidentStore:
    """The incident index."""
    db = database(home)
    return IncidentStore(db if db is not None else home.index)


def open_audit(home: StateHome, redactor: Redactor | None = None,
               clock: Callable[[], datetime] | None = None) -> AuditLog | PgAuditLog:
    """The audit trail (`audit.jsonl`, or the `audit_entries` table)."""
    db = database(home)
    if db is None:
        from aiops.safety import AuditLog

        return AuditLog(home.audit, redactor, clock)
    from aiops.safety.audit_pg import PgAuditLog

    return PgAuditLog(db, home.root, redactor, clock)


def open_ledger(home: StateHome, *, secret: bytes, policy: Policy, audit: Any = None,
                redactor: Redactor | None = None) -> ApprovalLedger:
    """The approvals ledger."""
    from aiops.safety import ApprovalLedger

    db = database(home)
    return ApprovalLedger(db if db is not None else home.approvals, secret=secret, policy=policy, audit=audit,
                          redactor=redactor)


def open_memory(home: StateHome) -> IncidentMemory:
    """Labels and the recall index."""
    from aiops.memory import IncidentMemory

    db = database(home)
    return IncidentMemory(db if db is not None else home.memory)


def open_keys(home: StateHome) -> KeyStore | None:
    """The shared idempotency records on PostgreSQL; None on SQLite (each incident's environment keeps
    its own, in its folder)."""
    from aiops.backends.idempotency import KeyStore

    db = database(home)
    return KeyStore(db) if db is not None else None


def open_checkpointer(home: StateHome) -> tuple[Any, Any]:
    """`(LangGraph checkpointer, its connection)`; close the connection when the incident is done."""
    db = database(home)
    if db is None:
        import sqlite3

        from langgraph.checkpoint.sqlite import SqliteSaver

        from aiops.core.private import private_file

        conn = sqlite3.connect(private_file(home.checkpoints), timeout=30, check_same_thread=False)
        return SqliteSaver(conn), conn
    from langgraph.checkpoint.postgres import PostgresSaver
    from psycopg.rows import dict_row

    from aiops.storage.postgres import connect

    pg = connect(db.config, prepare_threshold=0, row_factory=dict_row)
    return PostgresSaver(pg), pg


@contextmanager
def incident_lock(home: StateHome, incident_id: str) -> Iterator[None]:
    """One process (on any node) drives an incident at a time; ConfigError (exit 2) when another does.
    SQLite: a `flock` in the incident folder. PostgreSQL: a session advisory lock, which the server
    drops when the holder's connection closes (its process died)."""
    db = database(home)
    if db is None:
        from aiops.runtime.lock import incident_lock as file_lock

        with file_lock(home.incident_dir(incident_id)):
            yield
        return
    from aiops.storage.postgres import connect, lock_key

    conn = connect(db.config)
    try:
        if not conn.execute("SELECT pg_try_advisory_lock(%s)", (lock_key(f"incident:{incident_id}"),)).fetchone()[0]:
            raise ConfigError(f"incident {incident_id} is being run by another process (on this or another node)")
        yield
    finally:
        conn.close()


def holder_alive(home: StateHome, incident_id: str) -> bool:
    """True while some process (on any node) drives the incident."""
    if home.database is None:
        from aiops.runtime.lock import holder_alive as file_holder

        return file_holder(home.incident_dir(incident_id))
    try:
        with incident_lock(home, incident_id):
            return False
    except ConfigError:
        return True
