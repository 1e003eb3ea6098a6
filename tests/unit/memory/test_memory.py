"""The team's memory: confirmed outcomes, recall that stays in its state folder, a recalled incident
as a bounded prior that is cited, replayed evidence, and calibration figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aiops.agents.playbook.diagnose import diagnose
from aiops.bench.replay import calibration, score, summarise
from aiops.core.errors import ConfigError
from aiops.memory import IncidentMemory, Label, evidence_terms
from aiops.runtime.home import StateHome
from tests.unit.playbook.test_real_evidence import bare, hit, read
from tests.unit.playbook.worlds import knowledge


def _entries(service: str, signature: str, metric: str, trend: str) -> list[dict]:
    return [
        {"tool": "fetch_logs", "args": {"service": service},
         "artifact": {"digest": {"signatures": [{"name": signature, "count": 30}]}}},
        {"tool": "query_metrics", "args": {"service": service, "metric": metric},
         "artifact": {"finding": {"trend": trend}}},
        {"tool": "query_metrics", "args": {"service": service, "metric": "cpu"}, "artifact": {"finding": {
            "trend": "steady"}}},
    ]


def _label(incident: str, cause: str, service: str) -> Label:
    return Label(incident_id=incident, root_cause=cause, service=service, by="sre", at="2026-03-01T00:00:00+00:00",
                 worked=["restart on " + service])


def test_terms_name_signatures_and_shapes_but_not_steady_metrics() -> None:
    services, terms = evidence_terms(_entries("cart", "pool_exhausted", "connections", "gradual_climb"),
                                     alert="cart 5xx")
    assert services == ["cart"]
    assert {"sig_pool_exhausted", "cart__sig_pool_exhausted", "shape_connections_gradual_climb",
            "word_cart"} <= set(terms)
    assert not any("cpu" in t for t in terms)


def test_recall_ranks_by_shared_evidence_and_stays_in_its_state_folder(tmp_path: Path) -> None:
    memory = IncidentMemory(tmp_path / "a" / "memory.sqlite")
    (tmp_path / "b").mkdir()
    other = IncidentMemory(tmp_path / "b" / "memory.sqlite")
    for incident, sig, metric, cause in (("inc-1", "pool_exhausted", "connections", "connection_pool_exhaustion"),
                                         ("inc-2", "oom_killed", "memory", "out_of_memory")):
        services, terms = evidence_terms(_entries("cart", sig, metric, "gradual_climb"))
        memory.label(_label(incident, cause, "cart"), services=services, terms=terms)
    services, terms = evidence_terms(_entries("cart", "pool_exhausted", "connections", "gradual_climb"))
    found = memory.recall(terms, services=services, exclude="inc-now")
    assert [r.incident_id for r in found][:1] == ["inc-1"] and found[0].label.worked == ["restart on cart"]
    assert "sig_pool_exhausted" in found[0].shared
    assert memory.recall(terms, services=services, exclude="inc-1")[0].incident_id == "inc-2"
    assert other.recall(terms, services=services) == []  # another state folder knows nothing of these
    assert memory.get("inc-2").root_cause == "out_of_memory" and len(memory.labels()) == 2


def test_a_recalled_incident_tips_a_close_call_and_is_cited_but_never_overrides_evidence() -> None:
    def close_call():  # two failures in one service's logs, one point apart
        w = bare("api", alerted="api")
        read(w, "api", logs="read")
        hit(w, "api", "pool_exhausted", count=40, severity="critical")
        hit(w, "api", "oom_killed", count=40, severity="critical")
        return w

    plain = diagnose(knowledge(), close_call())
    assert plain.category == "out_of_memory"
    recalled = close_call()
    recalled.recalled = [{"incident_id": "inc-7", "root_cause": "connection_pool_exhaustion", "service": "api",
                          "shared": ["sig_pool_exhausted", "api__sig_pool_exhausted"]}]
    with_prior = diagnose(knowledge(), recalled)
    assert (with_prior.category, with_prior.service) == ("connection_pool_exhaustion", "api")
    assert any("resembles confirmed incident inc-7" in e for e in with_prior.evidence)
    strong = bare("web", alerted="web")
    read(strong, "web", state="trouble")
    hit(strong, "web", "oom_killed", source="state", severity="critical", active=False)
    hit(strong, "web", "crash_loop", source="state")
    strong.recalled = [{"incident_id": "inc-9", "root_cause": "bad_deployment", "service": "web",
                        "shared": ["sig_crash_loop"]}]
    assert diagnose(knowledge(), strong).category == "out_of_memory"  # the prior cannot create a candidate


def test_words_alone_are_no_resemblance() -> None:
    w = bare("api", alerted="api")
    read(w, "api", logs="read")
    hit(w, "api", "pool_exhausted", count=40, severity="critical")
    baseline = diagnose(knowledge(), w).score
    w2 = bare("api", alerted="api")
    read(w2, "api", logs="read")
    hit(w2, "api", "pool_exhausted", count=40, severity="critical")
    w2.recalled = [{"incident_id": "inc-3", "root_cause": "connection_pool_exhaustion", "service": "api",
                    "shared": ["word_api", "api"]}]
    assert diagnose(knowledge(), w2).score == baseline


def test_calibration_on_a_set_with_known_accuracy() -> None:
    rows = ([{"got": {"confidence": "high"}, "correct": i < 9} for i in range(10)]
            + [{"got": {"confidence": "medium"}, "correct": i < 3} for i in range(5)]
            + [{"got": {"confidence": "low"}, "correct": False, "abstained": True} for _ in range(4)])
    table = {row["confidence"]: row for row in calibration(rows)}
    assert (table["high"]["n"], table["high"]["accuracy"]) == (10, 0.9)
    assert (table["medium"]["n"], table["medium"]["accuracy"]) == (5, 0.6)
    assert (table["low"]["n"], table["low"]["accuracy"]) == (4, 0.0)
    summary = summarise(rows)
    assert (summary["accuracy"], summary["abstentions"], summary["answered_accuracy"]) == (0.6316, 4, 0.8)
    assert score({"root_cause": "disk_full", "service": "db"}, {"root_cause": "other", "service": "db"}) == {
        "correct": False, "abstained": True}
    assert score({"root_cause": "none", "service": None}, {"root_cause": "none", "service": None})["correct"]


def test_label_a_real_incident_then_replay_its_recorded_evidence(tmp_path: Path, monkeypatch) -> None:
    from aiops.bench.replay import replay_all
    from aiops.cli.main import main
    from aiops.runtime.labels import label_incident
    from aiops.team import resolve_team_dir

    monkeypatch.setenv("AIOPS_HOME", str(tmp_path / "state"))
    assert main(["respond", "--scenario", "orders-pool-leak", "--approve", "all", "--json", "--quiet"]) == 0
    home = StateHome.resolve()
    (incident,) = [p.name for p in home.incidents_dir.iterdir()]
    with pytest.raises(ConfigError, match="not a root-cause category"):
        label_incident(home, incident, root_cause="gremlins", service="orders-svc", by="sre")
    label = label_incident(home, incident, root_cause="connection_pool_exhaustion", service="orders-svc", by="sre",
                           fix="reset_connection_pool")
    assert label.correct is True and label.worked == ["reset_connection_pool on orders-svc"]
    result = replay_all(home, team_dir=resolve_team_dir(None), model="playbook",
                        work=StateHome.resolve(str(tmp_path / "replay")))
    (row,) = result["incidents"]
    assert row["correct"] and row["got"]["root_cause"] == "connection_pool_exhaustion", json.dumps(row)
    assert result["calibration"][0]["n"] + result["calibration"][1]["n"] + result["calibration"][2]["n"] == 1
