"""A used approval cannot be re-armed without the key (issue #11 item 2): its state transitions are
sealed with the key, and a fresh claim is cross-checked against the audit trail (and, in the tool,
against the executor's idempotency record)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from aiops.core.errors import ConfigError
from aiops.safety import ApprovalLedger, ApprovalTamperedError, read_entries

INC = "INC-1"


def _used(ledger) -> tuple[object, object]:
    """An approval claimed and done, with the audit lines the tool writes around the executor."""
    proposal = ledger.propose(INC, "restart", "payment-api", tool_call_id="call-1")
    approval = ledger.approve(proposal.id, approver="sam")
    ledger.claim(approval.token, incident_id=INC, action="restart", target="payment-api")
    ledger._audit.append("execution_started", incident_id=INC, action="restart", target="payment-api",
                         approval_id=approval.id, approver="sam")
    ledger.record_result(approval.id, {"ok": True, "message": "restarted"})
    return proposal, approval


def _claim(ledger, approval):
    return ledger.claim(approval.token, incident_id=INC, action="restart", target="payment-api")


def _rows(path: Path, approval_id: str) -> dict:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return dict(conn.execute("SELECT * FROM approvals WHERE id=?", (approval_id,)).fetchone())
    finally:
        conn.close()


def _put(path: Path, row: dict) -> None:
    conn = sqlite3.connect(path)
    with conn:
        sets = ", ".join(f"{k}=?" for k in row if k != "id")
        conn.execute(f"UPDATE approvals SET {sets} WHERE id=?", (*[v for k, v in row.items() if k != "id"], row["id"]))
    conn.close()


def test_a_state_reset_in_the_database_is_refused(ledger, state_dir) -> None:
    _, approval = _used(ledger)
    _put(state_dir / "approvals.sqlite", {"id": approval.id, "state": "approved", "result": None,
                                          "claimed_at": None, "finished_at": None})
    assert ledger.result_for(approval.id) is None
    with pytest.raises(ApprovalTamperedError, match="seal"):
        _claim(ledger, approval)


def test_a_result_rewritten_in_the_database_is_not_returned(ledger, state_dir) -> None:
    _, approval = _used(ledger)
    _put(state_dir / "approvals.sqlite", {"id": approval.id, "result": '{"ok": false, "message": "x"}'})
    assert ledger.result_for(approval.id) is None


def test_a_row_rolled_back_to_its_sealed_unused_state_is_refused_by_the_audit_trail(ledger, state_dir) -> None:
    proposal = ledger.propose(INC, "restart", "payment-api", tool_call_id="call-1")
    approval = ledger.approve(proposal.id, approver="sam")
    unused = _rows(state_dir / "approvals.sqlite", approval.id)  # a copy with a valid seal, taken early
    _claim(ledger, approval)
    ledger._audit.append("execution_started", incident_id=INC, action="restart", target="payment-api",
                         approval_id=approval.id, approver="sam")
    ledger.record_result(approval.id, {"ok": True, "message": "restarted"})
    _put(state_dir / "approvals.sqlite", unused)
    with pytest.raises(ApprovalTamperedError, match="audit trail"):
        _claim(ledger, approval)


def test_a_claim_is_refused_when_the_trail_was_cut(ledger, state_dir) -> None:
    proposal = ledger.propose(INC, "restart", "payment-api", tool_call_id="call-1")
    approval = ledger.approve(proposal.id, approver="sam")
    path = state_dir / "audit.jsonl"
    path.write_text(path.read_text().splitlines(keepends=True)[0])
    with pytest.raises(ApprovalTamperedError, match="audit trail"):
        _claim(ledger, approval)


def test_a_null_seal_is_tampering(ledger, state_dir) -> None:
    proposal = ledger.propose(INC, "restart", "payment-api", tool_call_id="call-1")
    approval = ledger.approve(proposal.id, approver="sam")
    _put(state_dir / "approvals.sqlite", {"id": approval.id, "seal": None})
    with pytest.raises(ApprovalTamperedError, match="seal"):
        _claim(ledger, approval)


def _old_ledger(path: Path) -> None:
    """approvals.sqlite as versions before state seals created it (no `seal` column)."""
    from aiops.safety.ledger_store import SCHEMA

    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA.replace("    seal TEXT,\n", ""))
    conn.close()


def test_rows_from_before_the_upgrade_are_sealed_once_and_audited(state_dir, policy, audit, clock) -> None:
    from aiops.safety import load_or_create_secret

    secret = load_or_create_secret(state_dir)
    path = state_dir / "approvals.sqlite"
    _old_ledger(path)
    conn = sqlite3.connect(path)
    assert "seal" not in [r[1] for r in conn.execute("PRAGMA table_info(approvals)")]
    conn.close()
    old = ApprovalLedger(path, secret=secret, policy=policy, audit=None, clock=clock)
    proposal = old.propose(INC, "restart", "payment-api", tool_call_id="call-1")
    approval = old.approve(proposal.id, approver="sam")  # written by the upgraded code, so sealed
    audit.append("decision", incident_id=INC, proposal_id=proposal.id, decision="approved", approver="sam",
                  action="restart", target="payment-api", approval_id=approval.id)  # as every version wrote it
    _put(path, {"id": approval.id, "seal": None})        # ... now looks like a row from before
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("ALTER TABLE approvals DROP COLUMN seal")
    conn.close()
    ledger = ApprovalLedger(path, secret=secret, policy=policy, audit=audit, clock=clock)
    assert _claim(ledger, approval).state == "executing"
    upgraded = [e for e in read_entries(audit.path) if e["kind"] == "ledger_upgraded"]
    assert len(upgraded) == 1 and upgraded[0]["sealed_rows"] == 1
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("ALTER TABLE approvals DROP COLUMN seal")
    conn.close()
    with pytest.raises(ConfigError, match="seal"):
        ApprovalLedger(path, secret=secret, policy=policy, audit=audit, clock=clock)


def test_a_claim_is_refused_when_the_trail_and_its_head_were_deleted(ledger, state_dir) -> None:
    """Deleting the whole trail makes it look new; the approval's missing `decision` line gives it away."""
    proposal = ledger.propose(INC, "restart", "payment-api", tool_call_id="call-1")
    approval = ledger.approve(proposal.id, approver="sam")
    for name in ("audit.jsonl", "audit.jsonl.head"):
        (state_dir / name).unlink(missing_ok=True)
    with pytest.raises(ApprovalTamperedError, match="no `decision` line"):
        _claim(ledger, approval)


