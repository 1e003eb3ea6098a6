"""`aiops incidents list|show|resume|report`: incidents in the state folder."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from aiops.cli.respond import add_run_options
from aiops.core.termtext import safe_line, safe_text


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("incidents", help="list, inspect and resume incidents",
                       description="Incidents live in the state folder (.aiops/ or $AIOPS_HOME) and survive the "
                                   "process: a paused incident can be resumed from any shell.")
    s = p.add_subparsers(dest="incidents_command", metavar="ACTION", required=True)
    ls = s.add_parser("list", help="incidents, newest first")
    ls.add_argument("--status", choices=("running", "awaiting_approval", "resolved", "unresolved", "no_action"))
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=list_incidents)
    show = s.add_parser("show", help="one incident: status, root cause, actions, pending approval")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=show_incident)
    rep = s.add_parser("report", help="print the incident's Markdown report")
    rep.add_argument("id")
    rep.set_defaults(func=print_report)
    res = s.add_parser("resume", help="decide on the paused remediation and continue",
                       description="Record a decision on the pending remediation, then continue the incident. "
                                   "Later approvals follow --then (ask by default). An incident left 'running' "
                                   "by a crashed process continues from its last checkpoint; a decision already "
                                   "on record is reused, never asked twice.")
    res.add_argument("id")
    group = res.add_mutually_exclusive_group()
    group.add_argument("--approve", dest="decision", action="store_const", const="approve",
                       help="approve the pending action as proposed")
    group.add_argument("--reject", metavar="WHY", help="reject it; the agents see the reason")
    group.add_argument("--edit", metavar="action=NAME,target=SERVICE", help="approve a changed action or target")
    res.add_argument("--proposal", help="which pending proposal, when there are several")
    add_run_options(res, approve_flag="--then", team=False)
    res.set_defaults(func=resume_incident)

def _store():
    from aiops.runtime.home import StateHome
    from aiops.runtime.store import IncidentStore

    home = StateHome.resolve()
    return home, IncidentStore(home.index)


def list_incidents(args: argparse.Namespace) -> int:
    _, store = _store()
    records = store.list(status=args.status)
    if args.json:
        print(json.dumps([{"incident_id": r.id, "status": r.status, "created_at": r.created_at, "alert": r.alert,
                           "service": r.service, "root_cause": r.root_cause} for r in records], indent=2))
        return 0
    if not records:
        print("no incidents yet; start one with: aiops respond --scenario NAME")
        return 0
    print(f"{'INCIDENT':<30} {'STATUS':<18} {'CREATED':<20} ALERT")
    for r in records:
        print(f"{safe_line(r.id):<30} {r.status:<18} {safe_line(r.created_at[:19]):<20} {safe_line(r.alert, limit=60)}")
    return 0


def show_incident(args: argparse.Namespace) -> int:
    home, store = _store()
    record = store.get(args.id)
    pending = _pending(home, record) if record.status == "awaiting_approval" else []
    data = {"incident_id": record.id, "status": record.status, "alert": record.alert, "service": record.service,
            "created_at": record.created_at, "updated_at": record.updated_at, "root_cause": record.root_cause,
            "report_path": record.report_path, "model_calls": record.model_calls, "models": record.models,
            "source": record.source, "pending": pending}
    if args.json:
        print(json.dumps(data, indent=2))
        return 0
    from aiops.cli._incident import describe_request

    for key in ("incident_id", "status", "alert", "service", "created_at", "root_cause", "report_path", "model_calls"):
        print(f"{key:<12} {safe_line(data[key], limit=300)}")
    for request in pending:
        print(f"\npending approval ({safe_line(request['proposal_id'])}):\n{describe_request(request)}")
        print(f"\n  aiops incidents resume {safe_line(record.id)} --approve | --reject \"why\" | "
              "--edit action=...,target=...")
    return 0


def print_report(args: argparse.Namespace) -> int:
    from aiops.core.errors import ConfigError

    _, store = _store()
    record = store.get(args.id)
    if not record.report_path or not Path(record.report_path).is_file():
        raise ConfigError(f"incident {record.id} has no report yet (status {record.status})")
    sys.stdout.write(safe_text(Path(record.report_path).read_text(encoding="utf-8")))
    return 0


def _pending(home, record) -> list[dict]:
    from aiops.runtime.runner import pending_requests
    from aiops.runtime.session import open_session

    session = open_session(record, home)
    try:
        return [r for _, r in pending_requests(session, {"configurable": {"thread_id": record.id}})]
    finally:
        session.close()


def _decision_from_flags(args: argparse.Namespace, approver: str):
    """The decision given on the command line, or None when no decision flag was given."""
    from aiops.runtime.decisions import Decision, parse_edit

    if args.reject is not None:
        return Decision("reject", approver, reason=args.reject)
    if args.edit:
        fields = parse_edit(args.edit)
        return Decision("edit", approver, action=fields.get("action"), target=fields.get("target"))
    if args.decision == "approve":
        return Decision("approve", approver)
    return None


def resume_incident(args: argparse.Namespace) -> int:
    """Record the decision on the pending proposal (decisions already on record are reused) and
    continue; an incident left `running` by a crashed process continues from its last checkpoint."""
    from langgraph.types import Command

    from aiops.cli._incident import approver_name, make_decider
    from aiops.cli.respond import execute
    from aiops.core.errors import ConfigError
    from aiops.runtime.lock import is_locked
    from aiops.runtime.runner import pending_requests, record_decision, recorded_decision
    from aiops.runtime.session import open_session

    home, store = _store()
    record = store.get(args.id)
    if record.status not in {"awaiting_approval", "running"}:
        raise ConfigError(f"incident {record.id} is not waiting for a decision (status: {record.status})")
    if record.status == "running" and is_locked(home.incident_dir(record.id)):
        raise ConfigError(f"incident {record.id} is being run by another process right now")
    if args.model:
        record.model_override = args.model
    if args.base_url:
        record.base_url = args.base_url
    approver = approver_name(args.approver)
    decision = _decision_from_flags(args, approver)
    session = open_session(record, home)
    try:
        pending = pending_requests(session, {"configurable": {"thread_id": record.id}})
        if args.proposal:
            pending = [p for p in pending if p[1]["proposal_id"] == args.proposal]
            if not pending:
                raise ConfigError(f"no pending proposal {args.proposal} in {record.id}", path="--proposal")
        resume: dict[str, object] = {}
        undecided = []
        for interrupt_id, request in pending:
            known = recorded_decision(session, request)
            if known is None:
                undecided.append((interrupt_id, request))
            else:
                resume[interrupt_id] = known
        if undecided:
            if decision is None:
                raise ConfigError(f"incident {record.id} waits for a decision: --approve, --reject \"why\" or "
                                  "--edit action=NAME,target=SERVICE")
            if len(undecided) > 1:
                ids = ", ".join(r["proposal_id"] for _, r in undecided)
                raise ConfigError(f"several proposals are pending ({ids}); choose one with --proposal")
            interrupt_id, request = undecided[0]
            resume[interrupt_id] = record_decision(session, request, decision)
        elif pending and decision is not None:
            print("the pending proposal already has a decision on record; continuing with it", file=sys.stderr)
    finally:
        session.close()
    record.status = "running"
    store.save(record)
    payload = Command(resume=resume) if resume else None
    return execute(record, home, store, args, decider=make_decider(args.approve, approver), payload=payload,
                   new=False)
