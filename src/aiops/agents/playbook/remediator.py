"""The remediator's part: choose the runbook action for the diagnosed cause, state the plan, request
execution (the tool pauses for a human), then verify recovery and report."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiops.agents.playbook import blocks
from aiops.agents.playbook.conversation import Conversation, ToolResult
from aiops.agents.playbook.reply import Reply
from aiops.agents.playbook.runbook import Action, candidates, catalogue
from aiops.agents.playbook.setup import AgentSetup
from aiops.agents.playbook.skills import read_calls_needed, skill_data
from aiops.agents.playbook.text import humanise, sentence
from aiops.agents.playbook.verify import verdict, verify_calls

EXECUTE = "execute_remediation"
MAX_ATTEMPTS = 2
"""Proposals per incident: the preferred action, then one alternative after a refusal or a rejection."""


def step(conv: Conversation, setup: AgentSetup) -> Reply:
    """The next remediator turn."""
    if setup.can("read_file") and (reads := read_calls_needed(conv)):
        return Reply(text="Reading my remediation skill before acting.", calls=reads)
    diagnosis = blocks.latest(blocks.find_blocks(conv.task), "diagnosis") or {}
    root = diagnosis.get("root_cause") if isinstance(diagnosis.get("root_cause"), Mapping) else {}
    category, service = str(root.get("category") or "none"), root.get("service")
    confidence = str(root.get("confidence") or "low")
    if category == "none" or not service:
        return _done(root, diagnosis, "No action: the diagnosis found no fault to fix.")
    if confidence == "low":
        return _done(
            root,
            diagnosis,
            "No action: the diagnosis has low confidence; acting on a guess risks a wrong fix. "
            "Investigate further or escalate.",
        )
    actions = catalogue(skill_data(conv, setup.skill_dirs))
    options = candidates(actions, category, [str(a) for a in diagnosis.get("recommended_actions") or []])
    attempts = [r for r in conv.calls if r.name == EXECUTE]
    if not attempts:
        if not options:
            return _done(
                root,
                None,
                f"No action: no runbook action in the catalogue fixes {humanise(category)}. "
                "Escalate to the owning team.",
            )
        return _request(options[0], str(service), root, diagnosis)
    last = attempts[-1]
    if not last.answered:
        return Reply(text="Waiting for the decision on the requested action.")
    outcome = last.data
    decision = str(outcome.get("decision") or "")
    if decision in ("refused", "rejected") and len(attempts) < MAX_ATTEMPTS:
        tried = {r.args.get("action") for r in attempts}
        rest = [a for a in options if a.name not in tried]
        if rest:
            return _request(rest[0], str(service), root, diagnosis)
    action = actions.get(str(outcome.get("action") or last.args.get("action")))
    if decision in ("approved", "edited") and outcome.get("result") == "succeeded":
        checks = verify_calls(conv, str(outcome.get("target") or service), diagnosis, after=last)
        if setup.can("query_metrics") and checks:
            return Reply(text="The action ran; checking the metrics for recovery.", calls=checks)
    return _report(conv, root, diagnosis, last, action)


def _request(action: Action, service: str, root: Mapping[str, Any], diagnosis: Mapping[str, Any]) -> Reply:
    senior = " (senior approval, high risk)" if action.risk == "high" else ""
    plan = [
        "Remediation plan:",
        f"- root cause: {humanise(root.get('category', ''))} on {service} ({root.get('confidence')} confidence)",
        f"- action: {action.name} on {service}" + (f" — use when: {action.when}" if action.when else ""),
        f"- risk: {action.risk}",
        f"- expected impact: {action.impact}",
        f"- recovery time: {action.recovery_time}",
        f"- rollback: {action.rollback}",
        f"- approval: required{senior}; the request now waits for a human decision",
    ]
    why = str(diagnosis.get("recommendation") or "")
    facts = [str(e).split(": ", 1)[-1] for e in root.get("evidence") or []][:2]
    reason = sentence(f"{humanise(root.get('category', ''))} on {service}: " + ("; ".join(facts) or why))
    return Reply(
        text="\n".join(plan),
        calls=[{"name": EXECUTE, "args": {"action": action.name, "target": service, "reason": reason[:400]}}],
    )


def _done(root: Mapping[str, Any], diagnosis: Mapping[str, Any], why: str) -> Reply:
    data = {
        "kind": "remediation",
        "action": None,
        "target": root.get("service"),
        "risk": None,
        "reason": why,
        "decision": "none",
        "result": "not executed",
        "verified": None,
        "verification": "nothing was executed, so there was nothing to verify",
        "follow_ups": _follow_ups(root, diagnosis, None, None),
    }
    return Reply(text=f"{why}\n\n{blocks.render_block(data)}")


def _report(
    conv: Conversation,
    root: Mapping[str, Any],
    diagnosis: Mapping[str, Any],
    last: ToolResult,
    action: Action | None,
) -> Reply:
    outcome = last.data
    name = str(outcome.get("action") or last.args.get("action"))
    target = str(outcome.get("target") or last.args.get("target"))
    decision, result = str(outcome.get("decision") or "pending"), str(outcome.get("result") or "not executed")
    executed = decision in ("approved", "edited") and result == "succeeded"
    verified, verification = verdict(conv, target, diagnosis, after=last) if executed else (None, "")
    if not executed:
        verification = f"nothing was executed ({decision}: {outcome.get('reason') or result}); nothing to verify"
    reason = str(outcome.get("reason") or last.args.get("reason") or "")
    data = {
        "kind": "remediation",
        "action": name,
        "target": target,
        "risk": outcome.get("risk") or (action.risk if action else None),
        "reason": reason,
        "impact": action.impact if action else None,
        "recovery_time": action.recovery_time if action else None,
        "rollback": action.rollback if action else None,
        "decision": decision,
        "result": result,
        "verified": verified,
        "verification": verification,
        "executed_at": outcome.get("executed_at"),
        "follow_ups": _follow_ups(root, diagnosis, name if executed else None, verified),
    }
    if decision == "rejected":
        head = f"{name} on {target} was rejected: {reason}. Nothing was executed; the incident stays unresolved."
    elif executed:
        state = {True: "recovered", False: "did NOT recover", None: "could not be verified"}[verified]
        head = f"{name} on {target} was {decision} and {result}; the service {state}: {verification}"
    else:
        head = f"{name} on {target}: {decision}, {result}. Nothing was executed."
    return Reply(text=f"{sentence(head)}\n\n{blocks.render_block(data)}")


def _follow_ups(
    root: Mapping[str, Any], diagnosis: Mapping[str, Any], action: str | None, verified: bool | None
) -> list[str]:
    category, service = root.get("category") or "none", root.get("service") or "the service"
    if category == "none":
        return ["Review the alert rule: it fired while the team found no fault behind it"]
    words = humanise(category)
    diagnosis = diagnosis or {}
    verify = diagnosis.get("verify") if isinstance(diagnosis.get("verify"), Mapping) else {}
    metrics = ", ".join(str(m) for m in (verify.get("metrics") or {"error_rate": {}})) or "error_rate"
    prevention = str(diagnosis.get("prevention") or f"remove the underlying cause of the {words} on {service}")
    out = [
        f"Monitor {metrics} on {service} for a recurrence of the {words} over the next days",
        f"Hold a post-mortem on the {words} on {service}",
        f"Prevention: {prevention}",
    ]
    if action:
        outcome = "restored the service" if verified else "did not clearly restore the service"
        out.append(f"Runbook update: record that {action} {outcome} for {words}")
    return out
