"""Compile the incident report (typed) and render it as Markdown; both saved in the incident folder."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiops.core.private import private_dir, write_private_text
from aiops.core.report import ActionRecord, IncidentReport, ReportDraft, RootCause, Verification
from aiops.core.termtext import safe_line, safe_text

STANDARD_FOLLOW_UPS: dict[str, tuple[tuple[str, ...], str]] = {
    "monitoring": (("monitor", "watch", "alert"), "Monitor the affected service for a recurrence over the next days"),
    "post-mortem": (("post-mortem", "postmortem", "retrospective"), "Hold a blameless post-mortem"),
    "prevention": (("prevent", "fix the", "root fix"), "Decide and track a prevention measure for this failure mode"),
    "runbook": (("runbook",), "Update the runbook with what this incident taught"),
}
"""Every report's follow-ups cover these four; the team's own wording wins where it covers one."""


FALSE_ALARM_FOLLOW_UPS: dict[str, tuple[tuple[str, ...], str]] = {
    "alert": (("tune", "threshold", "alert rule"),
              "Tune the alert that fired ({alert}): it fired with no fault behind it; raise its threshold, lengthen "
              "its `for:` duration or alert on a sustained symptom instead"),
    "recurrence": (("again", "recur"), "If the alert fires again, compare with this report before acting"),
}
"""A false alarm's follow-ups are about the alert itself, not about a failure that did not happen."""


def complete_follow_ups(items: list[str], *, false_alarm: bool = False, alert: str = "") -> list[str]:
    """The team's follow-ups, plus a standard one for each kind they do not cover (for a false alarm:
    tuning the alert and what to do if it fires again)."""
    out = list(dict.fromkeys(items))
    lowered = " ".join(items).lower()
    standard = FALSE_ALARM_FOLLOW_UPS if false_alarm else STANDARD_FOLLOW_UPS
    short = alert if len(alert) <= 80 else alert[:79] + "…"
    out += [text.format(alert=short or "the alert") for words, text in standard.values()
            if not any(w in lowered for w in words)]
    return out


