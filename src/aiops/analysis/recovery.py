"""When is a metric back to normal after a fix: one rule shared by the runtime's own recovery check
and the offline engine's verification, so the report's two checks cannot disagree on the same data.

Health metrics (the error rate, p99 latency) say whether the service recovered. Any other metric a
failure mode names (connections, memory, disk usage...) says whether the cause is gone; a service can
recover while its cause metric is still above baseline (a leak that will fill the pool again), and
the report says so instead of calling the service degraded.
"""

from __future__ import annotations

HEALTH_METRICS: dict[str, tuple[float, float]] = {
    "error_rate": (2.0, 1.0),     # healthy when <= max(baseline * 2, baseline + 1 percentage point)
    "latency_p99": (1.5, 50.0),   # healthy when <= max(baseline * 1.5, baseline + 50 ms)
}
CAUSE_FACTOR = 1.5
CAUSE_SHARE_OF_PEAK = 0.2


def is_health_metric(metric: str) -> bool:
    """True for the metrics that decide whether the service recovered."""
    return metric in HEALTH_METRICS


def back_to_baseline(metric: str, baseline: float | None, current: float, peak: float | None = None) -> bool:
    """Whether `current` is back near the pre-incident `baseline` (or, without a baseline, at most
    half the incident `peak`). Health metrics use their own tolerance; other metrics count as back
    within 1.5x the baseline or within a fifth of the way from the baseline to the peak."""
    if baseline is None:
        return peak is not None and current <= peak * 0.5
    if metric in HEALTH_METRICS:
        factor, slack = HEALTH_METRICS[metric]
        return current <= max(baseline * factor, baseline + slack)
    near = current <= max(baseline * CAUSE_FACTOR, baseline + abs(baseline) * 0.2 + 1e-9)
    if peak is not None and peak > baseline:
        near = near or current <= baseline + CAUSE_SHARE_OF_PEAK * (peak - baseline)
    return near


def state_word(metric: str, ok: bool) -> str:
    """How a checked metric reads in a report line."""
    if is_health_metric(metric):
        return "recovered" if ok else "still degraded"
    return "back to baseline" if ok else "still above baseline: the cause is not gone, watch it"
