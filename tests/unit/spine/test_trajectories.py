"""Full trajectories through the real graph, driven by scripted models (issue 2's tests)."""

from __future__ import annotations

import json

import pytest
from langchain_core.messages import ToolMessage

from aiops.runtime.decisions import Decision
from aiops.runtime.pause import pause_announced
from tests.snapshot import assert_snapshot
from tests.unit.spine.harness import (
    ANALYST_BLOCK,
    DIAGNOSIS_BLOCK,
    run_incident,
    sandbox_actions,
    system_text,
    team_models,
)

APPROVE = lambda request: Decision("approve", "ann")  # noqa: E731
PAUSE = lambda request: None  # noqa: E731


def test_delegation_passes_context_between_steps():
    run = run_incident(APPROVE)
    diag_request = run.models["sre_diagnostician"].requests[0]
    rem_request = run.models["sre_remediator"].requests[0]
    assert ANALYST_BLOCK in diag_request[-1].content
    assert DIAGNOSIS_BLOCK in rem_request[-1].content
    delegated = [c["args"]["subagent_type"] for m in run.models["ops_manager"].requests[-1]
                 for c in getattr(m, "tool_calls", []) if c["name"] == "task"]
    assert delegated == ["sre_log_analyst", "sre_diagnostician", "sre_remediator"]


def test_rendered_prompts_carry_skills_and_memory_and_are_snapshotted():
    run = run_incident(APPROVE)
    expected_skill = {"sre_log_analyst": "log-analysis", "sre_diagnostician": "diagnostics",
                      "sre_remediator": "remediation"}
    for name, model in run.models.items():
        text = system_text(model)
        assert "<team_memory>" in text and "payment-api" in text, name
        if name in expected_skill:
            assert f"/team/skills/{name}/{expected_skill[name]}/SKILL.md" in text
        assert_snapshot(f"prompt_{name}.txt", text)
        assert_snapshot(f"tools_{name}.json", model.bound_tools)


def test_orchestrator_sees_every_delegate_and_no_general_purpose_agent():
    run = run_incident(APPROVE)
    tools = {t["function"]["name"]: t for t in run.models["ops_manager"].bound_tools}
    task_doc = tools["task"]["function"]["description"]
    for name in ("sre_log_analyst", "sre_diagnostician", "sre_remediator"):
        assert name in task_doc
    assert "general-purpose" not in task_doc
    assert "execute" not in tools and "execute_remediation" not in tools
    assert "submit_report" in tools


def test_approve_executes_exactly_the_approved_action_once():
    run = run_incident(APPROVE)
    actions = sandbox_actions(run)
    assert [(a["action"], a["target"]) for a in actions] == [("reset_connection_pool", "payment-api")]
    report = run.outcome.report
    assert [(a.action, a.decision, a.result) for a in report.actions] == [
        ("reset_connection_pool", "approved", "succeeded")]
    assert report.verification.recovered is True
    assert run.outcome.status == "resolved" and run.outcome.exit_code == 0
    saved = json.loads((run.session.dir / "report.json").read_text())
    assert saved["root_cause"]["category"] == "connection_pool_exhaustion"
    assert (run.session.dir / "report.md").read_text().startswith("# payment-api connection pool exhausted")


def test_reject_reaches_the_agent_and_nothing_runs():
    run = run_incident(lambda r: Decision("reject", "ann", reason="change freeze until 18:00"))
    assert sandbox_actions(run) == []
    after = run.models["sre_remediator"].requests[1]
    tool_msgs = [m for m in after if isinstance(m, ToolMessage)]
    assert "change freeze until 18:00" in tool_msgs[-1].content
    assert "REJECTED" in tool_msgs[-1].content
    assert run.outcome.status == "unresolved" and run.outcome.exit_code == 4
    assert run.outcome.report.actions[0].decision == "rejected"


def test_edit_executes_the_edited_action():
    run = run_incident(lambda r: Decision("edit", "ann", action="restart"))
    assert [(a["action"], a["target"]) for a in sandbox_actions(run)] == [("restart", "payment-api")]
    rows = run.outcome.report.actions
    assert (rows[0].action, rows[0].decision) == ("restart", "edited")


def test_pause_records_awaiting_approval_and_pending_request():
    run = run_incident(PAUSE)
    assert run.outcome.status == "awaiting_approval" and run.outcome.exit_code == 3
    (request,) = run.outcome.pending
    assert (request["action"], request["target"], request["risk"]) == ("reset_connection_pool", "payment-api", "medium")
    assert run.store.get(run.record.id).status == "awaiting_approval"
    assert sandbox_actions(run) == []


def test_a_pause_is_saved_with_the_requests_it_waits_on():
    """The record never says `awaiting_approval` without the approval it waits on: a reader polling the
    service between two saves saw the status with no pending request. The runner saves both at once;
    the service's announcement marks them announced."""
    run = run_incident(PAUSE)
    stored = run.store.get(run.record.id)
    (note,) = stored.notes["pending"]
    assert (note["proposal_id"], note["action"], note["announced"]) == (
        run.outcome.pending[0]["proposal_id"], "reset_connection_pool", False)
    assert note["waiting_since"]
    assert not pause_announced(stored.notes)
    assert pause_announced({"pending": [{**note, "announced": True}]})
    assert pause_announced({"pending": [{"proposal_id": "p1"}]}), "a pause recorded before the flag was announced"
    assert not pause_announced({})


def test_policy_refuses_unlisted_action_before_any_human_sees_it():
    asked = []
    models = team_models(action="drop_database")
    run = run_incident(lambda r: asked.append(r) or Decision("approve", "ann"), models=models)
    assert asked == [] and sandbox_actions(run) == []
    refusal = [m for m in run.models["sre_remediator"].requests[1] if isinstance(m, ToolMessage)][-1]
    assert "REFUSED by policy" in refusal.content
    assert run.outcome.report.actions[0].decision == "refused"


@pytest.mark.parametrize("target", ["payment-api; rm -rf /", "../etc", "unknown-svc"])
def test_policy_refuses_bad_targets(target):
    run = run_incident(APPROVE, models=team_models(target=target))
    assert sandbox_actions(run) == []
