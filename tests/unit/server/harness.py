"""A real `aiops serve` for tests: uvicorn on a free loopback port, real worker processes, the
offline engine on a sandbox scenario, a private state folder."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from aiops.server.app import create_app
from aiops.server.config import Settings
from aiops.server.service import Service
from aiops.team import resolve_team_dir

SCENARIO = "pool-leak-payment"


def settings(home: Path, **extra: Any) -> Settings:
    """Settings for a sandbox server on the built-in team (port chosen when it starts)."""
    base = {"home": home, "team_dir": str(resolve_team_dir(None)),
            "world": {"kind": "sandbox", "scenario": SCENARIO, "name": SCENARIO}, "workers": 2, "grace_seconds": 20,
            "poll_seconds": 0.05}
    return Settings(**{**base, **extra})


@dataclass
class Running:
    """A server under test."""

    url: str
    service: Service

    def client(self, token: str | None = None, **kwargs: Any) -> httpx.Client:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=30, **kwargs)


@contextlib.contextmanager
def serve(home: Path, *, start_workers: bool = True, **extra: Any) -> Iterator[Running]:
    """Run the app on a free loopback port for the block; workers and notifier stop with it."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    service = Service(settings(home, port=port, **extra), local_user="tester", start_workers=start_workers)
    config = uvicorn.Config(create_app(service), log_level="warning", timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield Running(f"http://127.0.0.1:{port}", service)
    finally:
        server.should_exit = True
        thread.join(timeout=60)
        sock.close()


def wait_for(client: httpx.Client, incident_id: str, statuses: set[str], timeout: float = 90) -> dict[str, Any]:
    """Poll the incident until its status is one of `statuses`."""
    deadline = time.monotonic() + timeout
    data: dict[str, Any] = {}
    while time.monotonic() < deadline:
        data = client.get(f"/api/v1/incidents/{incident_id}").json()
        if data.get("status") in statuses:
            return data
        time.sleep(0.2)
    raise AssertionError(f"{incident_id} did not reach {statuses}; last: {data.get('status')}")


def read_events(client: httpx.Client, incident_id: str, *, last_event_id: int | None = None,
                until: str | None = None, timeout: float = 90) -> list[dict[str, Any]]:
    """Read the SSE stream with a real HTTP client until `until` (an event kind) or the end event."""
    headers = {"Last-Event-ID": str(last_event_id)} if last_event_id is not None else {}
    events: list[dict[str, Any]] = []
    with client.stream("GET", f"/api/v1/incidents/{incident_id}/events", headers=headers,
                       timeout=httpx.Timeout(timeout, read=timeout)) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        name, data, ident = "message", [], None
        for line in response.iter_lines():
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].strip())
            elif line.startswith("id:"):
                ident = int(line[3:].strip())
            elif line == "":
                if name == "end":
                    return events
                if data:
                    event = json.loads("\n".join(data))
                    assert event["id"] == ident
                    events.append(event)
                    if until is not None and event["kind"] == until:
                        return events
                name, data, ident = "message", [], None
    return events


def alertmanager_payload(fingerprint: str, *, status: str = "firing", starts_at: str = "2026-03-01T10:00:00Z",
                         service: str = "payment-api") -> dict[str, Any]:
    """A webhook v4 payload with one alert."""
    alert = {"status": status, "labels": {"alertname": "HighErrorRate", "service": service, "severity": "critical"},
             "annotations": {"summary": f"{service} 5xx above 20%"}, "startsAt": starts_at,
             "endsAt": "0001-01-01T00:00:00Z", "fingerprint": fingerprint}
    return {"version": "4", "status": status, "receiver": "aiops", "groupKey": "{}:{alertname=\"HighErrorRate\"}",
            "groupLabels": {"alertname": "HighErrorRate"}, "commonLabels": {}, "commonAnnotations": {},
            "externalURL": "http://alertmanager.local", "alerts": [alert]}
