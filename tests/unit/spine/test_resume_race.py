"""Racing resumes: the status check and the decision happen under the incident's lock, so a late
resume reports the outcome on record instead of re-running the finish with a stale record."""

from __future__ import annotations

import json
from pathlib import Path

from aiops.cli.main import main
from aiops.runtime.home import StateHome
from aiops.runtime.store import IncidentStore


def _paused(capsys) -> str:
    assert main(["respond", "--scenario", "pool-leak-payment", "--model", "scripted", "--json", "--quiet"]) == 3
    return json.loads(capsys.readouterr().out)["incident_id"]


def test_a_late_resume_reports_the_outcome_on_record(scripted, capsys, monkeypatch):
    incident = _paused(capsys)
    store = IncidentStore(StateHome.resolve().index)
    stale = store.get(incident)  # what a second `resume` read before the first one finished

    first = main(["incidents", "resume", incident, "--approve", "--json", "--quiet"])
    out = capsys.readouterr()
    assert first == 0, f"the first resume ended {first}: {out.err[-2000:]} {out.out[-4000:]}"  # a flake seen once
    done = json.loads(out.out)
    report = Path(done["report_path"]).with_suffix(".json")
    before = report.read_text()

    real_get = IncidentStore.get
    reads = iter([stale])
    monkeypatch.setattr(IncidentStore, "get", lambda self, i: next(reads, None) or real_get(self, i))
    code = main(["incidents", "resume", incident, "--approve", "--json", "--quiet"])
    captured = capsys.readouterr()
    assert code == 2
    assert "already resolved" in captured.err
    late = json.loads(captured.out)
    assert (late["status"], late["root_cause"]["category"]) == ("resolved", "connection_pool_exhaustion")
    assert report.read_text() == before
    assert real_get(store, incident).status == "resolved"
