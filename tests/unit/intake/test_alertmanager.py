"""Alertmanager webhook v4 payloads into incoming alerts."""

from __future__ import annotations

import copy
import io
import json
from datetime import UTC, datetime

import pytest

from aiops.core.errors import ConfigError
from aiops.intake import parse_alertmanager, pick_service, pod_workload, read_alertmanager

PAYLOAD = {
    "version": "4",
    "groupKey": '{}:{alertname="HighErrorRate"}',
    "truncatedAlerts": 0,
    "status": "firing",
    "receiver": "aiops",
    "groupLabels": {"alertname": "HighErrorRate"},
    "commonLabels": {"alertname": "HighErrorRate", "severity": "critical", "namespace": "prod"},
    "commonAnnotations": {"runbook_url": "https://runbooks.example.com/high-error-rate"},
    "externalURL": "http://alertmanager.example.com:9093",
    "alerts": [
        {
            "status": "firing",
            "labels": {
                "alertname": "HighErrorRate",
                "severity": "critical",
                "namespace": "prod",
                "service": "payment-api",
                "job": "kubernetes-pods",
            },
            "annotations": {
                "summary": "payment-api returns 503s",
                "description": "error rate jumped from 1% to 23% in 10 minutes",
            },
            "startsAt": "2024-05-01T12:14:09.123456789Z",
            "endsAt": "0001-01-01T00:00:00Z",
            "generatorURL": "http://prometheus.example.com:9090/graph?g0.expr=...",
            "fingerprint": "c0ffee1234567890",
        },
        {
            "status": "resolved",
            "labels": {
                "alertname": "HighErrorRate",
                "severity": "critical",
                "namespace": "prod",
                "pod": "user-api-66b7c9d4f-qq2lm",
            },
            "annotations": {"summary": "user-api errors"},
            "startsAt": "2024-05-01T11:00:00Z",
            "endsAt": "2024-05-01T11:20:00Z",
            "generatorURL": "",
            "fingerprint": "aaaabbbbccccdddd",
        },
    ],
}


def test_firing_alert_text_service_fingerprint():
    [alert] = parse_alertmanager(PAYLOAD)
    assert alert.service == "payment-api" and alert.text == alert.alert
    assert alert.fingerprint == "c0ffee1234567890"
    assert alert.status == "firing" and alert.severity == "critical" and alert.alertname == "HighErrorRate"
    assert alert.starts_at == datetime(2024, 5, 1, 12, 14, 9, 123456, tzinfo=UTC)
    assert alert.alert == (
        "HighErrorRate [critical] on payment-api: payment-api returns 503s - error rate jumped "
        "from 1% to 23% in 10 minutes (firing since 2024-05-01T12:14:09Z)"
    )
    assert alert.annotations["runbook_url"].startswith("https://")
    assert alert.group_key == PAYLOAD["groupKey"]


def test_resolved_included_on_request_and_pod_names():
    alerts = parse_alertmanager(json.dumps(PAYLOAD).encode(), include_resolved=True)
    assert [a.status for a in alerts] == ["firing", "resolved"]
    assert alerts[1].service == "user-api"


def test_label_order_and_known_services():
    labels = {"job": "node-exporter", "app": "checkout", "pod": "orders-db-0"}
    assert pick_service(labels, ("service", "app", "job", "pod")) == "checkout"
    assert pick_service(labels, ("job", "app")) == "node-exporter"
    assert pick_service(labels, ("job", "app", "pod"), {"orders-db"}) == "orders-db"
    assert (
        pick_service({"container": "payment-api-sidecar"}, ("container",), {"payment-api"}) == "payment-api"
    )
    assert pick_service({"severity": "x"}, ("service",)) is None
    assert pod_workload("payment-api-7d9f8b6c5-x2x1z") == "payment-api"
    assert pod_workload("orders-db-0") == "orders-db"
    assert pod_workload("fluentd-x7k2p") == "fluentd"


def test_missing_fingerprint_is_stable():
    payload = copy.deepcopy(PAYLOAD)
    del payload["alerts"][0]["fingerprint"]
    first = parse_alertmanager(payload)[0].fingerprint
    assert first == parse_alertmanager(payload)[0].fingerprint and len(first) == 16


@pytest.mark.parametrize(
    ("mutate", "path"),
    [
        (lambda p: p.update(version="3"), "version"),
        (lambda p: p.pop("alerts"), "alerts"),
        (lambda p: p["alerts"].append("x"), "alerts.2"),
        (lambda p: p["alerts"][0].update(labels={"a": 1}), "alerts.0.labels"),
        (lambda p: p["alerts"][0].update(startsAt="yesterday"), "alerts.0.startsAt"),
        (lambda p: p["alerts"][0].update(status="pending"), "alerts.0.status"),
        (lambda p: p.update(commonLabels=[]), "commonLabels"),
    ],
)
def test_malformed_payloads(mutate, path):
    payload = copy.deepcopy(PAYLOAD)
    mutate(payload)
    with pytest.raises(ConfigError) as err:
        parse_alertmanager(payload)
    assert err.value.path == path


def test_not_json_or_not_object():
    with pytest.raises(ConfigError, match="not JSON"):
        parse_alertmanager("{nope")
    with pytest.raises(ConfigError, match="JSON object"):
        parse_alertmanager("[]")


def test_read_file_and_stdin(tmp_path, monkeypatch):
    path = tmp_path / "alert.json"
    path.write_text(json.dumps(PAYLOAD))
    assert read_alertmanager(path)[0].service == "payment-api"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(json.dumps(PAYLOAD).encode())))
    assert read_alertmanager("-")[0].fingerprint == "c0ffee1234567890"
    with pytest.raises(ConfigError) as err:
        read_alertmanager(tmp_path / "missing.json")
    assert err.value.file.endswith("missing.json")
