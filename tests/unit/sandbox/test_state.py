"""World state across processes: actions and the clock persist in the state folder; execute is
idempotent by key; dry runs and refusals change nothing."""

from __future__ import annotations

import json

import pytest

from aiops.core.errors import ConfigError
from aiops.core.protocols import Clock, EventSource, Executor, Inventory, LogSource, MetricSource
from aiops.sandbox import build_environment, load_scenario

SCENARIO = "pool-leak-payment"


def test_environment_implements_the_core_protocols():
    env = build_environment(SCENARIO)
    for backend, proto in (
        (env.inventory, Inventory),
        (env.logs, LogSource),
        (env.metrics, MetricSource),
        (env.events, EventSource),
        (env.executor, Executor),
        (env.clock, Clock),
    ):
        assert isinstance(backend, proto)
    assert env.clock.now().isoformat() == env.info["alert_time"]
    assert env.clock.now().tzinfo is not None


def test_state_persists_across_two_builds(tmp_path):
    first = build_environment(SCENARIO, state_dir=tmp_path)
    alert_time = first.clock.now()
    result = first.executor.execute("reset_connection_pool", "payment-api", key="appr-1")
    assert result.ok
    moved = first.clock.now()
    assert moved > alert_time
    saved = json.loads((tmp_path / "sandbox.json").read_text())
    assert saved["actions"][0]["key"] == "appr-1"
    second = build_environment(load_scenario(SCENARIO), state_dir=tmp_path)
    assert second.clock.now() == moved
    a = first.metrics.query("payment-api", "connections", start=alert_time, end=moved)
    b = second.metrics.query("payment-api", "connections", start=alert_time, end=moved)
    assert a.values == b.values and a.timestamps == b.timestamps
    assert any(
        e.attrs.get("action") == "reset_connection_pool"
        for e in second.events.events(start=alert_time, end=moved)
    )


def test_execute_is_idempotent_by_key_even_in_another_process(tmp_path):
    first = build_environment(SCENARIO, state_dir=tmp_path)
    one = first.executor.execute("restart", "payment-api", key="k1")
    after_first = first.clock.now()
    again = first.executor.execute("restart", "payment-api", key="k1")
    assert again == one and first.clock.now() == after_first
    other = build_environment(SCENARIO, state_dir=tmp_path)
    assert other.executor.execute("restart", "payment-api", key="k1") == one
    assert other.clock.now() == after_first
    assert len(json.loads((tmp_path / "sandbox.json").read_text())["actions"]) == 1


def test_an_action_saved_by_another_process_is_seen_on_the_next_execute(tmp_path):
    first = build_environment(SCENARIO, state_dir=tmp_path)
    second = build_environment(SCENARIO, state_dir=tmp_path)
    second.executor.execute("restart", "payment-api", key="k1")
    assert first.executor.execute("restart", "payment-api", key="k1").ok
    assert len(json.loads((tmp_path / "sandbox.json").read_text())["actions"]) == 1
    assert first.clock.now() == second.clock.now()


def test_refusals_are_clear_and_change_nothing():
    env = build_environment(SCENARIO)
    now = env.clock.now()
    unknown = env.executor.execute("reboot_everything", "payment-api")
    assert not unknown.ok and "available actions" in unknown.message and "restart" in unknown.message
    target = env.executor.execute("restart", "checkout")
    assert not target.ok and "known services" in target.message and "payment-api" in target.message
    kind = env.executor.execute("kill_blocking_queries", "payment-api")
    assert not kind.ok and "database" in kind.message
    rollback = env.executor.execute("rollback_deployment", "payment-api")
    assert not rollback.ok and "roll back" in rollback.message
    assert env.clock.now() == now


def test_refusal_by_key_is_remembered(tmp_path):
    env = build_environment(SCENARIO, state_dir=tmp_path)
    first = env.executor.execute("restart", "nope", key="k9")
    assert not first.ok
    assert env.executor.execute("restart", "nope", key="k9") == first


def test_dry_run_acts_on_nothing(tmp_path):
    env = build_environment(SCENARIO, state_dir=tmp_path)
    now = env.clock.now()
    result = env.executor.execute("restart", "payment-api", dry_run=True, key="k2")
    assert result.ok and result.dry_run and result.message.startswith("would do")
    assert env.clock.now() == now
    assert not (tmp_path / "sandbox.json").exists()
    assert env.executor.execute("restart", "payment-api", key="k2").dry_run is False


def test_clock_advance_persists(tmp_path):
    env = build_environment(SCENARIO, state_dir=tmp_path)
    later = env.clock.advance(7)
    assert build_environment(SCENARIO, state_dir=tmp_path).clock.now() == later
    with pytest.raises(ValueError):
        env.clock.advance(-1)


def test_state_of_another_scenario_is_refused(tmp_path):
    build_environment(SCENARIO, state_dir=tmp_path).clock.advance(1)
    with pytest.raises(ConfigError) as info:
        build_environment("redis-down-cascade", state_dir=tmp_path)
    assert "sandbox.json" in str(info.value)


def test_supported_actions_follow_the_catalogue_by_effect():
    catalogue = {"bounce": {"effect": "restart", "recovery_minutes": 1}, "pray": {"effect": "hope"}}
    env = build_environment(SCENARIO, catalogue=catalogue)
    assert env.executor.supported_actions() == ["bounce"]
    assert env.executor.execute("bounce", "payment-api").ok
    refused = env.executor.execute("pray", "payment-api")
    assert not refused.ok and "effect" in refused.message


def test_action_advances_the_clock_by_recovery_plus_observation():
    env = build_environment(SCENARIO)
    start = env.clock.now()
    result = env.executor.execute("reset_connection_pool", "payment-api")
    minutes = (env.clock.now() - start).total_seconds() / 60
    assert minutes == result.details["recovery_minutes"] + 4
