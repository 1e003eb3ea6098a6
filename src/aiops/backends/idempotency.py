"""Executed-action keys (a small SQLite file under the state folder, or the PostgreSQL state database),
so a key never acts twice.

A key is *claimed* before the action runs (a row with no result yet), so two processes racing on
the same approval cannot both act; the first result is stored and replayed afterwards.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import asdict, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiops.core.types import ActionResult
from aiops.storage.sql import Database

SCHEMA = """CREATE TABLE IF NOT EXISTS executed (
    key TEXT PRIMARY KEY, action TEXT NOT NULL, target TEXT NOT NULL, result TEXT,
    claimed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"""
"""The SQLite table; PostgreSQL's is created by `aiops db upgrade` (`storage.schema_pg`)."""


class KeyStore:
    """Claims and results per idempotency key: a SQLite file (in memory when `where` is None) or the
    `executed` table of the PostgreSQL state database, shared by every worker on every machine."""

    def __init__(self, where: Path | Database | None) -> None:
        self.path = where if isinstance(where, Path) else None
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self.db: Database | None = where if where is not None and not isinstance(where, Path) else None
        if self.db is None:
            if self.path is not None:
                from aiops.core.private import private_file

                private_file(self.path)  # 0600 before SQLite opens it: its journal files get the same mode
            self._conn = sqlite3.connect(str(self.path) if self.path else ":memory:", check_same_thread=False,
                                         isolation_level=None, timeout=10)
            self._conn.execute(SCHEMA)

    def _run(self, sql: str, params: tuple[Any, ...]) -> tuple[int, Any]:
        """One statement: `(rowcount, first row)`."""
        if self.db is not None:
            with self.db.transaction() as conn:
                cursor = conn.execute(sql, params)
                return cursor.rowcount, cursor.fetchone() if sql.startswith("SELECT") else None
        assert self._conn is not None
        with self._lock:
            cursor = self._conn.execute(sql, params)
            return cursor.rowcount, cursor.fetchone() if sql.startswith("SELECT") else None

    def claim(self, key: str, action: str, target: str) -> ActionResult | None:
        """Claim `key` for this action. Returns None when the caller may act, else the result to return."""
        stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        inserted, _ = self._run("INSERT INTO executed (key, action, target, claimed_at) VALUES (?, ?, ?, ?)"
                                " ON CONFLICT (key) DO NOTHING", (key, action, target, stamp))
        if inserted == 1:
            return None
        _, row = self._run("SELECT action, target, result FROM executed WHERE key = ?", (key,))
        done_action, done_target, result = row[0], row[1], row[2]
        if (done_action, done_target) != (action, target):
            return ActionResult(
                action,
                target,
                ok=False,
                message=f"key {key!r} was already used for {done_action} on {done_target}; not acting",
                details={"key": key},
            )
        if result is None:
            return ActionResult(
                action,
                target,
                ok=False,
                message=f"key {key!r} is already being executed (or a previous run died mid-way); not acting twice",
                details={"key": key},
            )
        stored = ActionResult(**json.loads(result))
        return replace(stored, details={**stored.details, "replayed": True})

    def has(self, key: str) -> bool:
        """True when `key` was claimed (whether or not its result is recorded)."""
        return self._run("SELECT 1 FROM executed WHERE key = ?", (key,))[1] is not None

    def result(self, key: str) -> dict[str, Any] | None:
        """The recorded result of `key` (None when unclaimed or still running)."""
        row = self._run("SELECT result FROM executed WHERE key = ?", (key,))[1]
        return json.loads(row[0]) if row is not None and row[0] else None

    def record(self, key: str, result: ActionResult) -> None:
        """Store the first result for a claimed key."""
        data = json.dumps(asdict(result), default=str)
        self._run("UPDATE executed SET result = ? WHERE key = ? AND result IS NULL", (data, key))

    def close(self) -> None:
        """Close the SQLite connection (the PostgreSQL pool belongs to the process)."""
        if self._conn is not None:
            self._conn.close()


class IdempotentExecutor:
    """Wraps any executor: dry runs pass through; a keyed run acts at most once per key."""

    def __init__(self, inner: object, store: KeyStore) -> None:
        self.inner = inner
        self.store = store

    def supported_actions(self) -> list[str]:
        return self.inner.supported_actions()  # type: ignore[attr-defined]

    def seen(self, key: str) -> bool:
        """True when this executor (or the one it wraps) already acted on idempotency key `key`."""
        inner = getattr(self.inner, "seen", None)
        return self.store.has(key) or (callable(inner) and bool(inner(key)))

    def execute(self, action: str, target: str, *, dry_run: bool = False, key: str | None = None) -> ActionResult:
        """Run the action (once per key)."""
        if dry_run or key is None:
            return self.inner.execute(action, target, dry_run=dry_run, key=key)  # type: ignore[attr-defined]
        previous = self.store.claim(key, action, target)
        if previous is not None:
            return previous
        try:
            result = self.inner.execute(action, target, dry_run=False, key=key)  # type: ignore[attr-defined]
        except Exception as exc:  # the key is spent either way: record the failure, never act again
            result = ActionResult(
                action,
                target,
                ok=False,
                message=f"executor failed: {str(exc)[:300]}",
                details={"key": key, "error": type(exc).__name__},
            )
        self.store.record(key, result)
        return result

    def check(self) -> str:
        checker = getattr(self.inner, "check", None)
        return checker() if callable(checker) else "ok"

    def close(self) -> None:
        closer = getattr(self.inner, "close", None)
        if callable(closer):
            closer()
        self.store.close()
