"""The work queue on PostgreSQL: `procrastinate`, a well-kept job queue library, not one written here.

A job is "advance incident X" (task `aiops.advance_incident`). Two procrastinate locks carry the
queue's rules: `queueing_lock=<incident>` keeps at most one job per incident waiting (a second submit
is refused with `AlreadyEnqueued`, and reported as "already waiting"), and `lock=<incident>` lets one
job per incident run at a time, on whichever worker machine takes it. A worker that dies stops sending
heartbeats; after the lease (`stalled_worker_timeout`) any other worker puts its job back (`recover`),
and the incident continues from its last checkpoint.
"""

from __future__ import annotations

import logging
from typing import Any

from aiops.server.jobqueue import QueueFullError

QUEUE = "aiops_incidents"
TASK = "aiops.advance_incident"
log = logging.getLogger("aiops.queue")


def make_app(config: Any, *, worker: bool = False) -> Any:
    """A procrastinate app on the state database: an async connector for workers, a sync one for the
    service, which only defers jobs and reads their counts."""
    import procrastinate

    connector: Any
    if worker:
        connector = procrastinate.PsycopgConnector(conninfo=config.url.dsn, min_size=1, max_size=4)
    else:
        connector = procrastinate.SyncPsycopgConnector(conninfo=config.url.dsn, min_size=1, max_size=4)
    return procrastinate.App(connector=connector)


def register_task(app: Any, func: Any) -> Any:
    """Register `func(incident_id)` as the advance task of `app`."""
    return app.task(name=TASK, queue=QUEUE)(func)


class PgQueue:
    """`WorkQueue` over procrastinate (the service side: submit, depth, running, recover)."""

    transactional = False
    """Jobs are deferred after intake's transaction commits (the library uses its own connection); an
    incident left `queued` without a job by a crash in between is queued again at the next start."""

    def __init__(self, db: Any, *, capacity: int = 100, retry_after: int = 5, lease: float = 30.0) -> None:
        self.db, self.capacity, self.retry_after, self.lease = db, capacity, retry_after, lease
        self.app = make_app(db.config)
        self.app.open()
        register_task(self.app, _not_here)

    def submit(self, incident_id: str, *, force: bool = False) -> bool:
        """Queue work for the incident; False when a job for it already waits."""
        from procrastinate.exceptions import AlreadyEnqueued

        if not force and (depth := self.depth()) >= self.capacity:
            raise QueueFullError(depth, self.retry_after)
        task = self.app.tasks[TASK].configure(lock=incident_id, queueing_lock=incident_id)
        try:
            task.defer(incident_id=incident_id)
        except AlreadyEnqueued:
            return False
        return True

    def submit_in(self, conn: Any, incident_id: str) -> None:  # noqa: ARG002 - see `transactional`
        """Queue work for a new incident (capacity checked by the caller)."""
        self.submit(incident_id, force=True)

    def _count(self, status: str) -> int:
        with self.db.reading() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM procrastinate_jobs WHERE queue_name = ? AND status = ?",
                                    (QUEUE, status)).fetchone()[0])

    def depth(self) -> int:
        """Jobs waiting."""
        return self._count("todo")

    def running(self) -> int:
        """Jobs a worker is advancing."""
        return self._count("doing")

    def recover(self, worker: str | None = None) -> int:  # noqa: ARG002 - workers are found by heartbeat
        """Put back the jobs of workers whose heartbeat is older than the lease; returns how many. Runs on a
        thread of its own, so it works from inside an event loop (the service's start-up) too."""
        import asyncio
        import threading

        done: list[int] = []
        thread = threading.Thread(target=lambda: done.append(asyncio.run(retry_stalled(self.db.config, self.lease))),
                                  name="aiops-queue-recover")
        thread.start()
        thread.join()
        if not done:
            raise RuntimeError("could not check the queue for stalled jobs (see the log above)")
        return done[0]


async def retry_stalled(config: Any, lease: float, app: Any = None) -> int:
    """Retry every running job whose worker stopped sending heartbeats more than `lease` seconds ago."""
    own = app is None
    if own:
        app = make_app(config, worker=True)
        await app.open_async()
    try:
        stalled = list(await app.job_manager.get_stalled_jobs(queue=QUEUE, seconds_since_heartbeat=lease))
        for job in stalled:
            log.warning("job %s (incident %s) lost its worker; queued again", job.id,
                        job.task_kwargs.get("incident_id"))
            await app.job_manager.retry_job(job)
        if stalled:
            await app.job_manager.prune_stalled_workers(seconds_since_heartbeat=lease)
        return len(stalled)
    finally:
        if own:
            await app.close_async()


def _not_here(incident_id: str) -> None:
    """The service never runs jobs itself (only `aiops worker` does); registered so it can defer them."""
    raise RuntimeError(f"incident {incident_id}: jobs run in `aiops worker` processes")
