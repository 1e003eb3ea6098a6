"""Building environments: the sandbox default, mixed sandbox + real roles, the connectivity table."""

from __future__ import annotations

import sys

from aiops.backends import BackendType, build_environment, default_environment_spec, parse_environment
from aiops.backends.check import check_environment, render_table
from aiops.backends.options import Options
from aiops.backends.registry import register_backend
from aiops.core.errors import BackendError

from .conftest import BASE


def test_default_spec_is_the_sandbox(tmp_path):
    import aiops.sandbox as sandbox

    spec = default_environment_spec()
    expected = getattr(sandbox, "DEFAULT_SCENARIO", None) or sandbox.list_scenarios()[0]
    assert spec.all_sandbox and spec.scenario == expected
    assert default_environment_spec("pool-leak-payment").scenario == "pool-leak-payment"
    env = build_environment(spec, state_dir=tmp_path)
    try:
        assert env.alert and env.inventory.services()
        assert "cpu" in env.metrics.metric_names()
    finally:
        env.close()


def test_mixed_sandbox_and_real_roles(tmp_path):
    actions = {"restart": [sys.executable, "-c", "print('restarted')", "{target}"]}
    spec = parse_environment(
        {
            "name": "mixed",
            "type": "sandbox",
            "scenario": "pool-leak-payment",
            "executor": {"type": "command", "actions": actions},
        }
    )
    env = build_environment(spec, state_dir=tmp_path)
    try:
        assert spec.role("clock").type == "sandbox" and env.alert
        assert env.clock.now() == env.clock.now()  # simulated time
        result = env.executor.execute("restart", "payment-api", key="k1")
        assert result.ok and "restarted" in result.details["stdout"]
        assert env.info["backends"]["executor"] == "command"
    finally:
        env.close()


class _Down:
    def metric_names(self):
        return ["cpu"]

    def query(self, *args, **kwargs):
        raise BackendError("down")

    def check(self):
        raise BackendError("metrics-test: connection refused")


def test_check_table_reports_each_role(tmp_path):
    register_backend(BackendType("metrics", "unit-down", Options, lambda o, ctx: _Down()), replace=True)
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "payment-api.log").write_text("2024-05-01T12:00:00Z INFO up\n")
    spec = parse_environment({**BASE, "metrics": {"type": "unit-down"}}, file=tmp_path / "env.yaml")
    rows = check_environment(spec)
    status = {r.role: r.ok for r in rows}
    assert status == {
        "inventory": True,
        "clock": True,
        "metrics": False,
        "logs": True,
        "events": True,
        "executor": True,
        "state": True,
        }
    table = render_table(rows)
    assert "metrics    unit-down  FAIL" in table and "connection refused" in table
