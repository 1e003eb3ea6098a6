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

    def __init__(self, home: StateHome, *, poll: float = 0.1) -> None:
        self.home = home
        self.db = ServerDB(home.root)
        self.queue = SqliteQueue(self.db)
        self.events = EventLog(self.db)
        self.poll = poll
        self.name = worker_name()
        self.stopping = False

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
            self._interrupted(job, exc)
        except Exception as exc:
            log.exception("incident %s stopped", job.incident_id)
            self._interrupted(job, exc)
        self.queue.finish(job)

    def _interrupted(self, job: Job, exc: BaseException) -> None:
        from aiops.core.termtext import safe_line
        from aiops.runtime.store import IncidentStore

        reason = safe_line(f"{type(exc).__name__}: {exc}", limit=300)
        try:
            store = IncidentStore(self.home.index)
            record = store.get(job.incident_id)
            record.status = "interrupted"
            record.notes["interrupted"] = {"at": datetime.now(UTC).isoformat(), "reason": reason}
            store.save(record)
        except Exception:  # the record itself is unreadable: the event below still says so
            log.exception("could not mark %s interrupted", job.incident_id)
        self.events.append(job.incident_id, "status", status="interrupted", text=f"stopped: {reason}")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of a worker process."""
    parser = argparse.ArgumentParser(prog="aiops-worker")
    parser.add_argument("--home", required=True)
    parser.add_argument("--poll", type=float, default=0.1)
    parser.add_argument("--nice", type=int, default=10, help="lower the worker's CPU priority by this much")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="worker %(process)d: %(message)s")
    if args.nice:
        os.nice(args.nice)  # investigations yield the CPU to intake and the page
    worker = Worker(StateHome.resolve(args.home), poll=args.poll)
    signal.signal(signal.SIGTERM, worker.stop)
    signal.signal(signal.SIGINT, worker.stop)
    return worker.run()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
