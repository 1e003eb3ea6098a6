"""`aiops bench` end to end on a small folder: the table, the exit code and the JSON contract."""

from __future__ import annotations

import json
import shutil

from aiops.cli.main import main
from aiops.sandbox.scenario import scenario_path

ROW_KEYS = {"name", "expected", "got", "rca_correct", "fix_correct", "recovered", "seconds", "model_calls"}
SUMMARY_KEYS = {"rca_accuracy", "fix_accuracy", "recovered_rate", "false_actions", "scenarios"}


def test_bench_writes_the_json_contract(tmp_path, capsys):
    folder = tmp_path / "scenarios"
    folder.mkdir()
    for name in ("false-alarm-blip", "user-api-bad-deploy"):
        shutil.copy(scenario_path(name), folder / f"{name}.yaml")
    out = tmp_path / "bench.json"
    code = main(
        [
            "bench",
            "--scenarios",
            str(folder),
            "--model",
            "playbook",
            "--json",
            str(out),
            "--home",
            str(tmp_path / "state"),
        ]
    )
    assert code == 0
    printed = capsys.readouterr().out
    assert "user-api-bad-deploy" in printed and "root cause + service: 100%" in printed
    data = json.loads(out.read_text())
    assert set(data["summary"]) >= SUMMARY_KEYS and data["summary"]["scenarios"] == 2
    assert data["summary"]["false_actions"] == 0
    rows = {row["name"]: row for row in data["scenarios"]}
    assert all(set(row) >= ROW_KEYS for row in rows.values())
    deploy = rows["user-api-bad-deploy"]
    assert set(deploy["got"]) == {"root_cause", "service", "confidence", "actions", "recovered"}
    assert deploy["got"]["actions"][0] == {
        "action": "rollback_deployment",
        "target": "user-api",
        "decision": "approved",
        "result": "succeeded",
    }
    assert rows["false-alarm-blip"]["got"]["actions"] == [] and rows["false-alarm-blip"]["recovered"] is None
    assert (tmp_path / "state" / "incidents").is_dir()


def test_bench_rejects_a_folder_without_scenarios(tmp_path, capsys):
    assert main(["bench", "--scenarios", str(tmp_path)]) == 2
    assert "no scenario files" in capsys.readouterr().err


def test_bench_with_a_model_but_no_key_fails_before_any_incident(tmp_path, capsys):
    code = main(["bench", "--model", "anthropic:claude-sonnet-4-6", "--home", str(tmp_path / "state")])
    assert code == 2
    assert "ANTHROPIC_API_KEY" in capsys.readouterr().err
    assert not (tmp_path / "state" / "incidents").exists()
