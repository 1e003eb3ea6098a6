"""The skill data the sandbox reads (never duplicates): the root-cause vocabulary of the default
diagnostics skill and the runbook catalogue of the default remediation skill.

Files are located inside the installed package without importing `aiops.team` (a higher layer).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from aiops.core.errors import ConfigError
from aiops.sandbox.validate import load_yaml

_SKILLS = ("team", "default", "skills")
FAILURE_MODES = (*_SKILLS, "diagnostics", "failure_modes.yaml")
RUNBOOKS = (*_SKILLS, "remediation", "runbooks.yaml")


def _package_file(parts: tuple[str, ...]) -> Path:
    return Path(str(resources.files("aiops").joinpath(*parts)))


def _read_key(parts: tuple[str, ...], key: str) -> Any:
    path = _package_file(parts)
    try:
        data = load_yaml(path.read_text(encoding="utf-8"), str(path), what="skill data file") or {}
    except OSError as exc:
        raise ConfigError(f"cannot read skill data: {exc}", file=str(path)) from exc
    if not isinstance(data, dict) or key not in data:
        raise ConfigError(f"missing top-level key {key!r}", file=str(path), path=key)
    return data[key]


@cache
def categories() -> tuple[str, ...]:
    """The root-cause vocabulary (`categories:` of diagnostics/failure_modes.yaml)."""
    values = _read_key(FAILURE_MODES, "categories")
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ConfigError(
            "expected a list of names", file=str(_package_file(FAILURE_MODES)), path="categories"
        )
    return tuple(values)


@cache
def _default_catalogue() -> dict[str, dict[str, Any]]:
    return normalize_catalogue(_read_key(RUNBOOKS, "actions"), file=str(_package_file(RUNBOOKS)))


def default_catalogue() -> dict[str, dict[str, Any]]:
    """The default runbook catalogue (`actions:` of remediation/runbooks.yaml), a fresh copy."""
    return {name: dict(spec) for name, spec in _default_catalogue().items()}


def normalize_catalogue(
    catalogue: Mapping[str, Any], *, file: str | None = None
) -> dict[str, dict[str, Any]]:
    """Accept a whole runbooks document or its `actions:` mapping; check each action has an `effect`."""
    if "actions" in catalogue and isinstance(catalogue["actions"], Mapping):
        catalogue = catalogue["actions"]
    out: dict[str, dict[str, Any]] = {}
    for name, spec in catalogue.items():
        if not isinstance(spec, Mapping):
            raise ConfigError("expected a mapping", file=file, path=f"actions.{name}")
        effect = spec.get("effect")
        if not isinstance(effect, str) or not effect:
            raise ConfigError(
                "every action needs an `effect` keyword", file=file, path=f"actions.{name}.effect"
            )
        minutes = spec.get("recovery_minutes", 2)
        if not isinstance(minutes, int) or isinstance(minutes, bool) or not 0 <= minutes <= 120:
            raise ConfigError(
                "expected whole minutes between 0 and 120", file=file, path=f"actions.{name}.recovery_minutes"
            )
        out[str(name)] = dict(spec)
    return out
