"""`aiops serve` under a burst of Alertmanager posts, with the offline engine on the sandbox.

For each worker count (default 1, 2 and 4) a fresh server (`aiops serve --scenario`) gets 200
webhook posts carrying 50 distinct fingerprints (each fingerprint 4 times, shuffled), sent one
after another while the workers investigate. Measured:

- intake latency per post (p50, p99): intake only writes rows and queues work (target p99 < 50 ms);
- incidents per minute: from the first post until every incident has paused for approval;
- lost or duplicated incidents: each fingerprint must have exactly one incident, one `opened`
  event and one proposal in the approval ledger (target: zero of each);
- memory per paused incident: growth of the server's RSS from before the burst to when all are
  paused, divided by the incidents (paused incidents hold no worker), and state-folder bytes each.

    .venv/bin/python benchmarks/bench_serve.py [--workers 1,2,4] [--posts 200] [--fingerprints 50]

Exit code 1 when a target is missed. Traffic goes to a server on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

P99_TARGET_MS = 50.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.loads(r.read())


def post(url: str, body: dict) -> int:
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status
    except urllib.error.HTTPError as exc:
        return exc.code


def payload(fingerprint: str, service: str) -> dict:
    alert = {"status": "firing", "labels": {"alertname": "HighErrorRate", "service": service, "fp": fingerprint},
             "annotations": {"summary": f"{service} 5xx above 20%"}, "startsAt": "2026-03-01T10:00:00Z",
             "fingerprint": fingerprint}
    return {"version": "4", "status": "firing", "alerts": [alert]}


def run(workers: int, posts: int, fingerprints: int) -> dict:
    home = Path(tempfile.mkdtemp(prefix="aiops-bench-serve-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    argv = [sys.executable, "-m", "aiops.cli.main", "serve", "--scenario", "pool-leak-payment", "--port", str(port),
            "--workers", str(workers), "--home", str(home), "--queue-size", str(fingerprints * 2)]
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if get(f"{base}/readyz")["ready"]:
                    break
            except (OSError, ValueError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.2)
        time.sleep(1.0)
        rss_before = rss_kib(proc.pid)
        services = ["payment-api", "inventory-api", "user-api"]
        order = [f"fp-{i:03d}" for i in range(fingerprints)] * (posts // fingerprints)
        random.Random(12).shuffle(order)
        latencies, codes = [], []
        started = time.perf_counter()
        for fp in order:
            t0 = time.perf_counter()
            codes.append(post(f"{base}/api/v1/alerts/alertmanager", payload(fp, services[int(fp[3:]) % 3])))
            latencies.append((time.perf_counter() - t0) * 1000)
        waiting = set()
        while True:
            listed = get(f"{base}/api/v1/incidents?limit=500")
            waiting = {i["incident_id"] for i in listed["incidents"] if i["status"] in ("queued", "running")}
            if not waiting and listed["total"] >= fingerprints:
                break
            if time.perf_counter() - started > 1800:
                raise RuntimeError(f"{len(waiting)} incidents still running after 30 minutes")
            time.sleep(0.25)
        elapsed = time.perf_counter() - started
        rss_after = rss_kib(proc.pid)
        statuses = [i["status"] for i in listed["incidents"]]
        index = sqlite3.connect(home / "incidents.sqlite")
        per_fp = index.execute("SELECT fingerprint, COUNT(*) FROM incidents GROUP BY fingerprint").fetchall()
        server = sqlite3.connect(home / "server.sqlite")
        opened = server.execute("SELECT COUNT(*) FROM events WHERE kind='opened'").fetchone()[0]
        proposals = sqlite3.connect(home / "approvals.sqlite").execute(
            "SELECT incident_id, COUNT(*) FROM proposals GROUP BY incident_id").fetchall()
        state_bytes = sum(p.stat().st_size for p in home.rglob("*") if p.is_file())
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
    seen = {fp for fp, _ in per_fp}
    return {
        "workers": workers, "posts": len(codes), "accepted": codes.count(200),
        "p50_ms": statistics.median(latencies), "p99_ms": sorted(latencies)[max(0, int(len(latencies) * 0.99) - 1)],
        "max_ms": max(latencies), "incidents": len(per_fp), "per_minute": len(per_fp) / elapsed * 60,
        "seconds": elapsed, "lost": len({f"fp-{i:03d}" for i in range(fingerprints)} - seen),
        "duplicated": sum(n - 1 for _, n in per_fp) + max(0, opened - len(per_fp)),
        "double_proposals": sum(1 for _, n in proposals if n > 1),
        "paused": statuses.count("awaiting_approval"),
        "kib_per_incident": (rss_after - rss_before) / max(1, len(per_fp)),
        "state_kib_per_incident": state_bytes / 1024 / max(1, len(per_fp)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--fingerprints", type=int, default=50)
    parser.add_argument("--json", help="also write the results to this file")
    args, _ = parser.parse_known_args()
    rows = [run(int(w), args.posts, args.fingerprints) for w in args.workers.split(",")]
    print(f"{'workers':>7} {'posts':>5} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'incidents':>9} {'per min':>8} "
          f"{'lost':>4} {'dup':>3} {'paused':>6} {'RSS KiB/inc':>11} {'disk KiB/inc':>12}")
    for r in rows:
        print(f"{r['workers']:>7} {r['posts']:>5} {r['p50_ms']:>7.1f} {r['p99_ms']:>7.1f} {r['max_ms']:>7.1f} "
              f"{r['incidents']:>9} {r['per_minute']:>8.1f} {r['lost']:>4} {r['duplicated']:>3} {r['paused']:>6} "
              f"{r['kib_per_incident']:>11.1f} {r['state_kib_per_incident']:>12.1f}")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2))
    missed = [r for r in rows if r["p99_ms"] >= P99_TARGET_MS or r["lost"] or r["duplicated"]
              or r["double_proposals"] or r["incidents"] != args.fingerprints]
    print(f"target: intake p99 < {P99_TARGET_MS:g} ms, zero lost or duplicated incidents: "
          + ("met" if not missed else f"MISSED for workers={[r['workers'] for r in missed]}"))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
