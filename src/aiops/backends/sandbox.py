"""`type: sandbox` roles: delegate to the embedded sandbox for the spec's scenario (imported lazily)."""

from __future__ import annotations

from typing import Any

from aiops.backends.context import BuildContext
from aiops.backends.options import Options
from aiops.backends.registry import BackendType


class SandboxOptions(Options):
    """`scenario`: a scenario name or path (defaults to the file's top-level `scenario`)."""

    scenario: str | None = None


def _role(role: str) -> Any:
    def factory(options: SandboxOptions, ctx: BuildContext) -> Any:  # noqa: ARG001
        return getattr(ctx.sandbox_environment(), role)

    factory.__name__ = f"build_sandbox_{role}"
    return factory


_DESCRIPTION = "the embedded sandbox scenario"
INVENTORY = BackendType("inventory", "sandbox", SandboxOptions, _role("inventory"), _DESCRIPTION)
LOGS = BackendType("logs", "sandbox", SandboxOptions, _role("logs"), _DESCRIPTION)
METRICS = BackendType("metrics", "sandbox", SandboxOptions, _role("metrics"), _DESCRIPTION)
EVENTS = BackendType("events", "sandbox", SandboxOptions, _role("events"), _DESCRIPTION)
EXECUTOR = BackendType("executor", "sandbox", SandboxOptions, _role("executor"), _DESCRIPTION)
CLOCK = BackendType("clock", "sandbox", SandboxOptions, _role("clock"), "the sandbox's simulated time")
