"""The packaged default team: agents, routing, models, tools, skills, memory and prompt contracts."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from aiops.team import default_team_dir, load_team
from aiops.team.model import Team
from tests.unit.team.helpers import cli

SPECIALISTS = ("sre_log_analyst", "sre_diagnostician", "sre_remediator")


@pytest.fixture(scope="module")
def team() -> Team:
    return load_team()


def test_shape(team: Team) -> None:
    assert team.dir == default_team_dir()
    assert team.orchestrator == "ops_manager"
    assert team.delegates == SPECIALISTS
    assert [view.role for view in team.agents.values()] == [
        "orchestrator",
        "delegate",
        "delegate",
        "delegate",
    ]


def test_tools_per_agent(team: Team) -> None:
    assert team.agents["ops_manager"].tools == ("list_services", "recent_changes", "incident_timeline")
    assert team.agents["sre_log_analyst"].tools == ("fetch_logs", "query_metrics", "service_state")
    assert team.agents["sre_diagnostician"].tools == ("query_metrics", "recent_changes", "incident_timeline",
                                                      "service_state", "search_past_incidents")
    assert team.agents["sre_remediator"].tools == ("execute_remediation", "query_metrics")
    assert all("execute_remediation" not in v.tools for n, v in team.agents.items() if n != "sre_remediator")


def test_model_tiers(team: Team) -> None:
    tiers = {name: view.model_tier for name, view in team.agents.items()}
    assert tiers == {
        "ops_manager": "strong",
        "sre_log_analyst": "fast",
        "sre_diagnostician": "strong",
        "sre_remediator": "strong",
    }
    for view in team.agents.values():
        assert view.model == team.spec.models[view.model_tier]
        assert re.match(r"^[a-z_]+:\S+$", view.model)


def test_routing_descriptions(team: Team) -> None:
    assert "first" in team.agents["sre_log_analyst"].description.lower()
    assert "after log analysis" in team.agents["sre_diagnostician"].description.lower()
    assert "execute" in team.agents["sre_remediator"].description.lower()


def test_skills_and_memory_are_resolved_inside_the_team_folder(team: Team) -> None:
    expected = {
        "sre_log_analyst": "log-analysis",
        "sre_diagnostician": "diagnostics",
        "sre_remediator": "remediation",
    }
    for agent, skill in expected.items():
        (ref,) = team.agents[agent].skills
        assert ref.name == skill
        assert ref.path == team.dir / "skills" / skill
        assert ref.path.is_absolute()
        assert ref.skill_md.is_file()
        assert len(ref.description) > 40
    for view in team.agents.values():
        assert view.memory == (team.dir / "AGENTS.md",)
    assert team.skills_root == team.dir / "skills"


def test_skill_front_matter_and_bodies(team: Team) -> None:
    data_files = {
        "log-analysis": "signatures.yaml",
        "diagnostics": "failure_modes.yaml",
        "remediation": "runbooks.yaml",
    }
    for name, skill in team.skills.items():
        text = skill.skill_md.read_text(encoding="utf-8")
        front = yaml.safe_load(text.split("---")[1])
        assert front["name"] == name == skill.path.name
        assert front["description"].strip()
        body = text.split("---", 2)[2]
        assert len(body.split()) > 300, f"{name} body is too thin"
        assert data_files[name] in body, f"{name} SKILL.md must point at its data file"


def test_skill_bodies_carry_the_knowledge(team: Team) -> None:
    log = team.skills["log-analysis"].skill_md.read_text()
    for fact in (
        "max connections reached",
        "java.lang.OutOfMemoryError",
        "deadlock detected",
        "no route to host",
        "frequency",
        "timing",
        "volume",
        "sequence",
        "Cascades",
    ):
        assert fact in log
    diag = team.skills["diagnostics"].skill_md.read_text()
    for fact in (
        "Decision tree",
        "Certificate expiry",
        "Disk full",
        "high",
        "medium",
        "low",
        "no log rotation",
        "auto-renewal failed",
    ):
        assert fact in diag
    rem = team.skills["remediation"].skill_md.read_text()
    for action in (
        "restart",
        "scale_up",
        "rollback_deployment",
        "reset_connection_pool",
        "increase_pool_size",
        "clear_disk_space",
    ):
        assert f"`{action}`" in rem
    for fact in ("senior approval", "post-mortem", "runbook updates", "rollback plan"):
        assert fact in rem


def test_diagnostics_categories_come_from_the_data_file(team: Team) -> None:
    categories = team.load_skill_data("diagnostics", "failure_modes.yaml", "categories")
    assert "connection_pool_exhaustion" in categories
    body = team.skills["diagnostics"].skill_md.read_text()
    metrics = {"cpu", "memory", "connections", "error_rate"}
    mentioned = set(re.findall(r"`([a-z_]+)`", body)) - metrics - {"categories"}
    assert mentioned <= set(categories), f"categories outside the vocabulary: {mentioned - set(categories)}"
    assert "failure_modes.yaml" in team.agents["sre_diagnostician"].system_prompt


def test_runbook_helpers(team: Team) -> None:
    assert team.skill_dir("remediation") / "runbooks.yaml" == team.skill_file("remediation", "runbooks.yaml")
    actions = team.load_skill_data("remediation", "runbooks.yaml", "actions")
    assert actions["restart"]["risk"] == "low"


FINDINGS = {
    "sre_log_analyst": ("timeline", "patterns", "anomalies", "signatures", "suspect_services", "hypothesis"),
    "sre_diagnostician": ("root_cause", "category", "service", "confidence", "evidence", "alternatives"),
    "sre_remediator": (
        "action",
        "target",
        "risk",
        "impact",
        "recovery_time",
        "rollback",
        "decision",
        "result",
        "verified",
        "follow_ups",
    ),
}


@pytest.mark.parametrize("agent", SPECIALISTS)
def test_prompts_define_a_json_findings_block(team: Team, agent: str) -> None:
    prompt = team.agents[agent].system_prompt
    blocks = re.findall(r"```json\n(.*?)```", prompt, re.DOTALL)
    assert blocks, f"{agent} prompt has no ```json example"
    keys = set(re.findall(r'"([a-z_]+)":', blocks[-1]))
    assert set(FINDINGS[agent]) <= keys
    assert "last thing" in prompt


def test_orchestrator_prompt_orders_the_work(team: Team) -> None:
    prompt = team.agents["ops_manager"].system_prompt
    first, second, third = (prompt.index(name) for name in SPECIALISTS)
    assert first < second < third
    assert "verbatim" in prompt
    assert "submit_report" in prompt


def test_agents_md_facts_and_no_edit_instructions(team: Team) -> None:
    text = (team.dir / "AGENTS.md").read_text()
    for fact in (
        "payment-api",
        "inventory-api",
        "user-api",
        "512Mi",
        "4Gi",
        "2Gi",
        "500",
        "20–30",
        "v2.4.1",
        "3 to",
        "100 to 150",
        "senior approval",
    ):
        assert fact in text
    lowered = text.lower()
    for forbidden in ("update this file", "edit this file", "edit_file", "write_file", "remember to update"):
        assert forbidden not in lowered


def test_show_json_lists_the_three_skills_and_agents_md_for_each_specialist(capsys) -> None:
    code, out, _ = cli(capsys, "team", "show", "--json")
    assert code == 0
    data = json.loads(out)
    agents = {agent["name"]: agent for agent in data["agents"]}
    assert sorted(data["team"]["skills"]) == ["diagnostics", "log-analysis", "remediation"]
    expected = {
        "sre_log_analyst": ["log-analysis"],
        "sre_diagnostician": ["diagnostics"],
        "sre_remediator": ["remediation"],
    }
    for name, skills in expected.items():
        assert agents[name]["skills"] == skills
        assert [Path(p).name for p in agents[name]["memory"]] == ["AGENTS.md"]
        assert all(Path(p).is_file() for p in agents[name]["memory"])
        assert agents[name]["role"] == "delegate"
    for agent in data["agents"]:
        assert {"name", "model", "tools", "skills", "memory", "description", "role"} <= set(agent)
    assert agents["ops_manager"]["role"] == "orchestrator"


def test_loading_a_team_imports_no_langchain() -> None:
    code = (
        "import sys; from aiops.team import load_team; load_team(); import aiops.cli.team; "
        "bad = [m for m in sys.modules if m.startswith(('langchain', 'langgraph', 'deepagents'))]; "
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_team_is_frozen_and_copyable(team: Team) -> None:
    import copy
    import dataclasses
    import pickle

    with pytest.raises(dataclasses.FrozenInstanceError):
        team.orchestrator = "x"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(team)).agents.keys() == team.agents.keys()
    assert copy.deepcopy(team).agents["sre_remediator"].skills == team.agents["sre_remediator"].skills
