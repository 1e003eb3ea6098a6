"""Does the audit trail account for everything the other records of the state folder know?

The approval ledger and the incident index are written next to the trail. A trail that is shorter
than they say (lines removed and the chain and head restored from an older copy, or the whole trail
deleted) is caught here: every proposal needs its `proposal` line, every decision its `decision` line
with the signed approver, every executed approval its `execution_started` line, every incident the
index calls resolved an execution and every incident awaiting approval a proposal. Approval rows whose
state no longer matches their seal, and a ledger whose format record was altered, are reported too.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from aiops.safety.audit_chain import EXECUTION_KINDS
from aiops.safety.ledger_seal import database_ledger_format, ledger_format, seal_ok


def _rows(path: Path, table: str) -> list[sqlite3.Row]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY created_at, rowid").fetchall()  # noqa: S608
    except sqlite3.DatabaseError:
        return []
    finally:
        conn.close()


def _db_rows(db: Any, table: str) -> list[Any]:
    with db.reading() as conn:
        return conn.execute(f"SELECT * FROM {table} ORDER BY created_at, rowid").fetchall()  # noqa: S608


def cross_check(entries: Iterable[dict[str, Any]], *, state_dir: Path, secret: bytes | None,
                incidents: Iterable[tuple[str, str]] = (), ledger: Any = None) -> list[str]:
    """Problems found by comparing the trail's `entries` with the ledger in `state_dir` (or in the
    PostgreSQL state database `ledger`) and the incident index (`(incident id, status)` pairs). An empty
    list means the records agree."""
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        by_kind.setdefault(str(entry.get("kind")), []).append(entry)

    def has(kind: str, **match: Any) -> list[dict[str, Any]]:
        return [e for e in by_kind.get(kind, []) if all(e.get(k) == v for k, v in match.items())]

    problems: list[str] = []
    file = state_dir / "approvals.sqlite"
    proposals: list[Any] = []
    approvals: list[Any] = []
    if ledger is not None or file.exists():
        if ledger is not None:
            altered, what = database_ledger_format(ledger, secret) == "altered", "the approvals tables were"
            proposals, approvals = _db_rows(ledger, "proposals"), _db_rows(ledger, "approvals")
        else:
            altered, what = ledger_format(state_dir, secret) == "altered", "approvals.sqlite was"
            proposals, approvals = _rows(file, "proposals"), _rows(file, "approvals")
        if altered:
            problems.append(f"the approval ledger's format record is missing or does not match its seal: {what} "
                            "altered")
    problems += _proposals(proposals, has)
    problems += _approvals(approvals, has, secret)
    problems += _trail_to_ledger(by_kind, approvals)
    for incident_id, status in incidents:
        if status == "resolved" and not has("execution_started", incident_id=incident_id):
            problems.append(f"incident {incident_id} is resolved in the incident index, but the trail shows "
                            "no execution for it")
        elif status == "awaiting_approval" and not has("proposal", incident_id=incident_id):
            problems.append(f"incident {incident_id} awaits approval in the incident index, but the trail "
                            "shows no proposal for it")
    return problems


def _proposals(rows: list[Any], has: Any) -> list[str]:
    problems = []
    for row in rows:
        what = f"{row['action']} on {row['target']}, incident {row['incident_id']}"
        if not has("proposal", proposal_id=row["id"]):
            problems.append(f"proposal {row['id']} ({what}) has no `proposal` line")
        if row["status"] == "rejected" and not has("decision", proposal_id=row["id"], decision="rejected"):
            problems.append(f"proposal {row['id']} ({what}) was rejected by {row['decided_by']}, but the trail "
                            "has no `decision` line for it")
    return problems


def _approvals(rows: list[Any], has: Any, secret: bytes | None) -> list[str]:
    problems = []
    for row in rows:
        what = f"{row['action']} on {row['target']}, incident {row['incident_id']}"
        if secret is not None and "seal" in row.keys() and not seal_ok(secret, row):  # noqa: SIM118
            problems.append(f"approval {row['id']} ({what}): its recorded state ({row['state']}) does not "
                            "match its seal; it was changed without the key")
        decisions = has("decision", approval_id=row["id"])
        if not decisions:
            problems.append(f"approval {row['id']} ({what}, approved by {row['approver']}) has no `decision` line")
        elif all(d.get("approver") != row["approver"] and "[REDACTED:" not in str(d.get("approver"))
                 for d in decisions):  # an approver that looks like a secret or an email is masked in the trail
            problems.append(f"approval {row['id']} ({what}): the trail names approver "
                            f"{decisions[0].get('approver')!r}, the signed approval {row['approver']!r}")
        if row["state"] == "done" and not has("execution_started", approval_id=row["id"]):
            problems.append(f"approval {row['id']} ({what}) was executed (the ledger records its result), but "
                            "the trail has no `execution_started` line")
    return problems


def _trail_to_ledger(by_kind: dict[str, list[dict[str, Any]]], approvals: list[Any]) -> list[str]:
    """The other direction: every approval the trail grants must be in the ledger, and every approval
    the trail shows executed must be used there (a ledger copied back from before the execution, with
    its then valid seals, says `approved`)."""
    states = {row["id"]: row["state"] for row in approvals}
    problems = []
    for entry in by_kind.get("decision", []):
        approval_id = entry.get("approval_id")
        if approval_id and approval_id not in states:
            problems.append(f"the trail records approval {approval_id} (incident {entry.get('incident_id')}, by "
                            f"{entry.get('approver')}), but the approval ledger has no such approval")
    flagged: set[str] = set()
    for kind in EXECUTION_KINDS:
        for entry in by_kind.get(kind, []):
            approval_id = entry.get("approval_id")
            if approval_id in states and states[approval_id] == "approved" and approval_id not in flagged:
                flagged.add(approval_id)
                problems.append(f"the trail shows approval {approval_id} executed (seq {entry.get('seq')}), but the "
                                "approval ledger calls it unused: the ledger was rolled back")
    return problems
