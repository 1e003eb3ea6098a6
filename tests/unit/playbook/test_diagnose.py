"""Diagnosis over hand-built evidence with the default diagnostics data: every failure mode, the
origin of cascades, red herrings and false alarms, and knowledge added as data."""

from __future__ import annotations

import copy

from aiops.agents.playbook.diagnose import diagnose
from tests.unit.playbook.worlds import change, knowledge, metric, signature, world

TOPO = {
    "alpha": ("app", ["store", "kv"]),
    "beta": ("app", ["store"]),
    "gamma": ("app", ["alpha"]),
    "store": ("database", []),
    "kv": ("cache", []),
}


def test_connection_leak_with_an_unrelated_deployment():
    w = world(TOPO, alerted="alpha")
    metric(w, "alpha", "connections", 99, trend="gradual_climb", onset=-30, limit=100)
    metric(w, "alpha", "error_rate", 22, trend="sudden_jump", onset=-9, baseline=0.4)
    signature(w, "alpha", "pool_exhausted", 420, -9)
    change(w, "deployment", "beta", -25)
    found = diagnose(knowledge(), w)
    assert (found.category, found.service) == ("connection_pool_exhaustion", "alpha")
    assert found.confidence == "high"
    assert "reset_connection_pool" in found.spec["remedies"]


def test_slow_database_is_the_origin_not_the_loudest_caller():
    w = world(TOPO, alerted="alpha")
    metric(w, "store", "latency_p99", 900, trend="sudden_jump", onset=-20, baseline=20)
    metric(w, "store", "cpu", 80, trend="sudden_jump", onset=-20, baseline=30)
    signature(w, "store", "slow_query", 60, -19)
    for caller in ("alpha", "beta"):
        metric(w, caller, "connections", 100, trend="sudden_jump", onset=-17, limit=100)
        metric(w, caller, "error_rate", 18, trend="sudden_jump", onset=-16, baseline=0.4)
        signature(w, caller, "pool_exhausted", 900, -16)
    found = diagnose(knowledge(), w)
    assert (found.category, found.service) == ("database_slow", "store")
    assert found.confidence == "high"


def test_memory_leak():
    w = world(TOPO, alerted="beta")
    metric(w, "beta", "memory", 505, trend="gradual_climb", onset=-45, limit=512, baseline=240)
    metric(w, "beta", "error_rate", 4, trend="spike", onset=-6, baseline=0.4)
    signature(w, "beta", "oom_killed", 6, -6)
    found = diagnose(knowledge(), w)
    assert (found.category, found.service, found.mode) == ("out_of_memory", "beta", "memory_leak")


def test_traffic_spike_beats_the_pool_pressure_it_causes():
    w = world(TOPO, alerted="alpha")
    metric(w, "alpha", "requests", 480, trend="sudden_jump", onset=-15, baseline=120)
    metric(w, "alpha", "cpu", 92, trend="sudden_jump", onset=-15, baseline=30)
    metric(w, "alpha", "latency_p99", 900, trend="sudden_jump", onset=-14, baseline=180)
    metric(w, "alpha", "connections", 97, trend="sudden_jump", onset=-13, limit=100)
    signature(w, "alpha", "pool_exhausted", 50, -12)
    found = diagnose(knowledge(), w)
    assert (found.category, found.service) == ("traffic_spike", "alpha")


def test_deadlock_on_the_database():
    w = world(TOPO, alerted="beta")
    signature(w, "store", "deadlock_detected", 300, -18)
    metric(w, "store", "error_rate", 6, trend="sudden_jump", onset=-18, baseline=0.05)
    metric(w, "beta", "error_rate", 5, trend="sudden_jump", onset=-17, baseline=0.3)
    found = diagnose(knowledge(), w)
    assert (found.category, found.service) == ("database_deadlock", "store")


