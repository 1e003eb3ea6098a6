"""The audit chain is keyed (HMAC with the state folder's key), so it cannot be rewritten without the
key; a shortened or deleted trail is detected; a torn line from a crash is reported as such and
repairable (issue #11 item 3)."""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path

import pytest

from aiops.safety import AuditLog, verify
from aiops.safety.audit import GENESIS, entry_hash
from aiops.safety.jsonable import canonical_json


@pytest.fixture
def log(tmp_path: Path) -> AuditLog:
    audit = AuditLog(tmp_path / "audit.jsonl")
    audit.append("proposal", incident_id="INC-1", action="restart", target="payment-api", proposal_id="p1")
    audit.append("decision", incident_id="INC-1", decision="approved", approver="sam", approval_id="a1")
    audit.append("execution_started", incident_id="INC-1", action="restart", target="payment-api",
                 approval_id="a1")
    audit.append("execution_result", incident_id="INC-1", ok=True, message="restarted", approval_id="a1")
    audit.append("policy_refusal", incident_id="INC-2", action="drop_database", reason="not in catalogue")
    return audit


def _entries(log: AuditLog) -> list[dict]:
    return [json.loads(line) for line in log.path.read_text().splitlines()]


def _rechain(entries: list[dict], mac=None) -> list[dict]:
    """Renumber and re-chain entries as an attacker without the key would (sha256, or a guessed key)."""
    prev, out = GENESIS, []
    for seq, original in enumerate(entries, start=1):
        entry = {**original, "seq": seq, "prev": prev}
        entry.pop("hash", None)
        entry["hash"] = mac(entry) if mac else entry_hash(entry)
        prev = entry["hash"]
        out.append(entry)
    return out


def _write(log: AuditLog, entries: list[dict], *, head: bool = True) -> None:
    log.path.write_text("".join(canonical_json(e) + "\n" for e in entries))
    if head:
        last = entries[-1]
        log.head_path.write_text(json.dumps({"seq": last["seq"], "hash": last["hash"]}))


def test_entries_are_keyed_with_the_state_folders_key(log: AuditLog) -> None:
    entries = _entries(log)
    assert all(e["alg"] == "hmac-sha256" for e in entries)
    assert all(entry_hash(e) != e["hash"] for e in entries), "plain sha256 no longer verifies an entry"
    assert (log.path.parent / "secret.key").is_file()
    assert verify(log.path).ok and verify(log.path).keyed == 5


def _guessed(entry: dict) -> str:
    body = canonical_json({k: v for k, v in entry.items() if k != "hash"}).encode()
    return hmac.new(b"guessed-key-0123", body, hashlib.sha256).hexdigest()


@pytest.mark.parametrize("change", [
    pytest.param(lambda es: [e for e in es if e["kind"] != "policy_refusal"], id="refusal-removed"),
    pytest.param(lambda es: [{**e, "approver": "cto"} if e["kind"] == "decision" else e for e in es],
                 id="approver-changed"),
    pytest.param(lambda es: [e for e in es if e["kind"] != "decision"], id="decision-removed"),
])
@pytest.mark.parametrize("mode", ["sha256", "sha256-as-legacy-lines", "guessed-key"])
def test_a_rechained_rewrite_with_a_new_head_is_detected(log: AuditLog, change, mode: str) -> None:
    entries = change(_entries(log))
    if mode == "sha256-as-legacy-lines":
        # Pass the whole trail off as one written before keyed chains. Only the state folder can tell:
        # its approval ledger was created with seals, so its trail was keyed from its first line.
        from aiops.safety import ApprovalLedger, Policy, PolicyConfig, load_or_create_secret

        ApprovalLedger(log.path.parent / "approvals.sqlite", secret=load_or_create_secret(log.path.parent),
                       policy=Policy({}, [], PolicyConfig()))
        entries = [{k: v for k, v in e.items() if k != "alg"} for e in entries]
    _write(log, _rechain(entries, _guessed if mode == "guessed-key" else None))
    result = verify(log.path)
    assert not result.ok, result


def test_truncation_with_a_rewritten_head_is_detected(log: AuditLog) -> None:
    entries = _entries(log)[:3]
    _write(log, entries)  # the head now names the new last line, but it carries no valid mac
    result = verify(log.path)
    assert not result.ok and "head" in result.reason


def test_truncation_keeping_the_head_is_detected(log: AuditLog) -> None:
    _write(log, _entries(log)[:3], head=False)
    result = verify(log.path)
    assert not result.ok and "removed from the end" in result.reason