def test_verify_reports_a_ledger_rolled_back_behind_the_trail(ledger, state_dir) -> None:
    """The trail shows the approval executed, the ledger (copied back with valid seals) calls it unused."""
    from aiops.safety.audit_check import cross_check

    proposal = ledger.propose(INC, "restart", "payment-api", tool_call_id="call-1")
    approval = ledger.approve(proposal.id, approver="sam")
    unused = _rows(state_dir / "approvals.sqlite", approval.id)
    _claim(ledger, approval)
    ledger._audit.append("execution_started", incident_id=INC, action="restart", target="payment-api",
                         approval_id=approval.id, approver="sam")
    ledger.record_result(approval.id, {"ok": True, "message": "restarted"})
    entries = read_entries(state_dir / "audit.jsonl")
    assert cross_check(entries, state_dir=state_dir, secret=None) == []
    _put(state_dir / "approvals.sqlite", unused)
    problems = cross_check(entries, state_dir=state_dir, secret=None)
    assert any("calls it unused" in p and approval.id in p for p in problems)
    conn = sqlite3.connect(state_dir / "approvals.sqlite")
    with conn:
        conn.execute("DELETE FROM approvals WHERE id=?", (approval.id,))
    conn.close()
    problems = cross_check(entries, state_dir=state_dir, secret=None)
    assert any("has no such approval" in p and approval.id in p for p in problems)
