"""Compile the incident report (typed) and render it as Markdown; both saved in the incident folder."""

from __future__ import annotations

import json
from collections.abc import Iterable
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


def complete_follow_ups(items: list[str]) -> list[str]:
    """The team's follow-ups, plus a standard one for each kind they do not cover."""
    out = list(dict.fromkeys(items))
    lowered = " ".join(items).lower()
    out += [text for words, text in STANDARD_FOLLOW_UPS.values() if not any(w in lowered for w in words)]
    return out


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
        f"- **Opened:** {one(report.created_at)}"
        + (f" — **closed:** {one(report.finished_at)}" if report.finished_at else ""),
        "", "## Summary", "", para(report.summary), "", "## Impact", "", para(report.impact), "",
        "## Root cause", "",
        f"**{one(rc.category)}** on **{one(rc.service or 'n/a')}** — confidence **{one(rc.confidence)}**", "",
    ]
    lines += [f"- {one(item)}" for item in rc.evidence] or ["- (no evidence recorded)"]
    lines += ["", "## Timeline", ""]
    lines += [f"- `{one(t.time)}` {f'[{one(t.source)}] ' if t.source else ''}{one(t.event)}"
              for t in report.timeline] or ["- (none)"]
    lines += ["", "## Actions", ""]
    if report.actions:
        lines += ["| action | target | risk | decision | result | by |", "| --- | --- | --- | --- | --- | --- |"]
        lines += [f"| {one(a.action)} | {one(a.target)} | {one(a.risk or '')} | {one(a.decision)} | {one(a.result)} "
                  f"| {one(a.approver or '')} |" for a in report.actions]
        lines += [f"- {one(a.action)} on {one(a.target)} rejected: {one(a.reason)}" for a in report.actions if a.reason]
    else:
        lines.append("No remediation was proposed.")
    v = report.verification
    state = {True: "recovered", False: "NOT recovered", None: "not verified"}[v.recovered]
    lines += ["", "## Verification", "", f"**{state}** — {one(v.detail)}", ""]
    lines += [f"- {one(c)}" for c in v.checked]
    if report.agent_verification:
        lines += ["", f"The team's own check: {para(report.agent_verification)}"]
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


def save_report(report: IncidentReport, folder: Path) -> Path:
    """Write report.json and report.md; returns the Markdown path."""
    private_dir(folder)
    write_private_text(folder / "report.json", json.dumps(report.model_dump(), indent=2) + "\n")
    return write_private_text(folder / "report.md", render_markdown(report))
