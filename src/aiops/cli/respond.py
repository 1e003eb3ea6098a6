"""`aiops respond`: run one incident from alert to report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from aiops.cli._state import add_home
from aiops.core.termtext import safe_line

HELP = """\
Run one incident: the team analyses logs and metrics, diagnoses the root cause, proposes a runbook
fix and stops for your approval before executing it, then verifies recovery and writes the report.

Where the alert comes from (one of):
  ALERT                  alert text typed by hand
  --scenario NAME|FILE   a sandbox scenario (its alert and its simulated production)
  --alertmanager FILE|-  an Alertmanager webhook payload (duplicate fingerprints reuse the incident)

Where the telemetry comes from (one of; never an unrelated world):
  --env FILE             your systems' backends (see `aiops env validate`)
  --bundle DIR           a folder of evidence collected from the incident, investigated offline
  --scenario NAME|FILE   the sandbox scenario (also gives the alert)
  otherwise the default environment: $AIOPS_ENV, else env.yaml in the state folder;
  with none of these the command exits 2.

exit codes: 0 resolved or nothing to do, 2 bad input or config, 3 awaiting approval,
            4 unresolved (rejected, failed or not recovered), 5 budget exhausted
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("respond", help="run an incident from alert to report", description=HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("alert", nargs="?", help="alert text (quote it); investigated in --env, --scenario or the default "
                   "environment")
    p.add_argument("--scenario", metavar="NAME|FILE", help="sandbox scenario to investigate")
    p.add_argument("--env", metavar="FILE", help="environment file naming the real backends")
    p.add_argument("--bundle", metavar="DIR", help="folder of collected evidence (logs, metrics, kubectl output) "
                                                   "to investigate offline; see `aiops bundle check --help`")
    p.add_argument("--alertmanager", metavar="FILE|-", help="Alertmanager webhook payload (- for stdin)")
    p.add_argument("--service", help="the affected service, when the alert does not name it clearly")
    add_run_options(p)
    p.set_defaults(func=run)


def add_run_options(p: argparse.ArgumentParser, *, approve_flag: str = "--approve", team: bool = True) -> None:
    """Options shared with `aiops incidents resume` (where later approvals are set with `--then` and the
    team is the one the incident started with)."""
    if team:
        p.add_argument("--team", metavar="DIR", help="team folder (default: $AIOPS_TEAM or the built-in team)")
    p.add_argument("--model", help="one model for every agent: provider:model or 'playbook' (also $AIOPS_MODEL)")
    p.add_argument("--base-url", help="OpenAI-compatible server URL for local models (also $AIOPS_BASE_URL)")
    p.add_argument(approve_flag, dest="approve", choices=("ask", "all", "none"), default="ask",
                   help="approvals: ask at the terminal (default; pauses when there is none), approve all, "
                        "or reject all")
    p.add_argument("--approver", help="name recorded with decisions (default: $AIOPS_APPROVER or your login)")
    add_home(p)
    p.add_argument("--json", action="store_true", help="print one JSON object at the end")
    p.add_argument("--transcript", metavar="FILE", help="write every model request and response as JSON lines")
    p.add_argument("--quiet", action="store_true", help="no live progress tree")


def _incoming(args: argparse.Namespace) -> tuple[str | None, str | None, str | None]:
    """(alert text, service, fingerprint) from the Alertmanager payload, if given."""
    if not args.alertmanager:
        return None, None, None
    from aiops.core.errors import ConfigError
    from aiops.intake import read_alertmanager

    alerts = [a for a in read_alertmanager(args.alertmanager) if a.status == "firing"]
    if not alerts:
        raise ConfigError("the payload holds no firing alert", file=args.alertmanager, path="alerts")
    first = alerts[0]
    if len(alerts) > 1:
        print(f"{len(alerts)} firing alerts in the payload; responding to the first "
              f"({safe_line(first.alertname, limit=100)})", file=sys.stderr)
    return first.text, first.service, first.fingerprint


def run(args: argparse.Namespace) -> int:
    from aiops.cli._environment import choose_environment
    from aiops.cli._incident import approver_name, make_decider
    from aiops.cli._state import state_home
    from aiops.core.errors import ConfigError
    from aiops.intake.text import truncation_note
    from aiops.runtime.runner import new_record
    from aiops.runtime.state import open_index
    from aiops.team import load_team, resolve_team_dir

    team_dir = resolve_team_dir(args.team)
    load_team(team_dir)
    home = state_home(args)
    world = choose_environment(args, home)
    am_alert, am_service, fingerprint = _incoming(args)
    alert = (args.alert or "").strip() or am_alert or world.alert or ""
    if not alert and world.source["kind"] == "sandbox":
        raise ConfigError("no alert: give the alert text, --scenario or --alertmanager", path="alert")
    if args.alert is not None and not alert:
        raise ConfigError("the alert text is empty: type what the alert says, or use --alertmanager FILE",
                          path="alert")
    store = open_index(home)
    if fingerprint and (existing := store.by_fingerprint(fingerprint)) is not None:
        print(f"alert fingerprint {safe_line(fingerprint, limit=100)} belongs to incident {existing.id} "
              f"({existing.status})", file=sys.stderr)
        return _show_existing(existing, store, args)
    record = new_record(alert=alert, source=world.source, team_dir=str(team_dir), service=args.service or am_service,
                        fingerprint=fingerprint, model_override=args.model, base_url=args.base_url)
    for note in (world.note, truncation_note(record.alert)):
        if note:
            print(note, file=sys.stderr)
    return execute(record, home, store, args, decider=make_decider(args.approve, approver_name(args.approver)))


def execute(record: Any, home: Any, store: Any, args: argparse.Namespace, *, decider: Any) -> int:
    """Start a new incident under its lock."""
    from aiops.runtime.state import incident_lock

    with incident_lock(home, record.id):
        return run_session(record, home, store, args, decider=decider)


def run_session(record: Any, home: Any, store: Any, args: argparse.Namespace, *, decider: Any,
                prepare: Any = None) -> int:
    """Open the incident and drive it, printing the outcome; the caller holds the incident's lock.

    Without `prepare` the incident starts from its alert; with it (resume), `prepare(session, shown)`
    records the decision given on the command line (and shows it with `shown(request, decision)`
    unless that is None) and returns the resume payload (or None to continue from the last
    checkpoint)."""
    from aiops.runtime.session import open_session

    session = open_session(record, home)
    try:
        return _drive(session, store, args, decider=decider, prepare=prepare)
    except BaseException:
        if record.status == "interrupted":
            from aiops.cli._incident import resume_hint

            print(resume_hint(record), file=sys.stderr)
        raise
    finally:
        session.close()


def _drive(session: Any, store: Any, args: argparse.Namespace, *, decider: Any, prepare: Any) -> int:
    from aiops.cli._incident import print_outcome
    from aiops.core.errors import ConfigError
    from aiops.runtime.progress import ProgressTree
    from aiops.runtime.runner import action_history, proceed, start
    from aiops.runtime.transcript import TranscriptWriter

    record = session.record
    if not record.alert:
        if not session.ctx.env.alert:
            raise ConfigError("no alert: give the alert text or --alertmanager", path="alert")
        from aiops.intake.text import clean_alert

        record.alert = session.ctx.redactor.text(clean_alert(session.ctx.env.alert))
    if session.notice:
        print(session.notice, file=sys.stderr)
    callbacks: list[Any] = []
    tree = None if args.quiet else ProgressTree(session.team.orchestrator)
    if tree is not None:
        callbacks.append(tree)
        decider = _showing(decider, tree)
    transcript = args.transcript or str(session.dir / "transcript.jsonl")
    callbacks.append(TranscriptWriter(Path(transcript)))
    if prepare is None:
        outcome = start(session, store, decider, callbacks)
    else:
        shown = tree.decided if tree is not None else None
        outcome = proceed(session, store, prepare(session, shown), decider, callbacks)
    print_outcome(outcome, record, action_history(session.ctx.ledger, record.id), as_json=args.json)
    return outcome.exit_code


def _showing(decider: Any, tree: Any) -> Any:
    """Wrap a decider so that each decision appears in the live tree once it is recorded (a pause at
    once; a refused answer that is asked again never)."""

    def decide(request: dict[str, Any]) -> Any:
        decision = decider(request)
        if decision is None:
            tree.decided(request, None)
        return decision

    decide.asks_again = getattr(decider, "asks_again", False)  # type: ignore[attr-defined]
    decide.recorded = tree.decided  # type: ignore[attr-defined]
    return decide


def _show_existing(record: Any, store: Any, args: argparse.Namespace) -> int:  # noqa: ARG001
    import json

    from aiops.cli._incident import record_json
    from aiops.runtime.runner import EXIT_CODES

    if args.json:
        print(json.dumps({**record_json(record), "duplicate": True}, indent=2))
    else:
        print(f"Incident {record.id}: {record.status} (duplicate alert; not started again)")
    return EXIT_CODES.get(record.status, 0)
