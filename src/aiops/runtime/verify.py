"""Recovery check done by the runtime itself after an executed action (independent of what the
agents say): the health metrics of the affected services are back near their pre-incident level."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from datetime import datetime, timedelta

from aiops.core.errors import BackendError
from aiops.core.report import Verification
from aiops.core.types import Environment

HEALTH_METRICS: dict[str, tuple[float, float]] = {
    "error_rate": (2.0, 1.0),     # healthy when <= max(baseline * 2, baseline + 1 percentage point)
    "latency_p99": (1.5, 50.0),   # healthy when <= max(baseline * 1.5, baseline + 50 ms)
}


def _healthy(metric: str, baseline: float, current: float) -> bool:
    factor, slack = HEALTH_METRICS[metric]
    return current <= max(baseline * factor, baseline + slack)


def _baseline_samples(pairs: list[tuple[datetime, float]], alert_time: datetime) -> list[float]:
    """Samples from well before the alert (45+ minutes); with a shorter history, the oldest third
    of what precedes the alert."""
    early = [v for t, v in pairs if t <= alert_time - timedelta(minutes=45)]
    if len(early) >= 3:
        return early
    prior = [v for t, v in pairs if t <= alert_time]
    return prior[: max(3, len(prior) // 3)] if len(prior) >= 6 else []


def verify_recovery(
    env: Environment, services: Iterable[str], *, alert_time: datetime, since: datetime
) -> Verification:
    """Compare each service's health metrics after `since` with the hour before the alert."""
    available = set(env.metrics.metric_names())
    now = env.clock.now()
    checked: list[str] = []
    verdicts: list[bool] = []
    for service in dict.fromkeys(s for s in services if s):
        for metric in HEALTH_METRICS:
            if metric not in available:
                continue
            try:
                series = env.metrics.query(service, metric, start=alert_time - timedelta(minutes=90), end=now)
            except BackendError as exc:
                checked.append(f"{service} {metric}: unavailable ({exc})")
                continue
            pairs = list(zip(series.timestamps, series.values, strict=True))
            before = _baseline_samples(pairs, alert_time)
            after = [v for t, v in pairs if t > since]
            if len(before) < 3 or not after:
                checked.append(f"{service} {metric}: not enough samples to judge")
                continue
            baseline = statistics.median(before)
            current = statistics.median(after[-3:])
            ok = _healthy(metric, baseline, current)
            verdicts.append(ok)
            state = "back to baseline" if ok else "still degraded"
            checked.append(f"{service} {metric}: {current:.2f} now vs baseline {baseline:.2f} ({state})")
    if not verdicts:
        return Verification(recovered=None, checked=checked, detail="recovery could not be judged from the metrics")
    recovered = all(verdicts)
    detail = "all health metrics back to baseline" if recovered else "some health metrics are still degraded"
    return Verification(recovered=recovered, checked=checked, detail=detail)
