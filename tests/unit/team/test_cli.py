"""`aiops team init | validate | show` and how the team folder is chosen."""

from __future__ import annotations

import json
from pathlib import Path

from aiops.team import default_team_dir, load_team, resolve_team_dir
from tests.unit.team.helpers import cli, copy_default, edit_text


def test_resolve_team_dir_precedence(tmp_path: Path) -> None:
    flag, env = tmp_path / "flag", tmp_path / "env"
    assert resolve_team_dir(str(flag), env={"AIOPS_TEAM": str(env)}) == flag.resolve()
    assert resolve_team_dir(None, env={"AIOPS_TEAM": str(env)}) == env.resolve()
    assert resolve_team_dir(None, env={"AIOPS_TEAM": ""}) == default_team_dir()
    assert resolve_team_dir(None, env={}) == default_team_dir()
    assert resolve_team_dir("", env={}) == default_team_dir()


def test_init_copies_a_valid_editable_team(tmp_path: Path, capsys) -> None:
    dest = tmp_path / "my-team"
    code, out, err = cli(capsys, "team", "init", str(dest))
    assert code == 0, err
    assert f"created {dest}: 4 agents, 3 skills, 1 memory file" in out
    for rel in (
        "team.yaml",
        "AGENTS.md",
        "prompts/ops_manager.md",
        "skills/remediation/SKILL.md",
        "skills/remediation/runbooks.yaml",
        "skills/diagnostics/failure_modes.yaml",
    ):
        assert (dest / rel).is_file(), rel
    team = load_team(dest)
    assert team.dir == dest.resolve()
    assert all(skill.path.is_relative_to(dest.resolve()) for skill in team.skills.values())


def test_init_into_an_empty_existing_folder(tmp_path: Path, capsys) -> None:
    dest = tmp_path / "empty"
    dest.mkdir()
    assert cli(capsys, "team", "init", str(dest))[0] == 0


def test_init_refuses_a_non_empty_folder_without_force(tmp_path: Path, capsys) -> None:
    dest = tmp_path / "busy"
    dest.mkdir()
    (dest / "team.yaml").write_text("mine\n")
    (dest / "keep.txt").write_text("keep\n")
    code, _, err = cli(capsys, "team", "init", str(dest))
    assert code == 2
    assert f"{dest}: DIR: folder is not empty" in err
    assert (dest / "team.yaml").read_text() == "mine\n"
    code, _, _ = cli(capsys, "team", "init", str(dest), "--force")
    assert code == 0
    assert (dest / "team.yaml").read_text() != "mine\n"
    assert (dest / "keep.txt").read_text() == "keep\n"


def test_init_refuses_a_file(tmp_path: Path, capsys) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x")
    code, _, err = cli(capsys, "team", "init", str(target))
    assert code == 2
    assert "not a folder" in err


def test_validate_default_and_copy(tmp_path: Path, capsys) -> None:
    code, out, _ = cli(capsys, "team", "validate")
    assert code == 0
    assert out.startswith("ok: 4 agents, 3 skills, 1 memory file")
    team = copy_default(tmp_path / "team")
    code, out, _ = cli(capsys, "team", "validate", "--team", str(team))
    assert code == 0
    assert str(team) in out


def test_aiops_team_env_selects_the_folder(tmp_path: Path, capsys, monkeypatch) -> None:
    team = copy_default(tmp_path / "team")
    edit_text(team / "team.yaml", "name: default", "name: night-shift")
    monkeypatch.setenv("AIOPS_TEAM", str(team))
    code, out, _ = cli(capsys, "team", "show", "--json")
    assert code == 0
    assert json.loads(out)["team"]["name"] == "night-shift"
    # the flag beats the environment variable
    code, out, _ = cli(capsys, "team", "show", "--json", "--team", str(default_team_dir()))
    assert json.loads(out)["team"]["name"] == "default"


def test_env_pointing_at_a_broken_team_exits_2(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("AIOPS_TEAM", str(tmp_path / "missing"))
    code, _, err = cli(capsys, "team", "validate")
    assert code == 2
    assert "(team folder): team folder not found" in err


def test_show_table(capsys) -> None:
    code, out, _ = cli(capsys, "team", "show")
    assert code == 0
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("AGENT"))
    assert header.split() == ["AGENT", "ROLE", "MODEL", "TOOLS", "SKILLS", "MEMORY"]
    row = next(line for line in lines if line.startswith("sre_log_analyst"))
    assert "delegate" in row
    assert "(fast)" in row
    assert "log-analysis" in row
    assert row.rstrip().endswith("AGENTS.md")
    assert any(line.startswith("ops_manager") and "orchestrator" in line for line in lines)


def test_show_json_shape(capsys) -> None:
    code, out, _ = cli(capsys, "team", "show", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["team"]["orchestrator"] == "ops_manager"
    assert data["team"]["delegates"] == ["sre_log_analyst", "sre_diagnostician", "sre_remediator"]
    names = [agent["name"] for agent in data["agents"]]
    assert names == ["ops_manager", "sre_log_analyst", "sre_diagnostician", "sre_remediator"]
    analyst = data["agents"][1]
    assert analyst["model"] == data["team"]["models"]["fast"]
    assert analyst["tools"] == ["fetch_logs", "query_metrics", "service_state"]


def test_team_without_subcommand_prints_help(capsys) -> None:
    code, out, _ = cli(capsys, "team")
    assert code == 2
    assert "init" in out and "validate" in out
