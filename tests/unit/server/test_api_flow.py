"""The API through a real uvicorn server on a loopback port, with real worker processes and the
offline engine: open, follow the live steps by SSE (and replay them), decide, see it resolved."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from aiops.runtime.store import IncidentStore

from .harness import alertmanager_payload, read_events, serve, wait_for

pytestmark = pytest.mark.loopback

CONTRACT = {"incident_id", "status", "root_cause", "actions", "verification", "report_path", "model_calls"}


def test_open_follow_decide_and_resolve(tmp_path):
    with serve(tmp_path / "state") as srv, srv.client() as client:
        opened = client.post("/api/v1/incidents", json={"alert": "payment-api 503s, error rate 1% -> 23%",
                                                        "service": "payment-api"})
        assert opened.status_code == 202, opened.text
        incident = opened.json()["incident_id"]
        first = read_events(client, incident, until="approval")
        kinds = [e["kind"] for e in first]
        assert kinds[0] == "opened" and kinds[-1] == "approval"
        assert {"agent", "tool", "skill", "diagnosis"} <= set(kinds)
        assert any(e["kind"] == "agent" and "sre_log_analyst" in e["text"] for e in first)
        diagnosis = next(e for e in first if e["kind"] == "diagnosis")
        assert diagnosis["category"] == "connection_pool_exhaustion" and diagnosis["evidence"]

        paused = wait_for(client, incident, {"awaiting_approval"})
        assert set(paused) >= CONTRACT
        [pending] = paused["pending"]
        assert (pending["action"], pending["target"], pending["risk"]) == ("reset_connection_pool", "payment-api",
                                                                           "medium")
        assert pending["rollback"] and pending["impact"] and pending["bound"] is True
        assert paused["actions"] == [{"action": "reset_connection_pool", "target": "payment-api", "risk": "medium",
                                      "decision": "pending", "result": "not executed"}]
        assert srv.service.queue.running() == 0, "a paused incident holds no worker"

        decided = client.post(f"/api/v1/incidents/{incident}/decision", json={"decision": "approve"})
        assert decided.status_code == 200, decided.text
        assert decided.json()["approver"] == "tester" and "token" not in decided.json()
        again = client.post(f"/api/v1/incidents/{incident}/decision", json={"decision": "approve"})
        assert again.status_code == 409

        rest = read_events(client, incident, last_event_id=first[-1]["id"])
        assert rest and min(e["id"] for e in rest) > first[-1]["id"]
        assert [e["kind"] for e in rest][-1] == "result"
        assert any(e["kind"] == "decision" and "approved by tester" in e["text"] for e in rest)
        replay = read_events(client, incident)
        assert [e["id"] for e in replay] == [e["id"] for e in first + rest]

        done = client.get(f"/api/v1/incidents/{incident}").json()
        assert done["status"] == "resolved" and done["verification"] == {"recovered": True}
        assert done["root_cause"] == {"category": "connection_pool_exhaustion", "service": "payment-api",
                                      "confidence": "high"}
        assert done["actions"][0]["decision"] == "approved" and done["actions"][0]["result"] == "succeeded"
        assert done["pending"] == [] and Path(done["report_path"]).is_file()
        report = client.get(f"/api/v1/incidents/{incident}/report")
        assert report.status_code == 200 and "connection" in report.text

        audit = [json.loads(line) for line in (tmp_path / "state" / "audit.jsonl").read_text().splitlines()]
        assert any(a["kind"] == "decision" and a.get("approver") == "tester" for a in audit)

        listed = client.get("/api/v1/incidents", params={"status": "resolved", "limit": 1}).json()
        assert listed["total"] == 1 and listed["incidents"][0]["incident_id"] == incident
        assert client.get("/api/v1/incidents", params={"status": "running"}).json()["incidents"] == []

        bad = client.post(f"/api/v1/incidents/{incident}/label", json={"root_cause": "gremlins", "service": "x"})
        assert bad.status_code == 400 and "connection_pool_exhaustion" in bad.json()["detail"]
        assert client.post(f"/api/v1/incidents/{incident}/label", json={"service": "x"}).status_code == 400
        label = client.post(f"/api/v1/incidents/{incident}/label", json={
            "root_cause": "connection_pool_exhaustion", "service": "payment-api", "fix": "reset_connection_pool"})
        assert label.status_code == 200, label.text
        assert (label.json()["by"], label.json()["correct"]) == ("tester", True)
        assert client.get("/api/v1/incidents").json()["incidents"][0]["label"]["root_cause"] == (
            "connection_pool_exhaustion")
        page = client.get(f"/incidents/{incident}")
        assert page.status_code == 200 and "Confirmed by tester" in page.text and "the team was right" in page.text

        metrics = client.get("/metrics").text
        assert 'aiops_incidents{status="resolved"} 1.0' in metrics
        assert "aiops_investigation_duration_seconds_count 2.0" in metrics
        assert "aiops_model_calls_total" in metrics and "aiops_queue_depth 0.0" in metrics
        assert "aiops_approvals_pending 0.0" in metrics


def test_alertmanager_alerts_open_join_and_resolve_by_fingerprint(tmp_path):
    with serve(tmp_path / "state", start_workers=False) as srv, srv.client() as client:
        payload = alertmanager_payload("fp-one")
        answers: list[dict] = []

        def post() -> None:
            answers.append(client.post("/api/v1/alerts/alertmanager", json=payload).json())

        threads = [threading.Thread(target=post) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        outcomes = sorted(a["incidents"][0]["outcome"] for a in answers)
        assert outcomes == ["joined"] * 7 + ["opened"]
        ids = {a["incidents"][0]["incident_id"] for a in answers}
        assert len(ids) == 1
        incident = ids.pop()
        record = srv.service.store.get(incident)
        assert record.fingerprint == "fp-one" and record.service == "payment-api" and "HighErrorRate" in record.alert

        later = client.post("/api/v1/alerts/alertmanager",
                            json=alertmanager_payload("fp-one", starts_at="2026-03-01T11:00:00Z")).json()
        assert later["incidents"][0] == {"outcome": "joined", "incident_id": incident, "fingerprint": "fp-one"}
        resolved = client.post("/api/v1/alerts/alertmanager",
                               json=alertmanager_payload("fp-one", status="resolved")).json()
        assert resolved["incidents"][0]["outcome"] == "resolved"
        kinds = [e["kind"] for e in srv.service.events.since(incident)]
        assert kinds.count("alert") == 9 and kinds.count("opened") == 1

        record.status = "resolved"  # the incident finished; the alert fires again in a new episode
        IncidentStore(srv.service.home.index).save(record)
        new = client.post("/api/v1/alerts/alertmanager",
                          json=alertmanager_payload("fp-one", starts_at="2026-03-02T08:00:00Z")).json()
        assert new["incidents"][0]["outcome"] == "opened" and new["incidents"][0]["incident_id"] != incident
        assert srv.service.queue.depth() == 2


def test_a_full_queue_answers_429_with_retry_after(tmp_path):
    with serve(tmp_path / "state", start_workers=False, queue_size=5) as srv, srv.client() as client:
        codes: list[int] = []
        retry: list[str] = []

        def post(i: int) -> None:
            r = client.post("/api/v1/incidents", json={"alert": f"burst alert {i}"})
            codes.append(r.status_code)
            if r.status_code == 429:
                retry.append(r.headers.get("retry-after", ""))

        threads = [threading.Thread(target=post, args=(i,)) for i in range(20)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(codes) == [202] * 5 + [429] * 15
        assert retry and all(r.isdigit() and int(r) > 0 for r in retry)
        full = client.post("/api/v1/alerts/alertmanager", json=alertmanager_payload("fp-new"))
        assert full.status_code == 429 and full.headers["retry-after"].isdigit()
        assert srv.service.store.count() == 5 and srv.service.queue.depth() == 5
        assert "aiops_queue_depth 5.0" in client.get("/metrics").text


def test_bad_requests_say_what_is_wrong(tmp_path):
    with serve(tmp_path / "state", start_workers=False) as srv, srv.client() as client:
        assert client.post("/api/v1/incidents", content="<alert/>",
                           headers={"content-type": "application/xml"}).status_code == 415
        assert client.post("/api/v1/incidents", json={"alert": ""}).status_code == 422
        unknown = client.post("/api/v1/incidents", json={"alert": "x", "env": "no-such-scenario"})
        assert unknown.status_code == 422
        bad = client.post("/api/v1/alerts/alertmanager", content=b"{not json", headers={"content-type":
                                                                                          "application/json"})
        assert bad.status_code == 400 and "not JSON" in bad.json()["detail"]
        assert client.post("/api/v1/alerts/alertmanager", json={"version": "3", "alerts": []}).status_code == 400
        assert client.get("/api/v1/incidents/inc-nope").status_code == 404
        opened = client.post("/api/v1/incidents", json={"alert": "x"}).json()["incident_id"]
        assert client.get(f"/api/v1/incidents/{opened[:-2]}").status_code == 404, "no partial-id matches"
        for body, code in (({"decision": "maybe"}, 422), ({"decision": "reject"}, 422),
                           ({"decision": "approve", "action": "restart"}, 422), ({"decision": "approve"}, 409)):
            assert client.post(f"/api/v1/incidents/{opened}/decision", json=body).status_code == code
        assert client.get("/healthz").json() == {"ok": True}
        assert client.get("/readyz").status_code == 200
