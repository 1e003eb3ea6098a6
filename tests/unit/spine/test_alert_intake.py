"""`aiops respond --alertmanager`: the payload becomes the incident's alert and service; the same
fingerprint maps to the same incident."""

from __future__ import annotations

import json

import yaml

from aiops.cli.main import main
from tests.unit.spine.test_resume_process import SCRIPT

PAYLOAD = {
    "version": "4", "status": "firing", "receiver": "aiops", "groupKey": "{}:{alertname=\"HighErrorRate\"}",
    "groupLabels": {"alertname": "HighErrorRate"}, "commonLabels": {"alertname": "HighErrorRate"},
    "commonAnnotations": {}, "externalURL": "http://alertmanager:9093", "truncatedAlerts": 0,
    "alerts": [{
        "status": "firing",
        "labels": {"alertname": "HighErrorRate", "service": "payment-api", "severity": "critical"},
        "annotations": {"summary": "payment-api returning 503s", "description": "error rate 1% -> 23% in 10 minutes"},
        "startsAt": "2026-11-25T14:00:00Z", "endsAt": "0001-01-01T00:00:00Z",
        "generatorURL": "http://prometheus:9090/graph", "fingerprint": "c0ffee1234567890",
    }],
}


def test_alertmanager_payload_opens_one_incident_per_fingerprint(tmp_path, monkeypatch, capsys):
    script = tmp_path / "script.yaml"
    script.write_text(yaml.safe_dump(SCRIPT))
    monkeypatch.setenv("AIOPS_SCRIPT", str(script))
    payload = tmp_path / "alert.json"
    payload.write_text(json.dumps(PAYLOAD))
    args = ["respond", "--alertmanager", str(payload), "--scenario", "pool-leak-payment", "--model", "scripted",
            "--json", "--quiet"]
    assert main(args) == 3
    first = json.loads(capsys.readouterr().out)
    assert main(args) == 3
    second = json.loads(capsys.readouterr().out)
    assert second["incident_id"] == first["incident_id"] and second["duplicate"] is True
    assert main(["incidents", "show", first["incident_id"], "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["service"] == "payment-api"
    assert "payment-api returning 503s" in shown["alert"]


def test_payload_without_firing_alerts_is_exit_2(tmp_path, capsys):
    resolved = {**PAYLOAD, "status": "resolved", "alerts": [{**PAYLOAD["alerts"][0], "status": "resolved"}]}
    payload = tmp_path / "alert.json"
    payload.write_text(json.dumps(resolved))
    assert main(["respond", "--alertmanager", str(payload), "--scenario", "pool-leak-payment"]) == 2
    assert "no firing alert" in capsys.readouterr().err


def test_showing_a_paused_incident_builds_no_model(tmp_path, monkeypatch, capsys):
    script = tmp_path / "script.yaml"
    script.write_text(yaml.safe_dump(SCRIPT))
    monkeypatch.setenv("AIOPS_SCRIPT", str(script))
    assert main(["respond", "--scenario", "pool-leak-payment", "--model", "scripted", "--json", "--quiet"]) == 3
    paused = json.loads(capsys.readouterr().out)
    monkeypatch.delenv("AIOPS_SCRIPT")
    assert main(["incidents", "show", paused["incident_id"], "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [p["action"] for p in shown["pending"]] == ["reset_connection_pool"]
