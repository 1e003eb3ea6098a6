"""`aiops incidents list|show|resume|report|close|label|export`: incidents in the state folder."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from aiops.cli._state import add_home, state_home
from aiops.cli.respond import add_run_options
from aiops.core.termtext import safe_line, safe_text

PAGE = 20


STATUSES = ("queued", "running", "awaiting_approval", "interrupted", "resolved", "unresolved", "no_action", "closed")
ID_HELP = "incident id (a unique part of it is enough)"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("incidents", help="list, inspect, resume and close incidents",
                       description="Incidents live in the state folder (.aiops/ or $AIOPS_HOME) and survive the "
                                   "process: a paused incident can be resumed from any shell.")
    s = p.add_subparsers(dest="incidents_command", metavar="ACTION", required=True)
    ls = s.add_parser("list", help="incidents, newest first, a page at a time")
    ls.add_argument("--status", choices=STATUSES, help="only incidents with this status")
    ls.add_argument("--limit", type=int, default=PAGE, metavar="N", help=f"incidents per page (default {PAGE})")
    ls.add_argument("--page", type=int, default=1, metavar="N", help="which page, newest first (default 1)")
    ls.add_argument("--json", action="store_true", help="print the page as a JSON list")
    add_home(ls)
    ls.set_defaults(func=list_incidents)
    show = s.add_parser("show", help="one incident: status, root cause, actions, pending approval")
    show.add_argument("id", help=ID_HELP)
    show.add_argument("--json", action="store_true", help="print one JSON object")
    add_home(show)
    show.set_defaults(func=show_incident)
    rep = s.add_parser("report", help="print the incident's Markdown report")
    rep.add_argument("id", help=ID_HELP)
    add_home(rep)
    rep.set_defaults(func=print_report)
    res = s.add_parser("resume", help="decide on the paused remediation and continue",
                       description="Record a decision on the pending remediation, then continue the incident. "
                                   "Later approvals follow --then (ask by default). An incident stopped by Ctrl-C "
                                   "or a crash (`interrupted`) continues from its last checkpoint; a decision "
                                   "already on record is reused, never asked twice.")
    res.add_argument("id", help=ID_HELP)
    group = res.add_mutually_exclusive_group()
    group.add_argument("--approve", dest="decision", action="store_const", const="approve",
                       help="approve the pending action as proposed")
    group.add_argument("--reject", metavar="WHY", help="reject it; the agents see the reason")
    group.add_argument("--edit", metavar="action=NAME,target=SERVICE", help="approve a changed action or target")
    res.add_argument("--proposal", help="which pending proposal, when there are several")
    add_run_options(res, approve_flag="--then", team=False)
    res.set_defaults(func=resume_incident)
    close = s.add_parser("close", help="close an unfinished incident that nobody will finish",
                         description="Close an incident that is paused or was interrupted: pending proposals are "
                                     "rejected (they can never be approved afterwards), a partial report is "
                                     "written, and the reason is kept in the record and the audit trail.")
    close.add_argument("id", help=ID_HELP)
    close.add_argument("--reason", required=True, help="why it is closed (kept in the record and the report)")
    close.add_argument("--approver", help="who closes it (default: $AIOPS_APPROVER or your login)")
    add_home(close)
    close.set_defaults(func=close_incident)
    from aiops.cli import outcomes

    outcomes.register(s, ID_HELP)


def _store(args: argparse.Namespace):
    from aiops.runtime.state import open_index

    home = state_home(args)
    return home, open_index(home)


def _status(home, record) -> str:
    """The record's status; a `running` incident whose process is gone was interrupted by a crash."""
    from aiops.runtime.state import holder_alive

    if record.status == "running" and not holder_alive(home, record.id):
        return "interrupted"
    return record.status


def list_incidents(args: argparse.Namespace) -> int:
    from aiops.cli._invocation import command_prefix, state_option
    from aiops.cli._style import status
    from aiops.core.errors import ConfigError

    if args.limit < 1 or args.page < 1:
        raise ConfigError("--limit and --page count from 1", path="--limit" if args.limit < 1 else "--page")
    home, store = _store(args)
    offset = (args.page - 1) * args.limit
    records = store.list(status=args.status, limit=args.limit, offset=offset)
    if args.json:
        print(json.dumps([{"incident_id": r.id, "status": _status(home, r), "created_at": r.created_at,
                           "alert": r.alert, "service": r.service, "root_cause": r.root_cause,
                           "label": r.notes.get("label")} for r in records],
                         indent=2))
        return 0
    total = store.count(status=args.status)
    if not records:
        print(f"no incidents on page {args.page} ({total} in all)" if total else
              f"no incidents yet; start one with: {command_prefix()} respond --scenario NAME{state_option()}")
        return 0
    print(f"{'INCIDENT':<30} {'STATUS':<18} {'CREATED':<20} {'CONFIRMED':<48} ALERT")
    for r in records:
        state = _status(home, r)
        print(f"{safe_line(r.id):<30} {status(state, sys.stdout)}{' ' * max(18 - len(state), 0)} "
              f"{safe_line(r.created_at[:19]):<20} {_confirmed(r.notes.get('label')):<48} "
              f"{safe_line(r.alert, limit=60)}")
    shown = f"{offset + 1}-{offset + len(records)} of {total}"
    if offset + len(records) < total:
        again = [command_prefix(), "incidents", "list", "--page", str(args.page + 1)]
        if args.limit != PAGE:
            again += ["--limit", str(args.limit)]
        if args.status:
            again += ["--status", args.status]
        print(f"\n{shown}, newest first; next page: {' '.join(again)}{state_option()}")
    elif args.page > 1 or total > len(records):
        print(f"\n{shown}, newest first")
    return 0


