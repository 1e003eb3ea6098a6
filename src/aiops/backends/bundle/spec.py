"""A bundle as an ordinary environment: file logs, file metrics, a Kubernetes snapshot, change events
from a file, a fixed clock at the investigation time, and no executor (the evidence is a record of
the past; fixes are carried out by hand)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aiops.backends.bundle.discover import Discovered, discover
from aiops.backends.bundle.layout import Bundle, scan
from aiops.backends.loader import parse_environment
from aiops.backends.spec import EnvironmentSpec
from aiops.core.errors import ConfigError


def environment_dict(bundle: Bundle, found: Discovered) -> dict[str, Any]:
    """The environment-file mapping of a scanned bundle (paths absolute)."""
    if not found.services:
        raise ConfigError("no service found: name them in bundle.yaml `services:` or add logs/<service>/ files",
                          file=str(bundle.root))
    if found.at is None:
        raise ConfigError("no timestamp found anywhere in the bundle; set `at:` in bundle.yaml "
                          "(e.g. at: 2026-03-27T02:15:00Z)", file=str(bundle.root / "bundle.yaml"), path="at")
    at = found.at.isoformat()
    data: dict[str, Any] = {
        "name": f"bundle:{bundle.root.name}",
        "description": f"evidence bundle {bundle.root}",
        "inventory": {"type": "static", "services": {
            name: {"kind": kind, **({"depends_on": found.depends_on[name]} if name in found.depends_on else {}),
                   **{k: v for k, v in bundle.topology.get(name, {}).items() if k != "kind"}}
            for name, kind in found.services.items()}},
        "clock": {"type": "fixed", "at": at},
        "executor": "none",
        "logs": {"type": "files", "services": {s: [str(p) for p in files] for s, files in bundle.logs.items()}}
        if bundle.logs else "none",
        "metrics": {"type": "files", "paths": [str(p) for p in bundle.metrics],
                    **({"default_service": next(iter(found.services))} if len(found.services) == 1 else {})}
        if bundle.metrics else "none",
        "events": {"type": "file", "path": str(bundle.events)} if bundle.events else "none",
        "state": {"type": "snapshot", "paths": [str(p) for p in bundle.k8s], "at": at} if bundle.k8s else "none",
    }
    return data


def load_bundle(root: str | Path) -> tuple[Bundle, Discovered]:
    """Scan and read a bundle folder; ConfigError when nothing in it is usable."""
    bundle = scan(Path(root))
    if not bundle.usable:
        raise ConfigError("holds no evidence: no logs, metrics, k8s/ snapshots or events.jsonl "
                          "(see `aiops bundle check --help` for the layout)", file=str(bundle.root))
    return bundle, discover(bundle)


def bundle_environment(root: str | Path) -> tuple[EnvironmentSpec, Bundle, Discovered]:
    """The environment spec of a bundle folder, with what was found in it."""
    bundle, found = load_bundle(root)
    spec = parse_environment(environment_dict(bundle, found), file=bundle.root / "bundle.yaml")
    return spec, bundle, found
