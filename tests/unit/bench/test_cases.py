"""Real-incident cases: a case folder becomes a bundle (its answer never does), scoring honours
`also_acceptable`, and on the public development set the team keeps its measured level."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from aiops.bench.bundles import summarise
from aiops.bench.cases import discover_cases, make_bundle, score_case

PUBLIC = Path(__file__).resolve().parents[4] / "shared" / "data" / "incidents-public"


def _case(root: Path) -> Path:
    folder = root / "case-a"
    (folder / "k8s").mkdir(parents=True)
    (folder / "api.log").write_text("2026-03-01T10:00:00Z ERROR boom\n", encoding="utf-8")
    (folder / "api.pod2.log").write_text("panic: boom\n", encoding="utf-8")
    (folder / "k8s" / "api.describe.txt").write_text("Name: api-x\n", encoding="utf-8")
    (folder / "k8s" / "nodes.json").write_text("{}", encoding="utf-8")
    (folder / "metrics.csv").write_text("timestamp,metric,labels,value\n", encoding="utf-8")
    (folder / "case.yaml").write_text(yaml.safe_dump({
        "alert": {"text": "api down", "origin": "test"}, "services": ["api", "db"],
        "logs": {"api": ["api.log", "api.pod2.log", "k8s/api.describe.txt"], "db": []},
        "files": [{"path": "k8s/nodes.json", "role": "k8s"}, {"path": "metrics.csv", "role": "metrics"}],
        "expected": {"root_cause": "dependency_failure", "faulty_service": "db",
                     "also_acceptable": {"root_cause": ["other"]}}}), encoding="utf-8")
    return root


def test_a_case_becomes_a_bundle_without_its_answer(tmp_path: Path) -> None:
    (case,) = discover_cases(_case(tmp_path / "cases"))
    bundle = make_bundle(case, tmp_path / "out")
    files = sorted(str(p.relative_to(bundle)) for p in bundle.rglob("*") if p.is_file())
    assert files == ["bundle.yaml", "k8s/api.describe.txt", "k8s/nodes.json", "logs/api/api.log",
                     "logs/api/api.pod2.log", "metrics.csv"]
    settings = yaml.safe_load((bundle / "bundle.yaml").read_text(encoding="utf-8"))
    assert settings == {"alert": "api down", "services": ["api", "db"]}
    assert "expected" not in "".join(p.read_text(encoding="utf-8", errors="ignore") for p in bundle.rglob("*")
                                     if p.is_file())


def test_scoring_honours_also_acceptable_and_counts_actions_on_healthy_cases() -> None:
    expected = {"root_cause": "dependency_failure", "faulty_service": "db",
                "also_acceptable": {"root_cause": ["other"], "faulty_service": ["api"]}}
    assert score_case(expected, {"root_cause": "other", "service": "api"})["rca_correct"]
    assert not score_case(expected, {"root_cause": "other", "service": "web"})["rca_correct"]
    assert not score_case(expected, {"root_cause": "none", "service": None})["rca_correct"]
    healthy = {"root_cause": "none", "faulty_service": None, "also_acceptable": {"root_cause": ["bad_deployment"]}}
    row = score_case(healthy, {"root_cause": "bad_deployment", "service": "api", "actions": [{"action": "x"}]})
    assert row == {"rca_correct": True, "healthy": True, "proposed_on_healthy": 1}
    summary = summarise([{**row, "seconds": 1.0}, {"rca_correct": False, "healthy": False, "proposed_on_healthy": 0,
                                                   "seconds": 3.0}])
    assert (summary["rca_accuracy"], summary["healthy_accuracy"], summary["proposed_on_healthy"]) == (0.5, 1.0, 1)


@pytest.mark.skipif(not PUBLIC.is_dir(), reason="../shared/data/incidents-public is not present")
def test_public_development_set_stays_at_its_measured_level(tmp_path: Path) -> None:
    """A development set (the rules were written while looking at it): this guards against
    regressions; it does not measure how the team does on incidents it has never seen."""
    from aiops.bench.bundles import run_cases
    from aiops.runtime.home import StateHome
    from aiops.team import resolve_team_dir

    cases = discover_cases(PUBLIC)
    result = run_cases(cases, home=StateHome.resolve(str(tmp_path / "state")), team_dir=resolve_team_dir(None),
                       model="playbook", work=tmp_path / "bundles")
    summary = result["summary"]
    misses = [(r["name"], r["got"].get("root_cause"), r["got"].get("service")) for r in result["cases"]
              if not r["rca_correct"]]
    assert summary["rca_accuracy"] >= 0.85, misses
    assert summary["proposed_on_healthy"] == 0 and summary["errors"] == 0
    assert summary["max_seconds"] < 30


OWN = Path(__file__).resolve().parents[3] / "benchmarks" / "bundles"


def test_own_bundles_stay_at_their_measured_level(tmp_path: Path) -> None:
    """The project's own bundles (benchmarks/bundles; a development set since their first sight at
    75.0%): a regression guard."""
    from aiops.bench.bundles import run_cases
    from aiops.runtime.home import StateHome
    from aiops.team import resolve_team_dir

    result = run_cases(discover_cases(OWN), home=StateHome.resolve(str(tmp_path / "state")),
                       team_dir=resolve_team_dir(None), model="playbook", work=tmp_path / "bundles")
    summary = result["summary"]
    misses = [(r["name"], r["got"].get("root_cause"), r["got"].get("service")) for r in result["cases"]
              if not r["rca_correct"]]
    assert summary["cases"] == 28 and summary["rca_accuracy"] >= 0.9, misses
    assert summary["proposed_on_healthy"] == 0 and summary["errors"] == 0
