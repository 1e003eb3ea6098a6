"""The shipped scenarios: enough of them, every fault type, red herrings, a cascade, a false alarm,
own topologies; each one's expected answer is consistent with what its world does."""

from __future__ import annotations

from datetime import timedelta

import pytest

from aiops.sandbox import FAULTS, build_environment, list_scenarios, load_scenario
from aiops.sandbox.scenario import SCENARIO_DIR

from .helpers import degraded

NAMES = list_scenarios()


def test_at_least_twelve_covering_every_fault_type():
    assert len(NAMES) >= 12
    used = {f.type for name in NAMES for f in load_scenario(name).faults}
    assert used == set(FAULTS)


@pytest.mark.parametrize("name", NAMES)
def test_file_name_matches_and_loads_by_path(name):
    by_name = load_scenario(name)
    assert by_name.name == name
    assert load_scenario(SCENARIO_DIR / f"{name}.yaml").fingerprint() == by_name.fingerprint()


def test_a_false_alarm_with_no_action():
    alarms = [load_scenario(n) for n in NAMES if load_scenario(n).expected.root_cause == "none"]
    assert alarms
    for sc in alarms:
        assert not sc.faults and sc.expected.fixes == () and sc.expected.service is None


def test_red_herring_deployment_of_another_service():
    found = []
    for name in NAMES:
        sc = load_scenario(name)
        deploys = [e for e in sc.events if e.type == "deployment"]
        if sc.expected.service and any(e.service != sc.expected.service for e in deploys):
            found.append(name)
    assert found


def test_red_herring_noisy_but_healthy_service():
    found = []
    for name in NAMES:
        sc = load_scenario(name)
        noisy = {n.target for n in sc.noise if n.type in ("noisy_errors", "retries")}
        faulty = {f.target for f in sc.faults}
        if sc.expected.service and noisy - faulty - {sc.expected.service}:
            found.append(name)
    assert found


def test_a_cascade_where_the_origin_is_not_the_loudest():
    cascades = 0
    for name in NAMES:
        sc = load_scenario(name)
        origin = sc.expected.service
        if not origin or not sc.topology.callers(origin):
            continue
        env = build_environment(sc)
        now = env.clock.now()

        def errors(service, env=env, now=now):
            lines = env.logs.fetch(service, start=now - timedelta(minutes=5), end=now)
            return sum(1 for r in lines if r.level in ("ERROR", "FATAL"))

        if max(errors(c) for c in sc.topology.callers(origin)) > errors(origin):
            cascades += 1
    assert cascades >= 2


def test_own_topologies_with_other_names():
    own = [load_scenario(n) for n in NAMES if load_scenario(n).custom_topology]
    assert len(own) >= 3
    default = {"payment-api", "inventory-api", "user-api", "postgres", "redis"}
    assert all(not set(sc.topology.names()) & default for sc in own)


@pytest.mark.parametrize("name", NAMES)
def test_expected_fixes_recover_and_doing_nothing_does_not(name):
    sc = load_scenario(name)
    if not sc.expected.fixes:
        env = build_environment(sc)
        start = env.clock.now()
        env.clock.advance(6)
        assert degraded(env, since=start) == [], "a false alarm must look healthy now"
        return
    idle = build_environment(sc)
    start = idle.clock.now()
    idle.clock.advance(6)
    assert degraded(idle, since=start), "the incident must be visible at the alert"
    for fix in sc.expected.fixes:
        env = build_environment(sc)
        result = env.executor.execute(fix, sc.expected.service)
        assert result.ok, result.message
        assert degraded(env, since=start) == [], fix
