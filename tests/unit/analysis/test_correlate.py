"""Correlation: onsets in order, cascade along dependencies, origin, changes near the onset."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta

from aiops.analysis import analyze_series, build_digest, correlate
from aiops.core.types import ChangeEvent, LogRecord, MetricSeries, ServiceInfo

T0 = datetime(2024, 5, 14, 9, 0, tzinfo=UTC)


def _series(service: str, metric: str, jump_at: int | None, seed: int) -> MetricSeries:
    rng = random.Random(seed)
    values = [10 + rng.gauss(0, 0.4) + (40 if jump_at is not None and i >= jump_at else 0) for i in range(60)]
    return MetricSeries(service, metric, "", [T0 + timedelta(minutes=i) for i in range(60)], values, None)


SERVICES = [
    ServiceInfo("payment-api", "app", depends_on=("postgres",)),
    ServiceInfo("inventory-api", "app", depends_on=("payment-api",)),
    ServiceInfo("user-api", "app"),
    ServiceInfo("postgres", "database"),
]


def _scenario() -> dict:
    findings = [
        analyze_series(_series("inventory-api", "error_rate", 36, 1)),
        analyze_series(_series("payment-api", "error_rate", 33, 2)),
        analyze_series(_series("postgres", "latency_p99", 30, 3)),
        analyze_series(_series("user-api", "cpu", None, 4)),
    ]
    events = [
        ChangeEvent(T0 + timedelta(minutes=26), "config_change", "postgres", "max_connections 500 -> 200"),
        ChangeEvent(T0 + timedelta(minutes=2), "deployment", "user-api", "v2.4.1 -> v2.4.2"),
    ]
    logs = [LogRecord(T0 + timedelta(minutes=33, seconds=k), "payment-api", "ERROR",
                      "HikariPool-1 - Connection is not available, request timed out after 30000ms.", "x")
            for k in range(20)]
    digest = build_digest(logs, start=T0, end=T0 + timedelta(minutes=60),
                          signatures=[{"name": "pool_exhausted", "category": "connection_pool_exhaustion",
                                       "patterns": ["connection is not available"]}])
    result = correlate(findings=findings, events=events, services=SERVICES, digests=[digest])
    return json.loads(json.dumps(result.to_dict())) | {"_text": result.render()}


def test_onset_order_and_first() -> None:
    data = _scenario()
    assert data["order"] == ["postgres", "payment-api", "inventory-api"]
    assert data["first"]["service"] == "postgres"
    assert data["first"]["ts"] == "2024-05-14T09:30:00Z"
    assert data["services"]["inventory-api"]["rank"] == 3
    assert data["services"]["user-api"]["onset"] is None
    assert data["services"]["user-api"]["steady"] == ["cpu"]


def test_cascade_and_origin() -> None:
    data = _scenario()
    edges = {(e["from"], e["to"]) for e in data["cascade"]}
    assert edges == {("postgres", "payment-api"), ("payment-api", "inventory-api")}
    assert data["origin_candidates"] == ["postgres"]
    assert set(data["services"]["inventory-api"]["upstream_trouble"]) == {"payment-api", "postgres"}


def test_changes_near_onset() -> None:
    data = _scenario()
    near = [c for c in data["changes"] if c["near_onset"]]
    assert [c["service"] for c in near] == ["postgres"]
    assert near[0]["minutes_before_service_onset"] == 4.0
    assert data["services"]["postgres"]["changes_before_onset"] == [1]


def test_entries_and_text() -> None:
    data = _scenario()
    kinds = [e["kind"] for e in data["entries"]]
    assert {"anomaly", "log", "change"} <= set(kinds)
    assert [e["ts"] for e in data["entries"]] == sorted(e["ts"] for e in data["entries"])
    assert data["services"]["payment-api"]["signatures"] == ["pool_exhausted"]
    text = data["_text"]
    assert "first: postgres" in text
    assert "origin candidates" in text and "change near onset: config_change on postgres" in text


def test_nothing_wrong() -> None:
    data = correlate(findings=[analyze_series(_series("user-api", "cpu", None, 5))], events=[],
                     services=SERVICES).to_dict()
    assert data["order"] == [] and data["first"] is None and data["origin_candidates"] == []
