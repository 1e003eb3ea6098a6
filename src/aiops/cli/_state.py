"""`--home DIR` on every command that reads or writes the state folder, resolved one way everywhere:
`--home` > `$AIOPS_HOME` > `./.aiops`."""

from __future__ import annotations

import argparse
from typing import Any

HOME_HELP = "state folder (default: $AIOPS_HOME or ./.aiops)"


def add_home(parser: argparse.ArgumentParser, help_text: str = HOME_HELP) -> None:
    """Add `--home DIR` to a command."""
    parser.add_argument("--home", metavar="DIR", help=help_text)


def state_home(args: argparse.Namespace) -> Any:
    """The command's state folder (created on first use), with the PostgreSQL database its settings name
    (including a `database:` section of the command's `--env FILE`)."""
    from aiops.runtime.home import StateHome

    env_file = getattr(args, "env", None)
    return StateHome.resolve(getattr(args, "home", None), env_file=env_file if isinstance(env_file, str) else None)
