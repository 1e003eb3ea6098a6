"""`aiops.core.termtext`: untrusted text shown escaped, and the approval block built from the ledger."""

from __future__ import annotations

import pytest

from aiops.core.termtext import safe_line, safe_text


@pytest.mark.parametrize(("raw", "shown"), [
    ("a\x1b[1Ab", "a\\x1b[1Ab"),
    ("a\rb", "a\\rb"),
    ("a\nb", "a\\nb"),
    ("title\x1b]0;owned\x07", "title\\x1b]0;owned\\x07"),
    ("x\x9b2J", "x\\x9b2J"),
    ("abc\u202edef", "abc\\u202edef"),
    ("zero\u200bwidth", "zero\\u200bwidth"),
    ("tab\tok", "tab\tok"),
    ("naïve café 日本", "naïve café 日本"),
    ("\x00\x7f", "\\x00\\x7f"),
])
def test_safe_line_escapes_every_control_and_reordering_character(raw: str, shown: str) -> None:
    assert safe_line(raw) == shown


def test_safe_text_keeps_newlines_but_not_carriage_returns() -> None:
    assert safe_text("one\r\ntwo\rthree\n\x1b[2K") == "one\ntwo\\rthree\n\\x1b[2K"


def test_safe_line_cuts_long_text_after_escaping() -> None:
    assert safe_line("\x1b" * 50, limit=10) == "\\x1b\\x1b\\…"
    assert safe_line(None) == "None" and safe_line(42) == "42"


def test_the_approval_block_shows_the_ledger_binding_and_the_reason_escaped() -> None:
    from aiops.cli._incident import describe_request

    request = {"incident_id": "inc-1", "proposal_id": "prop_1", "action": "rollback_deployment",
               "target": "user-api", "risk": "medium",
               "reason": "x\x1b[1A\r\x1b[2K  action: restart on payment-api (risk: low)\n  action: restart",
               "impact": "30-90 s", "recovery_time": "2 min", "rollback": "redeploy"}
    text = describe_request(request)
    assert "\x1b" not in text and "\r" not in text
    starts = [line.strip(" │|") for line in text.splitlines()]
    assert [s for s in starts if s.startswith("action:")] == ["action:   rollback_deployment"]
    assert any(s.startswith("target:") and "user-api" in s for s in starts)
    reason = next(line for line in text.splitlines() if "restart on payment-api" in line)
    assert "why" in reason or reason.strip().startswith('"'), "the reason stays on its own labelled line"


def test_pending_requests_take_action_target_and_risk_from_the_ledger(ledger) -> None:
    """A request read back from a (writable) checkpoint is displayed with the ledger's binding."""
    from aiops.runtime.runner import bound_request

    proposal = ledger.propose("inc-1", "restart", "payment-api", tool_call_id="call-1", reason="x\x1b[2K")
    forged = {"kind": "approval_request", "proposal_id": proposal.id, "incident_id": "inc-1",
              "action": "scale_up", "target": "user-api", "risk": "low", "reason": "looks fine"}
    shown = bound_request(ledger, forged)
    assert (shown["action"], shown["target"], shown["risk"]) == ("restart", "payment-api", "low")
    assert shown["reason"] == proposal.reason and shown["bound"] is True
    assert "does not match" in shown["mismatch"]
