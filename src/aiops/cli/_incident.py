"""Shared by `aiops respond` and `aiops incidents`: approval deciders, session opening, output."""

from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from aiops.cli._invocation import command_prefix, state_option
from aiops.cli._style import paint, status
from aiops.core.termtext import safe_line
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
    """The approval prompt's body: first, in a box, the action and target an approval will allow (as
    bound in the approval ledger, see `runtime.runner.bound_request`); then the agent's own words,
    escaped on one labelled line, so that no text can pose as the action."""
    risk = safe_line(request.get("risk"))
    lines = [
        f"  ┌─ what an approval allows (approval ledger, {safe_line(request.get('proposal_id'), limit=40)})",
        f"  │ action:   {safe_line(request['action'], limit=64)}",
        f"  │ target:   {safe_line(request['target'], limit=64)}",
        f"  │ risk:     {risk}" + ("  - high risk: needs a senior approver" if request.get("needs_senior") else ""),
        f"  │ impact:   {safe_line(request.get('impact') or 'n/a', limit=200)}",
        f"  │ recovery: {safe_line(request.get('recovery_time') or 'n/a', limit=200)}",
        f"  │ rollback: {safe_line(request.get('rollback') or 'n/a', limit=200)}",
        "  └─",
    ]
    if request.get("mismatch"):
        lines.insert(1, f"  │ WARNING:  {safe_line(request['mismatch'], limit=300)}")
    reason = safe_line(request.get("reason") or "", limit=600) or "(not given)"
    lines += ["  the agent's reason (model text, shown escaped; it cannot change the action above):",
              f"    why: {reason}"]
    return "\n".join(lines)


def interactive() -> bool:
    """True when a person can answer at this terminal (stdin and stderr are TTYs)."""
    return sys.stdin.isatty() and sys.stderr.isatty()


def make_decider(mode: str, approver: str):
    """A decider for `--approve ask|all|none` (ask pauses when there is no terminal). The `ask`
    decider asks again when the runtime cannot record its answer (`asks_again`)."""

    def decide(request: dict[str, Any]) -> Decision | None:
        if mode == "all":
            return Decision("approve", approver)
        if mode == "none":
            return Decision("reject", approver, reason="automatic rejection: run with --approve none")
        if not interactive():
            return None
        return ask(request, approver)

    decide.asks_again = mode == "ask"  # type: ignore[attr-defined]
    return decide


PROMPT = "[a]pprove, [e]dit, [r]eject, [p]ause (Enter: pause)? "


def ask(request: dict[str, Any], approver: str) -> Decision | None:
    """Ask at the terminal: approve, edit, reject (with a reason) or pause. Enter and end of input
    (Ctrl-D) pause the incident, and say so."""
    if request.get("problem"):
        print(f"  that decision cannot be recorded: {safe_line(request['problem'])}", file=sys.stderr)
    else:
        print(f"\nApproval needed for incident {safe_line(request['incident_id'])}:\n{describe_request(request)}",
              file=sys.stderr)
    try:
        decision = _ask(request, approver)
    except EOFError:
        print("\n  no answer (end of input)", file=sys.stderr)
        decision = None
    if decision is None:
        print("  paused: the incident waits for a decision (the resume command follows)", file=sys.stderr)
    return decision


def _ask(request: dict[str, Any], approver: str) -> Decision | None:
    choices = request.get("choices") or {}
    while True:
        answer = _input(paint(PROMPT, "prompt")).strip().lower()
        if answer in {"a", "approve"}:
            return Decision("approve", approver)
        if answer in {"p", "pause", ""}:
            return None
        if answer in {"r", "reject"}:
            reason = _input("reason (the agents will see it; empty: back): ").strip()
            if reason:
                return Decision("reject", approver, reason=reason)
            continue
        if answer in {"e", "edit"}:
            fields = _edit(choices)
            if fields is not None:
                return Decision("edit", approver, action=fields.get("action"), target=fields.get("target"))
            continue
        print("  answer a, e, r or p (Enter pauses)", file=sys.stderr)


def _input(prompt: str) -> str:
    """Read one answer; the prompt goes to stderr (stdout may be a file or a pipe for --json)."""
    sys.stderr.write(prompt)
    sys.stderr.flush()
    return input()


def _edit(choices: dict[str, list[str]]) -> dict[str, str] | None:
    """Read an edit; on a typo say what is valid and return None (the question is asked again)."""
    from aiops.core.errors import ConfigError

    valid = {"action": choices.get("actions") or [], "target": choices.get("targets") or []}
    listing = "; ".join(f"{key}s: {', '.join(names)}" for key, names in valid.items() if names)
    try:
        fields = parse_edit(_input(f"edit (action=NAME,target=SERVICE{'; ' + listing if listing else ''}): "))
    except ConfigError as exc:
        print(f"  {exc.message}", file=sys.stderr)
        return None
    for key, value in fields.items():
        if valid[key] and value not in valid[key]:
            print(f"  unknown {key} {value!r}; valid {key}s: {', '.join(valid[key])}", file=sys.stderr)
            return None
    return fields


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
        print(f"Incident {safe_line(outcome.incident_id)} is paused, waiting for a decision:")
        for request in outcome.pending:
            print(describe_request(request))
        resume = f"{command_prefix()} incidents resume {outcome.incident_id}{state_option()}"
        print(f"\nResume with:\n  {resume} --approve\n  {resume} --reject \"why\"\n"
              f"  {resume} --edit action=NAME,target=SERVICE")
        return
    report = outcome.report
    rc = report.root_cause
    state = {True: "recovered", False: "NOT recovered", None: "not verified"}[report.verification.recovered]
    print(f"Incident {safe_line(outcome.incident_id)}: {status(outcome.status, sys.stdout)}")
    print(f"  root cause:   {safe_line(rc.category)} on {safe_line(rc.service or 'n/a')} "
          f"(confidence {safe_line(rc.confidence)})")
    for a in report.actions:
        print(f"  action:       {safe_line(a.action)} on {safe_line(a.target)} [{safe_line(a.risk)}] "
              f"{a.decision} -> {safe_line(a.result, limit=200)}")
    print(f"  verification: {state}")
    print(f"  report:       {safe_line(outcome.report_path)}")


def resume_hint(record: Any) -> str:
    """What to run to continue an incident that stopped early."""
    why = (record.notes.get("interrupted") or {}).get("reason") or "stopped"
    return (f"incident {record.id} is saved as interrupted ({why}); continue it with:\n"
            f"  {command_prefix()} incidents resume {record.id}{state_option()}\n"
            f"or close it with:\n  {command_prefix()} incidents close {record.id}{state_option()} --reason \"why\"")


def rel(path: str | None) -> str | None:
    """Path relative to the working directory when shorter."""
    if not path:
        return path
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return path
