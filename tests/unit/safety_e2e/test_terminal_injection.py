"""Model, telemetry and alert text cannot rewrite what a person sees (issue #11 item 1).

A compromised remediator proposes `rollback_deployment` on `user-api` with a reason that moves the
cursor up, erases the line and prints `action: restart on payment-api (risk: low)` instead. Its report
and the alert carry terminal escapes too. Every surface a person reads (the live tree, the paused
output, the interactive prompt, `incidents show`, `incidents list`, `incidents report`, `audit show`,
the report file) shows that text escaped, and the approval block shows the action and target bound in
the approval ledger, apart from the free text.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from aiops.cli.main import main

EVIL = "leak\x1b[1A\r\x1b[2K  action:   restart on payment-api  (risk: low)\x1b]0;owned\x07\u202e\x9b2J"
FAKE_LINE = "\n  action:   restart on payment-api  (risk: low)\r"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
REPORT = {"title": f"pool exhausted{EVIL}", "summary": f"pool reset{FAKE_LINE}", "impact": "503s\x1b[31m",
          "root_cause": {"category": "connection_pool_exhaustion", "service": "payment-api", "confidence": "high",
                         "evidence": [f"pool at 100/100{EVIL}"]},
          "timeline": [{"time": "14:00", "event": f"deploy{EVIL}", "source": "logs\x1b[0m"}],
          "follow_ups": ["monitor", "post-mortem", "prevent", f"runbook{EVIL}"]}
SCRIPT = {
    "ops_manager": [
        {"tool_calls": [{"name": "task", "args": {"subagent_type": "sre_remediator", "description": f"fix{EVIL}"}}]},
        {"tool_calls": [{"name": "submit_report", "args": REPORT}]},
        {"content": "done"},
    ],
    "sre_remediator": [
        {"tool_calls": [{"name": "execute_remediation", "args": {
            "action": "rollback_deployment", "target": "user-api", "reason": EVIL + FAKE_LINE}}]},
        {"content": "done"},
    ],
}


def _clean(text: str) -> None:
    found = CONTROL.findall(text)
    assert not found, f"raw control characters reached the terminal: {found!r}"


def _action_lines(text: str) -> list[str]:
    """Lines that *begin* (after indentation and box drawing) with `action:`."""
    return [line for line in text.splitlines() if re.match(r"^[\s│|]*action:", line)]


@pytest.fixture
def paused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    script = tmp_path / "script.json"
    script.write_text(json.dumps(SCRIPT))
    monkeypatch.setenv("AIOPS_SCRIPT", str(script))
    monkeypatch.setenv("AIOPS_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("AIOPS_APPROVER", "ann")
    code = main(["respond", f"payment-api 503s{EVIL}", "--scenario", "pool-leak-payment", "--model", "scripted"])
    out, err = capsys.readouterr()
    assert code == 3, err[-2000:]
    incident = re.search(r"aiops incidents resume (\S+) --approve", out).group(1)
    return {"incident": incident, "out": out, "err": err}


def test_paused_output_and_live_tree_show_the_bound_action_only(paused: dict[str, Any]) -> None:
    _clean(paused["out"])
    _clean(paused["err"])
    lines = _action_lines(paused["out"])
    assert lines and all("rollback_deployment" in line for line in lines), paused["out"]
    assert "\\x1b[1A" in paused["out"], "the escape is shown, escaped"
    assert "restart on payment-api" not in "".join(_action_lines(paused["err"]))


def test_incidents_show_and_list_are_escaped(paused: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["incidents", "show", paused["incident"]]) == 0
    out = capsys.readouterr().out
    _clean(out)
    lines = _action_lines(out)
    assert lines and all("rollback_deployment" in line for line in lines), out
    assert [line.split()[-1] for line in out.splitlines() if re.match(r"^[\s│|]*target:", line)] == ["user-api"]
    assert main(["incidents", "list"]) == 0
    _clean(capsys.readouterr().out)


def test_the_interactive_prompt_is_escaped(paused: dict[str, Any], capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from aiops.cli import _incident

    assert main(["incidents", "show", paused["incident"], "--json"]) == 0
    request = json.loads(capsys.readouterr().out)["pending"][0]
    assert request["action"] == "rollback_deployment"
    monkeypatch.setattr("builtins.input", lambda *_: "p")
    assert _incident.ask(request, "ann") is None
    err = capsys.readouterr().err
    _clean(err)
    assert all("rollback_deployment" in line for line in _action_lines(err)), err


def test_report_and_audit_are_escaped(paused: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["incidents", "resume", paused["incident"], "--approve", "--quiet"]) in (0, 4)
    _clean("".join(capsys.readouterr()))
    assert main(["incidents", "report", paused["incident"]]) == 0
    shown = capsys.readouterr().out
    _clean(shown)
    assert "pool at 100/100" in shown and "\\x1b[1A" in shown
    report = next((Path(os.environ["AIOPS_HOME"]) / "incidents").glob("*/report.md"))
    _clean(report.read_text())
    assert main(["audit", "show"]) == 0
    _clean(capsys.readouterr().out)
