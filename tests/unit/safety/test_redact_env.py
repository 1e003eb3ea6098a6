"""`redact_environment`: nothing un-redacted leaves any backend, errors included."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from aiops.core.errors import BackendError, UnknownServiceError
from aiops.core.types import ActionResult, ChangeEvent, Environment, LogRecord, MetricSeries, ServiceInfo
from aiops.safety import RedactionConfig, Redactor, redact_environment

T0 = datetime(2025, 1, 6, 12, 0, tzinfo=UTC)
SECRET = "hunter2-planted"


class FakeWorld:
    """One object playing every backend role, leaking the planted secret everywhere it can."""

    def __init__(self) -> None:
        self.closed = 0
        self.fail = False

    def now(self) -> datetime:
        return T0

    def services(self) -> list[ServiceInfo]:
        return [ServiceInfo(name="payment-api", kind="app", depends_on=("postgres",))]

    def fetch(self, service, *, start, end, limit=200_000):
        yield LogRecord(T0, service, "ERROR", f"db password={SECRET}", f"raw password={SECRET}")
        if self.fail:
            raise BackendError(f"stream broke at postgres://app:{SECRET}@db/x")

    def metric_names(self) -> list[str]:
        return ["cpu", "error_rate"]

    def query(self, service, metric, *, start, end, step_s=60):
        if metric == "bad":
            raise UnknownServiceError(f"svc token={SECRET}", ["payment-api"])
        return MetricSeries(service, metric, f"token={SECRET}", [T0], [1.0])

    def events(self, *, start, end, service=None):
        return [
            ChangeEvent(
                T0, "config_change", "payment-api", f"rotated password={SECRET}", {"new_password": SECRET}
            )
        ]

    def supported_actions(self) -> list[str]:
        return ["restart"]

    def execute(self, action, target, *, dry_run=False, key=None):
        return ActionResult(
            action, target, True, f"restarted with password={SECRET}", details={"token": SECRET}
        )

    def close(self) -> None:
        self.closed += 1


@pytest.fixture
def world() -> FakeWorld:
    return FakeWorld()


@pytest.fixture
def env(world) -> Environment:
    raw = Environment(
        name="fake",
        inventory=world,
        logs=world,
        metrics=world,
        events=world,
        executor=world,
        clock=world,
        alert=f"payment-api down, dsn postgres://u:{SECRET}@db/x",
        info={"dsn": f"postgres://u:{SECRET}@db/x"},
    )
    return redact_environment(raw, Redactor(RedactionConfig()))


def test_every_backend_output_is_redacted(env):
    start, end = T0 - timedelta(minutes=30), T0
    outputs = [
        list(env.logs.fetch("payment-api", start=start, end=end)),
        env.metrics.query("payment-api", "cpu", start=start, end=end),
        env.events.events(start=start, end=end),
        env.executor.execute("restart", "payment-api", key="k"),
        env.inventory.services(),
        env.alert,
        env.info,
    ]
    assert SECRET not in repr(outputs)
    assert "[REDACTED:password" in repr(outputs[0])


def test_backend_errors_are_redacted_and_keep_their_type(env, world):
    start, end = T0 - timedelta(minutes=30), T0
    world.fail = True
    with pytest.raises(BackendError) as info:
        list(env.logs.fetch("payment-api", start=start, end=end))
    assert SECRET not in str(info.value)
    with pytest.raises(UnknownServiceError) as info2:
        env.metrics.query("payment-api", "bad", start=start, end=end)
    assert SECRET not in str(info2.value)


def test_protocols_still_hold_and_clock_and_metric_names_pass_through(env):
    from aiops.core import Clock, EventSource, Executor, Inventory, LogSource, MetricSource

    assert isinstance(env.logs, LogSource) and isinstance(env.metrics, MetricSource)
    assert isinstance(env.events, EventSource) and isinstance(env.executor, Executor)
    assert isinstance(env.inventory, Inventory) and isinstance(env.clock, Clock)
    assert env.clock.now() == T0 and env.metrics.metric_names() == ["cpu", "error_rate"]
    assert env.executor.supported_actions() == ["restart"]


def test_close_reaches_a_shared_backend_once(env, world):
    env.close()
    assert world.closed == 1


def test_raw_backend_is_reachable_for_runtime_code_only_as_inner(env, world):
    assert env.logs.inner is world
