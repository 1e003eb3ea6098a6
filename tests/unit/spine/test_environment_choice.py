"""A typed alert is never investigated on an unrelated world: with no --env, --bundle or --scenario,
the configured default environment is used ($AIOPS_ENV, then env.yaml in the state folder), else
the command exits 2 explaining the three ways."""

from __future__ import annotations

import argparse
import json

import pytest
import yaml

from aiops.cli._environment import choose_environment
from aiops.cli.main import main
from aiops.core.errors import ConfigError
from aiops.runtime.home import StateHome
from aiops.runtime.store import IncidentStore

TYPED = "checkout latency p99 went from 200ms to 4s"




def _env_file(path, scenario="slow-db-cascade"):
    path.write_text(yaml.safe_dump({"name": "staging", "type": "sandbox", "scenario": scenario}))
    return path


@pytest.mark.parametrize("alert", [TYPED, ""])
def test_no_environment_is_exit_2_naming_the_three_ways(alert, capsys):
    assert main(["respond", alert, "--model", "scripted", "--quiet"]) == 2
    err = capsys.readouterr().err
    for way in ("--env FILE", "--bundle DIR", "--scenario NAME", "AIOPS_ENV", "env.yaml"):
        assert way in err, way
    assert IncidentStore(StateHome.resolve().index).list() == []


def test_aiops_env_is_the_configured_default(scripted, tmp_path, monkeypatch, capsys):
    env_file = _env_file(tmp_path / "staging.yaml")
    monkeypatch.setenv("AIOPS_ENV", str(env_file))
    assert main(["respond", TYPED, "--model", "scripted", "--json", "--quiet"]) == 3
    captured = capsys.readouterr()
    incident = json.loads(captured.out)["incident_id"]
    record = IncidentStore(StateHome.resolve().index).get(incident)
    assert record.source == {"kind": "env", "file": str(env_file.resolve())}
    assert record.alert == TYPED
    assert "AIOPS_ENV" in captured.err


def test_env_yaml_in_the_state_folder_is_the_next_default(scripted, capsys):
    _env_file(StateHome.resolve().root / "env.yaml")
    assert main(["respond", TYPED, "--model", "scripted", "--json", "--quiet"]) == 3
    incident = json.loads(capsys.readouterr().out)["incident_id"]
    record = IncidentStore(StateHome.resolve().index).get(incident)
    assert record.source["file"] == str((StateHome.resolve().root / "env.yaml").resolve())


def test_an_empty_typed_alert_with_an_environment_that_has_none_is_exit_2(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("AIOPS_ENV", str(_env_file(tmp_path / "staging.yaml")))
    assert main(["respond", "   ", "--model", "scripted", "--quiet"]) == 2
    assert "alert" in capsys.readouterr().err


def _args(**given):
    return argparse.Namespace(**{"scenario": None, "env": None, **given})


def test_choice_order_and_conflicts(tmp_path, monkeypatch):
    home = StateHome.resolve(tmp_path / "state")
    env_file = _env_file(tmp_path / "a.yaml")
    monkeypatch.setenv("AIOPS_ENV", str(_env_file(tmp_path / "b.yaml")))
    assert choose_environment(_args(env=str(env_file)), home).source["file"] == str(env_file.resolve())
    scenario = choose_environment(_args(scenario="pool-leak-payment"), home)
    assert scenario.source == {"kind": "sandbox", "scenario": "pool-leak-payment"} and scenario.alert
    assert choose_environment(_args(), home).source["file"] == str((tmp_path / "b.yaml").resolve())
    with pytest.raises(ConfigError, match="not several"):
        choose_environment(_args(env=str(env_file), scenario="pool-leak-payment"), home)
    monkeypatch.setenv("AIOPS_ENV", str(tmp_path / "missing.yaml"))
    with pytest.raises(ConfigError, match="AIOPS_ENV"):
        choose_environment(_args(), home)
