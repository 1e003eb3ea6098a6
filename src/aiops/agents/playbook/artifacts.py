"""Reading tool artifacts into the world: log digests, metric findings, the cross-service timeline,
change events and the topology. Tolerant of missing fields: what is absent is not evidence."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from aiops.agents.playbook.evidence import (
    RISING,
    Change,
    PatternView,
    SignatureHit,
    finding_view,
    metric_view,
    num,
    pick,
    when,
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


ACTIVE_MINUTES = 5.0
"""A log signature seen this close to the end of the window is still happening (lines without a time
of their own sit at the end of the window, so they count as happening now)."""
LATEST_SECONDS = 60.0
"""A signature within this much of the service's last log line is the latest news from it: nothing
logged since says it recovered (sparse event logs report a condition once, not every minute)."""


def _active(last_seen: Any, digest: Mapping[str, Any], latest: Any) -> bool | None:
    window = digest.get("window") if isinstance(digest.get("window"), Mapping) else {}
    end, last, newest = when(window.get("end")), when(last_seen), when(latest)
    if end is None or last is None:
        return None
    if (end - last).total_seconds() <= ACTIVE_MINUTES * 60:
        return True
    return newest is not None and (newest - last).total_seconds() <= LATEST_SECONDS


def _latest(templates: Mapping[str, Any]) -> Any:
    """The time of the service's last log line in the window."""
    stamps = [when(t.get("last_seen")) for t in templates.values() if isinstance(t, Mapping)]
    found = [s for s in stamps if s is not None]
    return max(found) if found else None


def add_digest(world: World, service: str, digest: Mapping[str, Any]) -> None:
    """Signatures (with whether they started or grew recently, and whether they are still happening),
    templates, error counts and log volume of a fetch_logs digest."""
    ev = world.service(service)
    lines = num(pick(digest, "lines", "total_lines", "total"))
    ev.coverage["logs"] = "read" if lines else "empty"
    templates = {
        str(t.get("id")): t
        for t in _as_list(pick(digest, "templates", "patterns", default=[]))
        if isinstance(t, Mapping)
    }
    background = {str(b.get("template")) for b in _as_list(digest.get("background")) if isinstance(b, Mapping)}
    latest = _latest(templates)
    for raw in _as_list(pick(digest, "signatures", "flagged", "known_signatures", default=[])):
        item = {"name": raw} if isinstance(raw, str) else raw
        name = str(pick(item, "name", "signature", default="") or "")
        if not name:
            continue
        change, onset = _signature_change(item, templates, background)
        count = int(num(pick(item, "count", "lines", "hits", default=1)) or 1)
        appeared = _appeared(pick(item, "first_seen", "first"), count, digest)
        hit = SignatureHit(
            name=name,
            count=int(num(pick(item, "count", "lines", "hits", default=1)) or 1),
            first_seen=pick(item, "first_seen", "first"),
            last_seen=pick(item, "last_seen", "last"),
            example=_example(item),
            change=change,
            onset=onset or (pick(item, "first_seen", "first") if appeared else None),
            appeared=appeared,
            severity=str(item.get("severity") or ""),
            source="logs",
            active=_active(pick(item, "last_seen", "last"), digest, latest),
        )
        old = ev.signatures.get(name)
        if old is None or hit.count >= old.count:
            ev.signatures[name] = hit
    patterns = [_pattern(item, _active(item.get("last_seen"), digest, latest)) for item in templates.values()]
    if patterns:
        ev.patterns = patterns
    levels = pick(digest, "levels", "by_level", "level_counts", default={})
    if isinstance(levels, Mapping) and levels:
        ev.log_errors = int(sum(num(v) or 0 for k, v in levels.items() if str(k).upper() in ERROR_LEVELS))
        ev.log_lines = int(sum(num(v) or 0 for v in levels.values()))
    total = num(pick(digest, "lines", "total_lines", "total"))
    if total is not None:
        ev.log_lines = int(total)
    volume = digest.get("volume") if isinstance(digest.get("volume"), Mapping) else {}
    earlier, recent = num(volume.get("earlier_per_min")), num(volume.get("recent_per_min"))
    if earlier:
        ev.log_volume_ratio = round((recent or 0.0) / earlier, 3)


APPEARED_AFTER = 0.15
"""A signature first seen after this share of the window had passed was absent before: it appeared
(when it then shows at least `APPEARED_RATE` lines per minute)."""
APPEARED_RATE = 1.0


