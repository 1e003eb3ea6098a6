"""The keyed parts of the approval ledger: approval digests, state seals, tokens and the format record.

* The *digest* (`approval_digest`) binds what an approval allows: id, proposal, incident, action,
  target, risk, approver, seniority, creation and expiry. It never changes.
* The *seal* (`state_seal`) binds where the approval stands: its state (approved, executing, done),
  claim time, result and finish time. Every transition writes a new seal in the same transaction, so
  putting a used approval back to "approved" (or rewriting its result) without the key is detected.
  A row copied from an earlier moment keeps a valid seal; the claim's cross-check with the audit
  trail (`ApprovalLedger.claim`) and the executor's idempotency record (the remediation tool) catch it.
* The *format record* (table `meta`, row `ledger_format`, sealed) says the ledger has seals and
  whether it was created with them (`native`) or upgraded (`migrated`). A native ledger's state folder
  writes only keyed audit entries, so an unkeyed trail there is a rewrite (`audit_verify`).

Rows written before seals existed are sealed once, as found, when an upgraded version first opens the
ledger (trust on first use); the upgrade is recorded in the audit trail (`ledger_upgraded`), and a
second upgrade of a ledger the trail says was upgraded already is refused as tampering.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import sqlite3
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiops.safety import errors as e
from aiops.safety.jsonable import canonical_json

_APPROVAL_ID = re.compile(r"^apv_[0-9a-f]{24}$")
_DIGEST = re.compile(r"^[0-9a-f]{64}$")
DIGEST_FIELDS = ("id", "proposal_id", "incident_id", "action", "target", "risk", "approver", "senior",
                 "created_at", "expires_at")
SEAL_FIELDS = ("id", "digest", "state", "claimed_at", "result", "finished_at")
META_SCHEMA = "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL, seal TEXT NOT NULL)"


def _mac(secret: bytes, value: Any) -> str:
    return hmac.new(secret, canonical_json(value).encode("utf-8"), hashlib.sha256).hexdigest()


def approval_digest(secret: bytes, row: Mapping[str, Any]) -> str:
    """The keyed digest over what an approval allows."""
    bound = {name: row[name] for name in DIGEST_FIELDS}
    bound["senior"] = bool(bound["senior"])
    return _mac(secret, {"v": 1, **bound})


def state_seal(secret: bytes, row: Mapping[str, Any]) -> str:
    """The keyed seal over where an approval stands (state, claim, result, finish)."""
    return _mac(secret, {"v": "state", **{name: row[name] for name in SEAL_FIELDS}})


def seal_ok(secret: bytes, row: Mapping[str, Any]) -> bool:
    """True when the row's stored seal matches its state."""
    stored = row["seal"] if "seal" in row.keys() else None  # noqa: SIM118 - sqlite3.Row has no `in`
    return isinstance(stored, str) and hmac.compare_digest(state_seal(secret, row), stored)


def parse_token(token_or_id: object) -> tuple[str, str | None]:
    """`(approval id, presented digest or None)` from `<id>.<digest>` or a bare id."""
    if not isinstance(token_or_id, str) or not token_or_id:
        raise e.ApprovalNotFoundError("no approval token given")
    approval_id, _, digest = token_or_id.partition(".")
    if not _APPROVAL_ID.match(approval_id):
        raise e.ApprovalNotFoundError("malformed approval token")
    if digest and not _DIGEST.match(digest):
        raise e.ApprovalTamperedError("malformed approval signature")
    return approval_id, digest or None


# --- the format record and the upgrade of rows from before seals ---------------------------------
def _columns(conn: Any) -> set[str]:
    if isinstance(conn, sqlite3.Connection):
        return {row[1] for row in conn.execute("PRAGMA table_info(approvals)")}
    rows = conn.execute("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                        " AND table_name = 'approvals'").fetchall()
    return {row[0] for row in rows}


def _format_value(origin: str) -> str:
    return canonical_json({"seals": 1, "origin": origin, "at": datetime.now(UTC).isoformat()})


def ensure_sealed(conn: Any, secret: bytes, *, fresh: bool) -> int | None:
    """Inside a write transaction: give a ledger its format record and seal rows from before seals.

    Returns the number of rows sealed when an old ledger was upgraded now, else None."""
    conn.execute(META_SCHEMA)
    sealed = None
    if "seal" not in _columns(conn):
        conn.execute("ALTER TABLE approvals ADD COLUMN seal TEXT")
        rows = conn.execute("SELECT * FROM approvals").fetchall()
        for row in rows:
            conn.execute("UPDATE approvals SET seal=? WHERE id=?", (state_seal(secret, row), row["id"]))
        sealed = len(rows)
        conn.execute("DELETE FROM meta WHERE name='ledger_format'")
    if conn.execute("SELECT 1 FROM meta WHERE name='ledger_format'").fetchone() is None:
        if sealed is None and not fresh:
            raise e.ApprovalTamperedError("the ledger's format record is missing")
        value = _format_value("native" if fresh and sealed is None else "migrated")
        conn.execute("INSERT INTO meta (name, value, seal) VALUES ('ledger_format', ?, ?)",
                     (value, _mac(secret, {"meta": "ledger_format", "value": value})))
    return sealed


def needs_upgrade(conn: Any) -> bool:
    """True when the approvals table has no seal column yet (a ledger from before seals)."""
    return "seal" not in _columns(conn)


def ledger_format(state_dir: Path, secret: bytes | None) -> str | None:
    """`native`, `migrated`, `unsealed` (a ledger from before seals), `altered` (the format record is
    missing or does not match its seal) or None (no ledger, or no key to check it with)."""
    path = state_dir / "approvals.sqlite"
    if secret is None or not path.exists():
        return None
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        if "seal" not in _columns(conn):
            return "unsealed"
        row = conn.execute("SELECT value, seal FROM meta WHERE name='ledger_format'").fetchone()
    except sqlite3.DatabaseError:
        return "altered"
    finally:
        conn.close()
    return _format_of(row, secret)


def database_ledger_format(db: Any, secret: bytes | None) -> str | None:
    """`ledger_format` of a ledger in a PostgreSQL state database (None without a key)."""
    if secret is None:
        return None
    with db.reading() as conn:
        row = conn.execute("SELECT value, seal FROM meta WHERE name='ledger_format'").fetchone()
        if row is None and conn.execute("SELECT 1 FROM approvals LIMIT 1").fetchone() is None:
            return None
    return _format_of(row, secret)


def _format_of(row: Any, secret: bytes) -> str:
    if row is None or not hmac.compare_digest(_mac(secret, {"meta": "ledger_format", "value": row["value"]}),
                                              row["seal"]):
        return "altered"
    return "native" if '"origin":"native"' in row["value"] else "migrated"
