"""Reading tool artifacts into the world: log digests, metric findings, the cross-service timeline,
change events and the topology. Tolerant of missing fields: what is absent is not evidence."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from aiops.agents.playbook.evidence import (
    Change,
    PatternView,
    SignatureHit,
    finding_view,
    metric_view,
    num,
    pick,
)
from aiops.agents.playbook.world import World

ERROR_LEVELS = ("ERROR", "FATAL", "CRITICAL")


def _as_list(value: Any) -> list[Any]:
    if isinstance(value, Mapping):
        return [{"name": k, **(v if isinstance(v, Mapping) else {"count": v})} for k, v in value.items()]
    return list(value) if isinstance(value, list | tuple) else []


def _example(item: Mapping[str, Any]) -> str:
    examples = pick(item, "examples", "example", default="")
    if isinstance(examples, list):
        examples = examples[0] if examples else ""
    if isinstance(examples, Mapping):
        examples = pick(examples, "raw", "line", "message", "text", default="")
    return str(examples or "")[:300]


def add_digest(world: World, service: str, digest: Mapping[str, Any]) -> None:
    """Signatures, templates and error counts of a fetch_logs digest."""
    ev = world.service(service)
    for raw in _as_list(pick(digest, "signatures", "flagged", "known_signatures", default=[])):
        item = {"name": raw} if isinstance(raw, str) else raw
        name = str(pick(item, "name", "signature", default="") or "")
        if not name:
            continue
        hit = SignatureHit(
            name=name,
            count=int(num(pick(item, "count", "lines", "hits", default=1)) or 1),
            first_seen=pick(item, "first_seen", "first"),
            last_seen=pick(item, "last_seen", "last"),
            example=_example(item),
        )
        old = ev.signatures.get(name)
        if old is None or hit.count >= old.count:
            ev.signatures[name] = hit
    patterns = []
    for item in _as_list(pick(digest, "templates", "patterns", default=[])):
        if not isinstance(item, Mapping):
            continue
        level = str(pick(item, "level", default="") or "").upper()
        counts = item.get("counts") if isinstance(item.get("counts"), Mapping) else None
        if counts and not level:
            level = max(counts, key=lambda k: counts[k]).upper() if counts else ""
        patterns.append(
            PatternView(
                template=str(pick(item, "template", "pattern", default="") or "")[:300],
                level=level,
                count=int(num(pick(item, "count", "total", default=0)) or 0),
                first_seen=pick(item, "first_seen", "first"),
                example=_example(item),
                new=bool(pick(item, "new", "is_new", "appeared", default=False)),
            )
        )
    if patterns:
        ev.patterns = patterns
    levels = pick(digest, "by_level", "levels", "level_counts", default={})
    if isinstance(levels, Mapping) and levels:
        ev.log_errors = int(sum(num(v) or 0 for k, v in levels.items() if str(k).upper() in ERROR_LEVELS))
        ev.log_lines = int(sum(num(v) or 0 for v in levels.values()))
    elif patterns:
        ev.log_errors = sum(p.count for p in patterns if p.level in ERROR_LEVELS)
    total = num(pick(digest, "total_lines", "lines", "total"))
    if total is not None:
        ev.log_lines = int(total)


def add_metric(world: World, artifact: Mapping[str, Any]) -> None:
    """One query_metrics artifact."""
    view = metric_view(artifact)
    if view is not None and view.service:
        world.service(view.service).metrics[view.metric] = view


def add_timeline(world: World, timeline: Mapping[str, Any]) -> None:
    """Metric findings and onsets from incident_timeline (never replacing a direct query)."""
    for item in _as_list(pick(timeline, "findings", "metrics", default=[])):
        if isinstance(item, Mapping) and item.get("service") and item.get("metric"):
            ev = world.service(str(item["service"]))
            if str(item["metric"]) not in ev.metrics:
                ev.metrics[str(item["metric"])] = finding_view(
                    str(item["service"]), str(item["metric"]), item
                )
    for item in _as_list(pick(timeline, "entries", "events", "timeline", "anomalies", default=[])):
        if not isinstance(item, Mapping) or not item.get("service"):
            continue
        ts = pick(item, "ts", "time", "at", "onset")
        ev = world.service(str(item["service"]))
        if ts and str(pick(item, "kind", "type", default="anomaly")) not in ("change", "deployment", "event"):
            ev.onset = min(ev.onset, ts) if ev.onset else ts
    for item in _as_list(pick(timeline, "changes", "change_events", default=[])):
        if isinstance(item, Mapping):
            add_change(world, item)


def add_change(world: World, item: Mapping[str, Any]) -> None:
    """One change event row."""
    change = Change(
        type=str(pick(item, "type", "kind", default="change")),
        service=str(item.get("service") or ""),
        ts=pick(item, "ts", "time", "at"),
        summary=str(item.get("summary") or ""),
    )
    if change.service and all(
        (c.type, c.service, c.ts) != (change.type, change.service, change.ts) for c in world.changes
    ):
        world.changes.append(change)


def add_changes(world: World, rows: Iterable[Mapping[str, Any]]) -> None:
    """recent_changes rows."""
    for row in rows:
        if isinstance(row, Mapping):
            add_change(world, row)
