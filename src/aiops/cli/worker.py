"""`aiops worker`: investigation workers for a PostgreSQL state database, on any machine.

  aiops worker [--concurrency N] [--lease SECONDS] [--env FILE] [--home DIR]

Starts N worker processes (default 1; each runs one investigation at a time) that take jobs from the
queue `aiops serve` nodes fill, and replaces a process that dies. A worker that dies or hangs stops
sending heartbeats; after `--lease` seconds another worker queues its job again and the incident
continues from its last checkpoint. SIGTERM or Ctrl-C lets the investigations in hand finish (within
`--grace` seconds; after that they are stopped and continue elsewhere from their last checkpoint).

Every node needs the same database settings and the same `secret.key` in its state folder; the
incident folders (reports, transcripts, evidence) live in the state folder, so point `--home` (or
AIOPS_HOME) at a folder all nodes share. exit codes: 0 stopped cleanly, 2 bad configuration
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from aiops.cli._state import add_home


def register(sub: argparse._SubParsersAction) -> None:
    """Add `aiops worker`."""
    p = sub.add_parser("worker", help="run investigation workers on a PostgreSQL state database",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--concurrency", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--lease", type=float, default=30.0, help="seconds without a heartbeat after which a worker's "
                   "job is queued again (default 30)")
    p.add_argument("--grace", type=float, default=30.0, help="seconds running work may take to finish on stop")
    p.add_argument("--env", metavar="FILE", help="environment file with a `database:` section")
    p.add_argument("--nice", type=int, default=0, help="lower the workers' CPU priority by this much (default 0)")
    add_home(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Start the processes and watch them until a stop signal."""
    from aiops.core.errors import ConfigError
    from aiops.runtime import state
    from aiops.runtime.home import StateHome
    from aiops.server.pgqueue import PgQueue
    from aiops.server.pool import WorkerPool

    if not 1 <= args.concurrency <= 64:
        raise ConfigError("between 1 and 64", path="--concurrency")
    if args.lease < 2:
        raise ConfigError("at least 2 seconds (workers send a heartbeat every quarter lease)", path="--lease")
    home = StateHome.resolve(args.home, env_file=args.env)
    db = state.database(home)
    if db is None:
        raise ConfigError("`aiops worker` takes jobs from a PostgreSQL state database: set AIOPS_DATABASE_URL or "
                          "`database:` in the environment file, and run `aiops db upgrade` once; with SQLite, "
                          "`aiops serve --workers N` runs its own workers", path="AIOPS_DATABASE_URL")
    pool = WorkerPool(str(home.root), PgQueue(db, lease=args.lease), args.concurrency, grace=args.grace,
                      lease=args.lease, env_file=args.env, nice=args.nice)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    pool.start()
    print(f"aiops worker: {args.concurrency} process(es) on {state.shown(home)}, lease {args.lease:g} s",
          file=sys.stderr)
    stop.wait()
    pool.stop()
    return 0