def test_disk_full():
    w = world(TOPO, alerted="beta")
    metric(w, "beta", "disk", 100, trend="gradual_climb", onset=-40, limit=100, baseline=45)
    metric(w, "beta", "error_rate", 30, trend="sudden_jump", onset=-5, baseline=0.3)
    signature(w, "beta", "disk_full", 200, -5)
    found = diagnose(knowledge(), w)
    assert (found.category, found.service) == ("disk_full", "beta")


def test_dns_failure_on_the_caller_that_cannot_resolve():
    w = world(TOPO, alerted="alpha")
    signature(w, "alpha", "dns_resolution_failed", 500, -12, "lookup store on 10.0.0.10:53: no such host")
    metric(w, "alpha", "error_rate", 60, trend="sudden_jump", onset=-12, baseline=0.3)
    found = diagnose(knowledge(), w)
    assert (found.category, found.service) == ("network_dns", "alpha")


def test_expired_certificate_of_a_dependency():
    w = world(TOPO, alerted="alpha")
    signature(w, "alpha", "tls_certificate_expired", 700, -8, "x509: certificate has expired for kv")
    metric(w, "alpha", "error_rate", 40, trend="sudden_jump", onset=-8, baseline=0.3)
    signature(w, "kv", "tls_handshake_failed", 600, -8)
    found = diagnose(knowledge(), w)
    assert (found.category, found.service) == ("certificate_expired", "kv")


def test_bad_deployment():
    w = world(TOPO, alerted="beta")
    change(w, "deployment", "beta", -14, "beta deployed v2.5.0 (was v2.4.1)")
    metric(w, "beta", "error_rate", 15, trend="sudden_jump", onset=-13, baseline=0.3)
    found = diagnose(knowledge(), w)
    assert (found.category, found.service) == ("bad_deployment", "beta")


def test_dependency_down_cache():
    w = world(TOPO, alerted="alpha")
    metric(w, "alpha", "error_rate", 35, trend="sudden_jump", onset=-10, baseline=0.3)
    signature(w, "alpha", "connection_timeout", 800, -10, "timeout connecting to kv:6379")
    w.service("kv").metrics["cpu"].current = None
    w.service("kv").metrics["cpu"].trend = "missing"
    found = diagnose(knowledge(), w)
    assert (found.category, found.service) == ("dependency_failure", "kv")


def test_false_alarm_with_a_noisy_healthy_service():
    w = world(TOPO, alerted="alpha")
    signature(w, "gamma", "retry", 30, -40)
    w.service("gamma").log_errors = 40
    change(w, "deployment", "beta", -20)
    found = diagnose(knowledge(), w)
    assert found.category == "none"
    assert found.service is None


def test_a_failure_mode_added_as_data_changes_the_conclusion():
    w = world(TOPO, alerted="beta")
    metric(w, "beta", "error_rate", 12, trend="sudden_jump", onset=-10, baseline=0.3)
    signature(w, "beta", "quota_exceeded", 300, -10)
    before = diagnose(knowledge(), w)
    assert (before.category, before.service, before.confidence) == ("other", "beta", "low")  # failing, unnamed
    data = copy.deepcopy(knowledge())
    data["categories"].insert(-1, "quota_exhausted")
    data["signals"]["quota_logs"] = {"about": "an upstream quota is exhausted", "logs": ["*quota*"]}
    data["decision_tree"][1]["branches"].append({"when": ["quota_logs"], "consider": ["api_quota"]})
    data["failure_modes"]["api_quota"] = {
        "category": "quota_exhausted",
        "role": "origin",
        "evidence": {"quota_logs": 5, "errors_up": 2},
        "requires": [["quota_logs"]],
        "remedies": ["raise_quota"],
        "verify": ["error_rate"],
    }
    found = diagnose(data, w)
    assert (found.category, found.service, found.confidence) == ("quota_exhausted", "beta", "medium")
    assert found.spec["remedies"] == ["raise_quota"]
