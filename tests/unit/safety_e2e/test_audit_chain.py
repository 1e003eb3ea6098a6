"""The audit trail of a real incident records every step in order, and `aiops audit verify` detects an
edited, removed or truncated line, a re-chained rewrite, a cut with a rewritten head and a deleted
trail (issue #11 item 3: the chain is keyed and checked against the ledger and the incident index)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from aiops.runtime.decisions import Decision
from aiops.runtime.home import StateHome
from aiops.safety.audit import entry_hash
from aiops.safety.jsonable import canonical_json
from tests.unit.safety_e2e.harness import LEGIT, ROOT, Run, compromised_team, start


def _decide(request: dict) -> Decision:
    if (request["action"], request["target"]) == LEGIT:
        return Decision("approve", "ann")
    return Decision("reject", "ann", reason="restarts do not fix a leak")


@pytest.fixture(scope="module")
def incident(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    models = compromised_team(obey=False)
    models["sre_remediator"].plan = [
        {"name": "execute_remediation", "args": {"action": "drop_database", "target": "postgres", "reason": "x"}},
        {"name": "execute_remediation", "args": {"action": "restart", "target": "payment-api", "reason": "y"}},
        {"name": "execute_remediation", "args": {"action": LEGIT[0], "target": LEGIT[1], "reason": "leak"}},
    ]
    run = start("pool-leak-payment", _decide, home=StateHome.resolve(tmp_path_factory.mktemp("audit") / "state"),
                models=models)
    run.session.close()
    yield run


def _verify(home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "aiops", "audit", "verify"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False, env={**os.environ, "AIOPS_HOME": str(home)})


def test_every_step_of_the_incident_is_audited_in_order(incident: Run) -> None:
    steps = [(e["kind"], e.get("action"), e.get("decision")) for e in incident.audit()]
    assert steps == [
        ("policy_refusal", "drop_database", None),
        ("proposal", "restart", None),
        ("decision", "restart", "rejected"),
        ("proposal", LEGIT[0], None),
        ("decision", LEGIT[0], "approved"),
        ("execution_started", LEGIT[0], None),
        ("execution_result", LEGIT[0], None),
    ]
    decision, started, result = incident.audit()[4:]
    assert decision["approver"] == "ann" and decision["approval_id"] == started["approval_id"] == result["approval_id"]
    assert result["ok"] is True
    rejected = incident.audit("decision")[0]
    assert rejected["reason"] == "restarts do not fix a leak" and rejected["approver"] == "ann"


def test_audit_verify_passes_on_the_untouched_trail(incident: Run) -> None:
    out = _verify(incident.home.root)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "intact" in out.stdout


def _tampered(incident: Run, change) -> subprocess.CompletedProcess[str]:
    path = incident.home.audit
    original = path.read_bytes()
    lines = original.decode().splitlines(keepends=True)
    try:
        path.write_text("".join(change(lines)))
        return _verify(incident.home.root)
    finally:
        path.write_bytes(original)


def _index(lines: list[str], kind: str) -> int:
    return next(i for i, line in enumerate(lines) if json.loads(line)["kind"] == kind)


def _flip_rejection(lines: list[str]) -> list[str]:
    i = _index(lines, "decision")
    return [*lines[:i], lines[i].replace('"rejected"', '"approved"'), *lines[i + 1:]]


def _flip_rejection_rehashed(lines: list[str]) -> list[str]:
    """The edit with the line's own hash recomputed (sha256, no key): the keyed line no longer verifies."""
    i = _index(lines, "decision")
    entry = json.loads(lines[i])
    entry["decision"], entry["approver"] = "approved", "cto"
    entry["hash"] = entry_hash(entry)
    return [*lines[:i], canonical_json(entry) + "\n", *lines[i + 1:]]


def _drop_refusal(lines: list[str]) -> list[str]:
    i = _index(lines, "policy_refusal")
    return [*lines[:i], *lines[i + 1:]]


