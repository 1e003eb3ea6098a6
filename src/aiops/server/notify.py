"""Notifications: the notifier follows the event log and tells each destination what happened —
incident opened, diagnosis, approval needed (with buttons in Slack), decision, result, alert
resolved. It runs on its own thread with a timeout per send: a failing destination is logged and
counted, and never blocks or fails an incident."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import threading
import time
import urllib.request
from typing import Any

from aiops.server.config import Destination
from aiops.server.db import ServerDB
from aiops.server.events import EventLog
from aiops.server.slack import slack_message

log = logging.getLogger("aiops.notify")

NOTIFIED = frozenset({"opened", "diagnosis", "approval", "decision", "result", "alert"})
CURSOR = "notify"


def sign_webhook(secret: bytes, body: bytes, timestamp: int) -> str:
    """`X-Aiops-Signature` of a generic webhook: `v1=` + HMAC-SHA256(secret, "<timestamp>.<body>")."""
    mac = hmac.new(secret, f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"v1={mac}"


def verify_webhook(secret: bytes, body: bytes, timestamp: str, signature: str, *, window: int = 300,
                   now: float | None = None) -> bool:
    """What a receiver checks: the signature, and a timestamp within `window` seconds."""
    try:
        ts = int(timestamp)
    except ValueError:
        return False
    if abs((now or time.time()) - ts) > window:
        return False
    return hmac.compare_digest(sign_webhook(secret, body, ts), signature)


def webhook_message(event: dict[str, Any], link: str) -> dict[str, Any]:
    """The generic webhook's JSON body."""
    data = {k: v for k, v in event.items() if k not in ("id", "incident_id", "kind", "at")}
    return {"event": event["kind"], "event_id": event["id"], "incident_id": event["incident_id"],
            "at": event["at"], "link": link, "data": data}


def post_json(url: str, body: bytes, headers: dict[str, str], timeout: float) -> int:
    """POST and return the status; raises on connection errors and non-2xx answers."""
    request = urllib.request.Request(url, data=body, method="POST",  # noqa: S310 (configured http(s) URLs only)
                                     headers={"Content-Type": "application/json", "User-Agent": "aiops", **headers})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        return int(response.status)


class Notifier:
    """Follows the event log from where it last stopped and sends each event to every destination."""

    def __init__(self, db: ServerDB, events: EventLog, destinations: list[Destination], *, link_base: str,
                 timeout: float = 5.0, poll: float = 0.25) -> None:
        self.db, self.events, self.destinations = db, events, destinations
        self.link_base, self.timeout, self.poll = link_base, timeout, poll
        self.sent = 0
        self.failed = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if not self.destinations:
            return
        self._thread = threading.Thread(target=self._loop, name="aiops-notifier", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self.timeout + 2)

    def _cursor(self) -> int:
        with self.db.connect(immediate=True) as conn:
            row = conn.execute("SELECT position FROM cursors WHERE name=?", (CURSOR,)).fetchone()
            if row is not None:
                return int(row[0])
            start = conn.execute("SELECT COALESCE(MAX(id), 0) FROM events").fetchone()[0]
            conn.execute("INSERT INTO cursors (name, position) VALUES (?, ?)", (CURSOR, start))
            return int(start)

    def _save(self, position: int) -> None:
        with self.db.connect(immediate=True) as conn:
            conn.execute("UPDATE cursors SET position=? WHERE name=?", (position, CURSOR))

    def _loop(self) -> None:
        position = self._cursor()
        while not self._stop.is_set():
            batch = self.events.since(None, position, limit=100)
            for event in batch:
                if event["kind"] in NOTIFIED:
                    self.deliver(event)
                position = event["id"]
            if batch:
                self._save(position)
            else:
                self._stop.wait(self.poll)

    def deliver(self, event: dict[str, Any]) -> None:
        """Send one event to every destination; failures are logged and counted, never raised."""
        link = f"{self.link_base}/incidents/{event['incident_id']}"
        for dest in self.destinations:
            try:
                if dest.kind == "slack":
                    message = slack_message(event, link)
                    if message is None:
                        continue
                    post_json(str(dest.url), json.dumps(message).encode(), {}, self.timeout)
                else:
                    body = json.dumps(webhook_message(event, link)).encode()
                    ts = int(time.time())
                    headers = {"X-Aiops-Timestamp": str(ts), "X-Aiops-Event": event["kind"],
                               "X-Aiops-Signature": sign_webhook(dest.secret or b"", body, ts)}
                    post_json(str(dest.url), body, headers, self.timeout)
                self.sent += 1
            except Exception as exc:  # a destination never blocks an incident
                self.failed += 1
                log.warning("notification %s of %s to %s failed: %s", event["kind"], event["incident_id"], dest.kind,
                            exc)
