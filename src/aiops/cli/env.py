"""`aiops env`: validate an environment file (schema only) and check that its backends answer."""

from __future__ import annotations

import argparse
import json

HELP = """\
An environment file (YAML) names the backend of each role: inventory, logs, metrics, events,
executor (and optionally clock). Credentials come from environment variables (`token_env: VAR`,
`password_env: VAR`, or `url_env: VAR` for a URL that is itself a credential, such as a Slack
webhook), never from the file: secrets inside values (URL queries, webhook URLs, `PGPASSWORD=` or
`Authorization:` in argv) are refused. Anchors, aliases and tags are refused too.

  aiops env validate prod.yaml      check the file's schema (exit 0 valid, 2 with the problem)
  aiops env check prod.yaml         connect to every backend and print a table (exit 1 if any fails)
  aiops env types                   the backend types available for each role
"""


def register(sub: argparse._SubParsersAction) -> None:
    """Add `env validate|check|types`."""
    p = sub.add_parser(
        "env",
        help="validate and check environment files (real backends)",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.set_defaults(func=lambda _args: p.print_help() or 2)
    cmds = p.add_subparsers(dest="env_command", metavar="COMMAND")
    validate = cmds.add_parser("validate", help="check an environment file's schema (exit 2 on a problem)")
    validate.add_argument("file", metavar="FILE", help="environment file (YAML)")
    validate.set_defaults(func=run_validate)
    check = cmds.add_parser("check", help="connect to every backend of an environment file")
    check.add_argument("file", metavar="FILE", help="environment file (YAML)")
    check.add_argument("--json", action="store_true", help="print one JSON object")
    check.set_defaults(func=run_check)
    types = cmds.add_parser("types", help="list the backend types of each role")
    types.set_defaults(func=run_types)


def run_validate(args: argparse.Namespace) -> int:
    """Validate the schema only (no connection)."""
    from aiops.backends import load_environment_file

    spec = load_environment_file(args.file)
    roles = ", ".join(f"{role}: {kind}" for role, kind in spec.summary().items())
    print(f"ok: {args.file} is a valid environment ({spec.name}; {roles})")
    return 0


def run_check(args: argparse.Namespace) -> int:
    """Build every backend and ask it to answer; exit 1 when any fails."""
    from aiops.backends import load_environment_file
    from aiops.backends.check import check_environment, render_table

    spec = load_environment_file(args.file)
    rows = check_environment(spec)
    if args.json:
        print(
            json.dumps(
                {
                    "environment": spec.name,
                    "ok": all(r.ok for r in rows),
                    "roles": [
                        {
                            "role": r.role,
                            "type": r.type,
                            "ok": r.ok,
                            "detail": r.detail,
                            "seconds": round(r.seconds, 3),
                        }
                        for r in rows
                    ],
                },
                indent=2,
            )
        )
    else:
        print(f"environment {spec.name} ({args.file})")
        print(render_table(rows))
    failed = [r.role for r in rows if not r.ok]
    if failed and not args.json:
        print(f"{len(failed)} backend(s) failed: {', '.join(failed)}")
    return 1 if failed else 0


def run_types(args: argparse.Namespace) -> int:  # noqa: ARG001
    """Print the registered backend types per role."""
    from aiops.backends import ROLES, backend_names

    for role in ROLES:
        print(f"{role:<10} {', '.join(backend_names(role))}")
    return 0
