"""Build an `Environment` from a validated spec; the default (sandbox) spec."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from aiops.backends.context import BuildContext
from aiops.backends.idempotency import IdempotentExecutor, KeyStore
from aiops.backends.loader import parse_environment
from aiops.backends.registry import get_backend_type
from aiops.backends.spec import EnvironmentSpec
from aiops.core.types import Environment

BUILD_ORDER: tuple[str, ...] = ("inventory", "clock", "metrics", "logs", "events", "state", "executor")
KEYS_FILE = "executed_actions.sqlite"


def build_role(role: str, ctx: BuildContext) -> Any:
    """Build one role's backend (the inventory must already be in `ctx.built` for the others)."""
    spec = ctx.spec.role(role)
    backend = get_backend_type(role, spec.type).factory(spec.options, ctx)
    if role == "executor" and spec.type != "sandbox":
        backend = IdempotentExecutor(backend, KeyStore(ctx.state_path(KEYS_FILE)))
    ctx.built[role] = backend
    return backend


def build_environment(
    spec: EnvironmentSpec, *, state_dir: Path | None = None, catalogue: Mapping[str, Any] | None = None
) -> Environment:
    """The environment a spec describes. `state_dir` keeps executed-action keys (and sandbox state);
    `catalogue` is the runbook catalogue, handed to the sandbox when one is involved."""
    ctx = BuildContext(spec=spec, state_dir=state_dir, catalogue=catalogue)
    if spec.all_sandbox:
        return ctx.sandbox_environment()
    try:
        for role in BUILD_ORDER:
            build_role(role, ctx)
    except BaseException:
        ctx.close_built()
        raise
    built = ctx.built
    return Environment(
        name=spec.name,
        inventory=built["inventory"],
        logs=built["logs"],
        metrics=built["metrics"],
        events=built["events"],
        executor=built["executor"],
        clock=built["clock"],
        state=None if getattr(built["state"], "configured", True) is False else built["state"],
        alert=ctx.sandbox.alert if ctx.sandbox is not None else None,
        info={
            "backends": spec.summary(),
            "file": str(spec.file) if spec.file else None,
            "scenario": spec.scenario,
        },
    )


def default_environment_spec(scenario: str | None = None) -> EnvironmentSpec:
    """The sandbox environment for `scenario` (the sandbox's default scenario when None)."""
    if scenario is None:
        from aiops import sandbox

        scenario = getattr(sandbox, "DEFAULT_SCENARIO", None) or sandbox.list_scenarios()[0]
        scenario = getattr(scenario, "name", scenario)
    return parse_environment({"name": f"sandbox:{scenario}", "type": "sandbox", "scenario": scenario})
