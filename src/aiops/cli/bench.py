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

--bundles DIR scores real-incident cases (collected evidence with an expected answer) instead.

--incidents replays every incident of the state folder (--home) that someone labelled with
`aiops incidents label`: its recorded evidence goes through the current team (--team) or model
(--model), and the answer is scored against the confirmed outcome. Printed: accuracy, abstentions
(none/other/unknown on a confirmed failure, counted apart from wrong answers) and a calibration
table (stated confidence vs observed accuracy). Save a run with --json FILE and compare a later run
with --compare FILE. JSON: {"incidents": [{"incident_id", "label", "got", "correct", "abstained",
"seconds"}], "summary": {"incidents", "accuracy", "abstentions", "answered_accuracy", "errors"},
"calibration": [{"confidence", "n", "correct", "accuracy"}]}
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "bench",
        help="score the team on every scenario",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--scenarios", metavar="DIR", help="folder of scenario files (default: the shipped scenarios)")
    p.add_argument("--bundles", metavar="DIR",
                   help="score real-incident cases instead: a folder of case folders (case.yaml) or of bundles "
                        "with an expected.yaml; every action request is rejected (nothing is executed)")
    p.add_argument("--incidents", action="store_true",
                   help="replay the labelled incidents of the state folder (--home) and score them against "
                        "their confirmed outcome")
    p.add_argument("--compare", metavar="RESULT.json",
                   help="with --incidents: say what changed since an earlier `--json FILE` result")
    p.add_argument(
        "--model",
        metavar="NAME",
        help="model for every agent: 'playbook' (default, offline) or provider:model (also $AIOPS_MODEL)",
    )
    p.add_argument("--json", metavar="FILE", nargs="?", const="-",
                   help="print the results as JSON (with FILE: write them there instead)")
    p.add_argument("--team", metavar="DIR", help="team folder (default: $AIOPS_TEAM or the built-in team)")
    p.add_argument("--home", metavar="DIR",
                   help="state folder for the incidents (default: a temporary folder); with --incidents, the "
                        "folder whose labelled incidents are replayed (default: $AIOPS_HOME or ./.aiops)")
    p.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="incidents run at once, in worker processes (default 1)"
    )
    p.add_argument("--quiet", action="store_true", help="no table, only the summary")
    p.set_defaults(func=run)


def _emit(args: argparse.Namespace, result: dict) -> None:
    """The --json output: on stdout for a bare --json, else into the named file."""
    import json
    from pathlib import Path

    if not args.json:
        return
    text = json.dumps(result, indent=2)
    if args.json == "-":
        print(text)
    else:
        Path(args.json).write_text(text + "\n", encoding="utf-8")


def _checked_model(args: argparse.Namespace):
    """(team folder, model name) with the model choice validated for every agent of the team."""
    import os

    from aiops.agents.models import plan_models
    from aiops.team import load_team, resolve_team_dir

    team_dir = resolve_team_dir(args.team)
    team = load_team(team_dir)
    model = args.model or os.environ.get("AIOPS_MODEL") or "playbook"
    plan_models({name: (view.model, view.model_options) for name, view in team.agents.items()}, override=model)
    return team_dir, model


def run(args: argparse.Namespace) -> int:
    from aiops.core.errors import ConfigError

    if sum(bool(x) for x in (args.bundles, args.incidents, args.scenarios)) > 1:
        raise ConfigError("choose one of --scenarios, --bundles and --incidents", path="--incidents")
    if args.compare and not args.incidents:
        raise ConfigError("--compare goes with --incidents", path="--compare")
    if args.bundles:
        return run_bundles(args)
    if args.incidents:
        return run_incidents(args)
    import tempfile
    from pathlib import Path

    from aiops.bench.runner import run_suite
    from aiops.bench.scenarios import discover
    from aiops.bench.table import HEADER, row_line, summary_lines
    from aiops.runtime.home import StateHome

    scenarios = discover(Path(args.scenarios) if args.scenarios else None)
    team_dir, model = _checked_model(args)
    out = sys.stderr if args.json == "-" else sys.stdout

    def show(row: dict) -> None:
        if not args.quiet:
            print(row_line(row), file=out, flush=True)

    with tempfile.TemporaryDirectory(prefix="aiops-bench-") as tmp:
        home = StateHome.resolve(args.home or tmp, local=not args.home)
        print(f"benchmark: {len(scenarios)} scenarios, model {model}, state folder {home.root}", file=sys.stderr)
        if not args.quiet:
            print(HEADER, file=out)
        result = run_suite(scenarios, home=home, team_dir=team_dir, model=model, on_row=show, jobs=max(1, args.jobs))
    for line in summary_lines(result["summary"]):
        print(line, file=out)
    _emit(args, result)
    return 0


