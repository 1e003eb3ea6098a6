"""Metric analysis: what `query_metrics` returns for one series.

`analyze_series(series)` compares the current value with a robust baseline (median of the points
before the change, noise from the median absolute deviation of successive differences), finds the
change point, names the shape and checks saturation against `series.limit`. `MetricFinding.render()`
is one or two lines for a model; `to_dict()` the same facts:

    {
      "service": str, "metric": str, "unit": str, "points": int, "start": iso, "end": iso,
      "current": float | None,      # median of the last 3 points
      "baseline": float | None,     # median before the change point (or of the first 2/3)
      "noise": float,               # robust sigma of the noise
      "peak": float | None, "peak_at": iso | None,
      "trend": "steady" | "sudden_jump" | "sudden_drop" | "gradual_climb" | "gradual_decline"
               | "spike" | "dip" | "sawtooth" | "missing",
      "change_point": iso | None,   # when the shape started (step, bend, excursion start)
      "change": float | None,       # current - baseline
      "ratio": float | None,        # current / baseline
      "zscore": float | None,       # (current - baseline) / noise
      "slope_per_min": float | None,   # for climbs and declines
      "limit": float | None, "saturation": float | None,   # current / limit
      "peak_saturation": float | None, "saturated": bool,  # current >= 95% of the limit
      "minutes_to_limit": float | None,  # a climb projected to reach the limit
      "anomalous": bool,            # any shape but steady, or saturated
      "sustained": bool,            # still off the baseline at the end of the series
    }
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aiops.analysis.digest_stats import iso
from aiops.analysis.series_models import median, noise_sigma

MIN_POINTS = 6
SATURATED = 0.95


@dataclass(slots=True)
class MetricFinding:
    """The analysis of one metric series (see the module docstring for the fields)."""

    service: str
    metric: str
    unit: str
    points: int
    start: datetime | None
    end: datetime | None
    current: float | None
    baseline: float | None
    noise: float
    peak: float | None
    peak_at: datetime | None
    trend: str
    change_point: datetime | None
    slope_per_min: float | None
    limit: float | None
    sustained: bool

    @property
    def change(self) -> float | None:
        """current - baseline."""
        return None if self.current is None or self.baseline is None else self.current - self.baseline

    @property
    def ratio(self) -> float | None:
        """current / baseline (None when the baseline is 0 or unknown)."""
        if self.current is None or not self.baseline:
            return None
        return self.current / self.baseline

    @property
    def saturation(self) -> float | None:
        """current / limit."""
        return None if self.current is None or not self.limit else self.current / self.limit

    @property
    def saturated(self) -> bool:
        """The current value is at (95% of) the limit or above."""
        return self.saturation is not None and self.saturation >= SATURATED

    @property
    def anomalous(self) -> bool:
        """Anything but a steady, unsaturated series."""
        return self.trend not in ("steady",) or self.saturated

    @property
    def minutes_to_limit(self) -> float | None:
        """For a climb below the limit: minutes until it gets there at the current slope."""
        if not self.limit or not self.slope_per_min or self.slope_per_min <= 0 or self.current is None:
            return None
        if self.trend not in ("gradual_climb", "sawtooth") or self.current >= self.limit:
            return None
        return (self.limit - self.current) / self.slope_per_min

    def to_dict(self) -> dict[str, Any]:
        """JSON-able facts (see the module docstring)."""
        z = None
        if self.change is not None and self.noise > 0:
            z = self.change / self.noise
        peak_sat = None if self.peak is None or not self.limit else self.peak / self.limit
        return {
            "service": self.service, "metric": self.metric, "unit": self.unit, "points": self.points,
            "start": iso(self.start), "end": iso(self.end), "current": _round(self.current),
            "baseline": _round(self.baseline), "noise": _round(self.noise), "peak": _round(self.peak),
            "peak_at": iso(self.peak_at), "trend": self.trend, "change_point": iso(self.change_point),
            "change": _round(self.change), "ratio": _round(self.ratio), "zscore": _round(z),
            "slope_per_min": _round(self.slope_per_min), "limit": self.limit,
            "saturation": _round(self.saturation), "peak_saturation": _round(peak_sat),
            "saturated": self.saturated, "minutes_to_limit": _round(self.minutes_to_limit),
            "anomalous": self.anomalous, "sustained": self.sustained,
        }

    def render(self) -> str:
        """One or two lines for a model."""
        from aiops.analysis.metrics_render import render_finding

        return render_finding(self)


def _round(value: float | None, digits: int = 4) -> float | None:
    if value is None or math.isnan(value):
        return None
    return float(f"{value:.{digits}g}") if value else 0.0


def _minutes_per_point(times: list[datetime]) -> float:
    if len(times) < 2:
        return 1.0
    return max((times[-1] - times[0]).total_seconds() / 60 / (len(times) - 1), 1e-9)


def analyze_series(series: Any) -> MetricFinding:
    """Analyse a core `MetricSeries` (timestamps, values, optional limit)."""
    pairs = [(t, float(v)) for t, v in zip(series.timestamps, series.values, strict=False)
             if v is not None and not math.isnan(float(v))]
    times, ys = [t for t, _ in pairs], [v for _, v in pairs]
    base = {"service": series.service, "metric": series.metric, "unit": series.unit or "",
            "points": len(ys), "start": times[0] if times else None, "end": times[-1] if times else None,
            "limit": series.limit}
    if not ys:
        return MetricFinding(**base, current=None, baseline=None, noise=0.0, peak=None, peak_at=None,
                             trend="missing", change_point=None, slope_per_min=None, sustained=False)
    current = median(ys[-3:])
    peak_index = max(range(len(ys)), key=ys.__getitem__)
    common = {**base, "current": current, "peak": ys[peak_index], "peak_at": times[peak_index]}
    if len(ys) < MIN_POINTS:
        return MetricFinding(**common, baseline=median(ys), noise=0.0, trend="steady", change_point=None,
                             slope_per_min=None, sustained=False)
    from aiops.analysis.metrics_shape import classify

    shape = classify(ys, noise_sigma(ys), _minutes_per_point(times), limit=series.limit)
    change_point = times[shape.index] if shape.index is not None else None
    sustained = shape.trend != "steady" and shape.significant(current - shape.baseline)
    return MetricFinding(**common, baseline=shape.baseline, noise=shape.noise, trend=shape.trend,
                         change_point=change_point, slope_per_min=shape.slope_per_min, sustained=sustained)

