"""`aiops bundle check`: what a bundle holds per service (files, formats, line counts, time ranges,
metrics, Kubernetes objects), what was ignored, and whether anything is usable."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from aiops.backends.bundle.discover import Discovered
from aiops.backends.bundle.layout import Bundle
from aiops.backends.files import PREVIOUS_SUFFIXES
from aiops.backends.logparse import parse_line
from aiops.backends.tail import ByteBudget, head_lines, reverse_lines

SAMPLE = 50


def _count_lines(path: Path) -> int:
    count, last = 0, b"\n"
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (0 if last == b"\n" else 1)


def _format(lines: list[str]) -> str:
    if lines and all(line.lstrip().startswith("{") for line in lines[:5]):
        try:
            json.loads(lines[0])
            return "json lines"
        except ValueError:
            pass
    return "text"


def log_file(path: Path) -> dict[str, Any]:
    """Format, lines, whether lines carry times, and the time range of one log file."""
    info: dict[str, Any] = {"file": path.name, "bytes": path.stat().st_size}
    if path.suffix == ".gz":
        return {**info, "format": "gzip"}
    head = head_lines(path, SAMPLE)
    dated = [h for h in (parse_line(line) for line in head) if h is not None]
    info.update(format=_format(head), lines=_count_lines(path) if info["bytes"] else 0,
                timestamps="yes" if dated else ("none (undated lines)" if head else "empty"))
    if path.name.endswith(PREVIOUS_SUFFIXES):
        info["container"] = "previous"
    if dated:
        last = next((h for h in (parse_line(line) for line in reverse_lines(path, ByteBudget(256 * 1024)))
                     if h is not None), None)
        info["from"] = dated[0].ts.isoformat()
        info["to"] = last.ts.isoformat() if last else dated[-1].ts.isoformat()
    return info


def describe(bundle: Bundle, found: Discovered) -> dict[str, Any]:
    """The whole report as JSON-able data."""
    services: dict[str, Any] = {}
    for name, kind in found.services.items():
        entry: dict[str, Any] = {"kind": kind, "declared": name in bundle.services}
        if name in bundle.logs:
            entry["logs"] = [log_file(p) for p in bundle.logs[name]]
        if found.metrics is not None:
            names = found.metrics.names_for(name)
            if names:
                entry["metrics"] = names
        records = [r for r in found.state if r.service == name]
        if records:
            entry["kubernetes"] = {
                "objects": dict(Counter(r.kind for r in records if r.kind != "Event")),
                "warning_events": sum(1 for r in records if r.kind == "Event" and r.healthy is False),
                "trouble_now": sorted({f"{r.kind} {r.reason or r.status}" for r in records
                                       if r.current and r.healthy is False}),
            }
        services[name] = entry
    metrics: dict[str, Any] = {}
    if found.metrics is not None:
        span = found.metrics.time_range()
        metrics = {"files": [bundle.rel(p) for p in bundle.metrics], "series": len(found.metrics.all_series()),
                   "rows": found.metrics.notes.rows, "skipped": found.metrics.notes.skipped,
                   "unattributed_series": found.metrics.unattributed,
                   "from": span[0].isoformat() if span else None, "to": span[1].isoformat() if span else None}
    return {
        "bundle": str(bundle.root),
        "usable": bundle.usable,
        "alert": bundle.alert,
        "at": found.at.isoformat() if found.at else None,
        "at_from": "bundle.yaml" if bundle.at else "latest timestamp found",
        "services": services,
        "metrics": metrics,
        "k8s_files": [bundle.rel(p) for p in bundle.k8s],
        "events_file": bundle.rel(bundle.events) if bundle.events else None,
        "ignored": [{"file": bundle.rel(p), "why": why} for p, why in bundle.unknown],
        "warnings": [*bundle.warnings, *found.notes],
    }


def render(report: dict[str, Any]) -> str:
    """The report as text for a terminal."""
    lines = [f"bundle {report['bundle']}",
             f"  alert: {report['alert'] or '(none in bundle.yaml; give it on the command line)'}",
             f"  investigation time: {report['at'] or 'unknown'} ({report['at_from']})", ""]
    for name, entry in report["services"].items():
        lines.append(f"{name} ({entry['kind']}{', declared' if entry['declared'] else ''})")
        for log in entry.get("logs", []):
            span = f", {log['from']} .. {log['to']}" if log.get("from") else ""
            prev = ", previous container" if log.get("container") else ""
            lines.append(f"  log {log['file']}: {log.get('format')}, {log.get('lines', '?')} lines, "
                         f"timestamps {log.get('timestamps', '?')}{span}{prev}")
        if entry.get("metrics"):
            lines.append(f"  metrics: {', '.join(entry['metrics'])}")
        if k8s := entry.get("kubernetes"):
            objects = ", ".join(f"{n} {k}" for k, n in k8s["objects"].items()) or "events only"
            lines.append(f"  kubernetes: {objects}; {k8s['warning_events']} warning events")
            for trouble in k8s["trouble_now"]:
                lines.append(f"    now: {trouble}")
        if lines and lines[-1].startswith(name):
            lines.append("  (named only; no evidence of its own)")
    if report["metrics"]:
        m = report["metrics"]
        lines += ["", f"metrics: {m['series']} series, {m['rows']} samples from {', '.join(m['files'])}"
                  f" ({m['from']} .. {m['to']}); {m['skipped']} rows skipped, "
                  f"{m['unattributed_series']} series name no service"]
    if report["k8s_files"]:
        lines.append(f"kubernetes snapshots: {', '.join(report['k8s_files'])}")
    if report["events_file"]:
        lines.append(f"change events: {report['events_file']}")
    for item in report["ignored"]:
        lines.append(f"ignored: {item['file']} ({item['why']})")
    for warning in report["warnings"]:
        lines.append(f"warning: {warning}")
    lines.append("")
    lines.append("usable: yes" if report["usable"] else "usable: NO - nothing in this folder can be investigated")
    return "\n".join(lines)
