"""A full offline incident on a scenario: no tool output the agents read before acting carries any
part of the expected block, the fault or the scenario's own description.

(The log-analysis signatures tag lines with root-cause *categories* by design, so categories are
not scanned here; `test_honesty.py` checks that the telemetry itself never names them.)"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from aiops.cli.main import main
from aiops.sandbox import FAULTS, load_scenario
from aiops.sandbox._data import categories

ACTING_TOOLS = {"execute_remediation", "submit_report"}
READ_TOOLS = {"fetch_logs", "query_metrics", "recent_changes", "list_services", "incident_timeline"}
"""The tools that carry telemetry (skill files read with `read_file` legitimately name failure modes)."""


def tool_outputs_before_acting(incident: Path) -> list[str]:
    """Artifacts and texts of the telemetry tools, up to the first remediation."""
    out: list[str] = []
    for line in (incident / "evidence.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if entry["tool"] in ACTING_TOOLS:
            break
        if entry["tool"] in READ_TOOLS:
            out.append(json.dumps(entry["artifact"]))
    acted = False
    for line in (incident / "transcript.jsonl").read_text(encoding="utf-8").splitlines():
        for message in json.loads(line).get("messages", []):
            name = message.get("data", {}).get("name")
            acted = acted or name in ACTING_TOOLS
            if message.get("type") == "tool" and name in READ_TOOLS and not acted:
                out.append(json.dumps(message["data"].get("content")))
    return out


@pytest.mark.parametrize("name", ["pool-leak-payment", "slow-db-cascade", "shop-cert-expired", "false-alarm-blip"])
def test_no_tool_output_carries_the_answer(name, capsys):
    code = main(["respond", "--scenario", name, "--approve", "all", "--quiet"])
    capsys.readouterr()
    assert code in (0, 4)
    incidents = sorted((Path(os.environ["AIOPS_HOME"]) / "incidents").iterdir())
    assert len(incidents) == 1
    outputs = tool_outputs_before_acting(incidents[0])
    assert len(outputs) > 5
    text = "\n".join(outputs)
    sc = load_scenario(name)
    forbidden = [kind for kind in FAULTS if kind not in categories()]
    forbidden += [fix for fix in sc.expected.fixes if "_" in fix]
    forbidden += [sc.name, sc.description.strip()[:50], '"expected"', "root_cause"]
    for word in forbidden:
        assert word not in text, f"{word!r} reached a tool output in {name}"
