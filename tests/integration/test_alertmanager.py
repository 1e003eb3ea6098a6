"""Alert intake against a real Alertmanager: alerts posted to it come back as webhook v4 payloads."""

from __future__ import annotations

import http.server
import json
import queue
from datetime import UTC, datetime, timedelta

import pytest

from aiops.intake import parse_alertmanager

from .servers import alertmanager, post_alerts, stub_server

pytestmark = pytest.mark.integration

PAYLOADS: queue.Queue[bytes] = queue.Queue()


class Receiver(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        PAYLOADS.put(self.rfile.read(int(self.headers["Content-Length"])))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_webhook_payloads_from_a_real_alertmanager(tmp_path):
    with stub_server(Receiver) as receiver, alertmanager(tmp_path, f"{receiver}/alerts") as base:
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
