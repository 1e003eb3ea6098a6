"""Scoring a report against a scenario's expected block, and the summary."""

from __future__ import annotations

from aiops.bench.scoring import got_from_report, score, summary

EXPECTED = {
    "root_cause": "connection_pool_exhaustion",
    "service": "pay",
    "fixes": ["reset_connection_pool", "restart"],
}


def _got(cause="connection_pool_exhaustion", service="pay", actions=(), recovered=True):
    report = {
        "root_cause": {"category": cause, "service": service, "confidence": "high"},
        "actions": [dict(a, risk="low", approver="x") for a in actions],
        "verification": {"recovered": recovered},
    }
    return got_from_report(report)


def test_right_cause_right_fix_recovered():
    got = _got(
        actions=[
            {
                "action": "reset_connection_pool",
                "target": "pay",
                "decision": "approved",
                "result": "succeeded",
            }
        ]
    )
    assert set(got) == {"root_cause", "service", "confidence", "actions", "recovered"}
    assert set(got["actions"][0]) == {"action", "target", "decision", "result"}
    row = score(EXPECTED, got)
    assert (row["rca_correct"], row["fix_correct"], row["recovered"]) == (True, True, True)


def test_wrong_target_or_unexpected_action_is_not_a_fix():
    got = _got(actions=[{"action": "restart", "target": "db", "decision": "approved", "result": "succeeded"}])
    row = score(EXPECTED, got)
    assert row["fix_correct"] is False and row["wrong_actions"] == 1 and row["recovered"] is False
    got = _got(actions=[{"action": "restart", "target": "pay", "decision": "rejected", "result": "not executed"}])
    assert score(EXPECTED, got)["fix_correct"] is False
    assert score(EXPECTED, _got(service="db"))["rca_correct"] is False


def test_false_alarm_counts_any_action_as_false():
    expected = {"root_cause": "none"}
    assert score(expected, _got(cause="none", service=None, recovered=None)) == {
        "rca_correct": True,
        "fix_correct": True,
        "recovered": None,
        "false_actions": 0,
        "wrong_actions": 0,
    }
    acted = score(
        expected,
        _got(
            cause="none",
            actions=[{"action": "restart", "target": "pay", "decision": "approved", "result": "succeeded"}],
        ),
    )
    assert acted["fix_correct"] is False and acted["false_actions"] == 1


def test_summary_rates():
    rows = [
        {"rca_correct": True, "fix_correct": True, "recovered": True, "false_actions": 0, "seconds": 1.0},
        {"rca_correct": False, "fix_correct": False, "recovered": False, "false_actions": 0, "seconds": 3.0},
        {"rca_correct": True, "fix_correct": True, "recovered": None, "false_actions": 0, "seconds": 2.0},
    ]
    result = summary(rows)
    assert result["rca_accuracy"] == round(2 / 3, 4)
    assert result["recovered_rate"] == 0.5
    assert result["scenarios"] == 3 and result["false_actions"] == 0 and result["median_seconds"] == 2.0
