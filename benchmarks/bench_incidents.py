"""Real-incident benchmark: the team on evidence recorded by other projects (also `aiops bench --bundles DIR`).

Run: .venv/bin/python benchmarks/bench_incidents.py [--cases DIR] [--json FILE] [--model NAME]

Each case folder (`case.yaml`: alert, services, which file is what, the expected answer) becomes an
evidence bundle without its answer and runs through the runtime like `aiops respond --bundle`;
every action request is rejected (nothing is executed). Scored: root cause + service (with the
case's `also_acceptable` answers), and actions proposed on cases where nothing needed fixing.
Targets: >= 85% root cause + service, 0 actions on healthy cases, every case < 30 s.

Same-run reference: answering `none` every time (the majority class of the set).

The default sets are ../shared/data/incidents-public (30 cases recorded by other projects; licences
inside; read in place, never copied here) and benchmarks/bundles (28 bundles written for this
project). Both are DEVELOPMENT sets: the knowledge in the skills was written or corrected while
looking at them, so a score on them is a regression guard, not a measure of generalisation (the
first-sight figure of benchmarks/bundles is in its README).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from aiops.bench.bundles import row_line, run_cases
from aiops.bench.cases import discover_cases, score_case
from aiops.runtime.home import StateHome
from aiops.team import default_team_dir

ROOT = Path(__file__).resolve().parent.parent
PUBLIC = ROOT.parent / "shared" / "data" / "incidents-public"
OWN = ROOT / "benchmarks" / "bundles"
ROUND2 = ROOT / "benchmarks" / "bundles-r2"
"""Round 2: 24 bundles written blind, kept as their generators (gen/build.py writes them in seconds)."""
DEVELOPMENT = (PUBLIC, OWN, ROUND2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=Path, action="append",
                        help="folder of case folders or bundles with expected.yaml (repeatable; default: the "
                             "public cases, benchmarks/bundles and the generated benchmarks/bundles-r2)")
    parser.add_argument("--model", default="playbook", help="model for every agent (default: the offline engine)")
    parser.add_argument("--json", type=Path, help="write every row and the summary as JSON")
    args = parser.parse_args()
    ok = True
    for folder in args.cases or list(DEVELOPMENT):
        if not folder.is_dir():
            print(f"bench_incidents: {folder} is not present; skipping (the public cases live in ../shared)")
            continue
        if (folder / "gen" / "build.py").is_file():  # a set kept as its generators
            with tempfile.TemporaryDirectory(prefix="aiops-bundles-") as tmp:
                out = Path(tmp) / folder.name
                subprocess.run([sys.executable, str(folder / "gen" / "build.py"), str(out)], check=True,
                               stdout=subprocess.DEVNULL)
                ok = run_set(out, args, development=folder in DEVELOPMENT) and ok
            continue
        ok = run_set(folder, args, development=folder.resolve() in {f.resolve() for f in DEVELOPMENT}) and ok
    return 0 if ok else 1


def run_set(folder: Path, args: argparse.Namespace, *, development: bool) -> bool:
    """One folder of cases: table, summary, reference; True when the targets are met."""
    cases = discover_cases(folder)
    label = "DEVELOPMENT set (tuned on)" if development else "cases"
    print(f"\n{len(cases)} {label} from {folder}, model {args.model}")
    with tempfile.TemporaryDirectory(prefix="aiops-bench-incidents-") as tmp:
        started = time.perf_counter()
        result = run_cases(cases, home=StateHome.resolve(str(Path(tmp) / "state")), team_dir=default_team_dir(),
                           model=args.model, work=Path(tmp) / "bundles", on_row=lambda r: print(row_line(r)))
        wall = time.perf_counter() - started
    s = result["summary"]
    majority = sum(score_case(c.expected, {"root_cause": "none", "service": None})["rca_correct"] for c in cases)
    ratio = s["rca_accuracy"] / (majority / len(cases)) if majority else float("inf")
    print(f"\nroot cause + service: {s['rca_accuracy']:.1%} ({s['faulty_accuracy']:.1%} of faulty cases, "
          f"{s['healthy_accuracy']:.1%} of healthy ones)")
    print(f"reference, answering `none` every time (same run): {majority / len(cases):.1%}  -> ratio {ratio:.2f}x")
    print(f"actions proposed on healthy cases: {s['proposed_on_healthy']}; errors: {s['errors']}")
    print(f"seconds per case: median {s['median_seconds']:.2f}, slowest {s['max_seconds']:.2f}; suite {wall:.1f} s")
    if args.json:
        target = args.json.with_name(f"{args.json.stem}-{folder.name}{args.json.suffix}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    ok = s["rca_accuracy"] >= 0.85 and s["proposed_on_healthy"] == 0 and s["max_seconds"] < 30 and not s["errors"]
    print("targets met" if ok else "TARGET MISSED (>= 85%, 0 actions on healthy cases, < 30 s per case)")
    return ok


if __name__ == "__main__":
    sys.exit(main())
