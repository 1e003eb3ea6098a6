"""`aiops audit verify` checks the trail against the other records of the state folder (the approval
ledger, the incident index), reports a torn line as torn, and `--repair` (or `aiops audit repair`) sets
torn lines aside (issue #11 item 3)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from aiops.cli.main import main

INC = "INC-1"


def _verify(home: Path, capsys, *extra: str) -> tuple[int, str]:
    code = main(["audit", "verify", "--home", str(home), *extra])
    return code, capsys.readouterr().out


def _executed(ledger) -> str:
    """One proposal approved, claimed and done, with the audit lines the tool writes."""
    proposal = ledger.propose(INC, "restart", "payment-api", tool_call_id="call-1")
    approval = ledger.approve(proposal.id, approver="sam")
    ledger.claim(approval.token, incident_id=INC, action="restart", target="payment-api")
    audit = ledger._audit  # the ledger's own trail (the conftest wires one)
    audit.append("execution_started", incident_id=INC, action="restart", target="payment-api",
                 approval_id=approval.id, approver="sam")
    ledger.record_result(approval.id, {"ok": True, "message": "restarted"})
    audit.append("execution_result", incident_id=INC, action="restart", target="payment-api",
                 approval_id=approval.id, ok=True, message="restarted")
    return approval.id


def test_an_intact_state_folder_verifies(ledger, state_dir, capsys) -> None:
    _executed(ledger)
    code, out = _verify(state_dir, capsys)
    assert code == 0 and "intact" in out, out


def test_a_deleted_trail_is_reported_missing(ledger, state_dir, capsys) -> None:
    _executed(ledger)
    (state_dir / "audit.jsonl").unlink()
    (state_dir / "audit.jsonl.head").unlink()
    code, out = _verify(state_dir, capsys)
    assert code == 1 and "MISSING" in out and "approval" in out, out


def test_a_trail_restored_from_an_older_copy_is_incomplete(ledger, state_dir, capsys, tmp_path) -> None:
    """Trail and head copied before the action and put back after it: the chain and the head agree,
    but the ledger knows of an executed approval the trail does not show."""
    proposal = ledger.propose(INC, "restart", "payment-api", tool_call_id="call-1")
    for name in ("audit.jsonl", "audit.jsonl.head"):
        shutil.copy(state_dir / name, tmp_path / name)
    approval = ledger.approve(proposal.id, approver="sam")
    ledger.claim(approval.token, incident_id=INC, action="restart", target="payment-api")
    ledger.record_result(approval.id, {"ok": True, "message": "restarted"})
    for name in ("audit.jsonl", "audit.jsonl.head"):
        shutil.copy(tmp_path / name, state_dir / name)
    code, out = _verify(state_dir, capsys)
    assert code == 1 and "INCOMPLETE" in out and approval.id in out, out


def test_an_incident_the_index_calls_resolved_needs_its_execution_in_the_trail(state_dir, audit, capsys) -> None:
    from aiops.runtime.store import IncidentRecord, IncidentStore

    audit.append("policy_refusal", incident_id="INC-0", action="drop_database", reason="no")
    now = datetime.now(UTC).isoformat()
    IncidentStore(state_dir / "incidents.sqlite").save(IncidentRecord(
        id="INC-9", alert="a", status="resolved", created_at=now, updated_at=now, source={}, team_dir="."))
    code, out = _verify(state_dir, capsys)
    assert code == 1 and "INC-9" in out, out


def test_a_reset_approval_row_is_reported(ledger, state_dir, capsys) -> None:
    approval_id = _executed(ledger)
    conn = sqlite3.connect(state_dir / "approvals.sqlite")
    with conn:
        conn.execute("UPDATE approvals SET state='approved', result=NULL WHERE id=?", (approval_id,))
    conn.close()
    code, out = _verify(state_dir, capsys)
    assert code == 1 and approval_id in out and "seal" in out, out


def test_a_torn_line_is_reported_and_repaired(ledger, state_dir, capsys) -> None:
    _executed(ledger)
    with (state_dir / "audit.jsonl").open("a") as handle:
        handle.write('{"seq": 99, "kind": "decis')
    code, out = _verify(state_dir, capsys)
    assert code == 1 and "TORN" in out and "--repair" in out and "BROKEN" not in out, out
    code, out = _verify(state_dir, capsys, "--repair")
    assert code == 0 and "set aside 1 torn line" in out and "intact" in out, out
    assert (state_dir / "audit.jsonl.torn").is_file()
    code, out = _verify(state_dir, capsys)
    assert code == 0, out


def test_audit_repair_is_the_same_as_verify_repair(ledger, state_dir, capsys) -> None:
    _executed(ledger)
    with (state_dir / "audit.jsonl").open("a") as handle:
        handle.write('{"seq": 99')
    assert main(["audit", "repair", "--home", str(state_dir)]) == 0
    assert "set aside 1 torn line" in capsys.readouterr().out


def test_repair_does_not_touch_an_altered_trail(ledger, state_dir, capsys) -> None:
    _executed(ledger)
    path = state_dir / "audit.jsonl"
    lines = path.read_text().splitlines()
    lines[1] = lines[1].replace('"sam"', '"eve"')
    path.write_text("\n".join(lines) + "\n")
    before = path.read_bytes()
    code, out = _verify(state_dir, capsys, "--repair")
    assert code == 1 and "BROKEN" in out and "not repaired" in out, out
    assert path.read_bytes() == before


def test_a_legacy_trail_is_reported_unkeyed_but_intact(tmp_path, capsys) -> None:
    from tests.unit.safety.test_audit_keyed import _legacy_trail

    _legacy_trail(tmp_path / "audit.jsonl")
    code, out = _verify(tmp_path, capsys)
    assert code == 0 and "intact" in out and "unkeyed" in out, out
    assert json.loads((tmp_path / "audit.jsonl.head").read_text())["seq"] == 3
