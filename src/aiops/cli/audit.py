"""`aiops audit`: check, repair and read the keyed, hash-chained audit trail of a state folder.

aiops audit verify [--home DIR] [--repair]   exit 0 when intact and complete, 1 otherwise
aiops audit repair [--home DIR]              set torn lines (from a crash) aside, then verify
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
_SKIP = frozenset({"seq", "ts", "kind", "incident_id", "alg", "prev", "hash"})


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
        "chained with a keyed hash (the state folder's secret.key) so that an edited, removed, reordered "
        "or re-chained line, a cut end or a deleted trail is detected; `verify` also checks it against the "
        "approval ledger and the incident index.",
    )
    sub = parser.add_subparsers(dest="audit_command", metavar="ACTION")
    parser.set_defaults(func=lambda _args: parser.print_help() or 2)

    verify = sub.add_parser("verify", help="check the hash chain (exit 0 intact, 1 broken)")
    add_home(verify)
    verify.add_argument("--repair", action="store_true",
                        help="first set torn lines (an append cut short by a crash) aside into audit.jsonl.torn")
    verify.set_defaults(func=handle_verify)

    repair = sub.add_parser("repair", help="set torn lines from a crash aside, then verify (same as verify --repair)")
    repair.add_argument("--home", metavar="DIR", help="state folder (default: $AIOPS_HOME or ./.aiops)")
    repair.set_defaults(func=handle_verify, repair=True)

    show = sub.add_parser("show", help="print the audit entries, oldest first")
    add_home(show)
    show.add_argument("--incident", metavar="ID", help="only the entries of this incident")
    show.add_argument("--json", action="store_true", help="one JSON object per line, as stored")
    show.set_defaults(func=handle_show)


def _incidents(home: Path) -> list[tuple[str, str]]:
    """(id, status) of every incident in the index, read-only."""
    import sqlite3

    index = home / "incidents.sqlite"
    if not index.exists():
        return []
    conn = sqlite3.connect(f"file:{index}?mode=ro", uri=True)
    try:
        return [(str(r[0]), str(r[1])) for r in conn.execute("SELECT id, status FROM incidents")]
    except sqlite3.DatabaseError:
        return []
    finally:
        conn.close()


def handle_verify(args: argparse.Namespace) -> int:
    """Verify the chain and the head, cross-check with the ledger and the index; print the verdict."""
    from aiops.cli import _audit_db
    from aiops.safety.audit import read_entries, verify
    from aiops.safety.audit_chain import audit_key, head_path
    from aiops.safety.audit_check import cross_check
    from aiops.safety.secret import read_secret

    if (db_home := _audit_db.database_home(args)) is not None:
        return _audit_db.verify(db_home)
    home = _home(args)
    path = home / AUDIT_FILE
    secret = read_secret(home)
    key = audit_key(secret) if secret is not None else None
    if getattr(args, "repair", False):
        _repair(path, key)
    gaps = cross_check(read_entries(path), state_dir=home, secret=secret, incidents=_incidents(home))
    if not path.exists() and not head_path(path).exists() and not gaps:
        print(f"no audit trail at {path}; nothing to verify")
        return 0
    result = verify(path, key=key)
    if not path.exists():
        print(f"audit trail MISSING at {path}: {result.reason or 'the state folder records what it should hold'}")
    elif result.ok and not gaps:
        print(f"audit trail intact: {result.lines} entries ({path})")
    elif result.only_torn:
        print(f"audit trail TORN at line {result.first_bad_line}: {result.reason} ({path})")
        print("  repair with: aiops audit verify --repair")
    elif not result.ok:
        print(f"audit trail BROKEN at line {result.first_bad_line}: {result.reason} ({path})")
    if gaps and path.exists():
        print(f"audit trail INCOMPLETE: the state folder records {len(gaps)} thing(s) the trail does not "
              f"account for (lines removed, or the trail restored from an older copy) ({path}):")
    for gap in gaps:
        print(f"  - {gap}")
    for note in result.notes:
        print(f"  note: {note}")
    return 0 if result.ok and not gaps and path.exists() else 1


def _repair(path: Path, key: bytes | None) -> None:
    """Set torn lines aside (prints what it did, or why it did not)."""
    from aiops.safety.audit_repair import RepairRefusedError, repair

    if not path.exists():
        return
    try:
        report = repair(path, key=key)
    except RepairRefusedError as exc:
        print(f"{exc}")
        return
    if report.removed:
        lines = ", ".join(str(n) for n in report.removed)
        plural = "s" if len(report.removed) > 1 else ""
        print(f"repaired: set aside {len(report.removed)} torn line{plural} ({lines}) into {report.saved_to}")


def _field(value: Any) -> str:
    from aiops.core.termtext import safe_line

    text = safe_line(value if isinstance(value, str) else json.dumps(value, sort_keys=True))
    return text if len(text) <= 120 else text[:117] + "..."


def handle_show(args: argparse.Namespace) -> int:
    """Print the entries (optionally of one incident)."""
    from aiops.cli import _audit_db
    from aiops.safety.audit import read_entries

    if (db_home := _audit_db.database_home(args)) is not None:
        entries, path = _audit_db.entries(db_home, args.incident)
    else:
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
            f"{entry.get('seq', '?'):>5} {_field(entry.get('ts', ''))} {_field(entry.get('kind', ''))} "
            f"[{_field(entry.get('incident_id') or '-')}] {details}".rstrip()
        )
    if not entries and not args.json:
        scope = f" for incident {args.incident}" if args.incident else ""
        print(f"no audit entries{scope} at {path}")
    return 0
