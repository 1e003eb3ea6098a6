"""Loki log source against a local stub serving recorded query_range responses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from aiops.backends import build_environment, parse_environment
from aiops.core.errors import BackendError, UnknownServiceError

from .recorded_stubs import LokiStub
from .servers import stub_server

pytestmark = pytest.mark.integration

T0 = datetime(2024, 5, 1, 12, tzinfo=UTC)


@pytest.fixture
def loki(tmp_path, monkeypatch):
    LokiStub.requests = []
    monkeypatch.setenv("LOKI_TOKEN", "loki-secret")
    with stub_server(LokiStub) as url:

        def make(**logs):
            spec = parse_environment(
                {
                    "name": "loki",
                    "inventory": {"type": "static", "services": {"payment-api": {}, "user-api": {}}},
                    "logs": {
                        "type": "loki",
                        "url": url,
                        "query": '{app="{service}"} |= ""',
                        "tenant": "team-sre",
                        "token_env": "LOKI_TOKEN",
                        **logs,
                    },
                    "metrics": {"type": "prometheus", "url": "http://127.0.0.1:1", "queries": {"cpu": "x"}},
                },
                file=tmp_path / "env.yaml",
            )
            return build_environment(spec)

        yield make


def test_pages_backwards_without_gaps_or_duplicates(loki):
    env = loki(page_size=7)
    records = list(env.logs.fetch("payment-api", start=T0, end=T0 + timedelta(hours=1)))
    assert len(records) == 96
    assert [r.ts for r in records] == sorted(r.ts for r in records)
    assert len({(r.ts, r.raw) for r in records}) == 96
    assert 14 <= len(LokiStub.requests) <= 17  # pages of 7 overlap by the entries at the cursor
    first = LokiStub.requests[0]
    assert first["params"]["query"] == '{app="payment-api"} |= ""'
    assert first["params"]["direction"] == "backward" and first["params"]["limit"] == "7"
    assert first["headers"]["authorization"] == "Bearer loki-secret"
    assert first["headers"]["x-scope-orgid"] == "team-sre"
    errors = [r for r in records if r.level == "ERROR"]
    assert errors and all("Connection is not available" in r.message for r in errors)
    assert records[0].message.startswith("[http-nio-8080-exec-0] c.e.p.PaymentController - POST /v1/payments 200")


def test_window_and_limit(loki):
    env = loki()
    window = list(env.logs.fetch("payment-api", start=T0 + timedelta(minutes=20), end=T0 + timedelta(minutes=25)))
    assert window and all(T0 + timedelta(minutes=20) <= r.ts <= T0 + timedelta(minutes=25) for r in window)
    newest = list(env.logs.fetch("payment-api", start=T0, end=T0 + timedelta(hours=1), limit=10))
    assert len(newest) == 10 and newest[-1].ts > T0 + timedelta(minutes=29)
    capped = loki(max_entries=5)
    assert len(list(capped.logs.fetch("payment-api", start=T0, end=T0 + timedelta(hours=1)))) == 5


def test_errors(loki):
    env = loki()
    with pytest.raises(UnknownServiceError):
        env.logs.fetch("nope", start=T0, end=T0)
    assert list(env.logs.fetch("user-api", start=T0, end=T0 + timedelta(hours=1))) == []
    bad = loki(query="garbage {service}")
    with pytest.raises(BackendError, match=r"HTTP 400.*syntax error"):
        list(bad.logs.fetch("payment-api", start=T0, end=T0 + timedelta(hours=1)))
    metric = loki(query='rate({app="{service}"}[1m])')
    with pytest.raises(BackendError, match="expected a log query"):
        list(metric.logs.fetch("payment-api", start=T0, end=T0 + timedelta(hours=1)))
    assert "6 labels" in env.logs.check()
