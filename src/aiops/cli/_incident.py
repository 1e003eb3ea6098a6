"""Shared by `aiops respond` and `aiops incidents`: approval deciders, session opening, output."""

from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from aiops.cli._invocation import command_prefix
from aiops.runtime.decisions import Decision, parse_edit

APPROVE_MODES = ("ask", "all", "none")


def approver_name(explicit: str | None) -> str:
    """--approver > $AIOPS_APPROVER > the login name."""
    if explicit:
        return explicit
    if os.environ.get("AIOPS_APPROVER"):
        return os.environ["AIOPS_APPROVER"]
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "operator"


def describe_request(request: dict[str, Any]) -> str:
    """The approval prompt's body."""
    lines = [
        f"  action:   {request['action']} on {request['target']}  (risk: {request.get('risk')})",
        f"  why:      {request.get('reason') or '(not given)'}",
        f"  impact:   {request.get('impact') or 'n/a'}",
        f"  recovery: {request.get('recovery_time') or 'n/a'}",
        f"  rollback: {request.get('rollback') or 'n/a'}",
    ]
    if request.get("needs_senior"):
        lines.append("  NOTE: high risk - needs a senior approver")
    return "\n".join(lines)


def interactive() -> bool:
    """True when a person can answer at this terminal (stdin and stderr are TTYs)."""
    return sys.stdin.isatty() and sys.stderr.isatty()


def make_decider(mode: str, approver: str):
    """A decider for `--approve ask|all|none` (ask pauses when there is no terminal)."""

    def decide(request: dict[str, Any]) -> Decision | None:
        if mode == "all":
            return Decision("approve", approver)
        if mode == "none":
            return Decision("reject", approver, reason="automatic rejection: run with --approve none")
        if not interactive():
            return None
        return ask(request, approver)

    return decide


def ask(request: dict[str, Any], approver: str) -> Decision | None:
    """Ask at the terminal: approve, edit, reject (with a reason) or pause. End of input (Ctrl-D)
    pauses the incident."""
    print(f"\nApproval needed for incident {request['incident_id']}:\n{describe_request(request)}", file=sys.stderr)
    try:
        return _ask(approver)
    except EOFError:
        print("\n  no answer (end of input): pausing; the incident waits for a decision", file=sys.stderr)
        return None


def _ask(approver: str) -> Decision | None:
    while True:
        answer = input("[a]pprove, [e]dit, [r]eject, [p]ause? ").strip().lower()
        if answer in {"a", "approve"}:
            return Decision("approve", approver)
        if answer in {"p", "pause", ""}:
            return None
        if answer in {"r", "reject"}:
            reason = input("reason (the agents will see it): ").strip()
            if reason:
                return Decision("reject", approver, reason=reason)
        if answer in {"e", "edit"}:
            spec = input("edit (action=NAME,target=SERVICE): ").strip()
            try:
                fields = parse_edit(spec)
            except Exception as exc:
                print(f"  {exc}", file=sys.stderr)
                continue
            return Decision("edit", approver, action=fields.get("action"), target=fields.get("target"))


def outcome_json(outcome: Any, record: Any, history: list[dict[str, Any]]) -> dict[str, Any]:
    """The `--json` object (field names are a contract)."""
    report = outcome.report
    if report is not None:
        rc = report.root_cause
        root = {"category": rc.category, "service": rc.service, "confidence": rc.confidence}
        recovered = report.verification.recovered
    else:
        root = {"category": None, "service": None, "confidence": None}
        recovered = None
    actions = [{k: a.get(k) for k in ("action", "target", "risk", "decision", "result")} for a in history]
    return {
        "incident_id": outcome.incident_id,
        "status": outcome.status,
        "root_cause": root,
        "actions": actions,
        "verification": {"recovered": recovered},
        "report_path": outcome.report_path,
        "model_calls": record.model_calls,
        "pending": [{k: r.get(k) for k in ("proposal_id", "action", "target", "risk")} for r in outcome.pending],
        "exit_code": outcome.exit_code,
    }


def record_json(record: Any) -> dict[str, Any]:
    """The `--json` object for an incident already in the store (from its saved report, if any)."""
    report: dict[str, Any] = {}
    if record.report_path and Path(record.report_path).with_suffix(".json").is_file():
        report = json.loads(Path(record.report_path).with_suffix(".json").read_text(encoding="utf-8"))
    root = report.get("root_cause") or record.root_cause or {}
    return {
        "incident_id": record.id,
        "status": record.status,
        "root_cause": {k: root.get(k) for k in ("category", "service", "confidence")},
        "actions": [{k: a.get(k) for k in ("action", "target", "risk", "decision", "result")}
                    for a in report.get("actions", [])],
        "verification": {"recovered": (report.get("verification") or {}).get("recovered")},
        "report_path": record.report_path,
        "model_calls": record.model_calls,
    }


def print_outcome(outcome: Any, record: Any, history: list[dict[str, Any]], *, as_json: bool) -> None:
    """Human or JSON summary on stdout."""
    if as_json:
        print(json.dumps(outcome_json(outcome, record, history), indent=2))
        return
    print()
    if outcome.status == "awaiting_approval":
        print(f"Incident {outcome.incident_id} is paused, waiting for a decision:")
        for request in outcome.pending:
            print(describe_request(request))
        resume = f"{command_prefix()} incidents resume {outcome.incident_id}"
        print(f"\nResume with:\n  {resume} --approve\n  {resume} --reject \"why\"\n"
              f"  {resume} --edit action=NAME,target=SERVICE")
        return
    report = outcome.report
    rc = report.root_cause
    state = {True: "recovered", False: "NOT recovered", None: "not verified"}[report.verification.recovered]
    print(f"Incident {outcome.incident_id}: {outcome.status}")
    print(f"  root cause:   {rc.category} on {rc.service or 'n/a'} (confidence {rc.confidence})")
    for a in report.actions:
        print(f"  action:       {a.action} on {a.target} [{a.risk}] {a.decision} -> {a.result}")
    print(f"  verification: {state}")
    print(f"  report:       {outcome.report_path}")


def resume_hint(record: Any) -> str:
    """What to run to continue an incident that stopped early."""
    why = (record.notes.get("interrupted") or {}).get("reason") or "stopped"
    return (f"incident {record.id} is saved as interrupted ({why}); continue it with:\n"
            f"  {command_prefix()} incidents resume {record.id}\n"
            f"or close it with:\n  {command_prefix()} incidents close {record.id} --reason \"why\"")


def rel(path: str | None) -> str | None:
    """Path relative to the working directory when shorter."""
    if not path:
        return path
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return path
