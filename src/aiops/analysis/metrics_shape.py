"""Naming the shape of a metric series: steady, sudden jump or drop, gradual climb or decline,
spike or dip, sawtooth (a climb broken by repeated sharp drops, e.g. a leak with restarts).

Decisions, in order: values off from the very first point that then stay level are a step at the
window's start (an export that begins as the incident does); a short excursion that came back is a
spike; repeated sharp drops between
climbs are a sawtooth; otherwise the best single step is tested for significance (at least
`SIGMAS` noise sigmas and `SHARE` of the baseline, and 1% of the limit when one is known), and a
significant change is sudden when most of it happens within a few points of the step, gradual
(fitted as flat-then-straight) otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from aiops.analysis.series_models import best_hinge, best_step, median

SIGMAS = 4.0
SHARE = 0.15
SPIKE_SIGMAS = 6.0
SPIKE_SHARE = 0.25
"""An excursion above this many sigmas (and share of the level), no longer than this share of
the points, that came back, is a spike."""
SUDDEN = 0.6
"""Share of the change that must happen within three points of the step for it to be sudden."""


@dataclass(slots=True)
class Shape:
    """A named shape, the index where it starts, the baseline and noise it was judged against."""

    trend: str
    index: int | None
    baseline: float
    noise: float
    floor: float
    slope_per_min: float | None = None

    def significant(self, change: float) -> bool:
        """True when `change` is clearly beyond noise and a meaningful share of the baseline."""
        return abs(change) >= max(SIGMAS * self.noise, SHARE * abs(self.baseline), self.floor)


def rolling_median(ys: list[float], half: int) -> list[float]:
    """Centred rolling median (the window shrinks at the ends)."""
    return [median(ys[max(0, i - half):i + half + 1]) for i in range(len(ys))]


def _spike(ys: list[float], level: float, sigma: float) -> tuple[int, int] | None:
    """(first, last) index of a short excursion that came back, if there is one. Excursions are
    measured against a rolling median, so slow drift (daily cycles) does not hide or fake one."""
    limit = max(SPIKE_SIGMAS * sigma, SPIKE_SHARE * abs(level))
    local = rolling_median(ys, max(3, len(ys) // 10))
    outside = [i for i, (y, m) in enumerate(zip(ys, local, strict=True)) if abs(y - m) > limit]
    if not outside:
        return None
    first, last = outside[0], outside[-1]
    span = last - first + 1
    back = last < len(ys) - 2 and all(abs(y - m) <= limit / 2 for y, m in zip(ys[-3:], local[-3:], strict=True))
    if back and span <= max(1, SPIKE_SHARE * len(ys)) and len(outside) >= 0.5 * span:
        return first, last
    return None


def _sawtooth(ys: list[float], noise: float, level: float) -> list[int]:
    """Indexes of the sharp drops when the series climbs between two or more of them."""
    spread = max(ys) - min(ys)
    drop = max(0.5 * spread, SPIKE_SIGMAS * noise, SHARE * abs(level))
    drops = [i for i in range(1, len(ys)) if ys[i - 1] - ys[i] > drop]
    if len(drops) < 2:
        return []
    bounds = [0, *drops, len(ys)]
    rising = sum(1 for a, b in pairwise(bounds)
                 if b - a >= 3 and ys[b - 1] - ys[a] > 0.3 * spread)
    return drops if rising >= 2 else []


def _leading_step(ys: list[float], k: int, noise: float, floor: float) -> Shape | None:
    """The series changed right after its first `k` points and stayed there (an export that starts as
    the incident begins): a sudden jump or drop at `k`, judged against those first points."""
    if k >= len(ys) - 2:
        return None
    baseline = median(ys[:k])
    probe = Shape("steady", None, baseline, noise, floor)
    change = median(ys[k:]) - baseline
    if not probe.significant(change):
        return None
    return Shape("sudden_jump" if change > 0 else "sudden_drop", k, baseline, noise, floor)


def classify(ys: list[float], sigma: float, minutes_per_point: float, *, limit: float | None = None) -> Shape:
    """Name the shape of `ys` (at least a handful of points)."""
    n = len(ys)
    level = median(ys)
    floor = 0.01 * limit if limit else 0.0
    noise = max(sigma, 1e-9, 1e-3 * abs(level))
    spike = _spike(ys, level, noise)
    if spike is not None and spike[0] == 0:  # off from the first point, then level: a step at the window start
        step = _leading_step(ys, spike[1] + 1, noise, floor)
        if step is not None:
            return step
        spike = None
    if spike is not None:
        first, last = spike
        calm = ys[:first] + ys[last + 1:]
        baseline = median(calm)
        up = sum(ys[first:last + 1]) / (last - first + 1) > baseline
        if abs(max(ys[first:last + 1], key=lambda y: abs(y - baseline)) - baseline) >= floor:
            return Shape("spike" if up else "dip", first, baseline, noise, floor)
    drops = _sawtooth(ys, noise, level)
    if drops:
        segments = [ys[a:b] for a, b in zip([0, *drops], [*drops, n], strict=False) if b - a >= 3]
        slopes = [(s[-1] - s[0]) / (len(s) - 1) for s in segments]
        slope = median(slopes) / minutes_per_point
        return Shape("sawtooth", 0, median(ys[: max(3, drops[0] // 3)]), noise, floor, slope)
    k = best_step(ys, max(2, n // 20))
    if k is None:
        return Shape("steady", None, level, noise, floor)
    baseline = median(ys[:k])
    shape = Shape("steady", None, median(ys[: max(3, 2 * n // 3)]), noise, floor)
    change = median(ys[k:]) - baseline
    probe = Shape("steady", None, baseline, noise, floor)
    if not probe.significant(change):
        return shape
    local = median(ys[k:k + 3]) - median(ys[max(0, k - 3):k])
    if abs(local) >= SUDDEN * abs(change):
        return Shape("sudden_jump" if change > 0 else "sudden_drop", k, baseline, noise, floor)
    bend, slope = best_hinge(ys)
    start = median(ys[:bend]) if bend >= 3 else median(ys[: max(3, n // 10)])
    trend = "gradual_climb" if slope > 0 else "gradual_decline"
    return Shape(trend, bend, start, noise, floor, slope / minutes_per_point)
