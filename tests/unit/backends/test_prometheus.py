"""Prometheus source logic over an in-process fake HTTP client (the real server is in integration)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from aiops.backends.prometheus import combine_matrix, instant_value, render
from aiops.core.errors import BackendError, UnknownMetricError, UnknownServiceError

T0 = datetime(2024, 5, 1, 12, tzinfo=UTC)
QUERIES = {
    "cpu": 'sum(rate(cpu_seconds{service="{service}"}[{step}s])) * 100',
    "memory": {"query": 'max(mem_mi{service="{service}"})', "unit": "Mi", "limit_from": "memory_limit_mi"},
    "connections": {
        "query": 'pool_active{service="{service}"}',
        "limit_query": 'pool_max{service="{service}"}',
        "combine": "sum",
    },
    "error_rate": {"query": 'errors{service="{service}"}', "unit": "%", "limit": 100},
}


class FakeClient:
    """Answers like Prometheus's HTTP API and records the requests."""

    base = shown = "http://fake"

    def __init__(self, answers):
        self.answers = answers
        self.calls = []

    def get_json(self, path, params=None):
        self.calls.append((path, dict(params or {})))
        answer = self.answers[path]
        if callable(answer):
            answer = answer(params)
        if isinstance(answer, Exception):
            raise answer
        return answer


def matrix(*series):
    return {
        "status": "success",
        "data": {
            "resultType": "matrix",
            "result": [{"metric": {"pod": f"p{i}"}, "values": values} for i, values in enumerate(series)],
        },
    }


@pytest.fixture
def metrics(build):
    env = build(metrics={"type": "prometheus", "url": "http://fake", "queries": QUERIES})
    return env.metrics


def test_names_and_errors(metrics):
    assert metrics.metric_names() == ["connections", "cpu", "error_rate", "memory"]
    with pytest.raises(UnknownMetricError) as err:
        metrics.query("payment-api", "disk", start=T0, end=T0)
    assert "connections, cpu, error_rate, memory" in str(err.value)
    with pytest.raises(UnknownServiceError):
        metrics.query("nope", "cpu", start=T0, end=T0)


def test_query_range_request_and_series(metrics):
    ts = T0.timestamp()
    metrics.client = FakeClient({"api/v1/query_range": matrix([[ts, "40"], [ts + 60, "NaN"], [ts + 120, "55.5"]])})
    series = metrics.query("payment-api", "cpu", start=T0 - timedelta(minutes=30), end=T0, step_s=60)
    path, params = metrics.client.calls[0]
    assert path == "api/v1/query_range"
    assert params["query"] == 'sum(rate(cpu_seconds{service="payment-api"}[60s])) * 100'
    assert params["step"] == 60 and float(params["end"]) == ts
    assert series.values == [40.0, 55.5]
    assert series.timestamps[1] == T0 + timedelta(minutes=2)
    assert series.limit is None


def test_limits(metrics):
    ts = T0.timestamp()
    metrics.client = FakeClient({"api/v1/query_range": matrix([[ts, "300"]], [[ts, "310"]])})
    memory = metrics.query("payment-api", "memory", start=T0, end=T0)
    assert memory.limit == 512 and memory.unit == "Mi" and memory.values == [310.0]
    metrics.client = FakeClient(
        {
            "api/v1/query_range": lambda p: (
                matrix([[ts - 120, "90"], [ts - 60, "100"]])
                if "pool_max" in p["query"]
                else matrix([[ts, "30"]], [[ts, "45"]])
            ),
        }
    )
    conns = metrics.query("payment-api", "connections", start=T0, end=T0)
    assert conns.values == [75.0] and conns.limit == 100.0
    assert metrics.query("payment-api", "error_rate", start=T0, end=T0).limit == 100


def test_step_grows_for_long_windows(metrics):
    metrics.client = FakeClient({"api/v1/query_range": matrix()})
    metrics.query("payment-api", "cpu", start=T0 - timedelta(days=30), end=T0, step_s=15)
    assert metrics.client.calls[0][1]["step"] >= 30 * 86400 / 11000


def test_error_status_is_backend_error(metrics):
    metrics.client = FakeClient(
        {"api/v1/query_range": {"status": "error", "errorType": "bad_data", "error": "parse error"}}
    )
    with pytest.raises(BackendError, match="parse error"):
        metrics.query("payment-api", "cpu", start=T0, end=T0)


def test_helpers():
    assert render('x{service="{service}"}[{step}s]', 'a"b', 30) == 'x{service="a\\"b"}[30s]'
    assert combine_matrix([{"values": [[1, "1"], [2, "2"]]}, {"values": [[1, "3"]]}], "avg") == [
        (1.0, 2.0),
        (2.0, 2.0),
    ]
    assert instant_value({"resultType": "scalar", "result": [1, "7"]}) == 7.0
    assert instant_value({"resultType": "vector", "result": []}) is None


def test_shorthand_and_conflicting_limits(build):
    from aiops.core.errors import ConfigError

    with pytest.raises(ConfigError) as err:
        build(
            metrics={
                "type": "prometheus",
                "url": "http://fake",
                "queries": {"memory": {"query": "x", "limit": 1, "limit_from": "pool_size"}},
            }
        )
    assert err.value.path.startswith("metrics.queries.memory")


def test_limit_from_first_field_the_service_has(build):
    env = build(
        metrics={
            "type": "prometheus",
            "url": "http://fake",
            "queries": {
                "connections": {
                    "query": 'c{service="{service}"}',
                    "limit_from": ["pool_size", "max_connections"],
                }
            },
        }
    )
    ts = T0.timestamp()
    env.metrics.client = FakeClient({"api/v1/query_range": matrix([[ts, "1"]])})
    assert env.metrics.query("payment-api", "connections", start=T0, end=T0).limit == 100
    assert env.metrics.query("postgres", "connections", start=T0, end=T0).limit == 500


def test_check_runs_a_query(metrics):
    metrics.client = FakeClient(
        {
            "api/v1/status/buildinfo": {"status": "success", "data": {"version": "2.53.0"}},
            "api/v1/query": {
                "status": "success",
                "data": {"resultType": "vector", "result": [{"metric": {}, "value": [0, "1"]}]},
            },
        }
    )
    assert metrics.check() == "prometheus 2.53.0 at http://fake"
