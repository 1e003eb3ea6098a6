"""The audit trail's chain: entry hashes, the head file and the key they are made with.

An entry is canonical JSON `{"seq", "ts", "kind", "incident_id", ...fields, "alg", "prev", "hash"}`.
`hash` is an HMAC-SHA256 (key: `audit_key(secret.key)`) over the entry without `hash`, and `prev` is
the previous entry's hash (64 zeros for the first), so nobody without the key can edit, remove,
reorder, insert or re-chain entries unnoticed. Entries written before keyed chains have no `alg` and a
plain sha256 `hash` (`entry_hash`); they are accepted only before the first keyed entry, which pins them.

The head file (`<trail>.head`) holds the last seq and hash and an HMAC of both (`mac`), rewritten with
every append, so a trail cut at the end (or deleted) is detected too.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiops.safety.jsonable import canonical_json

GENESIS = "0" * 64
ALG = "hmac-sha256"
HEAD_SUFFIX = ".head"


EXECUTION_KINDS = ("execution_started", "execution_result")
"""The entries that show an approval was used."""

def audit_key(secret: bytes) -> bytes:
    """The chain key derived from the state folder's secret."""
    from aiops.safety.secret import derive_key

    return derive_key(secret, "audit-chain")


def state_key(folder: Path) -> bytes | None:
    """The chain key of the state folder `folder`, or None when it has no `secret.key`."""
    from aiops.safety.secret import read_secret

    secret = read_secret(folder)
    return audit_key(secret) if secret is not None else None


def _body(entry: dict[str, Any]) -> bytes:
    return canonical_json({key: value for key, value in entry.items() if key != "hash"}).encode("utf-8")


def entry_hash(entry: dict[str, Any]) -> str:
    """The unkeyed (legacy) hash of an entry: sha256 over its canonical JSON without `hash`."""
    return hashlib.sha256(_body(entry)).hexdigest()


def entry_mac(entry: dict[str, Any], key: bytes) -> str:
    """The keyed hash of an entry: HMAC-SHA256 over its canonical JSON without `hash`."""
    return hmac.new(key, _body(entry), hashlib.sha256).hexdigest()


def head_mac(seq: int, digest: str, key: bytes) -> str:
    """The head file's HMAC over the last seq and hash."""
    return hmac.new(key, canonical_json({"head": seq, "hash": digest}).encode("utf-8"), hashlib.sha256).hexdigest()


def is_entry(value: Any) -> bool:
    """True for a parsed chain entry (a mapping with an integer `seq` and a string `hash`)."""
    return isinstance(value, dict) and isinstance(value.get("seq"), int) and isinstance(value.get("hash"), str)


def is_keyed(entry: dict[str, Any]) -> bool:
    """True for an entry of a keyed chain."""
    return entry.get("alg") == ALG


def head_path(path: Path) -> Path:
    """The head file of the trail at `path`."""
    return path.with_name(path.name + HEAD_SUFFIX)


@dataclass(frozen=True, slots=True)
class Head:
    """What the head file says: the last seq and hash, and its mac (None in a legacy head)."""

    seq: int
    hash: str
    mac: str | None = None

    def mac_ok(self, key: bytes | None) -> bool:
        """True when the head carries a mac made with `key`."""
        return self.mac is not None and key is not None and hmac.compare_digest(
            head_mac(self.seq, self.hash, key), self.mac)


def read_head(path: Path) -> Head | str | None:
    """The head of the trail at `path`: a `Head`, None when there is no head file, or a problem text."""
    file = head_path(path)
    if not file.exists():
        return None
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        mac = data.get("mac")
        return Head(int(data["seq"]), str(data["hash"]), str(mac) if mac is not None else None)
    except (ValueError, KeyError, TypeError, AttributeError, OSError):
        return f"unreadable head file {file.name}"


def iter_entries(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    """`(line number, parsed entry or None, raw text)` for every non-empty line of an audit file."""
    if not path.exists():
        return
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, raw in enumerate(handle, start=1):
            text = raw.rstrip("\n")
            if not text.strip():
                continue
            try:
                entry = json.loads(text)
            except ValueError:
                entry = None
            yield number, entry if isinstance(entry, dict) else None, text


def tail_problem(last: dict[str, Any] | None, head: Head | str | None, key: bytes | None) -> str | None:
    """Why the trail's end disagrees with its head file (lines cut off the end, a head rewritten or
    deleted), or None. A head one append behind (a crash between the line and the head) is fine."""
    last_seq = last["seq"] if last else 0
    if isinstance(head, str):
        return head
    if head is None:
        return "the head file is missing (it is rewritten with every keyed append)" if last and is_keyed(last) else None
    if head.mac is None:
        if last is not None and is_keyed(last) and head.seq >= last_seq:
            return "the head file carries no mac: it was written without the key"
    elif not head.mac_ok(key):
        return "the head file does not match its mac: it was written without the key"
    if head.seq > last_seq:
        if last_seq == 0:
            return f"the trail is missing or empty but its head file records seq {head.seq}: it was deleted or emptied"
        return (f"the log ends at seq {last_seq} but the head file records seq {head.seq}: "
                "lines were removed from the end")
    if last is not None and head.seq == last_seq and head.hash != last["hash"]:
        return f"seq {last_seq} does not match the hash in the head file"
    return None


def genuine(entry: dict[str, Any], key: bytes) -> bool:
    """True when the entry's hash verifies: its keyed mac, or the plain hash of a legacy entry."""
    if is_keyed(entry):
        return hmac.compare_digest(entry_mac(entry, key), entry["hash"])
    return entry_hash(entry) == entry["hash"]
