"""Service names from the names Kubernetes and other systems generate."""

from __future__ import annotations

import pytest

from aiops.backends.naming import (
    bare_name,
    owner_candidates,
    pod_workload,
    resolve_service,
    service_name,
    workload_of,
)


@pytest.mark.parametrize(
    ("name", "workload"),
    [
        ("checkout-7f9dd8b6c4-x7gr9", "checkout"),  # Deployment pod: template hash + suffix
        ("checkout-7f9dd8b6c4", "checkout"),  # its ReplicaSet
        ("nightly-report-28447215-q2kzt", "nightly-report"),  # CronJob -> Job -> pod
        ("scraper-srxlw", "scraper"),  # Job pod: a suffix without digits is still generated
        ("api-proxy", "api-proxy"),  # `proxy` has vowels: a word, not a suffix
        ("orders-db-replica-1", "orders-db-replica-1"),  # ordinals are not stripped blindly
        ("Pod/shop/checkout-7f9dd8b6c4-x7gr9", "checkout"),
    ],
)
def test_workload_of_strips_only_generated_parts(name: str, workload: str) -> None:
    assert workload_of(name) == workload


def test_bare_name_drops_kind_namespace_and_port() -> None:
    assert bare_name("Deployment/shop/checkout") == "checkout"
    assert bare_name("db.internal:5432") == "db.internal"
    assert owner_candidates("checkout-7f9dd8b6c4-x7gr9") == ["checkout-7f9dd8b6c4", "checkout"]


def test_resolve_prefers_exact_then_owner_then_known_prefix() -> None:
    known = ["checkout", "orders-db", "orders-db-replica-1", "web"]
    assert resolve_service("orders-db-replica-1", known) == "orders-db-replica-1"
    assert resolve_service("checkout-7f9dd8b6c4-x7gr9", known) == "checkout"
    assert resolve_service("orders-db-0", known) == "orders-db"  # a StatefulSet ordinal towards a known name
    assert resolve_service("web-canary-5f6d", known) == "web"  # known prefix followed by '-'
    assert resolve_service("orders-db.prod.svc.cluster.local", known) == "orders-db"  # DNS name of a Service
    assert resolve_service("webhook", known) is None  # a longer word is not the service
    assert resolve_service("", known) is None


def test_a_hand_typed_suffix_after_a_template_hash_is_still_a_pod() -> None:
    # `-abcde` is not drawn from Kubernetes' alphabet, but after a template hash the pair is a pod name
    assert pod_workload("inventory-api-6f7d8c9b5-abcde") == "inventory-api"
    assert workload_of("api-gateway-service-hello") == "api-gateway-service-hello"  # words, not generated parts


@pytest.mark.parametrize(("value", "name"), [
    ("app/accounts-api-prod/5c1d9e7f3a2b4c6d", "accounts-api-prod"),             # an ALB's LoadBalancer dimension
    ("targetgroup/accounts-api-prod/9a8b7c6d5e4f3a2b", "accounts-api-prod"),
    ("arn:aws:rds:eu-central-1:123456789012:db:orders-db", "orders-db"),
    ("arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/net/edge/0123abcd4567ef89", "edge"),
    ("Pod/payments/payments-api-7f9dd8b6c4-x7gr9", "payments-api-7f9dd8b6c4-x7gr9"),
])
def test_cloud_ids_name_their_resource(value: str, name: str) -> None:
    assert bare_name(value) == name


def test_service_name_is_always_fit_for_the_inventory() -> None:
    assert service_name("orders db (primary)") == "orders-db-primary"
    assert service_name("///") == ""
