"""`aiops audit verify` and `aiops audit show` when the state lives in PostgreSQL: the same checks as
for `audit.jsonl` (keyed chain, keyed head, cross-checks with the ledger and the incident index), over
the `audit_entries` rows. There are no torn lines to repair: every append is one transaction."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def database_home(args: argparse.Namespace) -> Any:
    """The state home when it is configured with a PostgreSQL database, else None (SQLite files)."""
    import os

    from aiops.runtime.home import StateHome
    from aiops.storage.config import resolve

    root = Path(args.home or os.environ.get("AIOPS_HOME") or ".aiops")
    if resolve(root) is None:
        return None
    return StateHome.resolve(root)


def verify(home: Any) -> int:
    """Verify the trail in the database and cross-check it; print the verdict (exit 0 intact, 1 not)."""
    from aiops.runtime.state import database, open_audit, open_index
    from aiops.safety.audit_check import cross_check
    from aiops.safety.ledger_seal import database_ledger_format
    from aiops.safety.secret import read_secret

    db = database(home)
    audit = open_audit(home)
    secret = read_secret(home.root)
    result = audit.verify(lambda: database_ledger_format(db, secret))
    gaps = cross_check(audit.entries(), state_dir=home.root, secret=secret,
                       incidents=open_index(home).statuses(), ledger=db)
    where = audit.shown
    if result.ok and not gaps:
        print(f"audit trail intact: {result.lines} entries ({where})")
    elif not result.ok:
        print(f"audit trail BROKEN at entry {result.first_bad_line}: {result.reason} ({where})")
    if gaps:
        print(f"audit trail INCOMPLETE: the state records {len(gaps)} thing(s) the trail does not account for "
              f"(entries removed, or the trail restored from an older copy) ({where}):")
    for gap in gaps:
        print(f"  - {gap}")
    for note in result.notes:
        print(f"  note: {note}")
    return 0 if result.ok and not gaps else 1


def entries(home: Any, incident: str | None) -> tuple[list[dict[str, Any]], str]:
    """The entries (of one incident, when given) and where they came from."""
    from aiops.runtime.state import open_audit

    audit = open_audit(home)
    return audit.entries(incident), audit.shown
