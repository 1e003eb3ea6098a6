"""Rules added after the second blind round: a slow database seen from both sides of the wire, the TLS
side a failure is logged on, a batch job that finished, and an external API known only by its name."""

from __future__ import annotations

from aiops.agents.playbook.diagnose import diagnose
from aiops.agents.playbook.world import World, distinctive_part
from tests.unit.playbook.test_real_evidence import bare, hit, read
from tests.unit.playbook.worlds import knowledge


def test_a_database_slow_in_its_own_log_and_at_its_callers_without_any_metric() -> None:
    w = bare("checkout", "inventory", "inventory-mongo", kinds={"inventory-mongo": "database"}, alerted="checkout")
    w.topology["checkout"]["depends_on"] = ["inventory"]
    w.topology["inventory"]["depends_on"] = ["inventory-mongo"]
    for name in w.topology:
        read(w, name, logs="read", metrics="missing")
    hit(w, "inventory-mongo", "db_slow_query", count=900, severity="warning")
    hit(w, "inventory", "db_query_timeout", count=300, example="(MaxTimeMSExpired) operation exceeded time limit")
    hit(w, "checkout", "upstream_unavailable", count=200, example="timeout of 3000ms exceeded")
    found = diagnose(knowledge(), w)
    assert (found.category, found.service) == ("database_slow", "inventory-mongo"), found.evidence
    only_the_database = bare("inventory-mongo", kinds={"inventory-mongo": "database"}, alerted="inventory-mongo")
    read(only_the_database, "inventory-mongo", logs="read", metrics="missing")
    hit(only_the_database, "inventory-mongo", "db_slow_query", count=900, severity="warning")
    assert diagnose(knowledge(), only_the_database).category != "database_slow"  # one witness is not enough


def test_the_server_whose_certificate_is_refused_is_the_origin_not_the_verifying_client() -> None:
    w = bare("wallet", "ledger", alerted="wallet")  # no dependency known: the errors name no host
    for name in w.topology:
        read(w, name, logs="read")
    hit(w, "wallet", "certificate_expired", count=580)
    hit(w, "wallet", "tls_verify_failed", count=580, example="tls: failed to verify certificate: x509: expired")
    hit(w, "ledger", "tls_peer_rejected", count=740, example="remote error: tls: bad certificate")
    found = diagnose(knowledge(), w)
    assert (found.category, found.service) == ("certificate_expired", "ledger"), found.evidence
    alone = bare("wallet", alerted="wallet")
    read(alone, "wallet", logs="read")
    hit(alone, "wallet", "certificate_expired", count=580)  # nothing says which side: the service's own
    assert (diagnose(knowledge(), alone).category, diagnose(knowledge(), alone).service) == (
        "certificate_expired", "wallet")


def test_a_batch_job_that_completed_did_not_stop_answering() -> None:
    w = bare("consumer", "nightly-export", alerted="consumer")
    read(w, "consumer", logs="read", metrics="read", state="healthy")
    read(w, "nightly-export", logs="read")
    w.service("nightly-export").log_volume_ratio = 0.0
    w.service("nightly-export").log_lines = 40
    hit(w, "nightly-export", "job_completed", source="state", severity="info", active=True)
    assert diagnose(knowledge(), w).category == "none"


def test_an_api_nobody_observes_is_named_by_the_part_of_its_name_no_one_else_has() -> None:
    w: World = bare("risk-svc", "riskshield-api", "risk-db", kinds={"risk-db": "database"}, alerted="risk-svc")
    assert distinctive_part("riskshield-api", ["risk-svc", "risk-db"]) == "riskshield"
    assert distinctive_part("orders-api", ["orders-db"]) is None  # shared: says nothing
    assert w.named_in("riskshield unavailable for assessment as_51; falling back", "riskshield-api")
    assert w.named_in("acme.risk.clients.riskshieldclient.scoreasync failed", "riskshield-api")
    assert not w.named_in("elasticsearch down", "search-api")
    read(w, "riskshield-api", logs="read")
    w.service("riskshield-api").log_lines = 10  # observed: then only its whole name counts
    assert not w.named_in("riskshield unavailable", "riskshield-api")
