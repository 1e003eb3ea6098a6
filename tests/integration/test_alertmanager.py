"""Alert intake against a real Alertmanager: alerts posted to it come back as webhook v4 payloads."""

from __future__ import annotations

import http.server
import json
import queue
import urllib.request
from datetime import UTC, datetime, timedelta

import pytest

from aiops.intake import parse_alertmanager

from .servers import free_port, http_ok, process, require, stub_server, wait_until

pytestmark = pytest.mark.integration

PAYLOADS: queue.Queue[bytes] = queue.Queue()


class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        PAYLOADS.put(self.rfile.read(int(self.headers["Content-Length"])))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


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
      - url: {url}/alerts
        send_resolved: true
"""


def post_alerts(base: str, alerts: list[dict]) -> None:
    req = urllib.request.Request(
        f"{base}/api/v2/alerts",
        data=json.dumps(alerts).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=5) as resp:
        assert resp.status == 200


def test_webhook_payloads_from_a_real_alertmanager(tmp_path):
    binary = require("prometheus-alertmanager")
    with stub_server(Receiver) as receiver:
        (tmp_path / "am.yml").write_text(CONFIG.format(url=receiver), encoding="utf-8")
        port = free_port()
        argv = [
            binary,
            f"--config.file={tmp_path / 'am.yml'}",
            f"--storage.path={tmp_path / 'data'}",
            f"--web.listen-address=127.0.0.1:{port}",
            "--cluster.listen-address=",
            "--log.level=warn",
        ]
        with process("alertmanager", argv, log=tmp_path / "am.log") as proc:
            base = f"http://127.0.0.1:{port}"
            wait_until(lambda: proc.poll() is None and http_ok(f"{base}/-/ready"), what="alertmanager")
            now = datetime.now(UTC)
            post_alerts(
                base,
                [
                    {
                        "labels": {
                            "alertname": "HighErrorRate",
                            "severity": "critical",
                            "service": "payment-api",
                        },
                        "annotations": {
                            "summary": "payment-api returns 503s",
                            "description": "error rate 1% -> 23% in 10 minutes",
                        },
                        "startsAt": (now - timedelta(minutes=3)).isoformat(),
                        "generatorURL": "http://prometheus.local/graph",
                    },
                    {
                        "labels": {
                            "alertname": "PodCrashLooping",
                            "severity": "warning",
                            "pod": "inventory-api-6f7d8c9b5-abcde",
                            "namespace": "prod",
                        },
                        "annotations": {"summary": "pod restarting"},
                        "startsAt": (now - timedelta(minutes=1)).isoformat(),
                    },
                ],
            )
            payloads = [json.loads(PAYLOADS.get(timeout=30)), json.loads(PAYLOADS.get(timeout=30))]
    alerts = {a.alertname: a for p in payloads for a in parse_alertmanager(p)}
    assert {p["version"] for p in payloads} == {"4"}
    errors = alerts["HighErrorRate"]
    assert errors.service == "payment-api" and errors.severity == "critical"
    assert len(errors.fingerprint) == 16 and errors.status == "firing"
    assert "payment-api returns 503s - error rate 1% -> 23% in 10 minutes" in errors.alert
    assert alerts["PodCrashLooping"].service == "inventory-api"
    again = [a for p in payloads for a in parse_alertmanager(json.dumps(p))]
    assert {a.fingerprint for a in again} == {a.fingerprint for a in alerts.values()}
