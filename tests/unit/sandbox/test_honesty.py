"""The telemetry shows symptoms only: no fault type, no category, no expected answer anywhere in
what the environment returns (logs, metrics, events, inventory, info, executor messages)."""

from __future__ import annotations

import pytest

from aiops.sandbox import FAULTS, build_environment, list_scenarios, load_scenario
from aiops.sandbox._data import categories, default_catalogue

from .helpers import all_text

NAMES = list_scenarios()
FORBIDDEN = sorted({*FAULTS, *(c for c in categories() if c != "none"), "root_cause"})


@pytest.mark.parametrize("name", NAMES)
def test_no_answer_in_any_output(name):
    sc = load_scenario(name)
    env = build_environment(sc)
    text = all_text(env, minutes=sc.window_minutes)
    for word in FORBIDDEN:
        assert word not in text, f"{word!r} leaked in {name}"
    assert sc.description.strip()[:40] not in text
    for fix in sc.expected.fixes:
        if "_" in fix:
            assert fix not in text, f"fix {fix!r} leaked before any action in {name}"
    assert "expected" not in env.info and "description" not in env.info
    assert env.alert == sc.alert


def test_executor_messages_do_not_judge_the_action():
    sc = load_scenario("pool-leak-payment")
    for action in default_catalogue():
        env = build_environment(sc)
        result = env.executor.execute(action, "payment-api")
        lowered = result.message.lower()
        for word in (*FORBIDDEN, "correct", "wrong", "root cause", "recovered"):
            assert word not in lowered, (action, result.message)


def test_scanning_would_catch_a_leak():
    sc = load_scenario("pool-leak-payment")
    env = build_environment(sc)
    env.info["leak"] = sc.expected.root_cause
    assert sc.expected.root_cause in all_text(env, minutes=5)
