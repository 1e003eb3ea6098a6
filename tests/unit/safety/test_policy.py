"""Policy: only catalogue actions, only known targets, clean arguments, approval rules per risk."""

from __future__ import annotations

import pytest

from aiops.core.errors import ConfigError
from aiops.safety import ApprovalRule, Policy, PolicyConfig


def test_catalogue_action_on_known_target_is_allowed_with_catalogue_risk(policy):
    verdict = policy.check("restart", "payment-api")
    assert verdict.allowed and verdict.risk == "low"
    assert verdict.needs_human and not verdict.needs_senior
    assert policy.check("rollback_deployment", "user-api").risk == "medium"


def test_action_outside_the_catalogue_is_refused_and_the_reason_lists_allowed_actions(policy):
    verdict = policy.check("drop_database", "payment-api")
    assert not verdict.allowed
    assert "not in the runbook catalogue" in verdict.reason
    assert "restart" in verdict.reason and "scale_up" in verdict.reason


def test_near_miss_action_gets_a_hint(policy):
    verdict = policy.check("Restart", "payment-api")
    assert not verdict.allowed and "did you mean restart" in verdict.reason


def test_unknown_target_is_refused_and_the_reason_lists_known_targets(policy):
    verdict = policy.check("restart", "billing-api")
    assert not verdict.allowed
    assert "not a known service" in verdict.reason and "payment-api" in verdict.reason


@pytest.mark.parametrize(
    "target",
    [
        "payment-api; rm -rf /",
        "payment-api && curl evil.example",
        "$(reboot)",
        "`id`",
        "payment-api|sh",
        "payment api",
        "payment-api\n",
        "../../etc/passwd",
        "payment-api/../user-api",
        "~root",
        "pаyment-api",  # Cyrillic a: a homoglyph
        "'payment-api'",
        "x" * 65,
        "",
    ],
)
def test_argument_hygiene_rejects_shell_and_path_tricks(policy, target):
    verdict = policy.check("restart", target)
    assert not verdict.allowed
    assert "known targets" in verdict.reason


@pytest.mark.parametrize("value", [None, 3, ["restart"], {"action": "restart"}, b"restart"])
def test_non_string_arguments_are_refused(policy, value):
    assert not policy.check(value, "payment-api").allowed
    assert not policy.check("restart", value).allowed
    assert "must be a string" in policy.check(value, "payment-api").reason


def test_shell_string_in_action_is_refused_before_lookup(policy):
    verdict = policy.check("restart; failover_database", "payment-api")
    assert not verdict.allowed and "not allowed" in verdict.reason


def test_reason_does_not_echo_long_attacker_text(policy):
    verdict = policy.check("restart", "a" * 5000)
    assert len(verdict.reason) < 600


def test_high_risk_needs_a_senior_and_says_so(policy):
    verdict = policy.check("failover_database", "postgres-primary")
    assert verdict.allowed and verdict.risk == "high" and verdict.needs_senior


def test_high_risk_without_configured_seniors_says_it_cannot_be_approved(catalogue):
    verdict = Policy(catalogue, ["postgres-primary"], PolicyConfig()).check(
        "failover_database", "postgres-primary"
    )
    assert verdict.needs_senior and "none is configured" in verdict.reason


def test_rules_per_risk_come_from_config(catalogue):
    config = PolicyConfig(approvals={"low": ApprovalRule(require_human=False)})
    policy = Policy(catalogue, ["payment-api"], config)
    assert not policy.check("restart", "payment-api").needs_human
    assert policy.check("reset_connection_pool", "payment-api").needs_human  # medium keeps its default
    assert policy.check("failover_database", "payment-api").needs_senior  # high keeps its default


def test_catalogue_with_an_invalid_risk_is_a_config_error():
    with pytest.raises(ConfigError, match=r"actions\.nuke\.risk"):
        Policy({"nuke": {"risk": "extreme"}}, ["payment-api"])
