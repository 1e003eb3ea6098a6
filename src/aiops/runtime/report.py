"""Compile the incident report (typed) and render it as Markdown; both saved in the incident folder."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from aiops.core.report import ActionRecord, IncidentReport, ReportDraft, RootCause, Verification

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
    """The report as Markdown for people."""
    rc = report.root_cause
    lines = [
        f"# {report.title}", "",
        f"- **Incident:** `{report.incident_id}`  ",
        f"- **Status:** {report.status}{' (partial report)' if report.partial else ''}  ",
        f"- **Alert:** {report.alert}  ",
        f"- **Opened:** {report.created_at}" + (f" — **closed:** {report.finished_at}" if report.finished_at else ""),
        "", "## Summary", "", report.summary, "", "## Impact", "", report.impact, "",
        "## Root cause", "",
        f"**{rc.category}** on **{rc.service or 'n/a'}** — confidence **{rc.confidence}**", "",
    ]
    lines += [f"- {item}" for item in rc.evidence] or ["- (no evidence recorded)"]
    lines += ["", "## Timeline", ""]
    lines += [f"- `{t.time}` {f'[{t.source}] ' if t.source else ''}{t.event}" for t in report.timeline] or ["- (none)"]
    lines += ["", "## Actions", ""]
    if report.actions:
        lines += ["| action | target | risk | decision | result | by |", "| --- | --- | --- | --- | --- | --- |"]
        lines += [f"| {a.action} | {a.target} | {a.risk or ''} | {_decision(a)} | {a.result} | {a.approver or ''} |"
                  for a in report.actions]
        lines += [f"- {a.action} on {a.target} rejected: {a.reason}" for a in report.actions if a.reason]
    else:
        lines.append("No remediation was proposed.")
    v = report.verification
    state = {True: "recovered", False: "NOT recovered", None: "not verified"}[v.recovered]
    lines += ["", "## Verification", "", f"**{state}** — {v.detail}", ""]
    lines += [f"- {c}" for c in v.checked]
    if report.agent_verification:
        lines += ["", f"The team's own check: {report.agent_verification}"]
    lines += ["", "## Follow-ups", ""] + [f"- [ ] {f}" for f in report.follow_ups]
    if report.communications:
        lines += ["", "## Communications", ""] + [f"{c}\n" for c in report.communications]
    if report.suspicious_inputs:
        lines += ["", "## Suspicious inputs", "",
                  "Telemetry lines that read like instructions (treated as data, never obeyed):", ""]
        lines += [f"- `{s}`" for s in report.suspicious_inputs]
    if report.stopped_reason:
        lines += ["", f"_Stopped early: {report.stopped_reason}_"]
    lines += ["", f"_Model calls: {report.model_calls}; models: "
              + ", ".join(f"{k}={v}" for k, v in report.models.items()) + "_", ""]
    return "\n".join(lines)


def _decision(action: ActionRecord) -> str:
    """The decision, with the team's original proposal next to an edit."""
    if action.decision == "edited" and action.proposed_action:
        return f"edited (proposed: {action.proposed_action} on {action.proposed_target})"
    return action.decision


def save_report(report: IncidentReport, folder: Path) -> Path:
    """Write report.json and report.md; returns the Markdown path."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.json").write_text(json.dumps(report.model_dump(), indent=2) + "\n", encoding="utf-8")
    path = folder / "report.md"
    path.write_text(render_markdown(report), encoding="utf-8")
    return path
