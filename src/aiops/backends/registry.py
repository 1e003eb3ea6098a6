"""Backend registry: `(role, type)` -> options model + factory.

Built-in backends are listed by module path and imported only when an environment file names
them, so `aiops env validate` for a Prometheus file never imports the Kubernetes client. New
backends plug in with `register_backend` without touching the loader.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

ROLES: tuple[str, ...] = ("inventory", "logs", "metrics", "events", "executor", "clock", "state")
"""The roles an environment fills; `clock` is optional (wall time unless a sandbox is involved), and
so is `state` (the orchestrator's view of pods, rollouts and nodes; none by default)."""


@dataclass(frozen=True)
class BackendType:
    """One pluggable backend: which role it fills, its strict options model and its factory.

    `factory(options, ctx)` gets the validated options and the `BuildContext` and returns an object
    implementing the role's protocol (optionally with `check() -> str` and `close()`).
    """

    role: str
    name: str
    options: type[BaseModel]
    factory: Callable[[Any, Any], Any]
    description: str = ""


_BUILTIN: dict[tuple[str, str], str] = {
    ("clock", "wall"): "aiops.backends.clock:WALL",
    ("clock", "fixed"): "aiops.backends.clock:FIXED",
    ("clock", "sandbox"): "aiops.backends.sandbox:CLOCK",
    ("inventory", "static"): "aiops.backends.static:INVENTORY",
    ("inventory", "file"): "aiops.backends.static:FILE_INVENTORY",
    ("inventory", "kubernetes"): "aiops.backends.k8s_inventory:INVENTORY",
    ("inventory", "sandbox"): "aiops.backends.sandbox:INVENTORY",
    ("logs", "files"): "aiops.backends.files:LOGS",
    ("logs", "journald"): "aiops.backends.journald:LOGS",
    ("logs", "loki"): "aiops.backends.loki:LOGS",
    ("logs", "kubernetes"): "aiops.backends.k8s_logs:LOGS",
    ("logs", "sandbox"): "aiops.backends.sandbox:LOGS",
    ("metrics", "prometheus"): "aiops.backends.prometheus:METRICS",
    ("metrics", "sandbox"): "aiops.backends.sandbox:METRICS",
    ("metrics", "files"): "aiops.backends.metricfiles:METRICS",
    ("metrics", "none"): "aiops.backends.static:NO_METRICS",
    ("logs", "none"): "aiops.backends.static:NO_LOGS",
    ("state", "none"): "aiops.backends.k8s_state:NONE",
    ("state", "snapshot"): "aiops.backends.k8s_state:SNAPSHOT",
    ("state", "kubernetes"): "aiops.backends.k8s_state:KUBERNETES",
    ("events", "none"): "aiops.backends.static:NO_EVENTS",
    ("events", "static"): "aiops.backends.static:STATIC_EVENTS",
    ("events", "file"): "aiops.backends.static:FILE_EVENTS",
    ("events", "kubernetes"): "aiops.backends.k8s_events:EVENTS",
    ("events", "sandbox"): "aiops.backends.sandbox:EVENTS",
    ("executor", "none"): "aiops.backends.static:NO_EXECUTOR",
    ("executor", "command"): "aiops.backends.command:EXECUTOR",
    ("executor", "webhook"): "aiops.backends.webhook:EXECUTOR",
    ("executor", "supervisord"): "aiops.backends.supervisord:EXECUTOR",
    ("executor", "kubernetes"): "aiops.backends.k8s_executor:EXECUTOR",
    ("executor", "sandbox"): "aiops.backends.sandbox:EXECUTOR",
}
_REGISTERED: dict[tuple[str, str], BackendType] = {}


def register_backend(backend: BackendType, *, replace: bool = False) -> None:
    """Add a backend type (a plugin); `replace=True` overrides an existing one of the same name."""
    if backend.role not in ROLES:
        raise ValueError(f"unknown role {backend.role!r}; roles: {', '.join(ROLES)}")
    key = (backend.role, backend.name)
    if not replace and (key in _REGISTERED or key in _BUILTIN):
        raise ValueError(f"{backend.role} backend {backend.name!r} is already registered")
    _REGISTERED[key] = backend


def backend_names(role: str) -> list[str]:
    """The type names available for `role`."""
    return sorted({name for (r, name) in (*_BUILTIN, *_REGISTERED) if r == role})


def get_backend_type(role: str, name: str) -> BackendType:
    """The backend type for `role`/`name`; KeyError when there is none."""
    key = (role, name)
    if key in _REGISTERED:
        return _REGISTERED[key]
    target = _BUILTIN.get(key)
    if target is None:
        raise KeyError(key)
    module_name, attr = target.split(":")
    backend = getattr(importlib.import_module(module_name), attr)
    if not isinstance(backend, BackendType):  # pragma: no cover - programming error
        raise TypeError(f"{target} is not a BackendType")
    _REGISTERED[key] = backend
    return backend
