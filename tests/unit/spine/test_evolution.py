"""Config-only evolution reaches the running graph (no Python change): a new delegate, a model line,
a new skill."""

from __future__ import annotations

import shutil

from aiops.agents.scripted import ScriptedChatModel
from aiops.cli.main import main
from aiops.team import default_team_dir
from tests.unit.spine.harness import new_record, run_incident, system_text, team_models

COMMUNICATOR = """
  sre_communicator:
    description: >-
      Use this after remediation to draft the status updates: a plain-language customer update and
      an internal technical summary, with recommended timing and channels.
    model: fast
    system_prompt: |
      You write incident communications. Customer text is calm, transparent and free of jargon;
      the internal summary is precise. Recommend when to post and on which channels.
"""

ESCALATION = """---
name: escalation
description: When and how to escalate an incident beyond the on-call engineer.
---
# Escalation
Escalate at once when customer data may be at risk, a breach is suspected, several services are
down, or a revenue-impacting outage passes 15 minutes. Escalate normally when the cause is still
unclear after 30 minutes, a high-risk action is needed, other teams must act, or more than 10% of
users are affected. Paths: on-call SRE lead, engineering manager, VP engineering, incident
commander. An escalation message states impact, what is known, what was tried and what is asked.
"""


def _copy_team(tmp_path):
    team = tmp_path / "team"
    shutil.copytree(default_team_dir(), team)
    return team


def _delegates(run):
    tools = {t["function"]["name"]: t for t in run.models["ops_manager"].bound_tools}
    return tools["task"]["function"]["description"]


def test_appended_agent_becomes_a_delegate(tmp_path):
    team = _copy_team(tmp_path)
    with (team / "team.yaml").open("a") as handle:
        handle.write(COMMUNICATOR)
    models = team_models()
    models["sre_communicator"] = ScriptedChatModel(agent="sre_communicator", steps=[{"content": "update"}])
    run = run_incident(lambda r: None, models=models, record=new_record(team_dir=team))
    assert "- sre_communicator: Use this after remediation" in _delegates(run)


def test_one_model_line_changes_that_agents_model(tmp_path, monkeypatch):
    team = _copy_team(tmp_path)
    text = (team / "team.yaml").read_text()
    block = text[text.index("  sre_log_analyst:"):]
    line = next(line for line in block.splitlines() if line.strip().startswith("model:"))
    (team / "team.yaml").write_text(text.replace(line, line.split("model:")[0] + "model: strong", 1))
    monkeypatch.setenv("ANTHROPIC_API_KEY", "test-key-not-used")
    record = new_record(team_dir=team)
    record.model_override = None
    run = run_incident(lambda r: None, record=record)
    assert run.session.choices["sre_log_analyst"].model == "anthropic:claude-sonnet-4-6"
    assert run.session.choices["sre_diagnostician"].model == "anthropic:claude-sonnet-4-6"

    record = new_record()
    record.model_override = None
    run = run_incident(lambda r: None, record=record)
    assert run.session.choices["sre_log_analyst"].model == "anthropic:claude-haiku-4-5"


def test_new_skill_folder_is_visible_to_the_agents_that_list_it(tmp_path, capsys):
    team = _copy_team(tmp_path)
    (team / "skills" / "escalation").mkdir()
    (team / "skills" / "escalation" / "SKILL.md").write_text(ESCALATION)
    text = (team / "team.yaml").read_text()
    text = text.replace("skills: [diagnostics]", "skills: [diagnostics, escalation]", 1)
    (team / "team.yaml").write_text(text)
    run = run_incident(lambda r: None, record=new_record(team_dir=team))
    assert "/team/skills/sre_diagnostician/escalation/SKILL.md" in system_text(run.models["sre_diagnostician"])
    assert "/escalation/SKILL.md" not in system_text(run.models["sre_remediator"])
    assert main(["team", "show", "--team", str(team), "--json"]) == 0
    import json

    shown = {a["name"]: a for a in json.loads(capsys.readouterr().out)["agents"]}
    assert "escalation" in shown["sre_diagnostician"]["skills"]


def test_bad_team_is_exit_2_and_starts_nothing(tmp_path, capsys):
    team = _copy_team(tmp_path)
    text = (team / "team.yaml").read_text().replace("tools: [execute_remediation", "tools: [execute_remedation", 1)
    (team / "team.yaml").write_text(text)
    assert main(["respond", "--scenario", "pool-leak-payment", "--team", str(team), "--approve", "all"]) == 2
    err = capsys.readouterr().err
    assert "team.yaml" in err and "agents.sre_remediator.tools[0]" in err
    assert main(["incidents", "list", "--json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"
