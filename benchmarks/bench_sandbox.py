"""Sandbox generation speed and streaming memory.

Run: .venv/bin/python benchmarks/bench_sandbox.py [--hours 24] [--repeat 3]

1. Every shipped scenario: build the environment, then read everything the team could ask for in
   its window: the logs of every service and every metric of every service. Target: a 60-minute
   scenario with 5 services well under a second. Reference, same run: writing the same number of
   pre-rendered lines to /dev/null (the cost floor of any log source).
2. A 24-hour window (1,440 simulated minutes, a memory leak on one app) streamed line by line from
   `LogSource.fetch` for each service. Reported: lines, seconds, lines/s, and the Python heap peak
   while streaming (tracemalloc) against the peak of holding the same lines in a list (reference,
   same run) - streaming must stay bounded (a few MB) while the list grows with the window.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from aiops.sandbox import build_environment, list_scenarios, load_scenario, parse_scenario

DAY = {
    "name": "bench-day",
    "seed": 17,
    "alert": "payment-api pods restarting",
    "topology": "default",
    "faults": [
        {"type": "memory_leak", "target": "payment-api", "start_minute": -600, "params": {"per_minute": 2}}
    ],
    "noise": [{"type": "benign_warnings", "target": "inventory-api"}],
    "expected": {"root_cause": "out_of_memory", "service": "payment-api", "fixes": ["restart"]},
}


def read_everything(name: str) -> tuple[int, int, float]:
    """(log lines, metric samples, seconds) to build the scenario and read its whole window."""
    start = time.perf_counter()
    sc = load_scenario(name)
    env = build_environment(sc)
    now = env.clock.now()
    since = now - timedelta(minutes=sc.window_minutes)
    lines = samples = 0
    for svc in env.inventory.services():
        for _ in env.logs.fetch(svc.name, start=since, end=now):
            lines += 1
        for metric in env.metrics.metric_names():
            samples += len(env.metrics.query(svc.name, metric, start=since, end=now).values)
    return lines, samples, time.perf_counter() - start


def floor_seconds(lines: int) -> float:
    """Reference: writing `lines` pre-rendered lines of typical length to /dev/null."""
    text = (
        "2025-06-03T14:02:11.482Z  INFO 1 --- [payment-api] [nio-8080-exec-7] c.a.payment.web : GET /x 200\n"
    )
    start = time.perf_counter()
    with Path(os.devnull).open("w", encoding="utf-8") as sink:
        for _ in range(lines):
            sink.write(text)
    return time.perf_counter() - start


def stream_day(hours: int) -> list[dict]:
    data = dict(DAY, window_minutes=hours * 60)
    env = build_environment(parse_scenario(data))
    now = env.clock.now()
    start = now - timedelta(hours=hours)
    rows = []
    for svc in env.inventory.services():
        env.logs.fetch(svc.name, start=now - timedelta(minutes=1), end=now)  # world computed once, not timed
        began = time.perf_counter()
        count = sum(1 for _ in env.logs.fetch(svc.name, start=start, end=now))
        seconds = time.perf_counter() - began
        gc.collect()
        tracemalloc.start()
        for _ in env.logs.fetch(svc.name, start=start, end=now):
            pass
        streaming_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        gc.collect()
        tracemalloc.start()
        held = list(env.logs.fetch(svc.name, start=start, end=now))
        list_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        del held
        rows.append(
            {
                "service": svc.name,
                "lines": count,
                "seconds": round(seconds, 2),
                "lines_per_s": round(count / seconds),
                "stream_peak_mb": round(streaming_peak / 1e6, 1),
                "list_peak_mb": round(list_peak / 1e6, 1),
            }
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--hours", type=int, default=24)
    parser.add_argument("--repeat", type=int, default=3, help="runs per scenario (best is reported)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()

    print("1) whole window of every shipped scenario (build + all logs + all metrics), best of", args.repeat)
    print(
        f"   {'scenario':<22} {'min':>5} {'svc':>4} {'lines':>7} {'samples':>8} {'seconds':>8} {'floor':>7}"
    )
    scenario_rows = []
    for name in list_scenarios():
        runs = [read_everything(name) for _ in range(args.repeat)]
        lines, samples, seconds = min(runs, key=lambda r: r[2])
        sc = load_scenario(name)
        floor = floor_seconds(lines)
        scenario_rows.append(
            {
                "scenario": name,
                "window_minutes": sc.window_minutes,
                "services": len(sc.topology.services),
                "lines": lines,
                "samples": samples,
                "seconds": round(seconds, 3),
                "floor_seconds": round(floor, 4),
            }
        )
        print(
            f"   {name:<22} {sc.window_minutes:>5} {len(sc.topology.services):>4} {lines:>7} {samples:>8} "
            f"{seconds:>8.3f} {floor:>7.4f}"
        )
    sixty = [r for r in scenario_rows if r["window_minutes"] == 60 and r["services"] == 5]
    worst = max(r["seconds"] for r in sixty)
    print(
        f"   60-minute, 5-service scenarios: worst {worst:.3f} s (target: well under 1 s) -> "
        f"{'OK' if worst < 1.0 else 'SLOW'}"
    )

    print(f"\n2) {args.hours}-hour window streamed per service")
    print(f"   {'service':<15} {'lines':>8} {'seconds':>8} {'lines/s':>8} {'stream MB':>10} {'list MB':>8}")
    day_rows = stream_day(args.hours)
    for r in day_rows:
        print(
            f"   {r['service']:<15} {r['lines']:>8} {r['seconds']:>8.2f} {r['lines_per_s']:>8} "
            f"{r['stream_peak_mb']:>10} {r['list_peak_mb']:>8}"
        )
    apps = [r for r in day_rows if r["lines"] >= 100_000]
    bounded = all(r["stream_peak_mb"] < 0.1 * r["list_peak_mb"] for r in apps)
    print(
        f"   services with 100k+ lines: {len(apps)}; streaming peak under 10% of holding them: "
        f"{'OK' if bounded and apps else 'NO'}"
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps({"scenarios": scenario_rows, "day": day_rows}, indent=2), encoding="utf-8"
        )
    return 0 if worst < 1.0 and bounded and apps else 1


if __name__ == "__main__":
    sys.exit(main())
