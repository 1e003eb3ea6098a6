"""Metric analysis on synthetic series: step, ramp, spike, none — with noise and daily drift."""

from __future__ import annotations

import math
import random
from datetime import UTC, datetime, timedelta

import pytest

from aiops.analysis import analyze_series
from aiops.core.types import MetricSeries

T0 = datetime(2024, 5, 14, 9, 0, tzinfo=UTC)
POINTS = 120


def _series(kind: str, seed: int, *, noise: float = 4.0, drift: float = 15.0, limit: float | None = None,
            metric: str = "latency_p99", unit: str = "ms") -> MetricSeries:
    rng = random.Random(seed)
    phase = rng.uniform(0, 2 * math.pi)
    values = []
    for i in range(POINTS):
        value = 100 + drift * math.sin(phase + 2 * math.pi * i / (24 * 60)) + rng.gauss(0, noise)
        if kind == "step" and i >= 90:
            value += 50
        elif kind == "ramp" and i >= 40:
            value += (i - 40) * 1.0
        elif kind == "spike" and 70 <= i < 73:
            value += 70
        values.append(value)
    stamps = [T0 + timedelta(minutes=i) for i in range(POINTS)]
    return MetricSeries("payment-api", metric, unit, stamps, values, limit)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize(("kind", "trend", "start"), [
    ("none", "steady", None), ("step", "sudden_jump", 90), ("ramp", "gradual_climb", 40), ("spike", "spike", 70),
])
def test_shapes(kind: str, trend: str, start: int | None, seed: int) -> None:
    finding = analyze_series(_series(kind, seed))
    assert finding.trend == trend
    if start is None:
        assert finding.change_point is None
        assert not finding.anomalous
    else:
        assert finding.change_point is not None
        assert abs((finding.change_point - T0).total_seconds() / 60 - start) <= 6
        assert finding.anomalous


def test_step_facts_and_text() -> None:
    finding = analyze_series(_series("step", 1))
    data = finding.to_dict()
    assert 80 <= data["baseline"] <= 120 and 130 <= data["current"] <= 175
    assert data["ratio"] > 1.3 and data["sustained"] and data["zscore"] > 4
    text = finding.render()
    assert "sudden jump from 10:30:00Z" in text
    assert len(text.splitlines()) <= 2


def test_spike_is_not_sustained() -> None:
    finding = analyze_series(_series("spike", 2))
    assert not finding.sustained
    assert finding.to_dict()["peak"] > 150


def test_ramp_towards_a_limit() -> None:
    finding = analyze_series(_series("ramp", 3, limit=260, metric="memory", unit="Mi"))
    data = finding.to_dict()
    assert data["slope_per_min"] == pytest.approx(1.0, rel=0.25)
    assert data["minutes_to_limit"] is not None and 40 <= data["minutes_to_limit"] <= 140
    assert "reaches the limit" in finding.render()


def test_saturation_against_the_limit() -> None:
    stamps = [T0 + timedelta(minutes=i) for i in range(30)]
    series = MetricSeries("inventory-api", "connections", "", stamps, [25.0] * 10 + [100.0] * 20, 100)
    data = analyze_series(series).to_dict()
    assert data["trend"] == "sudden_jump"
    assert data["saturated"] and data["saturation"] == 1.0


def test_no_data_and_short_series() -> None:
    empty = analyze_series(MetricSeries("svc", "cpu", "%", [], []))
    assert empty.trend == "missing" and empty.current is None
    assert "no samples" in empty.render()
    short = analyze_series(MetricSeries("svc", "cpu", "%", [T0, T0 + timedelta(minutes=1)], [5.0, 90.0]))
    assert short.trend == "steady" and short.current == pytest.approx(47.5)


def test_small_changes_near_zero_are_not_anomalies() -> None:
    stamps = [T0 + timedelta(minutes=i) for i in range(60)]
    values = [0.0] * 50 + [0.02] * 10
    assert analyze_series(MetricSeries("svc", "error_rate", "%", stamps, values, 100)).trend == "steady"
    values = [0.5] * 40 + [23.0] * 20
    assert analyze_series(MetricSeries("svc", "error_rate", "%", stamps, values, 100)).trend == "sudden_jump"
