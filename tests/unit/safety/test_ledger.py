"""Bound approvals: one exact action + target + incident, keyed digest, single use, expiry, seniors."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest

from aiops.safety import (
    ApprovalCrossIncidentError,
    ApprovalExpiredError,
    ApprovalInFlightError,
    ApprovalLedger,
    ApprovalMismatchError,
    ApprovalNotFoundError,
    ApprovalNotSeniorError,
    ApprovalReplayedError,
    ApprovalRule,
    ApprovalStateError,
    ApprovalTamperedError,
    Policy,
    PolicyConfig,
    PolicyRefusedError,
    read_entries,
)

from .conftest import TARGETS

INC = "INC-1"


def _approved(ledger, action="restart", target="payment-api", incident=INC, call="call-1", approver="sam"):
    proposal = ledger.propose(incident, action, target, tool_call_id=call)
    return proposal, ledger.approve(proposal.id, approver=approver)


def _claim(ledger, approval, *, incident=INC, action="restart", target="payment-api", **kw):
    return ledger.claim(approval.token, incident_id=incident, action=action, target=target, **kw)


def _sql(ledger_path, statement, *params):
    conn = sqlite3.connect(ledger_path)
    with conn:
        conn.execute(statement, params)
    conn.close()


# --- the happy path (proves the refusals below are not vacuous) -----------------------------
def test_a_matching_approval_is_claimed_once_and_its_result_recorded(ledger):
    proposal, approval = _approved(ledger)
    assert approval.state == "approved" and approval.action == "restart" and approval.target == "payment-api"
    claimed = _claim(ledger, approval)
    assert claimed.state == "executing" and claimed.id == approval.id
    ledger.record_result(approval.id, {"ok": True, "message": "restarted"})
    assert ledger.result_for(approval.id) == {"ok": True, "message": "restarted"}
    assert ledger.get_proposal(proposal.id).status == "approved"


def test_claim_by_id_alone_works_and_checks_the_stored_digest(ledger):
    _, approval = _approved(ledger)
    assert (
        ledger.claim(approval.id, incident_id=INC, action="restart", target="payment-api").state
        == "executing"
    )


# --- refusals ------------------------------------------------------------------------------
def test_replayed_approval_is_refused(ledger):
    _, approval = _approved(ledger)
    _claim(ledger, approval)
    ledger.record_result(approval.id, {"ok": True})
    with pytest.raises(ApprovalReplayedError, match="already used"):
        _claim(ledger, approval)


def test_second_claim_while_executing_is_refused_as_in_flight(ledger):
    _, approval = _approved(ledger)
    _claim(ledger, approval)
    with pytest.raises(ApprovalInFlightError) as info:
        _claim(ledger, approval)
    assert info.value.approval_id == approval.id


def test_cross_incident_approval_is_refused(ledger):
    _, approval = _approved(ledger, incident="INC-1")
    with pytest.raises(ApprovalCrossIncidentError):
        _claim(ledger, approval, incident="INC-2")
    assert ledger.get_approval(approval.id).state == "approved"  # a refused claim uses nothing


@pytest.mark.parametrize(
    ("action", "target"),
    [("scale_up", "payment-api"), ("restart", "user-api"), ("failover_database", "postgres-primary")],
)
def test_approval_for_another_action_or_target_is_refused(ledger, action, target):
    _, approval = _approved(ledger)
    with pytest.raises(ApprovalMismatchError):
        _claim(ledger, approval, action=action, target=target)


def test_approval_for_another_proposal_is_refused_when_the_proposal_is_given(ledger):
    _, approval = _approved(ledger, call="call-1")
    other = ledger.propose(INC, "restart", "payment-api", tool_call_id="call-2")
    with pytest.raises(ApprovalMismatchError):
        _claim(ledger, approval, proposal_id=other.id)


def test_expired_approval_is_refused(ledger, clock, config):
    _, approval = _approved(ledger)
    clock.advance(minutes=config.approval_ttl_minutes, seconds=1)
    with pytest.raises(ApprovalExpiredError):
        _claim(ledger, approval)


def test_approval_is_valid_until_just_before_expiry(ledger, clock, config):
    _, approval = _approved(ledger)
    clock.advance(minutes=config.approval_ttl_minutes, seconds=-1)
    assert _claim(ledger, approval).state == "executing"


def test_custom_ttl(ledger, clock):
    proposal = ledger.propose(INC, "restart", "payment-api", tool_call_id="c")
    approval = ledger.approve(proposal.id, approver="sam", ttl=timedelta(seconds=30))
    clock.advance(seconds=31)
    with pytest.raises(ApprovalExpiredError):
        _claim(ledger, approval)


def test_approval_row_edited_in_the_database_is_refused_as_tampered(ledger, state_dir):
    _, approval = _approved(ledger)
    _sql(
        state_dir / "approvals.sqlite",
        "UPDATE approvals SET action='failover_database', target='postgres-primary' WHERE id=?",
        approval.id,
    )
    with pytest.raises(ApprovalTamperedError):
        ledger.claim(approval.id, incident_id=INC, action="failover_database", target="postgres-primary")


def test_expiry_extended_in_the_database_is_refused_as_tampered(ledger, state_dir, clock):
    _, approval = _approved(ledger)
    _sql(
        state_dir / "approvals.sqlite",
        "UPDATE approvals SET expires_at='2999-01-01T00:00:00+00:00' WHERE id=?",
        approval.id,
    )
    clock.advance(days=1)
    with pytest.raises(ApprovalTamperedError):
        _claim(ledger, approval)


def test_incident_moved_in_the_database_is_refused_as_tampered(ledger, state_dir):
    _, approval = _approved(ledger, incident="INC-1")
    _sql(state_dir / "approvals.sqlite", "UPDATE approvals SET incident_id='INC-2' WHERE id=?", approval.id)
    with pytest.raises(ApprovalTamperedError):
        _claim(ledger, approval, incident="INC-2")


def test_forged_approval_row_is_refused_as_tampered(ledger, state_dir):
    proposal = ledger.propose(INC, "restart", "payment-api", tool_call_id="c")
    forged = "apv_" + "ab" * 12
    _sql(
        state_dir / "approvals.sqlite",
        "INSERT INTO approvals (id, proposal_id, incident_id, action, target, risk, approver, senior,"
        " created_at,"
        " expires_at, digest, state) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        forged,
        proposal.id,
        INC,
        "restart",
        "payment-api",
        "low",
        "sam",
        0,
        "2025-01-06T12:00:00+00:00",
        "2025-01-06T13:00:00+00:00",
        "0" * 64,
        "approved",
    )
    with pytest.raises(ApprovalTamperedError):
        ledger.claim(forged, incident_id=INC, action="restart", target="payment-api")


def test_token_with_a_wrong_digest_is_refused_as_tampered(ledger):
    _, approval = _approved(ledger)
    bad = approval.id + "." + ("0" if approval.digest[0] != "0" else "1") + approval.digest[1:]
    with pytest.raises(ApprovalTamperedError):
        ledger.claim(bad, incident_id=INC, action="restart", target="payment-api")


def test_digest_of_one_approval_does_not_unlock_another(ledger):
    _, first = _approved(ledger, call="c1")
    _, second = _approved(ledger, call="c2")
    with pytest.raises(ApprovalTamperedError):
        ledger.claim(f"{second.id}.{first.digest}", incident_id=INC, action="restart", target="payment-api")


def test_database_copied_to_another_state_folder_is_refused(ledger, state_dir, tmp_path, policy):
    from aiops.safety import load_or_create_secret

    _, approval = _approved(ledger)
    other = ApprovalLedger(
        state_dir / "approvals.sqlite", secret=load_or_create_secret(tmp_path / "other"), policy=policy
    )
    with pytest.raises(ApprovalTamperedError):
        _claim(other, approval)


@pytest.mark.parametrize("token", ["", "nonsense", "apv_zz", "apv_" + "0" * 24, None, 42])
def test_unknown_or_malformed_tokens_are_refused(ledger, token):
    with pytest.raises((ApprovalNotFoundError, ApprovalTamperedError)):
        ledger.claim(token, incident_id=INC, action="restart", target="payment-api")


# --- seniors, edits, rejections --------------------------------------------------------------
def test_high_risk_approval_by_a_non_senior_is_refused(ledger):
    proposal = ledger.propose(INC, "failover_database", "postgres-primary", tool_call_id="c")
    assert proposal.needs_senior
    with pytest.raises(ApprovalNotSeniorError):
        ledger.approve(proposal.id, approver="sam")
    assert ledger.get_proposal(proposal.id).status == "pending"
    approval = ledger.approve(proposal.id, approver="dana")
    assert approval.senior
    assert (
        _claim(ledger, approval, action="failover_database", target="postgres-primary").state == "executing"
    )


def test_senior_removed_from_config_cannot_claim_a_high_risk_approval(ledger, state_dir, catalogue, clock):
    proposal = ledger.propose(INC, "failover_database", "postgres-primary", tool_call_id="c")
    approval = ledger.approve(proposal.id, approver="dana")
    from aiops.safety import load_or_create_secret

    stricter = ApprovalLedger(
        state_dir / "approvals.sqlite",
        secret=load_or_create_secret(state_dir),
        policy=Policy(catalogue, TARGETS, PolicyConfig(senior_approvers=["erin"])),
        clock=clock,
    )
    with pytest.raises(ApprovalNotSeniorError):
        _claim(stricter, approval, action="failover_database", target="postgres-primary")


def test_edit_is_a_new_approval_of_the_edited_action(ledger):
    proposal = ledger.propose(INC, "restart", "payment-api", tool_call_id="c")
    approval = ledger.approve(proposal.id, approver="sam", action="scale_up")
    edited = ledger.get_proposal(proposal.id)
    assert edited.status == "edited" and (edited.final_action, edited.final_target) == (
        "scale_up",
        "payment-api",
    )
    assert (edited.action, edited.target) == ("restart", "payment-api")  # what the agent asked stays recorded
    with pytest.raises(ApprovalMismatchError):
        _claim(ledger, approval)  # the original action is not approved
    assert _claim(ledger, approval, action="scale_up").state == "executing"


def test_edit_to_an_action_outside_the_policy_is_refused(ledger):
    proposal = ledger.propose(INC, "restart", "payment-api", tool_call_id="c")
    with pytest.raises(PolicyRefusedError):
        ledger.approve(proposal.id, approver="sam", action="drop_database")
    with pytest.raises(PolicyRefusedError):
        ledger.approve(proposal.id, approver="sam", target="payment-api; rm -rf /")


def test_edit_to_high_risk_needs_a_senior(ledger):
    proposal = ledger.propose(INC, "restart", "postgres-primary", tool_call_id="c")
    with pytest.raises(ApprovalNotSeniorError):
        ledger.approve(proposal.id, approver="sam", action="failover_database")


def test_rejected_proposal_cannot_be_approved(ledger):
    proposal = ledger.propose(INC, "restart", "payment-api", tool_call_id="c")
    rejected = ledger.reject(proposal.id, approver="sam", reason="not the cause")
    assert rejected.status == "rejected" and rejected.decision_reason == "not the cause"
    with pytest.raises(ApprovalStateError):
        ledger.approve(proposal.id, approver="sam")
    assert ledger.approvals(INC) == []


def test_approved_proposal_cannot_be_rejected_or_approved_for_something_else(ledger):
    proposal, _ = _approved(ledger)
    with pytest.raises(ApprovalStateError):
        ledger.reject(proposal.id, approver="sam", reason="changed my mind")
    with pytest.raises(ApprovalStateError):
        ledger.approve(proposal.id, approver="sam", action="scale_up")


def test_repeating_the_same_approval_returns_the_same_one(ledger):
    proposal, approval = _approved(ledger)
    assert ledger.approve(proposal.id, approver="sam").id == approval.id


def test_expired_unused_approval_can_be_renewed(ledger, clock, config):
    proposal, first = _approved(ledger)
    clock.advance(minutes=config.approval_ttl_minutes + 1)
    second = ledger.approve(proposal.id, approver="sam")
    assert second.id != first.id
    with pytest.raises(ApprovalExpiredError):
        _claim(ledger, first)
    assert _claim(ledger, second).state == "executing"


@pytest.mark.parametrize("approver", ["", "policy:auto", "a\nb", "x" * 101, None])
def test_approver_names_are_validated(ledger, approver):
    proposal = ledger.propose(INC, "restart", "payment-api", tool_call_id="c")
    with pytest.raises(ApprovalStateError):
        ledger.approve(proposal.id, approver=approver)


def test_auto_approval_needs_a_policy_that_allows_it(ledger, state_dir, catalogue, clock):
    proposal = ledger.propose(INC, "restart", "payment-api", tool_call_id="c")
    with pytest.raises(ApprovalStateError):
        ledger.auto_approve(proposal.id)
    from aiops.safety import load_or_create_secret

    lenient = ApprovalLedger(
        state_dir / "approvals.sqlite",
        secret=load_or_create_secret(state_dir),
        clock=clock,
        policy=Policy(catalogue, TARGETS, PolicyConfig(approvals={"low": ApprovalRule(require_human=False)})),
    )
    approval = lenient.auto_approve(proposal.id)
    assert approval.approver == "policy:auto"
    other = lenient.propose(INC, "reset_connection_pool", "payment-api", tool_call_id="c")
    with pytest.raises(ApprovalStateError):
        lenient.auto_approve(other.id)  # medium risk still needs a human


# --- proposals -----------------------------------------------------------------------------
def test_propose_is_idempotent_per_tool_call(ledger):
    first = ledger.propose(INC, "restart", "payment-api", tool_call_id="c1")
    assert ledger.propose(INC, "restart", "payment-api", tool_call_id="c1").id == first.id
    assert ledger.propose(INC, "restart", "payment-api", tool_call_id="c2").id != first.id
    assert ledger.propose("INC-2", "restart", "payment-api", tool_call_id="c1").id != first.id
    assert len(ledger.proposals(INC)) == 2


def test_propose_rechecks_the_policy(ledger):
    with pytest.raises(PolicyRefusedError):
        ledger.propose(INC, "drop_database", "payment-api", tool_call_id="c")
    with pytest.raises(PolicyRefusedError):
        ledger.propose(INC, "restart", "evil-api", tool_call_id="c")
    with pytest.raises(PolicyRefusedError, match="low risk"):
        ledger.propose(INC, "restart", "payment-api", "medium", tool_call_id="c")


def test_proposal_reason_is_redacted(ledger):
    proposal = ledger.propose(
        INC, "restart", "payment-api", tool_call_id="c", reason="db password=hunter2 leaked"
    )
    assert "hunter2" not in proposal.reason


# --- results and the exactly-once protocol -------------------------------------------------------
def test_result_cannot_be_recorded_without_a_claim(ledger):
    _, approval = _approved(ledger)
    with pytest.raises(ApprovalStateError):
        ledger.record_result(approval.id, {"ok": True})


def test_first_recorded_result_wins(ledger):
    _, approval = _approved(ledger)
    _claim(ledger, approval)
    ledger.record_result(approval.id, {"ok": True, "message": "first"})
    ledger.record_result(approval.id, {"ok": False, "message": "second"})
    assert ledger.result_for(approval.id)["message"] == "first"


def test_result_is_redacted(ledger):
    _, approval = _approved(ledger)
    _claim(ledger, approval)
    ledger.record_result(approval.id, {"ok": True, "message": "done, token=abcdef123456"})
    assert "abcdef123456" not in str(ledger.result_for(approval.id))


def test_resume_after_crash_between_claim_and_result(ledger):
    _, approval = _approved(ledger)
    _claim(ledger, approval)  # ... the process dies here
    assert ledger.result_for(approval.id) is None
    assert [a.id for a in ledger.in_flight(INC)] == [approval.id]
    resumed = _claim(ledger, approval, resume=True)
    assert resumed.resumed and resumed.id == approval.id
    ledger.record_result(approval.id, {"ok": True})
    assert ledger.in_flight(INC) == []
    with pytest.raises(ApprovalReplayedError):
        _claim(ledger, approval, resume=True)  # done is done, even with resume


def test_resume_does_not_bypass_the_binding(ledger):
    _, approval = _approved(ledger)
    _claim(ledger, approval)
    with pytest.raises(ApprovalMismatchError):
        _claim(ledger, approval, target="user-api", resume=True)
    with pytest.raises(ApprovalCrossIncidentError):
        _claim(ledger, approval, incident="INC-9", resume=True)


def test_decisions_are_audited(ledger, state_dir):
    _, approval = _approved(ledger)
    other = ledger.propose(INC, "scale_up", "payment-api", tool_call_id="c9")
    ledger.reject(other.id, approver="sam", reason="not needed")
    entries = read_entries(state_dir / "audit.jsonl", INC)
    kinds = [(entry["kind"], entry.get("decision")) for entry in entries]
    assert kinds == [
        ("proposal", None),
        ("decision", "approved"),
        ("proposal", None),
        ("decision", "rejected"),
    ]
    assert entries[1]["approver"] == "sam" and entries[1]["approval_id"] == approval.id
    assert entries[3]["reason"] == "not needed"
