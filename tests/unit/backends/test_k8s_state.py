"""Kubernetes state as records: the API's object shapes, looser exports, kubectl text, and which
events still describe the present."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from aiops.backends.k8s_objects import records
from aiops.backends.k8s_state import SnapshotState, StateBook
from aiops.backends.k8s_text import age, parse_text
from aiops.backends.naming import workload_of
from aiops.core.types import StateRecord

AT = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


def _pod(name: str, *, waiting: str | None = None, last: dict | None = None, ready: bool = True,
         deleting: bool = False) -> dict:
    state = {"waiting": {"reason": waiting, "message": "back-off 5m0s"}} if waiting else {"running": {
        "startedAt": "2026-03-01T08:00:00Z"}}
    status = {"name": "app", "ready": ready, "restartCount": 7 if last else 0, "state": state}
    if last:
        status["lastState"] = {"terminated": last}
    meta = {"name": name, "namespace": "shop"}
    if deleting:
        meta["deletionTimestamp"] = "2026-03-01T09:50:00Z"
    return {"kind": "Pod", "metadata": meta, "status": {"phase": "Running", "containerStatuses": [status],
                                                        "startTime": "2026-03-01T08:00:00Z"}}


def test_api_pods_give_current_and_last_container_states() -> None:
    found = records({"kind": "List", "items": [_pod("checkout-7f9dd8b6c4-x7gr9", waiting="CrashLoopBackOff",
                                                     last={"reason": "OOMKilled", "exitCode": 137,
                                                           "finishedAt": "2026-03-01T09:58:00Z"})]}, workload_of)
    waiting, last = found
    assert (waiting.service, waiting.status, waiting.reason, waiting.current, waiting.healthy) == (
        "checkout", "Waiting", "CrashLoopBackOff", True, False)
    assert (last.reason, last.attrs["exit_code"], last.current, last.ts) == (
        "OOMKilled", "137", False, datetime(2026, 3, 1, 9, 58, tzinfo=UTC))


def test_loose_exports_with_snake_case_fields_read_the_same() -> None:
    data = {"pods": [{"name": "web-5d98ffcfd-tz4nc", "phase": "Pending", "containers": [
        {"name": "web", "ready": False, "restart_count": 0,
         "state": {"waiting": True, "reason": "ImagePullBackOff", "message": "manifest unknown"}}]}],
            "warning_events": [{"reason": "Failed", "message": "Failed to pull image", "type": "Warning", "count": 7,
                                "involved_object": "Pod/web-5d98ffcfd-tz4nc", "last_time": "2026-03-01T09:59:00Z"}],
            "deployments": [{"name": "web", "desired": 3, "ready": 1, "available": 1, "unavailable": 2}],
            "nodes": [{"name": "n1", "ready": "Unknown", "memory_pressure": "True", "instance_type": "m5.large"}]}
    found = {(r.kind, r.reason or r.status) for r in records(data, workload_of)}
    assert ("Container", "ImagePullBackOff") in found
    assert ("Event", "Failed") in found
    assert ("Deployment", "1/3 ready") in found
    assert ("Node", "NodeNotReady") in found and ("Node", "MemoryPressure") in found


def test_workload_conditions_and_jobs() -> None:
    deployment = {"kind": "Deployment", "metadata": {"name": "web"}, "spec": {"replicas": 3},
                  "status": {"readyReplicas": 1, "conditions": [
                      {"type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded"}]}}
    job = {"kind": "Job", "metadata": {"name": "etl"}, "status": {"failed": 5, "conditions": [
        {"type": "Failed", "status": "True", "reason": "BackoffLimitExceeded"}]}}
    found = records([deployment, job], workload_of)
    assert [(r.kind, r.reason or r.status, r.healthy) for r in found] == [
        ("Deployment", "1/3 ready", False), ("Deployment", "ProgressDeadlineExceeded", False),
        ("Job", "BackoffLimitExceeded", False)]


DESCRIBE = """Name:             web-6958c5bdd8-69gtn
Namespace:        shop
Start Time:       Sun, 01 Mar 2026 09:00:00 +0000
Status:           Running
Containers:
  main:
    Image:          shop/web:2.1
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       Error
      Exit Code:    1
      Finished:     Sun, 01 Mar 2026 09:58:30 +0000
    Ready:          False
    Restart Count:  12
Conditions:
  Type              Status
  Ready             False
Events:
  Type     Reason     Age                 From     Message
  ----     ------     ----                ----     -------
  Normal   Pulled     40m (x5 over 60m)   kubelet  Container image "shop/web:2.1" already present on machine
  Warning  BackOff    90s (x200 over 58m) kubelet  Back-off restarting failed container main in pod web
