"""`aiops bench`: run every scenario with approvals granted and score the team against each
scenario's `expected` block."""

from __future__ import annotations

import argparse
import sys

HELP = """\
Run every sandbox scenario end to end (approvals granted) and score the result against the
scenario's `expected` block: root cause and service, the executed fix (one of the expected fixes,
on the right target), verified recovery, and actions taken on a false alarm (must be zero).

The incidents run in a fresh temporary state folder (or --home DIR). The default model is the
offline playbook engine; pass --model provider:model to benchmark an LLM on the same scenarios.

JSON (--json prints it; --json FILE writes it to FILE): {"scenarios": [{"name", "expected", "got",
"rca_correct", "fix_correct", "recovered", "seconds", "model_calls"}], "summary": {"rca_accuracy",
"fix_accuracy", "recovered_rate", "false_actions", "scenarios"}}
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "bench",
        help="score the team on every scenario",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--scenarios", metavar="DIR", help="folder of scenario files (default: the shipped scenarios)")
    p.add_argument(
        "--model",
        metavar="NAME",
        help="model for every agent: 'playbook' (default, offline) or provider:model (also $AIOPS_MODEL)",
    )
    p.add_argument("--json", metavar="FILE", nargs="?", const="-",
                   help="print the results as JSON (with FILE: write them there instead)")
    p.add_argument("--team", metavar="DIR", help="team folder (default: $AIOPS_TEAM or the built-in team)")
    p.add_argument("--home", metavar="DIR", help="state folder for the incidents (default: a temporary folder)")
    p.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="incidents run at once, in worker processes (default 1)"
    )
    p.add_argument("--quiet", action="store_true", help="no table, only the summary")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import json
    import os
    import tempfile
    from pathlib import Path

    from aiops.bench.runner import run_suite
    from aiops.bench.scenarios import discover
    from aiops.bench.table import HEADER, row_line, summary_lines
    from aiops.runtime.home import StateHome
    from aiops.team import load_team, resolve_team_dir

    scenarios = discover(Path(args.scenarios) if args.scenarios else None)
    team_dir = resolve_team_dir(args.team)
    team = load_team(team_dir)
    model = args.model or os.environ.get("AIOPS_MODEL") or "playbook"
    from aiops.agents.models import plan_models

    plan_models({name: (view.model, view.model_options) for name, view in team.agents.items()}, override=model)
    out = sys.stderr if args.json == "-" else sys.stdout

    def show(row: dict) -> None:
        if not args.quiet:
            print(row_line(row), file=out, flush=True)

    with tempfile.TemporaryDirectory(prefix="aiops-bench-") as tmp:
        home = StateHome.resolve(args.home or tmp)
        print(f"benchmark: {len(scenarios)} scenarios, model {model}, state folder {home.root}", file=sys.stderr)
        if not args.quiet:
            print(HEADER, file=out)
        result = run_suite(scenarios, home=home, team_dir=team_dir, model=model, on_row=show, jobs=max(1, args.jobs))
    for line in summary_lines(result["summary"]):
        print(line, file=out)
    if args.json:
        text = json.dumps(result, indent=2)
        if args.json == "-":
            print(text)
        else:
            Path(args.json).write_text(text + "\n", encoding="utf-8")
    return 0
