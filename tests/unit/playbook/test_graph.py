"""The engine plays the real team graph: delegation order, findings handed on, the approval pause,
resume from the checkpoint alone (a fresh graph, as in another process), verification, the report."""

from __future__ import annotations

import shutil

import yaml
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.types import Command

from aiops.team import default_team_dir, load_team
from tests.unit.playbook.fakes import FakeWorld, build_graph

T0 = "2026-03-04T14:35:00+00:00"


def _world() -> FakeWorld:
    services = [
        {"name": "pay", "kind": "app", "depends_on": ["db"]},
        {"name": "db", "kind": "database", "depends_on": []},
        {"name": "web", "kind": "app", "depends_on": ["pay"]},
    ]
    world = FakeWorld(services=services)
    world.digests["pay"] = {
        "signatures": [{"name": "pool_exhausted", "count": 300, "first_seen": "2026-03-04T14:50:00+00:00"}],
        "by_level": {"INFO": 900, "ERROR": 310},
    }
    world.findings[("pay", "connections")] = {
        "current": 99,
        "baseline": 22,
        "limit": 100,
        "trend": "gradual_climb",
        "change_point": T0,
        "anomalous": True,
    }
    world.findings[("pay", "error_rate")] = {
        "current": 21.0,
        "baseline": 0.4,
        "trend": "sudden_jump",
        "change_point": "2026-03-04T14:50:00+00:00",
        "anomalous": True,
    }
    world.recovered[("pay", "connections")] = {
        "current": 24,
        "baseline": 22,
        "limit": 100,
        "trend": "sudden_drop",
    }
    world.recovered[("pay", "error_rate")] = {"current": 0.5, "baseline": 0.4, "trend": "sudden_drop"}
    return world


def _start(team, world, tmp_path, saver):
    graph = build_graph(team, world, tmp_path, checkpointer=saver)
    config = {"configurable": {"thread_id": "t1"}, "recursion_limit": 200}
    alert = "Incident inc-1, alert received at 2026-03-04T15:00:00+00:00:\n\npay returning 503s; error rate 21%"
    graph.invoke({"messages": [("user", alert)]}, config)
    return graph, config


def test_full_incident_with_approval_and_resume_in_a_fresh_graph(tmp_path):
    team = load_team(default_team_dir())
    world, saver = _world(), InMemorySaver()
    graph, config = _start(team, world, tmp_path, saver)
    pending = graph.get_state(config).interrupts
    assert len(pending) == 1
    request = pending[0].value
    assert (request["action"], request["target"]) == ("reset_connection_pool", "pay")
    order = [name for name, _ in world.calls]
    assert order.index("fetch_logs") < order.index("recent_changes") < order.index("incident_timeline")
    resumed = build_graph(team, world, tmp_path / "again", checkpointer=saver)
    resumed.invoke(Command(resume={pending[0].id: {"type": "approve"}}), config)
    assert world.executed == [("reset_connection_pool", "pay")]
    assert len(world.drafts) == 1
    draft = world.drafts[0]
    assert (draft.root_cause.category, draft.root_cause.service) == ("connection_pool_exhaustion", "pay")
    assert draft.root_cause.evidence and any("pay" in e for e in draft.root_cause.evidence)
    assert "recovered" in draft.verification
    assert not resumed.get_state(config).interrupts


def test_rejections_leave_the_incident_unresolved(tmp_path):
    """After a rejection the remediator proposes one alternative; rejecting that too ends the run."""
    team = load_team(default_team_dir())
    world, saver = _world(), InMemorySaver()
    graph, config = _start(team, world, tmp_path, saver)
    proposed = []
    for _ in range(2):
        pending = graph.get_state(config).interrupts
        proposed.append(pending[0].value["action"])
        graph.invoke(Command(resume={pending[0].id: {"type": "reject", "reason": "not during the sale"}}), config)
    assert proposed == ["reset_connection_pool", "restart"]
    assert world.executed == []
    assert not graph.get_state(config).interrupts
    draft = world.drafts[0]
    assert "rejected" in draft.summary and "not during the sale" in draft.summary


def test_a_communicator_added_by_config_writes_the_status_updates(tmp_path):
    folder = tmp_path / "team-copy"
    shutil.copytree(default_team_dir(), folder)
    spec = yaml.safe_load((folder / "team.yaml").read_text())
    spec["agents"]["sre_communicator"] = {
        "description": "Drafts a customer-facing status update and an internal summary once the incident is handled.",
        "model": "strong",
        "system_prompt": "You write calm, plain status updates.",
        "tools": [],
    }
    (folder / "team.yaml").write_text(yaml.safe_dump(spec, sort_keys=False))
    team = load_team(folder)
    world, saver = _world(), InMemorySaver()
    graph, config = _start(team, world, tmp_path, saver)
    pending = graph.get_state(config).interrupts
    graph.invoke(Command(resume={pending[0].id: {"type": "approve"}}), config)
    draft = world.drafts[0]
    assert draft.communications and any("pay" in c for c in draft.communications)
    assert not any("connection_pool_exhaustion" in c for c in draft.communications[:1])


def test_false_alarm_takes_no_action(tmp_path):
    team = load_team(default_team_dir())
    world = FakeWorld(services=_world().services)
    graph, config = _start(team, world, tmp_path, InMemorySaver())
    assert not graph.get_state(config).interrupts
    assert world.executed == []
    assert world.drafts[0].root_cause.category == "none"


def test_a_new_runbook_action_is_used_once_the_knowledge_names_it(tmp_path):
    folder = tmp_path / "team-copy"
    shutil.copytree(default_team_dir(), folder)
    runbooks = folder / "skills/remediation/runbooks.yaml"
    data = yaml.safe_load(runbooks.read_text())
    data["actions"]["drain_pool"] = {
        "risk": "low",
        "when": "leaked connections",
        "impact": "none",
        "recovery_time": "seconds",
        "rollback": "none",
        "effect": "reset_pool",
        "fixes": ["connection_pool_exhaustion"],
    }
    runbooks.write_text(yaml.safe_dump(data, sort_keys=False))
    modes = folder / "skills/diagnostics/failure_modes.yaml"
    knowledge = yaml.safe_load(modes.read_text())
    knowledge["failure_modes"]["connection_leak"]["remedies"].insert(0, "drain_pool")
    modes.write_text(yaml.safe_dump(knowledge, sort_keys=False))
    graph, config = _start(load_team(folder), _world(), tmp_path, InMemorySaver())
    request = graph.get_state(config).interrupts[0].value
    assert (request["action"], request["target"]) == ("drain_pool", "pay")
