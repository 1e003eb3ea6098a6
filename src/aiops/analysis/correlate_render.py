"""Text of a `Correlation`: what went wrong first, what followed, changes near the onsets."""

from __future__ import annotations

from typing import Any

MAX_ENTRIES = 25


def _clock(stamp: str | None, day: str) -> str:
    if not stamp:
        return "?"
    return stamp[11:] if stamp[:10] == day else stamp


def render_correlation(data: dict[str, Any]) -> str:
    """Onset order per service, the first signal, cascade edges, origin candidates, changes."""
    day = (data.get("window", {}).get("start") or "")[:10]
    services = data.get("services", {})
    order = data.get("order", [])
    lines = [f"{len(order)} of {len(services)} services went wrong in the window"
             + (f"; first: {data['first']['service']} ({data['first']['signal']}) at "
                f"{_clock(data['first']['ts'], day)}" if data.get("first") else "")]
    for shown, entry in enumerate(data.get("entries", [])):
        if shown >= MAX_ENTRIES:
            lines.append(f"... {len(data['entries']) - shown} more entries")
            break
        kind = entry["kind"]
        if kind == "change":
            text = f"CHANGE {entry['type']} {entry['service']}: {entry['summary']}"
        elif kind == "anomaly":
            ratio = f" x{entry['ratio']:.2g}" if isinstance(entry.get("ratio"), int | float) else ""
            text = f"{entry['service']} {entry['summary']}{ratio}"
        else:
            text = f"{entry['service']} logs: {entry['summary']}"
        lines.append(f"  {_clock(entry['ts'], day)} {text}")
    for edge in data.get("cascade", []):
        lines.append(f"cascade: {edge['from']} -> {edge['to']} (+{edge['lag_s']:.0f}s, {edge['to']} depends on "
                     f"{edge['from']})")
    if data.get("origin_candidates"):
        lines.append("origin candidates (no dependency went wrong earlier): " + ", ".join(data["origin_candidates"]))
    near = [c for c in data.get("changes", []) if c.get("near_onset")]
    for change in near:
        before = change.get("minutes_before_service_onset")
        if before is None:
            before = change.get("minutes_before_first_onset")
        rel = f"{before:g} min before the onset" if isinstance(before, int | float) and before >= 0 else \
            "just after the onset"
        lines.append(f"change near onset: {change['type']} on {change['service']} at {_clock(change['ts'], day)} "
                     f"({rel}): {change['summary']}")
    calm = [name for name, info in services.items() if info.get("onset") is None and info.get("steady")]
    if calm:
        lines.append("steady: " + ", ".join(calm))
    return "\n".join(lines)