def parse_time(value: str | None) -> datetime | None:
    """An ISO 8601 time (Z or offset) as UTC; None for anything else (e.g. '-20 min')."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def clock(value: str | None) -> str:
    """One format for every time in the report: `2025-06-03 14:22:36Z` (other text unchanged)."""
    parsed = parse_time(value)
    return parsed.strftime("%Y-%m-%d %H:%M:%SZ") if parsed else (value or "?")


def _minutes(start: datetime, end: datetime) -> str:
    seconds = max((end - start).total_seconds(), 0.0)
    if seconds < 60:
        return f"{seconds:.0f} s"
    return f"{seconds / 60:.0f} min" if seconds < 5400 else f"{seconds / 3600:.1f} h"


def _times(report: IncidentReport) -> list[str]:
    """The header's time lines: the alert and the incident on the telemetry clock, the investigation
    on the wall clock, each labelled; duration and time to recover."""
    lines = [f"- **Alert time ({report.telemetry_clock}):** {clock(report.alert_time)}  "] if report.alert_time else []
    first, alert = parse_time(report.first_sign_at), parse_time(report.alert_time)
    recovered = parse_time(report.verification.recovered_at)
    if report.status == "no_action":
        first = None
    if first is not None and recovered is not None:
        lines.append(f"- **Duration:** {_minutes(first, recovered)}, from the first sign at "
                     f"{clock(report.first_sign_at)} to verified recovery at "
                     f"{clock(report.verification.recovered_at)}  ")
    elif first is not None:
        lines.append(f"- **Duration:** since the first sign at {clock(report.first_sign_at)}; not recovered when the "
                     "report was written  ")
    if alert is not None and recovered is not None:
        lines.append(f"- **Time to recover:** {_minutes(alert, recovered)} from the alert to verified recovery  ")
    elif report.actions:
        lines.append("- **Time to recover:** not recovered (see Verification)  ")
    start, end = parse_time(report.created_at), parse_time(report.finished_at)
    if start is not None:
        took = f" ({_minutes(start, end)})" if end is not None else ""
        finished = clock(report.finished_at)
        if finished[:10] == clock(report.created_at)[:10]:
            finished = finished[11:]
        lines.append(f"- **Investigation (wall clock):** {clock(report.created_at)} to {finished}{took}")
    return lines


def status_for(*, root_cause: RootCause, actions: list[ActionRecord], verification: Verification,
               pending: bool) -> str:
    """resolved / awaiting_approval / unresolved / no_action, from facts only."""
    if pending:
        return "awaiting_approval"
    executed = [a for a in actions if a.result == "succeeded"]
    if not actions and root_cause.category == "none":
        return "no_action"
    if executed and verification.recovered:
        return "resolved"
    return "unresolved"


def fallback_draft(alert: str, evidence: Iterable[dict[str, Any]], reason: str) -> ReportDraft:
    """A partial draft from what the tools saw, when the orchestrator did not submit one."""
    seen = [f"{e['tool']}({', '.join(f'{k}={v}' for k, v in e['args'].items() if v not in (None, ''))})"
            for e in evidence]
    return ReportDraft(
        title=f"Incident (partial report): {alert[:80]}",
        summary=f"The investigation stopped before the team wrote its report: {reason}.",
        impact="Unknown: the investigation did not finish.",
        root_cause=RootCause(category="unknown", service=None, confidence="low",
                             evidence=[f"tool calls made: {'; '.join(seen[-12:]) or 'none'}"]),
        follow_ups=["Continue the investigation by hand from the evidence collected"],
    )


def _cause_line(report: IncidentReport) -> str:
    rc = report.root_cause
    if rc.category == "none":
        return (f"**No fault found** (a false alarm, or a blip that healed by itself) — confidence "
                f"**{safe_line(rc.confidence)}**")
    return (f"**{safe_line(rc.category)}** on **{safe_line(rc.service or 'an unnamed service')}** — confidence "
            f"**{safe_line(rc.confidence)}**")


def render_markdown(report: IncidentReport) -> str:
    """The report as Markdown for people. Every text field came from a model, the alert or telemetry:
    each is shown escaped (`aiops.core.termtext`), one-line fields on one line."""
    one, para = safe_line, safe_text
    rc = report.root_cause
    lines = [
        f"# {one(report.title)}", "",
        f"- **Incident:** `{one(report.incident_id)}`  ",
        f"- **Status:** {one(report.status)}{' (partial report)' if report.partial else ''}  ",
        f"- **Alert:** {one(report.alert)}  ",
        *_times(report),
        "", "## Summary", "", para(report.summary), "", "## Impact", "", para(report.impact), "",
        "## Root cause", "", _cause_line(report), "",
    ]
    lines += [f"- {one(item)}" for item in rc.evidence] or ["- (no evidence recorded)"]
    lines += ["", f"## Timeline ({report.telemetry_clock}, UTC)", ""]
    lines += [f"- `{clock(t.time)}` {f'[{one(t.source)}] ' if t.source else ''}{one(t.event)}"
              for t in report.timeline] or ["- (none)"]
    lines += ["", "## Actions", ""]
    if report.actions:
        lines += ["| action | target | risk | decision | result | by |", "| --- | --- | --- | --- | --- | --- |"]
        lines += [f"| {one(a.action)} | {one(a.target)} | {one(a.risk or '')} | {one(_decision(a))} | {one(a.result)} "
                  f"| {one(a.approver or '')} |" for a in report.actions]
        lines += [f"- {one(a.action)} on {one(a.target)} rejected: {one(a.reason)}" for a in report.actions if a.reason]
    else:
        lines.append("No remediation was proposed.")
    v = report.verification
    state = {True: "recovered", False: "NOT recovered", None: "not verified"}[v.recovered]
    lines += ["", "## Verification", "", f"**{state}** — {one(v.detail)}", ""]
    lines += [f"- {one(c)}" for c in v.checked]
    if report.agent_verification:
        lines += ["", f"The team's own check (the runtime's check above decides the status): "
                      f"{para(report.agent_verification)}"]
    lines += ["", "## Follow-ups", ""] + [f"- [ ] {one(f)}" for f in report.follow_ups]
    if report.communications:
        lines += ["", "## Communications", ""] + [f"{para(c)}\n" for c in report.communications]
    if report.suspicious_inputs:
        lines += ["", "## Suspicious inputs", "",
                  "Telemetry lines that read like instructions (treated as data, never obeyed):", ""]
        lines += [f"- `{one(s)}`" for s in report.suspicious_inputs]
    if report.stopped_reason:
        lines += ["", f"_Stopped early: {one(report.stopped_reason)}_"]
    lines += ["", f"_Model calls: {report.model_calls}; models: "
              + ", ".join(f"{one(k)}={one(v)}" for k, v in report.models.items()) + "_", ""]
    return "\n".join(lines)


def _decision(action: ActionRecord) -> str:
    """The decision, with the team's original proposal next to an edit."""
    if action.decision == "edited" and action.proposed_action:
        return f"edited (proposed: {action.proposed_action} on {action.proposed_target})"
    return action.decision


def save_report(report: IncidentReport, folder: Path) -> Path:
    """Write report.json and report.md; returns the Markdown path."""
    private_dir(folder)
    write_private_text(folder / "report.json", json.dumps(report.model_dump(), indent=2) + "\n")
    return write_private_text(folder / "report.md", render_markdown(report))
