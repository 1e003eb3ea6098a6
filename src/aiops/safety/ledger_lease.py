"""Claim leases of the approval ledger: an exclusive lock per approval, held by one thread.

SQLite ledger: `<ledger>.leases/<approval id>.lock` is `flock`ed when an approval is claimed and
released when its result is recorded; the kernel drops the lock when the claiming process dies.
PostgreSQL ledger: a session advisory lock on a connection of its own, which the server drops when
the claiming process (on any machine) dies and its connection closes. Either way a resume gets an
`executing` approval back only when its claimant is gone (see `ApprovalLedger.claim`).
"""

from __future__ import annotations

import fcntl
import os
import threading
from pathlib import Path
from typing import Any

from aiops.core.private import private_dir


class Leases:
    """The leases one ledger instance holds (approval id -> locked fd and owning thread)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._held: dict[str, tuple[int, int]] = {}
        self._lock = threading.Lock()

    def take(self, approval_id: str) -> bool | None:
        """Lock the approval for this thread: True when newly taken, False when this thread already
        holds it (a retry after an abandoned attempt), None when another thread or process does."""
        me = threading.get_ident()
        with self._lock:
            held = self._held.get(approval_id)
            if held is not None:
                return False if held[1] == me else None
            private_dir(self.folder)
            fd = os.open(self.folder / f"{approval_id}.lock", os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                return None
            self._held[approval_id] = (fd, me)
            return True

    def drop(self, approval_id: str) -> None:
        """Release the lease of `approval_id` if this instance holds it."""
        with self._lock:
            held = self._held.pop(approval_id, None)
        if held is not None:
            fcntl.flock(held[0], fcntl.LOCK_UN)
            os.close(held[0])

    def drop_all(self) -> None:
        """Release every lease this instance holds."""
        for approval_id in list(self._held):
            self.drop(approval_id)


class PgLeases:
    """The same leases as PostgreSQL session advisory locks (one dedicated connection per lease)."""

    def __init__(self, db: Any) -> None:
        self.db = db
        self._held: dict[str, tuple[Any, int]] = {}
        self._lock = threading.Lock()

    def take(self, approval_id: str) -> bool | None:
        """True when newly taken, False when this thread already holds it, None when someone else does."""
        from aiops.storage.postgres import connect, lock_key

        me = threading.get_ident()
        with self._lock:
            held = self._held.get(approval_id)
            if held is not None:
                return False if held[1] == me else None
            conn = connect(self.db.config)
            got = conn.execute("SELECT pg_try_advisory_lock(%s)", (lock_key(f"lease:{approval_id}"),)).fetchone()[0]
            if not got:
                conn.close()
                return None
            self._held[approval_id] = (conn, me)
            return True

    def drop(self, approval_id: str) -> None:
        """Release the lease of `approval_id` if this instance holds it (closing its connection)."""
        with self._lock:
            held = self._held.pop(approval_id, None)
        if held is not None:
            held[0].close()

    def drop_all(self) -> None:
        """Release every lease this instance holds."""
        for approval_id in list(self._held):
            self.drop(approval_id)
