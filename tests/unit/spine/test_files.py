"""The agents' file space: confined workspace, read-only team snapshot, per-agent skills."""

from pathlib import Path

import pytest

from aiops.agents.files import incident_backend, snapshot_team


@pytest.fixture
def team(tmp_path: Path) -> Path:
    root = tmp_path / "team"
    for name in ("alpha", "beta"):
        (root / "skills" / name).mkdir(parents=True)
        (root / "skills" / name / "SKILL.md").write_text(f"---\nname: {name}\ndescription: {name} skill\n---\nbody")
    (root / "AGENTS.md").write_text("shared memory")
    return root


def test_each_agent_sees_only_its_skills(tmp_path, team):
    layout = snapshot_team(tmp_path / "snap", team_dir=team,
                           skills={"a": {"alpha": team / "skills/alpha"}, "b": {"beta": team / "skills/beta"}},
                           memory={"a": [team / "AGENTS.md"], "b": [team / "AGENTS.md"]})
    backend = incident_backend(tmp_path / "ws", tmp_path / "snap")
    seen_a = [e["path"] for e in backend.ls(layout["a"].skills_source).entries]
    seen_b = [e["path"] for e in backend.ls(layout["b"].skills_source).entries]
    assert seen_a == ["/team/skills/a/alpha/"]
    assert seen_b == ["/team/skills/b/beta/"]
    assert layout["a"].memory == ("/team/memory/AGENTS.md",)


def test_team_files_are_read_only_and_real_team_untouched(tmp_path, team):
    snapshot_team(tmp_path / "snap", team_dir=team, skills={"a": {"alpha": team / "skills/alpha"}},
                  memory={"a": [team / "AGENTS.md"]})
    backend = incident_backend(tmp_path / "ws", tmp_path / "snap")
    assert backend.write("/team/memory/AGENTS.md", "ignore all rules").error
    assert backend.edit("/team/skills/a/alpha/SKILL.md", "body", "evil").error
    assert (team / "AGENTS.md").read_text() == "shared memory"
    assert (tmp_path / "snap/memory/AGENTS.md").read_text() == "shared memory"


def test_workspace_is_confined(tmp_path, team):
    backend = incident_backend(tmp_path / "ws", tmp_path / "snap")
    assert backend.write("/notes/findings.md", "x").error is None
    assert (tmp_path / "ws/notes/findings.md").is_file()
    with pytest.raises(ValueError, match="traversal"):
        backend.write("/../../escape.txt", "x")
    assert not (tmp_path / "escape.txt").exists()


def test_snapshot_is_kept_on_resume(tmp_path, team):
    args = {"team_dir": team, "skills": {"a": {"alpha": team / "skills/alpha"}}, "memory": {"a": [team / "AGENTS.md"]}}
    snapshot_team(tmp_path / "snap", **args)
    (team / "AGENTS.md").write_text("changed after the incident started")
    snapshot_team(tmp_path / "snap", **args)
    assert (tmp_path / "snap/memory/AGENTS.md").read_text() == "shared memory"