def _appeared(first_seen: Any, count: int, digest: Mapping[str, Any]) -> bool:
    """First seen well into the window and frequent since then (not a rare background line)."""
    window = digest.get("window") if isinstance(digest.get("window"), Mapping) else {}
    start, end, first = when(window.get("start")), when(window.get("end")), when(first_seen)
    if start is None or end is None or first is None or end <= start:
        return False
    minutes = max(1.0, (end - first).total_seconds() / 60)
    return (first - start) >= (end - start) * APPEARED_AFTER and count / minutes >= APPEARED_RATE


def _signature_change(item: Mapping[str, Any], templates: Mapping[str, Any], background: set[str]) -> tuple[str, Any]:
    """(change, onset) of a signature from the templates it matched: rising if any of them is."""
    ids = [str(t) for t in item.get("templates") or []]
    changes = [str(templates[t].get("change") or "") for t in ids if t in templates]
    changes += ["steady" for t in ids if t not in templates and t in background]
    onsets = [
        templates[t].get("onset") or templates[t].get("first_seen")
        for t in ids
        if t in templates and templates[t].get("change") in RISING
    ]
    if not changes:
        return str(item.get("change") or ""), None
    rising = [c for c in changes if c in RISING]
    return (rising[0] if rising else changes[0]), (min(o for o in onsets if o) if any(onsets) else None)


def _pattern(item: Mapping[str, Any], active: bool | None = None) -> PatternView:
    level = str(pick(item, "level", default="") or "").upper()
    counts = item.get("levels") if isinstance(item.get("levels"), Mapping) else None
    if counts and not level:
        level = str(max(counts, key=lambda k: counts[k])).upper()
    return PatternView(
        template=str(pick(item, "template", "pattern", "text", default="") or "")[:300],
        level=level,
        count=int(num(pick(item, "count", "total", default=0)) or 0),
        first_seen=pick(item, "onset", "first_seen", "first"),
        example=_example(item),
        new=bool(pick(item, "new", default=False)),
        change=str(item.get("change") or ""),
        signatures=[str(x) for x in item.get("signatures") or []],
        last_seen=pick(item, "last_seen", "last"),
        active=active,
    )


def add_metric(world: World, artifact: Mapping[str, Any]) -> None:
    """One query_metrics artifact."""
    view = metric_view(artifact)
    if view is not None and view.service:
        ev = world.service(view.service)
        ev.metrics[view.metric] = view
        if view.current is not None:
            ev.coverage["metrics"] = "read"


def add_timeline(world: World, timeline: Mapping[str, Any]) -> None:
    """Metric findings of every service and the change events from incident_timeline (a direct
    query of the same metric takes precedence)."""
    for item in _as_list(pick(timeline, "findings", "metrics", default=[])):
        if isinstance(item, Mapping) and item.get("service") and item.get("metric"):
            ev = world.service(str(item["service"]))
            if str(item["metric"]) not in ev.metrics:
                ev.metrics[str(item["metric"])] = finding_view(str(item["service"]), str(item["metric"]), item)
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


def add_state(world: World, artifact: Mapping[str, Any]) -> None:
    """A service_state artifact: its flagged signatures (current or past), its verdict as coverage, and
    the nodes its pods run on."""
    service = str(artifact.get("service") or "")
    if not service:
        return
    ev = world.service(service)
    if not artifact.get("available"):
        ev.coverage.setdefault("state", "missing" if artifact.get("configured") is False else "unknown")
        return
    ev.coverage["state"] = str(artifact.get("verdict") or "unknown")
    ev.nodes = [str(n) for n in artifact.get("nodes") or []]
    ev.ips = [str(a) for a in artifact.get("ips") or []]
    for item in artifact.get("signatures") or []:
        if not isinstance(item, Mapping) or not item.get("name"):
            continue
        name = str(item["name"])
        hit = SignatureHit(name=name, count=int(num(item.get("count")) or 1), first_seen=item.get("first_seen"),
                           last_seen=item.get("last_seen"), example=_example(item), change="" if item.get("current")
                           else "steady", severity=str(item.get("severity") or ""), source="state",
                           active=bool(item.get("current")))
        old = ev.signatures.get(name)
        if old is None or (hit.active and not old.active) or (hit.active == old.active and hit.count > old.count):
            ev.signatures[name] = hit


def note_missing(world: World, service: str, tool: str, error: str) -> None:
    """A tool that could not answer for a service: that source is missing from its evidence."""
    if not service:
        return
    role = {"fetch_logs": "logs", "query_metrics": "metrics", "service_state": "state"}.get(tool)
    if role is None:
        return
    ev = world.service(service)
    if role == "metrics" and "unknown metric" in error:
        return  # the service has metrics, just not this one
    ev.coverage.setdefault(role, "missing")
