"""A worker process: takes jobs from the queue and advances their incidents, one at a time.

Run by `aiops serve` (one process per `--workers`), as `python -m aiops.server.worker --home DIR`.
SIGTERM lets the job in hand finish (the runtime checkpoints every step, so a worker killed after
its grace period loses nothing either: the job stays `running` and is queued again on recovery).
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from aiops.runtime.home import StateHome
from aiops.server.advance import advance
from aiops.server.db import ServerDB
from aiops.server.events import EventLog
from aiops.server.jobqueue import Job, SqliteQueue, worker_name

log = logging.getLogger("aiops.worker")


class Worker:
    """The loop of one worker process."""

    def __init__(self, home: StateHome, *, poll: float = 0.1, events: EventLog | None = None) -> None:
        self.home = home
        self.db = events.db if events is not None else ServerDB(home.root)
        self.queue: Any = None if events is not None else SqliteQueue(self.db)
        self.events = events or EventLog(self.db)
        self.poll = poll
        self.name = worker_name()
        self.stopping = False

    @classmethod
    def for_database(cls, home: StateHome, events: EventLog) -> Worker:
        """The job handler of a PostgreSQL worker (procrastinate takes and finishes the jobs)."""
        return cls(home, poll=0.5, events=events)

    def advance(self, incident_id: str, *, attempts: int = 20) -> None:
        """Advance one incident (a PostgreSQL worker's job). While a decision is being recorded the
        incident is locked: wait for it a little, then leave the incident to the job that decision
        queues. An error leaves the incident interrupted (resumable), never lost."""
        from aiops.core.errors import ConfigError

        for _ in range(attempts):
            try:
                advance(incident_id, self.home, self.events)
                return
            except ConfigError as exc:
                if "another process" not in exc.message:
                    self._interrupted(incident_id, exc)
                    return
                time.sleep(self.poll)
            except Exception as exc:
                log.exception("incident %s stopped", incident_id)
                self._interrupted(incident_id, exc)
                return
        log.warning("incident %s stayed locked by another process; its holder queues what follows", incident_id)

    def stop(self, *_: Any) -> None:
        """Finish the job in hand, then exit."""
        self.stopping = True

    def run(self) -> int:
        """Take jobs until stopped."""
        while not self.stopping:
            job = self.queue.claim(self.name)
            if job is None:
                time.sleep(self.poll)
                continue
            self.work(job)
        return 0

    def work(self, job: Job) -> None:
        """Advance the job's incident; an error leaves the incident interrupted (resumable), never lost."""
        from aiops.core.errors import ConfigError

        try:
            advance(job.incident_id, self.home, self.events)
        except ConfigError as exc:
            if "another process" in exc.message:  # a decision is being recorded: try again shortly
                self.queue.release(job)
                time.sleep(self.poll)
                return
            self._interrupted(job.incident_id, exc)
        except Exception as exc:
            log.exception("incident %s stopped", job.incident_id)
            self._interrupted(job.incident_id, exc)
        self.queue.finish(job)

    def _interrupted(self, incident_id: str, exc: BaseException) -> None:
        from aiops.core.termtext import safe_line
        from aiops.runtime.state import open_index

        reason = safe_line(f"{type(exc).__name__}: {exc}", limit=300)
        try:
            store = open_index(self.home)
            record = store.get(incident_id)
            record.status = "interrupted"
            record.notes["interrupted"] = {"at": datetime.now(UTC).isoformat(), "reason": reason}
            store.save(record)
        except Exception:  # the record itself is unreadable: the event below still says so
            log.exception("could not mark %s interrupted", incident_id)
        self.events.append(incident_id, "status", status="interrupted", text=f"stopped: {reason}")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of a worker process."""
    parser = argparse.ArgumentParser(prog="aiops-worker")
    parser.add_argument("--home", required=True)
    parser.add_argument("--poll", type=float, default=0.1)
    parser.add_argument("--nice", type=int, default=10, help="lower the worker's CPU priority by this much")
    parser.add_argument("--env", help="environment file with a `database:` section")
    parser.add_argument("--lease", type=float, default=30.0,
                        help="PostgreSQL: seconds without a heartbeat after which a worker's job is queued again")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="worker %(process)d: %(message)s")
    if args.nice:
        os.nice(args.nice)  # investigations yield the CPU to intake and the page
    home = StateHome.resolve(args.home, env_file=args.env)
    if home.database is not None:
        from aiops.server import pgworker

        return pgworker.run(home, lease=args.lease, poll=max(args.poll, 0.2))
    worker = Worker(home, poll=args.poll)
    signal.signal(signal.SIGTERM, worker.stop)
    signal.signal(signal.SIGINT, worker.stop)
    return worker.run()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
