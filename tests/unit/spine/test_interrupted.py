"""Stuck incidents: Ctrl-C or a crash leaves an incident resumable (`interrupted`, with the resume
command printed); a crash before the first checkpoint resumes from the alert; `incidents close`
ends one that nobody will finish."""

from __future__ import annotations

import json

from aiops.agents.scripted import ScriptedChatModel
from aiops.cli.main import main
from aiops.runtime.home import StateHome
from aiops.runtime.store import IncidentStore
from tests.unit.spine import harness


def _store() -> IncidentStore:
    return IncidentStore(StateHome.resolve().index)


def test_ctrl_c_leaves_the_incident_interrupted_and_resumable(scripted, capsys, monkeypatch):
    real = ScriptedChatModel._generate
    calls = iter(range(1000))

    def interrupted_third_call(self, *args, **kwargs):
        if next(calls) == 2:
            raise KeyboardInterrupt
        return real(self, *args, **kwargs)

    monkeypatch.setattr(ScriptedChatModel, "_generate", interrupted_third_call)
    code = main(["respond", "--scenario", "pool-leak-payment", "--model", "scripted", "--quiet"])
    err = capsys.readouterr().err
    assert code == 130
    (record,) = _store().list()
    assert record.status == "interrupted"
    assert f"incidents resume {record.id}" in err

    monkeypatch.setattr(ScriptedChatModel, "_generate", real)
    assert main(["incidents", "list"]) == 0
    assert "interrupted" in capsys.readouterr().out
    assert main(["incidents", "resume", record.id, "--json", "--quiet"]) == 3
    assert json.loads(capsys.readouterr().out)["pending"][0]["action"] == "reset_connection_pool"


def test_a_crash_before_the_first_checkpoint_resumes_from_the_alert(scripted, capsys):
    """The record was saved as `running`, then the process died before the graph wrote anything."""
    store = _store()
    record = harness.new_record()
    record.model_override = "scripted"
    store.save(record)
    assert main(["incidents", "resume", record.id, "--then", "all", "--json", "--quiet"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert done["status"] == "resolved"
    assert done["actions"][0]["result"] == "succeeded"


def test_close_ends_an_incident_nobody_will_finish(scripted, capsys):
    assert main(["respond", "--scenario", "pool-leak-payment", "--model", "scripted", "--json", "--quiet"]) == 3
    incident = json.loads(capsys.readouterr().out)["incident_id"]
    assert main(["incidents", "close", incident, "--reason", "duplicate of INC-42"]) == 0
    capsys.readouterr()
    record = _store().get(incident)
    assert record.status == "closed"
    assert record.notes["closed"]["reason"] == "duplicate of INC-42"
    assert main(["incidents", "resume", incident, "--approve"]) == 2
    assert "closed" in capsys.readouterr().err
    assert main(["incidents", "report", incident]) == 0
    report = capsys.readouterr().out
    assert "duplicate of INC-42" in report
    assert main(["incidents", "close", incident, "--reason", "again"]) == 2


def test_close_needs_a_reason(scripted, capsys):
    assert main(["respond", "--scenario", "pool-leak-payment", "--model", "scripted", "--json", "--quiet"]) == 3
    incident = json.loads(capsys.readouterr().out)["incident_id"]
    assert main(["incidents", "close", incident, "--reason", "  "]) == 2
