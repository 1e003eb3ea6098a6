"""A paused incident survives the process: start in one `aiops` process, resume in another."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

REPORT = {"title": "payment-api pool exhausted", "summary": "pool reset", "impact": "503s",
          "root_cause": {"category": "connection_pool_exhaustion", "service": "payment-api", "confidence": "high"},
          "follow_ups": ["monitor", "post-mortem", "prevent", "runbook"]}
SCRIPT = {
    "ops_manager": [
        {"tool_calls": [{"name": "task", "args": {"subagent_type": "sre_log_analyst", "description": "analyse"}}]},
        {"tool_calls": [{"name": "task", "args": {"subagent_type": "sre_diagnostician", "description": "diagnose"}}]},
        {"tool_calls": [{"name": "task", "args": {"subagent_type": "sre_remediator", "description": "fix"}}]},
        {"tool_calls": [{"name": "submit_report", "args": REPORT}]},
        {"content": "done"},
    ],
    "sre_log_analyst": [{"tool_calls": [{"name": "fetch_logs", "args": {"service": "payment-api"}}]},
                        {"content": "pool exhausted"}],
    "sre_diagnostician": [{"content": "connection_pool_exhaustion on payment-api"}],
    "sre_remediator": [
        {"tool_calls": [{"name": "execute_remediation",
                         "args": {"action": "reset_connection_pool", "target": "payment-api", "reason": "leak"}}]},
        {"tool_calls": [{"name": "query_metrics", "args": {"service": "payment-api", "metric": "error_rate"}}]},
        {"content": "reset done"},
    ],
}


def _aiops(args, env, stdin=subprocess.DEVNULL):
    return subprocess.run([sys.executable, "-m", "aiops", *args], env=env, capture_output=True, text=True,
                          stdin=stdin, timeout=300, check=False)


def test_pause_in_one_process_resume_in_another(tmp_path):
    script = tmp_path / "script.yaml"
    script.write_text(yaml.safe_dump(SCRIPT))
    env = {**os.environ, "AIOPS_SCRIPT": str(script), "AIOPS_HOME": str(tmp_path / "state"), "AIOPS_APPROVER": "ann"}
    first = _aiops(["respond", "--scenario", "pool-leak-payment", "--model", "scripted", "--json", "--quiet"], env)
    assert first.returncode == 3, first.stderr
    paused = json.loads(first.stdout)
    assert paused["status"] == "awaiting_approval"
    assert paused["pending"][0]["action"] == "reset_connection_pool"
    incident = paused["incident_id"]

    listed = _aiops(["incidents", "list", "--json"], env)
    assert [i["status"] for i in json.loads(listed.stdout)] == ["awaiting_approval"]
    shown = json.loads(_aiops(["incidents", "show", incident, "--json"], env).stdout)
    assert shown["pending"][0]["target"] == "payment-api"

    second = _aiops(["incidents", "resume", incident, "--approve", "--json", "--quiet"], env)
    assert second.returncode == 0, second.stderr
    done = json.loads(second.stdout)
    assert done["status"] == "resolved"
    assert done["actions"] == [{"action": "reset_connection_pool", "target": "payment-api", "risk": "medium",
                                "decision": "approved", "result": "succeeded"}]
    assert done["verification"] == {"recovered": True}
    assert Path(done["report_path"]).is_file()

    again = _aiops(["incidents", "resume", incident, "--approve"], env)
    assert again.returncode == 2 and "not waiting" in again.stderr


def test_malformed_resume_never_poisons_the_incident(tmp_path):
    script = tmp_path / "script.yaml"
    script.write_text(yaml.safe_dump(SCRIPT))
    env = {**os.environ, "AIOPS_SCRIPT": str(script), "AIOPS_HOME": str(tmp_path / "state"), "AIOPS_APPROVER": "ann"}
    paused = json.loads(_aiops(["respond", "--scenario", "pool-leak-payment", "--model", "scripted", "--json",
                                "--quiet"], env).stdout)
    incident = paused["incident_id"]
    for bad in (["--edit", "colour=red"], ["--edit", "action=rm -rf /"], ["--reject", " "],
                ["--edit", "target=nowhere"]):
        out = _aiops(["incidents", "resume", incident, *bad], env)
        assert out.returncode == 2, (bad, out.stderr)
    good = _aiops(["incidents", "resume", incident, "--edit", "action=restart", "--json", "--quiet"], env)
    assert good.returncode in (0, 4), good.stderr
    assert json.loads(good.stdout)["actions"][0]["action"] == "restart"
