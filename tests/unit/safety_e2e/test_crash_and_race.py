"""Processes die and race: a crash between the approval and the recorded result, then a resume in a
fresh process, performs the approved action exactly once; two processes resuming the same incident
at once perform it at most once.

The incident is paused in this process (the remediator asks for reset_connection_pool on
payment-api) and the human's approval is recorded; child processes (`child.py`) then resume it, and
die at a chosen point of the execution protocol. The recovery is a fresh process continuing the
thread from its checkpoint (the runtime reuses the decision on record), or `aiops incidents resume`.
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
from tests.unit.safety_e2e.harness import LEGIT, REPORT, ROOT, compromised_team, sandbox_actions, start


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

    # A fresh process continues the thread from its checkpoint; the runtime answers the pending
    # request with the decision on record, and the claim is resumed with the same idempotency key.
    code, outcome, err = _finish(_child(paused, decide="pause"))
    assert code == 0, err
    lines = paused.applied_lines()
    assert len(lines) == 1, lines
    approval_id = paused.value["approval_id"]
    assert lines[0].endswith(f"{LEGIT[0]} {LEGIT[1]} {approval_id}")
    assert [(a["action"], a["target"], a["key"]) for a in sandbox_actions(paused.dir)] == [(*LEGIT, approval_id)]
    results = paused.audit("execution_result")
    assert [e["approval_id"] for e in results] == [approval_id]  # a line a crash left out is restored
    assert bool(results[0].get("restored_after_crash")) is (crash == "recorded")
    assert {e["approval_id"] for e in paused.audit("execution_started")} == {approval_id}
    assert outcome is not None
    # A replayed result keeps the first run's start time, so recovery is judged as usual.
    assert outcome["status"] == "resolved"
    assert [(a["action"], a["decision"], a["result"]) for a in outcome["actions"]] == [
        (LEGIT[0], "approved", "succeeded")]
    report = json.loads((paused.dir / "report.json").read_text())
    assert [(a["action"], a["result"]) for a in report["actions"]] == [(LEGIT[0], "succeeded")]
    last = [json.loads(line) for line in (paused.dir / "evidence.jsonl").read_text().splitlines()
            if '"execute_remediation"' in line][-1]
    assert (last["artifact"]["decision"], last["artifact"]["result"]) == ("approved", "succeeded")


def test_the_cli_recovers_a_crashed_incident(paused: Paused) -> None:
    """`aiops incidents resume --approve` on an incident whose process died after the claim: the
    decision on record is reused (not asked again) and the action runs once."""
    code, _, err = _finish(_child(paused, resume={paused.interrupt: paused.value}, crash="claim", mark_running=True))
    assert code == 1, err
    env = {**os.environ, "AIOPS_HOME": str(paused.home.root), "AIOPS_APPROVER": "ann"}
    done = subprocess.run([sys.executable, "-m", "aiops", "incidents", "resume", paused.incident, "--approve",
                           "--json", "--quiet"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=240,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert "already has a decision on record" in done.stderr
    assert [(a["action"], a["target"]) for a in sandbox_actions(paused.dir)] == [LEGIT]
    result = json.loads(done.stdout)
    assert [(a["action"], a["decision"], a["result"]) for a in result["actions"]] == [
        (LEGIT[0], "approved", "succeeded")]


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


RESUME_SCRIPT = {  # the team's next replies after the resume (step n answers the agent's n-th reply)
    "ops_manager": [{"content": "-"}] * 5 + [{"tool_calls": [{"name": "submit_report", "args": REPORT}]},
                                              {"content": "done"}],
    "sre_remediator": [{"content": "-"},
                       {"tool_calls": [{"name": "query_metrics", "args": {"service": "payment-api",
                                                                          "metric": "error_rate"}}]},
                       {"content": "done"}],
}


def test_two_cli_resumes_at_once_act_at_most_once(tmp_path: Path) -> None:
    """`aiops incidents resume --approve` twice at the same moment on an incident paused for its
    decision; the action takes a second. One process runs it, the other is turned away."""
    home = StateHome.resolve(tmp_path / "state")
    run = start("pool-leak-payment", lambda r: None, home=home, models=compromised_team(obey=False))
    run.session.close()
    script = tmp_path / "script.json"
    script.write_text(json.dumps(RESUME_SCRIPT))  # JSON: the list repeats one object (YAML would alias it)
    applied, go = tmp_path / "applied.log", tmp_path / "go"
    argv = ["incidents", "resume", run.record.id, "--approve", "--approver", "ann", "--model", "scripted",
            "--json", "--quiet"]
    env = {**os.environ, "AIOPS_SCRIPT": str(script)}
    children = [subprocess.Popen(
        [sys.executable, "-m", "tests.unit.safety_e2e.child", json.dumps({
            "home": str(home.root), "argv": argv, "applied": str(applied), "slow": 1.0,
            "ready": str(tmp_path / f"ready{n}"), "go": str(go)})],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in range(2)]
    deadline = time.monotonic() + 120
    while not all((tmp_path / f"ready{n}").exists() for n in range(2)) and time.monotonic() < deadline:
        time.sleep(0.02)
    go.touch()
    results = [(*child.communicate(timeout=240), child.returncode) for child in children]
    assert len(applied.read_text().splitlines()) == 1, [err[-1500:] for _, err, _ in results]
    assert [(a["action"], a["target"]) for a in sandbox_actions(run.dir)] == [LEGIT]
    codes = sorted(code for _, _, code in results)
    assert codes == [0, 2], [err[-1500:] for _, err, _ in results]
    loser = next(err for _, err, code in results if code == 2)
    assert "another process" in loser or "not waiting" in loser or "already" in loser, loser
    audit = list(read_entries(home.audit, run.record.id))
    assert [e["kind"] for e in audit].count("execution_started") == 1
    winner = json.loads(next(out for out, _, code in results if code == 0))
    assert winner["status"] == "resolved"
