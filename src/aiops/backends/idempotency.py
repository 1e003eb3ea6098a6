"""Executed-action keys in a small SQLite file under the state folder, so a key never acts twice.

A key is *claimed* before the action runs (a row with no result yet), so two processes racing on
the same approval cannot both act; the first result is stored and replayed afterwards.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import asdict, replace
from pathlib import Path

from aiops.core.types import ActionResult

SCHEMA = """CREATE TABLE IF NOT EXISTS executed (
    key TEXT PRIMARY KEY, action TEXT NOT NULL, target TEXT NOT NULL, result TEXT,
    claimed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"""


class KeyStore:
    """Claims and results per idempotency key (in memory when `path` is None)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._lock = threading.Lock()
        if path is not None:
            from aiops.core.private import private_file

            private_file(path)  # 0600 before SQLite opens it: its journal files get the same mode
        self._conn = sqlite3.connect(
            str(path) if path else ":memory:", check_same_thread=False, isolation_level=None, timeout=10
        )
        self._conn.execute(SCHEMA)

    def claim(self, key: str, action: str, target: str) -> ActionResult | None:
        """Claim `key` for this action. Returns None when the caller may act, else the result to return."""
        with self._lock:
            try:
                self._conn.execute("INSERT INTO executed (key, action, target) VALUES (?, ?, ?)", (key, action, target))
                return None
            except sqlite3.IntegrityError:
                row = self._conn.execute("SELECT action, target, result FROM executed WHERE key = ?", (key,)).fetchone()
        done_action, done_target, result = row
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
        with self._lock:
            return self._conn.execute("SELECT 1 FROM executed WHERE key = ?", (key,)).fetchone() is not None

    def record(self, key: str, result: ActionResult) -> None:
        """Store the first result for a claimed key."""
        data = json.dumps(asdict(result), default=str)
        with self._lock:
            self._conn.execute("UPDATE executed SET result = ? WHERE key = ?", (data, key))

    def close(self) -> None:
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
