"""Every team configuration error names the file and the dotted path and exits 2 (nothing starts)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from aiops.team import load_team
from tests.unit.team.helpers import copy_default, edit_text, expect_config_error, read_spec, write_spec

Spec = dict[str, Any]


def _set(path: tuple[str, ...], value: Any) -> Callable[[Spec], None]:
    def apply(spec: Spec) -> None:
        node = spec
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return apply


def _drop(path: tuple[str, ...]) -> Callable[[Spec], None]:
    def apply(spec: Spec) -> None:
        node = spec
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return apply


def _add_agent(name: str, **fields: Any) -> Callable[[Spec], None]:
    def apply(spec: Spec) -> None:
        spec["agents"][name] = {"description": "x", "system_prompt": "x", "model": "strong", **fields}

    return apply


def _only_orchestrator(spec: Spec) -> None:
    spec["agents"] = {"ops_manager": spec["agents"]["ops_manager"]}


AGENT = ("agents", "sre_remediator")
TEAM_FILE_CASES: list[tuple[str, Callable[[Spec], None], str, str]] = [
    (
        "unknown tool",
        _set((*AGENT, "tools"), ["restart_service", "query_metrics"]),
        "agents.sre_remediator.tools[0]",
        "known tools: fetch_logs, query_metrics",
    ),
    (
        "tool typo gets a suggestion",
        _set((*AGENT, "tools"), ["query_metrics", "execute_remediaton"]),
        "agents.sre_remediator.tools[1]",
        "did you mean 'execute_remediation'?",
    ),
    (
        "tool listed twice",
        _set((*AGENT, "tools"), ["query_metrics", "query_metrics"]),
        "agents.sre_remediator.tools",
        "'query_metrics' is listed twice",
    ),
    ("tools not a list", _set((*AGENT, "tools"), 5), "agents.sre_remediator.tools", "list"),
    (
        "bad model string",
        _set((*AGENT, "model"), "anthropic/claude-sonnet"),
        "agents.sre_remediator.model",
        "is not a model string",
    ),
    (
        "unknown provider",
        _set((*AGENT, "model"), "acme:big-model"),
        "agents.sre_remediator.model",
        "unknown model provider 'acme'",
    ),
    (
        "unknown tier",
        _set((*AGENT, "model"), "strnog"),
        "agents.sre_remediator.model",
        "did you mean 'strong'?",
    ),
    ("bad tier value", _set(("models", "fast"), "haiku"), "models.fast", "is not a model string"),
    (
        "tier named like an engine",
        _set(("models", "playbook"), "anthropic:claude-haiku-4-5"),
        "models.playbook",
        "engine names",
    ),
    ("bad default model", _set(("default_model",), "nope"), "default_model", "'nope' is not a model string"),
    ("no model at all", _drop((*AGENT, "model")), "agents.sre_remediator.model", "no model for this agent"),
    (
        "unknown key with suggestion",
        _set((*AGENT, "system_promt"), "x"),
        "agents.sre_remediator.system_promt",
        "did you mean 'system_prompt'?",
    ),
    ("unknown top-level key", _set(("agent",), {}), "agent", "did you mean 'agents'?"),
    (
        "both prompts",
        _set((*AGENT, "system_prompt"), "inline"),
        "agents.sre_remediator",
        "give exactly one of `system_prompt` or `prompt_file`",
    ),
    ("no prompt", _drop((*AGENT, "prompt_file")), "agents.sre_remediator", "give exactly one"),
    (
        "empty inline prompt",
        _add_agent("sre_quiet", system_prompt="   "),
        "agents.sre_quiet.system_prompt",
        "system_prompt is empty",
    ),
    (
        "missing description",
        _drop((*AGENT, "description")),
        "agents.sre_remediator.description",
        "required key 'description' is missing",
    ),
    (
        "description not text",
        _set((*AGENT, "description"), True),
        "agents.sre_remediator.description",
        "(got bool)",
    ),
    (
        "orchestrator not an agent",
        _set(("orchestrator",), "boss"),
        "orchestrator",
        "orchestrator 'boss' is not one of the agents",
    ),
    ("only the orchestrator", _only_orchestrator, "agents", "only the orchestrator"),
    ("agent named like a tool", _add_agent("fetch_logs"), "agents.fetch_logs", "clashes with the tool"),
    (
        "agent named general-purpose",
        _add_agent("general-purpose"),
        "agents.general-purpose",
        "clashes with a deepagents built-in",
    ),
    (
        "agent named like a built-in tool",
        _add_agent("task"),
        "agents.task",
        "clashes with a deepagents built-in",
    ),
    ("agent name not allowed", _add_agent("SRE Bot"), "agents", "must be lower-case"),
    (
        "skill folder missing",
        _set((*AGENT, "skills"), ["remediation", "escalation"]),
        "agents.sre_remediator.skills[1]",
        "skill 'escalation' not found",
    ),
    (
        "skill name not a folder name",
        _set((*AGENT, "skills"), ["../remediation"]),
        "agents.sre_remediator.skills[0]",
        "must be lower-case letters and digits",
    ),
    (
        "team memory missing",
        _set(("memory",), ["AGENTS.md", "RUNBOOK_NOTES.md"]),
        "memory[1]",
        "memory file 'RUNBOOK_NOTES.md' not found",
    ),
    (
        "agent memory missing",
        _set((*AGENT, "memory"), ["notes/remediator.md"]),
        "agents.sre_remediator.memory[0]",
        "not found",
    ),
    ("absolute memory path", _set(("memory",), ["/etc/passwd"]), "memory[0]", "is absolute"),
    ("home memory path", _set(("memory",), ["~/AGENTS.md"]), "memory[0]", "is absolute"),
    ("memory escaping with ..", _set(("memory",), ["../AGENTS.md"]), "memory[0]", "leaves the team folder"),
    (
        "prompt file missing",
        _set((*AGENT, "prompt_file"), "prompts/missing.md"),
        "agents.sre_remediator.prompt_file",
        "prompt file 'prompts/missing.md' not found",
    ),
    (
        "prompt file escaping",
        _set((*AGENT, "prompt_file"), "../../outside.md"),
        "agents.sre_remediator.prompt_file",
        "leaves the team folder",
    ),
    ("skills_dir escaping", _set(("skills_dir",), "../skills"), "skills_dir", "leaves the team folder"),
    (
        "policy error",
        _set(("policy",), {"budgets": {"max_model_calls": 0}}),
        "policy.budgets.max_model_calls",
        "greater than or equal to 1",
    ),
    (
        "policy unknown key",
        _set(("policy",), {"aprovals": {}}),
        "policy.aprovals",
        "did you mean 'approvals'?",
    ),
    ("unsupported version", _set(("version",), 2), "version", "less than or equal to 1"),
]


@pytest.mark.parametrize(
    ("mutate", "path", "contains"),
    [case[1:] for case in TEAM_FILE_CASES],
    ids=[case[0] for case in TEAM_FILE_CASES],
)
def test_team_file_errors(tmp_path: Path, capsys, mutate, path: str, contains: str) -> None:
    team = copy_default(tmp_path / "team")
    spec = read_spec(team)
    mutate(spec)
    write_spec(team, spec)
    error = expect_config_error(team, capsys, file=team / "team.yaml", path=path, contains=contains)
    assert "[line " in error.message or path in {"(document)"}


def test_error_message_carries_line_and_hint(tmp_path: Path, capsys) -> None:
    team = copy_default(tmp_path / "team")
    edit_text(
        team / "team.yaml",
        "tools: [execute_remediation, query_metrics]",
        "tools: [restart_pod, query_metrics]",
    )
    error = expect_config_error(team, capsys, file=team / "team.yaml", path="agents.sre_remediator.tools[0]")
    lines = (team / "team.yaml").read_text().splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "restart_pod" in text)
    assert error.message.startswith(f"unknown tool 'restart_pod' [line {line}]; known tools: ")
    assert "\n" not in str(error)


def test_memory_is_never_resolved_against_the_working_directory(tmp_path: Path, capsys, monkeypatch) -> None:
    team = copy_default(tmp_path / "team")
    (team / "AGENTS.md").rename(tmp_path / "AGENTS.md")
    monkeypatch.chdir(tmp_path)  # the file now exists in the working directory only
    expect_config_error(
        team,
        capsys,
        file=team / "team.yaml",
        path="memory[0]",
        contains="relative to the team folder, not the working directory",
    )


def test_skills_are_never_resolved_against_the_working_directory(tmp_path: Path, capsys, monkeypatch) -> None:
    team = copy_default(tmp_path / "team")
    (team / "skills" / "diagnostics").rename(tmp_path / "diagnostics")
    (tmp_path / "skills").mkdir()
    (tmp_path / "diagnostics").rename(tmp_path / "skills" / "diagnostics")
    monkeypatch.chdir(tmp_path)
    expect_config_error(
        team,
        capsys,
        file=team / "team.yaml",
        path="agents.sre_diagnostician.skills[0]",
        contains="skill 'diagnostics' not found",
    )


def test_memory_link_leading_outside_is_refused(tmp_path: Path, capsys) -> None:
    team = copy_default(tmp_path / "team")
    secret = tmp_path / "secret.md"
    secret.write_text("do not leak")
    (team / "AGENTS.md").unlink()
    (team / "AGENTS.md").symlink_to(secret)
    expect_config_error(
        team, capsys, file=team / "team.yaml", path="memory[0]", contains="outside the team folder"
    )


# --- SKILL.md problems: the error names SKILL.md and the front-matter key ----------------------


SKILL = "skills/remediation/SKILL.md"


def _skill_md(team: Path) -> Path:
    return team / SKILL


def _write(front: str, body: str = "body\n") -> Callable[[Path], None]:
    return lambda team: _skill_md(team).write_text(f"---\n{front}---\n{body}", encoding="utf-8")


SKILL_CASES: list[tuple[str, Callable[[Path], None], str, str]] = [
    ("SKILL.md missing", lambda t: _skill_md(t).unlink(), "(document)", "SKILL.md is missing"),
    (
        "name differs from folder",
        lambda t: edit_text(_skill_md(t), "name: remediation", "name: remedy"),
        "name",
        "name is 'remedy' but the folder is 'remediation'",
    ),
    ("no name", lambda t: edit_text(_skill_md(t), "name: remediation\n", ""), "name", "name is None"),
    (
        "empty description",
        _write("name: remediation\ndescription: ''\n"),
        "description",
        "description is missing or empty",
    ),
    (
        "description too long",
        _write(f"name: remediation\ndescription: {'x' * 1100}\n"),
        "description",
        "longer than 1024",
    ),
    (
        "no front matter",
        lambda t: _skill_md(t).write_text("# Remediation\n\nno front matter\n"),
        "(front matter)",
        "no front matter",
    ),
    ("front matter not a mapping", _write("- a\n- b\n"), "(front matter)", "must be 'key: value' lines"),
    (
        "empty body",
        _write("name: remediation\ndescription: d\n", "\n"),
        "(body)",
        "body after the front matter is empty",
    ),
    (
        "tag in front matter",
        _write("name: remediation\ndescription: !!python/name:os.path\n"),
        "description",
        "explicit tag",
    ),
    (
        "duplicate front-matter key",
        _write("name: remediation\nname: x\ndescription: d\n"),
        "name",
        "duplicate key 'name'",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "path", "contains"), [case[1:] for case in SKILL_CASES], ids=[case[0] for case in SKILL_CASES]
)
def test_skill_md_errors(tmp_path: Path, capsys, mutate, path: str, contains: str) -> None:
    team = copy_default(tmp_path / "team")
    mutate(team)
    error = expect_config_error(team, capsys, file=team / SKILL, path=path, contains=contains)
    assert "agents.sre_remediator.skills[0]" in error.message  # points back to where it is listed


def test_link_in_skill_folder_leading_outside_is_refused(tmp_path: Path, capsys) -> None:
    team = copy_default(tmp_path / "team")
    secret = tmp_path / "secret.txt"
    secret.write_text("do not copy me into incidents")
    link = team / "skills" / "remediation" / "extra.txt"
    link.symlink_to(secret)
    expect_config_error(team, capsys, file=link, path="(file)", contains="leads outside the team folder")


# --- the folder itself --------------------------------------------------------------------------


def test_missing_team_folder(tmp_path: Path, capsys) -> None:
    missing = (tmp_path / "nope").resolve()
    expect_config_error(missing, capsys, file=missing, path="(team folder)", contains="team folder not found")


def test_folder_without_team_yaml(tmp_path: Path, capsys) -> None:
    folder = (tmp_path / "empty").resolve()
    folder.mkdir()
    expect_config_error(folder, capsys, file=folder / "team.yaml", path="(document)", contains="no team.yaml")


def test_team_yaml_not_a_mapping(tmp_path: Path, capsys) -> None:
    team = copy_default(tmp_path / "team")
    (team / "team.yaml").write_text("- just\n- a list\n")
    expect_config_error(
        team, capsys, file=team / "team.yaml", path="(document)", contains="must be a mapping"
    )


def test_empty_team_yaml(tmp_path: Path, capsys) -> None:
    team = copy_default(tmp_path / "team")
    (team / "team.yaml").write_text("# nothing yet\n")
    expect_config_error(
        team, capsys, file=team / "team.yaml", path="(document)", contains="must be a mapping"
    )


def test_default_memory_missing_names_the_default(tmp_path: Path, capsys) -> None:
    team = copy_default(tmp_path / "team")
    spec = read_spec(team)
    del spec["memory"]
    write_spec(team, spec)
    (team / "AGENTS.md").unlink()
    error = expect_config_error(team, capsys, file=team / "team.yaml", path="memory", contains="not found")
    assert "[line" not in error.message
    assert "memory: []" in error.message


def test_memory_can_be_switched_off(tmp_path: Path) -> None:
    team = copy_default(tmp_path / "team")
    spec = read_spec(team)
    spec["memory"] = []
    write_spec(team, spec)
    (team / "AGENTS.md").unlink()
    loaded = load_team(team)
    assert all(view.memory == () for view in loaded.agents.values())
