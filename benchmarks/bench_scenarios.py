"""Scenario benchmark of the offline engine (or any model): accuracy and speed on three suites.

Run: .venv/bin/python benchmarks/bench_scenarios.py [--random N] [--seed S] [--jobs J] [--model NAME]

- shipped:     the sandbox's scenarios (the project's reference suite)
- unseen:      tests/fixtures/scenarios_unseen (own topologies, names, parameters, red herrings)
- randomised:  N scenarios generated with random service names, topologies and fault parameters
               (seeds S..S+N-1; every 8th a false alarm)

For each suite: root cause + service accuracy, fix accuracy, verified recovery, false actions,
median seconds per incident and the wall time of the whole suite. Targets (2-core machine):
one incident <= 3 s, the shipped suite <= 60 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from aiops.bench.generate import write
from aiops.bench.runner import run_suite
from aiops.bench.scenarios import discover
from aiops.runtime.home import StateHome
from aiops.team import default_team_dir

ROOT = Path(__file__).resolve().parent.parent


def suite(name: str, folder: Path | None, *, model: str, jobs: int, work: Path) -> dict:
    """Run one suite; print its failures and its summary line; return the summary."""
    scenarios = discover(folder)
    home = StateHome.resolve(work / name)
    started = time.perf_counter()
    result = run_suite(scenarios, home=home, team_dir=default_team_dir(), model=model, jobs=jobs)
    wall = time.perf_counter() - started
    for row in result["scenarios"]:
        if not (row["rca_correct"] and row["fix_correct"] and row["recovered"] in (True, None)):
            got, exp = row["got"], row["expected"]
            acts = ",".join(f"{a['action']}@{a['target']}" for a in got["actions"]) or "-"
            print(f"  miss {row['name']}: expected {exp['root_cause']}@{exp.get('service')}, got "
                  f"{got['root_cause']}@{got['service']} ({got['confidence']}), actions {acts}, "
                  f"recovered {got['recovered']}")
    s = result["summary"]
    print(f"{name:<11} n={s['scenarios']:<3} rca {s['rca_accuracy']:.0%}  fix {s['fix_accuracy']:.0%}  "
          f"recovered {s['recovered_rate']:.0%}  false actions {s['false_actions']}  "
          f"median {s['median_seconds']:.2f} s/incident  suite {wall:.1f} s wall")
    return s


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--random", type=int, default=40, help="randomised scenarios (default 40)")
    parser.add_argument("--seed", type=int, default=9000, help="first seed of the randomised suite")
    parser.add_argument("--jobs", type=int, default=1, help="incidents at once (default 1)")
    parser.add_argument("--model", default="playbook")
    parser.add_argument("--only", choices=("shipped", "unseen", "randomised"), help="run one suite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="aiops-bench-") as tmp:
        work = Path(tmp)
        if args.only in (None, "shipped"):
            suite("shipped", None, model=args.model, jobs=args.jobs, work=work)
        if args.only in (None, "unseen"):
            suite("unseen", ROOT / "tests/fixtures/scenarios_unseen", model=args.model, jobs=args.jobs, work=work)
        if args.only in (None, "randomised") and args.random > 0:
            folder = work / "random-scenarios"
            write(folder, range(args.seed, args.seed + args.random))
            suite("randomised", folder, model=args.model, jobs=args.jobs, work=work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