"""


def test_describe_text_gives_containers_and_dated_events() -> None:
    found = parse_text(DESCRIBE, workload_of, AT)
    kinds = [(r.kind, r.status, r.reason) for r in found]
    assert ("Container", "Waiting", "CrashLoopBackOff") in kinds
    assert ("Container", "Last terminated", "Error") in kinds
    backoff = next(r for r in found if r.reason == "BackOff")
    assert backoff.count == 200 and backoff.ts == AT - timedelta(seconds=90)
    assert backoff.first_ts == AT - timedelta(minutes=58)
    assert age("1h2m3s") == timedelta(hours=1, minutes=2, seconds=3) and age("Running") is None


def test_tables_with_and_without_header() -> None:
    events = ("LAST SEEN   TYPE      REASON             OBJECT                  MESSAGE\n"
              "2m          Warning   FailedScheduling   pod/web-7f9dd8b6c4-xb2cd   "
              "0/3 nodes are available: 3 Insufficient cpu.\n")
    (event,) = parse_text(events, workload_of, AT)
    assert (event.service, event.reason, event.ts) == ("web", "FailedScheduling", AT - timedelta(minutes=2))
    assert "Insufficient cpu" in event.message
    rows = parse_text("shop   web-7f9dd8b6c4-xb2cd   0/1   CrashLoopBackOff   9   20m\n"
                      "shop   api-5d98ffcfd-tz4nc    1/1   Running            0   3d\n", workload_of, AT)
    assert [(r.service, r.status, r.healthy, r.attrs.get("restarts")) for r in rows] == [
        ("web", "CrashLoopBackOff", False, "9"), ("api", "Running", True, "0")]
    jobs = parse_text("NAME   STATUS   COMPLETIONS   DURATION   AGE\netl    Failed   0/5           2h         2h\n",
                      workload_of, AT)
    assert [(r.kind, r.status, r.healthy) for r in jobs] == [("Job", "Failed", False)]


def _event(target: str, *, minutes_ago: float, service: str = "web") -> StateRecord:
    return StateRecord("Event", f"Pod/{target}", service, status="Warning", reason="BackOff", healthy=False,
                       message=f"back-off {minutes_ago} min ago", ts=AT - timedelta(minutes=minutes_ago),
                       attrs={"object": target})


def test_events_are_current_only_while_their_object_is_in_trouble() -> None:
    healed = StateRecord("Container", "web-a/app", "web", status="Running", healthy=True)
    failing = StateRecord("Container", "web-b/app", "web", status="Waiting", reason="CrashLoopBackOff", healthy=False)
    going = StateRecord("Container", "web-c/app", "web", status="Waiting", reason="CrashLoopBackOff", healthy=False,
                        current=False, attrs={"terminating": "true"})
    book = StateBook([healed, failing, going, _event("web-a", minutes_ago=3), _event("web-b", minutes_ago=3),
                      _event("web-c", minutes_ago=3), _event("web-b", minutes_ago=600),
                      _event("web-z", minutes_ago=5), _event("web-y", minutes_ago=300)], ref=AT)
    events = {(r.name, round((AT - r.ts).total_seconds() / 60)): r.current for r in book.records() if r.kind == "Event"}
    assert events == {("Pod/web-a", 3): False,    # its pod runs and is ready again: history
                      ("Pod/web-b", 3): True,     # its pod is crashing now
                      ("Pod/web-c", 3): False,    # its pod is being deleted
                      ("Pod/web-b", 600): False,  # too old to be about now
                      ("Pod/web-z", 5): True,     # no view of the pod: recent, so current
                      ("Pod/web-y", 300): False}  # no view of the pod and old


def test_the_same_event_from_two_outputs_is_kept_once(tmp_path: Path) -> None:
    (tmp_path / "pod.describe.txt").write_text(DESCRIBE, encoding="utf-8")
    (tmp_path / "events.txt").write_text(
        "LAST SEEN            TYPE      REASON    OBJECT                      MESSAGE\n"
        "90s (x200 over 58m)  Warning   BackOff   Pod/web-6958c5bdd8-69gtn    Back-off restarting failed container "
        "main in pod web\n", encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    state = SnapshotState(sorted(tmp_path.iterdir()), known=["web"], at=AT)
    backoffs = [r for r in state.records("web") if r.reason == "BackOff"]
    assert len(backoffs) == 1
    assert state.notes and "broken.json" in state.notes[0]
    assert json.dumps([r.reason for r in state.records("web") if r.current and r.healthy is False])


def test_get_nodes_rows_are_nodes() -> None:
    text = ("NAME      STATUS                     ROLES    AGE   VERSION\n"
            "node-a    Ready                      <none>   52m   v1.30.5\n"
            "node-b    Ready,SchedulingDisabled   <none>   9d    v1.30.5\n"
            "node-c    NotReady                   <none>   9d    v1.30.5\n")
    found = {r.name: r for r in parse_text(text, lambda n: n, None)}
    assert {r.kind for r in found.values()} == {"Node"}
    assert found["node-a"].healthy and found["node-b"].healthy and found["node-b"].attrs["schedulable"] == "false"
    assert found["node-c"].healthy is False and found["node-c"].reason == "NodeNotReady"


def test_custom_resources_by_their_ready_condition() -> None:
    cert = {"kind": "Certificate", "metadata": {"name": "ledger-grpc-tls", "labels": {"app": "ledger"}},
            "status": {"conditions": [{"type": "Ready", "status": "False", "reason": "Expired",
                                       "message": "Certificate expired on Thu, 11 Jun 2026 09:02:17 UTC",
                                       "lastTransitionTime": "2026-06-11T09:02:17Z"}]}}
    (record,) = records(cert, lambda n: "ledger" if n in ("ledger-grpc-tls", "ledger") else "")
    assert (record.kind, record.service, record.healthy, record.reason) == ("Certificate", "ledger", False, "Expired")
    text = ("Name:         ledger-grpc-tls\nNamespace:    ledger\nLabels:       app.kubernetes.io/name=ledger-grpc\n"
            "Kind:         Certificate\nStatus:\n  Conditions:\n    Last Transition Time:  2026-06-11T09:02:17Z\n"
            "    Message:               Certificate expired\n    Reason:                Expired\n"
            "    Status:                False\n    Type:                  Ready\n"
            "    Last Transition Time:  2026-05-12T09:02:17Z\n    Message:               renewal failed\n"
            "    Reason:                Failed\n    Status:                False\n    Type:                  Issuing\n"
            "  Not After:  2026-06-11T09:02:17Z\n")
    (described,) = parse_text(text, lambda n: "ledger-grpc" if n.startswith("ledger-grpc") else "", None)
    assert (described.service, described.status, described.message) == ("ledger-grpc", "Ready=False",
                                                                         "Certificate expired")
