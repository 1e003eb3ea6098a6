"""Building the cross-service timeline of `correlate` (onsets, order, cascade, changes)."""

from __future__ import annotations

import statistics
from datetime import datetime
from typing import Any

from aiops.analysis.correlate import NEAR_AFTER, NEAR_BEFORE, NEAR_OTHER, SHAPES, _transitive, _when
from aiops.analysis.digest_stats import iso


def _tolerance(rows: list[dict[str, Any]], given: float | None) -> float:
    if given is not None:
        return given
    steps = []
    for row in rows:
        start, end, points = _when(row.get("start")), _when(row.get("end")), row.get("points") or 0
        if start and end and points > 1:
            steps.append((end - start).total_seconds() / (points - 1))
    return max(60.0, 2 * statistics.median(steps)) if steps else 60.0


def _anomaly(row: dict[str, Any]) -> dict[str, Any] | None:
    trend = str(row.get("trend") or "")
    saturated = bool(row.get("saturated"))
    if trend not in SHAPES and not saturated:
        return None
    at = _when(row.get("change_point")) or (_when(row.get("start")) if saturated else None)
    if at is None:
        return None
    return {"ts": at, "kind": "anomaly", "service": row["service"], "metric": row["metric"], "trend": trend,
            "saturated": saturated, "ratio": row.get("ratio"), "current": row.get("current"),
            "baseline": row.get("baseline"), "unit": row.get("unit", "")}


def _log_entries(digest: dict[str, Any]) -> list[dict[str, Any]]:
    service = digest["service"]
    started = {item.get("template") for item in digest.get("sequence") or [] if isinstance(item, dict)}
    out = []
    for item in digest.get("sequence") or []:
        at = _when(item.get("onset")) if isinstance(item, dict) else None
        if at is not None:
            out.append({"ts": at, "kind": "log", "service": service, "signal": f"log {item.get('template')}",
                        "signature": ",".join(item.get("signatures") or []) or None, "onset": True,
                        "summary": f"{item.get('level') or ''} {item.get('change')}: {str(item.get('text'))[:120]}"})
    for hit in digest.get("signatures") or []:
        at = _when(hit.get("first_seen")) if isinstance(hit, dict) else None
        if at is not None:
            fresh = bool(set(hit.get("templates") or []) & started)
            out.append({"ts": at, "kind": "log", "service": service, "signal": f"signature {hit.get('name')}",
                        "signature": hit.get("name"), "onset": fresh,
                        "summary": f"{hit.get('name')} x{hit.get('count')}"
                        + ("" if fresh else " (present all along)")})
    return out


