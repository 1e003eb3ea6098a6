"""One process drives an incident at a time: an advisory lock file in the incident folder."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from aiops.core.errors import ConfigError
from aiops.core.private import open_private, private_dir

LOCK_FILE = ".lock"


@contextmanager
def incident_lock(folder: Path) -> Iterator[None]:
    """Hold the incident's lock for the block; ConfigError (exit 2) when another process holds it."""
    private_dir(folder)
    handle = open_private(folder / LOCK_FILE, "a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            raise ConfigError(f"incident {folder.name} is being run by another process (pid {holder})") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()


def is_locked(folder: Path) -> bool:
    """True while some process drives the incident."""
    try:
        with incident_lock(folder):
            return False
    except ConfigError:
        return True


def holder_alive(folder: Path) -> bool:
    """True when the process that last held the incident's lock is still alive. Reads the lock file
    only (never takes the lock), so listing incidents cannot get in the way of a run."""
    try:
        pid = int((folder / LOCK_FILE).read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
