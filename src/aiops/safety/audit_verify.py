"""Checking an audit trail: the keyed chain of every line, the head file, and torn lines.

A line that is not a chain entry (an append cut short by a crash, or text put in between) loses no
entry when the chain runs on across it; it is reported as *torn* and `audit_repair.repair` sets it
aside. Everything else that is wrong (an edited, removed, reordered, inserted or re-chained entry, an
unkeyed entry after keyed ones, a head that disagrees, a cut recorded by a later append) is *broken*.
"""

from __future__ import annotations

import hmac
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiops.safety.audit_chain import (
    ALG,
    GENESIS,
    Head,
    entry_hash,
    entry_mac,
    is_entry,
    is_keyed,
    iter_entries,
    read_head,
    state_key,
    tail_problem,
)


@dataclass(frozen=True, slots=True)
class AuditVerification:
    """The result of `verify`: `lines` counts the non-empty lines; `first_bad_line` is 1-based.

    `keyed` and `legacy` count the entries of each kind; `torn` lists the line numbers of lines that
    are not entries; `notes` says what a reader should know even when the trail is intact."""

    ok: bool
    lines: int
    first_bad_line: int | None = None
    reason: str = ""
    keyed: int = 0
    legacy: int = 0
    torn: tuple[int, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def only_torn(self) -> bool:
        """True when the only problem is torn lines (repairable)."""
        return not self.ok and bool(self.torn) and self.first_bad_line == self.torn[0] and \
            self.reason.startswith("torn")


def _entry_problem(entry: dict[str, Any], prev: str, seq: int, key: bytes | None, after_keyed: bool) -> str | None:
    alg = entry.get("alg")
    if alg == ALG:
        if key is None:
            return "keyed entries, but there is no secret.key next to the trail to check them with"
        if not hmac.compare_digest(entry_mac(entry, key), entry["hash"]):
            return f"hash mismatch at seq {entry['seq']}: the line was edited, or written without the key"
    elif alg is not None:
        return f"unknown chain algorithm {str(alg)[:20]!r} at seq {entry['seq']}"
    elif after_keyed:
        return f"an unkeyed line at seq {entry['seq']} after keyed entries: it was written without the key"
    elif entry["hash"] != entry_hash(entry):
        return f"hash mismatch at seq {entry['seq']}: the line was edited"
    if entry.get("prev") != prev:
        return f"chain broken at seq {entry['seq']}: a line before it was removed, inserted or reordered"
    if entry["seq"] != seq + 1:
        return f"sequence jumps from {seq} to {entry['seq']}: lines were removed or reordered"
    return None


def verify(path: Path, *, key: bytes | None = None) -> AuditVerification:
    """Check the whole chain of `path` and its head file. `key` defaults to the chain key of the
    state folder the trail is in (its `secret.key`)."""
    key = key if key is not None else state_key(path.parent)
    return verify_trail(iter_entries(path), read_head(path), key, lambda: _ledger_format(path.parent))


def verify_trail(lines: Iterable[tuple[int, dict[str, Any] | None, str]], head: Head | str | None,
                 key: bytes | None, ledger_format: Callable[[], str | None]) -> AuditVerification:
    """Check a trail given as `(line number, entry or None, raw)` and its head (a file's lines, or the
    rows of the PostgreSQL trail); `ledger_format()` says whether the ledger next to it was born keyed."""
    prev, seq, count, last_line, keyed, legacy, last_legacy, first_legacy = GENESIS, 0, 0, 0, 0, 0, 0, 0
    torn: list[int] = []
    last: dict[str, Any] | None = None
    head_hash: str | None = None
    cut: dict[str, Any] | None = None
    for number, entry, _ in lines:
        count, last_line = count + 1, number
        if entry is None or not is_entry(entry):
            torn.append(number)
            continue
        problem = _entry_problem(entry, prev, seq, key, keyed > 0)
        if problem:
            return AuditVerification(False, count, number, problem, keyed, legacy, tuple(torn))
        if is_keyed(entry):
            keyed += 1
        else:
            legacy, last_legacy = legacy + 1, entry["seq"]
            first_legacy = first_legacy or number
        prev, seq, last = entry["hash"], entry["seq"], entry
        if isinstance(head, Head) and head.seq == seq:
            head_hash = entry["hash"]
        if entry.get("kind") == "trail_cut" and cut is None:
            cut = {**entry, "_line": number}
    problem = tail_problem(last, head, key)
    if problem is None and isinstance(head, Head):
        if head.mac is None and head.seq > last_legacy and keyed:
            problem = "the head file carries no mac: it was written without the key"
        elif head.seq <= seq and head_hash is not None and head_hash != head.hash:
            problem = f"seq {head.seq} does not match the hash in the head file"
    if problem:
        return AuditVerification(False, count, last_line + 1, problem, keyed, legacy, tuple(torn))
    if legacy and ledger_format() == "native":
        return AuditVerification(
            False, count, first_legacy,
            "unkeyed entries in a state folder whose approval ledger was created with state seals (so its "
            "trail was keyed from the first line): the trail was rewritten without the key", keyed, legacy,
            tuple(torn))
    if cut is not None:
        return AuditVerification(
            False, count, cut["_line"],
            f"the trail was cut before seq {cut['seq']} and appended to afterwards: {cut.get('problem')}",
            keyed, legacy, tuple(torn))
    notes = _notes(keyed, legacy)
    if torn:
        lines = ", ".join(str(n) for n in torn)
        plural = "s" if len(torn) > 1 else ""
        return AuditVerification(
            False, count, torn[0],
            f"torn line{plural} {lines}: not an entry (an append cut short by a crash, or text put in); "
            "the chain runs on intact across it; set it aside with `aiops audit verify --repair`",
            keyed, legacy, tuple(torn), notes)
    return AuditVerification(True, count, None, "", keyed, legacy, (), notes)


def _ledger_format(folder: Path) -> str | None:
    from aiops.core.errors import ConfigError
    from aiops.safety.ledger_seal import ledger_format
    from aiops.safety.secret import read_secret

    try:
        return ledger_format(folder, read_secret(folder))
    except (ConfigError, sqlite3.Error, OSError):  # reported by the cross-checks, not here
        return None


def _notes(keyed: int, legacy: int) -> tuple[str, ...]:
    if not legacy:
        return ()
    if keyed:
        return (f"{legacy} entries are unkeyed (written before keyed chains); the keyed entry after them "
                "pins them as they were at the upgrade",)
    return (f"all {legacy} entries are unkeyed (written before keyed chains): they show order, not "
            "authenticity; the next entry written pins them",)
