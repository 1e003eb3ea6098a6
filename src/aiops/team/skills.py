"""Skill folders: `<skills_dir>/<name>/SKILL.md` with YAML front matter (`name` equal to the folder
name, a non-empty `description`) and a body. Checked the way deepagents' skills middleware reads
them, so that a skill the loader accepts is never skipped silently at run time."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import NamedTuple

from aiops.core.errors import ConfigError
from aiops.team.paths import is_inside
from aiops.team.yamlsafe import parse_yaml, read_text

SKILL_FILE = "SKILL.md"
MAX_SKILL_BYTES = 1_000_000
MAX_DESCRIPTION = 1024
MAX_COMPATIBILITY = 500
MAX_FOLDER_BYTES = 5_000_000
MAX_FOLDER_FILES = 500
"""A skill folder is copied into every incident that uses it: its size and file count are bounded."""
SKILL_NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_FRONT_MATTER = re.compile(r"^---\s*\n(.*?)\n---\s*\n", re.DOTALL)


class SkillRef(NamedTuple):
    """A skill an agent has: its name, its description (what the model sees) and its folder."""

    name: str
    description: str
    path: Path

    @property
    def skill_md(self) -> Path:
        """The skill's SKILL.md."""
        return self.path / SKILL_FILE


def skill_name_problem(name: str) -> str | None:
    """Why `name` cannot be a skill name (Agent Skills rules), or None when it can."""
    if len(name) > 64:
        return "is longer than 64 characters"
    if not SKILL_NAME_RE.match(name):
        return "must be lower-case letters and digits with single hyphens (e.g. log-analysis)"
    return None


def read_skill(folder: Path, team_dir: Path) -> SkillRef:
    """Read and check one skill folder; raise ConfigError naming SKILL.md and the front-matter key."""
    file = folder / SKILL_FILE
    where = str(file)
    if not file.is_file():
        raise ConfigError(f"{SKILL_FILE} is missing; a skill folder needs one with front matter "
                          "(name, description) and a body", file=where, path="(document)")
    check_folder(folder, team_dir)
    text = read_text(file, limit=MAX_SKILL_BYTES)
    match = _FRONT_MATTER.match(text)
    if not match:
        raise ConfigError("no front matter: the file must start with '---', then 'name:' and 'description:' "
                          "lines, then '---'", file=where, path="(front matter)")
    meta = parse_yaml(match.group(1), where).data
    if not isinstance(meta, dict):
        raise ConfigError("front matter must be 'key: value' lines", file=where, path="(front matter)")
    name = meta.get("name")
    if not isinstance(name, str) or name.strip() != folder.name:
        raise ConfigError(f"name is {name!r} but the folder is {folder.name!r}; they must be equal",
                          file=where, path="name")
    description = meta.get("description")
    if not isinstance(description, str) or not description.strip():
        raise ConfigError("description is missing or empty; say in a sentence or two when to use the skill",
                          file=where, path="description")
    if len(description.strip()) > MAX_DESCRIPTION:
        raise ConfigError(f"description is longer than {MAX_DESCRIPTION} characters; models would see it cut",
                          file=where, path="description")
    compatibility = meta.get("compatibility")
    if compatibility is not None and len(str(compatibility)) > MAX_COMPATIBILITY:
        raise ConfigError(f"compatibility is longer than {MAX_COMPATIBILITY} characters", file=where,
                          path="compatibility")
    if not text[match.end():].strip():
        raise ConfigError("the body after the front matter is empty; write the skill's know-how there",
                          file=where, path="(body)")
    return SkillRef(name=folder.name, description=" ".join(description.split()), path=folder)


def plain_entry(path: Path) -> os.stat_result:
    """The entry's status (links followed) when it is a regular file or a folder; ConfigError for
    anything else (a FIFO would block every reader, a device never ends) or what cannot be read."""
    try:
        info = path.stat()
    except OSError as exc:
        raise ConfigError(f"cannot read: {exc.strerror or exc}", file=str(path), path="(file)") from None
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
        raise ConfigError("not a regular file (a FIFO, socket or device); skill folders hold plain files only",
                          file=str(path), path="(file)")
    return info


def check_folder(folder: Path, team_dir: Path) -> None:
    """Skill folders are copied for each incident: no link out of the team folder (it would leak a
    file), only plain files and folders (a FIFO would block the copy), and a bounded size."""
    total = count = 0
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() and not is_inside(path, team_dir):
            raise ConfigError("a link in the skill folder leads outside the team folder; copy the file in",
                              file=str(path), path="(file)")
        info = plain_entry(path)
        if stat.S_ISDIR(info.st_mode):
            continue
        total, count = total + info.st_size, count + 1
        if total > MAX_FOLDER_BYTES or count > MAX_FOLDER_FILES:
            raise ConfigError(
                f"the skill folder grows past {MAX_FOLDER_BYTES / 1e6:g} MB or {MAX_FOLDER_FILES} files here "
                f"(this file: {info.st_size / 1e6:.1f} MB); it is copied into every incident: keep large "
                "references outside the team", file=str(path), path="(file)")
