"""The audit trail: an append-only, keyed hash chain in one JSONL file per state folder.

Each line is canonical JSON `{"seq", "ts", "kind", "incident_id", ...fields, "alg", "prev", "hash"}`
where `hash` is an HMAC-SHA256 with the state folder's key over the line without `hash`, and `prev`
is the previous line's hash (see `audit_chain`). A keyed head file (`<name>.head`) records the last
seq and hash, so cutting lines off the end, or deleting the trail, is detected too. Appends take an
exclusive `flock` on the file, so several processes can append at once. Every entry is redacted
before it is written.

An append never hides damage: when the head says the trail was cut, it first writes a `trail_cut`
entry saying so (which `verify` reports); when the trail ends with entries from before keyed chains,
it first writes an `audit_upgraded` entry, which pins them. `verify` is in `audit_verify`, `repair`
(torn lines from a crash) in `audit_repair`, the cross-checks with the ledger and the incident index
in `audit_check`.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from aiops.core.private import open_private, private_dir, write_private_text
from aiops.safety.audit_chain import (
    ALG,
    EXECUTION_KINDS,
    GENESIS,
    audit_key,
    entry_hash,
    entry_mac,
    genuine,
    head_mac,
    head_path,
    is_entry,
    is_keyed,
    iter_entries,
    read_head,
    tail_problem,
)
from aiops.safety.jsonable import canonical_json
from aiops.safety.redaction import Redactor

__all__ = [
    "AUDIT_KINDS",
    "GENESIS",
    "RESERVED",
    "AuditLog",
    "AuditVerification",
    "entry_hash",
    "entry_mac",
    "iter_entries",
    "read_entries",
    "verify",
]

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
    "audit_upgraded",
    "trail_cut",
    "ledger_upgraded",
)
"""The standard kinds; `append` accepts any lower-case snake_case kind."""
RESERVED = frozenset({"seq", "ts", "kind", "incident_id", "alg", "prev", "hash"})
_KIND = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_TAIL = 65536


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
            if is_entry(entry):
                return entry
        if start == 0:
            return None
        chunk *= 4


class AuditLog:
    """Appends redacted, keyed, chained entries to `path`. One instance per state folder or per incident;
    instances over the same file (in any process) append safely. `key` is the chain key; by default
    it is derived from the `secret.key` next to the trail (created when missing)."""

    def __init__(
        self,
        path: Path,
        redactor: Redactor | None = None,
        clock: Callable[[], datetime] | None = None,
        *,
        key: bytes | None = None,
    ) -> None:
        self.path = path
        self.head_path = head_path(path)
        self._redactor = redactor or Redactor()
        self._clock = clock or (lambda: datetime.now(UTC))
        self._lock = threading.Lock()
        self._key = key

    @property
    def key(self) -> bytes:
        """The chain key (loaded on first use)."""
        if self._key is None:
            from aiops.safety.secret import load_or_create_secret

            self._key = audit_key(load_or_create_secret(self.path.parent))
        return self._key

    def append(self, kind: str, *, incident_id: str | None = None, **fields: Any) -> dict[str, Any]:
        """Write one entry and return it as written. `fields` must not use the reserved names."""
        if not _KIND.match(kind):
            raise ValueError(f"audit kind must be lower-case snake_case, got {kind!r}")
        clash = RESERVED & fields.keys()
        if clash:
            raise ValueError(f"reserved audit field names: {sorted(clash)}")
        body = self._redactor.value(fields)
        incident = self._redactor.text(str(incident_id)) if incident_id is not None else None
        key = self.key
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
                head = read_head(self.path)
                if (cut := tail_problem(last, head, key)) is not None:
                    last = self._write(handle, last, "trail_cut", incident=None, body=self._cut_fields(last, head, cut),
                                       torn=torn)
                    torn = False
                if last is not None and not is_keyed(last):
                    note = {"legacy_entries": last["seq"],
                            "note": "the entries before this one were chained without a key; this entry pins them"}
                    last = self._write(handle, last, "audit_upgraded", incident=None, body=note, torn=torn)
                    torn = False
                entry = self._write(handle, last, kind, incident=incident, body=body, torn=torn)
                handle.flush()
                os.fsync(handle.fileno())
                self._write_head(entry)
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return entry

    @staticmethod
    def _cut_fields(last: dict[str, Any] | None, head: Any, problem: str) -> dict[str, Any]:
        return {"problem": problem, "last_seq": last["seq"] if last else 0,
                "head_seq": getattr(head, "seq", None), "head_hash": getattr(head, "hash", None)}

    def _write(self, handle: IO[bytes], last: dict[str, Any] | None, kind: str, *, incident: str | None,
               body: dict[str, Any], torn: bool) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "seq": (last["seq"] + 1) if last else 1,
            "ts": self._clock().isoformat(),
            "kind": kind,
            "incident_id": incident,
            **body,
            "alg": ALG,
            "prev": last["hash"] if last else GENESIS,
        }
        entry["hash"] = entry_mac(entry, self.key)
        handle.write((b"\n" if torn else b"") + canonical_json(entry).encode("utf-8") + b"\n")
        return entry

    def _write_head(self, entry: dict[str, Any]) -> None:
        tmp = self.head_path.with_name(f"{self.head_path.name}.{os.getpid()}.tmp")
        head = {"seq": entry["seq"], "hash": entry["hash"], "alg": ALG,
                "mac": head_mac(entry["seq"], entry["hash"], self.key)}
        write_private_text(tmp, json.dumps(head))
        tmp.replace(self.head_path)

    def head(self) -> tuple[int, str] | None:
        """`(seq, hash)` of the last entry, or None for an empty log: anchor it elsewhere (a report,
        a ticket) to detect a later rewrite of the whole file."""
        if not self.path.exists():
            return None
        with self.path.open("rb") as handle:
            last = _last_entry(handle)
        return (last["seq"], last["hash"]) if last else None

    def tail_problem(self) -> str | None:
        """Why the trail's end disagrees with its keyed head file (cut, head rewritten or deleted), or None."""
        last = None
        if self.path.exists():
            with self.path.open("rb") as handle:
                last = _last_entry(handle)
        return tail_problem(last, read_head(self.path), self.key)

    def executed_seq(self, approval_id: str) -> int | None:
        """The seq of the first `execution_started` or `execution_result` of `approval_id` whose hash
        verifies, or None: an approval the trail shows as used."""
        return self._first_seq(approval_id, EXECUTION_KINDS)

    def decided_seq(self, approval_id: str) -> int | None:
        """The seq of the genuine `decision` line that granted `approval_id`, or None: an approval the
        trail does not know was never granted as far as the trail can tell (it was cut or deleted)."""
        return self._first_seq(approval_id, ("decision",))

    def _first_seq(self, approval_id: str, kinds: tuple[str, ...]) -> int | None:
        for _, entry, _ in iter_entries(self.path):
            if (entry is not None and is_entry(entry) and entry.get("approval_id") == approval_id
                    and entry.get("kind") in kinds and self._genuine(entry)):
                return int(entry["seq"])
        return None

    def has_kind(self, kind: str) -> int | None:
        """The seq of the first genuine entry of `kind`, or None."""
        for _, entry, _ in iter_entries(self.path):
            if entry is not None and is_entry(entry) and entry.get("kind") == kind and self._genuine(entry):
                return int(entry["seq"])
        return None

    def _genuine(self, entry: dict[str, Any]) -> bool:
        return genuine(entry, self.key)


def read_entries(path: Path, incident_id: str | None = None) -> list[dict[str, Any]]:
    """The parseable entries of an audit file, optionally of one incident, in file order."""
    return [
        entry
        for _, entry, _ in iter_entries(path)
        if entry is not None and (incident_id is None or entry.get("incident_id") == incident_id)
    ]


from aiops.safety.audit_verify import AuditVerification, verify  # noqa: E402 - re-exported
