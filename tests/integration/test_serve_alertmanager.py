"""A real Alertmanager posting its webhook to `aiops serve`: firing alerts open one incident per
fingerprint (repeats join it), and a resolved alert is recorded on its incident."""

from __future__ import annotations

import json
import time
import urllib.request
from datetime import UTC, datetime, timedelta

import pytest

from tests.unit.server.harness import serve, wait_for

from .servers import free_port, http_ok, process, require, wait_until

pytestmark = pytest.mark.integration

CONFIG = """\
route:
  receiver: aiops
  group_by: [alertname, service]
  group_wait: 1s
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: aiops
    webhook_configs:
      - url: {url}/api/v1/alerts/alertmanager
        send_resolved: true
"""


def post_alerts(base: str, alerts: list[dict]) -> None:
    req = urllib.request.Request(f"{base}/api/v2/alerts", data=json.dumps(alerts).encode(),
                                 headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(req, timeout=5) as resp:
        assert resp.status == 200


def alert(service: str, start: datetime, end: datetime | None = None) -> dict:
    item = {"labels": {"alertname": "HighErrorRate", "service": service, "severity": "critical"},
            "annotations": {"summary": f"{service} 5xx above 20%"}, "startsAt": start.isoformat()}
    if end is not None:
        item["endsAt"] = end.isoformat()
    return item


def test_alertmanager_posts_to_the_server(tmp_path):
    binary = require("prometheus-alertmanager")
    with serve(tmp_path / "state") as srv, srv.client() as client:
        (tmp_path / "am.yml").write_text(CONFIG.format(url=srv.url), encoding="utf-8")
        port = free_port()
        argv = [binary, f"--config.file={tmp_path / 'am.yml'}", f"--storage.path={tmp_path / 'am-data'}",
                f"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=", "--log.level=warn"]
        with process("alertmanager", argv, log=tmp_path / "am.log") as proc:
            base = f"http://127.0.0.1:{port}"
            wait_until(lambda: proc.poll() is None and http_ok(f"{base}/-/ready"), what="alertmanager")
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
