"""Parsing of recorded Loki and Kubernetes responses (no server: the pure functions on the shapes)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from aiops.backends.k8s_events import from_event, from_replica_set, service_for
from aiops.backends.k8s_executor import previous_replica_set
from aiops.backends.k8s_inventory import quantity, service_from_workload
from aiops.backends.k8s_logs import parse_pod_log
from aiops.backends.loki import entries_from_response, to_record
from aiops.core.errors import BackendError

from .fixtures import recorded, recorded_text

SERVICES = ["payment-api", "user-api", "postgres"]


def test_loki_streams_newest_first_with_levels():
    entries = entries_from_response(recorded("loki/query_range_streams.json"))
    assert len(entries) == 96
    assert [e[0] for e in entries] == sorted((e[0] for e in entries), reverse=True)
    records = [to_record(e, "payment-api") for e in entries]
    newest = records[0]
    assert newest.level == "ERROR" and "Connection is not available" in newest.message
    assert newest.ts.tzinfo is UTC
    warn = next(r for r in records if r.level == "WARN")
    assert warn.message == "slow query"
    assert {r.level for r in records} == {"INFO", "WARN", "ERROR"}


def test_loki_rejects_metric_queries_and_errors():
    with pytest.raises(BackendError, match="expected a log query"):
        entries_from_response(recorded("loki/query_range_matrix.json"))
    with pytest.raises(BackendError):
        entries_from_response({"status": "error", "error": "x"})


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("512Mi", 512 * 2**20),
        ("0.5Gi", 2**29),
        ("1", 1.0),
        ("500m", 0.5),
        ("1e3", 1000.0),
        ("2G", 2e9),
        (None, None),
        ("lots", None),
    ],
)
def test_quantities(value, expected):
    assert quantity(value) == expected


def test_inventory_from_workloads():
    deployments = recorded("kubernetes/deployments.json")["items"]
    payment = service_from_workload(deployments[0], "deployment", "aiops.dev/")
    assert (
        payment.name,
        payment.kind,
        payment.replicas,
        payment.memory_limit_mi,
        payment.cpu,
        payment.pool_size,
    ) == ("payment-api", "app", 3, 512, 1.0, 100)
    assert payment.depends_on == ("postgres", "redis")
    user = service_from_workload(deployments[1], "deployment", "aiops.dev/")
    assert (user.memory_limit_mi, user.cpu) == (512, 0.5)
    db = service_from_workload(recorded("kubernetes/statefulsets.json")["items"][0], "statefulset", "aiops.dev/")
    assert (db.kind, db.max_connections, db.memory_limit_mi) == ("database", 500, 4096)


def test_events_mapping():
    items = recorded("kubernetes/events.json")["items"]
    events = [e for e in (from_event(i, SERVICES, True) for i in items) if e is not None]
    kinds = [(e.type, e.service) for e in events]
    assert ("scaling", "payment-api") in kinds
    assert ("crash_loop", "payment-api") in kinds
    assert ("probe_failure", "user-api") in kinds
    assert all(e.service in SERVICES for e in events)  # node and HPA events map to no service
    assert not [e for e in (from_event(i, SERVICES, False) for i in items) if e is not None and e.type == "warning"]


def test_rollouts_from_replica_sets():
    items = recorded("kubernetes/replicasets.json")["items"]
    events = [from_replica_set(i, SERVICES) for i in items]
    assert [(e.type, e.attrs["revision"], e.attrs["version"]) for e in events] == [
        ("deployment", "3", "v2.5.0"),
        ("deployment", "4", "v2.5.1"),
    ]
    assert events[1].ts == datetime(2024, 5, 1, 11, 40, 3, tzinfo=UTC)
    assert previous_replica_set(items, 4)["metadata"]["name"] == "payment-api-5f6c7d8e9"
    assert previous_replica_set(items, 3) is None


def test_service_for_names():
    assert service_for("payment-api-7d9f8b6c5-x2x1z", SERVICES) == "payment-api"
    assert service_for("payment", SERVICES) is None


def test_pod_log_lines():
    text = recorded_text("kubernetes/log_payment-api-7d9f8b6c5-x2x1z.txt")
    records = parse_pod_log(text, "payment-api", "payment-api-7d9f8b6c5-x2x1z")
    assert [r.level for r in records] == ["INFO", "WARN", "ERROR", "ERROR"]
    assert records[2].ts == datetime(2024, 5, 1, 12, 14, 9, 3150, tzinfo=UTC)
    assert records[3].message == "POST /v1/payments 503"
    assert records[0].raw.startswith("payment-api-7d9f8b6c5-x2x1z ")
