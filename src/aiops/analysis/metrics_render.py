"""One or two lines of text for a `MetricFinding`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aiops.analysis.metrics import MetricFinding

WORDS = {
    "steady": "steady", "sudden_jump": "sudden jump", "sudden_drop": "sudden drop",
    "gradual_climb": "gradual climb", "gradual_decline": "gradual decline", "spike": "spike (came back)",
    "dip": "dip (came back)", "sawtooth": "sawtooth (climbs, then sharp drops)", "missing": "no data",
}


def _num(value: float | None, unit: str) -> str:
    if value is None:
        return "?"
    text = f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"
    if not unit:
        return text
    return f"{text}{unit}" if unit in ("%", "Mi", "Gi", "ms", "s", "m", "Ki") else f"{text} {unit}"


def _when(finding: MetricFinding) -> str:
    if finding.change_point is None:
        return ""
    stamp = finding.change_point.strftime("%H:%M:%SZ")
    if finding.end is not None and finding.change_point.date() != finding.end.date():
        stamp = finding.change_point.strftime("%Y-%m-%d %H:%M:%SZ")
    return f" from {stamp}"


def render_finding(f: MetricFinding) -> str:
    """E.g. `memory 498Mi now vs 310Mi baseline (noise 6Mi); gradual climb from 09:12:00Z, ...`."""
    if f.trend == "missing":
        return f"{f.metric}: no samples in the window"
    unit = f.unit
    head = f"{f.metric} {_num(f.current, unit)} now vs {_num(f.baseline, unit)} baseline (noise {_num(f.noise, unit)})"
    shape = WORDS.get(f.trend, f.trend) + _when(f)
    extra = []
    if f.ratio is not None and f.trend != "steady":
        extra.append(f"x{f.ratio:.2g}")
    if f.slope_per_min:
        extra.append(f"{_num(f.slope_per_min, unit)}/min")
    if f.peak is not None and f.trend in ("spike", "sudden_jump", "sawtooth"):
        extra.append(f"peak {_num(f.peak, unit)} at {f.peak_at.strftime('%H:%M:%SZ') if f.peak_at else '?'}")
    line = f"{head}; {shape}" + (f" ({', '.join(extra)})" if extra else "")
    if f.limit:
        sat = f.saturation
        limit = f"{sat:.0%} of limit {_num(f.limit, unit)}" if sat is not None else f"limit {_num(f.limit, unit)}"
        if f.saturated:
            limit += " (saturated)"
        eta = f.minutes_to_limit
        if eta is not None:
            limit += f"; reaches the limit in ~{eta:.0f} min at this rate"
        line += f"\n  {limit}"
    if f.trend != "steady" and not f.sustained:
        line += "; back near baseline now" if "\n" not in line else ", back near baseline now"
    return line
