"""Run every benchmark of the suite (`make bench`), one process each, and summarise.

Each benchmark prints its own table with ratios against a reference measured in the same run and
exits non-zero when it misses its target. Extra arguments are passed to every benchmark.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SUITE = ("bench_loghub_accuracy.py", "bench_corpus_accuracy.py", "bench_label_agreement.py",
         "bench_header_invariance.py", "bench_loghub_throughput.py", "bench_digest.py",
         "bench_sandbox.py", "bench_scenarios.py", "bench_incidents.py", "bench_serve.py", "bench_scale.py")


def main() -> int:
    """Run the suite in order; return 1 when any benchmark failed or missed its target."""
    results = []
    for name in SUITE:
        path = HERE / name
        if not path.exists():
            results.append((name, "missing", 0.0))
            continue
        print(f"\n=== {name} ===", flush=True)
        started = time.perf_counter()
        code = subprocess.call([sys.executable, str(path), *sys.argv[1:]], cwd=HERE.parent)
        results.append((name, "ok" if code == 0 else f"exit {code}", time.perf_counter() - started))
    print("\n=== summary ===")
    for name, state, seconds in results:
        print(f"{name:<32} {state:<10} {seconds:7.1f} s")
    return 0 if all(state == "ok" for _, state, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
