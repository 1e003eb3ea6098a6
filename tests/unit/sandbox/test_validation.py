"""Scenario validation: every mistake is a ConfigError naming the file and the key path."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from aiops.core.errors import ConfigError
from aiops.sandbox import load_scenario, parse_scenario

GOOD = {
    "name": "ok",
    "seed": 1,
    "window_minutes": 60,
    "alert": "payment-api 503s",
    "topology": "default",
    "events": [{"at_minute": -25, "type": "deployment", "service": "user-api", "version": "v2.5.0"}],
    "faults": [
        {"type": "connection_leak", "target": "payment-api", "start_minute": -20, "params": {"per_minute": 6}}
    ],
    "noise": [{"type": "benign_warnings", "target": "inventory-api"}],
    "expected": {
        "root_cause": "connection_pool_exhaustion",
        "service": "payment-api",
        "fixes": ["reset_connection_pool", "restart", "increase_pool_size"],
    },
}


def broken(change) -> dict:
    data = copy.deepcopy(GOOD)
    change(data)
    return data


def fails(data: dict, path: str, *words: str, tmp_path: Path | None = None) -> ConfigError:
    if tmp_path is not None:
        file = tmp_path / "bad.yaml"
        file.write_text(yaml.safe_dump(data), encoding="utf-8")
        with pytest.raises(ConfigError) as info:
            load_scenario(file)
        assert info.value.file == str(file)
    else:
        with pytest.raises(ConfigError) as info:
            parse_scenario(data, file="x.yaml")
        assert info.value.file == "x.yaml"
    assert info.value.path == path, str(info.value)
    for word in words:
        assert word in str(info.value), str(info.value)
    assert info.value.exit_code == 2
    return info.value


def test_the_issue_example_is_valid():
    scenario = parse_scenario(GOOD)
    assert scenario.faults[0].params == {"per_minute": 6.0}
    assert set(scenario.faults[0].fixes) >= {"reset_connection_pool", "restart", "increase_pool_size"}


def test_bad_param_value_names_the_param_path(tmp_path):
    data = broken(lambda d: d["faults"][0]["params"].update(per_minute="lots"))
    fails(data, "faults[0].params.per_minute", "number", tmp_path=tmp_path)


def test_out_of_range_param():
    fails(broken(lambda d: d["faults"][0]["params"].update(per_minute=-3)), "faults[0].params.per_minute")


def test_unknown_param():
    fails(broken(lambda d: d["faults"][0]["params"].update(rate=3)), "faults[0].params.rate", "unknown key")


def test_unknown_fault_type_suggests_a_name():
    err = fails(
        broken(lambda d: d["faults"][0].update(type="conection_leak")), "faults[0].type", "fault type"
    )
    assert "connection_leak" in str(err)


def test_unknown_target_lists_services():
    err = fails(
        broken(lambda d: d["faults"][0].update(target="checkout")), "faults[0].target", "unknown service"
    )
    assert "payment-api" in str(err)


def test_target_of_the_wrong_kind():
    fails(broken(lambda d: d["faults"][0].update(type="slow_database")), "faults[0].target", "database")


def test_unknown_top_level_key():
    fails(broken(lambda d: d.update(expect={})), "expect", "unknown key", "expected")


def test_unknown_fault_key():
    fails(broken(lambda d: d["faults"][0].update(start=-3)), "faults[0].start", "start_minute")


def test_unknown_noise_type_and_key():
    fails(broken(lambda d: d["noise"][0].update(type="chatter")), "noise[0].type", "noise type")
    fails(broken(lambda d: d["noise"][0].update(text="x")), "noise[0].text", "unknown key")


def test_lines_noise_needs_text():
    fails(
        broken(lambda d: d["noise"].append({"type": "lines", "target": "redis"})), "noise[1].text", "required"
    )


def test_unknown_category_and_unknown_action():
    fails(broken(lambda d: d["expected"].update(root_cause="pool_leak")), "expected.root_cause", "category")
    fails(broken(lambda d: d["expected"].update(fixes=["reboot"])), "expected.fixes[0]", "runbook action")


def test_a_fix_that_does_not_fix_the_fault():
    fails(
        broken(lambda d: d["expected"].update(fixes=["clear_disk_space"])),
        "expected.fixes[0]",
        "does not fix",
    )


def test_false_alarm_takes_no_action():
    def change(d):
        d["faults"] = []
        d["expected"] = {"root_cause": "none", "fixes": ["restart"]}

    fails(broken(change), "expected.fixes", "no action")


def test_a_cause_without_faults_is_refused():
    fails(broken(lambda d: d.update(faults=[])), "expected.root_cause", "no faults")


def test_topology_errors():
    own = {"services": {"a": {"kind": "app", "depends_on": ["b"]}, "b": {"kind": "app", "depends_on": ["a"]}}}
    fails(broken(lambda d: d.update(topology=own)), "topology.services.a", "cycle")
    own = {"services": {"a": {"kind": "app", "depends_on": ["zz"]}}}
    fails(broken(lambda d: d.update(topology=own)), "topology.services.a.depends_on[0]", "unknown service")
    own = {"services": {"a": {"kind": "queue"}}}
    fails(broken(lambda d: d.update(topology=own)), "topology.services.a.kind", "kind")
    own = {"services": {"a": {"kind": "database", "pool_size": 5}}}
    fails(broken(lambda d: d.update(topology=own)), "topology.services.a.pool_size", "only app")
    own = {"services": {"a": {"kind": "app", "memory": 5}}}
    fails(broken(lambda d: d.update(topology=own)), "topology.services.a.memory", "unknown key")


def test_deployment_event_needs_a_version():
    fails(broken(lambda d: d["events"][0].pop("version")), "events[0].version", "version")


def test_missing_required_key():
    fails(broken(lambda d: d.pop("alert")), "alert", "missing")


def test_unknown_scenario_name_lists_the_shipped_ones():
    with pytest.raises(ConfigError) as info:
        load_scenario("no-such-scenario")
    assert "pool-leak-payment" in str(info.value)


def test_a_custom_catalogue_is_used_for_fix_names():
    catalogue = {"bounce": {"effect": "reset_pool", "recovery_minutes": 1}}
    data = broken(lambda d: d["expected"].update(fixes=["bounce"]))
    assert parse_scenario(data, catalogue=catalogue).expected.fixes == ("bounce",)
    with pytest.raises(ConfigError):
        parse_scenario(GOOD, catalogue=catalogue)
