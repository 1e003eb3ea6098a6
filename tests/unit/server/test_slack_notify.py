"""Notifications to local receivers (Slack incoming webhook, a signed generic webhook, and a dead
destination that must not block anything), and Slack's interactive buttons with correctly and
incorrectly signed requests."""

from __future__ import annotations

import contextlib
import http.server
import json
import socket
import threading
import time
from typing import ClassVar
from urllib.parse import urlencode

import pytest

from aiops.server import slack
from aiops.server.config import Destination
from aiops.server.notify import verify_webhook

from .harness import serve, wait_for


def until(condition, seconds: float = 20.0) -> None:
    """Wait for deliveries that happen on other threads (each destination on its own)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not condition():
        time.sleep(0.05)

pytestmark = pytest.mark.loopback
SIGNING = b"slack-signing-secret"
HOOK_SECRET = b"hook-secret"


class Receiver(http.server.BaseHTTPRequestHandler):
    got: ClassVar[list[tuple[str, dict, bytes]]] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Receiver.got.append((self.path, dict(self.headers), body))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def receiver():
    Receiver.got = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def press(incident: str, proposal: str, user: str, response_url: str, action: str = "aiops_approve") -> bytes:
    payload = {"type": "block_actions", "user": {"id": user}, "response_url": response_url,
               "actions": [{"action_id": action, "value": f"{incident}|{proposal}"}]}
    return urlencode({"payload": json.dumps(payload)}).encode()


def signed(body: bytes, *, secret: bytes = SIGNING, at: float | None = None) -> dict[str, str]:
    ts = str(int(at if at is not None else time.time()))
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": slack.sign(secret, ts, body),
            "Content-Type": "application/x-www-form-urlencoded"}


def test_notifications_and_slack_buttons(tmp_path):
    with receiver() as url:
        dests = [Destination("slack", f"{url}/slack"), Destination("webhook", f"{url}/hook", HOOK_SECRET),
                 Destination("webhook", f"http://127.0.0.1:{closed_port()}/dead", b"x")]
        with serve(tmp_path / "state", destinations=dests, slack_signing_secret=SIGNING,
                   slack_approvers={"U0ALICE": "alice"}, notify_timeout=2) as srv, srv.client() as client:
            incident = client.post("/api/v1/incidents", json={"alert": "payment-api 503s", "service": "payment-api"}
                                   ).json()["incident_id"]
            paused = wait_for(client, incident, {"awaiting_approval"})
            proposal = paused["pending"][0]["proposal_id"]
            # each destination is delivered on its own: wait for all three before looking
            until(lambda: any(b'"approval"' in g[2] for g in Receiver.got if g[0] == "/hook")
                  and any(p == "/slack" and b"needs a decision" in b for p, _, b in Receiver.got)
                  and srv.service.notifier.failed >= 3)
            slack_texts = [json.loads(b)["text"] for p, _, b in Receiver.got if p == "/slack"]
            assert any("opened" in t for t in slack_texts)
            assert any("diagnosis" in t and "connection_pool_exhaustion" in t for t in slack_texts)
            approval = next(json.loads(b) for p, _, b in Receiver.got if p == "/slack" and b"needs a decision" in b)
            buttons = approval["blocks"][1]["elements"]
            assert [b["action_id"] for b in buttons] == ["aiops_approve", "aiops_reject", "aiops_open"]
            assert buttons[0]["value"] == f"{incident}|{proposal}"
            hooks = [(h, b) for p, h, b in Receiver.got if p == "/hook"]
            assert {json.loads(b)["event"] for _, b in hooks} >= {"opened", "diagnosis", "approval"}
            for headers, body in hooks:
                assert verify_webhook(HOOK_SECRET, body, headers["X-Aiops-Timestamp"], headers["X-Aiops-Signature"])
                assert not verify_webhook(b"other", body, headers["X-Aiops-Timestamp"], headers["X-Aiops-Signature"])
            assert srv.service.notifier.failed >= 3, "the dead destination failed, and nothing waited for it"

            endpoint = "/api/v1/slack/interactions"
            body = press(incident, proposal, "U0ALICE", f"{url}/respond")
            assert client.post(endpoint, content=body, headers={"Content-Type": "application/x-www-form-urlencoded"}
                               ).status_code == 401
            assert client.post(endpoint, content=body, headers=signed(body, secret=b"wrong")).status_code == 401
            stale = client.post(endpoint, content=body, headers=signed(body, at=time.time() - 600))
            assert stale.status_code == 401 and "replay window" in stale.json()["detail"]
            tampered = press(incident, proposal, "U0MALLORY", f"{url}/respond")
            assert client.post(endpoint, content=tampered, headers=signed(body)).status_code == 401
            stranger = press(incident, proposal, "U0MALLORY", f"{url}/respond")
            answer = client.post(endpoint, content=stranger, headers=signed(stranger)).json()
            assert "not mapped" in answer["text"]
            assert wait_for(client, incident, {"awaiting_approval"})["pending"], "nothing was recorded"

            headers = signed(body)
            ok = client.post(endpoint, content=body, headers=headers)
            assert ok.status_code == 200 and "approve of reset_connection_pool" in ok.json()["text"]
            replay = client.post(endpoint, content=body, headers=headers)
            assert replay.status_code == 401 and "replay" in replay.json()["detail"]
            done = wait_for(client, incident, {"resolved"})
            assert done["actions"][0]["decision"] == "approved"
            until(lambda: any(b'"result"' in g[2] for g in Receiver.got if g[0] == "/hook")
                  and any(p == "/respond" and b"recorded for alice" in b for p, _, b in Receiver.got)
                  and any(p == "/slack" and b"resolved" in b for p, _, b in Receiver.got))
            responses = [json.loads(b)["text"] for p, _, b in Receiver.got if p == "/respond"]
            assert any("not mapped" in r for r in responses) and any("recorded for alice" in r for r in responses)
            assert any("resolved" in json.loads(b)["text"] for p, _, b in Receiver.got if p == "/slack")
            events = srv.service.events.since(incident)
            assert any(e["kind"] == "decision" and "approved by alice" in e["text"] for e in events)


def test_slack_text_is_inert():
    event = {"kind": "opened", "incident_id": "inc-1", "alert": "<!channel> <https://evil|click> & more",
             "service": None}
    text = slack.slack_message(event, "http://x/incidents/inc-1")["text"]
    assert "<!channel>" not in text and "&lt;!channel&gt;" in text and "&amp;" in text
