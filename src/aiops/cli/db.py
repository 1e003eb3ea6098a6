"""`aiops db`: the schema of the state database.

  aiops db upgrade [--env FILE]    apply every pending migration (PostgreSQL); safe to repeat, and two
                                   nodes upgrading at once take turns
  aiops db status [--json]         where the state lives and which migrations are applied (exit 0 current,
                                   1 behind: run `aiops db upgrade`)

The database is PostgreSQL when `AIOPS_DATABASE_URL` is set or the environment file (`--env`,
`$AIOPS_ENV`, or `env.yaml` in the state folder) has a `database:` section; otherwise the state is
SQLite files in the state folder, which create and upgrade their tables themselves.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from aiops.cli._state import add_home


def register(sub: argparse._SubParsersAction) -> None:
    """Add `db upgrade|status`."""
    parser = sub.add_parser("db", help="migrate or inspect the state database (PostgreSQL)", description=__doc__,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.set_defaults(func=lambda _args: parser.print_help() or 2)
    cmds = parser.add_subparsers(dest="db_command", metavar="COMMAND")
    upgrade = cmds.add_parser("upgrade", help="apply pending schema migrations")
    status = cmds.add_parser("status", help="show where the state lives and its schema version")
    status.add_argument("--json", action="store_true", help="print one JSON object")
    for command, handler in ((upgrade, run_upgrade), (status, run_status)):
        add_home(command)
        command.add_argument("--env", metavar="FILE", help="environment file with a `database:` section")
        command.set_defaults(func=handler)


def _config(args: argparse.Namespace) -> tuple[Any, Any]:
    from aiops.runtime.home import StateHome

    home = StateHome.resolve(args.home, env_file=args.env)
    return home, home.database


def run_upgrade(args: argparse.Namespace) -> int:
    """Apply pending migrations and say what ran."""
    from aiops.storage.migrations import LATEST, upgrade

    home, config = _config(args)
    if config is None:
        print(f"the state is SQLite in {home.root}: its files create and upgrade their tables when opened; "
              "nothing to do (set AIOPS_DATABASE_URL or `database:` in the environment file for PostgreSQL)")
        return 0
    done = upgrade(config, on_step=lambda step: print(f"applied {step.version}: {step.name}"))
    print(f"{config.shown}: schema at version {LATEST}" + ("" if done else " (already current)"))
    return 0


def run_status(args: argparse.Namespace) -> int:
    """Print the backend, the URL (password masked) and the applied migrations."""
    from aiops.storage.migrations import LATEST, STEPS, applied

    home, config = _config(args)
    if config is None:
        info: dict[str, Any] = {"backend": "sqlite", "location": str(home.root), "current": True}
    else:
        rows = applied(config)
        version = max((r[0] for r in rows), default=0)
        info = {"backend": "postgresql", "location": config.shown, "version": version, "latest": LATEST,
                "current": version >= LATEST,
                "applied": [{"version": v, "name": n, "applied_at": at} for v, n, at in rows],
                "pending": [{"version": s.version, "name": s.name} for s in STEPS if s.version > version]}
    if args.json:
        print(json.dumps(info, indent=2))
        return 0 if info["current"] else 1
    print(f"state: {info['backend']} at {info['location']}")
    if config is not None:
        print(f"schema version {info['version']} of {info['latest']}")
        for step in info["applied"]:
            print(f"  applied {step['version']}: {step['name']} ({step['applied_at']})")
        for step in info["pending"]:
            print(f"  pending {step['version']}: {step['name']}")
        if not info["current"]:
            print("run `aiops db upgrade` to apply the pending migrations")
    return 0 if info["current"] else 1
