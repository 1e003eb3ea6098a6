"""The orchestrator's part: frame the incident, delegate in order, carry findings blocks verbatim
from one teammate to the next, and submit the report built from them."""

from __future__ import annotations

import re
from typing import Any

from aiops.agents.playbook import blocks
from aiops.agents.playbook.conversation import Conversation
from aiops.agents.playbook.intake import affected_service, alert_text, topology_of
from aiops.agents.playbook.reply import Reply
from aiops.agents.playbook.roles import Role
from aiops.agents.playbook.setup import AgentSetup, Teammate
from aiops.agents.playbook.writeup import final_answer, report_draft

REPORT_TOOL = "submit_report"
_VOCAB = re.compile(r"use one of:\s*([\w, -]+)")

ASKS = {
    Role.ANALYST: "Analyse the recent logs and metrics of the affected service and of the services it "
    "depends on or that call it. Return the timeline, error patterns, flagged signatures, anomalies and "
    "a first hypothesis, ending with your json findings block.",
    Role.DIAGNOSTICIAN: "Diagnose the root cause from the log analyst's findings below: check recent "
    "changes, walk the decision tree, validate against metrics and the incident timeline (the origin of "
    "a cascade, not the loudest symptom). End with your json block (root_cause, alternatives, checks).",
    Role.REMEDIATOR: "Remediate the diagnosed root cause below: choose the runbook action, state risk, "
    "impact, recovery time and rollback, request execution (it pauses for a human decision), verify "
    "recovery and list follow-ups. End with your json block.",
    Role.COMMUNICATOR: "Draft the status updates for this incident from the findings below: a "
    "plain-language update for customers and a short technical summary for staff, with timing and "
    "channels. End with a json block holding the updates.",
    Role.WRITER: "Contribute what your role covers for this incident, from the findings below. End with a json block.",
}


def step(conv: Conversation, setup: AgentSetup) -> Reply:
    """The next orchestrator turn."""
    if setup.can("list_services") and not conv.has_call("list_services"):
        return Reply.call("list_services", text="Intake: reading the topology to place the alert.")
    state = _State(conv)
    for mate in setup.teammates:
        if conv.has_call("task", subagent_type=mate.name):
            continue
        if mate.role is Role.REMEDIATOR and not state.actionable():
            continue
        return Reply.call(
            "task",
            text=f"Delegating to {mate.name}.",
            subagent_type=mate.name,
            description=state.describe(mate),
        )
    submits = conv.results(REPORT_TOOL)
    if setup.can(REPORT_TOOL) and (not submits or (_failed(submits[-1].content) and len(submits) < 3)):
        vocabulary = _vocabulary(submits[-1].content) if submits else list(setup.categories)
        draft = report_draft(state.alert, state.service, state.found, vocabulary=vocabulary)
        return Reply.call(REPORT_TOOL, text="Submitting the incident report.", **draft)
    return Reply(text=final_answer(state.alert, state.found))


def _failed(content: str | None) -> bool:
    return bool(content) and "error" in (content or "").lower()[:200]


def _vocabulary(content: str | None) -> list[str]:
    match = _VOCAB.search(content or "")
    return [c.strip() for c in match.group(1).split(",") if c.strip()] if match else []


class _State:
    """What the orchestrator knows so far, recomputed from the conversation."""

    def __init__(self, conv: Conversation) -> None:
        self.alert = alert_text(conv.task)
        listing = next((r.data for r in conv.results("list_services") if r.data.get("services")), {})
        self.topology = topology_of(listing.get("services") or [])
        self.metrics = list(listing.get("metrics") or [])
        self.state = bool(listing.get("state"))
        self.service = affected_service(conv.task, self.topology)
        self.sources: list[str] = []
        self.found: list[dict[str, Any]] = []
        for result in conv.results("task"):
            self.sources.extend(blocks.fenced_sources(result.content or ""))
            self.found.extend(blocks.find_blocks(result.content or ""))

    def actionable(self) -> bool:
        """Remediation makes sense: a diagnosis names a real cause on a service."""
        diagnosis = blocks.latest(self.found, "diagnosis")
        root = (diagnosis or {}).get("root_cause") or {}
        if not isinstance(root, dict):
            return False
        return bool(root.get("service")) and str(root.get("category") or "none") != "none"

    def describe(self, mate: Teammate) -> str:
        """The task description for `mate`: alert, service, topology and the blocks so far."""
        lines = [
            f"Alert: {self.alert}",
            f"Affected service: {self.service or 'unknown (find it from the telemetry)'}",
            "",
            ASKS.get(mate.role, ASKS[Role.WRITER]),
        ]
        if self.topology:
            lines += [
                "",
                "Topology (from list_services):",
                blocks.render_block({"kind": "topology", "services": self.topology, "metrics": self.metrics,
                                     **({"state": True} if self.state else {})}),
            ]
        if self.sources:
            lines += ["", "Findings so far, verbatim from your teammates:", *self.sources]
        elif mate.role is not Role.ANALYST:
            lines += ["", "No findings block has been produced so far."]
        return "\n".join(lines)
