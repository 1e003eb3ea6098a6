"""Finding scenario files and reading their scoring block (`expected`), which only the bench reads."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiops.core.errors import ConfigError
from aiops.core.yamlsafe import parse_yaml


@dataclass(frozen=True, slots=True)
class ScenarioFile:
    """A scenario file with its name and expected answer (never shown to any agent)."""

    path: Path
    name: str
    expected: dict[str, Any]


def shipped_dir() -> Path:
    """The sandbox's shipped scenarios folder."""
    import aiops.sandbox

    return Path(aiops.sandbox.__file__).parent / "scenarios"


def discover(folder: Path | None = None) -> list[ScenarioFile]:
    """Every `*.yaml` / `*.yml` scenario in `folder` (default: the shipped ones), by file name."""
    root = folder or shipped_dir()
    if not root.is_dir():
        raise ConfigError("no such scenarios folder", file=str(root), path="--scenarios")
    files = sorted(p for p in root.iterdir() if p.suffix in {".yaml", ".yml"} and p.is_file())
    if not files:
        raise ConfigError("the folder holds no scenario files (*.yaml)", file=str(root), path="--scenarios")
    return [read(p) for p in files]


def read(path: Path) -> ScenarioFile:
    """Name and `expected` block of one scenario file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read the scenario: {exc}", file=str(path)) from exc
    data = parse_yaml(text, str(path), what="scenario file").data or {}
    if not isinstance(data, dict):
        raise ConfigError("a scenario file is a mapping", file=str(path))
    expected = data.get("expected")
    if not isinstance(expected, dict) or "root_cause" not in expected:
        raise ConfigError(
            "the scenario has no `expected` block with a root_cause to score against",
            file=str(path),
            path="expected",
        )
    return ScenarioFile(path=path, name=str(data.get("name") or path.stem), expected=dict(expected))
