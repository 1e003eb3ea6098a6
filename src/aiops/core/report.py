"""The incident report as typed data. The orchestrator submits a `ReportDraft` through a tool
(validated by this schema, never scraped from prose); the runtime adds the facts only code may
state (actions and decisions from the approval ledger, verified recovery, flagged inputs)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Confidence = Literal["high", "medium", "low"]
Status = Literal["resolved", "awaiting_approval", "unresolved", "no_action"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RootCause(_Model):
    """The diagnosis. `category` is from the diagnostics skill's vocabulary (`none` for a false alarm)."""

    category: str = Field(description="root-cause category from the diagnostics vocabulary, or 'none'")
    service: str | None = Field(default=None, description="the service where the cause originates")
    confidence: Confidence = Field(description="high, medium or low")
    evidence: list[str] = Field(default_factory=list, description="the observations that support it")


class TimelineEntry(_Model):
    """One line of the timeline: when, from where, what."""

    time: str = Field(description="timestamp or relative time, e.g. '-20 min' or '14:02Z'")
    source: str = Field(default="", description="service, agent or system the entry comes from")
    event: str


class ReportDraft(_Model):
    """What the orchestrator writes: the narrative parts of the report."""

    title: str = Field(description="one line naming the service and the failure")
    summary: str = Field(description="what happened and what was done, in two to four sentences")
    impact: str = Field(description="who and what was affected, and how badly")
    root_cause: RootCause
    timeline: list[TimelineEntry] = Field(default_factory=list)
    verification: str = Field(default="", description="what the team checked after acting, and what it showed")
    follow_ups: list[str] = Field(default_factory=list,
                                  description="monitoring, post-mortem, prevention, runbook updates")
    communications: list[str] = Field(default_factory=list,
                                      description="status updates drafted for customers or internal channels")


class ActionRecord(_Model):
    """A proposed action and what became of it (from the approval ledger, not from the model)."""

    action: str
    target: str
    risk: str | None = None
    decision: str = Field(description="approved, edited, rejected, refused or pending")
    result: str = Field(description="succeeded, failed, not executed, or the refusal reason")
    approver: str | None = None
    reason: str | None = None
    executed_at: str | None = None
    proposed_action: str | None = Field(default=None, description="what the team proposed, when a person edited it")
    proposed_target: str | None = None


class Verification(_Model):
    """Recovery as checked by the runtime after the last executed action."""

    recovered: bool | None = None
    checked: list[str] = Field(default_factory=list)
    detail: str = ""
    recovered_at: str | None = Field(default=None, description="telemetry time from which the health metrics "
                                                                 "stayed back at baseline")


class IncidentReport(_Model):
    """The whole report (also saved as report.json next to report.md)."""

    incident_id: str
    status: Status
    alert: str
    created_at: str
    finished_at: str | None = None
    alert_time: str | None = Field(default=None, description="when the alert arrived, on the telemetry clock")
    first_sign_at: str | None = Field(default=None, description="earliest timeline event, on the telemetry clock")
    telemetry_clock: str = "telemetry clock"
    title: str
    summary: str
    impact: str
    root_cause: RootCause
    timeline: list[TimelineEntry] = Field(default_factory=list)
    actions: list[ActionRecord] = Field(default_factory=list)
    verification: Verification = Field(default_factory=Verification)
    agent_verification: str = ""
    follow_ups: list[str] = Field(default_factory=list)
    communications: list[str] = Field(default_factory=list)
    suspicious_inputs: list[str] = Field(default_factory=list)
    partial: bool = False
    stopped_reason: str | None = None
    model_calls: int = 0
    models: dict[str, str] = Field(default_factory=dict)
