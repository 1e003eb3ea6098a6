"""Interactive approval: Enter says it pauses; a typo in an edit asks again listing the valid actions
and targets (also when the decision fails validation later); the live tree shows what happens to an
edited or rejected proposal; after a rejection the remediator may propose another action; the
report keeps the original proposal next to the edit."""

from __future__ import annotations

import io

import pytest

from aiops.cli import _incident
from aiops.cli._incident import make_decider
from aiops.runtime import runner
from aiops.runtime.decisions import Decision
from aiops.runtime.home import StateHome
from aiops.runtime.progress import ProgressTree
from aiops.runtime.session import open_session
from aiops.runtime.store import IncidentStore
from tests.unit.spine.harness import new_record, run_incident, sandbox_actions

REQUEST = {"incident_id": "inc-1", "proposal_id": "p1", "action": "reset_connection_pool", "target": "payment-api",
           "risk": "medium", "reason": "leak", "impact": "brief errors", "recovery_time": "1 min",
           "rollback": "restart", "choices": {"actions": ["reset_connection_pool", "restart", "scale_up"],
                                              "targets": ["payment-api", "postgres"]}}


class _Err:
    def __init__(self, capsys):
        self.capsys = capsys

    def getvalue(self) -> str:
        return self.capsys.readouterr().err


@pytest.fixture
def tty(monkeypatch, capsys):
    monkeypatch.setattr(_incident, "interactive", lambda: True)

    def answers(*lines):
        feed = iter(lines)
        monkeypatch.setattr("builtins.input", lambda prompt="": next(feed))
        return _Err(capsys)

    return answers


def test_enter_pauses_and_says_so(tty):
    err = tty("")
    assert make_decider("ask", "ann")(REQUEST) is None
    assert "paus" in err.getvalue()


def test_the_prompt_says_what_enter_does_on_stderr(tty, capsys):
    tty("p")
    make_decider("ask", "ann")(REQUEST)
    captured = capsys.readouterr()
    assert "(Enter: pause)?" in captured.err
    assert captured.out == ""


def test_an_edit_typo_asks_again_listing_the_valid_actions_and_targets(tty):
    err = tty("e", "action=restrat", "e", "target=paymnet-api", "e", "action=restart")
    decision = make_decider("ask", "ann")(REQUEST)
    assert (decision.kind, decision.action) == ("edit", "restart")
    text = err.getvalue()
    assert "restrat" in text and "restart, scale_up" in text
    assert "paymnet-api" in text and "payment-api, postgres" in text


def test_a_decision_the_policy_refuses_is_asked_again_not_a_crash(tty):
    err = tty("e", "target=payment-api", "a")
    run = run_incident(make_decider("ask", "ann"))
    assert run.outcome.status == "resolved"
    assert "changes nothing" in err.getvalue()
    assert [(a["action"], a["target"]) for a in sandbox_actions(run)] == [("reset_connection_pool", "payment-api")]


def _tree_run(decide):
    home = StateHome.resolve()
    store = IncidentStore(home.index)
    record = new_record()
    from tests.unit.spine.harness import team_models

    session = open_session(record, home, models=team_models())
    stream = io.StringIO()
    tree = ProgressTree("ops_manager", stream=stream)

    def decide_and_show(request):
        decision = decide(request)
        tree.decided(request, decision)
        return decision

    runner.start(session, store, decide_and_show, [tree])
    session.close()
    return stream.getvalue()


def test_the_tree_shows_the_edited_action_being_carried_out():
    text = _tree_run(lambda r: Decision("edit", "ann", action="restart"))
    assert "carrying out the edited action: restart on payment-api" in text
    assert "carrying out the decision on reset_connection_pool" not in text


def test_the_tree_shows_a_rejection_is_not_carried_out():
    text = _tree_run(lambda r: Decision("reject", "ann", reason="change freeze"))
    assert "rejected: nothing runs" in text
    assert "carrying out" not in text


def test_after_a_rejection_the_remediator_proposes_an_alternative():
    asked = []

    def decide(request):
        asked.append((request["action"], request["target"]))
        if len(asked) == 1:
            return Decision("reject", "ann", reason="a pool reset drops in-flight payments; use restart instead")
        return Decision("approve", "ann")

    run = run_incident(decide, models={})
    assert asked == [("reset_connection_pool", "payment-api"), ("restart", "payment-api")]
    assert [(a["action"], a["target"]) for a in sandbox_actions(run)] == [("restart", "payment-api")]
    rows = run.outcome.report.actions
    assert [(a.action, a.decision) for a in rows] == [("reset_connection_pool", "rejected"), ("restart", "approved")]


def test_the_report_keeps_the_original_proposal_next_to_the_edit():
    run = run_incident(lambda r: Decision("edit", "ann", action="restart"))
    (row,) = run.outcome.report.actions
    assert (row.action, row.decision, row.proposed_action, row.proposed_target) == (
        "restart", "edited", "reset_connection_pool", "payment-api")
    markdown = (run.session.dir / "report.md").read_text()
    assert "proposed: reset_connection_pool on payment-api" in markdown
