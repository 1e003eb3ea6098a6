"""The agent's skills, read the way a model reads them: `read_file` on each SKILL.md listed in the
system prompt, then on the data files the SKILL.md names. The parsed data is the engine's knowledge;
an agent only knows what its own skills hold.

Data files are recognised by their top-level keys (`signatures`, `failure_modes`, `actions`), not
by file name, and merged in skill order.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from aiops.agents.playbook.conversation import Conversation
from aiops.core.errors import ConfigError
from aiops.core.yamlsafe import parse_yaml

READ_LIMIT = 5000
_HEADER = re.compile(r"^@@ lines (\d+)-(\d+) of (\d+) @@$")
_DATA_REF = re.compile(r"(?<![\w/.-])([\w-]+(?:/[\w-]+)*\.ya?ml)\b")

def read_calls_needed(conv: Conversation) -> list[dict[str, Any]]:
    """The `read_file` calls still needed to know this agent's skills (empty when done)."""
    wanted = conv.skill_paths()
    calls = [_read(p) for p in wanted if not conv.has_call("read_file", file_path=p)]
    if calls:
        return calls
    for path in wanted:
        text = _file_text(conv, path)
        if text is None:
            continue
        for ref in data_refs(text):
            data_path = str(PurePosixPath(path).parent / ref)
            if not conv.has_call("read_file", file_path=data_path):
                calls.append(_read(data_path))
    return calls


def _read(path: str) -> dict[str, Any]:
    return {"name": "read_file", "args": {"file_path": path, "offset": 0, "limit": READ_LIMIT}}


def data_refs(skill_md: str) -> list[str]:
    """Relative YAML file names a SKILL.md mentions, in order."""
    refs = [r for r in _DATA_REF.findall(skill_md) if ".." not in r]
    return list(dict.fromkeys(refs))


def _file_text(conv: Conversation, path: str) -> str | None:
    for result in conv.results("read_file"):
        if result.args.get("file_path") == path and not result.error:
            return strip_read_output(result.content or "")
    return None


def strip_read_output(content: str) -> str | None:
    """The file text inside a `read_file` result, or None if it is an error or incomplete."""
    lines = content.split("\n")
    if lines and (m := _HEADER.match(lines[0].strip())):
        if int(m.group(2)) < int(m.group(3)):
            return None
        lines = lines[1:]
    elif content.startswith("Error"):
        return None
    return "\n".join(lines)


@functools.lru_cache(maxsize=64)
def _parse_yaml(text: str) -> Any:
    """Skill data as plain data (strict: no anchors, aliases or tags), or None when it is not."""
    try:
        return parse_yaml(text, "(skill data)", what="skill data file").data
    except ConfigError:
        return None


def skill_data(conv: Conversation, fallback: Mapping[str, Path] | None = None) -> dict[str, Any]:
    """Merge the data files of the agent's skills (read in the conversation; `fallback` maps skill
    name -> folder for skills whose files could not be read that way)."""
    merged: dict[str, Any] = {}
    seen_skills: set[str] = set()
    for path in conv.skill_paths():
        folder = PurePosixPath(path).parent
        text = _file_text(conv, path)
        if text is None:
            continue
        seen_skills.add(folder.name)
        for ref in data_refs(text):
            data_text = _file_text(conv, str(folder / ref))
            data = _parse_yaml(data_text) if data_text is not None else None
            if data is None and fallback and folder.name in fallback:
                data = _disk(fallback[folder.name] / ref)
            _merge(merged, data)
    for name, folder in (fallback or {}).items():
        if name not in seen_skills and not conv.skill_paths():
            for file in sorted(folder.glob("*.yaml")):
                _merge(merged, _disk(file))
    return merged


def _disk(path: Path) -> Any:
    try:
        return _parse_yaml(path.read_text(encoding="utf-8"))
    except OSError:
        return None


def _merge(into: dict[str, Any], data: Any) -> None:
    if not isinstance(data, dict):
        return
    for key, value in data.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            into[key] = {**into[key], **value}
        elif isinstance(value, list) and isinstance(into.get(key), list):
            into[key] = [*into[key], *value]
        else:
            into[key] = value
