"""Decisions are validated before they touch an incident."""

from dataclasses import dataclass

import pytest

from aiops.core.errors import ConfigError
from aiops.runtime.decisions import Decision, parse_edit, validate


@dataclass
class Verdict:
    allowed: bool
    risk: str | None = "low"
    reason: str = ""
    needs_senior: bool = False


class FakePolicy:
    def check(self, action, target):
        if action not in {"restart", "scale_up", "failover_database"}:
            return Verdict(False, None, f"unknown action {action}")
        if target not in {"payment-api", "postgres"}:
            return Verdict(False, None, f"unknown target {target}")
        return Verdict(True, "high" if action == "failover_database" else "low",
                       needs_senior=action == "failover_database")

    def is_senior(self, who):
        return who == "sam"


REQUEST = {"action": "restart", "target": "payment-api", "proposal_id": "p1"}


def test_parse_edit():
    assert parse_edit("action=scale_up, target=payment-api") == {"action": "scale_up", "target": "payment-api"}
    assert parse_edit("target=postgres") == {"target": "postgres"}


@pytest.mark.parametrize("bad", ["", "action", "action=", "colour=red", "action=a,action=b", "action:x"])
def test_parse_edit_rejects(bad):
    with pytest.raises(ConfigError):
        parse_edit(bad)


def test_reject_needs_reason():
    with pytest.raises(ConfigError, match="reason"):
        validate(Decision("reject", "ann", reason="  "), REQUEST, FakePolicy())


def test_edit_to_unknown_action_refused_before_resume():
    with pytest.raises(ConfigError, match="unknown action"):
        validate(Decision("edit", "ann", action="rm -rf /"), REQUEST, FakePolicy())


def test_edit_fills_missing_fields_from_request():
    d = validate(Decision("edit", "ann", target="postgres"), REQUEST, FakePolicy())
    assert (d.action, d.target) == ("restart", "postgres")


def test_edit_that_changes_nothing_is_refused():
    with pytest.raises(ConfigError, match="changes nothing"):
        validate(Decision("edit", "ann", action="restart"), REQUEST, FakePolicy())


def test_high_risk_needs_senior():
    req = {"action": "failover_database", "target": "postgres", "proposal_id": "p2"}
    with pytest.raises(ConfigError, match="senior"):
        validate(Decision("approve", "ann"), req, FakePolicy())
    assert validate(Decision("approve", "sam"), req, FakePolicy()).action == "failover_database"


def test_approver_required():
    with pytest.raises(ConfigError, match="approver"):
        validate(Decision("approve", " "), REQUEST, FakePolicy())
