"""The runtime's own recovery check."""

from datetime import UTC, datetime, timedelta

from aiops.core.types import MetricSeries
from aiops.runtime.verify import verify_recovery

ALERT = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)


class _Metrics:
    def __init__(self, series):
        self.series = series

    def metric_names(self):
        return ["error_rate", "latency_p99"]

    def query(self, service, metric, *, start, end, step_s=60):
        return self.series[(service, metric)]


class _Env:
    def __init__(self, series, now):
        self.metrics = _Metrics(series)
        self.clock = type("C", (), {"now": staticmethod(lambda: now)})()


def _series(service, metric, start_min, values):
    times = [ALERT + timedelta(minutes=start_min + i) for i in range(len(values))]
    return MetricSeries(service, metric, "", times, list(values))


def _env(err_after, lat_after, history=90):
    """`history` healthy minutes before the alert, 5 degraded minutes, then 5 minutes after the action."""
    err = [0.3] * history + [20.0] * 5 + [err_after] * 5
    lat = [120.0] * history + [3000.0] * 5 + [lat_after] * 5
    series = {("api", "error_rate"): _series("api", "error_rate", -history, err),
              ("api", "latency_p99"): _series("api", "latency_p99", -history, lat)}
    return _Env(series, ALERT + timedelta(minutes=10)), ALERT + timedelta(minutes=5)


def test_recovered_when_health_metrics_back_to_baseline():
    env, since = _env(0.4, 130.0)
    v = verify_recovery(env, ["api"], alert_time=ALERT, since=since)
    assert v.recovered is True and len(v.checked) == 2


def test_not_recovered_when_still_degraded():
    env, since = _env(12.0, 130.0)
    assert verify_recovery(env, ["api"], alert_time=ALERT, since=since).recovered is False


def test_short_history_still_gets_a_baseline():
    env, since = _env(0.4, 130.0, history=30)
    assert verify_recovery(env, ["api"], alert_time=ALERT, since=since).recovered is True


def test_no_samples_after_action_is_not_judged():
    env, _ = _env(0.4, 130.0)
    v = verify_recovery(env, ["api"], alert_time=ALERT, since=ALERT + timedelta(minutes=30))
    assert v.recovered is None


def test_cause_metrics_are_rechecked_and_reported_without_contradicting_the_verdict():
    env, since = _env(0.4, 130.0)
    conns = [20.0] * 90 + [100.0] * 5 + [40.0] * 5
    env.metrics.series[("api", "connections")] = MetricSeries("api", "connections", "connections",
                                                              [ALERT + timedelta(minutes=i - 90) for i in range(100)],
                                                              conns)
    env.metrics.metric_names = lambda: ["error_rate", "latency_p99", "connections"]
    v = verify_recovery(env, ["api"], alert_time=ALERT, since=since, cause_metrics={"api": ["connections", "disk"]})
    assert v.recovered is True
    assert "the cause is not gone" in v.detail and "connections 40 vs baseline 20" in v.detail
    assert not any("still degraded" in line for line in v.checked)
    assert any(line.startswith("api disk: not a metric of this environment") for line in v.checked)
    assert v.recovered_at == (ALERT + timedelta(minutes=6)).isoformat()  # the first sample after the action