def run_bundles(args: argparse.Namespace) -> int:
    """`--bundles DIR`: real-incident cases, each as an evidence bundle."""
    import tempfile
    from pathlib import Path

    from aiops.bench.bundles import row_line, run_cases
    from aiops.bench.cases import discover_cases
    from aiops.runtime.home import StateHome

    cases = discover_cases(Path(args.bundles))
    team_dir, model = _checked_model(args)
    out = sys.stderr if args.json == "-" else sys.stdout
    with tempfile.TemporaryDirectory(prefix="aiops-bench-") as tmp:
        home = StateHome.resolve(args.home or str(Path(tmp) / "state"), local=not args.home)
        print(f"benchmark: {len(cases)} cases from {args.bundles}, model {model}, state folder {home.root}",
              file=sys.stderr)
        result = run_cases(cases, home=home, team_dir=team_dir, model=model, work=Path(tmp) / "bundles",
                           on_row=None if args.quiet else lambda row: print(row_line(row), file=out, flush=True))
    s = result["summary"]
    print(f"root cause + service: {s['rca_accuracy']:.1%} of {s['cases']} (faulty {s['faulty_accuracy']:.1%}, "
          f"healthy {s['healthy_accuracy']:.1%}); actions proposed on healthy cases: {s['proposed_on_healthy']}; "
          f"median {s['median_seconds']:.1f} s, slowest {s['max_seconds']:.1f} s; errors: {s['errors']}", file=out)
    _emit(args, result)
    return 0


def run_incidents(args: argparse.Namespace) -> int:
    """`--incidents`: replay the labelled incidents of the state folder against their confirmed outcome."""
    import sys
    import tempfile
    from pathlib import Path

    from aiops.bench.replay import compare, replay_all
    from aiops.cli._invocation import command_prefix, state_option
    from aiops.cli._state import state_home
    from aiops.runtime.home import StateHome
    from aiops.runtime.state import open_memory

    home = state_home(args)
    team_dir, model = _checked_model(args)
    labelled = len(open_memory(home).labels())
    out = sys.stderr if args.json == "-" else sys.stdout
    if not labelled:
        print(f"no labelled incidents in {home.root}; confirm one first with: {command_prefix()} incidents label "
              f"ID --root-cause CAT --service S{state_option()}", file=out)
        _emit(args, {"incidents": [], "summary": {"incidents": 0}, "calibration": []})
        return 1
    print(f"benchmark: {labelled} labelled incidents from {home.root}, model {model}", file=sys.stderr)

    def show(row: dict) -> None:
        if not args.quiet:
            got = row.get("got") or {}
            mark = "ok" if row.get("correct") else "ABSTAIN" if row.get("abstained") else "ERROR" \
                if row.get("error") else "WRONG"
            print(f"{row['incident_id']:<32} {mark:<8} label {row['label']['root_cause']}/"
                  f"{row['label'].get('service') or '-'}  got {got.get('root_cause')}/{got.get('service') or '-'} "
                  f"({got.get('confidence') or '-'})  {row['seconds']:.1f} s", file=out, flush=True)

    with tempfile.TemporaryDirectory(prefix="aiops-replay-") as tmp:
        result = replay_all(home, team_dir=team_dir, model=model, work=StateHome.resolve(tmp, local=True), on_row=show)
    s = result["summary"]
    print(f"accuracy {s['accuracy']:.1%} of {s['incidents']}; abstentions {s['abstentions']}; accuracy when "
          f"answering {s['answered_accuracy']:.1%}; errors {s['errors']}", file=out)
    print("calibration (stated confidence -> observed accuracy):", file=out)
    for row in result["calibration"]:
        seen = f"{row['accuracy']:.0%}" if row["accuracy"] is not None else "-"
        print(f"  {row['confidence']:<7} {row['correct']}/{row['n']} right  {seen}", file=out)
    if args.compare:
        print(f"compared with {args.compare}:", file=out)
        for line in compare(result, Path(args.compare)):
            print(f"  {line}", file=out)
    _emit(args, result)
    return 0