def _confirmed(label: dict | None) -> str:
    """The label column: the confirmed cause and whether the team got it right, or `-`."""
    if not label:
        return "-"
    where = f"/{label.get('service')}" if label.get("service") else ""
    mark = {True: "right: ", False: "WRONG: "}.get(label.get("correct"), "")
    return safe_line(f"{mark}{label.get('root_cause')}{where}", limit=48)


def show_incident(args: argparse.Namespace) -> int:
    home, store = _store(args)
    record = store.get(args.id)
    pending = _pending(home, record) if record.status in {"awaiting_approval", "interrupted"} else []
    data = {"incident_id": record.id, "status": _status(home, record), "alert": record.alert, "service": record.service,
            "created_at": record.created_at, "updated_at": record.updated_at, "root_cause": record.root_cause,
            "report_path": record.report_path, "model_calls": record.model_calls, "models": record.models,
            "source": record.source, "pending": pending, "label": record.notes.get("label")}
    if args.json:
        print(json.dumps(data, indent=2))
        return 0
    from aiops.cli._incident import describe_request
    from aiops.cli._invocation import command_prefix, state_option

    for key in ("incident_id", "status", "alert", "service", "created_at", "root_cause", "report_path", "model_calls"):
        print(f"{key:<12} {safe_line(data[key], limit=300)}")
    if data["label"]:
        print(f"{'confirmed':<12} {_confirmed(data['label'])} by {safe_line(data['label'].get('by'))}")
    for request in pending:
        print(f"\npending approval ({safe_line(request['proposal_id'])}):\n{describe_request(request)}")
        resume = f"{command_prefix()} incidents resume {safe_line(record.id)}{state_option()}"
        print(f"\n  {resume} --approve | --reject \"why\" | --edit action=...,target=...")
    return 0


def print_report(args: argparse.Namespace) -> int:
    from aiops.core.errors import ConfigError

    _, store = _store(args)
    record = store.get(args.id)
    if not record.report_path or not Path(record.report_path).is_file():
        raise ConfigError(f"incident {record.id} has no report yet (status {record.status})")
    sys.stdout.write(safe_text(Path(record.report_path).read_text(encoding="utf-8")))
    return 0


def _pending(home, record) -> list[dict]:
    from aiops.runtime.runner import pending_requests
    from aiops.runtime.session import open_session

    session = open_session(record, home, read_only=True)
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
    continue; an incident stopped by Ctrl-C or a crash continues from its last checkpoint. The
    status is read and the decision taken under the incident's lock, so a late resume reports the
    outcome already on record instead of finishing the incident again."""
    from aiops.cli._incident import approver_name, make_decider
    from aiops.cli.respond import run_session
    from aiops.runtime.runner import RESUMABLE
    from aiops.runtime.state import incident_lock

    home, store = _store(args)
    record = store.get(args.id)
    approver = approver_name(args.approver)
    decision = _decision_from_flags(args, approver)
    with incident_lock(home, record.id):
        record = store.get(record.id)
        if record.status not in RESUMABLE:
            return _not_waiting(record, args)
        if args.model:
            record.model_override = args.model
        if args.base_url:
            record.base_url = args.base_url
        return run_session(record, home, store, args, decider=make_decider(args.approve, approver),
                           prepare=lambda session, shown: _resume_payload(session, store, args, decision, shown))


def _resume_payload(session, store, args: argparse.Namespace, decision, shown):
    """Record the command line's decision on the pending proposal; the resume payload, or None to
    continue from the last checkpoint."""
    from langgraph.types import Command

    from aiops.core.errors import ConfigError
    from aiops.runtime.runner import pending_requests, record_decision, recorded_decision

    record = session.record
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
        if shown is not None:
            shown(request, decision)
    elif pending and decision is not None:
        print("the pending proposal already has a decision on record; continuing with it", file=sys.stderr)
    record.status = "running"
    store.save(record)
    return Command(resume=resume) if resume else None


def _not_waiting(record, args: argparse.Namespace) -> int:
    """A resume that came too late: show the outcome on record and refuse (exit 2)."""
    from aiops.cli._incident import record_json
    from aiops.core.errors import ConfigError

    if args.json:
        print(json.dumps(record_json(record), indent=2))
    closed = record.notes.get("closed") or {}
    why = f" by {closed.get('by')}: {closed.get('reason')}" if closed else ""
    report = f"; report: {record.report_path}" if record.report_path else ""
    raise ConfigError(f"incident {record.id} is not waiting for a decision: it is already {record.status}{why}"
                      f"{report}")


def close_incident(args: argparse.Namespace) -> int:
    """Close an unfinished incident with a reason (pending proposals are rejected)."""
    from aiops.cli._incident import approver_name
    from aiops.runtime.lifecycle import close_incident as close
    from aiops.runtime.state import incident_lock

    home, store = _store(args)
    record = store.get(args.id)
    with incident_lock(home, record.id):
        record = store.get(record.id)
        path = close(record, home, store, approver=approver_name(args.approver), reason=args.reason)
    print(f"incident {record.id} closed: {record.notes['closed']['reason']}")
    if path:
        print(f"  report: {path}")
    return 0
