"""Claim leases of the approval ledger: an exclusive `flock` per approval, held by one thread.

`<ledger>.leases/<approval id>.lock` is locked when an approval is claimed and released when its
result is recorded. The kernel drops the lock when the claiming process dies, so a resume gets an
`executing` approval back only when its claimant is gone (see `ApprovalLedger.claim`).
"""

from __future__ import annotations

import fcntl
import os
import threading
from pathlib import Path

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
