"""Small models for one metric series: robust statistics (median, MAD, noise from successive
differences), the best single step (two constant segments, O(n) with prefix sums) and the best
continuous hinge (flat, then a straight line; a coarse grid of bend points).
"""

from __future__ import annotations

import statistics
from itertools import pairwise

MAD_TO_SIGMA = 1.4826


def median(values: list[float]) -> float:
    """Median (0.0 for an empty list)."""
    return statistics.median(values) if values else 0.0


def robust_sigma(values: list[float]) -> float:
    """1.4826 x the median absolute deviation: the standard deviation of normal noise, robustly."""
    if len(values) < 2:
        return 0.0
    centre = median(values)
    return MAD_TO_SIGMA * median([abs(v - centre) for v in values])


def noise_sigma(values: list[float]) -> float:
    """Noise level from successive differences (insensitive to steps, ramps and slow drift)."""
    if len(values) < 3:
        return robust_sigma(values)
    diffs = [b - a for a, b in pairwise(values)]
    return robust_sigma(diffs) / 2 ** 0.5


class Prefix:
    """Prefix sums of y and y*y for O(1) constant-segment fits."""

    def __init__(self, ys: list[float]) -> None:
        self.s = [0.0]
        self.syy = [0.0]
        for y in ys:
            self.s.append(self.s[-1] + y)
            self.syy.append(self.syy[-1] + y * y)

    def const_sse(self, a: int, b: int) -> float:
        """Residual sum of squares of [a, b) around its mean."""
        n = b - a
        if n <= 0:
            return 0.0
        total = self.s[b] - self.s[a]
        return max(self.syy[b] - self.syy[a] - total * total / n, 0.0)

    def mean(self, a: int, b: int) -> float:
        """Mean of [a, b)."""
        return (self.s[b] - self.s[a]) / (b - a) if b > a else 0.0


def best_step(ys: list[float], min_segment: int) -> int | None:
    """Index k splitting `ys` into two constant segments with the least squared error."""
    n = len(ys)
    if n < 2 * min_segment:
        return None
    pre = Prefix(ys)
    best, best_k = float("inf"), None
    for k in range(min_segment, n - min_segment + 1):
        sse = pre.const_sse(0, k) + pre.const_sse(k, n)
        if sse < best:
            best, best_k = sse, k
    return best_k


def best_hinge(ys: list[float], *, points: int = 40) -> tuple[int, float]:
    """(h, slope) of the best continuous hinge: flat until index h, then a straight line."""
    n = len(ys)
    best, best_h, best_slope = float("inf"), 0, 0.0
    stride = max(1, n // points)
    for h in range(0, max(n - 2, 1), stride):
        xs = [0.0] * h + [float(i - h) for i in range(h, n)]
        mean_x, mean_y = sum(xs) / n, sum(ys) / n
        var_x = sum((x - mean_x) ** 2 for x in xs)
        if var_x <= 0:
            continue
        slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / var_x
        level = mean_y - slope * mean_x
        sse = sum((y - level - slope * x) ** 2 for x, y in zip(xs, ys, strict=True))
        if sse < best:
            best, best_h, best_slope = sse, h, slope
    return best_h, best_slope
