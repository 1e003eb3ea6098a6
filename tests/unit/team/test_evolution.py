"""Config-only evolution: each change is an edit to the team folder, with no Python change."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from aiops.team import load_team
from tests.unit.team.helpers import FIXTURES, cli, copy_default, edit_text

COMMUNICATOR = """
  sre_communicator:
    description: >-
      Use this after remediation (or when an incident drags on) to draft the outward and inward
      communication: a plain-language customer status update and an internal technical summary,
      with a recommended timing and channels.
    model: strong
    system_prompt: |
      You are the incident communicator of an on-call SRE team. From the alert, the findings, the
      diagnosis and what was done, write two texts. First, a customer-facing status update in plain
      language: what users notice, what is being done, when the next update comes; no jargon, no
      internal service names, no blame, no speculation about causes that are not confirmed.
      Second, an internal technical summary for engineers: root cause, evidence, actions,
      decisions and current state. Recommend when to publish and on which channels (status page,
      e-mail, in-app banner, internal incident channel). Be transparent and calm.
      End with a fenced json block: {"customer_update": "...", "internal_summary": "...",
      "timing": "...", "channels": ["..."]}.
"""


def _append_agent(team: Path, block: str) -> None:
    text = (team / "team.yaml").read_text(encoding="utf-8")
    head, sep, tail = text.partition("\n# policy:")
    (team / "team.yaml").write_text(head.rstrip("\n") + "\n" + block + sep + tail, encoding="utf-8")


def test_appending_a_communicator_makes_it_a_delegate(tmp_path: Path, capsys) -> None:
    team_dir = copy_default(tmp_path / "team")
    _append_agent(team_dir, COMMUNICATOR)
    team = load_team(team_dir)
    assert team.delegates == ("sre_log_analyst", "sre_diagnostician", "sre_remediator", "sre_communicator")
    view = team.agents["sre_communicator"]
    assert view.role == "delegate"
    assert view.tools == ()
    assert view.skills == ()
    assert view.memory == (team_dir / "AGENTS.md",)
    assert view.model == team.spec.models["strong"]
    assert "customer-facing status update in plain" in view.system_prompt
    code, out, _ = cli(capsys, "team", "show", "--json", "--team", str(team_dir))
    assert code == 0
    agents = {agent["name"]: agent for agent in json.loads(out)["agents"]}
    assert agents["sre_communicator"]["role"] == "delegate"
    assert agents["sre_communicator"]["tools"] == []
    code, out, _ = cli(capsys, "team", "validate", "--team", str(team_dir))
    assert (code, out.split(" (")[0]) == (0, "ok: 5 agents, 3 skills, 1 memory file")


def test_one_model_line_switches_the_log_analyst(tmp_path: Path) -> None:
    team_dir = copy_default(tmp_path / "team")
    before = load_team(team_dir)
    assert before.agents["sre_log_analyst"].model == "anthropic:claude-haiku-4-5"
    text = (team_dir / "team.yaml").read_text(encoding="utf-8")
    assert text.count("    model: fast\n") == 1  # the analyst's line is the only one on the fast tier
    (team_dir / "team.yaml").write_text(
        text.replace("    model: fast\n", "    model: strong\n"), encoding="utf-8"
    )
    after = load_team(team_dir)
    assert after.agents["sre_log_analyst"].model == "anthropic:claude-sonnet-4-6"
    assert after.agents["sre_log_analyst"].model_tier == "strong"
    others = [name for name in after.agents if name != "sre_log_analyst"]
    assert all(after.agents[n].model == before.agents[n].model for n in others)


def test_a_literal_model_string_works_too(tmp_path: Path) -> None:
    team_dir = copy_default(tmp_path / "team")
    edit_text(team_dir / "team.yaml", "    model: fast\n", "    model: ollama:llama3.1\n")
    view = load_team(team_dir).agents["sre_log_analyst"]
    assert (view.model, view.model_tier) == ("ollama:llama3.1", None)


def test_changing_a_tier_switches_every_agent_on_it(tmp_path: Path) -> None:
    team_dir = copy_default(tmp_path / "team")
    edit_text(team_dir / "team.yaml", "strong: anthropic:claude-sonnet-4-6", "strong: openai:gpt-4.1")
    team = load_team(team_dir)
    assert {n for n, v in team.agents.items() if v.model == "openai:gpt-4.1"} == {
        "ops_manager",
        "sre_diagnostician",
        "sre_remediator",
    }


def test_adding_an_escalation_skill_makes_it_visible(tmp_path: Path, capsys) -> None:
    team_dir = copy_default(tmp_path / "team")
    shutil.copytree(FIXTURES / "skills" / "escalation", team_dir / "skills" / "escalation")
    edit_text(
        team_dir / "team.yaml", "    skills: [diagnostics]\n", "    skills: [diagnostics, escalation]\n"
    )
    team = load_team(team_dir)
    skills = {skill.name: skill for skill in team.agents["sre_diagnostician"].skills}
    assert list(skills) == ["diagnostics", "escalation"]
    assert skills["escalation"].path == team_dir / "skills" / "escalation"
    assert "immediate and for standard escalation" in skills["escalation"].description
    assert [s.name for s in team.agents["sre_remediator"].skills] == ["remediation"]  # only who lists it
    code, out, _ = cli(capsys, "team", "show", "--json", "--team", str(team_dir))
    assert code == 0
    data = json.loads(out)
    agents = {agent["name"]: agent for agent in data["agents"]}
    assert agents["sre_diagnostician"]["skills"] == ["diagnostics", "escalation"]
    assert "escalation" in data["team"]["skills"]


def test_escalation_fixture_carries_the_facts() -> None:
    text = (FIXTURES / "skills" / "escalation" / "SKILL.md").read_text()
    for fact in (
        "customer data",
        "breach",
        "several services",
        "15 minutes",
        "30 minutes",
        "high-risk action",
        "another team",
        "10% of users",
        "on-call SRE lead",
        "engineering manager",
        "VP of engineering",
        "incident commander",
    ):
        assert fact in text


def test_an_agent_can_replace_the_team_memory(tmp_path: Path) -> None:
    team_dir = copy_default(tmp_path / "team")
    (team_dir / "notes").mkdir()
    (team_dir / "notes" / "remediation.md").write_text("Change freeze on Fridays after 16:00.\n")
    edit_text(
        team_dir / "team.yaml",
        "    skills: [remediation]\n",
        "    skills: [remediation]\n    memory: [AGENTS.md, notes/remediation.md]\n",
    )
    team = load_team(team_dir)
    assert team.agents["sre_remediator"].memory == (
        team_dir / "AGENTS.md",
        team_dir / "notes" / "remediation.md",
    )
    assert team.agents["sre_log_analyst"].memory == (team_dir / "AGENTS.md",)
    assert len(team.memory_files) == 2
