"""The layout of an evidence bundle: which file plays which part. A contract (outside tools write it):

    DIR/bundle.yaml            optional: alert, services, at (and topology: {service: {kind, depends_on,
                               memory_limit_mi, cpu, pool_size, max_connections, replicas}})
    DIR/logs/<service>/*       any files of that service: plain text, JSON lines, with or without
                               timestamps; `*.previous.log` is the previous container
    DIR/<service>.log|.jsonl   also accepted at the top level (service = file stem)
    DIR/metrics.csv            timestamp,metric,labels,value
    DIR/metrics/*.om|*.prom    OpenMetrics / Prometheus text with timestamps
    DIR/k8s/*                  kubectl output (get -o json|yaml, describe, get events / pods tables)
    DIR/events.jsonl           change events, one JSON object a line

Anything else is listed as unknown and ignored, never fatal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiops.core.errors import ConfigError

SETTINGS = ("alert", "services", "at", "topology")
LOG_SUFFIXES = (".log", ".jsonl", ".txt", ".json", ".out", ".err", ".gz")
METRIC_SUFFIXES = (".om", ".prom", ".csv", ".txt", ".metrics")
TOP_LOG_SUFFIXES = (".log", ".jsonl")
PREVIOUS = ".previous"


@dataclass
class Bundle:
    """What a bundle folder holds, by part."""

    root: Path
    alert: str | None = None
    services: list[str] = field(default_factory=list)
    at: datetime | None = None
    topology: dict[str, dict[str, Any]] = field(default_factory=dict)
    logs: dict[str, list[Path]] = field(default_factory=dict)
    metrics: list[Path] = field(default_factory=list)
    k8s: list[Path] = field(default_factory=list)
    events: Path | None = None
    unknown: list[tuple[Path, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def rel(self, path: Path) -> str:
        """`path` relative to the bundle folder, for display."""
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    @property
    def usable(self) -> bool:
        """True when at least one part holds evidence."""
        return bool(self.logs or self.metrics or self.k8s or self.events)


def _hidden(path: Path) -> bool:
    return path.name.startswith(".")


def _outside(path: Path, root: Path) -> bool:
    """True for a link that leads out of the bundle folder (a bundle is untrusted input: it must not make
    the team read `/etc/...` or another incident's evidence)."""
    try:
        path.resolve().relative_to(root)
    except ValueError:
        return True
    return False


def log_service(name: str) -> str:
    """Service of a top-level log file: the stem, without `.previous` and without a `.gz` ending."""
    stem = name[:-3] if name.endswith(".gz") else name
    for suffix in TOP_LOG_SUFFIXES:
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    return stem[: -len(PREVIOUS)] if stem.endswith(PREVIOUS) else stem


def scan(root: Path) -> Bundle:
    """Sort the files of a bundle folder into their parts (reads `bundle.yaml`, nothing else)."""
    root = root.expanduser()
    if not root.is_dir():
        raise ConfigError("not a folder; a bundle is a folder of collected evidence (see `aiops bundle check --help`)",
                          file=str(root))
    bundle = Bundle(root=root.resolve())
    for path in sorted(root.iterdir()):
        if _hidden(path):
            continue
        if _outside(path, bundle.root):
            bundle.unknown.append((path, "a link to outside the bundle folder: not read"))
            continue
        if path.is_dir():
            _scan_dir(bundle, path)
        elif path.name in ("bundle.yaml", "bundle.yml"):
            _settings(bundle, path)
        elif path.name == "metrics.csv":
            bundle.metrics.append(path)
        elif path.name == "events.jsonl":
            bundle.events = path
        elif path.name.endswith(tuple(s + ".gz" for s in TOP_LOG_SUFFIXES) + TOP_LOG_SUFFIXES):
            bundle.logs.setdefault(log_service(path.name), []).append(path)
        else:
            bundle.unknown.append((path, "not part of the bundle layout"))
    return bundle


def _scan_dir(bundle: Bundle, folder: Path) -> None:
    found = [p for p in sorted(folder.rglob("*"))
             if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)]
    files = [p for p in found if not _outside(p, bundle.root)]
    bundle.unknown.extend((p, "a link to outside the bundle folder: not read") for p in found if p not in files)
    if folder.name == "logs":
        for path in files:
            relative = path.relative_to(folder).parts
            service = relative[0] if len(relative) > 1 else log_service(path.name)
            bundle.logs.setdefault(service, []).append(path)
    elif folder.name == "metrics":
        for path in files:
            if path.suffix.lower() in METRIC_SUFFIXES:
                bundle.metrics.append(path)
            else:
                bundle.unknown.append((path, f"metrics files end in {', '.join(METRIC_SUFFIXES)}"))
    elif folder.name == "k8s":
        bundle.k8s.extend(files)
    else:
        bundle.unknown.extend((p, f"folder {folder.name}/ is not part of the bundle layout") for p in files)


def _settings(bundle: Bundle, path: Path) -> None:
    from aiops.core.yamlsafe import load_yaml_file

    data: Any = load_yaml_file(path, what="bundle settings file").data or {}
    if not isinstance(data, dict):
        raise ConfigError("must be a mapping with alert, services and at", file=str(path))
    for key in data:
        if key not in SETTINGS:
            bundle.warnings.append(f"{path.name}: unknown key {key!r} ignored (known: {', '.join(SETTINGS)})")
    alert = data.get("alert")
    if alert is not None and not isinstance(alert, str):
        raise ConfigError("must be the alert text", file=str(path), path="alert")
    services = data.get("services") or []
    if isinstance(services, str):
        services = [services]
    if not isinstance(services, list) or not all(isinstance(s, str) and s.strip() for s in services):
        raise ConfigError("must be a list of service names", file=str(path), path="services")
    bundle.alert = alert.strip() if isinstance(alert, str) and alert.strip() else None
    bundle.services = [s.strip() for s in services]
    bundle.at = _instant(data.get("at"), path)
    topology = data.get("topology") or {}
    if not isinstance(topology, dict) or not all(isinstance(v, dict) for v in topology.values()):
        raise ConfigError("must map each service to {kind, depends_on, ...}", file=str(path), path="topology")
    bundle.topology = {str(k): dict(v) for k, v in topology.items()}


def _instant(value: Any, path: Path) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise ConfigError(f"not an ISO 8601 time: {value!r} (e.g. 2026-03-27T02:15:00Z)", file=str(path),
                          path="at") from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
