"""`aiops` entry point: builds the argument parser from the command-group modules and maps errors
to exit codes (0 ok, 2 bad input or config, 3 awaiting approval, 4 unresolved, 5 budget exhausted)."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from aiops.cli._invocation import remember_home

GROUPS: tuple[str, ...] = ("respond", "incidents", "team", "sim", "logs", "bench", "env", "audit", "bundle",
                          "serve", "db", "worker")
"""Modules under `aiops.cli` that each define `register(subparsers)`; a handler is stored as `func`."""

EPILOG = """\
examples:
  aiops respond --scenario pool-leak-payment        run a full incident on the embedded sandbox
  aiops respond "payment-api 503s, error rate 23%"   respond to an alert typed by hand
  aiops respond --bundle ./evidence                 investigate a folder of collected logs, metrics, kubectl output
  aiops bundle check ./evidence                     what that folder holds, per service
  aiops incidents list                              incidents in the state folder (.aiops/)
  aiops incidents resume ID --approve               approve the paused remediation
  aiops team init ./my-team                         copy the default team out for editing
  aiops sim list                                    the sandbox scenarios
  aiops bench                                       score the team on every scenario
"""


def build_parser() -> argparse.ArgumentParser:
    """The full parser; every group module contributes its sub-commands."""
    parser = argparse.ArgumentParser(
        prog="aiops",
        description="An AI incident-response team for on-call engineers: it analyses logs and metrics, "
        "diagnoses the root cause, proposes a runbook fix, waits for your approval, executes it, "
        "verifies recovery and writes the incident report.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from aiops import __version__

    parser.add_argument("--version", action="version", version=f"aiops {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in GROUPS:
        try:
            module = importlib.import_module(f"aiops.cli.{group}")
        except ModuleNotFoundError as exc:  # a group not built yet
            if exc.name != f"aiops.cli.{group}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (also used by `python -m aiops`)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    home = getattr(args, "home", None)
    remember_home(home if isinstance(home, str) else None)
    if func is None:
        parser.print_help()
        return 2
    try:
        code = func(args)
    except KeyboardInterrupt:
        print("aiops: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        from aiops.core.errors import AiopsError  # imported here: keeps `aiops logs parse` start-up light

        if not isinstance(exc, AiopsError):
            raise
        from aiops.core.termtext import safe_text

        print(f"aiops: error: {safe_text(exc)}", file=sys.stderr)
        return exc.exit_code
    finally:
        remember_home(None)  # embedded use (tests, other programs): the next call starts clean
    return int(code or 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
