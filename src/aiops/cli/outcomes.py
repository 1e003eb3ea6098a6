"""`aiops incidents label|export`: confirm what really happened in an incident, and hand its recorded
evidence to someone else as a bundle folder."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from aiops.cli._state import add_home, state_home
from aiops.core.termtext import safe_line

LABEL_HELP = """\
Record what really happened in an incident, once you know: the root-cause category (one of the
team's categories, `none` for a false alarm, `other` for a failure the vocabulary has no name for),
the faulty service, optionally the fix that really worked and a note. Who confirmed it is taken from
--by, $AIOPS_APPROVER or your login. Labelling again replaces the earlier label.

A labelled incident becomes memory: the diagnostician's `search_past_incidents` recalls it when new
evidence looks alike, and `aiops bench --incidents` replays its recorded evidence to score a changed
team or model against the confirmed outcome.
"""

EXPORT_HELP = """\
Write the evidence an incident's tools read (logs per service, metrics, Kubernetes objects, events
and bundle.yaml, already redacted) to DIR, in the layout `aiops respond --bundle DIR` reads. DIR must
not exist yet, or be empty.
"""


def register(s: argparse._SubParsersAction, id_help: str) -> None:
    """Add `label` and `export` under `aiops incidents`."""
    lab = s.add_parser("label", help="record the confirmed root cause (and fix) of an incident",
                       description=LABEL_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    lab.add_argument("id", help=id_help)
    lab.add_argument("--root-cause", required=True, metavar="CAT",
                     help="the confirmed root-cause category (none for a false alarm, other when unnamed)")
    lab.add_argument("--service", metavar="S", help="the faulty service (required unless --root-cause none)")
    lab.add_argument("--fix", metavar="ACTION", help="the fix that really worked (a runbook action or a few words)")
    lab.add_argument("--note", metavar="TEXT", help="anything the next responder should know")
    lab.add_argument("--by", metavar="NAME", help="who confirms it (default: $AIOPS_APPROVER or your login)")
    lab.add_argument("--json", action="store_true", help="print the stored label as JSON")
    add_home(lab)
    lab.set_defaults(func=label)
    exp = s.add_parser("export", help="write an incident's recorded evidence out as a bundle folder",
                       description=EXPORT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    exp.add_argument("id", help=id_help)
    exp.add_argument("--bundle", required=True, metavar="DIR", help="where to write the bundle (new or empty)")
    add_home(exp)
    exp.set_defaults(func=export)


def label(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from aiops.cli._incident import approver_name
    from aiops.runtime.labels import label_incident

    home = state_home(args)
    stored = label_incident(home, args.id, root_cause=args.root_cause, service=args.service,
                            by=approver_name(args.by), fix=args.fix, note=args.note)
    if args.json:
        print(json.dumps(asdict(stored), indent=2))
        return 0
    where = f" on {stored.service}" if stored.service else ""
    print(f"labelled {safe_line(stored.incident_id)}: {safe_line(stored.root_cause)}{safe_line(where)} "
          f"(confirmed by {safe_line(stored.by)})")
    print(f"the team said: {verdict(stored.correct, stored.team_root_cause, stored.team_service)}")
    return 0


def verdict(correct: bool | None, cause: str | None, service: str | None) -> str:
    """How the team's own answer compares with the label, in a few words."""
    if correct is None:
        return "nothing (the incident has no diagnosis on record)"
    said = f"{cause or '?'}{f' on {service}' if service else ''}"
    return safe_line(f"{said}: {'right' if correct else 'wrong'}")


def export(args: argparse.Namespace) -> int:
    from aiops.core.errors import ConfigError
    from aiops.runtime.labels import bundle_of
    from aiops.runtime.state import open_index

    home = state_home(args)
    record = open_index(home).get(args.id)
    source = bundle_of(home, record.id)
    target = Path(args.bundle)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ConfigError("already exists and is not an empty folder; choose a new folder", file=str(target),
                          path="--bundle")
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(source, target, dirs_exist_ok=True, symlinks=False)
    files = sum(1 for p in target.rglob("*") if p.is_file())
    print(f"wrote {files} files of incident {safe_line(record.id)} to {safe_line(str(target))}")
    from aiops.cli._invocation import command_prefix

    print(f"investigate it again with: {command_prefix()} respond --bundle {safe_line(str(target))}")
    return 0
