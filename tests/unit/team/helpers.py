"""Helpers for the team tests: an editable copy of the default team and a CLI runner."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from aiops.cli.main import main
from aiops.core.errors import ConfigError
from aiops.team import default_team_dir, load_team

FIXTURES = Path(__file__).parent / "fixtures"


def copy_default(dest: Path) -> Path:
    """Copy the packaged team to `dest`; returns the resolved folder."""
    shutil.copytree(default_team_dir(), dest)
    return dest.resolve()


def read_spec(team_dir: Path) -> dict[str, Any]:
    """team.yaml as plain data."""
    return yaml.safe_load((team_dir / "team.yaml").read_text(encoding="utf-8"))


def write_spec(team_dir: Path, data: dict[str, Any]) -> None:
    """Replace team.yaml with `data`."""
    (team_dir / "team.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def edit_text(path: Path, old: str, new: str) -> None:
    """Replace one exact occurrence of `old` in a file."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run `aiops ARGS`; returns (exit code, stdout, stderr)."""
    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def expect_config_error(
    team_dir: Path, capsys: pytest.CaptureFixture[str], *, file: Path | str, path: str, contains: str = ""
) -> ConfigError:
    """Loading fails with this file and dotted path; `aiops team validate` exits 2 naming both."""
    with pytest.raises(ConfigError) as info:
        load_team(team_dir)
    error = info.value
    assert error.file == str(file), str(error)
    assert error.path == path, str(error)
    assert contains in error.message, str(error)
    code, out, err = cli(capsys, "team", "validate", "--team", str(team_dir))
    assert code == 2
    assert out == ""
    assert f"{file}: {path}: " in err, err
    assert "Traceback" not in err
    return error
