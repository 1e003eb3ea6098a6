"""The orchestrator's report: every field built from the teammates' findings blocks (which carry
the tool evidence); nothing here states a fact the blocks do not hold."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from aiops.agents.playbook import blocks
from aiops.agents.playbook.text import humanise, sentence
from aiops.core.units import with_unit

CONFIDENCES = ("high", "medium", "low")
HEALTH = ("error_rate", "latency_p99")


def _root(found: Sequence[Mapping[str, Any]], vocabulary: Sequence[str]) -> dict[str, Any]:
    diagnosis = blocks.latest(found, "diagnosis") or {}
    root = diagnosis.get("root_cause")
    if not isinstance(root, dict):
        return {
            "category": "none" if not vocabulary or "none" in vocabulary else vocabulary[-1],
            "service": None,
            "confidence": "low",
            "evidence": ["no diagnosis was produced by the team; the findings were insufficient"],
        }
    category = str(root.get("category") or "none")
    evidence = [str(e) for e in root.get("evidence") or []][:12]
    confidence = str(root.get("confidence") or "low").lower()
    if vocabulary and category not in vocabulary:
        evidence.append(f"the diagnosis named {category!r}, which is not in the root-cause vocabulary")
        category, confidence = ("none" if "none" in vocabulary else vocabulary[-1]), "low"
    return {
        "category": category,
        "service": root.get("service") or None,
        "confidence": confidence if confidence in CONFIDENCES else "low",
        "evidence": evidence,
    }


def _timeline(found: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for block in found:
        for entry in block.get("timeline") or []:
            if isinstance(entry, Mapping) and entry.get("event"):
                rows.append(
                    {
                        "time": str(entry.get("time") or ""),
                        "source": str(entry.get("service") or entry.get("source") or ""),
                        "event": str(entry["event"]),
                    }
                )
    remediation = blocks.latest(found, "remediation") or {}
    if remediation.get("action"):
        when = str(remediation.get("executed_at") or "after diagnosis")
        rows.append(
            {
                "time": when,
                "source": str(remediation.get("target") or ""),
                "event": f"{remediation['action']} {remediation.get('decision') or 'proposed'}: "
                f"{remediation.get('result') or 'no result'}",
            }
        )
    unique = {(r["time"], r["source"], r["event"]): r for r in rows}
    return sorted(unique.values(), key=lambda r: r["time"])[:30]


def _impact(found: Sequence[Mapping[str, Any]], root: Mapping[str, Any]) -> str:
    parts: list[str] = []
    for block in found:
        if blocks.block_kind(block) != "analysis":
            continue
        for row in block.get("anomalies") or []:
            if not isinstance(row, Mapping) or row.get("metric") not in HEALTH:
                continue
            if isinstance(row.get("current"), int | float) and isinstance(row.get("baseline"), int | float):
                since = f" since {row['since']}" if row.get("since") else ""
                unit = row.get("unit")
                parts.append(
                    f"{row.get('service')}: {humanise(row['metric'])} {with_unit(row['current'], unit, row['metric'])} "
                    f"against a baseline of {with_unit(row['baseline'], unit, row['metric'])}{since}"
                )
            elif row.get("detail"):
                parts.append(str(row["detail"]))
    if root.get("category") == "none":
        return sentence("No user impact was found: " + ("; ".join(parts) or "the health metrics are at baseline"))
    return sentence("; ".join(dict.fromkeys(parts)) or f"{root.get('service') or 'the service'} was degraded")


def _communications(found: Sequence[Mapping[str, Any]]) -> list[str]:
    block = blocks.latest(found, "communication") or {}
    labels = {
        "customer_update": "Customer update",
        "status_update": "Status update",
        "internal_summary": "Internal summary",
    }
    out = [f"{label}: {block[key]}" for key, label in labels.items() if block.get(key)]
    out += [str(c) for c in block.get("communications") or [] if c]
    if out and (block.get("timing") or block.get("channels")):
        channels = ", ".join(str(c) for c in block.get("channels") or [])
        out.append(f"Timing and channels: {block.get('timing') or 'now'}" + (f"; {channels}" if channels else ""))
    return list(dict.fromkeys(out))


def _follow_ups(found: Sequence[Mapping[str, Any]]) -> list[str]:
    out: list[str] = []
    for block in found:
        out += [str(f) for f in block.get("follow_ups") or []]
        if block.get("prevention"):
            out.append(f"Prevention: {block['prevention']}")
    return list(dict.fromkeys(out))


def _outcome(remediation: Mapping[str, Any]) -> str:
    if not remediation.get("action"):
        return "No remediation was executed"
    text = (
        f"{remediation['action']} on {remediation.get('target')} was "
        f"{remediation.get('decision') or 'proposed'} ({remediation.get('result') or 'no result'})"
    )
    if remediation.get("decision") == "rejected" and remediation.get("reason"):
        text += f": {remediation['reason']}"
    return text


def report_draft(
    alert: str, service: str | None, found: Sequence[Mapping[str, Any]], *, vocabulary: Sequence[str] = ()
) -> dict[str, Any]:
    """The `submit_report` arguments (a ReportDraft) from the findings blocks."""
    root = _root(found, vocabulary)
    remediation = blocks.latest(found, "remediation") or {}
    where = root.get("service") or service or "the alerted service"
    if root["category"] == "none":
        title = f"{service or 'Alert'}: no fault found (false alarm)"
        diagnosis = "The team found no abnormal signal in the logs, metrics or change events"
    else:
        title = f"{where}: {humanise(root['category'])}"
        diagnosis = f"The team diagnosed {humanise(root['category'])} on {where} ({root['confidence']} confidence)"
    first = root["evidence"][0] if root["evidence"] else ""
    summary = " ".join(
        [
            sentence(f"Alert: {alert}"),
            sentence(f"{diagnosis}{': ' + first if first else ''}"),
            sentence(_outcome(remediation)),
        ]
    )
    verification = str(
        remediation.get("verification")
        or ("nothing was executed, so there was nothing to verify" if not remediation.get("action") else "")
    )
    return {
        "title": title,
        "summary": summary,
        "impact": _impact(found, root),
        "root_cause": root,
        "timeline": _timeline(found),
        "verification": verification,
        "follow_ups": _follow_ups(found),
        "communications": _communications(found),
    }


def final_answer(alert: str, found: Sequence[Mapping[str, Any]]) -> str:
    """The orchestrator's closing message: a short Markdown report and the status json block."""
    draft = report_draft(alert, None, found)
    remediation = blocks.latest(found, "remediation") or {}
    root = draft["root_cause"]
    verified = remediation.get("verified")
    if root["category"] == "none" and not remediation.get("action"):
        status = "no_action"
    elif remediation.get("result") == "succeeded" and verified:
        status = "resolved"
    else:
        status = "unresolved"
    actions = (
        [{k: remediation.get(k) for k in ("action", "target", "risk", "decision", "result")}]
        if remediation.get("action")
        else []
    )
    lines = [f"## {draft['title']}", "", draft["summary"], "", f"Impact: {draft['impact']}", ""]
    lines += [f"- {e}" for e in _limit(root["evidence"], 6)]
    lines += [
        "",
        blocks.render_block(
            {
                "status": status,
                "root_cause": {k: root[k] for k in ("category", "service", "confidence")},
                "actions": actions,
                "recovered": verified if actions else None,
            }
        ),
    ]
    return "\n".join(lines)


def _limit(items: Iterable[str], n: int) -> list[str]:
    return list(items)[:n]
