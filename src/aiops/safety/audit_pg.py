"""The audit trail in the PostgreSQL state database: the same keyed hash chain as `audit.jsonl`.

Each entry is one row of `audit_entries` holding its canonical JSON line (seq, ts, kind, incident_id,
fields, alg, prev, hash: the same bytes the file would hold), and `audit_head` holds the keyed head.
An append runs in one transaction under an advisory lock, so every node appends to one chain in
order and a crash never leaves a torn line. Someone with write access to the database but without
the key still cannot edit, remove, reorder or re-chain entries, or cut the end, unnoticed: `verify`
checks the rows exactly as it checks the file (`audit_verify.verify_trail`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiops.safety.audit_chain import (
    ALG,
    EXECUTION_KINDS,
    GENESIS,
    Head,
    audit_key,
    entry_mac,
    genuine,
    head_mac,
    is_entry,
    tail_problem,
)
from aiops.safety.audit_verify import AuditVerification, verify_trail
from aiops.safety.jsonable import canonical_json
from aiops.safety.redaction import Redactor
from aiops.storage.sql import Connection, Database

AUDIT_LOCK = "audit"


def _parse(line: str) -> dict[str, Any] | None:
    try:
        entry = json.loads(line)
    except ValueError:
        return None
    return entry if isinstance(entry, dict) else None


def _head(conn: Connection) -> Head | str | None:
    row = conn.execute("SELECT head FROM audit_head WHERE id = 1").fetchone()
    if row is None:
        return None
    try:
        data = json.loads(row[0])
        mac = data.get("mac")
        return Head(int(data["seq"]), str(data["hash"]), str(mac) if mac is not None else None)
    except (ValueError, KeyError, TypeError, AttributeError):
        return "unreadable head row in audit_head"


class PgAuditLog:
    """`AuditLog` over the state database; `key_dir` is the state folder whose `secret.key` keys it."""

    def __init__(self, db: Database, key_dir: Path, redactor: Redactor | None = None,
                 clock: Callable[[], datetime] | None = None, *, key: bytes | None = None) -> None:
        self.db = db
        self.key_dir = key_dir
        self.path: Path | None = None
        self._redactor = redactor or Redactor()
        self._clock = clock or (lambda: datetime.now(UTC))
        self._key = key

    @property
    def shown(self) -> str:
        """Where the trail lives (the database URL without its password)."""
        return f"{self.db.shown} (table audit_entries)"

    @property
    def key(self) -> bytes:
        """The chain key (loaded on first use)."""
        if self._key is None:
            from aiops.safety.secret import load_or_create_secret

            self._key = audit_key(load_or_create_secret(self.key_dir))
        return self._key

    def append(self, kind: str, *, incident_id: str | None = None, **fields: Any) -> dict[str, Any]:
        """Write one entry and return it as written (see `AuditLog.append`)."""
        from aiops.safety.audit import _KIND, RESERVED

        if not _KIND.match(kind):
            raise ValueError(f"audit kind must be lower-case snake_case, got {kind!r}")
        if clash := RESERVED & fields.keys():
            raise ValueError(f"reserved audit field names: {sorted(clash)}")
        body = self._redactor.value(fields)
        incident = self._redactor.text(str(incident_id)) if incident_id is not None else None
        with self.db.transaction(lock=AUDIT_LOCK) as conn:
            last = self._last(conn)
            head = _head(conn)
            if (cut := tail_problem(last, head, self.key)) is not None:
                last = self._write(conn, last, "trail_cut", None, {
                    "problem": cut, "last_seq": last["seq"] if last else 0,
                    "head_seq": getattr(head, "seq", None), "head_hash": getattr(head, "hash", None)})
            entry = self._write(conn, last, kind, incident, body)
            head_value = json.dumps({"seq": entry["seq"], "hash": entry["hash"], "alg": ALG,
                                     "mac": head_mac(entry["seq"], entry["hash"], self.key)})
            conn.execute("INSERT INTO audit_head (id, head) VALUES (1, ?) ON CONFLICT (id) DO UPDATE"
                         " SET head = excluded.head", (head_value,))
        return entry

    @staticmethod
    def _last(conn: Connection) -> dict[str, Any] | None:
        for row in conn.execute("SELECT line FROM audit_entries ORDER BY seq DESC LIMIT 50").fetchall():
            entry = _parse(row[0])
            if entry is not None and is_entry(entry):
                return entry
        return None

    def _write(self, conn: Connection, last: dict[str, Any] | None, kind: str, incident: str | None,
               body: dict[str, Any]) -> dict[str, Any]:
        entry: dict[str, Any] = {"seq": (last["seq"] + 1) if last else 1, "ts": self._clock().isoformat(),
                                 "kind": kind, "incident_id": incident, **body, "alg": ALG,
                                 "prev": last["hash"] if last else GENESIS}
        entry["hash"] = entry_mac(entry, self.key)
        approval = entry.get("approval_id")
        conn.execute("INSERT INTO audit_entries (seq, incident_id, kind, approval_id, line) VALUES (?, ?, ?, ?, ?)",
                     (entry["seq"], incident, kind, approval if isinstance(approval, str) else None,
                      canonical_json(entry)))
        return entry

    def head(self) -> tuple[int, str] | None:
        """`(seq, hash)` of the last entry, or None for an empty trail."""
        with self.db.reading() as conn:
            last = self._last(conn)
        return (last["seq"], last["hash"]) if last else None

    def tail_problem(self) -> str | None:
        """Why the trail's end disagrees with its keyed head, or None."""
        with self.db.reading() as conn:
            return tail_problem(self._last(conn), _head(conn), self.key)

    def lines(self, incident_id: str | None = None) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
        """`(position, entry or None, raw)` for every row in chain order (optionally one incident's)."""
        with self.db.reading() as conn:
            if incident_id is None:
                rows = conn.execute("SELECT line FROM audit_entries ORDER BY seq").fetchall()
            else:
                rows = conn.execute("SELECT line FROM audit_entries WHERE incident_id = ? ORDER BY seq",
                                    (incident_id,)).fetchall()
        for number, row in enumerate(rows, start=1):
            yield number, _parse(row[0]), row[0]

    def entries(self, incident_id: str | None = None) -> list[dict[str, Any]]:
        """The parseable entries, optionally of one incident, in chain order."""
        return [entry for _, entry, _ in self.lines(incident_id) if entry is not None]

    def executed_seq(self, approval_id: str) -> int | None:
        """The seq of the first genuine `execution_started` / `execution_result` of `approval_id`."""
        return self._first_seq(approval_id, EXECUTION_KINDS)

    def decided_seq(self, approval_id: str) -> int | None:
        """The seq of the genuine `decision` line that granted `approval_id`, or None."""
        return self._first_seq(approval_id, ("decision",))

    def _first_seq(self, approval_id: str, kinds: tuple[str, ...]) -> int | None:
        marks = ", ".join("?" for _ in kinds)
        with self.db.reading() as conn:
            rows = conn.execute(f"SELECT line FROM audit_entries WHERE approval_id = ? AND kind IN ({marks})"  # noqa: S608
                                " ORDER BY seq", (approval_id, *kinds)).fetchall()
        for row in rows:
            entry = _parse(row[0])
            if entry is not None and is_entry(entry) and self._genuine(entry):
                return int(entry["seq"])
        return None

    def has_kind(self, kind: str) -> int | None:
        """The seq of the first genuine entry of `kind`, or None."""
        with self.db.reading() as conn:
            rows = conn.execute("SELECT line FROM audit_entries WHERE kind = ? ORDER BY seq", (kind,)).fetchall()
        for row in rows:
            entry = _parse(row[0])
            if entry is not None and is_entry(entry) and self._genuine(entry):
                return int(entry["seq"])
        return None

    def _genuine(self, entry: dict[str, Any]) -> bool:
        return genuine(entry, self.key)

    def verify(self, ledger_format: Callable[[], str | None] = lambda: None) -> AuditVerification:
        """Check the whole chain and the head, exactly as `audit_verify.verify` checks a file."""
        with self.db.reading() as conn:
            head = _head(conn)
        return verify_trail(self.lines(), head, self.key, ledger_format)