def test_a_deleted_head_file_is_detected(log: AuditLog) -> None:
    log.head_path.unlink()
    result = verify(log.path)
    assert not result.ok and "head" in result.reason


def test_a_deleted_trail_is_detected_by_its_head(log: AuditLog) -> None:
    log.path.unlink()
    result = verify(log.path)
    assert not result.ok and "missing" in result.reason


def test_an_append_after_a_cut_records_the_cut(log: AuditLog) -> None:
    """An append does not heal a shortened trail: it writes down what the head said first."""
    _write(log, _entries(log)[:3], head=False)
    log.append("proposal", incident_id="INC-3", action="restart", target="user-api")
    kinds = [e["kind"] for e in _entries(log)]
    assert kinds[-2:] == ["trail_cut", "proposal"]
    cut = _entries(log)[-2]
    assert cut["head_seq"] == 5 and cut["last_seq"] == 3
    result = verify(log.path)
    assert not result.ok and "cut" in result.reason


def test_a_torn_last_line_is_reported_as_torn_and_repairable(log: AuditLog) -> None:
    from aiops.safety.audit_repair import repair

    with log.path.open("a") as handle:
        handle.write('{"seq": 6, "ts": "2025')  # a crash mid-append, before the head was written
    result = verify(log.path)
    assert not result.ok and result.torn == (6,) and "torn" in result.reason
    log.append("decision", incident_id="INC-3", decision="rejected", reason="no")
    result = verify(log.path)
    assert not result.ok and result.torn == (6,) and result.first_bad_line == 6
    report = repair(log.path)
    assert report.removed == (6,) and report.saved_to.is_file()
    assert '{"seq": 6, "ts": "2025' in report.saved_to.read_text()
    after = verify(log.path)
    assert after.ok and after.lines == 6, after


def test_repair_refuses_a_trail_that_was_altered(log: AuditLog) -> None:
    from aiops.safety.audit_repair import RepairRefusedError, repair

    lines = log.path.read_text().splitlines()
    lines[1] = lines[1].replace("sam", "eve")
    log.path.write_text("\n".join(lines) + "\n")
    with pytest.raises(RepairRefusedError, match="edited"):
        repair(log.path)


def _legacy_trail(path: Path, count: int = 3) -> None:
    """A trail as versions before keyed chains wrote it: sha256 chain, head without a mac."""
    prev, lines = GENESIS, []
    for seq in range(1, count + 1):
        entry = {"seq": seq, "ts": "2025-01-06T12:00:00+00:00", "kind": "proposal", "incident_id": "OLD",
                 "action": "restart", "prev": prev}
        entry["hash"] = entry_hash(entry)
        prev = entry["hash"]
        lines.append(canonical_json(entry))
    path.write_text("\n".join(lines) + "\n")
    path.with_name(path.name + ".head").write_text(json.dumps({"seq": count, "hash": prev}))


def test_a_legacy_trail_verifies_as_unkeyed_and_is_pinned_by_the_next_append(tmp_path: Path) -> None:
    path = tmp_path / "audit.jsonl"
    _legacy_trail(path)
    result = verify(path)
    assert result.ok and result.legacy == 3 and result.keyed == 0
    assert any("unkeyed" in note for note in result.notes)
    AuditLog(path).append("proposal", incident_id="NEW", action="restart")
    entries = [json.loads(line) for line in path.read_text().splitlines()]
    assert [e["kind"] for e in entries[3:]] == ["audit_upgraded", "proposal"]
    assert entries[3]["prev"] == entries[2]["hash"] and entries[3]["legacy_entries"] == 3
    assert verify(path).ok
    lines = path.read_text().splitlines()
    old = json.loads(lines[1])
    old["action"] = "failover"
    old["hash"] = entry_hash(old)
    lines[1] = canonical_json(old)
    path.write_text("\n".join(lines) + "\n")
    assert not verify(path).ok, "a legacy line edited after the upgrade breaks the keyed pin"


def test_an_unkeyed_line_after_keyed_lines_is_forged(log: AuditLog) -> None:
    entries = _entries(log)
    forged = {"seq": 6, "ts": "x", "kind": "decision", "incident_id": "INC-9", "decision": "approved",
              "prev": entries[-1]["hash"]}
    forged["hash"] = entry_hash(forged)
    _write(log, [*entries, forged])
    result = verify(log.path)
    assert not result.ok and result.first_bad_line == 6 and "unkeyed" in result.reason


def test_keyed_entries_cannot_be_checked_without_the_key(log: AuditLog) -> None:
    (log.path.parent / "secret.key").unlink()
    result = verify(log.path)
    assert not result.ok and "secret.key" in result.reason
