"""A real Alertmanager posting its webhook to `aiops serve`: firing alerts open one incident per
fingerprint (repeats join it), and a resolved alert is recorded on its incident."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest

from tests.unit.server.harness import serve, wait_for

from .servers import alertmanager, post_alerts

pytestmark = pytest.mark.integration


def alert(service: str, start: datetime, end: datetime | None = None) -> dict:
    item = {"labels": {"alertname": "HighErrorRate", "service": service, "severity": "critical"},
            "annotations": {"summary": f"{service} 5xx above 20%"}, "startsAt": start.isoformat()}
    if end is not None:
        item["endsAt"] = end.isoformat()
    return item


def test_alertmanager_posts_to_the_server(tmp_path):
    with (serve(tmp_path / "state") as srv, srv.client() as client,
          alertmanager(tmp_path, f"{srv.url}/api/v1/alerts/alertmanager") as base):
        start = datetime.now(UTC) - timedelta(minutes=5)
        post_alerts(base, [alert("payment-api", start), alert("inventory-api", start)])
        post_alerts(base, [alert("payment-api", start)])  # a repeat: same fingerprint
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and client.get("/api/v1/incidents").json()["total"] < 2:
            time.sleep(0.2)
        time.sleep(2.5)  # another group interval: repeats must not open more incidents
        incidents = client.get("/api/v1/incidents").json()["incidents"]
        assert sorted(i["service"] for i in incidents) == ["inventory-api", "payment-api"]
        payment = next(i for i in incidents if i["service"] == "payment-api")
        assert "HighErrorRate [critical] on payment-api" in payment["alert"]
        paused = wait_for(client, payment["incident_id"], {"awaiting_approval", "no_action", "unresolved"})
        assert paused["fingerprint"]

        post_alerts(base, [alert("payment-api", start, end=datetime.now(UTC) - timedelta(seconds=1))])
        deadline = time.monotonic() + 30
        resolved = []
        while time.monotonic() < deadline and not resolved:
            events = srv.service.events.since(payment["incident_id"])
            resolved = [e for e in events if e["kind"] == "alert" and e.get("status") == "resolved"]
            time.sleep(0.2)
        assert resolved, (tmp_path / "am.log").read_text()
        assert client.get("/api/v1/incidents").json()["total"] == 2
