"""The terminal approval prompt: approve, edit, reject with a reason, pause; no TTY means pause."""

from __future__ import annotations

import io

import pytest

from aiops.cli import _incident
from aiops.cli._incident import make_decider

REQUEST = {"incident_id": "inc-1", "proposal_id": "p1", "action": "restart", "target": "payment-api", "risk": "low",
           "reason": "leak", "impact": "10-30 s", "recovery_time": "1-2 min", "rollback": "none"}


@pytest.fixture
def tty(monkeypatch):
    monkeypatch.setattr(_incident, "interactive", lambda: True)
    monkeypatch.setattr("sys.stderr", io.StringIO())

    def answers(*lines):
        feed = iter(lines)
        monkeypatch.setattr("builtins.input", lambda prompt="": next(feed))

    return answers


def test_approve(tty):
    tty("a")
    assert make_decider("ask", "ann")(REQUEST).kind == "approve"


def test_reject_asks_for_a_reason_until_given(tty):
    tty("r", "", "r", "freeze")
    decision = make_decider("ask", "ann")(REQUEST)
    assert (decision.kind, decision.reason) == ("reject", "freeze")


def test_edit_retries_on_a_bad_spec(tty):
    tty("e", "nonsense", "e", "action=scale_up")
    decision = make_decider("ask", "ann")(REQUEST)
    assert (decision.kind, decision.action, decision.target) == ("edit", "scale_up", None)


def test_pause(tty):
    tty("p")
    assert make_decider("ask", "ann")(REQUEST) is None


def test_no_terminal_pauses(monkeypatch):
    monkeypatch.setattr(_incident, "interactive", lambda: False)
    assert make_decider("ask", "ann")(REQUEST) is None


def test_scripted_modes():
    assert make_decider("all", "ann")(REQUEST).kind == "approve"
    rejected = make_decider("none", "ann")(REQUEST)
    assert rejected.kind == "reject" and rejected.reason


def test_approver_name_order(monkeypatch):
    monkeypatch.setenv("AIOPS_APPROVER", "env-person")
    assert _incident.approver_name("flag-person") == "flag-person"
    assert _incident.approver_name(None) == "env-person"
