"""`aiops incidents label|export` and `aiops bench --incidents [--compare]` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aiops.cli.main import main


@pytest.fixture
def one_incident(tmp_path: Path, monkeypatch, capsys) -> str:
    monkeypatch.setenv("AIOPS_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("AIOPS_APPROVER", "dana")
    assert main(["respond", "--scenario", "orders-pool-leak", "--approve", "all", "--json", "--quiet"]) == 0
    return json.loads(capsys.readouterr().out)["incident_id"]


def test_nothing_labelled_is_said_and_fails(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("AIOPS_HOME", str(tmp_path / "empty"))
    assert main(["bench", "--incidents"]) == 1
    assert "no labelled incidents" in capsys.readouterr().out
    assert main(["bench", "--compare", "x.json"]) == 2
    assert "--compare goes with --incidents" in capsys.readouterr().err


def test_label_list_export_and_replay(one_incident: str, tmp_path: Path, capsys) -> None:
    assert main(["incidents", "label", one_incident[-6:], "--root-cause", "gremlins", "--service", "x"]) == 2
    err = capsys.readouterr().err
    assert "--root-cause" in err and "connection_pool_exhaustion" in err
    assert main(["incidents", "label", one_incident, "--root-cause", "disk_full"]) == 2
    assert "--service" in capsys.readouterr().err

    assert main(["incidents", "label", one_incident, "--root-cause", "connection_pool_exhaustion",
                 "--service", "orders-svc", "--fix", "reset_connection_pool", "--note", "leak in v2"]) == 0
    out = capsys.readouterr().out
    assert "confirmed by dana" in out and ": right" in out
    assert main(["incidents", "list"]) == 0
    assert "right: connection_pool_exhaustion/orders-svc" in capsys.readouterr().out
    assert main(["incidents", "list", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["label"] == {"root_cause": "connection_pool_exhaustion", "service": "orders-svc", "by": "dana",
                            "correct": True}

    target = tmp_path / "exported"
    assert main(["incidents", "export", one_incident, "--bundle", str(target)]) == 0
    assert (target / "bundle.yaml").is_file() and any((target / "logs").iterdir())
    capsys.readouterr()
    assert main(["incidents", "export", one_incident, "--bundle", str(target)]) == 2  # never overwrites
    assert "not an empty folder" in capsys.readouterr().err
    assert main(["bundle", "check", str(target), "--json"]) == 0
    capsys.readouterr()
    assert main(["incidents", "show", one_incident, "--json"]) == 0
    original = json.loads(capsys.readouterr().out)["root_cause"]
    assert main(["respond", "--bundle", str(target), "--json", "--quiet", "--approve", "none"]) in (0, 4)
    again = json.loads(capsys.readouterr().out)["root_cause"]
    keys = ("category", "service", "confidence")
    assert [again.get(k) for k in keys] == [original.get(k) for k in keys]  # the same diagnosis from the export
    assert original["category"] == "connection_pool_exhaustion"

    first = tmp_path / "first.json"
    assert main(["bench", "--incidents", "--json", str(first)]) == 0
    out = capsys.readouterr().out
    assert "accuracy 100.0% of 1" in out and "calibration" in out
    result = json.loads(first.read_text())
    assert result["summary"]["incidents"] == 1 and result["incidents"][0]["correct"] is True

    # the person changes their mind: the same replay is now wrong, and --compare says so
    assert main(["incidents", "label", one_incident, "--root-cause", "database_slow", "--service", "orders-db"]) == 0
    capsys.readouterr()
    assert main(["bench", "--incidents", "--compare", str(first), "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "accuracy: 1.0 -> 0.0" in out and f"{one_incident}: now WRONG" in out
