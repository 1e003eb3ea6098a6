"""Scale-out: investigations per minute with 1, 2 and 4 worker processes, on SQLite and on PostgreSQL.

For each backend and worker count a fresh state (a new state folder; a new database on a throwaway
PostgreSQL cluster) gets `--incidents` typed alerts at once through `aiops serve`, and the clock runs
until every incident has paused for approval (the offline engine on the sandbox; nothing is
executed). SQLite: `aiops serve --workers N`. PostgreSQL: `aiops serve --workers 0` takes the alerts
and `aiops worker --concurrency N` investigates, as separate machines would. Measured:

- incidents per minute, and its ratio to the 1-worker SQLite run (the reference, same run);
- state bytes per incident: the database (SQLite files, or `pg_database_size` growth) and the
  incident folders (reports, transcripts, evidence), each divided by the incidents;
- queue wait under a burst of `--burst` Alertmanager alerts (distinct fingerprints) with 4 workers:
  from an incident's `opened` event to its `investigation started` event, p50 and p99.

    .venv/bin/python benchmarks/bench_scale.py [--workers 1,2,4] [--incidents 20] [--burst 100]

PostgreSQL comes from Debian's `postgresql` package (ci/servers.sh installs it); without it the
PostgreSQL rows are skipped with a note. Traffic goes to 127.0.0.1 only. Exit 1 when an incident is
lost or investigated twice.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

AIOPS = [sys.executable, "-m", "aiops.cli.main"]
SCENARIO = "pool-leak-payment"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(url: str, body: dict | None = None) -> dict:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


@contextlib.contextmanager
def cluster() -> Iterator[str | None]:
    """A throwaway PostgreSQL cluster (password auth, loopback); yields the superuser URL without a
    database name, or None when PostgreSQL or the `postgres` extra (psycopg) is not installed."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    if not found or importlib.util.find_spec("psycopg") is None:
        yield None
        return
    bin_dir = found[0].parent
    root = Path(tempfile.mkdtemp(prefix="aiops-bench-pg-"))
    password = secrets.token_urlsafe(12)
    (root / "pw").write_text(password)
    (root / "sock").mkdir()
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if os.geteuid() == 0:
        for path in (root, root / "pw", root / "sock"):
            shutil.chown(path, "postgres")
    subprocess.run([*as_pg, str(bin_dir / "initdb"), "-D", str(root / "data"), "-U", "aiops", "--auth=scram-sha-256",
                    f"--pwfile={root / 'pw'}", "--no-sync"], check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen([*as_pg, str(bin_dir / "postgres"), "-D", str(root / "data"), "-p", str(port), "-k",
                               str(root / "sock"), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"postgresql://aiops:{password}@127.0.0.1:{port}"
    try:
        import psycopg

        deadline = time.monotonic() + 30
        while True:
            try:
                psycopg.connect(f"{base}/postgres", connect_timeout=2).close()
                break
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(root, ignore_errors=True)


def new_database(base: str) -> str:
    import psycopg

    name = f"bench_{secrets.token_hex(4)}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{base}/{name}"


def db_size(url: str | None, home: Path) -> int:
    if url is None:
        return sum(p.stat().st_size for p in home.iterdir() if p.is_file())
    import psycopg

    with psycopg.connect(url) as conn:
        return int(conn.execute("SELECT pg_database_size(current_database())").fetchone()[0])


def folder_size(home: Path) -> int:
    return sum(p.stat().st_size for p in (home / "incidents").rglob("*") if p.is_file())


@contextlib.contextmanager
def nodes(url: str | None, workers: int, home: Path) -> Iterator[str]:
    """`aiops serve` (+ `aiops worker` on PostgreSQL) for the block; yields the API base URL."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIOPS_")} | {"AIOPS_HOME": str(home)}
    if url is not None:
        env["AIOPS_DATABASE_URL"] = url
        subprocess.run([*AIOPS, "db", "upgrade"], env=env, check=True, capture_output=True)
    port = free_port()
    serve = [*AIOPS, "serve", "--scenario", SCENARIO, "--port", str(port), "--queue-size", "1000",
             "--workers", str(workers if url is None else 0)]
    procs = [subprocess.Popen(serve, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)]
    if url is not None:
        procs.append(subprocess.Popen([*AIOPS, "worker", "--concurrency", str(workers)], env=env,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True))
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                call(f"{base}/healthz")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield base
    finally:
        for proc in reversed(procs):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in procs:
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)


def wait_paused(base: str, count: int, timeout: float = 1800) -> None:
    deadline = time.monotonic() + timeout
    while call(f"{base}/api/v1/incidents?status=awaiting_approval&limit=1")["total"] < count:
        if time.monotonic() > deadline:
            raise SystemExit(f"only some of {count} incidents paused within {timeout:.0f} s")
        time.sleep(0.25)


def run(url: str | None, workers: int, incidents: int, home: Path) -> dict:
    """One row: throughput and state size."""
    with nodes(url, workers, home) as base:
        before = db_size(url, home)
        started = time.perf_counter()
        for n in range(incidents):
            call(f"{base}/api/v1/incidents", {"alert": f"payment-api 503s, error rate 1% -> 23% (#{n})"})
        wait_paused(base, incidents)
        seconds = time.perf_counter() - started
        total = call(f"{base}/api/v1/incidents?limit=1")["total"]
    return {"per_minute": incidents * 60 / seconds, "seconds": seconds, "total": total,
            "db_bytes": (db_size(url, home) - before) / incidents, "folder_bytes": folder_size(home) / incidents}


def burst(url: str | None, alerts: int, home: Path) -> dict:
    """Queue wait of `alerts` Alertmanager alerts posted at once (4 workers)."""
    body = {"version": "4", "status": "firing", "receiver": "aiops", "groupLabels": {}, "commonLabels": {},
            "commonAnnotations": {}, "externalURL": "http://alertmanager.local",
            "alerts": [{"status": "firing", "fingerprint": f"burst-{n:03d}", "startsAt": "2026-03-01T10:00:00Z",
                        "labels": {"alertname": "HighErrorRate", "service": "payment-api", "instance": f"i{n}"},
                        "annotations": {"summary": "payment-api 5xx above 20%"}} for n in range(alerts)]}
    with nodes(url, 4, home) as base:
        call(f"{base}/api/v1/alerts/alertmanager", body)
        wait_paused(base, alerts)
    query = ("SELECT incident_id, kind, at, data FROM events WHERE kind = 'opened' OR (kind = 'status' AND data LIKE"
             " '%investigation started%') ORDER BY id")
    if url is None:
        import sqlite3

        conn = sqlite3.connect(home / "server.sqlite")
        rows = conn.execute(query).fetchall()
        conn.close()
    else:
        import psycopg

        with psycopg.connect(url) as conn:
            rows = conn.execute(query.replace("%", "%%")).fetchall()
    opened = {r[0]: datetime.fromisoformat(r[2]) for r in rows if r[1] == "opened"}
    began = {r[0]: datetime.fromisoformat(r[2]) for r in rows if r[1] == "status"}
    waits = sorted((began[i] - opened[i]).total_seconds() for i in opened if i in began)
    return {"p50": statistics.median(waits), "p99": waits[min(len(waits) - 1, int(len(waits) * 0.99))],
            "count": len(waits)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument("--incidents", type=int, default=20)
    parser.add_argument("--burst", type=int, default=100)
    args = parser.parse_args()
    counts = [int(w) for w in args.workers.split(",")]
    rows, bursts, problems = [], {}, []
    with cluster() as pg, tempfile.TemporaryDirectory(prefix="aiops-bench-scale-") as tmp:
        backends = [("sqlite", None)] + ([("postgres", pg)] if pg else [])
        if pg is None:
            print("PostgreSQL (Debian package postgresql) or psycopg (`pip install -e .[postgres]`) is not installed: "
                  "the PostgreSQL rows are skipped")
        for name, base in backends:
            for workers in counts:
                home = Path(tmp) / f"{name}-{workers}"
                row = run(new_database(base) if base else None, workers, args.incidents, home)
                rows.append((name, workers, row))
                if row["total"] != args.incidents:
                    problems.append(f"{name} x{workers}: {row['total']} incidents for {args.incidents} alerts")
                print(f"  {name:<9} workers={workers}  {row['per_minute']:6.1f} incidents/min", flush=True)
            if args.burst:
                bursts[name] = burst(new_database(base) if base else None, args.burst, Path(tmp) / f"{name}-burst")
    reference = rows[0][2]["per_minute"]
    print(f"\n{'backend':<9} {'workers':>7} {'inc/min':>8} {'vs ref':>7} {'db B/inc':>9} {'folder B/inc':>13}")
    for name, workers, row in rows:
        print(f"{name:<9} {workers:>7} {row['per_minute']:8.1f} {row['per_minute'] / reference:6.2f}x "
              f"{row['db_bytes']:9.0f} {row['folder_bytes']:13.0f}")
    for name, wait in bursts.items():
        print(f"queue wait, {args.burst}-alert burst, 4 workers, {name}: p50 {wait['p50']:.1f} s, "
              f"p99 {wait['p99']:.1f} s ({wait['count']} incidents)")
    by = {(n, w): r["per_minute"] for n, w, r in rows}
    notes = []
    for name in dict.fromkeys(n for n, _, _ in rows):
        if (name, 1) in by:
            scaled = ", ".join(f"1->{w} workers {by[(name, w)] / by[(name, 1)]:.2f}x" for w in counts[1:]
                               if (name, w) in by)
            notes.append(f"{name}: {scaled}")
    print("reference: sqlite with 1 worker, same run; " + "; ".join(sorted(notes))
          + f" (this machine has {os.cpu_count()} cores)")
    for problem in problems:
        print(f"PROBLEM: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