def build(rows: list[dict[str, Any]], *, logs: list[dict[str, Any]], changes: list[dict[str, Any]],
          deps: dict[str, list[str]], callers: dict[str, list[str]], tolerance_s: float | None) -> dict[str, Any]:
    """The `Correlation` dict (see `correlate`)."""
    tolerance = _tolerance(rows, tolerance_s)
    anomalies = sorted(filter(None, (_anomaly(r) for r in rows)), key=lambda a: a["ts"])
    log_items = sorted((e for d in logs for e in _log_entries(d)), key=lambda e: e["ts"])
    names = sorted({r["service"] for r in rows} | {d["service"] for d in logs} | set(deps)
                   | {c["service"] for c in changes if c.get("service")})
    onsets: dict[str, tuple[datetime, str]] = {}
    for item in anomalies + [e for e in log_items if e["onset"]]:
        signal = f"{item['metric']} {item['trend'] or 'saturated'}" if item["kind"] == "anomaly" else item["signal"]
        if item["service"] not in onsets or item["ts"] < onsets[item["service"]][0]:
            onsets[item["service"]] = (item["ts"], signal)
    order = sorted(onsets, key=lambda s: onsets[s][0])
    first = order[0] if order else None
    first_ts = onsets[first][0] if first else None
    services: dict[str, dict[str, Any]] = {}
    cascade, origins = [], []
    for name in names:
        own = [r for r in rows if r["service"] == name]
        onset = onsets.get(name)
        trouble = [d for d in _transitive(deps, name) if d in onsets and onset is not None
                   and (onsets[d][0] - onset[0]).total_seconds() <= tolerance]
        for dep in deps.get(name, ()):
            if dep in trouble:
                cascade.append({"from": dep, "to": name, "lag_s": (onset[0] - onsets[dep][0]).total_seconds()})
        if onset is not None and not trouble:
            origins.append(name)
        services[name] = {
            "onset": iso(onset[0]) if onset else None, "rank": order.index(name) + 1 if onset else None,
            "first_signal": onset[1] if onset else None,
            "anomalies": [a["metric"] for a in anomalies if a["service"] == name],
            "saturated": [r["metric"] for r in own if r.get("saturated")],
            "signatures": sorted({e["signature"] for e in log_items if e["service"] == name and e["signature"]}),
            "steady": [r["metric"] for r in own if r.get("trend") == "steady" and not r.get("saturated")],
            "missing": [r["metric"] for r in own if r.get("trend") == "missing"],
            "depends_on": list(deps.get(name, ())), "callers": sorted(callers.get(name, ())),
            "upstream_trouble": trouble, "changes_before_onset": [],
        }
    origins.sort(key=lambda s: onsets[s][0])
    change_rows = []
    for index, change in enumerate(sorted(changes, key=lambda c: c["ts"])):
        own_onset = onsets.get(change.get("service", ""))
        if own_onset is not None:
            near = -NEAR_AFTER <= own_onset[0] - change["ts"] <= NEAR_BEFORE
        else:
            near = first_ts is not None and -NEAR_AFTER <= first_ts - change["ts"] <= NEAR_OTHER
        row = {"ts": iso(change["ts"]), "type": change.get("type", ""), "service": change.get("service", ""),
               "summary": change.get("summary", ""), "attrs": dict(change.get("attrs") or {}),
               "minutes_before_first_onset": _minutes(first_ts, change["ts"]),
               "minutes_before_service_onset": _minutes(own_onset[0] if own_onset else None, change["ts"]),
               "near_onset": near}
        change_rows.append(row)
        if own_onset and -NEAR_AFTER <= own_onset[0] - change["ts"] <= NEAR_BEFORE:
            services[row["service"]]["changes_before_onset"].append(index)
    entries = [_entry(a) for a in anomalies] + [_entry(e) for e in log_items]
    entries += [{"ts": c["ts"], "kind": "change", "service": c["service"], "metric": None, "trend": None,
                 "signature": None, "type": c["type"], "summary": c["summary"]} for c in change_rows]
    entries.sort(key=lambda e: e["ts"] or "")
    window = [w for r in rows for w in (_when(r.get("start")), _when(r.get("end"))) if w]
    ranked = sorted(rows, key=lambda r: (r["service"] not in onsets, _onset_key(r, anomalies)))
    return {
        "window": {"start": iso(min(window)) if window else None, "end": iso(max(window)) if window else None},
        "entries": entries, "findings": ranked, "changes": change_rows, "services": services, "order": order,
        "first": {"service": first, "ts": iso(first_ts), "signal": onsets[first][1]} if first else None,
        "cascade": sorted(cascade, key=lambda c: c["lag_s"]), "origin_candidates": origins,
        "tolerance_s": tolerance,
    }


def _minutes(ref: datetime | None, ts: datetime) -> float | None:
    return None if ref is None else round((ref - ts).total_seconds() / 60, 2)


def _onset_key(row: dict[str, Any], anomalies: list[dict[str, Any]]) -> str:
    for a in anomalies:
        if a["service"] == row["service"] and a["metric"] == row["metric"]:
            return iso(a["ts"]) or ""
    return "~"


def _entry(item: dict[str, Any]) -> dict[str, Any]:
    if item["kind"] == "anomaly":
        detail = f"{item['metric']} {item['trend'] or ''}{' saturated' if item['saturated'] else ''}".strip()
        return {"ts": iso(item["ts"]), "kind": "anomaly", "service": item["service"], "metric": item["metric"],
                "trend": item["trend"], "signature": None, "type": None, "summary": detail,
                "ratio": item["ratio"]}
    return {"ts": iso(item["ts"]), "kind": "log", "service": item["service"], "metric": None, "trend": None,
            "signature": item["signature"], "type": None, "summary": item["summary"]}
