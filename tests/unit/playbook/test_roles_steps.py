"""Role steps on hand-built conversations: the engine decides from the messages alone (stateless),
so a conversation rebuilt from a checkpoint gets the same next step."""

from __future__ import annotations

from pathlib import Path

from langchain_core.messages import AIMessage, HumanMessage, SystemMessage, ToolMessage

from aiops.agents.playbook import blocks
from aiops.agents.playbook.conversation import parse_messages
from aiops.agents.playbook.orchestrator import step as orchestrate
from aiops.agents.playbook.remediator import step as remediate
from aiops.agents.playbook.roles import Role
from aiops.agents.playbook.setup import AgentSetup, Teammate
from aiops.team import default_team_dir

SKILL = "/team/skills/fixer/remediation/SKILL.md"
DATA = "/team/skills/fixer/remediation/runbooks.yaml"
REMEDIATION = default_team_dir() / "skills/remediation"


def _read(path: str) -> str:
    local = REMEDIATION / Path(path).name
    text = local.read_text()
    return f"@@ lines 1-{text.count(chr(10))} of {text.count(chr(10))} @@\n{text}"


def _diagnosis(category: str = "connection_pool_exhaustion", confidence: str = "high") -> str:
    block = {
        "root_cause": {
            "category": category,
            "service": "svc-a",
            "confidence": confidence,
            "evidence": ["connections 99/100"],
        },
        "recommended_actions": ["reset_connection_pool", "restart"],
        "verify": {"service": "svc-a", "metrics": {"error_rate": {"baseline": 0.3, "peak": 20.0}}},
    }
    return f"Alert: svc-a 503s\nAffected service: svc-a\n\n{blocks.render_block(block)}"


def _messages(task: str, *rounds: list[tuple[str, dict, str, dict | None]]):
    messages = [SystemMessage(f"skills\n  -> Read `{SKILL}` for full instructions"), HumanMessage(task)]
    for n, calls in enumerate(rounds):
        ids = [f"c{n}-{i}" for i in range(len(calls))]
        messages.append(
            AIMessage(
                "",
                tool_calls=[
                    {"name": c[0], "args": c[1], "id": i, "type": "tool_call"} for c, i in zip(calls, ids, strict=True)
                ],
            )
        )
        messages += [ToolMessage(c[2], tool_call_id=i, artifact=c[3]) for c, i in zip(calls, ids, strict=True)]
    return parse_messages(messages)


SETUP = AgentSetup(agent="fixer", role=Role.REMEDIATOR, tools=("execute_remediation", "query_metrics"))
READS = [
    [("read_file", {"file_path": SKILL}, _read(SKILL), None)],
    [("read_file", {"file_path": DATA}, _read(DATA), None)],
]


def _exec(action: str, decision: str, result: str) -> list:
    artifact = {"action": action, "target": "svc-a", "risk": "medium", "decision": decision, "result": result}
    return [("execute_remediation", {"action": action, "target": "svc-a"}, decision.upper(), artifact)]


def test_remediator_requests_the_preferred_action_with_a_plan():
    reply = remediate(_messages(_diagnosis(), *READS), SETUP)
    assert [c["name"] for c in reply.calls] == ["execute_remediation"]
    assert reply.calls[0]["args"]["action"] == "reset_connection_pool"
    assert all(word in reply.text for word in ("risk", "impact", "rollback", "approval"))


def test_remediator_proposes_one_alternative_after_a_policy_refusal_or_a_rejection():
    refused = remediate(_messages(_diagnosis(), *READS, _exec("reset_connection_pool", "refused", "blocked")), SETUP)
    assert refused.calls[0]["args"]["action"] == "restart"
    first = _exec("reset_connection_pool", "rejected", "not executed")
    again = remediate(_messages(_diagnosis(), *READS, first), SETUP)
    assert again.calls[0]["args"]["action"] == "restart"
    rejected = remediate(_messages(_diagnosis(), *READS, first, _exec("restart", "rejected", "not executed")), SETUP)
    assert rejected.calls == []
    block = blocks.latest(blocks.find_blocks(rejected.text), "remediation")
    assert block["decision"] == "rejected" and block["verified"] is None


def test_remediator_verifies_after_execution_and_reports_recovery():
    executed = _exec("reset_connection_pool", "approved", "succeeded")
    check = remediate(_messages(_diagnosis(), *READS, executed), SETUP)
    assert [(c["name"], c["args"]["metric"]) for c in check.calls] == [("query_metrics", "error_rate")]
    finding = {"service": "svc-a", "metric": "error_rate", "finding": {"current": 0.4, "baseline": 0.35}}
    answer = [("query_metrics", {"service": "svc-a", "metric": "error_rate"}, "ok", finding)]
    done = remediate(_messages(_diagnosis(), *READS, executed, answer), SETUP)
    block = blocks.latest(blocks.find_blocks(done.text), "remediation")
    assert done.calls == [] and block["verified"] is True and block["result"] == "succeeded"


def test_remediator_does_not_act_on_none_or_low_confidence():
    for task in (_diagnosis(category="none"), _diagnosis(confidence="low")):
        reply = remediate(_messages(task, *READS), SETUP)
        assert reply.calls == [] and blocks.latest(blocks.find_blocks(reply.text), "remediation")["action"] is None


def test_orchestrator_skips_remediation_for_a_false_alarm_and_resubmits_on_a_vocabulary_error():
    mates = (Teammate("a", Role.ANALYST, ""), Teammate("d", Role.DIAGNOSTICIAN, ""), Teammate("r", Role.REMEDIATOR, ""))
    setup = AgentSetup(
        agent="boss",
        role=Role.ORCHESTRATOR,
        tools=("submit_report", "task"),
        teammates=mates,
        offered=frozenset({"task", "submit_report"}),
    )
    none = blocks.render_block({"root_cause": {"category": "none", "service": None, "confidence": "high"}})
    task = "Incident x, alert received at t:\n\nsvc-a slow"
    rounds = [
        [("task", {"subagent_type": "a", "description": "."}, "found nothing", None)],
        [("task", {"subagent_type": "d", "description": "."}, none, None)],
    ]
    reply = orchestrate(_messages(task, *rounds), setup)
    assert reply.calls[0]["name"] == "submit_report"
    assert reply.calls[0]["args"]["root_cause"]["category"] == "none"
    error = "error: root_cause.category 'none' is not in the vocabulary; use one of: healthy, broken. Submit again."
    retry = orchestrate(_messages(task, *rounds, [("submit_report", reply.calls[0]["args"], error, None)]), setup)
    assert retry.calls[0]["args"]["root_cause"]["category"] in ("healthy", "broken")
    final = orchestrate(_messages(task, *rounds, [("submit_report", {}, "report recorded", None)]), setup)
    assert final.calls == [] and "no_action" in final.text


def test_an_engine_failure_ends_the_turn_instead_of_crashing_the_incident(monkeypatch):
    from aiops.agents.playbook import remediator
    from aiops.agents.playbook.model import PlaybookChatModel

    def broken(conv, setup):
        raise KeyError("surprise")

    monkeypatch.setattr(remediator, "step", broken)
    model = PlaybookChatModel(setup=SETUP)
    reply = model.invoke([HumanMessage(_diagnosis())])
    assert reply.tool_calls == [] and "could not continue" in reply.content
