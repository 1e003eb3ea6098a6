"""Everything one server holds: the state folder's stores, the queue, the workers, the notifier.
Also what happens at start (jobs left running are queued again; queued and interrupted incidents
continue) and at stop (workers finish or checkpoint their work)."""

from __future__ import annotations

import logging
from typing import Any

from aiops.runtime import state
from aiops.runtime.home import StateHome
from aiops.runtime.pause import pause_announced
from aiops.server.auth import Auth
from aiops.server.config import Settings
from aiops.server.db import ServerDB
from aiops.server.events import EventLog
from aiops.server.intake import Intake
from aiops.server.jobqueue import SqliteQueue, WorkQueue
from aiops.server.metrics import StateCollector, registry_for
from aiops.server.notify import Notifier
from aiops.server.pgqueue import PgQueue
from aiops.server.pool import WorkerPool
from aiops.server.tokens import TokenStore
from aiops.server.views import LedgerView

log = logging.getLogger("aiops.serve")

RESTARTABLE = ("queued", "running", "interrupted")
"""Incidents that continue when the server starts (a decision already on record continues too)."""


class Service:
    """The server's parts, built from `Settings`."""

    def __init__(self, settings: Settings, *, local_user: str = "operator", start_workers: bool = True) -> None:
        self.settings = settings
        self.home = StateHome.resolve(settings.home, env_file=settings.env_file)
        database = state.database(self.home)  # PostgreSQL: schema and key checked before serving
        self.db = ServerDB(self.home.root, database)
        self.store = state.open_index(self.home)
        self.queue: WorkQueue = (SqliteQueue(self.db, capacity=settings.queue_size) if database is None else
                                 PgQueue(database, capacity=settings.queue_size, lease=settings.lease_seconds))
        self.events = EventLog(self.db)
        self.tokens = TokenStore(self.db, self.home.root)
        self.auth = Auth(self.tokens, local_user=local_user)
        self.ledger = LedgerView(self.home)
        self.intake = Intake(self.db, self.store, self.queue, self.events, team_dir=settings.team_dir,
                             capacity=settings.queue_size, model_override=settings.model_override,
                             base_url=settings.base_url)
        self.pool = WorkerPool(str(self.home.root), self.queue, settings.workers, poll=settings.poll_seconds,
                               grace=settings.grace_seconds, lease=settings.lease_seconds, env_file=settings.env_file)
        self.notifier = Notifier(self.db, self.events, settings.destinations, link_base=settings.link_base,
                                 timeout=settings.notify_timeout)
        self.registry = registry_for(StateCollector(self.store, self.db, self.queue, self.pool.alive))
        self.start_workers = start_workers
        self.stopping = False

    def recover(self) -> dict[str, int]:
        """Queue again what a stop or a crash left: jobs marked running, and incidents that were
        queued, running or interrupted (or paused with a decision already on record) without a job."""
        requeued = self.queue.recover()
        resumed = 0
        for status in (*RESTARTABLE, "awaiting_approval"):
            for record in self.store.list(status=status, limit=100_000):
                if status == "awaiting_approval" and pause_announced(record.notes):
                    continue  # waiting for a person: holds nothing
                if self.queue.submit(record.id, force=True):
                    resumed += 1
        if requeued or resumed:
            log.warning("recovered %s running job(s) and %s unfinished incident(s)", requeued, resumed)
        return {"requeued": requeued, "resumed": resumed}

    def start(self) -> None:
        """Recover, then start the workers and the notifier."""
        self.recover()
        if self.start_workers:
            self.pool.start()
        self.notifier.start()

    def stop(self) -> None:
        """Stop taking work; let the workers finish or checkpoint; stop the notifier."""
        self.stopping = True
        if self.start_workers:
            self.pool.stop()
        self.notifier.stop()

    def source_for(self, env: str | None) -> dict[str, Any]:
        """The world an incident investigates: the server's own, or one it knows by name."""
        from aiops.core.errors import ConfigError

        if env is None or env == self.settings.world.get("name"):
            return {k: v for k, v in self.settings.world.items() if k != "name"}
        if env in self.settings.environments:
            return dict(self.settings.environments[env])
        if self.settings.world.get("kind") == "sandbox" and env.replace("-", "").isalnum():
            from aiops.sandbox import load_scenario

            load_scenario(env)  # a built-in scenario name (never a path): ConfigError when unknown
            return {"kind": "sandbox", "scenario": env}
        known = ", ".join(sorted([str(self.settings.world.get("name")), *self.settings.environments]))
        raise ConfigError(f"unknown env {env!r}; this server knows: {known}", path="env")
