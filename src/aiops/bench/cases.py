"""Real-incident cases for `aiops bench --bundles DIR`: each case becomes an evidence bundle and is
scored on root cause + service (with the case's `also_acceptable` answers) and on the actions
proposed where nothing needed fixing.

Two folder shapes are read:
- a case folder with a `case.yaml` (the `incidents-public` layout: alert, services, a `logs:` map of
  service -> files, `files:` with roles, `expected:`); it is copied into the bundle layout, and the
  `expected` block never reaches the bundle;
- a bundle folder with an `expected.yaml` next to its `bundle.yaml` (root_cause, faulty_service,
  also_acceptable), used as it is.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from aiops.core.errors import ConfigError

EXPECTED_FILE = "expected.yaml"


@dataclass
class Case:
    """One case: where it lives, what answer is expected, and how to make its bundle."""

    name: str
    path: Path
    expected: dict[str, Any]
    is_bundle: bool = False
    meta: dict[str, Any] = field(default_factory=dict)


def _load(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read: {exc}", file=str(path)) from None


def discover_cases(root: Path) -> list[Case]:
    """Every case under `root` (sorted by name); ConfigError when there is none."""
    if not root.is_dir():
        raise ConfigError("not a folder of cases", file=str(root))
    cases = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if (folder / "case.yaml").is_file():
            data = _load(folder / "case.yaml") or {}
            cases.append(Case(folder.name, folder, dict(data.get("expected") or {}), meta=data))
        elif (folder / EXPECTED_FILE).is_file():
            cases.append(Case(folder.name, folder, dict(_load(folder / EXPECTED_FILE) or {}), is_bundle=True))
    if not cases:
        hint = (f"; this set is kept as generators: write it first with `python {root / 'gen' / 'build.py'} OUT` "
                "and pass OUT") if (root / "gen" / "build.py").is_file() else ""
        raise ConfigError(f"no case found (folders with case.yaml, or bundles with {EXPECTED_FILE}){hint}",
                          file=str(root))
    return cases


def make_bundle(case: Case, out: Path) -> Path:
    """The case as a bundle folder under `out` (a bundle case is used in place)."""
    if case.is_bundle:
        return case.path
    data = case.meta
    target = out / case.name
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    placed: set[str] = set()
    for service, files in (data.get("logs") or {}).items():
        for rel in files or []:
            placed.add(rel)
            _copy(case.path / rel, target / ("k8s" if rel.startswith("k8s/") else f"logs/{service}") / Path(rel).name)
    for item in data.get("files") or []:
        rel, role = str(item.get("path") or item.get("file") or ""), item.get("role")
        if not rel or rel in placed:
            continue
        if role == "k8s":
            _copy(case.path / rel, target / "k8s" / Path(rel).name)
        elif role == "metrics":
            _copy(case.path / rel, target / Path(rel).name)
    if (case.path / "metrics.csv").is_file() and not (target / "metrics.csv").exists():
        _copy(case.path / "metrics.csv", target / "metrics.csv")
    alert = (data.get("alert") or {}).get("text") if isinstance(data.get("alert"), Mapping) else data.get("alert")
    settings = {"alert": alert, "services": [str(s) for s in data.get("services") or []]}
    (target / "bundle.yaml").write_text(yaml.safe_dump(settings, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return target


def _copy(src: Path, dst: Path) -> None:
    if not src.is_file():
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)


def _accepted(expected: Mapping[str, Any], key: str, main: str) -> set[str | None]:
    also = expected.get("also_acceptable") or {}
    return {expected.get(main), *(also.get(key) or [])}


def score_case(expected: Mapping[str, Any], got: Mapping[str, Any]) -> dict[str, Any]:
    """`rca_correct` (category and service, `also_acceptable` honoured), `healthy` (nothing needed
    fixing) and `proposed_on_healthy` (actions proposed there, whatever was decided)."""
    cause = expected.get("root_cause")
    categories = _accepted(expected, "root_cause", "root_cause")
    services = _accepted(expected, "faulty_service", "faulty_service")
    actions = list(got.get("actions") or [])
    healthy = cause == "none"
    if got.get("root_cause") == "none" or (cause == "none" and got.get("root_cause") in categories):
        correct = got.get("root_cause") in categories
    else:
        correct = got.get("root_cause") in categories and got.get("service") in services
    return {"rca_correct": bool(correct), "healthy": healthy,
            "proposed_on_healthy": len(actions) if healthy else 0}
