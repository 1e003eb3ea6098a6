"""Repairing an audit trail after a crash: torn lines are set aside, nothing else is ever changed.

A process killed in the middle of an append leaves a partial line; later appends go on after it and
the chain runs on intact across it. `repair` moves such lines (any line that is not a chain entry)
into `<trail>.torn`, with their line numbers, under the trail's append lock. It refuses a trail that
is broken in any other way: that is tampering to investigate, not damage to tidy up.
"""

from __future__ import annotations

import fcntl
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from aiops.core.errors import AiopsError
from aiops.core.private import open_private, write_private_text
from aiops.safety.audit_chain import is_entry
from aiops.safety.audit_verify import verify


class RepairRefusedError(AiopsError):
    """The trail is broken in a way a repair must not hide (exit 1, like a failed verify)."""

    exit_code = 1


@dataclass(frozen=True, slots=True)
class RepairReport:
    """What `repair` did: the line numbers set aside and the file they went to (None: nothing to do)."""

    removed: tuple[int, ...]
    saved_to: Path | None


def _is_entry_line(raw: bytes) -> bool:
    try:
        return is_entry(json.loads(raw))
    except ValueError:
        return False


def repair(path: Path, *, key: bytes | None = None) -> RepairReport:
    """Set the torn lines of the trail at `path` aside; refuse when anything else is wrong."""
    before = verify(path, key=key)
    if before.ok:
        return RepairReport((), None)
    if not before.only_torn:
        raise RepairRefusedError(f"not repaired: {before.reason} (line {before.first_bad_line}); only torn "
                                 "lines from a crash are repaired, a broken chain means the trail was altered")
    saved_to = path.with_name(path.name + ".torn")
    backup = path.with_name(path.name + ".before-repair")
    with open_private(path, "r+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            data = handle.read()
            keep, removed = [], []
            for number, raw in enumerate(data.split(b"\n"), start=1):
                if not raw.strip():
                    continue
                (keep if _is_entry_line(raw) else removed).append((number, raw))
            if not removed:
                return RepairReport((), None)
            write_private_text(backup, data.decode("utf-8", "replace"))
            stamp = datetime.now(UTC).isoformat()
            with open_private(saved_to, "a", encoding="utf-8") as torn:
                for number, raw in removed:
                    torn.write(f"# {stamp} line {number} of {path.name}, set aside by aiops audit repair\n")
                    torn.write(raw.decode("utf-8", "replace") + "\n")
            handle.seek(0)
            handle.truncate()
            handle.write(b"".join(raw + b"\n" for _, raw in keep))
            handle.flush()
            os.fsync(handle.fileno())
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    after = verify(path, key=key)
    if not after.ok:
        raise RepairRefusedError(f"the repair left the trail broken ({after.reason}); the original is in {backup}")
    backup.unlink(missing_ok=True)
    return RepairReport(tuple(number for number, _ in removed), saved_to)
