"""`aiops bundle check DIR`: what an evidence bundle holds before investigating it."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

HELP = """\
An evidence bundle is a folder of collected evidence, investigated offline with
`aiops respond --bundle DIR [ALERT]`:

  DIR/bundle.yaml            optional: alert: "...", services: [a, b], at: 2026-03-27T02:15:00Z
  DIR/logs/<service>/*       any files of that service: plain text or JSON lines, with or without
                             timestamps (plain `kubectl logs` output is fine); *.previous.log is
                             the previous container (`kubectl logs --previous`)
  DIR/<service>.log|.jsonl   also accepted at the top level (service = file stem)
  DIR/metrics.csv            timestamp,metric,labels,value   (labels as k="v",...)
  DIR/metrics/*.om|*.prom    OpenMetrics / Prometheus text with timestamps (`aiops sim export` writes it)
  DIR/k8s/*                  kubectl output: get -o json|yaml, describe, get events / get pods tables
  DIR/events.jsonl           change events (deployments, config changes), one JSON object a line

`at` is the investigation time (default: the latest timestamp found). Unknown files are listed and
ignored. `check` prints what was found per service; exit 2 only when nothing is usable.
"""


def register(sub: argparse._SubParsersAction) -> None:
    """Add `bundle check`."""
    p = sub.add_parser("bundle", help="check an evidence bundle (a folder of collected logs, metrics, kubectl output)",
                       description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.set_defaults(func=lambda _args: p.print_help() or 2)
    cmds = p.add_subparsers(dest="bundle_command", metavar="COMMAND")
    check = cmds.add_parser("check", help="print what the bundle holds per service (exit 2 when nothing is usable)",
                            description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("dir", metavar="DIR", help="the bundle folder")
    check.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    check.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    """Scan, read and report; exit 2 when the folder holds nothing usable."""
    from aiops.backends.bundle.discover import discover
    from aiops.backends.bundle.layout import scan
    from aiops.backends.bundle.report import describe, render

    bundle = scan(Path(args.dir))
    found = discover(bundle)
    report = describe(bundle, found)
    print(json.dumps(report, indent=2) if args.json else render(report))
    return 0 if report["usable"] and report["services"] else 2
