"""The randomised scenario generator: valid scenario files, random names, honest alerts."""

from __future__ import annotations

import yaml

from aiops.bench.generate import CATEGORY, scenario, with_fixes, write
from aiops.sandbox.scenario import load_scenario, parse_scenario


def test_every_fault_type_yields_a_valid_scenario():
    for n, kind in enumerate(sorted(CATEGORY)):
        data = with_fixes(scenario(100 + n, fault=kind))
        parsed = parse_scenario(data)
        assert parsed.expected.root_cause == CATEGORY[kind]
        assert parsed.expected.fixes and set(parsed.expected.fixes) <= set(parsed.faults[0].fixes)
        assert kind not in data["alert"] and CATEGORY[kind] not in data["alert"]


def test_generation_is_deterministic_and_names_vary():
    assert scenario(7) == scenario(7)
    names = {name for seed in range(20) for name in scenario(seed)["topology"]["services"]}
    assert len(names) > 40
    assert not names & {"payment-api", "postgres", "redis"}


def test_false_alarms_have_no_fault(tmp_path):
    paths = write(tmp_path, range(9), false_alarm_every=4)
    alarms = [p for p in paths if yaml.safe_load(p.read_text())["expected"]["root_cause"] == "none"]
    assert len(alarms) == 3
    for path in paths:
        assert load_scenario(path).name == path.stem
