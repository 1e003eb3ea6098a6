"""Which world an incident investigates: chosen from the parsed arguments in one place, so that a new
source (such as a folder of collected evidence, `--bundle DIR`) is one more branch here.

Order: `--scenario` (the sandbox), `--bundle DIR` (collected evidence), `--env FILE` (real backends),
then the configured default
environment (`$AIOPS_ENV`, then `env.yaml` in the state folder). With none of them the command exits
2 and says how to choose: a typed alert is never investigated on an unrelated world.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiops.core.errors import ConfigError

ENV_VAR = "AIOPS_ENV"
DEFAULT_ENV_FILE = "env.yaml"
SOURCES = ("env", "bundle", "scenario")
"""The command-line options that name a world; at most one may be given."""


@dataclass(frozen=True, slots=True)
class EnvironmentChoice:
    """The incident record's `source`, the alert that comes with it (a scenario's), a note for the user."""

    source: dict[str, Any]
    alert: str | None = None
    note: str | None = None


def choose_environment(args: argparse.Namespace, home: Any) -> EnvironmentChoice:
    """The world to investigate for these arguments; ConfigError (exit 2) when none is given or set."""
    given = [f"--{name}" for name in SOURCES if getattr(args, name, None)]
    if len(given) > 1:
        raise ConfigError(f"give one of --env, --bundle or --scenario, not several ({', '.join(given)})",
                          path=given[0])
    if getattr(args, "scenario", None):
        return _scenario(args.scenario)
    if getattr(args, "bundle", None):
        return _bundle(Path(args.bundle))
    if getattr(args, "env", None):
        return _env_file(Path(args.env), "--env")
    configured = os.environ.get(ENV_VAR)
    if configured:
        return _env_file(Path(configured), f"${ENV_VAR}", note=f"environment from ${ENV_VAR}: {configured}")
    default = Path(home.root) / DEFAULT_ENV_FILE
    if default.is_file():
        return _env_file(default, str(default), note=f"environment from {default}")
    raise ConfigError(no_environment_message(default))


def no_environment_message(default: Path) -> str:
    """What to do when no world was named: the three ways, and how to set a default."""
    return (
        "no environment to investigate: say where the telemetry for this alert comes from, one of\n"
        "  --env FILE        your systems' backends (see `aiops env validate FILE`); to make it the default,\n"
        f"                    set {ENV_VAR}=FILE or put it at {default}\n"
        "  --bundle DIR      a folder of evidence collected from the incident, investigated offline\n"
        "  --scenario NAME   a sandbox scenario, to try the team (`aiops sim list`; its own alert unless you "
        "type one)")


def _scenario(name: str) -> EnvironmentChoice:
    from aiops.sandbox import load_scenario

    scenario = load_scenario(name)
    ref = str(Path(name).resolve()) if Path(name).suffix in {".yaml", ".yml"} else name
    return EnvironmentChoice({"kind": "sandbox", "scenario": ref}, alert=scenario.alert)


def _bundle(folder: Path) -> EnvironmentChoice:
    """A folder of collected evidence; its bundle.yaml may carry the alert, else a generic one names the
    services found (a typed alert still wins)."""
    from aiops.backends.bundle import load_bundle

    bundle, found = load_bundle(folder)
    alert = bundle.alert or ("Investigate the collected evidence of " + ", ".join(found.services)
                             + " (no alert text was given)")
    return EnvironmentChoice({"kind": "bundle", "dir": str(bundle.root)}, alert=alert)


def _env_file(path: Path, given_by: str, *, note: str | None = None) -> EnvironmentChoice:
    if not path.is_file():
        raise ConfigError(f"no such environment file (given by {given_by})", file=str(path))
    from aiops.backends import load_environment_file

    load_environment_file(path)
    return EnvironmentChoice({"kind": "env", "file": str(path.resolve())}, note=note)