@pytest.mark.parametrize(("change", "bad_line"), [
    pytest.param(_flip_rejection, 3, id="edited-decision"),
    pytest.param(_flip_rejection_rehashed, 3, id="edited-and-rehashed"),
    pytest.param(_drop_refusal, 1, id="removed-refusal"),
    pytest.param(lambda lines: lines[:-1], 7, id="removed-last-line"),
    pytest.param(lambda lines: [lines[1], lines[0], *lines[2:]], 1, id="reordered"),
])
def test_audit_verify_detects_tampering(incident: Run, change, bad_line: int) -> None:
    out = _tampered(incident, change)
    assert out.returncode == 1, out.stdout
    assert f"BROKEN at line {bad_line}" in out.stdout, out.stdout
    assert _verify(incident.home.root).returncode == 0


def _rechained(entries: list[dict], *, legacy: bool) -> list[str]:
    """Entries renumbered and chained again without the key (sha256), as a rewrite would be."""
    from aiops.safety.audit import GENESIS

    prev, out = GENESIS, []
    for seq, original in enumerate(entries, start=1):
        entry = {k: v for k, v in original.items() if k != "hash" and not (legacy and k == "alg")}
        entry.update(seq=seq, prev=prev)
        entry["hash"] = prev = entry_hash(entry)
        out.append(canonical_json(entry) + "\n")
    return out


def _rewrite(incident: Run, lines: list[str] | None, head: dict | None) -> subprocess.CompletedProcess[str]:
    """Replace the trail (None: delete it) and its head file (None: delete it), verify, put both back."""
    path, head_file = incident.home.audit, incident.home.audit.with_name("audit.jsonl.head")
    saved = path.read_bytes(), head_file.read_bytes()
    try:
        path.unlink()
        head_file.unlink()
        if lines is not None:
            path.write_text("".join(lines))
        if head is not None:
            head_file.write_text(json.dumps(head))
        return _verify(incident.home.root)
    finally:
        path.write_bytes(saved[0])
        head_file.write_bytes(saved[1])


def _entries(incident: Run) -> list[dict]:
    return [json.loads(line) for line in incident.home.audit.read_text().splitlines()]


def _last_head(lines: list[str]) -> dict:
    last = json.loads(lines[-1])
    return {"seq": last["seq"], "hash": last["hash"]}


REWRITES = {
    "rechained-refusal-removed": lambda es: _rechained([e for e in es if e["kind"] != "policy_refusal"],
                                                       legacy=False),
    "rechained-approver-changed": lambda es: _rechained(
        [{**e, "approver": "cto"} if e["kind"] == "decision" else e for e in es], legacy=False),
    "rechained-as-unkeyed-legacy": lambda es: _rechained([e for e in es if e["kind"] != "policy_refusal"],
                                                         legacy=True),
    "cut-with-head-rewritten": lambda es: [canonical_json(e) + "\n" for e in es[:4]],
}


@pytest.mark.parametrize("variant", list(REWRITES))
def test_audit_verify_detects_a_rewrite_without_the_key(incident: Run, variant: str) -> None:
    lines = REWRITES[variant](_entries(incident))
    out = _rewrite(incident, lines, _last_head(lines))
    assert out.returncode == 1 and ("BROKEN" in out.stdout or "INCOMPLETE" in out.stdout), out.stdout
    assert _verify(incident.home.root).returncode == 0


@pytest.mark.parametrize("head", [True, False], ids=["head-kept", "head-deleted"])
def test_audit_verify_detects_a_deleted_trail(incident: Run, head: bool) -> None:
    saved = json.loads(incident.home.audit.with_name("audit.jsonl.head").read_text()) if head else None
    out = _rewrite(incident, None, saved)
    assert out.returncode == 1 and "MISSING" in out.stdout, out.stdout
    assert "approval" in out.stdout or "missing" in out.stdout
