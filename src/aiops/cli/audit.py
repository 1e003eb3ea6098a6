"""`aiops audit`: check and read the hash-chained audit trail of a state folder.

aiops audit verify [--home DIR]              exit 0 when intact, 1 with the first bad line
aiops audit show [--incident ID] [--json]    the entries, oldest first
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from aiops.cli._state import add_home

AUDIT_FILE = "audit.jsonl"
_SKIP = frozenset({"seq", "ts", "kind", "incident_id", "prev", "hash"})


def _home(args: argparse.Namespace) -> Path:
    if args.home:
        return Path(args.home)
    return Path(os.environ.get("AIOPS_HOME") or ".aiops")


def register(subparsers: Any) -> None:
    """Add `audit verify` and `audit show`."""
    parser = subparsers.add_parser(
        "audit",
        help="verify or show the audit trail",
        description="The audit trail records every proposal, decision, refusal, execution and result, "
        "hash-chained so that an edited, removed or reordered line is detected.",
    )
    sub = parser.add_subparsers(dest="audit_command", metavar="ACTION")
    parser.set_defaults(func=lambda _args: parser.print_help() or 2)

    verify = sub.add_parser("verify", help="check the hash chain (exit 0 intact, 1 broken)")
    add_home(verify)
    verify.set_defaults(func=handle_verify)

    show = sub.add_parser("show", help="print the audit entries, oldest first")
    add_home(show)
    show.add_argument("--incident", metavar="ID", help="only the entries of this incident")
    show.add_argument("--json", action="store_true", help="one JSON object per line, as stored")
    show.set_defaults(func=handle_show)


def handle_verify(args: argparse.Namespace) -> int:
    """Verify the chain; print the verdict."""
    from aiops.safety.audit import verify

    path = _home(args) / AUDIT_FILE
    if not path.exists():
        print(f"no audit trail at {path}; nothing to verify")
        return 0
    result = verify(path)
    if result.ok:
        print(f"audit trail intact: {result.lines} entries ({path})")
        return 0
    print(f"audit trail BROKEN at line {result.first_bad_line}: {result.reason} ({path})")
    return 1


def _field(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True)
    return text if len(text) <= 120 else text[:117] + "..."


def handle_show(args: argparse.Namespace) -> int:
    """Print the entries (optionally of one incident)."""
    from aiops.safety.audit import read_entries

    path = _home(args) / AUDIT_FILE
    entries = read_entries(path, args.incident)
    for entry in entries:
        if args.json:
            print(json.dumps(entry, sort_keys=True, ensure_ascii=False))
            continue
        details = " ".join(
            f"{key}={_field(value)}" for key, value in entry.items() if key not in _SKIP and value is not None
        )
        print(
            f"{entry.get('seq', '?'):>5} {entry.get('ts', '')} {entry.get('kind', '')} "
            f"[{entry.get('incident_id') or '-'}] {details}".rstrip()
        )
    if not entries and not args.json:
        scope = f" for incident {args.incident}" if args.incident else ""
        print(f"no audit entries{scope} at {path}")
    return 0
