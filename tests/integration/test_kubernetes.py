"""Kubernetes backends (official client) against a local stub speaking the API with recorded shapes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from aiops.backends import build_environment, parse_environment
from aiops.core.errors import BackendError

from .recorded_stubs import KubeStub
from .servers import require_module, stub_server

pytestmark = pytest.mark.integration

T0 = datetime(2024, 5, 1, 12, tzinfo=UTC)


@pytest.fixture
def kube(tmp_path, monkeypatch):
    require_module("kubernetes")
    KubeStub.requests = []
    monkeypatch.setenv("K8S_TOKEN", "k8s-token")
    with stub_server(KubeStub) as url:
        access = {"url": url, "token_env": "K8S_TOKEN", "namespace": "prod", "timeout_s": 5}

        def make(*, state: bool = False, **executor):
            spec = parse_environment(
                {
                    "name": "k8s",
                    "inventory": {"type": "kubernetes", **access},
                    "logs": {"type": "kubernetes", **access},
                    "metrics": {"type": "prometheus", "url": "http://127.0.0.1:1", "queries": {"cpu": "x"}},
                    "events": {"type": "kubernetes", **access},
                    "executor": {"type": "kubernetes", **access, **executor},
                    **({"state": {"type": "kubernetes", **access}} if state else {}),
                },
                file=tmp_path / "env.yaml",
            )
            return build_environment(spec, state_dir=tmp_path / "state")

        yield make


def patches():
    return [r for r in KubeStub.requests if r["method"] == "PATCH"]


def test_inventory(kube):
    env = kube()
    services = {s.name: s for s in env.inventory.services()}
    assert sorted(services) == ["payment-api", "postgres", "user-api"]
    assert services["payment-api"].pool_size == 100 and services["payment-api"].memory_limit_mi == 512
    assert services["postgres"].kind == "database" and services["postgres"].max_connections == 500
    assert KubeStub.requests[0]["headers"]["authorization"] == "Bearer k8s-token"
    calls = len(KubeStub.requests)
    env.inventory.services()
    assert len(KubeStub.requests) == calls  # cached


def test_pod_logs_current_and_previous(kube):
    env = kube()
    records = list(env.logs.fetch("payment-api", start=T0, end=T0 + timedelta(hours=1)))
    assert [r.ts for r in records] == sorted(r.ts for r in records)
    assert len(records) == 8
    assert "OutOfMemoryError" in records[0].message  # from the restarted container's previous logs
    assert records[-1].message == "POST /v1/payments 503"
    log_calls = [r for r in KubeStub.requests if r["path"].endswith("/log")]
    assert {r["params"].get("previous") for r in log_calls} == {"true", None}
    assert all(r["params"]["timestamps"] == "true" and "limitBytes" in r["params"] for r in log_calls)
    assert list(env.logs.fetch("user-api", start=T0, end=T0 + timedelta(hours=1))) == []
    last = list(env.logs.fetch("payment-api", start=T0, end=T0 + timedelta(hours=1), limit=2))
    assert len(last) == 2 and last[-1].ts == records[-1].ts


def test_events_rollouts_and_warnings(kube):
    env = kube()
    events = env.events.events(start=T0 - timedelta(days=7), end=T0 + timedelta(hours=1))
    kinds = [(e.type, e.service) for e in events]
    assert ("deployment", "payment-api") in kinds and ("crash_loop", "payment-api") in kinds
    assert ("probe_failure", "user-api") in kinds
    rollout = [e for e in events if e.type == "deployment"]
    assert [e.attrs["version"] for e in rollout] == ["v2.5.0", "v2.5.1"]
    recent = env.events.events(start=T0 - timedelta(minutes=30), end=T0 + timedelta(hours=1), service="payment-api")
    assert [e.type for e in recent] == ["deployment", "scaling", "crash_loop"]


def test_rollout_restart_with_server_side_dry_run(kube):
    env = kube()
    dry = env.executor.execute("restart", "payment-api", dry_run=True)
    assert dry.ok and dry.dry_run and dry.message.startswith("dry run (server-side)")
    real = env.executor.execute("restart", "payment-api", key="a1")
    assert real.ok and real.details["response"]["generation"] == 8
    first, second = patches()
    assert first["params"]["dryRun"] == "All" and "dryRun" not in second["params"]
    assert second["content_type"] == "application/strategic-merge-patch+json"
    annotations = second["body"]["spec"]["template"]["metadata"]["annotations"]
    assert "kubectl.kubernetes.io/restartedAt" in annotations


def test_scale_and_undo(kube):
    env = kube(scale_factor=2, max_replicas=5)
    scaled = env.executor.execute("scale_up", "payment-api")
    assert scaled.ok and scaled.details["replicas"] == {"before": 3, "after": 5}
    assert patches()[-1]["body"] == {"spec": {"replicas": 5}}
    undo = env.executor.execute("rollback_deployment", "payment-api")
    assert undo.ok, undo.message
    assert undo.details["revisions"] == {"from": 4, "to": 3}
    patch = patches()[-1]
    assert patch["content_type"] == "application/json-patch+json"
    [op] = patch["body"]
    assert op["op"] == "replace" and op["path"] == "/spec/template"
    assert op["value"]["spec"]["containers"][0]["image"].endswith(":v2.5.0")
    assert "pod-template-hash" not in op["value"]["metadata"]["labels"]


def test_failures_are_results(kube, monkeypatch):
    env = kube()
    forbidden = env.executor.execute("restart", "user-api")
    assert not forbidden.ok and "HTTP 403" in forbidden.message and "forbidden" in forbidden.message
    missing = env.executor.execute("rollback_deployment", "user-api")
    assert not missing.ok and "HTTP 404" in missing.message
    assert not env.executor.execute("restart", "unknown-svc").ok
    monkeypatch.setenv("K8S_TOKEN", "wrong")
    with pytest.raises(BackendError, match="HTTP 401"):
        kube().inventory.services()


def test_state_reads_pods_events_and_workloads(kube):
    env = kube(state=True)
    records = env.state.records("payment-api")
    last = [r for r in records if r.status == "Last terminated"]
    assert last and last[0].reason == "OOMKilled" and last[0].attrs["exit_code"] == "137" and not last[0].current
    assert any(r.kind == "Deployment" for r in records)
    assert any(r.kind == "Event" and r.reason == "BackOff" for r in records)
    selectors = [r["params"].get("labelSelector") for r in KubeStub.requests if r["path"].endswith("/pods")]
    assert selectors == ["app=payment-api"]
