"""`aiops audit verify` and `aiops audit show`."""

from __future__ import annotations

import json

from aiops.cli.main import main
from aiops.safety import AuditLog


def _populate(home):
    log = AuditLog(home / "audit.jsonl")
    log.append("proposal", incident_id="INC-1", action="restart", target="payment-api")
    log.append("decision", incident_id="INC-1", decision="approved", approver="sam")
    log.append("policy_refusal", incident_id="INC-2", action="drop_database", reason="not in catalogue")
    return log


def test_verify_intact_chain_exits_zero(tmp_path, capsys):
    _populate(tmp_path)
    assert main(["audit", "verify", "--home", str(tmp_path)]) == 0
    assert "intact: 3 entries" in capsys.readouterr().out


def test_verify_broken_chain_exits_non_zero_with_the_line_number(tmp_path, capsys):
    log = _populate(tmp_path)
    lines = log.path.read_text().splitlines()
    lines[1] = lines[1].replace("sam", "eve")
    log.path.write_text("\n".join(lines) + "\n")
    assert main(["audit", "verify", "--home", str(tmp_path)]) == 1
    assert "BROKEN at line 2" in capsys.readouterr().out


def test_verify_uses_aiops_home_by_default(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("AIOPS_HOME", str(tmp_path))
    _populate(tmp_path)
    assert main(["audit", "verify"]) == 0
    assert str(tmp_path) in capsys.readouterr().out


def test_verify_without_a_trail_has_nothing_to_do(tmp_path, capsys):
    assert main(["audit", "verify", "--home", str(tmp_path)]) == 0
    assert "nothing to verify" in capsys.readouterr().out


def test_show_filters_by_incident_and_prints_json(tmp_path, capsys):
    _populate(tmp_path)
    assert main(["audit", "show", "--home", str(tmp_path), "--incident", "INC-1", "--json"]) == 0
    entries = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [e["kind"] for e in entries] == ["proposal", "decision"]
    assert main(["audit", "show", "--home", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "policy_refusal [INC-2]" in out and "approver=sam" in out
