"""The window-wide part of a digest: levels, error share, volume, signatures, the error sequence
and the ranking of templates (what `LogDigest` holds)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from aiops.analysis.digest_stats import BINS, RANK, SPLIT, TemplateStats, Window, iso, template_facts

SEQUENCE_ITEMS = 12
BACKGROUND_ITEMS = 8
ERROR_LEVELS = ("ERROR", "FATAL")
ONE_OFF = 2
"""A template seen at most this often is a one-off."""
TOGETHER_MIN = 5
"""One-off templates that all start within the same minute, at least this many, are one event (a
reboot, a deployment's start-up banner) and are shown as one line."""


def _signatures(stats: list[TemplateStats]) -> list[dict[str, Any]]:
    hits: dict[str, dict[str, Any]] = {}
    order: list[str] = []
    for stat in sorted(stats, key=lambda s: -s.count):
        for sig in stat.signatures:
            hit = hits.get(sig.name)
            if hit is None:
                hit = hits[sig.name] = {**sig.to_dict(), "count": 0, "first_seen": None, "last_seen": None,
                                        "templates": [], "example": stat.examples[0] if stat.examples else ""}
                order.append(sig.name)
            hit["count"] += stat.count
            hit["templates"].append(stat.template.id)
            hit["_first"] = min(filter(None, (hit.get("_first"), stat.first)), default=None)
            hit["_last"] = max(filter(None, (hit.get("_last"), stat.last)), default=None)
    out = []
    for name in order:
        hit = hits[name]
        hit["first_seen"], hit["last_seen"] = iso(hit.pop("_first")), iso(hit.pop("_last"))
        out.append(hit)
    out.sort(key=lambda h: (h["first_seen"] or "", -h["count"]))
    return out


def _shares(stats: list[TemplateStats], window: Window) -> tuple[dict[str, float], dict[str, float]]:
    lines_e = lines_r = errors_e = errors_r = 0
    for stat in stats:
        earlier, recent = sum(stat.bins[:SPLIT]), sum(stat.bins[SPLIT:])
        lines_e += earlier
        lines_r += recent
        errors = sum(n for lv, n in stat.levels.items() if lv in ERROR_LEVELS)
        if errors and stat.count:
            errors_e += round(errors * earlier / stat.count)
            errors_r += round(errors * recent / stat.count)
    minutes_e = window.minutes * SPLIT / BINS
    minutes_r = window.minutes - minutes_e
    share = {"earlier": round(errors_e / lines_e, 4) if lines_e else 0.0,
             "recent": round(errors_r / lines_r, 4) if lines_r else 0.0}
    volume = {"earlier_per_min": round(lines_e / minutes_e, 2) if minutes_e else 0.0,
              "recent_per_min": round(lines_r / minutes_r, 2) if minutes_r else 0.0}
    return share, volume


def _sequence(facts: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    notable = [f for f in facts if f["_worst"] >= RANK["WARN"] or f["signatures"]]
    started = sorted((f for f in notable if f["onset"] and f["change"] in ("new", "surge")),
                     key=lambda f: f["onset"])
    sequence = []
    first: datetime | None = None
    for item in started[:SEQUENCE_ITEMS]:
        onset = datetime.fromisoformat(item["onset"].replace("Z", "+00:00"))
        first = first or onset
        sequence.append({"template": item["id"], "onset": item["onset"],
                         "offset_s": round((onset - first).total_seconds(), 3), "level": item["level"],
                         "change": item["change"], "signatures": item["signatures"], "text": item["template"]})
    background = [{"template": f["id"], "level": f["level"], "count": f["count"], "text": f["template"]}
                  for f in sorted((f for f in notable if f not in started), key=lambda f: -f["count"])]
    return sequence, background[:BACKGROUND_ITEMS]


def together(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Groups of one-off templates that first appeared within the same minute, biggest first:
    `{"at": iso, "templates": [ids], "lines": int, "examples": [text]}`."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for item in facts:
        if item["count"] <= ONE_OFF and item["first_seen"] and item["_worst"] < RANK["ERROR"]:
            groups.setdefault(item["first_seen"][:16], []).append(item)
    out = [{"at": min(i["first_seen"] for i in items), "templates": [i["id"] for i in items],
            "lines": sum(i["count"] for i in items), "examples": [i["template"] for i in items[:3]]}
           for items in groups.values() if len(items) >= TOGETHER_MIN]
    return sorted(out, key=lambda g: -len(g["templates"]))


def summarise(stats: list[TemplateStats], window: Window, *, max_templates: int) -> dict[str, Any]:
    """Everything `LogDigest` holds besides service, window and budget (and `together`, the groups of
    one-off templates that started at the same moment)."""
    total = sum(s.count for s in stats)
    facts = sorted((template_facts(stat, window, total) for stat in stats), key=lambda f: -f["_score"])
    groups = together(facts)
    levels: dict[str, int] = {}
    for stat in stats:
        for level, count in stat.levels.items():
            levels[level] = levels.get(level, 0) + count
    share, volume = _shares(stats, window)
    sequence, background = _sequence(facts)
    first_error = min((s.first_error for s in stats if s.first_error is not None), default=None)
    kept, rest = facts[:max_templates], facts[max_templates:]
    omitted_levels: dict[str, int] = {}
    for item in rest:
        for level, count in item["levels"].items():
            omitted_levels[level] = omitted_levels.get(level, 0) + count
    for item in facts:
        item.pop("_score")
        item.pop("_worst")
    return {
        "together": groups,
        "lines": sum(s.count for s in stats),
        "levels": dict(sorted(levels.items(), key=lambda kv: -RANK.get(kv[0], 1))),
        "templates": kept, "templates_total": len(facts), "signatures": _signatures(stats),
        "sequence": sequence, "background": background, "error_share": share, "volume": volume,
        "first_error": iso(first_error),
        "omitted": {"templates": len(rest), "lines": sum(i["count"] for i in rest), "levels": omitted_levels},
    }
