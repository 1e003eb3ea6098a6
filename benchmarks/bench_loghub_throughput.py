"""Throughput of `aiops logs parse --json` vs drain3 (tuned), both timed as whole processes.

Run: .venv/bin/python benchmarks/bench_loghub_throughput.py [--repeat 3] [--copies 7] [--systems A,B]

Every LogHub 2k system is replicated `copies` times with its variable values randomised (each
digit, and the letters of hex ids, redrawn per copy), so that caching repeated lines cannot carry
the result. Each command runs `repeat` times per system; the median wall time is reported, with
the ratio drain3 / ours (above 1 means we are faster), for every system, the total and HDFS alone.
Our output is checked against the contract (one JSON object per input line, in order). Exit code
1 when the total speed-up is below `--target` (2.0, the issue's aim).

Both commands run as installed software does, with bytecode caching on: a private
PYTHONPYCACHEPREFIX in the temporary folder, filled by one untimed warm-up run of each command
(a source checkout under PYTHONDONTWRITEBYTECODE=1 would otherwise recompile every module of
ours in every process, while drain3 ships compiled). `--no-pyc` keeps the caller's environment.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_loghub_common import ROOT, TUNED, log_path, systems

HEX_ID = re.compile(rb"\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{6,}\b")
DIGIT = re.compile(rb"\d")


def randomised_copy(data: bytes, copies: int, seed: int) -> bytes:
    """`copies` concatenated versions of `data`, digits and hex ids redrawn in each."""
    rng = random.Random(seed)
    digits, hexchars = b"0123456789", b"0123456789abcdef"
    parts = []
    for _ in range(copies):
        text = HEX_ID.sub(lambda m: bytes(rng.choice(hexchars) for _ in m.group(0)), data)
        text = DIGIT.sub(lambda _m: bytes([rng.choice(digits)]), text)
        parts.append(text if text.endswith(b"\n") else text + b"\n")
    return b"".join(parts)


def timed(cmd: list[str], out_path: Path, env: dict[str, str]) -> float:
    """Wall time of one whole-process run, stdout to a file."""
    with out_path.open("wb") as out:
        start = time.perf_counter()
        subprocess.run(cmd, stdout=out, check=True, env=env)
        return time.perf_counter() - start


def check_contract(out_path: Path, lines: int) -> None:
    """Our output: exactly one object per input line, numbered in order."""
    rows = out_path.read_text(encoding="utf-8").splitlines()
    if len(rows) != lines:
        raise SystemExit(f"contract broken: {len(rows)} output lines for {lines} input lines")
    for number, row in enumerate(rows, start=1):
        obj = json.loads(row)
        if obj["line"] != number or set(obj) != {"line", "group", "template"}:
            raise SystemExit(f"contract broken at line {number}: {row[:120]}")


def main() -> int:
    """Build the inputs, time both commands, print the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--copies", type=int, default=7)
    ap.add_argument("--systems", help="comma-separated subset")
    ap.add_argument("--target", type=float, default=2.0, help="minimum total speed-up (default 2.0)")
    ap.add_argument("--no-pyc", action="store_true", help="do not set up a bytecode cache for both commands")
    args = ap.parse_args()
    names = [s for s in (args.systems.split(",") if args.systems else systems()) if s in TUNED]
    python = sys.executable
    script = Path(python).with_name("aiops")
    aiops = [str(script)] if script.exists() else [python, "-m", "aiops"]
    drain = [python, str(ROOT / "benchmarks" / "bench_loghub_drain3_cli.py")]
    totals = {"ours": 0.0, "drain3": 0.0}
    print(f"{'system':<12} {'lines':>7} {'ours s':>8} {'drain3 s':>9} {'speed-up':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = dict(os.environ)
        if not args.no_pyc:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        warm = work / "warm.log"
        warm.write_bytes(log_path(names[0]).read_bytes()[:20_000])
        timed([*aiops, "logs", "parse", "--json", str(warm)], work / "ours.jsonl", env)
        timed([*drain, names[0], str(warm)], work / "drain.jsonl", env)
        for index, name in enumerate(names):
            data = randomised_copy(log_path(name).read_bytes(), args.copies, seed=index)
            src = work / f"{name}.log"
            src.write_bytes(data)
            lines = data.count(b"\n")
            ours_t, drain_t = [], []
            for _ in range(args.repeat):
                ours_t.append(timed([*aiops, "logs", "parse", "--json", str(src)], work / "ours.jsonl", env))
                drain_t.append(timed([*drain, name, str(src)], work / "drain.jsonl", env))
            check_contract(work / "ours.jsonl", lines)
            ours, drain3 = statistics.median(ours_t), statistics.median(drain_t)
            totals["ours"] += ours
            totals["drain3"] += drain3
            print(f"{name:<12} {lines:>7} {ours:8.3f} {drain3:9.3f} {drain3 / ours:8.2f}x")
    speedup = totals["drain3"] / totals["ours"]
    print(f"{'total':<12} {'':>7} {totals['ours']:8.3f} {totals['drain3']:9.3f} {speedup:8.2f}x")
    return 0 if speedup >= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
