"""Command-template executor: each action is an argv list with `{target}` / `{action}` placeholders.

Never a shell string: argv goes straight to `subprocess.run` (no shell), and the target must be
in the target list (the inventory's services by default) with a conservative name, so it can
neither inject shell syntax nor smuggle an option.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from typing import Any

from pydantic import Field, field_validator, model_validator

from aiops.backends.context import BuildContext
from aiops.backends.options import Options
from aiops.backends.registry import BackendType
from aiops.backends.targets import ConfiguredExecutor, refuse, tail
from aiops.core.errors import BackendError
from aiops.core.types import ActionResult

PLACEHOLDER_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
PLACEHOLDERS = frozenset({"target", "action"})


def _check_argv(argv: list[str]) -> list[str]:
    for arg in argv:
        for name in PLACEHOLDER_RE.findall(arg):
            if name not in PLACEHOLDERS:
                raise ValueError(f"unknown placeholder {{{name}}} in {arg!r}; use {{target}} or {{action}}")
    return argv


class CommandAction(Options):
    """One action: the argv to run, and optionally the argv of its dry run (else a dry run only reports)."""

    argv: list[str] = Field(min_length=1)
    dry_run_argv: list[str] | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        return {"argv": value} if isinstance(value, list) else value

    _argv = field_validator("argv", "dry_run_argv")(lambda v: v if v is None else _check_argv(v))


class CommandOptions(Options):
    """`actions: {name: [argv...] | {argv, dry_run_argv}}`, `targets` (default: the inventory)."""

    actions: dict[str, CommandAction] = Field(min_length=1)
    targets: list[str] | None = None
    timeout_s: float = Field(default=120.0, gt=0)
    cwd: str | None = None
    env: dict[str, str] = Field(default_factory=dict)


def fill(argv: list[str], *, action: str, target: str) -> list[str]:
    """The argv with placeholders replaced (each element stays one argument)."""
    return [arg.replace("{target}", target).replace("{action}", action) for arg in argv]


class CommandExecutor(ConfiguredExecutor):
    """Runs a configured argv per action."""

    def __init__(self, options: CommandOptions, ctx: BuildContext) -> None:
        self.options = options
        self.cwd = str(ctx.resolve(options.cwd)) if options.cwd else None
        self._inventory = ctx.inventory

    def execute(self, action: str, target: str, *, dry_run: bool = False, key: str | None = None) -> ActionResult:
        """Run (or, for a dry run, show or run the dry-run argv of) the action's command."""
        refusal = self.refusal(action, target, dry_run=dry_run)
        if refusal is not None:
            return refusal
        spec = self.options.actions[action]
        argv = fill(spec.argv, action=action, target=target)
        if dry_run and spec.dry_run_argv is None:
            return ActionResult(
                action,
                target,
                ok=True,
                dry_run=True,
                message=f"dry run: would run {argv!r}",
                details={"argv": argv, "executed": False},
            )
        run = fill(spec.dry_run_argv, action=action, target=target) if dry_run and spec.dry_run_argv else argv
        return self._run(action, target, run, dry_run=dry_run, key=key)

    def _run(self, action: str, target: str, argv: list[str], *, dry_run: bool, key: str | None) -> ActionResult:
        env = {**os.environ, **self.options.env, "AIOPS_ACTION": action, "AIOPS_TARGET": target}
        if key:
            env["AIOPS_ACTION_KEY"] = key
        started = time.monotonic()
        details: dict[str, Any] = {"argv": argv, "executed": True}
        try:
            proc = subprocess.run(
                argv,
                capture_output=True,
                timeout=self.options.timeout_s,
                cwd=self.cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                check=False,
            )
        except FileNotFoundError:
            return refuse(action, target, f"command not found: {argv[0]}", dry_run=dry_run, **details)
        except subprocess.TimeoutExpired as exc:
            details.update(stdout=tail(exc.stdout), stderr=tail(exc.stderr))
            return refuse(
                action,
                target,
                f"{argv[0]} timed out after {self.options.timeout_s:g}s",
                dry_run=dry_run,
                **details,
            )
        except OSError as exc:
            return refuse(action, target, f"cannot run {argv[0]}: {exc.strerror}", dry_run=dry_run, **details)
        details.update(
            returncode=proc.returncode,
            stdout=tail(proc.stdout),
            stderr=tail(proc.stderr),
            duration_s=round(time.monotonic() - started, 3),
        )
        ok = proc.returncode == 0
        what = "dry run of" if dry_run else "ran"
        message = f"{what} {argv[0]} for {action} on {target}: " + ("ok" if ok else f"exit {proc.returncode}")
        if not ok and details["stderr"]:
            message += f": {details['stderr'].strip().splitlines()[-1][:200]}"
        return ActionResult(action, target, ok=ok, message=message, dry_run=dry_run, details=details)

    def check(self) -> str:
        missing = sorted({a.argv[0] for a in self.options.actions.values() if not shutil.which(a.argv[0])})
        if missing:
            raise BackendError(f"commands not found on PATH: {', '.join(missing)}")
        return f"{len(self.options.actions)} actions for {len(self.targets())} targets"


def build_command(options: CommandOptions, ctx: BuildContext) -> CommandExecutor:
    """Factory for `executor: {type: command}`."""
    return CommandExecutor(options, ctx)


EXECUTOR = BackendType("executor", "command", CommandOptions, build_command, "argv templates per action (no shell)")
