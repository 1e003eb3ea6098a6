"""A worker process on PostgreSQL: a procrastinate worker that advances incidents, on any machine.

Each process runs one job at a time (investigations are CPU-bound Python; `aiops worker --concurrency N`
starts N processes). While a job runs the worker sends a heartbeat every `lease / 4` seconds; a
reaper in every worker puts back the jobs of workers silent for longer than `lease` (killed, frozen,
cut off), so a dead worker's incident continues on another one from its last checkpoint. An action
already executed is not executed again: the approval's claim and the executor's idempotency key are
in the state database, shared by every worker.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from aiops.runtime.home import StateHome
from aiops.server.jobqueue import worker_name
from aiops.server.pgqueue import QUEUE, make_app, register_task, retry_stalled

log = logging.getLogger("aiops.worker")


def run(home: StateHome, *, lease: float = 30.0, poll: float = 1.0) -> int:
    """Take and advance jobs until SIGTERM or SIGINT (the job in hand finishes first)."""
    from aiops.runtime import state
    from aiops.server.db import ServerDB
    from aiops.server.events import EventLog
    from aiops.server.worker import Worker

    db = state.database(home)  # checks the schema and the key before taking any job
    assert db is not None
    events = EventLog(ServerDB(home.root, db))
    handler = Worker.for_database(home, events)
    app = make_app(db.config, worker=True)

    def advance_incident(incident_id: str) -> None:
        handler.advance(incident_id)

    register_task(app, advance_incident)
    asyncio.run(_main(app, db.config, lease, poll))
    return 0


async def _main(app: Any, config: Any, lease: float, poll: float) -> None:
    async with app.open_async():
        reaper = asyncio.create_task(_reap(app, config, lease))
        try:
            await app.run_worker_async(queues=[QUEUE], concurrency=1, name=worker_name(),
                                       fetch_job_polling_interval=poll, update_heartbeat_interval=max(0.5, lease / 4),
                                       stalled_worker_timeout=lease, install_signal_handlers=True)
        finally:
            reaper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reaper


async def _reap(app: Any, config: Any, lease: float) -> None:
    """Every half lease: queue again the jobs of workers that stopped sending heartbeats."""
    while True:
        await asyncio.sleep(max(0.5, lease / 2))
        try:
            await retry_stalled(config, lease, app)
        except Exception:  # a database hiccup must not stop the worker; the next round retries
            log.exception("could not check for stalled jobs")
