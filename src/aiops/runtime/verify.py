"""Recovery check done by the runtime itself after an executed action (independent of what the
agents say): the health metrics of the affected services are back near their pre-incident level
(that decides `recovered`), and the metrics the failure mode names for the cause (disk usage after
clear_disk_space, connections after a pool reset...) are re-checked and reported. The rule for "back
near the baseline" is `aiops.analysis.recovery`, shared with the offline engine's own check."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from aiops.analysis.recovery import HEALTH_METRICS, back_to_baseline, state_word
from aiops.core.errors import BackendError
from aiops.core.report import Verification
from aiops.core.types import Environment
from aiops.core.units import with_unit


def _baseline_samples(pairs: list[tuple[datetime, float]], alert_time: datetime) -> list[float]:
    """Samples from well before the alert (45+ minutes); with a shorter history, the oldest third
    of what precedes the alert."""
    early = [v for t, v in pairs if t <= alert_time - timedelta(minutes=45)]
    if len(early) >= 3:
        return early
    prior = [v for t, v in pairs if t <= alert_time]
    return prior[: max(3, len(prior) // 3)] if len(prior) >= 6 else []


def _settled_at(metric: str, baseline: float, after: list[tuple[datetime, float]]) -> datetime | None:
    """The first sample time after which every sample is back near the baseline."""
    settled = None
    for ts, value in after:
        if not back_to_baseline(metric, baseline, value):
            settled = None
        elif settled is None:
            settled = ts
    return settled


def verify_recovery(
    env: Environment, services: Iterable[str], *, alert_time: datetime, since: datetime,
    cause_metrics: Mapping[str, Iterable[str]] | None = None,
) -> Verification:
    """Compare each service's health metrics (and its cause metrics, from `cause_metrics`: service ->
    metric names) after `since` with the hour before the alert."""
    available = set(env.metrics.metric_names())
    now = env.clock.now()
    checked: list[str] = []
    verdicts: list[bool] = []
    watch: list[str] = []
    settled: list[datetime] = []
    causes = {s: list(m) for s, m in (cause_metrics or {}).items()}
    for service in dict.fromkeys(s for s in [*services, *causes] if s):
        wanted = [*HEALTH_METRICS, *(m for m in causes.get(service, []) if m not in HEALTH_METRICS)]
        for metric in dict.fromkeys(wanted):
            health = metric in HEALTH_METRICS
            if metric not in available:
                if not health:
                    checked.append(f"{service} {metric}: not a metric of this environment "
                                   f"(available: {', '.join(sorted(available))})")
                continue
            try:
                series = env.metrics.query(service, metric, start=alert_time - timedelta(minutes=90), end=now)
            except BackendError as exc:
                checked.append(f"{service} {metric}: unavailable ({exc})")
                continue
            pairs = list(zip(series.timestamps, series.values, strict=True))
            before = _baseline_samples(pairs, alert_time)
            after = [(t, v) for t, v in pairs if t > since]
            if len(before) < 3 or not after:
                checked.append(f"{service} {metric}: not enough samples to judge")
                continue
            baseline = statistics.median(before)
            current = statistics.median(v for _, v in after[-3:])
            peak = max((v for t, v in pairs if t <= since), default=None)
            ok = back_to_baseline(metric, baseline, current, peak)
            now_text, base_text = with_unit(current, series.unit, metric), with_unit(baseline, series.unit, metric)
            checked.append(f"{service} {metric}: {now_text} now vs baseline {base_text} ({state_word(metric, ok)})")
            if health:
                verdicts.append(ok)
                if ok and (at := _settled_at(metric, baseline, after)) is not None:
                    settled.append(at)
            elif not ok:
                watch.append(f"{service} {metric} {now_text} vs baseline {base_text}")
    if not verdicts:
        return Verification(recovered=None, checked=checked, detail="recovery could not be judged from the metrics")
    recovered = all(verdicts)
    if recovered:
        detail = "the error rate and latency are back to baseline"
        if watch:
            detail += f"; the cause is not gone yet, still above baseline: {'; '.join(watch)}"
    else:
        detail = "some health metrics are still degraded"
    recovered_at = max(settled).isoformat() if recovered and settled else None
    return Verification(recovered=recovered, checked=checked, detail=detail, recovered_at=recovered_at)
