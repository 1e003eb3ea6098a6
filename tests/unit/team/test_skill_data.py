"""The skills' data files (signatures.yaml, failure_modes.yaml, runbooks.yaml) are checked against
their schemas by `team validate` and before `respond` starts: a broken one is exit 2 naming the
file and the key, never a traceback or a hang; skill folders hold plain files of bounded size."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.team.helpers import cli, copy_default, edit_text, expect_config_error

SKILLS = Path("skills")
RUNBOOKS = SKILLS / "remediation" / "runbooks.yaml"
MODES = SKILLS / "diagnostics" / "failure_modes.yaml"
SIGNATURES = SKILLS / "log-analysis" / "signatures.yaml"

BREAKS = [
    # (file, old text, new text, dotted path, message part)
    (RUNBOOKS, "  restart:\n    risk: low", "  restart:\n    risk: low\n   when: [", "actions", "invalid YAML"),
    (RUNBOOKS, "    risk: low\n    when: the process crashed", "    risk: lowish\n    when: the process crashed",
     "actions.restart.risk", "low, medium, high"),
    (RUNBOOKS, "    recovery_minutes: 2\n    rollback: none needed",
     "    recovery_minutes: soon\n    rollback: none needed", "actions.restart.recovery_minutes", "number"),
    (RUNBOOKS, "    fixes: [disk_full]", "    fixes: [disk_fill]", "actions.clear_disk_space.fixes[0]",
     "disk_full"),
    (RUNBOOKS, "    rollback: none needed\n", "    rollback: none needed\n    rollbak: oops\n",
     "actions.restart.rollbak", "rollback"),
    (SIGNATURES, "  - name: pool_exhausted\n", "  - name: !!python/object/apply:os.system [echo pwned]\n",
     "signatures[0].name", "explicit tag"),
    (SIGNATURES, "  - name: pool_exhausted\n    category: connection_pool_exhaustion\n",
     "  - name: pool_exhausted\n    category: connection_pool_exhausted\n",
     "signatures[0].category", "connection_pool_exhaustion"),
    (MODES, "    remedies: [clear_disk_space]", "    remedies: [clear_disk]",
     "failure_modes.disk_full.remedies[0]", "clear_disk_space"),
    (MODES, "    verify: [error_rate, disk_usage]", "    verify: error_rate", "failure_modes.disk_full.verify", "list"),
    (MODES, "disk_high]\n        consider: [disk_full]", "disk_high]\n        consider: [disk_ful]",
     "decision_tree[1].branches[3].consider[0]", "disk_full"),
    (MODES, "      - when: [disk_logs, disk_high]", "      - when: [disk_logz, disk_high]",
     "decision_tree[1].branches[3].when[0]", "disk_logs"),
    (MODES, "    category: disk_full\n    role: origin", "    category: disk_gone\n    role: origin",
     "failure_modes.disk_full.category", "categories"),
]


@pytest.mark.parametrize(("file", "old", "new", "path", "contains"), BREAKS,
                         ids=[f"{b[0].name}:{b[3]}" for b in BREAKS])
def test_broken_data_files_fail_validation(tmp_path, capsys, file, old, new, path, contains):
    team = copy_default(tmp_path / "team")
    edit_text(team / file, old, new)
    expect_config_error(team, capsys, file=team / file, path=path, contains=contains)


def test_a_missing_data_file_fails_validate(tmp_path, capsys):
    team = copy_default(tmp_path / "team")
    (team / RUNBOOKS).unlink()
    code, _, err = cli(capsys, "team", "validate", "--team", str(team))
    assert code == 2
    assert "runbooks.yaml" in err


def _respond(team: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "AIOPS_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "aiops", "respond", "--team", str(team), "--scenario",
                           "pool-leak-payment", "--approve", "all", "--quiet"], env=env, capture_output=True,
                          text=True, timeout=120, check=False, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("where", ["data", "extra"])
def test_a_fifo_in_a_skill_folder_is_refused_not_read(tmp_path, capsys, where):
    team = copy_default(tmp_path / "team")
    fifo = team / SIGNATURES if where == "data" else team / SKILLS / "remediation" / "notes.txt"
    fifo.unlink(missing_ok=True)
    os.mkfifo(fifo)
    code, _, err = cli(capsys, "team", "validate", "--team", str(team))
    assert code == 2 and str(fifo) in err and "not a regular file" in err
    done = _respond(team, tmp_path / "state")
    assert done.returncode == 2, done.stderr[-2000:]
    assert "not a regular file" in done.stderr and "Traceback" not in done.stderr


def test_a_python_tag_in_a_data_file_never_reaches_respond(tmp_path):
    team = copy_default(tmp_path / "team")
    edit_text(team / RUNBOOKS, "  restart:\n    risk: low",
              "  restart:\n    risk: !!python/object/apply:os.system ['touch pwned']")
    done = _respond(team, tmp_path / "state")
    assert done.returncode == 2 and "explicit tag" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (Path.cwd() / "pwned").exists()


def test_skill_folders_are_bounded(tmp_path, capsys):
    team = copy_default(tmp_path / "team")
    big = team / SKILLS / "diagnostics" / "reference.txt"
    with big.open("wb") as handle:
        handle.truncate(50_000_000)
    code, _, err = cli(capsys, "team", "validate", "--team", str(team))
    assert code == 2 and str(big) in err and "MB" in err


def test_the_default_team_and_its_copy_validate(tmp_path, capsys):
    assert cli(capsys, "team", "validate")[0] == 0
    team = copy_default(tmp_path / "team")
    assert cli(capsys, "team", "validate", "--team", str(team))[0] == 0
