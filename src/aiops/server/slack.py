"""Slack: messages for the incoming webhook, and the Slack app's interactive buttons.

A button press reaches `POST /api/v1/slack/interactions`. It is accepted only when the request is
signed with the app's signing secret (`X-Slack-Signature: v0=HMAC-SHA256(secret, "v0:<ts>:<body>")`),
its timestamp is within the replay window, and that signature was not seen before. The person is
the Slack user, mapped to an approver name by `notify.slack.approvers`; an unmapped user may not
decide. The decision then goes through the runtime like any other (senior rules included).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any
from urllib.parse import parse_qs

from aiops.server.db import ServerDB

ACTION_IDS = ("aiops_approve", "aiops_reject")


def _text(value: Any, limit: int = 300) -> str:
    """Model, alert and telemetry text made inert for Slack's mrkdwn (no mentions, links or markup)."""
    text = str(value if value is not None else "")[:limit]
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_message(event: dict[str, Any], link: str) -> dict[str, Any] | None:
    """The Slack message for one event (None for events Slack is not told about)."""
    kind, incident = event["kind"], event["incident_id"]
    head = f"*<{link}|{incident}>*"
    if kind == "opened":
        text = f":rotating_light: {head} opened: {_text(event.get('alert'))}" + (
            f" (service `{_text(event.get('service'), 64)}`)" if event.get("service") else "")
    elif kind == "diagnosis":
        evidence = "\n".join(f"• {_text(e, 200)}" for e in event.get("evidence", [])[:3])
        text = (f":mag: {head} diagnosis: *{_text(event.get('category'), 64)}* on `{_text(event.get('service'), 64)}`"
                f" ({_text(event.get('confidence'), 16)} confidence)\n{evidence}")
    elif kind == "approval":
        return _approval(event, head, link)
    elif kind == "decision":
        text = f":ballot_box_with_check: {head} {_text(event.get('text'))}"
    elif kind == "result":
        cause = event.get("root_cause") or {}
        text = (f":white_check_mark: {head} {_text(event.get('status'), 32)}: root cause "
                f"{_text(cause.get('category'), 64)} on {_text(cause.get('service'), 64)}; "
                f"report: <{link}|open>")
    elif kind == "alert" and event.get("status") == "resolved":
        text = f":large_green_circle: {head} {_text(event.get('text'))}"
    else:
        return None
    return {"text": text, "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]}


def _approval(event: dict[str, Any], head: str, link: str) -> dict[str, Any]:
    what = (f"`{_text(event.get('action'), 64)}` on `{_text(event.get('target'), 64)}` "
            f"({_text(event.get('risk'), 16)} risk{', needs a senior approver' if event.get('needs_senior') else ''})")
    text = f":raised_hand: {head} needs a decision: {what}"
    value = f"{event['incident_id']}|{event.get('proposal_id')}"
    buttons = [
        {"type": "button", "action_id": "aiops_approve", "style": "primary", "value": value,
         "text": {"type": "plain_text", "text": "Approve"}},
        {"type": "button", "action_id": "aiops_reject", "style": "danger", "value": value,
         "text": {"type": "plain_text", "text": "Reject"}},
        {"type": "button", "action_id": "aiops_open", "url": link, "text": {"type": "plain_text", "text": "Open"}},
    ]
    return {"text": text, "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": text}},
                                     {"type": "actions", "elements": buttons}]}


def sign(secret: bytes, timestamp: str, body: bytes) -> str:
    """Slack's request signature."""
    return "v0=" + hmac.new(secret, b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()


class SignatureError(Exception):
    """The request is not from Slack, or is a replay."""


def verify(db: ServerDB, secret: bytes, timestamp: str | None, signature: str | None, body: bytes, *,
           window: int = 300, now: float | None = None) -> None:
    """Accept a Slack request once: a valid signature, a fresh timestamp, a signature not seen before."""
    now = time.time() if now is None else now
    if not timestamp or not signature:
        raise SignatureError("missing X-Slack-Request-Timestamp or X-Slack-Signature")
    try:
        ts = int(timestamp)
    except ValueError:
        raise SignatureError("the timestamp is not a number") from None
    if abs(now - ts) > window:
        raise SignatureError(f"the timestamp is outside the {window} s replay window")
    if not hmac.compare_digest(sign(secret, timestamp, body), signature):
        raise SignatureError("the signature does not match the signing secret")
    with db.connect(immediate=True) as conn:
        conn.execute("DELETE FROM nonces WHERE seen_at < ?", (now - 2 * window,))
        if conn.execute("INSERT INTO nonces (signature, seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        (signature, now)).rowcount != 1:
            raise SignatureError("this request was already received (replay)")


def parse_interaction(body: bytes) -> dict[str, Any]:
    """The interaction payload (`payload=<json>` form body); ValueError when it is not one."""
    fields = parse_qs(body.decode("utf-8"))
    raw = fields.get("payload", [None])[0]
    if raw is None:
        raise ValueError("no payload field")
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("the payload is not an object")
    return data


def button(payload: dict[str, Any]) -> tuple[str, str, str, str] | None:
    """(decision, incident id, proposal id, Slack user id) of an approve/reject press, else None."""
    actions = payload.get("actions") or []
    user = (payload.get("user") or {}).get("id")
    if payload.get("type") != "block_actions" or not actions or not isinstance(user, str):
        return None
    action = actions[0] if isinstance(actions[0], dict) else {}
    if action.get("action_id") not in ACTION_IDS:
        return None
    incident, _, proposal = str(action.get("value", "")).partition("|")
    if not incident or not proposal:
        return None
    return ("approve" if action["action_id"] == "aiops_approve" else "reject"), incident, proposal, user
