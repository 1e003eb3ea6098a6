"""A used approval cannot be re-armed without the key (issue #11 item 2).

After the approved action ran once, a local attacker who can write the state folder (but not read
`secret.key`) puts the approval back to "unused" (by SQL, or by restoring an older copy of the ledger
with its valid seal), restores the checkpoint of the paused thread, deletes the executor's record of
the idempotency key and sets the incident back to awaiting approval, then runs
`aiops incidents resume --approve`. Each variant below must end with the action applied exactly once
in total and the refusal in the audit trail. (Rolling back *every* record of the state folder at once,
executor record included, is a whole-folder restore and out of reach of any local check: see
THREAT_MODEL.md, residual risks.)
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from aiops.cli.main import main
from aiops.runtime.decisions import Decision
from aiops.runtime.home import StateHome
from aiops.runtime.runner import pending_requests, record_decision
from aiops.runtime.store import IncidentStore
from aiops.safety import read_entries
from tests.unit.safety_e2e.harness import LEGIT, compromised_team, start
from tests.unit.safety_e2e.test_crash_and_race import RESUME_SCRIPT

FILES = ("checkpoints.sqlite", "checkpoints.sqlite-wal", "checkpoints.sqlite-shm", "approvals.sqlite",
         "audit.jsonl", "audit.jsonl.head")


def _copy(home: StateHome, dest: Path) -> None:
    dest.mkdir()
    for name in FILES:
        if (home.root / name).exists():
            shutil.copy(home.root / name, dest / name)


def _restore(home: StateHome, source: Path, *names: str) -> None:
    for name in names:
        for suffix in ("", "-wal", "-shm"):
            (home.root / f"{name}{suffix}").unlink(missing_ok=True)
            if (source / f"{name}{suffix}").exists():
                shutil.copy(source / f"{name}{suffix}", home.root / f"{name}{suffix}")


def _forget_key(incident_dir: Path, key: str) -> None:
    """Delete the sandbox executor's record of an idempotency key."""
    path = incident_dir / "env" / "sandbox.json"
    state = json.loads(path.read_text())
    state["actions"] = [a for a in state["actions"] if a.get("key") != key]
    path.write_text(json.dumps(state))


def _reset_row(home: StateHome, approval_id: str) -> None:
    conn = sqlite3.connect(home.approvals)
    with conn:
        conn.execute("UPDATE approvals SET state='approved', result=NULL, claimed_at=NULL, finished_at=NULL"
                     " WHERE id=?", (approval_id,))
    conn.close()


def _cut_trail_keep_head(home: StateHome, early: Path) -> None:
    shutil.copy(early / "audit.jsonl", home.audit)


def _cut_trail_plain_head(home: StateHome, early: Path) -> None:
    shutil.copy(early / "audit.jsonl", home.audit)
    last = json.loads(home.audit.read_text().splitlines()[-1])
    home.audit.with_name("audit.jsonl.head").write_text(json.dumps({"seq": last["seq"], "hash": last["hash"]}))


Attack = Callable[[StateHome, Path, Path, str, Path], None]


def _sql_reset(home, paused, early, approval_id, incident_dir):
    _reset_row(home, approval_id)
    _restore(home, paused, "checkpoints.sqlite")
    _forget_key(incident_dir, approval_id)


def _ledger_rollback(home, paused, early, approval_id, incident_dir):
    _restore(home, early, "approvals.sqlite")
    _restore(home, paused, "checkpoints.sqlite")
    _forget_key(incident_dir, approval_id)


def _ledger_rollback_trail_cut(home, paused, early, approval_id, incident_dir):
    _ledger_rollback(home, paused, early, approval_id, incident_dir)
    _cut_trail_keep_head(home, early)


def _ledger_rollback_trail_cut_head_rewritten(home, paused, early, approval_id, incident_dir):
    _ledger_rollback(home, paused, early, approval_id, incident_dir)
    _cut_trail_plain_head(home, early)


def _ledger_and_trail_rollback(home, paused, early, approval_id, incident_dir):
    _restore(home, early, "approvals.sqlite", "audit.jsonl", "audit.jsonl.head")
    _restore(home, paused, "checkpoints.sqlite")  # the executor's record of the key stays


VARIANTS = {
    "sql-reset-of-state-and-result": (_sql_reset, "seal"),
    "ledger-restored-from-a-copy": (_ledger_rollback, "audit trail"),
    "ledger-restored-trail-cut": (_ledger_rollback_trail_cut, "audit trail"),
    "ledger-restored-trail-cut-head-rewritten": (_ledger_rollback_trail_cut_head_rewritten, "audit trail"),
    "ledger-and-trail-restored": (_ledger_and_trail_rollback, "executor"),
}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_a_used_approval_cannot_be_rearmed(variant: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          applied, capsys: pytest.CaptureFixture[str]) -> None:
    attack, refused_by = VARIANTS[variant]
    home = StateHome.resolve(tmp_path / "state")
    run = start("pool-leak-payment", lambda r: None, home=home, models=compromised_team(obey=False))
    paused, early = tmp_path / "paused", tmp_path / "approved"
    _copy(home, paused)  # the checkpoint of the thread paused at the proposal
    ((_, request),) = pending_requests(run.session, run.config())
    approval_id = record_decision(run.session, request, Decision("approve", "ann"))["approval_id"]
    run.session.close()
    _copy(home, early)  # the ledger (and trail) after the approval, before the action
    script = tmp_path / "script.json"
    script.write_text(json.dumps(RESUME_SCRIPT))
    monkeypatch.setenv("AIOPS_SCRIPT", str(script))
    monkeypatch.setenv("AIOPS_HOME", str(home.root))
    argv = ["incidents", "resume", run.record.id, "--approve", "--approver", "ann", "--model", "scripted",
            "--json", "--quiet"]
    assert main(argv) == 0, capsys.readouterr().err[-2000:]
    assert applied.actions == [(*LEGIT, approval_id)]

    attack(home, paused, early, approval_id, run.dir)
    store = IncidentStore(home.index)
    record = store.get(run.record.id)
    record.status = "awaiting_approval"
    store.save(record)
    main(argv)
    capsys.readouterr()

    assert applied.actions == [(*LEGIT, approval_id)], "the approval was re-armed: a second execution"
    refusals = [e for e in read_entries(home.audit, run.record.id) if e["kind"] == "approval_refused"]
    assert refusals and refused_by in refusals[-1]["reason"], refusals
