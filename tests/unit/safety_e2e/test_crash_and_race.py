"""Processes die and race: a crash between the approval and the recorded result, then a resume in a
fresh process, performs the approved action exactly once; two processes resuming the same incident
at once perform it at most once.

The incident is paused in this process (the remediator asks for reset_connection_pool on
payment-api) and the human's approval is recorded; child processes (`child.py`) then resume it.
Executions are counted three ways: a line per action the sandbox applies (written by every child),
the sandbox state `env/sandbox.json`, and the audit trail.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from aiops.runtime.decisions import Decision
from aiops.runtime.home import StateHome
from aiops.runtime.runner import pending_requests, record_decision
from aiops.safety import read_entries
from tests.unit.safety_e2e.harness import LEGIT, ROOT, compromised_team, sandbox_actions, start
from tests.unit.safety_e2e.test_repeated_calls import HOLE_DECIDED


@dataclass
class Paused:
    home: StateHome
    incident: str
    interrupt: str
    value: dict[str, Any]
    applied: Path

    @property
    def dir(self) -> Path:
        return self.home.incident_dir(self.incident)

    def audit(self, kind: str) -> list[dict[str, Any]]:
        return [e for e in read_entries(self.home.audit, self.incident) if e["kind"] == kind]

    def applied_lines(self) -> list[str]:
        return self.applied.read_text().splitlines() if self.applied.exists() else []

    def decision_on_record(self) -> dict[str, Any]:
        """The resume value rebuilt from the approval ledger alone (what a recovery uses)."""
        from aiops.runtime.session import open_session
        from aiops.runtime.store import IncidentStore

        session = open_session(IncidentStore(self.home.index).get(self.incident), self.home,
                               models=compromised_team(obey=False))
        try:
            ledger = session.ctx.ledger
            proposal = ledger.get_proposal(self.value["proposal_id"])
            approval = ledger.get_approval(proposal.approval_id)
        finally:
            session.close()
        return {**self.value, "approval_id": approval.id, "token": approval.token}


@pytest.fixture
def paused(tmp_path: Path) -> Paused:
    home = StateHome.resolve(tmp_path / "state")
    run = start("pool-leak-payment", lambda r: None, home=home, models=compromised_team(obey=False))
    ((interrupt, request),) = pending_requests(run.session, run.config())
    assert (request["action"], request["target"]) == LEGIT
    value = record_decision(run.session, request, Decision("approve", "ann"))
    run.session.close()
    return Paused(home, run.record.id, interrupt, value, tmp_path / "applied.log")


def _child(paused: Paused, **opts: Any) -> subprocess.Popen[str]:
    args = {"home": str(paused.home.root), "incident": paused.incident, "applied": str(paused.applied), **opts}
    return subprocess.Popen([sys.executable, "-m", "tests.unit.safety_e2e.child", json.dumps(args)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())


def _finish(process: subprocess.Popen[str]) -> tuple[int, dict[str, Any] | None, str]:
    out, err = process.communicate(timeout=240)
    lines = [line for line in out.splitlines() if line.startswith("{")]
    return process.returncode, (json.loads(lines[-1]) if lines else None), err


CRASHES = {  # where the first process dies -> (execution_started, applied, execution_result) before the resume
    "claim": (0, 0, 0),
    "executed": (1, 1, 0),
    "recorded": (1, 1, 0),  # the ledger holds the result; the audit line after it was never written
}


@pytest.mark.parametrize("crash", list(CRASHES))
def test_crash_between_approval_and_result_then_resume_acts_exactly_once(paused: Paused, crash: str) -> None:
    code, _, err = _finish(_child(paused, resume={paused.interrupt: paused.value}, crash=crash, mark_running=True))
    assert code == 1, err
    counts = (len(paused.audit("execution_started")), len(paused.applied_lines()),
              len(paused.audit("execution_result")))
    assert counts == CRASHES[crash]

    value = paused.decision_on_record()
    assert value["token"] == paused.value["token"]
    code, outcome, err = _finish(_child(paused, resume={paused.interrupt: value}))
    assert code == 0, err
    lines = paused.applied_lines()
    assert len(lines) == 1, lines
    approval_id = value["approval_id"]
    assert lines[0].endswith(f"{LEGIT[0]} {LEGIT[1]} {approval_id}")
    assert [(a["action"], a["target"], a["key"]) for a in sandbox_actions(paused.dir)] == [(*LEGIT, approval_id)]
    results = [e["approval_id"] for e in paused.audit("execution_result")]
    assert results == ([] if crash == "recorded" else [approval_id])
    assert {e["approval_id"] for e in paused.audit("execution_started")} == {approval_id}
    assert outcome is not None
    # After a crash past the executor, the replayed result gets the resume's clock as executed_at, so
    # recovery cannot be judged yet (reported as unresolved); the action itself is recorded as done.
    assert outcome["status"] == "resolved" or crash == "executed"
    assert [(a["action"], a["decision"], a["result"]) for a in outcome["actions"]] == [
        (LEGIT[0], "approved", "succeeded")]
    report = json.loads((paused.dir / "report.json").read_text())
    assert [(a["action"], a["result"]) for a in report["actions"]] == [(LEGIT[0], "succeeded")]
    last = [json.loads(line) for line in (paused.dir / "evidence.jsonl").read_text().splitlines()
            if '"execute_remediation"' in line][-1]
    assert (last["artifact"]["decision"], last["artifact"]["result"]) == ("approved", "succeeded")


@pytest.mark.xfail(strict=True, reason=HOLE_DECIDED + "; after a crash `aiops incidents resume` also refuses "
                                                      "the incident (status stays 'running')")
def test_the_cli_recovers_a_crashed_incident(paused: Paused) -> None:
    code, _, err = _finish(_child(paused, resume={paused.interrupt: paused.value}, crash="claim", mark_running=True))
    assert code == 1, err
    env = {**os.environ, "AIOPS_HOME": str(paused.home.root), "AIOPS_APPROVER": "ann"}
    done = subprocess.run([sys.executable, "-m", "aiops", "incidents", "resume", paused.incident, "--approve",
                           "--json", "--quiet"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=240,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert [(a["action"], a["target"]) for a in sandbox_actions(paused.dir)] == [LEGIT]


def test_two_processes_resuming_at_once_act_at_most_once(paused: Paused, tmp_path: Path) -> None:
    """Both resume the same incident with the same approval at the same moment; the action takes a
    second, so both reach the claim while the first is still executing."""
    go = tmp_path / "go"
    children = [_child(paused, resume={paused.interrupt: paused.value}, slow=1.0, ready=str(tmp_path / f"ready{n}"),
                       go=str(go)) for n in range(2)]
    deadline = time.monotonic() + 120
    while not all((tmp_path / f"ready{n}").exists() for n in range(2)) and time.monotonic() < deadline:
        time.sleep(0.02)
    go.touch()
    results = [_finish(child) for child in children]
    assert all(code == 0 for code, _, _ in results), [err[-2000:] for _, _, err in results]
    assert len(paused.applied_lines()) == 1, paused.applied_lines()
    assert [(a["action"], a["target"]) for a in sandbox_actions(paused.dir)] == [LEGIT]
    assert len(paused.audit("execution_started")) == 1
    assert len(paused.audit("execution_result")) == 1
    refused = paused.audit("approval_refused")
    assert all("being executed" in e["reason"] for e in refused)
