"""Audit trail: hash chain detects edited, removed, reordered, inserted and truncated lines;
entries are redacted."""

from __future__ import annotations

import itertools
import json

import pytest

from aiops.safety import AuditLog, Redactor, read_entries, verify
from aiops.safety.audit import GENESIS, entry_hash, entry_mac


@pytest.fixture
def log(tmp_path) -> AuditLog:
    audit = AuditLog(tmp_path / "audit.jsonl", Redactor())
    audit.append("proposal", incident_id="INC-1", action="restart", target="payment-api", risk="low")
    audit.append("decision", incident_id="INC-1", decision="approved", approver="sam")
    audit.append("execution_started", incident_id="INC-1", action="restart", target="payment-api")
    audit.append("execution_result", incident_id="INC-1", ok=True, message="restarted")
    audit.append("policy_refusal", incident_id="INC-2", action="drop_database", reason="not in catalogue")
    return audit


def _lines(log):
    return log.path.read_text(encoding="utf-8").splitlines()


def _write(log, lines):
    log.path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_intact_chain_verifies(log):
    result = verify(log.path)
    assert result.ok and result.lines == 5 and result.first_bad_line is None


def test_entries_are_chained_canonical_json(log):
    entries = read_entries(log.path)
    assert [e["seq"] for e in entries] == [1, 2, 3, 4, 5]
    assert entries[0]["prev"] == GENESIS
    for before, after in itertools.pairwise(entries):
        assert after["prev"] == before["hash"]
    assert all(entry_mac(e, log.key) == e["hash"] for e in entries)
    assert set(entries[0]) >= {"seq", "ts", "kind", "incident_id", "prev", "hash"}


def test_edited_line_is_detected(log):
    lines = _lines(log)
    lines[1] = lines[1].replace('"approver":"sam"', '"approver":"mallory"')
    _write(log, lines)
    result = verify(log.path)
    assert not result.ok and result.first_bad_line == 2 and "edited" in result.reason


def test_edited_line_with_recomputed_hash_is_detected(log):
    """Without the key, a recomputed hash no longer matches the line itself (keyed chain)."""
    lines = _lines(log)
    entry = json.loads(lines[1])
    entry["approver"] = "mallory"
    entry["hash"] = entry_hash(entry)
    lines[1] = json.dumps(entry)
    _write(log, lines)
    result = verify(log.path)
    assert not result.ok and result.first_bad_line == 2


def test_removed_line_is_detected(log):
    lines = _lines(log)
    del lines[2]
    _write(log, lines)
    result = verify(log.path)
    assert not result.ok and result.first_bad_line == 3


def test_reordered_lines_are_detected(log):
    lines = _lines(log)
    lines[1], lines[2] = lines[2], lines[1]
    _write(log, lines)
    result = verify(log.path)
    assert not result.ok and result.first_bad_line == 2


def test_inserted_line_is_detected(log):
    lines = _lines(log)
    forged = json.loads(lines[1])
    forged.update(seq=3, prev=forged["hash"], decision="approved", approver="mallory")
    forged["hash"] = entry_hash(forged)
    lines.insert(2, json.dumps(forged))
    _write(log, lines)
    result = verify(log.path)
    assert not result.ok and result.first_bad_line == 3


def test_lines_cut_from_the_end_are_detected_by_the_head_file(log):
    _write(log, _lines(log)[:3])
    result = verify(log.path)
    assert not result.ok and "removed from the end" in result.reason


def test_garbage_line_is_detected(log):
    lines = _lines(log)
    lines.insert(1, "not json at all")
    _write(log, lines)
    result = verify(log.path)
    assert not result.ok and result.first_bad_line == 2


def test_append_after_a_torn_last_line_continues_and_verify_reports_the_torn_line(log):
    with log.path.open("a", encoding="utf-8") as handle:
        handle.write('{"seq": 6, "ts": "2025')  # a crash mid-write
    log.append("decision", incident_id="INC-3", decision="rejected")
    lines = _lines(log)
    assert json.loads(lines[-1])["seq"] == 6
    result = verify(log.path)
    assert not result.ok and result.first_bad_line == 6


def test_every_entry_is_redacted(tmp_path):
    log = AuditLog(tmp_path / "audit.jsonl")
    log.append(
        "execution_result",
        incident_id="INC-1",
        message="connect postgres://app:hunter2@db:5432 failed",
        details={"password": "swordfish", "nested": ["token=abc123def456"]},
        approver="ops@example.com",
    )
    text = (tmp_path / "audit.jsonl").read_text()
    for secret in ("hunter2", "swordfish", "abc123def456", "ops@example.com"):
        assert secret not in text
    assert verify(tmp_path / "audit.jsonl").ok


def test_reserved_field_names_and_bad_kinds_are_refused(tmp_path):
    log = AuditLog(tmp_path / "audit.jsonl")
    with pytest.raises(ValueError, match="reserved"):
        log.append("proposal", hash="0" * 64)
    with pytest.raises(ValueError, match="kind"):
        log.append("Bad Kind")


def test_head_returns_the_last_seq_and_hash(log):
    seq, digest = log.head()
    assert seq == 5 and digest == read_entries(log.path)[-1]["hash"]


def test_read_entries_filters_by_incident(log):
    assert [e["kind"] for e in read_entries(log.path, "INC-2")] == ["policy_refusal"]


def test_missing_file_verifies_as_empty(tmp_path):
    result = verify(tmp_path / "none.jsonl")
    assert result.ok and result.lines == 0
