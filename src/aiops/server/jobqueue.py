"""The work queue behind a small interface, so that a later backend (PostgreSQL with `procrastinate`,
`aiops worker` processes on many machines) can replace the default SQLite one.

A job says "advance incident X": start it, continue it after a decision, or pick it up after a
crash or a restart. At most one job per incident is queued at a time (a second `submit` is a no-op
that reports the job already waiting), so a burst of duplicate alerts never queues duplicate work.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from typing import Any, Protocol

from aiops.server.db import ServerDB


class QueueFullError(Exception):
    """The queue holds its maximum of waiting jobs; try again after `retry_after` seconds."""

    def __init__(self, depth: int, retry_after: int) -> None:
        super().__init__(f"the investigation queue is full ({depth} waiting); retry in {retry_after} s")
        self.depth = depth
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class Job:
    """One unit of work: advance one incident."""

    id: int
    incident_id: str
    attempts: int


class WorkQueue(Protocol):
    """What the server and the workers need from a queue."""

    def submit(self, incident_id: str, *, force: bool = False) -> bool:
        """Queue work for the incident; False when a job for it already waits. Raises QueueFullError
        unless `force` (work that must never be refused, such as a recorded decision)."""

    def submit_in(self, conn: Any, incident_id: str) -> None:
        """Queue work inside the caller's transaction on the queue's own database (intake writes the
        episode, the job and the `opened` event at once); the caller has checked the capacity."""

    def claim(self, worker: str) -> Job | None:
        """Take the oldest waiting job, or None."""

    def finish(self, job: Job) -> None:
        """The job is done (the incident finished or paused)."""

    def release(self, job: Job) -> None:
        """Put a claimed job back (its worker stops before finishing it)."""

    def recover(self, worker: str | None = None) -> int:
        """Put jobs left running (by `worker`, or by anyone) back in the queue; returns how many."""

    def depth(self) -> int:
        """Jobs waiting."""

    def running(self) -> int:
        """Jobs being worked on."""


class SqliteQueue:
    """The default queue: a table in `server.sqlite`, shared by the server and its worker processes."""

    def __init__(self, db: ServerDB, *, capacity: int = 100, retry_after: int = 5) -> None:
        self.db = db
        self.capacity = capacity
        self.retry_after = retry_after

    def submit(self, incident_id: str, *, force: bool = False) -> bool:
        with self.db.connect(immediate=True) as conn:
            if conn.execute("SELECT 1 FROM jobs WHERE incident_id=? AND state='queued'", (incident_id,)).fetchone():
                return False
            depth = conn.execute("SELECT COUNT(*) FROM jobs WHERE state='queued'").fetchone()[0]
            if depth >= self.capacity and not force:
                raise QueueFullError(depth, self.retry_after)
            conn.execute("INSERT INTO jobs (incident_id, state, created_at) VALUES (?, 'queued', ?)",
                         (incident_id, time.time()))
        return True

    def submit_in(self, conn: sqlite3.Connection, incident_id: str) -> None:
        """Queue a job inside the caller's transaction on `server.sqlite` (intake: one transaction per
        new incident); the caller has checked the capacity."""
        if not conn.execute("SELECT 1 FROM jobs WHERE incident_id=? AND state='queued'", (incident_id,)).fetchone():
            conn.execute("INSERT INTO jobs (incident_id, state, created_at) VALUES (?, 'queued', ?)",
                         (incident_id, time.time()))

    def claim(self, worker: str) -> Job | None:
        with self.db.connect(immediate=True) as conn:
            row = conn.execute(
                "SELECT id, incident_id, attempts FROM jobs WHERE state='queued' AND incident_id NOT IN "
                "(SELECT incident_id FROM jobs WHERE state='running') ORDER BY id LIMIT 1").fetchone()
            if row is None:
                return None
            conn.execute("UPDATE jobs SET state='running', worker=?, started_at=?, attempts=attempts+1 WHERE id=?",
                         (worker, time.time(), row[0]))
        return Job(id=row[0], incident_id=row[1], attempts=row[2] + 1)

    def finish(self, job: Job) -> None:
        with self.db.connect(immediate=True) as conn:
            conn.execute("UPDATE jobs SET state='done', finished_at=? WHERE id=?", (time.time(), job.id))

    def release(self, job: Job) -> None:
        with self.db.connect(immediate=True) as conn:
            self._requeue(conn, "id=?", (job.id,))

    def recover(self, worker: str | None = None) -> int:
        with self.db.connect(immediate=True) as conn:
            if worker is None:
                return self._requeue(conn, "state='running'", ())
            return self._requeue(conn, "state='running' AND worker=?", (worker,))

    @staticmethod
    def _requeue(conn, where: str, args: tuple) -> int:  # type: ignore[no-untyped-def]
        rows = conn.execute(f"SELECT id, incident_id FROM jobs WHERE {where}", args).fetchall()  # noqa: S608
        for job_id, incident_id in rows:
            if conn.execute("SELECT 1 FROM jobs WHERE incident_id=? AND state='queued'", (incident_id,)).fetchone():
                conn.execute("UPDATE jobs SET state='done', finished_at=? WHERE id=?", (time.time(), job_id))
            else:
                conn.execute("UPDATE jobs SET state='queued', worker=NULL WHERE id=?", (job_id,))
        return len(rows)

    def depth(self) -> int:
        with self.db.connect() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM jobs WHERE state='queued'").fetchone()[0])

    def running(self) -> int:
        with self.db.connect() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM jobs WHERE state='running'").fetchone()[0])


def worker_name(pid: int | None = None) -> str:
    """A worker's name in the jobs table: host and process id."""
    return f"{os.uname().nodename}:{pid or os.getpid()}"
