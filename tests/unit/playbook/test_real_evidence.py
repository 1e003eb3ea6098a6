"""Diagnosis on evidence recorded by real systems: missing sources are unknown (not health), log
lines stand on their own, orchestrator state is evidence, failures outside the vocabulary are
`other`, reporters are not origins, and dependencies come from what the errors name."""

from __future__ import annotations

from aiops.agents.playbook.diagnose import diagnose
from aiops.agents.playbook.evidence import MetricView, SignatureHit
from aiops.agents.playbook.world import World
from tests.unit.playbook.worlds import at, knowledge


def bare(*names: str, kinds: dict[str, str] | None = None, alerted: str | None = None) -> World:
    """Services with no declared dependencies and no evidence yet (what a bundle starts as)."""
    kinds = kinds or {}
    return World(topology={n: {"kind": kinds.get(n, "app"), "depends_on": []} for n in names}, alerted=alerted)


def hit(w: World, service: str, name: str, *, count: int = 5, severity: str = "error", source: str = "logs",
        active: bool | None = True, example: str = "", last: float = -1) -> None:
    w.service(service).signatures[name] = SignatureHit(name, count, at(last - 5), at(last), example, severity=severity,
                                                       source=source, active=active)


def read(w: World, service: str, **coverage: str) -> None:
    w.service(service).coverage.update(coverage)


def test_nothing_read_is_unknown_not_healthy() -> None:
    w = bare("orders", alerted="orders")
    read(w, "orders", logs="missing", metrics="missing")
    found = diagnose(knowledge(), w)
    assert (found.category, found.service, found.confidence) == ("unknown", None, "low")
    assert "no evidence could be read" in found.evidence[0]
    assert any("logs (not available)" in e for e in found.evidence)


def test_health_needs_positive_evidence_and_says_what_it_was() -> None:
    w = bare("orders", alerted="orders")
    read(w, "orders", state="healthy", logs="empty", metrics="missing")
    found = diagnose(knowledge(), w)
    assert found.category == "none" and found.confidence == "medium"  # one source only
    assert "orchestrator reports it healthy" in found.evidence[0]
    assert any("metrics (not available)" in e and "logs (no lines in the window)" in e for e in found.evidence)


def test_a_burst_of_error_lines_without_metrics_is_a_failure() -> None:
    w = bare("checkout", "orders-db", kinds={"orders-db": "database"}, alerted="checkout")
    read(w, "checkout", logs="read", state="healthy")
    hit(w, "checkout", "connection_refused", count=23, example="PSQLException: Connection to orders-db:5432 refused")
    found = diagnose(knowledge(), w)
    assert (found.category, found.service) == ("dependency_failure", "orders-db")  # the origin, named by the caller
    assert "checkout" in w.topology and w.topology["checkout"]["depends_on"] == ["orders-db"]


def test_errors_that_stopped_while_health_metrics_are_at_baseline_are_a_healed_blip() -> None:
    w = bare("checkout", alerted="checkout")
    read(w, "checkout", logs="read", metrics="read")
    w.service("checkout").metrics["error_rate"] = MetricView("checkout", "error_rate", current=0.4, baseline=0.3,
                                                             trend="steady")
    hit(w, "checkout", "connection_reset", count=30, active=False, last=-12)
    assert diagnose(knowledge(), w).category == "none"
    hit(w, "checkout", "connection_reset", count=30, active=True)  # still happening, metrics or not
    w.service("checkout").metrics["error_rate"] = MetricView("checkout", "error_rate", current=6.0, baseline=0.3,
                                                             trend="sudden_jump", sustained=True, anomalous=True)
    assert diagnose(knowledge(), w).category != "none"


def test_orchestrator_state_is_evidence_and_its_past_is_not_the_present() -> None:
    w = bare("web", alerted="web")
    read(w, "web", state="trouble")
    hit(w, "web", "oom_killed", source="state", active=False, severity="critical")  # the last termination
    hit(w, "web", "crash_loop", source="state", active=True)  # waiting in CrashLoopBackOff now
    found = diagnose(knowledge(), w)
    assert (found.category, found.service) == ("out_of_memory", "web")
    healed = bare("web", alerted="web")
    read(healed, "web", state="healthy", logs="read")
    hit(healed, "web", "crash_loop", source="state", active=False)  # a BackOff event about a pod that runs again
    assert diagnose(knowledge(), healed).category == "none"


def test_a_failure_outside_the_vocabulary_is_other_with_its_evidence() -> None:
    w = bare("web", alerted="web")
    read(w, "web", state="trouble")
    hit(w, "web", "crash_loop", source="state", active=True, example="Container web-x/app: Waiting CrashLoopBackOff")
    found = diagnose(knowledge(), w)
    assert (found.category, found.service, found.confidence) == ("other", "web", "low")
    assert any("orchestrator reports trouble" in e for e in found.evidence)


def test_platform_failures_are_other_on_what_failed() -> None:
    for signature, expected in (("scheduling_failed", "web"), ("quota_exceeded", "web")):
        w = bare("web", alerted="web")
        read(w, "web", state="trouble")
        hit(w, "web", signature, source="state", severity="critical")
        assert (diagnose(knowledge(), w).category, diagnose(knowledge(), w).service) == ("other", expected)
    w = bare("web", "node-a", kinds={"node-a": "node"}, alerted="web")
    read(w, "node-a", state="trouble")
    hit(w, "node-a", "node_not_ready", source="state", severity="critical")
    w.service("web").nodes = ["node-a"]
    read(w, "web", state="trouble")
    hit(w, "web", "node_not_ready", source="state", severity="critical", count=1)
    found = diagnose(knowledge(), w)
    assert (found.category, found.service) == ("other", "node-a")


def test_a_reporter_is_never_the_origin() -> None:
    w = bare("web", "kube-controller-manager", alerted="web")
    read(w, "kube-controller-manager", logs="read")
    hit(w, "kube-controller-manager", "quota_exceeded", count=40, severity="critical",
        example="Error creating: pods web-x is forbidden: exceeded quota")
    read(w, "web", state="healthy")
    found = diagnose(knowledge(), w)
    assert found.service != "kube-controller-manager"
    assert found.category == "none"


def test_broken_configuration_and_unpullable_images_are_bad_deployments() -> None:
    for signature in ("configuration_error", "command_failed", "image_pull_failed"):
        w = bare("api", alerted="api")
        read(w, "api", state="trouble", logs="read")
        hit(w, "api", signature, severity="critical", source="logs" if signature != "image_pull_failed" else "state")
        hit(w, "api", "crash_loop", source="state")
        found = diagnose(knowledge(), w)
        assert (found.category, found.service) == ("bad_deployment", "api"), signature


def test_replication_lag_blames_the_writing_source_not_the_replica() -> None:
    w = World(topology={"db": {"kind": "database", "depends_on": []},
                        "db-replica-1": {"kind": "database", "depends_on": ["db"]}}, alerted="db-replica-1")
    read(w, "db", metrics="read")
    read(w, "db-replica-1", metrics="read")
    w.service("db-replica-1").metrics["replica_lag"] = MetricView(
        "db-replica-1", "replica_lag", current=1200, baseline=2, trend="gradual_climb", sustained=True, anomalous=True)
    w.service("db").metrics["write_load"] = MetricView("db", "write_load", current=18000, baseline=400,
                                                       trend="sudden_jump", sustained=True, anomalous=True)
    found = diagnose(knowledge(), w)
    assert (found.category, found.service) == ("database_slow", "db")
