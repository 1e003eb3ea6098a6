"""Where a team lives and how paths inside it resolve: always against the team folder, never the
working directory, and never outside the team folder."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path, PurePosixPath, PureWindowsPath

from aiops.team.errors import located
from aiops.team.yamlsafe import Loc, YamlDoc

TEAM_FILE = "team.yaml"
TEAM_ENV = "AIOPS_TEAM"


def default_team_dir() -> Path:
    """The team folder shipped inside the package."""
    return (Path(__file__).parent / "default").resolve()


def resolve_team_dir(cli_value: str | os.PathLike[str] | None = None,
                     env: Mapping[str, str] | None = None) -> Path:
    """The team folder to use: `--team DIR` > `$AIOPS_TEAM` > the packaged default (absolute)."""
    env = os.environ if env is None else env
    chosen = cli_value if cli_value not in (None, "") else (env.get(TEAM_ENV) or None)
    if chosen is None:
        return default_team_dir()
    return Path(chosen).expanduser().resolve()


def is_inside(path: Path, folder: Path) -> bool:
    """True when `path` (symlinks followed) lies within `folder`."""
    return path.resolve().is_relative_to(folder.resolve())


def resolve_inside(team_dir: Path, value: str, doc: YamlDoc, loc: Loc) -> Path:
    """Resolve a relative path from the team file against `team_dir`; refuse escapes.

    Absolute paths, `..` components and symlinks that lead out of the team folder are errors."""
    if not value.strip():
        raise located("empty path", doc, loc, "write a path relative to the team folder")
    posix, windows = PurePosixPath(value), PureWindowsPath(value)
    if posix.is_absolute() or windows.is_absolute() or windows.drive or value.startswith("~"):
        raise located(f"path {value!r} is absolute", doc, loc,
                      "write it relative to the team folder (copy the file into the folder first)")
    if ".." in posix.parts or ".." in windows.parts:
        raise located(f"path {value!r} leaves the team folder", doc, loc,
                      "keep team files inside the team folder; '..' is not allowed")
    path = team_dir / posix
    if path.exists() and not is_inside(path, team_dir):
        raise located(f"path {value!r} is a link that leads outside the team folder", doc, loc,
                      "copy the file into the team folder instead of linking to it")
    return path
