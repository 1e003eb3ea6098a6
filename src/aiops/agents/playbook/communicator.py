"""A teammate with no tools (for example a communicator added by config): it writes plain-language
status updates from what the orchestrator gives it — the alert and the findings blocks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiops.agents.playbook import blocks
from aiops.agents.playbook.conversation import Conversation
from aiops.agents.playbook.intake import alert_text, hinted_service
from aiops.agents.playbook.reply import Reply
from aiops.agents.playbook.setup import AgentSetup
from aiops.agents.playbook.text import humanise, sentence


def _state(found: list[dict[str, Any]]) -> tuple[dict[str, Any], dict[str, Any]]:
    diagnosis = blocks.latest(found, "diagnosis") or {}
    root = diagnosis.get("root_cause") if isinstance(diagnosis.get("root_cause"), Mapping) else {}
    return dict(root or {}), blocks.latest(found, "remediation") or {}


def _status(root: Mapping[str, Any], remediation: Mapping[str, Any]) -> str:
    if str(root.get("category") or "none") == "none" and not remediation.get("action"):
        return "no_action"
    if remediation.get("result") == "succeeded" and remediation.get("verified"):
        return "resolved"
    return "investigating" if not remediation.get("action") else "mitigation_pending"


def step(conv: Conversation, setup: AgentSetup) -> Reply:  # noqa: ARG001
    """One turn: the updates, then the json block."""
    found = blocks.find_blocks(conv.task)
    root, remediation = _state(found)
    service = hinted_service(conv.task) or root.get("service") or "one of our services"
    diagnosis = blocks.latest(found, "diagnosis") or {}
    plain = str(diagnosis.get("plain_language") or "")
    status = _status(root, remediation)
    if status == "no_action":
        customer = (
            f"We investigated an alert about {service}. Our checks found the service working normally "
            "and no customers affected. No action is needed; we will keep watching it."
        )
    elif status == "resolved":
        customer = (
            f"Earlier, some requests to {service} failed or were slow. "
            f"{sentence(plain) if plain else 'We found the cause.'} We applied a fix and the service is "
            "working normally again. We will keep monitoring it closely."
        )
    else:
        customer = (
            f"Some requests to {service} are failing or slow. "
            f"{sentence(plain) if plain else 'We are working to identify the cause.'} Our engineers are "
            "working on a fix and we will post an update within 30 minutes."
        )
    internal = _internal(conv.task, root, remediation)
    timing = "now, then every 30 minutes until resolved" if status not in ("resolved", "no_action") else "now (final)"
    channels = ["status page", "customer support"] if status != "no_action" else ["internal incident channel"]
    data = {
        "kind": "communication",
        "status": status,
        "customer_update": customer,
        "internal_summary": internal,
        "timing": timing,
        "channels": channels,
    }
    text = (
        f"Customer update:\n{customer}\n\nInternal summary:\n{internal}\n\nTiming: {timing}; channels: "
        f"{', '.join(channels)}.\n\n{blocks.render_block(data)}"
    )
    return Reply(text=text)


def _internal(task: str, root: Mapping[str, Any], remediation: Mapping[str, Any]) -> str:
    parts = [sentence(f"Alert: {alert_text(task)}")]
    if root:
        parts.append(
            sentence(
                f"Root cause: {humanise(root.get('category') or 'none')} on "
                f"{root.get('service') or 'n/a'} ({root.get('confidence') or 'low'} confidence)"
            )
        )
        evidence = [str(e) for e in root.get("evidence") or []][:3]
        if evidence:
            parts.append(sentence("Evidence: " + "; ".join(evidence)))
    else:
        parts.append("No diagnosis was available.")
    if remediation.get("action"):
        parts.append(
            sentence(
                f"Action: {remediation['action']} on {remediation.get('target')}, "
                f"{remediation.get('decision') or 'proposed'}, {remediation.get('result') or 'pending'}"
            )
        )
        if remediation.get("verification"):
            parts.append(sentence(f"Verification: {remediation['verification']}"))
    return " ".join(parts)
