"""Whole incidents through the runtime, the sandbox and the playbook engine: shipped and randomised
scenarios (random names, topologies and parameters), and knowledge changed as data in a copied team."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from aiops.bench.generate import CATEGORY, scenario, with_fixes
from aiops.bench.runner import run_incident
from aiops.bench.scoring import got_from_report, score
from aiops.runtime.home import StateHome
from aiops.sandbox.scenario import scenario_path
from aiops.team import default_team_dir


def _run(path: Path, tmp_path: Path, team: Path | None = None) -> tuple[dict, dict]:
    home = StateHome.resolve(tmp_path / "home")
    result = run_incident(path, home=home, team_dir=team or default_team_dir(), model="playbook")
    return result["report"], got_from_report(result["report"])


def test_shipped_pool_leak_is_diagnosed_fixed_and_verified(tmp_path):
    path = scenario_path("pool-leak-payment")
    report, got = _run(path, tmp_path)
    row = score(yaml.safe_load(path.read_text())["expected"], got)
    assert row["rca_correct"] and row["fix_correct"] and row["recovered"], got
    assert report["status"] == "resolved"
    assert report["root_cause"]["evidence"] and report["timeline"] and report["follow_ups"]
    assert "user-api" not in report["root_cause"]["service"]


@pytest.mark.parametrize("kind", sorted(CATEGORY))
def test_randomised_scenario_of_every_fault_type(kind, tmp_path):
    data = with_fixes(scenario(3100 + sorted(CATEGORY).index(kind), fault=kind))
    path = tmp_path / f"{data['name']}.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    _, got = _run(path, tmp_path)
    row = score(data["expected"], got)
    assert row["rca_correct"], (data["expected"], got)
    assert row["fix_correct"], (data["expected"], got)


def test_randomised_false_alarm_takes_no_action(tmp_path):
    data = with_fixes(scenario(3200, false_alarm=True))
    path = tmp_path / "alarm.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    report, got = _run(path, tmp_path)
    assert got["root_cause"] == "none" and got["actions"] == []
    assert report["status"] == "no_action"


def _copy_team(tmp_path: Path) -> Path:
    folder = tmp_path / "team"
    shutil.copytree(default_team_dir(), folder)
    return folder


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def test_a_runbook_edit_changes_the_action_with_no_code_change(tmp_path):
    team = _copy_team(tmp_path)
    runbooks = team / "skills/remediation/runbooks.yaml"
    _edit(runbooks, lambda d: d["actions"]["reset_connection_pool"]["fixes"].remove("connection_pool_exhaustion"))
    _, got = _run(scenario_path("pool-leak-payment"), tmp_path, team)
    assert [(a["action"], a["target"]) for a in got["actions"]] == [("restart", "payment-api")]


def test_a_failure_mode_added_as_data_changes_the_conclusion(tmp_path):
    team = _copy_team(tmp_path)
    modes = team / "skills/diagnostics/failure_modes.yaml"

    def add_mode(data: dict) -> None:
        data["categories"].insert(0, "connection_leak")
        data["failure_modes"]["leaked_pool"] = {
            "category": "connection_leak",
            "role": "origin",
            "kinds": ["app"],
            "summary": "connections borrowed and never returned",
            "plain_language": "connections leaked",
            "evidence": {"connections_climb": 12, "connections_saturated": 4, "errors_up": 1},
            "against": {"request_surge": 4, "dependency_slow": 6},
            "requires": [["connections_climb"]],
            "remedies": ["reset_connection_pool"],
            "verify": ["error_rate"],
        }
        data["decision_tree"][1]["branches"].append({"when": ["connections_climb"], "consider": ["leaked_pool"]})

    _edit(modes, add_mode)
    _edit(
        team / "skills/remediation/runbooks.yaml",
        lambda d: d["actions"]["reset_connection_pool"]["fixes"].append("connection_leak"),
    )
    report, got = _run(scenario_path("pool-leak-payment"), tmp_path, team)
    assert (got["root_cause"], got["service"]) == ("connection_leak", "payment-api")
    assert [(a["action"], a["decision"]) for a in got["actions"]] == [("reset_connection_pool", "approved")]
    assert report["title"].startswith("payment-api")
