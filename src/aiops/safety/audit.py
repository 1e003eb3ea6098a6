"""The audit trail: an append-only, hash-chained JSONL file per state folder.

Each line is canonical JSON `{"seq", "ts", "kind", "incident_id", ...fields, "prev", "hash"}` where
`hash = sha256(canonical JSON of the line without "hash")` and `prev` is the previous line's hash
(64 zeros for the first), so an edited, removed, reordered or inserted line breaks the chain.
A head file (`<name>.head`) records the last seq and hash, so cutting lines off the end is
detected too unless the head is rewritten as well. Appends take an exclusive `flock` on the file,
so several processes can append at once. Every entry is redacted before it is written.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from aiops.core.private import open_private, private_dir, write_private_text
from aiops.safety.jsonable import canonical_json
from aiops.safety.redaction import Redactor

GENESIS = "0" * 64
AUDIT_KINDS: tuple[str, ...] = (
    "proposal",
    "policy_refusal",
    "decision",
    "approval_refused",
    "execution_started",
    "execution_result",
    "budget_exhausted",
    "suspicious_input",
    "incident_started",
    "incident_finished",
)
"""The standard kinds; `append` accepts any lower-case snake_case kind."""
RESERVED = frozenset({"seq", "ts", "kind", "incident_id", "prev", "hash"})
_KIND = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_TAIL = 65536


def entry_hash(entry: dict[str, Any]) -> str:
    """The chain hash of an entry: sha256 over its canonical JSON without the `hash` field."""
    body = {key: value for key, value in entry.items() if key != "hash"}
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def _last_entry(handle: IO[bytes]) -> dict[str, Any] | None:
    """The last parseable chained entry of the file (scanning back from the end), or None."""
    size = handle.seek(0, os.SEEK_END)
    chunk = _TAIL
    while True:
        start = max(0, size - chunk)
        handle.seek(start)
        lines = handle.read(size - start).split(b"\n")
        if start > 0:
            lines = lines[1:]  # the first piece may be a partial line
        for raw in reversed(lines):
            try:
                entry = json.loads(raw)
            except ValueError:
                continue
            if (
                isinstance(entry, dict)
                and isinstance(entry.get("seq"), int)
                and isinstance(entry.get("hash"), str)
            ):
                return entry
        if start == 0:
            return None
        chunk *= 4


class AuditLog:
    """Appends redacted, chained entries to `path`. One instance per state folder or per incident;
    instances over the same file (in any process) append safely."""

    def __init__(
        self, path: Path, redactor: Redactor | None = None, clock: Callable[[], datetime] | None = None
    ) -> None:
        self.path = path
        self.head_path = path.with_name(path.name + ".head")
        self._redactor = redactor or Redactor()
        self._clock = clock or (lambda: datetime.now(UTC))
        self._lock = threading.Lock()

    def append(self, kind: str, *, incident_id: str | None = None, **fields: Any) -> dict[str, Any]:
        """Write one entry and return it as written. `fields` must not use the reserved names."""
        if not _KIND.match(kind):
            raise ValueError(f"audit kind must be lower-case snake_case, got {kind!r}")
        clash = RESERVED & fields.keys()
        if clash:
            raise ValueError(f"reserved audit field names: {sorted(clash)}")
        body = self._redactor.value(fields)
        incident = self._redactor.text(str(incident_id)) if incident_id is not None else None
        if not self.path.parent.exists():
            private_dir(self.path.parent)
        with self._lock, open_private(self.path, "a+b") as handle:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                last = _last_entry(handle)
                size = handle.seek(0, os.SEEK_END)
                if size:
                    handle.seek(size - 1)
                    torn = handle.read(1) != b"\n"
                else:
                    torn = False
                entry: dict[str, Any] = {
                    "seq": (last["seq"] + 1) if last else 1,
                    "ts": self._clock().isoformat(),
                    "kind": kind,
                    "incident_id": incident,
                    **body,
                    "prev": last["hash"] if last else GENESIS,
                }
                entry["hash"] = entry_hash(entry)
                line = canonical_json(entry).encode("utf-8") + b"\n"
                handle.write((b"\n" if torn else b"") + line)
                handle.flush()
                os.fsync(handle.fileno())
                self._write_head(entry)
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return entry

    def _write_head(self, entry: dict[str, Any]) -> None:
        tmp = self.head_path.with_name(f"{self.head_path.name}.{os.getpid()}.tmp")
        write_private_text(tmp, json.dumps({"seq": entry["seq"], "hash": entry["hash"]}))
        tmp.replace(self.head_path)

    def head(self) -> tuple[int, str] | None:
        """`(seq, hash)` of the last entry, or None for an empty log: anchor it elsewhere (a report,
        a ticket) to detect a later rewrite of the whole file."""
        if not self.path.exists():
            return None
        with self.path.open("rb") as handle:
            last = _last_entry(handle)
        return (last["seq"], last["hash"]) if last else None


def iter_entries(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """`(line number, parsed entry or None, raw text)` for every non-empty line of an audit file."""
    if not path.exists():
        return
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, raw in enumerate(handle, start=1):
            text = raw.rstrip("\n")
            if not text.strip():
                continue
            try:
                entry = json.loads(text)
            except ValueError:
                entry = None
            yield number, entry if isinstance(entry, dict) else None, text


def read_entries(path: Path, incident_id: str | None = None) -> list[dict[str, Any]]:
    """The parseable entries of an audit file, optionally of one incident, in file order."""
    return [
        entry
        for _, entry, _ in iter_entries(path)
        if entry is not None and (incident_id is None or entry.get("incident_id") == incident_id)
    ]


@dataclass(frozen=True, slots=True)
class AuditVerification:
    """The result of `verify`: `lines` counts the non-empty lines; `first_bad_line` is 1-based."""

    ok: bool
    lines: int
    first_bad_line: int | None = None
    reason: str = ""


def _read_head(path: Path) -> tuple[int, str] | str | None:
    head_path = path.with_name(path.name + ".head")
    if not head_path.exists():
        return None
    try:
        head = json.loads(head_path.read_text(encoding="utf-8"))
        return int(head["seq"]), str(head["hash"])
    except (ValueError, KeyError, TypeError):
        return f"unreadable head file {head_path.name}"


def verify(path: Path) -> AuditVerification:
    """Check the whole chain of `path`, and that it agrees with its head file when there is one."""
    head = _read_head(path)
    prev, seq, count, last_line = GENESIS, 0, 0, 0
    for number, entry, _ in iter_entries(path):
        count, last_line = count + 1, number
        problem = _line_problem(entry, prev, seq)
        if problem:
            return AuditVerification(False, count, number, problem)
        assert entry is not None
        prev, seq = entry["hash"], entry["seq"]
        if isinstance(head, tuple) and head[0] == seq and head[1] != prev:
            return AuditVerification(
                False, count, number, f"seq {seq} does not match the hash in the head file"
            )
    if isinstance(head, str):
        return AuditVerification(False, count, last_line + 1, head)
    if head is not None and head[0] > seq:
        return AuditVerification(
            False,
            count,
            last_line + 1,
            f"the log ends at seq {seq} but the head file records seq {head[0]}: "
            "lines were removed from the end",
        )
    return AuditVerification(True, count)


def _line_problem(entry: dict[str, Any] | None, prev: str, seq: int) -> str | None:
    if entry is None:
        return "not a JSON object (edited or torn line)"
    if not isinstance(entry.get("seq"), int) or not isinstance(entry.get("hash"), str):
        return "missing seq or hash"
    if entry["hash"] != entry_hash(entry):
        return f"hash mismatch at seq {entry['seq']}: the line was edited"
    if entry.get("prev") != prev:
        return f"chain broken at seq {entry['seq']}: a line before it was removed, inserted or reordered"
    if entry["seq"] != seq + 1:
        return f"sequence jumps from {seq} to {entry['seq']}: lines were removed or reordered"
    return None
